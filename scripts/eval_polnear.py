"""Measure the quotes table on PolNeAR (attribution relations in US election news), for development.

    python scripts/eval_polnear.py --path ../shared/data/polnear/dev.jsonl
    python scripts/eval_polnear.py --path ../shared/data/polnear/train.jsonl --limit 150 --errors 40

PolNeAR (Newell, Margolin & Ruths, LREC 2018) states no licence and its texts belong to their
publishers: this script reads it from the path it is given and writes only figures (and, with
``--errors``, examples to the terminal); nothing of it is copied into the project. Each article's
text is analysed as a raw document (``helpers.corpus.analyze``, catalog ``world``, no sentiment)
and its quotes table scored with :func:`helpers.evaluation.attributions.score_attributions`:
precision, recall and F1 of attributions (a gold attribution is found when a row's cue overlaps
its cue or the row's content covers half of its content), speaker accuracy on the found ones,
and both by kind (direct, indirect, mixed). Also prints the cost of the quotes finder per 1,000
words (the finder alone, on the parsed documents). Tune on ``train.jsonl``; report ``dev.jsonl``.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path


def _gold(a: dict) -> dict:
    span = lambda k: (a[k][0], a[k][1]) if a.get(k) else None  # noqa: E731
    return {"cue": span("cue"), "content": span("content"), "source": span("source"),
            "source_text": a["source"][2] if a.get("source") else ""}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--path", type=Path, required=True, help="a PolNeAR jsonl file (train.jsonl or dev.jsonl)")
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument("--errors", type=int, default=0, help="print N missed gold attributions and N wrong rows")
    parser.add_argument("--catalog", default="world")
    args = parser.parse_args(argv)

    from helpers.corpus import RawDocument, analyze
    from helpers.evaluation.attributions import match_attributions, score_attributions
    from helpers.quotes import find_attributions, load_speech
    from helpers.resources import load_resources

    lines = args.path.read_text(encoding="utf-8").splitlines()
    articles = [json.loads(line) for line in lines[: args.limit or None]]
    docs = [(a["id"], a["text"], [_gold(x) for x in a["attributions"]]) for a in articles]
    res = load_resources(args.catalog, "none")
    raws = [RawDocument(doc_id, text, str(args.path)) for doc_id, text, _ in docs]
    tables = analyze(raws, res, progress=True)
    failed = tables["documents"][tables["documents"]["error"] != ""]
    speech = load_speech("quotes")
    scores = score_attributions(docs, tables["quotes"], speech.marks)
    o, s = scores["overall"], scores["speaker"]
    words = int(tables["documents"]["n_words"].sum())
    print(f"\n{args.path.name}: {len(docs)} articles ({len(failed)} failed), {words:,} words, "
          f"{o['gold']} gold attributions, {o['pred']} rows")
    for m in ("precision", "recall", "f1"):
        print(f"  {m:9s} {o[m]:.3f} ({o[m + '_low']:.3f}-{o[m + '_high']:.3f})")
    print(f"  speaker accuracy on the {s['found']} found: {s['accuracy']:.3f} ({s['low']:.3f}-{s['high']:.3f})")
    print(scores["by_kind"].round(3).to_string(index=False))
    print("rows by pattern:", tables["quotes"]["pattern"].value_counts().to_dict())

    parsed = [res.nlp(text) for _, text, _ in docs[:40]]
    t0 = time.process_time()
    for doc in parsed:
        find_attributions(doc, res.speech)
    cpu = time.process_time() - t0
    n = sum(1 for doc in parsed for t in doc if not (t.is_punct or t.is_space))
    print(f"quotes finder: {1000 * cpu / n * 1000:.1f} ms CPU per 1,000 words ({n:,} words)")

    if args.errors:
        _print_errors(docs, tables["quotes"], args.errors, match_attributions)
    return 0


def _print_errors(docs, quotes, n: int, match) -> None:
    missed, wrong = [], []
    grouped = dict(tuple(quotes.groupby("doc_id", sort=False)))
    for doc_id, text, gold in docs:
        rows = grouped.get(doc_id, quotes.iloc[:0]).reset_index(drop=True)
        pairs = match(gold, rows)
        gi, rj = {i for i, _ in pairs}, {j for _, j in pairs}
        for i, g in enumerate(gold):
            if i not in gi and g["cue"]:
                a, b = g["cue"]
                missed.append(f"MISS cue={text[a:b]!r} src={g['source_text']!r} | {text[max(0, a - 120):b + 60]!r}")
        for j, r in rows.iterrows():
            if j not in rj:
                wrong.append(f"EXTRA {r['pattern']} cue={r['cue']!r} spk={r['speaker_text']!r} "
                             f"| {r['content'][:140]!r}")
    import random

    rng = random.Random(0)
    for line in rng.sample(missed, min(n, len(missed))) + rng.sample(wrong, min(n, len(wrong))):
        print(line)


if __name__ == "__main__":
    raise SystemExit(main())
