"""Soak the corpus analysis: thousands of perturbed real documents, then every table invariant.

    python scripts/soak.py                                   # 2,000 documents, rule sentiment (about 15 minutes)
    python scripts/soak.py --n 200 --seed 3 --sentiment none --out outputs/soak-small

The corpus: every vendored article of ``tests/fixtures/*.txt`` (FA-KES and Wikinews, see
``tests/fixtures/SOURCE.md``) as it is, then ``--n`` documents built from their sentences with
perturbations (:func:`helpers.evaluation.perturb.perturbed_corpus`: lists, Markdown, HTML,
emoji, control characters, 2,000-word sentences...). It runs :func:`helpers.corpus.analyze_to`
on parts of ``--part`` documents (CSV tables in ``OUT/part-NNNN/``), so that an exception that
escapes the analysis is counted, its documents found (each part that raised is re-run one
document at a time) and the run goes on without them. Then it checks the written tables with
:func:`helpers.evaluation.perturb.table_violations` and prints: documents, errors by kind (the
text of ``documents.error`` before its first ':' or '('), escaped exceptions, invariant violations and
seconds. ``OUT/soak.json`` keeps the figures and every violation; ``OUT/escaped/`` the text of
every document whose exception escaped, to reproduce it.

Exit status 1 when an exception escaped or an invariant was broken, else 0.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
#: The catalog pack(s) every run uses.
CATALOG = ("world", "syria")  # the default pack and the pack of the corpus (Syrian-war articles)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--n", type=int, default=2000, help="perturbed documents (the originals come on top)")
    p.add_argument("--seed", type=int, default=0, help="seed of the perturbed corpus")
    p.add_argument("--source", choices=("fixtures", "vendored"), default="fixtures",
                   help="the real articles: the test fixtures (9), or every vendored FA-KES development and "
                   "Wikinews article (480)")
    p.add_argument("--copies", type=int, default=0,
                   help="perturbed copies of every real article (1-3 perturbations each), on top of --n")
    p.add_argument("--sentiment", choices=("rules", "model", "none"), default="rules")
    p.add_argument("--out", type=Path, default=ROOT / "outputs" / "soak", help="folder of the tables and soak.json")
    p.add_argument("--part", type=int, default=200, help="documents per analyze_to run")
    p.add_argument("--n-process", type=int, default=1, help="worker processes of analyze_to")
    return p.parse_args(argv)


def articles(source: str) -> dict[str, str]:
    """The real articles, by id."""
    if source == "fixtures":
        return {p.stem: p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))}
    from helpers.evaluation.datasets import load_fakes, load_wikinews

    frames = [load_fakes().drop_duplicates("doc_id"), load_wikinews()]
    return {d: t for f in frames for d, t in zip(f["doc_id"], f["text"])}


def corpus(source: str, n: int, seed: int, copies: int) -> list[tuple[str, str, tuple[str, ...]]]:
    """``(doc_id, text, perturbations)``: the real articles unchanged, ``copies`` perturbed copies
    of each, then ``n`` documents built from their sentences with perturbations."""
    import random

    from helpers.evaluation.perturb import PERTURBATIONS, perturb, perturbed_corpus

    texts = articles(source)
    docs = [(f"orig-{d}", t, ()) for d, t in texts.items()]
    names = sorted(PERTURBATIONS)
    for d, t in texts.items():
        for c in range(copies):
            rng = random.Random(f"{seed}:{d}:{c}")
            chosen = tuple(rng.sample(names, rng.randint(1, 3)))
            docs.append((f"copy{c}-{d}", perturb(t, chosen, rng), chosen))
    return docs + [(d.doc_id, d.text, d.perturbations) for d in perturbed_corpus(list(texts.values()), n, seed)]


def _raw(doc_id: str, text: str):
    from helpers.corpus import RawDocument

    return RawDocument(doc_id, text, "soak")


def _escaping(docs, res) -> list[dict]:
    """The documents of ``docs`` whose analysis alone raises, with the exception."""
    from helpers.corpus import Analyzer

    analyzer, found = Analyzer(res), []
    for doc_id, text, names in docs:
        try:
            analyzer.batch([_raw(doc_id, text)])
        except Exception as exc:  # what the soak is looking for
            found.append({"doc_id": doc_id, "perturbations": list(names), "exception": f"{type(exc).__name__}: {exc}",
                          "where": traceback.format_exc().strip().splitlines()[-3].strip()})
    return found


def run_part(k: int, docs, res, out: Path, n_process: int) -> tuple[Path | None, list[dict], list]:
    """Analyse one part into ``out/part-k``; return its folder, the escaped exceptions (one per
    document that raises alone) and the documents analysed (all but those)."""
    from helpers.corpus import analyze_to

    folder = out / f"part-{k:04d}"
    try:
        analyze_to((_raw(d, t) for d, t, _ in docs), folder, res, n_process=n_process)
        return folder, [], docs
    except Exception as exc:  # an escaped exception: find its documents, analyse the others
        escaped = _escaping(docs, res) or [{"doc_id": "", "perturbations": [], "where": "(no single document raises)",
                                            "exception": f"{type(exc).__name__}: {exc} (part {k})"}]
        bad = {e["doc_id"] for e in escaped}
        kept = [d for d in docs if d[0] not in bad]
        try:
            analyze_to((_raw(d, t) for d, t, _ in kept), folder, res, n_process=n_process)
        except Exception as again:
            escaped.append({"doc_id": "", "perturbations": [], "where": "(part without its escaping documents)",
                            "exception": f"{type(again).__name__}: {again} (part {k})"})
            return None, escaped, []
        return folder, escaped, kept


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    from tqdm import tqdm

    from helpers.corpus import error_kind, read_tables
    from helpers.evaluation.invariants import table_violations
    from helpers.resources import load_resources

    t0 = time.perf_counter()
    docs = corpus(args.source, args.n, args.seed, args.copies)
    res = load_resources(CATALOG, sentiment=args.sentiment)
    args.out.mkdir(parents=True, exist_ok=True)
    parts = [docs[i : i + args.part] for i in range(0, len(docs), args.part)]
    escaped, folders, errors, per_perturbation = [], [], Counter(), Counter()
    t1 = time.perf_counter()
    with tqdm(total=len(docs), unit="doc", desc="soak", file=sys.stderr) as bar:
        for k, part in enumerate(parts):
            folder, esc, kept = run_part(k, part, res, args.out, args.n_process)
            escaped += esc
            if folder is not None:
                folders.append((folder, kept))
            bar.update(len(part))
            bar.set_postfix_str(f"{len(escaped)} escaped")
    analysis_s = time.perf_counter() - t1
    violations, n_docs = [], 0
    names = {d: p for d, _, p in docs}
    for folder, kept in tqdm(folders, unit="part", desc="checking", file=sys.stderr):
        tables = read_tables(folder)
        violations += table_violations(tables, {d: t for d, t, _ in kept}, res.nlp.tokenizer)
        n_docs += len(tables["documents"])
        for doc_id, error in zip(tables["documents"]["doc_id"], tables["documents"]["error"]):
            if error:
                errors[error_kind(error)] += 1  # the kinds the command line counts
                per_perturbation.update(names[doc_id] or ("(none)",))
    seconds = time.perf_counter() - t0
    _write_escaped(args.out, escaped, dict((d, t) for d, t, _ in docs))
    summary = {"documents": n_docs, "generated": len(docs), "n": args.n, "seed": args.seed, "source": args.source,
               "copies": args.copies,
               "sentiment": args.sentiment, "errors": sum(errors.values()),
               "errors_by_kind": dict(errors.most_common()),
               "errors_by_perturbation": dict(per_perturbation.most_common()), "escaped_exceptions": escaped,
               "violations": violations, "analysis_seconds": round(analysis_s, 1), "seconds": round(seconds, 1)}
    (args.out / "soak.json").write_text(json.dumps(summary, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    _print(summary)
    return 1 if escaped or violations else 0


def _write_escaped(out: Path, escaped: list[dict], texts: dict[str, str]) -> None:
    folder = out / "escaped"
    for e in escaped:
        if e["doc_id"]:
            folder.mkdir(exist_ok=True)
            (folder / f"{e['doc_id']}.txt").write_text(texts[e["doc_id"]], encoding="utf-8")


def _print(s: dict) -> None:
    print(f"documents            {s['documents']:,} written of {s['generated']:,} generated "
          f"({s['n']:,} perturbed, seed {s['seed']}, sentiment {s['sentiment']})")
    print(f"errors               {s['errors']:,}")
    for kind, n in s["errors_by_kind"].items():
        print(f"  {n:6,}  {kind}")
    print(f"escaped exceptions   {len(s['escaped_exceptions']):,}")
    for e in s["escaped_exceptions"]:
        print(f"  {e['doc_id'] or '-'} {'+'.join(e['perturbations']) or '(none)'}: {e['exception']}  [{e['where']}]")
    print(f"invariant violations {len(s['violations']):,}")
    for v in s["violations"][:20]:
        print(f"  {v}")
    if len(s["violations"]) > 20:
        print(f"  ... {len(s['violations']) - 20:,} more in soak.json")
    print(f"seconds              {s['seconds']:,.1f} (analysis {s['analysis_seconds']:,.1f})")


if __name__ == "__main__":
    sys.exit(main())
