"""Charts shared by the notebooks. Every function draws on axes it is given or creates a figure
of explicit size, and returns the figure; styling is plain so figures print well in papers."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd


def cleaning_overview(report: pd.DataFrame, paragraphs: pd.DataFrame, title: str = ""):
    """Two panels: repairs by kind and sentences per paragraph."""
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 3.6), width_ratios=[1, 1.3], layout="constrained")
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
    return fig
