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


def actor_bars(surface: pd.DataFrame, top: int = 10, by: str = "root", title: str = ""):
    """Horizontal bars of the ``top`` actors' mentions, each bar stacked by surface form.

    ``surface``: :func:`helpers.entities.surface_frequency` output (``by``, ``text``, ``mentions``).
    Segments of two or more mentions are labelled with their surface form.
    """
    totals = surface.groupby(by, as_index=False)["mentions"].sum()
    totals = totals.sort_values(["mentions", by], ascending=[False, True]).head(top)
    actors = list(totals[by])[::-1]  # largest at the top
    fig, ax = plt.subplots(figsize=(9, 0.45 * len(actors) + 1.2), layout="constrained")
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
    if title:
        ax.set_title(title, fontsize=10)
    return fig


def dispersion(mentions: pd.DataFrame, actors: list[str], text_length: int, by: str = "root", title: str = ""):
    """Lexical-dispersion ("x-ray") plot: where in the document each actor is mentioned.

    One row per actor, a tick at each mention's relative position (0 = start, 1 = end of the
    text), after quanteda's ``textplot_xray``.
    """
    fig, ax = plt.subplots(figsize=(9, 0.4 * len(actors) + 1.2), layout="constrained")
    for y, actor in enumerate(actors[::-1]):
        pos = mentions.loc[mentions[by] == actor, "start_char"] / max(text_length, 1)
        ax.plot(pos, [y] * len(pos), "|", color="#333333", markersize=12, markeredgewidth=1.2)
    ax.set_yticks(range(len(actors)), actors[::-1])
    ax.set_xlim(0, 1)
    ax.set_xlabel("relative position in the text")
    ax.grid(axis="x", alpha=0.3)
    if title:
        ax.set_title(title, fontsize=10)
    return fig


def cooccurrence_heatmap(matrix: pd.DataFrame, title: str = "", unit: str = "sentences"):
    """Heatmap of a symmetric actor x actor co-occurrence matrix, counts written in the cells."""
    n = len(matrix)
    fig, ax = plt.subplots(figsize=(0.6 * n + 2.5, 0.6 * n + 1.5), layout="constrained")
    im = ax.imshow(matrix.values, cmap="Blues")
    ax.set_xticks(range(n), matrix.columns, rotation=45, ha="right")
    ax.set_yticks(range(n), matrix.index)
    top = matrix.values.max() or 1
    for i in range(n):
        for j in range(n):
            v = int(matrix.values[i, j])
            ax.text(j, i, v, ha="center", va="center", fontsize=8, color="white" if v > top / 2 else "black")
    fig.colorbar(im, ax=ax, shrink=0.8, label=f"{unit} mentioning both")
    if title:
        ax.set_title(title, fontsize=10)
    return fig


def entity_html(text: str, spans: list[dict], title: str | None = None) -> str:
    """displaCy's entity rendering of ``text`` with ``spans`` (``start``, ``end``, ``label``).

    displaCy escapes the text, so a document containing markup is shown as text.
    """
    from spacy import displacy

    labels = sorted({s["label"] for s in spans})
    colors = {label: _PALETTE[k % len(_PALETTE)] for k, label in enumerate(labels)}
    return displacy.render({"text": text, "ents": sorted(spans, key=lambda s: s["start"]), "title": title},
                           style="ent", manual=True, jupyter=False, options={"colors": colors})


_PALETTE = ["#a6cee3", "#b2df8a", "#fb9a99", "#fdbf6f", "#cab2d6", "#ffff99", "#8dd3c7", "#fccde5", "#d9d9d9", "#bc80bd"]
