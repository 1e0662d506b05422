"""Command line: ``python -m helpers COMMAND ...`` (also installed as ``helpers``).

Commands
--------
``clean PATH... --out DIR``
    Clean articles (inputs as for ``analyze``) and write, per document,
    ``<doc_id>.clean.txt``, ``<doc_id>.clean.json`` and ``<doc_id>.repairs.csv``, plus one
    ``cleaning_report.csv`` (repairs by kind and document).

``analyze PATH... --out DIR [--catalog PACKS] [--sentiment model|rules|none] [--n-process N] [--batch-size B]
[--format csv|parquet] [--scheduler ADDRESS] [--on-duplicate-id error|suffix] [--resume]``
    Clean and analyse articles (``.txt``/``.html`` files, folders of them, ``.csv``/``.jsonl``
    files with ``id`` and ``text`` fields, renamed with ``--id-field``/``--text-field``) and write
    ``documents`` (with each document's ``responsible`` actor, ``sentiment`` and ``error``),
    ``sentences`` (with ``sentiment`` and the VADER baseline), ``mentions``, ``blame`` and
    ``actor_sentiment`` tables (columns in the README). The corpus is streamed: tables are
    written batch by batch and moved into place when the run ends. The whole input is checked
    first (fields, readable files, unique ids: ``--on-duplicate-id``), before anything is analysed.
    A document that cannot be read or analysed gets its reason in ``documents.error``; the run
    goes on, and ends with the errors counted by kind (exit status 1 only if no document could be
    analysed). An interrupted run continues with ``--resume``. ``--catalog`` chooses
    the actor catalog pack(s) by name or folder (default ``world``), ``--sentiment`` the scorer;
    worker processes and Dask workers rebuild exactly these resources.

Errors are one line naming the file and what to do, with a non-zero exit status.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from helpers import __version__


class UsageError(Exception):
    """A problem with the user's input, reported as one line (no traceback)."""


def cmd_clean(args: argparse.Namespace) -> int:
    import pandas as pd
    from tqdm import tqdm

    from helpers.corpus import InputError, iter_documents
    from helpers.text import clean

    try:
        docs = list(iter_documents(args.paths, id_field=args.id_field, text_field=args.text_field))
    except InputError as exc:
        raise UsageError(str(exc)) from exc
    out = Path(args.out)
    rows, skipped = [], []
    for raw in tqdm(docs, desc="cleaning", unit="doc", disable=len(docs) < 2 or args.quiet):
        if raw.error:  # unreadable or binary: reported, the others are cleaned
            skipped.append(f"{raw.source}: {raw.error}")
            continue
        doc = clean(raw.text, doc_id=raw.doc_id, quotes=args.quotes)
        doc.metadata.update(source_path=raw.source, encoding=raw.encoding, format=raw.format)
        doc.write(out)
        rows.extend({"doc_id": doc.doc_id, "kind": k, "count": n} for k, n in doc.repair_counts().items() if n)
    out.mkdir(parents=True, exist_ok=True)
    report = pd.DataFrame(rows, columns=["doc_id", "kind", "count"]).sort_values(["doc_id", "kind"])
    report.to_csv(out / "cleaning_report.csv", index=False, lineterminator="\n")
    for line in skipped:
        print(f"skipped {line}", file=sys.stderr)
    if not args.quiet:
        print(f"cleaned {len(docs) - len(skipped)} document(s) into {out}", file=sys.stderr)
    return 0


def cmd_analyze(args: argparse.Namespace) -> int:
    from helpers.corpus import InputError, analyze_dask, analyze_to, iter_documents
    from helpers.corpus.writers import PARTIAL

    for name in ("batch_size", "n_process"):
        if getattr(args, name) < 1:
            raise UsageError(f"--{name.replace('_', '-')} must be at least 1, not {getattr(args, name)}.")
    if args.n_process > (os.cpu_count() or 1) * 4:
        raise UsageError(f"--n-process {args.n_process} is far more than this machine's {os.cpu_count()} cores.")
    options = dict(fmt=args.format, batch_size=args.batch_size, progress=not args.quiet, resume=args.resume)
    try:
        spec = _resource_spec(args)
        docs = iter_documents(args.paths, id_field=args.id_field, text_field=args.text_field,
                              on_duplicate_id=args.on_duplicate_id)  # the input is checked here, in full
        _warn(docs.plan.warnings)
        options.update(total=docs.total, inputs=_inputs_description(args, docs.plan))
        if args.scheduler:
            client = _dask_client(args.scheduler)
            with client:
                summary = analyze_dask(client, docs, args.out, spec, **options)
        else:
            summary = analyze_to(docs, args.out, spec, n_process=args.n_process, **options)
    except InputError as exc:
        raise UsageError(str(exc)) from exc
    except KeyboardInterrupt:
        print(f"\ninterrupted: the complete batches are kept in {Path(args.out) / PARTIAL}; run the same command "
              "with --resume to continue from there.", file=sys.stderr)
        return 130
    return _report(summary, args)


def _report(summary, args: argparse.Namespace) -> int:
    """Print what the run did and its errors by kind; 1 if no document at all could be analysed."""
    total = summary.documents + summary.resumed
    failed = sum(summary.errors.values())
    if not args.quiet:
        if summary.discarded:
            print(f"note: an unfinished earlier run in {args.out} was discarded (--resume continues one).",
                  file=sys.stderr)
        kept = f" (and {summary.resumed} kept from the interrupted run)" if summary.resumed else ""
        kinds = ", ".join(f"{n} {kind}" for kind, n in summary.errors.items())
        errors = f"{failed} with errors: {kinds} (see documents.{args.format}, column error)" if failed else "no errors"
        print(f"analysed {summary.documents} document(s){kept}, {summary.words:,} words in {summary.seconds:.1f} s; "
              f"{errors}; tables in {args.out}: " + ", ".join(p.name for p in summary.paths.values()), file=sys.stderr)
    if total == failed:
        print(f"error: no document could be analysed ({total} in the input); see documents.{args.format}, "
              "column error.", file=sys.stderr)
        return 1
    return 0


