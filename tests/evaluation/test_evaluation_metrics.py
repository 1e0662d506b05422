"""The one implementation of each score agrees with scikit-learn/NumPy on small cases and keeps
the arithmetic the stored results were computed with."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy.stats import pearsonr
from sklearn.metrics import f1_score, precision_recall_fscore_support

from helpers.evaluation import bootstrap_ci, macro_f1, match_spans, pearson, prf, prf_ci


def _labels(tp: int, n_pred: int, n_gold: int) -> tuple[list[int], list[int]]:
    """Binary label vectors with ``tp`` true positives, ``n_pred`` predicted and ``n_gold`` gold positives."""
    fp, fn = n_pred - tp, n_gold - tp
    gold = [1] * tp + [0] * fp + [1] * fn + [0] * 3
    pred = [1] * tp + [1] * fp + [0] * fn + [0] * 3
    return gold, pred


@pytest.mark.parametrize("tp,n_pred,n_gold",
                         [(2, 4, 2), (3, 3, 7), (5, 9, 6), (0, 4, 3), (0, 0, 5), (0, 3, 0), (0, 0, 0)])
def test_prf_is_sklearns_binary_precision_recall_f1(tp, n_pred, n_gold):
    gold, pred = _labels(tp, n_pred, n_gold)
    p, r, f, _ = precision_recall_fscore_support(gold, pred, average="binary", zero_division=0)
    got = prf(tp, n_pred, n_gold)
    assert (got["precision"], got["recall"], got["f1"]) == pytest.approx((p, r, f))
    assert (got["tp"], got["pred"], got["gold"]) == (tp, n_pred, n_gold)


def test_prf_with_separate_matched_predictions():
    # a subset taken by the prediction's value for precision and by the gold's for recall
    got = prf(3, 5, 4, tp_pred=2)
    assert got == {"precision": 2 / 5, "recall": 3 / 4, "f1": 2 * 0.4 * 0.75 / 1.15, "tp": 3, "pred": 5, "gold": 4}
    assert prf(3, 5, 4, tp_pred=3) == prf(3, 5, 4)


@pytest.mark.parametrize("gold,pred", [
    (["a", "b", "a", "c"], ["a", "b", "b", "c"]),
    (["neg", "neu", "pos", "neu", "neu"], ["neu", "neu", "neu", "neu", "neg"]),  # a class never predicted
    (["x", "x", "x"], ["x", "y", "z"]),  # classes only predicted
    (["a"], ["a"]),
])
def test_macro_f1_is_sklearns_and_the_per_class_mean(gold, pred):
    g, p = pd.Series(gold), pd.Series(pred)
    assert macro_f1(g, p) == pytest.approx(f1_score(gold, pred, average="macro", zero_division=0), abs=1e-15)


def test_macro_f1_is_the_mean_of_the_per_class_f1():
    # a: P 1, R 1/2; b: P 1/2, R 1; c: P 1, R 1
    assert macro_f1(pd.Series(["a", "b", "a", "c"]), pd.Series(["a", "b", "b", "c"])) == pytest.approx(7 / 9, abs=1e-15)


def test_macro_f1_of_nothing_is_zero():
    assert macro_f1(pd.Series([], dtype=str), pd.Series([], dtype=str)) == 0.0


def test_pearson_is_numpys_corrcoef():
    a, b = [0.1, 0.5, -0.3, 0.9, 0.0], [0.2, 0.4, -0.1, 0.7, 0.1]
    assert pearson(a, b) == float(np.corrcoef(a, b)[0, 1])
    assert pearson(pd.Series(a), np.array(b)) == pytest.approx(pearsonr(a, b).statistic, abs=1e-12)
    assert pearson([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)


def test_match_spans_needs_overlap_and_prefers_the_larger_one():
    assert match_spans([(0, 5)], [(5, 9)]) == []  # touching is not overlapping
    assert match_spans([(0, 10), (8, 14)], [(7, 13)]) == [(1, 0)]  # 5 characters of overlap beat 3
    assert match_spans([(0, 10), (8, 12)], [(7, 11)]) == [(0, 0)]  # a tie goes to the earlier gold span
    assert match_spans([], [(0, 1)]) == [] and match_spans([(0, 1)], []) == []


def test_bootstrap_is_seeded_and_brackets_the_statistic():
    units = pd.DataFrame({"tp": [3, 1, 4, 0, 2], "pred": [4, 2, 5, 1, 2], "gold": [5, 1, 4, 2, 3]})
    ci = bootstrap_ci(units, lambda s: float(s.tp.sum() / s.gold.sum()), n=200, seed=1)
    assert ci == bootstrap_ci(units, lambda s: float(s.tp.sum() / s.gold.sum()), n=200, seed=1)
    scores = prf_ci(units, n=200)
    for name in ("precision", "recall", "f1"):
        assert scores[f"{name}_low"] <= scores[name] <= scores[f"{name}_high"]
    assert scores["precision"] == prf(10, 14, 15)["precision"]
