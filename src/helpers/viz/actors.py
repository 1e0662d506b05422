"""Charts of actor mentions (notebook 02): the most mentioned actors with the words that stood
for them, and where in the text each actor is mentioned."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from helpers.viz.axes import axes_for, titled

__all__ = ["actor_bars", "dispersion"]


def actor_bars(surface: pd.DataFrame, top: int = 10, by: str = "root", title: str = "", *,
               ax: Axes | None = None) -> Figure:
    """Horizontal bars of the ``top`` actors' mentions, each bar stacked by surface form.

    ``surface``: :func:`helpers.actors.surface_frequency` output (``by``, ``text``, ``mentions``).
    Segments of two or more mentions are labelled with their surface form (when the label fits
    a bar of the default 9-inch figure). Draws into ``ax`` if given, else into a new figure 9
    inches wide; returns the figure.
    """
    totals = surface.groupby(by, as_index=False)["mentions"].sum()
    totals = totals.sort_values(["mentions", by], ascending=[False, True]).head(top)
    actors = list(totals[by])[::-1]  # largest at the top
    fig, ax = axes_for(ax, (9, 0.45 * len(actors) + 1.2))
    cmap = plt.get_cmap("tab20")
    scale = 650 / max(totals["mentions"].max(), 1)  # about how many points one mention is wide
    for y, actor in enumerate(actors):
        left = 0
        forms = surface[surface[by] == actor].sort_values(["mentions", "text"], ascending=[False, True])
        for k, row in enumerate(forms.itertuples()):
            ax.barh(y, row.mentions, left=left, color=cmap(k % 20), edgecolor="white", linewidth=0.6)
            if row.mentions >= 2 and row.mentions * scale >= 4.6 * len(row.text):  # label if it fits
                ax.text(left + row.mentions / 2, y, row.text, ha="center", va="center", fontsize=7, clip_on=True)
            left += row.mentions
        ax.text(left, y, f" {left}", va="center", fontsize=8)
    ax.set_yticks(range(len(actors)), actors)
    ax.set_xlabel("mentions (segments: the words that stood for the actor)")
    ax.margins(x=0.08)
    titled(ax, title)
    return fig


def dispersion(mentions: pd.DataFrame, actors: list[str], text_length: int, by: str = "root", title: str = "",
               *, ax: Axes | None = None) -> Figure:
    """Lexical-dispersion ("x-ray") plot: where in the document each actor is mentioned.

    One row per actor, a tick at each mention's relative position (0 = start, 1 = end of the
    text), after quanteda's ``textplot_xray``. Draws into ``ax`` if given, else into a new
    figure; returns the figure.
    """
    fig, ax = axes_for(ax, (9, 0.4 * len(actors) + 1.2))
    for y, actor in enumerate(actors[::-1]):
        pos = mentions.loc[mentions[by] == actor, "start_char"] / max(text_length, 1)
        ax.plot(pos, [y] * len(pos), "|", color="#333333", markersize=12, markeredgewidth=1.2)
    ax.set_yticks(range(len(actors)), actors[::-1])
    ax.set_xlim(0, 1)
    ax.set_xlabel("relative position in the text")
    ax.grid(axis="x", alpha=0.3)
    titled(ax, title)
    return fig
