"""Fitting and measuring the learned heads on the vendored development data, out-of-fold.

Owns the grouped cross-validation of the two heads (folds of whole editorials / whole sentences,
assigned by a seeded permutation), the per-item predictions behind notebook 06
(:func:`nyt_predictions`, :func:`newsmtsc_predictions`: every system beside the human label, the
project's scored by a model that never saw the item), their summaries (:func:`evaluate_nyt`,
:func:`evaluate_newsmtsc`), and :func:`data_digests`, the sha256 of every file the shipped
weights were fitted from (``scripts/train_sentiment.py`` records them; a test compares).
The data sets are read by :mod:`helpers.evaluation.datasets` and Pearson's r is
:func:`helpers.evaluation.metrics.pearson`, both imported on use (they belong to the checkout);
macro-F1 and accuracy are scikit-learn's (``f1_score``, ``accuracy_score``), as the shipped
figures were computed.
"""

from __future__ import annotations

import hashlib
import json

import numpy as np
import pandas as pd

from helpers.quotes import SPEECH, load_marks, load_speech
from helpers.sentiment.features import (
    SENTENCE_RULE_FEATURES,
    TARGET_RULE_FEATURES,
    load_sentiment_rules,
    rule_column,
    rule_part,
    sentence_features,
    target_features,
)
from helpers.sentiment.lexicons import LEXICON_PATH, PREDICATES_PATH, RULES_PATH
from helpers.sentiment.linear import LABELS, TARGET_C, TARGET_CS, fit_sentence_model, fit_target_model
from helpers.sentiment.rules import vader_label
from helpers.sentiment.scorers import rule_target_readings, sentence_scores_from_features

__all__ = ["cross_validate_sentence", "select_target_c", "cross_validate_target_proba", "cross_validate_target",
           "nyt_predictions", "evaluate_nyt", "newsmtsc_predictions", "evaluate_newsmtsc", "data_digests"]


def _subset(df: pd.DataFrame, group: str, limit: int | None, seed: int) -> pd.DataFrame:
    """The rows of about ``limit`` rows' worth of whole groups, drawn at random (all when None)."""
    if limit is None or limit >= len(df):
        return df.reset_index(drop=True)
    groups = df[group].drop_duplicates().sample(frac=1.0, random_state=seed)
    sizes = df.groupby(group).size()
    keep, n = [], 0
    for g in groups:
        if n >= limit:
            break
        keep.append(g)
        n += int(sizes[g])
    return df[df[group].isin(keep)].reset_index(drop=True)


def _group_folds(groups: np.ndarray, folds: int, seed: int) -> np.ndarray:
    """Fold number of each row; whole groups go to one fold, assigned at random (seeded)."""
    uniq = pd.unique(groups)
    rng = np.random.default_rng(seed)
    fold_of = dict(zip(uniq, rng.permutation(len(uniq)) % folds))
    return np.array([fold_of[g] for g in groups])


def cross_validate_sentence(X: np.ndarray, y: np.ndarray, groups: np.ndarray, folds: int = 5,
                            seed: int = 0) -> np.ndarray:
    """Out-of-fold predictions of the sentence model, folds grouped by ``groups`` (editorials)."""
    fold = _group_folds(groups, folds, seed)
    pred = np.zeros(len(y))
    for f in range(folds):
        tr, te = fold != f, fold == f
        model = fit_sentence_model(X[tr], y[tr], len(SENTENCE_RULE_FEATURES))
        pred[te] = sentence_scores_from_features(X[te], model)
    return pred


def select_target_c(X: np.ndarray, y: np.ndarray, groups: np.ndarray, folds: int = 3, seed: int = 0,
                    grid: tuple[float, ...] = TARGET_CS) -> float:
    """The C of ``grid`` with the best grouped-CV macro-F1 on (X, y) (ties: the smaller C)."""
    from sklearn.metrics import f1_score

    fold = _group_folds(groups, folds, seed + 1)
    best, best_f1 = grid[0], -1.0
    for C in grid:
        pred = np.zeros(len(y), dtype=int)
        for f in range(folds):
            tr, te = fold != f, fold == f
            pred[te] = fit_target_model(X[tr], y[tr], len(TARGET_RULE_FEATURES), C).proba(X[te]).argmax(axis=1)
        f1 = f1_score(y, pred, average="macro")
        if f1 > best_f1 + 1e-9:
            best, best_f1 = C, f1
    return best


