"""The chart of blame (notebook 03): who blames whom, as a directed network."""

from __future__ import annotations

import math

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from helpers.viz.axes import axes_for, titled

__all__ = ["blame_network"]


def blame_network(blame: pd.DataFrame, by: str = "root", title: str = "", *, ax: Axes | None = None) -> Figure:
    """Directed blame network: an arrow from blamer to blamed, width by the number of
    statements, orange when the blame is reported (a party's word), grey when the author's.

    The actors sit on a circle, the author first (at the top). Draws into ``ax`` if given (its
    frame is switched off), else into a new 8 x 6.5 inch figure; returns the figure.
    """
    edges = blame.groupby([f"blamer_{by}", f"blamed_{by}", "attribution"]).size().rename("n").reset_index()
    nodes = sorted(set(edges[f"blamer_{by}"]) | set(edges[f"blamed_{by}"]), key=lambda n: (n != "author", n))
    angles = {n: 2 * math.pi * k / len(nodes) + math.pi / 2 for k, n in enumerate(nodes)}
    pos = {n: (math.cos(a), math.sin(a)) for n, a in angles.items()}
    fig, ax = axes_for(ax, (8, 6.5))
    colors = {"author": "#777777", "reported": "#e07b39"}
    for e in edges.itertuples():
        a, b = pos[getattr(e, f"blamer_{by}")], pos[getattr(e, f"blamed_{by}")]
        ax.annotate("", xy=b, xytext=a, arrowprops=dict(arrowstyle="-|>", color=colors[e.attribution],
                    lw=1 + 1.5 * e.n, shrinkA=22, shrinkB=22, mutation_scale=14, alpha=0.8,
                    connectionstyle="arc3,rad=0.12"))
    for n, (x, y) in pos.items():
        ax.text(x, y, n, ha="center", va="center", fontsize=9,
                bbox=dict(boxstyle="round,pad=0.3", fc="#f2f2f2" if n == "author" else "white", ec="#555555"))
    ax.plot([], [], color=colors["author"], lw=2, label="the author's blame")
    ax.plot([], [], color=colors["reported"], lw=2, label="reported (a party's blame)")
    ax.legend(loc="lower left", fontsize=8, frameon=False)
    ax.set_xlim(-1.35, 1.35)
    ax.set_ylim(-1.25, 1.25)
    ax.axis("off")
    titled(ax, title)
    return fig