def _warn(warnings: list[str], most: int = 20) -> None:
    for warning in warnings[:most]:
        print(f"warning: {warning}", file=sys.stderr)
    if len(warnings) > most:
        print(f"warning: ... and {len(warnings) - most} more like these.", file=sys.stderr)


def _inputs_description(args: argparse.Namespace, plan) -> dict:
    """What identifies the input of a run (for --resume): the paths, their files' sizes and
    modification times (as one digest), and how they are read."""
    import hashlib

    digest = hashlib.sha256()
    for source in plan.sources:
        for f in source.files or [source.path]:
            try:
                st = os.stat(f)
                stamp = f"{st.st_size}\0{st.st_mtime_ns}"
            except OSError:  # a broken link: an error row either way
                stamp = "missing"
            digest.update(f"{Path(f).resolve()}\0{stamp}\n".encode())
    return {"paths": [str(Path(p).resolve()) for p in args.paths], "files": digest.hexdigest(),
            "id_field": args.id_field, "text_field": args.text_field, "on_duplicate_id": args.on_duplicate_id}


def _resource_spec(args: argparse.Namespace):
    """The run's resources, checked here and loaded where the analysis runs (this process, each
    worker process or each Dask worker)."""
    from helpers.resources import resource_spec

    try:
        return resource_spec(args.catalog, sentiment=args.sentiment)
    except (OSError, ValueError) as exc:
        raise UsageError(" ".join(str(exc).split())) from exc


def _dask_client(address: str):
    try:
        from distributed import Client
    except ImportError as exc:  # pragma: no cover - distributed is a pinned dependency
        raise UsageError("--scheduler needs the 'distributed' package: run `make setup`.") from exc
    try:
        return Client(address, timeout="10s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise UsageError(f"cannot reach the Dask scheduler at {address} ({exc}); start it with "
                         "`dask scheduler` or check the address.") from exc


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors (no usage dump): ``error: ... (see --help)``, exit 2."""

    def error(self, message: str):  # noqa: D401 - argparse API
        print(f"error: {message} (see `{self.prog} --help`)", file=sys.stderr)
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m helpers", description=__doc__.split("\n\n")[0])
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    p = sub.add_parser("clean", help="clean .txt articles and write the clean text, metadata and repairs")
    p.add_argument("paths", nargs="+", metavar="PATH", help=".txt file, folder of .txt files, .csv or .jsonl file")
    p.add_argument("--out", required=True, metavar="DIR", help="output folder (created if missing)")
    p.add_argument("--quotes", choices=["ascii", "keep"], default="ascii", help="quote style of the body")
    p.add_argument("--id-field", default="id", help="CSV/JSONL field with the document id (default: id)")
    p.add_argument("--text-field", default="text", help="CSV/JSONL field with the text (default: text)")
    p.add_argument("--quiet", action="store_true", help="no progress bar or summary on stderr")
    p.set_defaults(func=cmd_clean)
    a = sub.add_parser("analyze",
                       help="clean and analyse articles; write documents, sentences, mentions and blame tables")
    a.add_argument("paths", nargs="+", metavar="PATH", help=".txt file, folder of .txt files, .csv or .jsonl file")
    a.add_argument("--out", required=True, metavar="DIR", help="output folder (created if missing)")
    a.add_argument("--id-field", default="id", help="CSV/JSONL field with the document id (default: id)")
    a.add_argument("--text-field", default="text", help="CSV/JSONL field with the text (default: text)")
    a.add_argument("--batch-size", type=int, default=32, help="documents per batch and per nlp.pipe call (default: 32)")
    a.add_argument("--n-process", type=int, default=1, metavar="N",
                   help="worker processes, each with its own pipeline (default: 1; results are the same for any N)")
    a.add_argument("--format", choices=["csv", "parquet"], default="csv", help="table format (default: csv)")
    a.add_argument("--scheduler", metavar="ADDRESS", help="run on the Dask cluster at ADDRESS (tcp://host:8786) "
                   "instead of local processes; workers need this package installed")
    a.add_argument("--catalog", default="world", metavar="NAMES_OR_PATHS",
                   help="actor catalog pack(s): comma-separated pack names or pack folder paths (default: world; "
                   "world,syria adds the Syrian-war pack)")
    a.add_argument("--sentiment", default="model", metavar="METHOD",
                   help="sentiment scorer: model (learned, default), rules (fast, less accurate) or none")
    a.add_argument("--no-sentiment", dest="sentiment", action="store_const", const="none",
                   help="skip the sentiment scorers (faster; columns left empty): same as --sentiment none")
    a.add_argument("--on-duplicate-id", choices=["error", "suffix"], default="error",
                   help="a repeated document id: refuse the input before analysing anything (error, default) "
                   "or keep both, the later ones renamed ID~2, ID~3 ... with a warning (suffix)")
    a.add_argument("--resume", action="store_true",
                   help="continue the interrupted run in --out (same inputs and options) after its last complete "
                   "batch; the tables are those an uninterrupted run writes")
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