def cross_validate_target_proba(X: np.ndarray, y: np.ndarray, groups: np.ndarray, folds: int = 5, seed: int = 0,
                                C: float | None = TARGET_C) -> np.ndarray:
    """Out-of-fold class probabilities (n, 3; columns as ``LABELS``) of the target model, folds
    grouped by sentence.

    ``C=None`` chooses C inside each training fold by an inner grouped CV (nested), so the
    choice never sees the fold it is scored on.
    """
    fold = _group_folds(groups, folds, seed)
    proba = np.zeros((len(y), len(LABELS)))
    for f in range(folds):
        tr, te = fold != f, fold == f
        c = select_target_c(X[tr], y[tr], groups[tr], seed=seed) if C is None else C
        model = fit_target_model(X[tr], y[tr], len(TARGET_RULE_FEATURES), c)
        proba[te] = model.proba(X[te])
    return proba


def cross_validate_target(X: np.ndarray, y: np.ndarray, groups: np.ndarray, folds: int = 5, seed: int = 0,
                          C: float | None = TARGET_C) -> np.ndarray:
    """Out-of-fold label indices of the target model (the argmax of
    :func:`cross_validate_target_proba`)."""
    return cross_validate_target_proba(X, y, groups, folds, seed, C).argmax(axis=1)


def nyt_predictions(limit: int | None = None, folds: int = 5, seed: int = 0,
                    features: np.ndarray | None = None) -> pd.DataFrame:
    """Every scorer's score of each NYT editorial sentence, beside the human mean.

    One row per sentence: ``id, article, text, human`` (the mean rating divided by 4, in
    [-1, 1]), ``vader``, ``rules`` (not fitted) and ``project`` (out-of-fold: re-fitted ``folds``
    times with the folds grouped by editorial, scored on the editorials it did not see; its
    ridge penalty chosen inside each training fold), and ``fold``. ``limit`` takes about that
    many sentences (whole editorials, drawn with ``seed``) for a quick check; ``features`` are
    those of :func:`~helpers.sentiment.features.sentence_features` for the same rows, if already
    computed (with the shipped rules).
    """
    from helpers.evaluation.datasets import load_nyt

    df = _subset(load_nyt(), "article", limit, seed)
    X = sentence_features(list(df.text), load_sentiment_rules()) if features is None else features
    y = df.mean_rating.to_numpy() / 4.0
    vader = rule_column(X, SENTENCE_RULE_FEATURES, "vader_score").astype(float)
    rules = rule_column(X, SENTENCE_RULE_FEATURES, "rule_score").astype(float)
    out = df[["id", "article", "text"]].assign(human=y, vader=vader, rules=rules)
    out["project"] = cross_validate_sentence(X, y, df.article.to_numpy(), folds, seed)
    out["fold"] = _group_folds(df.article.to_numpy(), folds, seed)
    return out


