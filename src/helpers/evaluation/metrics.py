"""The suite's one implementation of each score: span matching, precision/recall/F1, macro-F1,
Pearson r, and percentile bootstrap intervals (over rows or whole groups of rows, and each
group's mean with its interval).

Every task module (:mod:`~helpers.evaluation.entities`, :mod:`~helpers.evaluation.blame`,
:mod:`~helpers.evaluation.sentiment`) and :mod:`helpers.sentiment`'s own evaluation use these,
so a figure is computed one way wherever it appears. :func:`prf` works on counts (what the
per-document tables hold), which :mod:`sklearn.metrics` does not take; the tests check it and
:func:`macro_f1` against scikit-learn.
"""

from __future__ import annotations

from typing import Callable

import numpy as np
import pandas as pd

__all__ = ["match_spans", "prf", "prf_ci", "macro_f1", "pearson", "bootstrap_ci", "grouped_bootstrap_ci",
           "group_mean_ci"]


def match_spans(gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one matching of overlapping spans, largest overlap first: ``[(gold_i, pred_j), ...]``."""
    pairs = []
    j0 = 0
    pred_sorted = sorted(range(len(pred)), key=lambda j: pred[j])
    for i, (gs, ge) in enumerate(gold):
        while j0 < len(pred_sorted) and pred[pred_sorted[j0]][1] <= gs:
            j0 += 1
        for j in pred_sorted[j0:]:
            ps, pe = pred[j]
            if ps >= ge:
                break
            overlap = min(ge, pe) - max(gs, ps)
            if overlap > 0:
                pairs.append((overlap, i, j))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_g, used_p, out = set(), set(), []
    for _, i, j in pairs:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return sorted(out)


def prf(tp: int, n_pred: int, n_gold: int, tp_pred: int | None = None) -> dict[str, float]:
    """Precision, recall and F1 from counts (0 where undefined): ``tp`` matched gold items of
    ``n_gold``, ``tp_pred`` matched predictions of ``n_pred`` (``tp`` unless a subset is taken by
    the prediction's value for precision and by the gold's for recall). ``tp`` in the result is ``tp``."""
    tp_p = tp if tp_pred is None else tp_pred
    p = tp_p / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "pred": n_pred, "gold": n_gold}


def macro_f1(gold: pd.Series, pred: pd.Series) -> float:
    """Macro-averaged F1 over the classes in either series: :func:`prf` per class, then the mean
    (scikit-learn's ``f1_score(average="macro", zero_division=0)`` to the last bit or two; this
    arithmetic is kept because the stored intervals were computed with it, and it is faster in
    the 1,000-resample bootstraps)."""
    scores = []
    for c in sorted(set(gold) | set(pred)):
        tp = int(((gold == c) & (pred == c)).sum())
        scores.append(prf(tp, int((pred == c).sum()), int((gold == c).sum()))["f1"])
    return float(np.mean(scores)) if scores else 0.0


def pearson(a, b) -> float:
    """Pearson's r of two equally long sequences of numbers."""
    return float(np.corrcoef(np.asarray(a, float), np.asarray(b, float))[0, 1])


def bootstrap_ci(units: pd.DataFrame, stat: Callable[[pd.DataFrame], float], n: int = 1000, seed: int = 0,
                 alpha: float = 0.05) -> tuple[float, float]:
    """Percentile bootstrap CI of ``stat(sample)`` resampling the rows of ``units`` (e.g. documents)."""
    rng = np.random.default_rng(seed)
    values = []
    for _ in range(n):
        idx = rng.integers(0, len(units), len(units))
        values.append(stat(units.iloc[idx]))
    lo, hi = np.quantile(values, [alpha / 2, 1 - alpha / 2])
    return float(lo), float(hi)


def grouped_bootstrap_ci(frame: pd.DataFrame, group: str | list[str], stat: Callable[[pd.DataFrame], float],
                         n: int = 1000, seed: int = 0, alpha: float = 0.05) -> tuple[float, float]:
    """:func:`bootstrap_ci` resampling whole groups of rows (editorials, sentences, documents):
    ``stat`` is computed on the rows of the drawn groups, so rows that are not independent
    (sentences of one editorial, targets of one sentence) are never split."""
    positions = list(frame.groupby(group, sort=True).indices.values())
    units = pd.DataFrame({"rows": positions})

    def on_groups(sample: pd.DataFrame) -> float:
        return stat(frame.iloc[np.concatenate(sample["rows"].to_list())])

    return bootstrap_ci(units, on_groups, n=n, seed=seed, alpha=alpha)


def prf_ci(counts: pd.DataFrame, n: int = 1000, seed: int = 0) -> dict[str, float]:
    """Precision, recall and F1 of per-unit counts (``tp, pred, gold`` columns), each with a
    bootstrap interval over the units (``<metric>_low``, ``<metric>_high``)."""
    def metric(name):
        return lambda s: prf(int(s.tp.sum()), int(s.pred.sum()), int(s.gold.sum()))[name]

    out = {}
    for name in ("precision", "recall", "f1"):
        out[name] = metric(name)(counts)
        out[f"{name}_low"], out[f"{name}_high"] = bootstrap_ci(counts, metric(name), n=n, seed=seed)
    return out


def group_mean_ci(frame: pd.DataFrame, by: str | list[str], value: str, n: int = 1000, seed: int = 0) -> pd.DataFrame:
    """Per group of ``frame`` (``by``, sorted), the number of rows ``n``, the ``mean`` of ``value``
    and its :func:`bootstrap_ci` over the group's rows (``ci_low``, ``ci_high``; ``n`` resamples,
    the same ``seed`` for every group). Columns: ``by``, ``n``, ``mean``, ``ci_low``, ``ci_high``."""
    by = [by] if isinstance(by, str) else list(by)
    rows = []
    for key, g in frame.groupby(by):
        low, high = bootstrap_ci(g[[value]], lambda s: s[value].mean(), n=n, seed=seed)
        rows.append({**dict(zip(by, key)), "n": len(g), "mean": g[value].mean(), "ci_low": low, "ci_high": high})
    return pd.DataFrame(rows, columns=[*by, "n", "mean", "ci_low", "ci_high"])
