"""Figure plumbing shared by the chart modules.

A chart draws into the axes it is given (``ax=``) and returns that axes' figure, or creates a
figure of explicit size with constrained layout, as the notebooks show it. Charts of several
panels take a figure (``fig=``, a :class:`~matplotlib.figure.Figure` or a subfigure) instead.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.figure import Figure, SubFigure

__all__ = ["axes_for", "panels_for", "titled", "no_data"]


def axes_for(ax: Axes | None, figsize: tuple[float, float]) -> tuple[Figure, Axes]:
    """``(figure, ax)`` for a chart: the given ``ax`` and the figure it belongs to, or a new
    figure of ``figsize`` inches with one axes when ``ax`` is None."""
    if ax is None:
        return plt.subplots(figsize=figsize, layout="constrained")
    return ax.get_figure(root=True), ax


def panels_for(fig: Figure | SubFigure | None, figsize: tuple[float, float], nrows: int, ncols: int, **kwargs):
    """``(figure, axes)`` for a chart of several panels: ``nrows`` x ``ncols`` axes
    (:meth:`~matplotlib.figure.Figure.subplots` ``kwargs``) in ``fig``, or in a new figure of
    ``figsize`` inches when ``fig`` is None."""
    if fig is None:
        fig = plt.figure(figsize=figsize, layout="constrained")
    return fig, fig.subplots(nrows, ncols, **kwargs)


def titled(ax: Axes, title: str, **kwargs) -> None:
    """Give ``ax`` the chart's ``title`` (if any) in the charts' title size."""
    if title:
        ax.set_title(title, fontsize=10, **kwargs)


def no_data(ax: Axes, what: str = "no data") -> None:
    """Say ``what`` in the middle of an empty ``ax`` and drop its ticks."""
    ax.text(0.5, 0.5, what, ha="center", va="center", transform=ax.transAxes, color="#666666")
    ax.set_xticks([])
    ax.set_yticks([])
