"""The results table: every figure of the suite with its interval, its baselines and the
published figures it is compared with; its Markdown (the README's copy, between two marker
lines) and its chart.

The task modules turn their scores into rows with :func:`result_row`
(``entity_results``, ``blame_results``, ``plover_results``, ``fakes_results``, ``nyt_results``,
``newsmtsc_results``); :func:`results_table` puts them in pipeline order.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["PUBLISHED", "RESULT_COLUMNS", "TASKS", "README_MARKERS", "result_row", "results_table",
           "results_markdown", "readme_with_results", "results_chart"]

#: Published figures the suite is compared with, by data set (source in each data set's SOURCE.md).
PUBLISHED = {
    # Hutto & Gilbert 2014 (ICWSM), Table 4: Pearson r with the mean of 20 raters
    "nyt": {"VADER (published)": 0.492, "one human rater": 0.745},
    # Hamborg & Donnay 2021 (EACL): best model, RoBERTa trained on a GPU, on NewsMTSC's test set
    "newsmtsc": {"RoBERTa, GPU, test set": 0.831},
}
RESULT_COLUMNS = ["task", "dataset", "n", "unit", "metric", "ours", "ci_low", "ci_high", "baselines",
                  "best_baseline", "published", "best_published"]
#: Tasks in pipeline order (the order of the results table).
TASKS = ("entity mentions", "pronoun coreference", "blame statements", "responsible party", "sentence sentiment",
         "target sentiment")
README_MARKERS = ("<!-- results-table: start (copied from notebooks/06-evaluation.ipynb) -->",
                  "<!-- results-table: end -->")


def _named(values: dict[str, float]) -> str:
    return "; ".join(f"{k} {v:.3f}" for k, v in values.items())


def result_row(task: str, dataset: str, n: int, unit: str, metric: str, ours: float, ci: tuple[float, float],
               baselines: dict[str, float] | None = None, published: dict[str, float] | None = None) -> dict:
    """One row of the results table. ``n``: items scored; ``unit``: what the bootstrap resampled
    (e.g. ``"documents (6)"``); ``baselines``/``published``: name -> figure on the same metric."""
    baselines, published = baselines or {}, published or {}
    return {"task": task, "dataset": dataset, "n": int(n), "unit": unit, "metric": metric, "ours": float(ours),
            "ci_low": float(ci[0]), "ci_high": float(ci[1]), "baselines": _named(baselines),
            "best_baseline": max(baselines.values(), default=float("nan")), "published": _named(published),
            "best_published": max(published.values(), default=float("nan"))}


def results_table(rows: list[dict], digits: int = 3) -> pd.DataFrame:
    """The rows of the ``*_results`` helpers as one tidy table, in pipeline order (``TASKS``),
    floats rounded."""
    out = pd.DataFrame(rows, columns=RESULT_COLUMNS)
    out = out.sort_values("task", key=lambda t: t.map(TASKS.index), kind="stable", ignore_index=True)
    return out.round(digits)


def results_markdown(table: pd.DataFrame) -> str:
    """The results table as a Markdown table (the README's copy of it)."""
    lines = ["| task | data | n | metric | ours (95% CI; resampled) | baselines | published |",
             "|---|---|---|---|---|---|---|"]
    for r in table.itertuples():
        lines.append(f"| {r.task} | {r.dataset} | {r.n:,} | {r.metric} | "
                     f"**{r.ours:.3f}** ({r.ci_low:.3f}-{r.ci_high:.3f}; {r.unit}) | "
                     f"{r.baselines or '-'} | {r.published or '-'} |")
    return "\n".join(lines)


def readme_with_results(readme: str, markdown: str, markers: tuple[str, str] = README_MARKERS) -> str:
    """``readme`` with the text between the two marker lines replaced by ``markdown``."""
    start, end = markers
    if readme.count(start) != 1 or readme.count(end) != 1 or readme.index(start) > readme.index(end):
        raise ValueError(f"the README needs exactly one {start!r} line before one {end!r} line")
    head, rest = readme.split(start)
    _, tail = rest.split(end)
    return f"{head}{start}\n{markdown.strip()}\n{end}{tail}"


def results_chart(table: pd.DataFrame, title: str = "", width: float = 9.0):
    """Each figure of the results table with its 95% interval, the best baseline and the best
    published figure, on one 0-1 axis; returns the figure (explicit size, as ``helpers.viz.charts``)."""
    import matplotlib.pyplot as plt

    t = table.iloc[::-1].reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(width, 0.4 * len(t) + 1.6), layout="constrained")
    y = np.arange(len(t))
    ax.errorbar(t.ours, y, xerr=[t.ours - t.ci_low, t.ci_high - t.ours], fmt="o", color="#1f4e79", capsize=3,
                label="ours (95% CI)")
    ax.scatter(t.best_baseline, y, marker="|", s=160, color="#b22222", label="best baseline", zorder=3)
    ax.scatter(t.best_published, y, marker="*", s=90, color="#e69f00", label="best published", zorder=3)
    ax.set_yticks(y, [f"{r.dataset}: {r.metric}" for r in t.itertuples()], fontsize=8)
    for k in range(1, len(t)):
        if t.task[k] != t.task[k - 1]:
            ax.axhline(k - 0.5, color="0.75", linewidth=0.8)
    ax.set_xlim(0, 1)
    ax.set_xlabel("F1, accuracy, share right, or Pearson r")
    ax.grid(axis="x", alpha=0.3)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=3, fontsize=8, frameon=False)
    if title:
        ax.set_title(title, fontsize=10)
    return fig
