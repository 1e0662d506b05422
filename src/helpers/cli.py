"""Command line: ``python -m helpers COMMAND ...`` (also installed as ``helpers``).

Commands
--------
``clean PATH... --out DIR``
    Clean articles (inputs as for ``analyze``) and write, per document,
    ``<doc_id>.clean.txt``, ``<doc_id>.clean.json`` and ``<doc_id>.repairs.csv``, plus one
    ``cleaning_report.csv`` (repairs by kind and document).

``analyze PATH... --out DIR``
    Clean and analyse articles (``.txt`` files, folders of them, ``.csv``/``.jsonl`` files with
    ``id`` and ``text`` fields, renamed with ``--id-field``/``--text-field``) and write
    ``documents.csv`` (with each document's ``responsible`` actor and ``sentiment``),
    ``sentences.csv`` (with ``sentiment`` and the VADER baseline), ``mentions.csv``, ``blame.csv``
    and ``actor_sentiment.csv`` (columns in the README).

Errors are one line naming the file and what to do, with a non-zero exit status.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from helpers import __version__


class UsageError(Exception):
    """A problem with the user's input, reported as one line (no traceback)."""


def cmd_clean(args: argparse.Namespace) -> int:
    import pandas as pd
    from tqdm import tqdm

    from helpers.cleaning import clean
    from helpers.corpus import InputError, iter_documents

    try:
        docs = list(iter_documents(args.paths, id_field=args.id_field, text_field=args.text_field))
    except InputError as exc:
        raise UsageError(str(exc)) from exc
    out = Path(args.out)
    rows = []
    for raw in tqdm(docs, desc="cleaning", unit="doc", disable=len(docs) < 2 or args.quiet):
        doc = clean(raw.text, doc_id=raw.doc_id, quotes=args.quotes)
        doc.metadata.update(source_path=raw.source, encoding=raw.encoding)
        doc.write(out)
        rows.extend({"doc_id": doc.doc_id, "kind": k, "count": n} for k, n in doc.repair_counts().items() if n)
    out.mkdir(parents=True, exist_ok=True)
    report = pd.DataFrame(rows, columns=["doc_id", "kind", "count"]).sort_values(["doc_id", "kind"])
    report.to_csv(out / "cleaning_report.csv", index=False, lineterminator="\n")
    if not args.quiet:
        print(f"cleaned {len(docs)} document(s) into {out}", file=sys.stderr)
    return 0


def cmd_analyze(args: argparse.Namespace) -> int:
    from helpers.corpus import InputError, analyze, iter_documents, write_tables

    try:
        docs = list(iter_documents(args.paths, id_field=args.id_field, text_field=args.text_field))
    except InputError as exc:
        raise UsageError(str(exc)) from exc
    if args.batch_size < 1:
        raise UsageError(f"--batch-size must be at least 1, not {args.batch_size}.")
    tables = analyze(docs, batch_size=args.batch_size, progress=not args.quiet, sentiment=not args.no_sentiment)
    paths = write_tables(tables, args.out)
    if not args.quiet:
        failed = int((tables["documents"]["error"] != "").sum())
        print(f"analysed {len(docs)} document(s), {failed} with errors; tables in {args.out}: "
              + ", ".join(sorted(p.name for p in paths.values())), file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m helpers", description=__doc__.split("\n\n")[0])
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("clean", help="clean .txt articles and write the clean text, metadata and repairs")
    p.add_argument("paths", nargs="+", metavar="PATH", help=".txt file, folder of .txt files, .csv or .jsonl file")
    p.add_argument("--out", required=True, metavar="DIR", help="output folder (created if missing)")
    p.add_argument("--quotes", choices=["ascii", "keep"], default="ascii", help="quote style of the body")
    p.add_argument("--id-field", default="id", help="CSV/JSONL field with the document id (default: id)")
    p.add_argument("--text-field", default="text", help="CSV/JSONL field with the text (default: text)")
    p.add_argument("--quiet", action="store_true", help="no progress bar or summary on stderr")
    p.set_defaults(func=cmd_clean)
    a = sub.add_parser("analyze", help="clean and analyse articles; write documents, sentences, mentions and blame tables")
    a.add_argument("paths", nargs="+", metavar="PATH", help=".txt file, folder of .txt files, .csv or .jsonl file")
    a.add_argument("--out", required=True, metavar="DIR", help="output folder (created if missing)")
    a.add_argument("--id-field", default="id", help="CSV/JSONL field with the document id (default: id)")
    a.add_argument("--text-field", default="text", help="CSV/JSONL field with the text (default: text)")
    a.add_argument("--batch-size", type=int, default=32, help="documents per spaCy batch (default: 32)")
    a.add_argument("--no-sentiment", action="store_true", help="skip the sentiment scorers (faster; columns left empty)")
    a.add_argument("--quiet", action="store_true", help="no progress bar or summary on stderr")
    a.set_defaults(func=cmd_analyze)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
