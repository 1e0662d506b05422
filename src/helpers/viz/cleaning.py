"""The chart of text cleaning (notebook 01): what cleaning repaired and how the clean body is
divided into paragraphs."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure, SubFigure

from helpers.viz.axes import panels_for

__all__ = ["cleaning_overview"]


def cleaning_overview(report: pd.DataFrame, paragraphs: pd.DataFrame, title: str = "", *,
                      fig: Figure | SubFigure | None = None) -> Figure:
    """Two panels: repairs by kind and sentences per paragraph.

    Two axes, so no ``ax``: give ``fig`` (a figure or a subfigure) to draw both panels into it;
    without it a 10 x 3.6 inch figure is created. Returns the (root) figure.
    """
    fig, (ax1, ax2) = panels_for(fig, (10, 3.6), 1, 2, width_ratios=[1, 1.3])
    r = report.sort_values("count")
    ax1.barh(r["kind"], r["count"], color="#4c72b0")
    for y, n in enumerate(r["count"]):
        ax1.text(n, y, f" {n}", va="center", fontsize=8)
    ax1.set_xlabel("repairs")
    ax1.set_title("What cleaning repaired", fontsize=10)
    ax1.margins(x=0.15)
    ax2.bar(paragraphs["paragraph"], paragraphs["sentences"], color="#55a868")
    ax2.set_xlabel("paragraph (0-based, as in the tables)")
    ax2.set_ylabel("sentences")
    ax2.set_xticks(paragraphs["paragraph"])
    ax2.set_title("Sentences per paragraph (clean body)", fontsize=10)
    if title:
        fig.suptitle(title, fontsize=11)
    return fig.get_figure(root=True)
