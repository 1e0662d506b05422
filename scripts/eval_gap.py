"""Measure the pronoun resolver on GAP (development and validation), with GAP's own scorer.

    python scripts/eval_gap.py                       # both models, outputs/gap/
    python scripts/eval_gap.py --model encoder --out DIR
    python scripts/eval_gap.py --timing              # time the component on news instead

For each model (``syntax``, ``encoder``) it runs en_core_web_sm (helpers.nlp.load_nlp) and the
``pronoun_resolver`` on every snippet, takes A, B or neither from the antecedent the resolver
chose for the pronoun at Pronoun-offset (helpers.evaluation.gap.predict), and scores it with
gap_scorer.py's logic. No figure comes from a ranker trained on what it scores: development is
predicted out of fold (5 folds grouped by page, each ranker trained on the other folds and on
validation), validation by a ranker trained on development (helpers.evaluation.gap.evaluate_gap).
The shipped weights, trained on both splits, are not what is scored.

Writes, under --out: ``<model>-<split>.tsv`` (GAP's system format: ID, A-coref, B-coref), read
back and scored from the file; ``scores.csv`` (recall, precision, F1 overall / masculine /
feminine, bias F/M, bootstrap 95% interval of overall F1 over examples, the nearest-antecedent
baseline); and prints GAP's scorecard for each file.

``--timing``: the CPU time the component adds per 1,000 words, on the 241 vendored Wikinews
articles (data/external/wikinews, parsed once by en_core_web_sm; the component alone is timed,
``--repeats`` times, after one warm-up pass that loads the encoder), for each model, beside the
time of en_core_web_sm itself on the same articles; written to ``timing.csv``.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", choices=("syntax", "encoder", "both"), default="both")
    parser.add_argument("--out", type=Path, default=None, help="output folder (default outputs/gap)")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--timing", action="store_true", help="time the component on news instead")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)

    import pandas as pd

    from helpers import paths
    from helpers.evaluation import gap as G

    out = args.out or paths.OUTPUTS_DIR / "gap"
    out.mkdir(parents=True, exist_ok=True)
    if args.timing:
        table = timing(args.repeats)
        table.to_csv(out / "timing.csv", index=False)
        print(table.to_string(index=False))
        return 0
    docs = G.parse_gap()
    frames = []
    for model in (("syntax", "encoder") if args.model == "both" else (args.model,)):
        ev = G.evaluate_gap(model, docs, folds=args.folds)
        for split, pred in ev.predictions.items():
            path = out / f"{model}-{split}.tsv"
            G.write_predictions(pred, path)
            gs = G.gap_scorer()
            scores = gs.calculate_scores(G.annotations(ev.frames[split], True),
                                         G.annotations(G.read_predictions(path), False))
            print(f"== {model}, {split} ({path})\n{gs.make_scorecard(scores)}")
        frames.append(G.scores_frame(ev))
    table = pd.concat(frames, ignore_index=True).round(4)
    table.to_csv(out / "scores.csv", index=False)
    print(table.to_string(index=False))
    return 0


def timing(repeats: int):
    """CPU milliseconds per 1,000 words: en_core_web_sm, and the component (each model) after it."""
    import time

    import pandas as pd

    from helpers.actors.pronouns import build_resolver
    from helpers.evaluation.datasets import load_wikinews
    from helpers.nlp import load_nlp

    texts = list(load_wikinews()["text"])
    nlp = load_nlp()
    t = time.process_time()
    docs = list(nlp.pipe(texts, batch_size=16))
    spacy_ms = (time.process_time() - t) * 1000
    words = sum(sum(not (tok.is_punct or tok.is_space) for tok in d) for d in docs)
    rows = [{"what": "en_core_web_sm", "repeat": 0, "ms_per_1000_words": 1000 * spacy_ms / words, "words": words}]
    for model in ("syntax", "encoder"):
        resolver = build_resolver({"encoder": model == "encoder"})
        for d in docs[:5]:  # warm-up: loads the encoder
            resolver(d)
        for r in range(1, repeats + 1):
            t = time.process_time()
            for d in docs:
                resolver(d)
            ms = (time.process_time() - t) * 1000
            rows.append({"what": f"pronoun_resolver ({model})", "repeat": r, "ms_per_1000_words": 1000 * ms / words,
                         "words": words})
    return pd.DataFrame(rows).round(2)


if __name__ == "__main__":
    raise SystemExit(main())
