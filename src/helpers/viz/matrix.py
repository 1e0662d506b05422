"""Count matrices as heatmaps: actor co-occurrence (notebook 02), blamer x blamed (notebook 03),
gold x predicted (notebook 06)."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from helpers.viz.axes import axes_for, titled

__all__ = ["matrix_heatmap", "cooccurrence_heatmap"]


def matrix_heatmap(matrix: pd.DataFrame, title: str = "", colorbar: str = "", xlabel: str = "", ylabel: str = "",
                   *, ax: Axes | None = None) -> Figure:
    """Heatmap of a count matrix with the counts written in the cells and a colour bar labelled
    ``colorbar`` beside it. Draws into ``ax`` if given (the colour bar takes room from it), else
    into a new figure sized by the matrix; returns the figure."""
    rows, cols = matrix.shape
    fig, ax = axes_for(ax, (0.6 * cols + 2.8, 0.55 * rows + 1.6))
    im = ax.imshow(matrix.values, cmap="Blues", aspect="auto")
    ax.set_xticks(range(cols), matrix.columns, rotation=45, ha="right")
    ax.set_yticks(range(rows), matrix.index)
    top = matrix.values.max() or 1
    for i in range(rows):
        for j in range(cols):
            v = matrix.values[i, j]
            ax.text(j, i, f"{v:g}", ha="center", va="center", fontsize=8, color="white" if v > top / 2 else "black")
    ax.figure.colorbar(im, ax=ax, shrink=0.8, label=colorbar)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    titled(ax, title)
    return fig


def cooccurrence_heatmap(matrix: pd.DataFrame, title: str = "", unit: str = "sentences", *,
                         ax: Axes | None = None) -> Figure:
    """Heatmap of a symmetric actor x actor co-occurrence matrix, counts written in the cells
    (:func:`matrix_heatmap`, the colour bar counting ``unit`` mentioning both)."""
    return matrix_heatmap(matrix, title=title, colorbar=f"{unit} mentioning both", ax=ax)
