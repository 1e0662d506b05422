"""Charts comparing outlets over a corpus (notebook 05): shares per outlet as stacked bars, the
tone toward each actor per outlet as a heatmap, and actor mentions over time as small multiples."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure, SubFigure

from helpers.viz.axes import axes_for, no_data, panels_for, titled

__all__ = ["SHARE_GREYS", "share_bars", "tone_heatmap", "actor_timeline"]

#: Colours of the residual categories of :func:`share_bars`; the others take tab10 in order.
SHARE_GREYS = {"other": "#b0b0b0", "not said": "#e6e6e6"}


def share_bars(shares: pd.DataFrame, counts: pd.Series | None = None, groups: pd.Series | None = None,
               title: str = "", xlabel: str = "share of the outlet's articles", *, ax: Axes | None = None) -> Figure:
    """Stacked horizontal bars of shares, one bar per row of ``shares`` (in its order, the first
    at the top), one segment per column (in its order; ``other`` and ``not said`` in greys,
    the rest in tab10), segments of 10% or more labelled with their percentage.

    ``counts`` (n per row) is written after each row's label; ``groups`` (a group label per
    row, rows of a group consecutive) adds a bold header line above each group's rows. Draws
    into ``ax`` if given (the legend sits above it), else into a new figure 10 inches wide;
    returns the figure.
    """
    rows: list[tuple[str, str | None]] = []  # (tick label, row key or None for a header)
    prev = None  # the previous row's key
    for key in shares.index:
        if groups is not None and (not rows or groups[key] != groups[prev]):
            rows.append((str(groups[key]), None))
        rows.append((f"{key} ({counts[key]})" if counts is not None else str(key), key))
        prev = key
    fig, ax = axes_for(ax, (10, 0.36 * max(len(rows), 1) + 1.9))
    if shares.empty:
        no_data(ax)
        return fig
    cmap = plt.get_cmap("tab10")
    colours = {c: SHARE_GREYS.get(c, cmap(k % 10)) for k, c in enumerate(shares.columns)}
    for y, (_, key) in enumerate(reversed(rows)):
        if key is None:
            continue
        left = 0.0
        for col in shares.columns:
            v = float(shares.loc[key, col])
            ax.barh(y, v, left=left, color=colours[col], edgecolor="white", linewidth=0.6,
                    label=col if key == shares.index[0] else None)
            if v >= 0.1:
                ax.text(left + v / 2, y, f"{v:.0%}", ha="center", va="center", fontsize=7)
            left += v
    ax.set_yticks(range(len(rows)), [label for label, _ in reversed(rows)])
    for tick, (_, key) in zip(ax.get_yticklabels(), reversed(rows)):
        if key is None:
            tick.set_fontweight("bold")
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    ax.set_xlabel(xlabel)
    ax.tick_params(axis="y", length=0)
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=min(len(shares.columns), 4), fontsize=8,
              frameon=False)
    titled(ax, title, pad=34)
    return fig


def tone_heatmap(tone: pd.DataFrame, n: pd.DataFrame, min_n: int = 3, groups: pd.Series | None = None,
                 title: str = "", label: str = "mean tone toward the actor", *, ax: Axes | None = None) -> Figure:
    """Heatmap of a mean tone per row (outlet) and column (actor) on a diverging scale centred
    on 0, each cell labelled with its value and its n; cells with fewer than ``min_n``
    observations are left grey with their n only. ``groups`` (a label per row, rows of a
    group consecutive) draws a line between groups. Draws into ``ax`` if given (the colour bar
    takes room from it), else into a new figure sized by the table; returns the figure."""
    rows, cols = tone.shape
    fig, ax = axes_for(ax, (1.3 * max(cols, 1) + 3.2, 0.4 * max(rows, 1) + 1.8))
    if tone.empty:
        no_data(ax)
        return fig
    counts = n.reindex(index=tone.index, columns=tone.columns).fillna(0).astype(int)
    shown = tone.where(counts >= min_n)
    finite = np.abs(shown.to_numpy(dtype=float))
    lim = max(0.1, np.ceil(np.nanmax(finite) * 10) / 10) if np.isfinite(finite).any() else 1.0
    ax.set_facecolor("#f0f0f0")
    im = ax.imshow(shown.to_numpy(dtype=float), cmap="RdBu", vmin=-lim, vmax=lim, aspect="auto")
    for i in range(rows):
        for j in range(cols):
            k, v = counts.iat[i, j], shown.iat[i, j]
            text = f"{v:+.2f}\nn={k}" if pd.notna(v) else (f"n={k}" if k else "")
            dark = pd.notna(v) and abs(v) > 0.6 * lim
            ax.text(j, i, text, ha="center", va="center", fontsize=7, color="white" if dark else "#333333")
    if groups is not None:
        g = [groups[r] for r in tone.index]
        for i in range(1, rows):
            if g[i] != g[i - 1]:
                ax.axhline(i - 0.5, color="#333333", lw=1.2)
    ax.set_xticks(range(cols), tone.columns, rotation=25, ha="right")
    ax.set_yticks(range(rows), tone.index)
    ax.figure.colorbar(im, ax=ax, shrink=0.8, label=label)
    titled(ax, title)
    return fig


def actor_timeline(rates: pd.DataFrame, articles: pd.Series, ncols: int = 3, title: str = "",
                   ylabel: str = "mentions per article", *, fig: Figure | SubFigure | None = None) -> Figure:
    """Small multiples over time: a first panel with the number of articles per period (grey
    bars), then one panel per column of ``rates`` (index: the periods, in order, as labels),
    its values as a line with markers, on a y scale shared by the actor panels.

    A grid of axes, so no ``ax``: give ``fig`` (a figure or a subfigure) to draw the panels into
    it; without it a figure 3.4 inches wide per column is created. Returns the (root) figure.
    """
    panels = 1 + rates.shape[1]
    nrows = -(-panels // ncols)
    fig, axes = panels_for(fig, (3.4 * ncols, 2.3 * nrows + 0.6), nrows, ncols, sharex=True, squeeze=False)
    flat = list(axes.flat)
    x = range(len(rates.index))
    labels = [str(p) for p in rates.index]
    flat[0].bar(x, articles.reindex(rates.index).fillna(0), color="#bbbbbb")
    flat[0].set_title("articles", fontsize=9)
    top = float(rates.max().max()) if rates.size else 1.0
    for ax, actor in zip(flat[1:], rates.columns):
        ax.plot(x, rates[actor], marker="o", ms=3, color="#4c72b0", lw=1.4)
        ax.set_ylim(0, top * 1.1 if top > 0 else 1)
        ax.set_title(str(actor), fontsize=9)
        ax.grid(axis="y", alpha=0.3)
    for ax in flat[panels:]:
        ax.set_visible(False)
    for k, ax in enumerate(flat[:panels]):
        if k % ncols == 0 and k:
            ax.set_ylabel(ylabel, fontsize=8)
        ax.tick_params(labelsize=7)
        if k + ncols >= panels:  # the lowest panel of its column shows the periods
            ax.xaxis.set_tick_params(labelbottom=True)
            ax.set_xticks(list(x), labels, rotation=90)
    if title:
        fig.suptitle(title, fontsize=11)
    return fig.get_figure(root=True)