def evaluate_nyt(limit: int | None = None, folds: int = 5, seed: int = 0, features: np.ndarray | None = None,
                 predictions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Pearson r of each scorer with the mean human rating of the NYT editorial sentences.

    VADER and the rule scorer are not fitted, so they are scored on all sentences; the project's
    scorer is scored out-of-fold (see :func:`nyt_predictions`, whose arguments these are, or
    whose result is ``predictions``). Returns (system, metric, value, n) rows; the human scale
    is divided by 4, which does not change r.
    """
    from helpers.evaluation.metrics import pearson

    p = nyt_predictions(limit, folds, seed, features) if predictions is None else predictions
    folds = int(p["fold"].nunique())
    rows = [
        ("VADER", "pearson_r", pearson(p.vader, p.human)),
        ("rules (VADER + project lexicon)", "pearson_r", pearson(p.rules, p.human)),
        (f"project, {folds}-fold by editorial (out-of-fold)", "pearson_r", pearson(p.project, p.human)),
    ]
    out = pd.DataFrame(rows, columns=["system", "metric", "value"])
    out["n"] = len(p)
    return out


def newsmtsc_predictions(limit: int | None = None, folds: int = 5, seed: int = 0, features: np.ndarray | None = None,
                         nested: bool = True) -> pd.DataFrame:
    """Every system's label of each NewsMTSC target, beside the gold label.

    One row per target: ``sentence_id, sentence, start, end, mention, label`` (gold),
    ``vader`` (VADER's label for the whole sentence: what a sentence-level tool says about every
    target in it), ``rules`` (the model-free rule reading of the target), ``project`` (the
    model re-fitted ``folds`` times with folds grouped by sentence, out-of-fold; with ``nested``
    its C is chosen inside each training fold, else it is ``TARGET_C``), its out-of-fold
    probabilities ``p_negative, p_neutral, p_positive``, and ``fold``. ``limit`` takes about
    that many targets (whole sentences, drawn with ``seed``); ``features`` are those of
    :func:`~helpers.sentiment.features.target_features` for the same rows, if already computed
    (with the shipped rules).
    """
    from helpers.evaluation.datasets import load_newsmtsc

    df = _subset(load_newsmtsc(), "sentence_id", limit, seed)
    items = list(zip(df.sentence, df.start, df.end))
    X = target_features(items, load_sentiment_rules()) if features is None else features
    y = df.label.map({lab: i for i, lab in enumerate(LABELS)}).to_numpy()
    groups = df.sentence_id.to_numpy()
    proba = cross_validate_target_proba(X, y, groups, folds, seed, None if nested else TARGET_C)
    out = df[["sentence_id", "sentence", "start", "end", "mention", "label"]].copy()
    out["vader"] = [vader_label(v) for v in rule_column(X, TARGET_RULE_FEATURES, "vader_sentence")]
    out["rules"] = [lab for lab, _ in rule_target_readings(rule_part(X, TARGET_RULE_FEATURES))]
    out["project"] = [LABELS[i] for i in proba.argmax(axis=1)]
    for i, lab in enumerate(LABELS):
        out[f"p_{lab}"] = proba[:, i]
    out["fold"] = _group_folds(groups, folds, seed)
    return out


def evaluate_newsmtsc(limit: int | None = None, folds: int = 5, seed: int = 0, features: np.ndarray | None = None,
                      nested: bool = True, predictions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Macro-F1 and accuracy of target sentiment on NewsMTSC (3 classes).

    Systems: VADER's label for the whole sentence, the model-free rule reading of the target and
    the project's model, out-of-fold (see :func:`newsmtsc_predictions`, whose arguments these
    are, or whose result is ``predictions``). Returns (system, metric, value, n) rows.
    """
    from sklearn.metrics import accuracy_score, f1_score

    p = newsmtsc_predictions(limit, folds, seed, features, nested) if predictions is None else predictions
    folds = int(p["fold"].nunique())
    rows = []
    for name, col in (("VADER (sentence label)", "vader"), ("rules (target, no model)", "rules"),
                      (f"project, {folds}-fold by sentence (out-of-fold)", "project")):
        rows.append((name, "macro_f1", float(f1_score(p.label, p[col], average="macro"))))
        rows.append((name, "accuracy", float(accuracy_score(p.label, p[col]))))
    out = pd.DataFrame(rows, columns=["system", "metric", "value"])
    out["n"] = len(p)
    return out


def _sha256(path) -> str:
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


def data_digests() -> dict[str, str]:
    """The sha256 of every input the shipped weights depend on, by name: the two training sets
    (paths in the checkout), the lexicon, rules and predicates (``helpers.sentiment.data/...``),
    and what sentiment reads from ``helpers.quotes``' ``speech.yml``: its quotation marks and the
    attribution finder's vocabulary (a digest of those entries only, so an entry only blame reads
    does not call for retraining)."""
    from helpers import paths
    from helpers.evaluation.datasets import NEWSMTSC_FILE, NYT_FILE

    finder = load_speech("quotes", SPEECH)
    speech = {"quotation_marks": [list(m) for m in load_marks("sentiment", SPEECH)],
              "attribution_finder": {"verbs": sorted(finder.verbs), "clause_only": sorted(finder.clause_only),
                                     "frame_only": finder.frame_only, "addressee": sorted(finder.addressee),
                                     "nouns": sorted(finder.nouns),
                                     "channels": sorted(finder.channels), "marks": [list(m) for m in finder.marks]}}
    return {
        NYT_FILE: _sha256(paths.PROJECT_ROOT / NYT_FILE),
        NEWSMTSC_FILE: _sha256(paths.PROJECT_ROOT / NEWSMTSC_FILE),
        "helpers.sentiment.data/" + LEXICON_PATH.name: _sha256(LEXICON_PATH),
        "helpers.sentiment.data/" + RULES_PATH.name: _sha256(RULES_PATH),
        "helpers.sentiment.data/" + PREDICATES_PATH.name: _sha256(PREDICATES_PATH),
        "helpers.quotes/speech.yml (sentiment marks, quotes entries)": hashlib.sha256(
            json.dumps(speech, sort_keys=True).encode("utf-8")).hexdigest(),
    }
