"""Sentiment against the vendored human ratings: result rows and the cases behind the figures.

Takes the per-item out-of-fold predictions of :func:`helpers.sentiment.nyt_predictions` (sentence
scores beside the NYT editorial raters' mean) and :func:`helpers.sentiment.newsmtsc_predictions`
(target labels beside NewsMTSC's); the scorers themselves live in :mod:`helpers.sentiment`.
"""

from __future__ import annotations

import pandas as pd

from helpers.evaluation.metrics import grouped_bootstrap_ci, macro_f1, pearson
from helpers.evaluation.results import PUBLISHED, result_row

__all__ = ["nyt_results", "newsmtsc_results", "largest_errors", "confident_errors"]


def nyt_results(predictions: pd.DataFrame, n: int = 1000, seed: int = 0) -> list[dict]:
    """Pearson r of the project's out-of-fold scores with the human mean on the NYT editorial
    sentences (:func:`helpers.sentiment.nyt_predictions`), interval resampling editorials."""
    p = predictions
    ci = grouped_bootstrap_ci(p, "article", lambda x: pearson(x.project, x.human), n=n, seed=seed)
    base = {"VADER": pearson(p.vader, p.human), "rules": pearson(p.rules, p.human)}
    return [result_row("sentence sentiment", "NYT editorial sentences", len(p), f"{p.article.nunique():,} editorials",
                       "Pearson r with the mean rating", pearson(p.project, p.human), ci, base, PUBLISHED["nyt"])]


def newsmtsc_results(predictions: pd.DataFrame, n: int = 1000, seed: int = 0) -> list[dict]:
    """Macro-F1 and accuracy of the project's out-of-fold target labels on NewsMTSC
    (:func:`helpers.sentiment.newsmtsc_predictions`), intervals resampling sentences."""
    p = predictions
    stats = {"macro-F1": lambda x, col="project": macro_f1(x.label, x[col]),
             "accuracy": lambda x, col="project": float((x.label == x[col]).mean())}
    rows = []
    for metric, stat in stats.items():
        ci = grouped_bootstrap_ci(p, "sentence_id", stat, n=n, seed=seed)
        base = {"VADER (sentence label)": stat(p, "vader"), "rules": stat(p, "rules")}
        rows.append(result_row("target sentiment", "NewsMTSC train split", len(p),
                               f"{p.sentence_id.nunique():,} sentences", metric, stat(p), ci, base,
                               PUBLISHED["newsmtsc"] if metric == "macro-F1" else None))
    return rows


def largest_errors(predictions: pd.DataFrame, top: int = 10, system: str = "project",
                   truth: str = "human") -> pd.DataFrame:
    """The rows of :func:`helpers.sentiment.nyt_predictions` where ``system`` is furthest from
    the human mean (``error`` = system - human, both on the [-1, 1] scale)."""
    p = predictions.assign(error=predictions[system] - predictions[truth])
    p = p.assign(_abs=p.error.abs()).sort_values(["_abs", "id"], ascending=[False, True])
    return p.head(top)[["id", truth, system, "vader", "error", "text"]].reset_index(drop=True)


def confident_errors(predictions: pd.DataFrame, top: int = 10) -> pd.DataFrame:
    """The rows of :func:`helpers.sentiment.newsmtsc_predictions` labelled wrongly with the
    highest out-of-fold probability (``confidence``)."""
    wrong = predictions[predictions.project != predictions.label]
    conf = [getattr(r, f"p_{r.project}") for r in wrong.itertuples()]
    wrong = wrong.assign(confidence=conf)
    wrong = wrong.sort_values(["confidence", "sentence_id", "start"], ascending=[False, True, True])
    columns = ["sentence_id", "mention", "label", "project", "confidence", "sentence"]
    return wrong.head(top)[columns].reset_index(drop=True)
