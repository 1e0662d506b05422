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

    ``surface``: :func:`helpers.actors.surface_frequency` output (``by``, ``text``, ``mentions``).
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


def matrix_heatmap(matrix: pd.DataFrame, title: str = "", colorbar: str = "", xlabel: str = "", ylabel: str = ""):
    """Heatmap of a count matrix with the counts written in the cells."""
    rows, cols = matrix.shape
    fig, ax = plt.subplots(figsize=(0.6 * cols + 2.8, 0.55 * rows + 1.6), layout="constrained")
    im = ax.imshow(matrix.values, cmap="Blues", aspect="auto")
    ax.set_xticks(range(cols), matrix.columns, rotation=45, ha="right")
    ax.set_yticks(range(rows), matrix.index)
    top = matrix.values.max() or 1
    for i in range(rows):
        for j in range(cols):
            v = matrix.values[i, j]
            ax.text(j, i, f"{v:g}", ha="center", va="center", fontsize=8, color="white" if v > top / 2 else "black")
    fig.colorbar(im, ax=ax, shrink=0.8, label=colorbar)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title, fontsize=10)
    return fig


def cooccurrence_heatmap(matrix: pd.DataFrame, title: str = "", unit: str = "sentences"):
    """Heatmap of a symmetric actor x actor co-occurrence matrix, counts written in the cells."""
    return matrix_heatmap(matrix, title=title, colorbar=f"{unit} mentioning both")


def blame_network(blame: pd.DataFrame, by: str = "root", title: str = ""):
    """Directed blame network: an arrow from blamer to blamed, width by the number of
    statements, orange when the blame is reported (a party's word), grey when the author's."""
    import math

    edges = blame.groupby([f"blamer_{by}", f"blamed_{by}", "attribution"]).size().rename("n").reset_index()
    nodes = sorted(set(edges[f"blamer_{by}"]) | set(edges[f"blamed_{by}"]), key=lambda n: (n != "author", n))
    pos = {n: (math.cos(2 * math.pi * k / len(nodes) + math.pi / 2), math.sin(2 * math.pi * k / len(nodes) + math.pi / 2))
           for k, n in enumerate(nodes)}
    fig, ax = plt.subplots(figsize=(8, 6.5), layout="constrained")
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
    if title:
        ax.set_title(title, fontsize=10)
    return fig


def evidence_cards(blame: pd.DataFrame, limit: int | None = None) -> str:
    """HTML evidence cards: each blame statement's sentence with the blamer (blue), the blamed
    (red) and the cue (yellow) highlighted. All document text is HTML-escaped."""
    from html import escape

    cards = []
    for r in (blame if limit is None else blame.head(limit)).itertuples():
        marks = [(r.cue_start, r.cue_end, "#ffe08a"), (r.blamed_start, r.blamed_end, "#f4a6a6")]
        if r.blamer_start >= 0:
            marks.append((r.blamer_start, r.blamer_end, "#a6c8f4"))
        pieces, pos = [], r.sent_start
        for s, e, color in sorted(m for m in marks if r.sent_start <= m[0] < r.sent_end):
            if s < pos:
                continue
            pieces.append(escape(r.sentence[pos - r.sent_start : s - r.sent_start]))
            pieces.append(f'<mark style="background:{color}">{escape(r.sentence[s - r.sent_start : e - r.sent_start])}</mark>')
            pos = e
        pieces.append(escape(r.sentence[pos - r.sent_start :]))
        stance = f", author {escape(r.stance)} it" if r.stance != "none" else ""
        cards.append(
            '<div style="border:1px solid #ccc;border-radius:4px;padding:6px 10px;margin:6px 0;font-size:13px">'
            f'<div style="font-weight:bold">{escape(r.blamer)} &rarr; {escape(r.blamed)}'
            f' <span style="font-weight:normal;color:#555">({escape(r.kind)}, {escape(r.attribution)}{stance};'
            f' sentence {r.sent_id}, characters {r.cue_start}-{r.cue_end})</span></div>'
            f'<div>{"".join(pieces)}</div></div>'
        )
    return "\n".join(cards)


def entity_html(text: str, spans: list[dict], title: str | None = None) -> str:
    """displaCy's entity rendering of ``text`` with ``spans`` (``start``, ``end``, ``label``).

    displaCy escapes the text but inserts the title and labels as they are, so those are
    escaped here: a document (or catalog entry) containing markup is shown as text.
    """
    from html import escape

    from spacy import displacy

    spans = [{**s, "label": escape(s["label"], quote=False)} for s in spans]
    title = escape(title, quote=False) if title else title
    labels = sorted({s["label"] for s in spans})
    colors = {label: _PALETTE[k % len(_PALETTE)] for k, label in enumerate(labels)}
    return displacy.render({"text": text, "ents": sorted(spans, key=lambda s: s["start"]), "title": title},
                           style="ent", manual=True, jupyter=False, options={"colors": colors})


_PALETTE = ["#a6cee3", "#b2df8a", "#fb9a99", "#fdbf6f", "#cab2d6", "#ffff99", "#8dd3c7", "#fccde5", "#d9d9d9", "#bc80bd"]


def sentiment_arc(sentences: pd.DataFrame, window: int = 3, title: str = "", annotate: int = 1):
    """The sentiment of each sentence along the article, a centred rolling mean over ``window``
    sentences, dotted lines at paragraph starts, and the ``annotate`` most negative and most
    positive sentences labelled with their opening words."""
    s = sentences.sort_values("sent_id").reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(10, 4), layout="constrained")
    ax.axhline(0, color="#999999", lw=0.8)
    for k in s.index[s["paragraph"].ne(s["paragraph"].shift())][1:]:
        ax.axvline(s.loc[k, "sent_id"] - 0.5, color="#cccccc", lw=0.8, ls=":")
    ax.bar(s["sent_id"], s["sentiment"], color=["#c44e52" if v < 0 else "#4c72b0" for v in s["sentiment"]], alpha=0.55,
           label="sentence")
    ax.plot(s["sent_id"], s["sentiment"].rolling(window, center=True, min_periods=1).mean(), color="#222222", lw=1.6,
            label=f"rolling mean ({window} sentences)")
    for _, r in pd.concat([s.nsmallest(annotate, "sentiment"), s.nlargest(annotate, "sentiment")]).iterrows():
        words = " ".join(r["text"].split()[:6]) + " ..."
        ax.annotate(words, (r["sent_id"], r["sentiment"]), xytext=(0, 14 if r["sentiment"] >= 0 else -18),
                    textcoords="offset points", ha="center", fontsize=7.5,
                    arrowprops=dict(arrowstyle="-", color="#666666", lw=0.6))
    ax.set_ylim(-1.1, 1.1)
    ax.set_xlabel("sentence (dotted lines: paragraph starts)")
    ax.set_ylabel("sentiment")
    ax.legend(loc="upper right", fontsize=8, frameon=False)
    if title:
        ax.set_title(title, fontsize=10)
    return fig


def actor_tone(table: pd.DataFrame, top: int = 8, title: str = ""):
    """Dot plot of the tone toward each actor (mean target sentiment of its mentions) with its
    bootstrap interval, the ``top`` most mentioned actors, most negative at the top."""
    t = table.sort_values(["mentions", "actor"], ascending=[False, True]).head(top)
    t = t.sort_values(["sentiment", "actor"], ascending=[False, True]).reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(8, 0.45 * len(t) + 1.3), layout="constrained")
    ax.axvline(0, color="#999999", lw=0.8)
    ax.hlines(range(len(t)), t["ci_low"], t["ci_high"], color="#888888", lw=2)
    ax.plot(t["sentiment"], range(len(t)), "o", color="#222222")
    ax.set_yticks(range(len(t)), [f"{a} (n={n})" for a, n in zip(t["actor"], t["mentions"])])
    ax.set_xlim(-1, 1)
    ax.set_xlabel("tone toward the actor (mean target sentiment, 95% bootstrap interval)")
    if title:
        ax.set_title(title, fontsize=10)
    return fig


def score_scatter(sentences: pd.DataFrame, title: str = ""):
    """VADER against the project's scorer, one dot per sentence, the diagonal for agreement."""
    fig, ax = plt.subplots(figsize=(5, 5), layout="constrained")
    ax.plot([-1, 1], [-1, 1], color="#cccccc", lw=1)
    ax.axhline(0, color="#eeeeee", lw=0.8)
    ax.axvline(0, color="#eeeeee", lw=0.8)
    ax.scatter(sentences["vader"], sentences["sentiment"], s=18, color="#4c72b0", alpha=0.8)
    ax.set_xlim(-1.05, 1.05)
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlabel("VADER compound")
    ax.set_ylabel("project's scorer")
    if title:
        ax.set_title(title, fontsize=10)
    return fig


def paired_tone(table: pd.DataFrame, title: str = ""):
    """Mean tone toward each actor when it is blamed and when it is the blamer (``actor``,
    ``role``, ``tone`` columns)."""
    piv = table.pivot_table(index="actor", columns="role", values="tone", aggfunc="mean").reindex(
        columns=["blamed", "blamer"])
    piv = piv.sort_index()
    fig, ax = plt.subplots(figsize=(8, 0.45 * len(piv) + 1.3), layout="constrained")
    ax.axvline(0, color="#999999", lw=0.8)
    y = range(len(piv))
    for k, (role, color, marker) in enumerate((("blamed", "#c44e52", "o"), ("blamer", "#4c72b0", "s"))):
        ax.plot(piv[role], [v + (k - 0.5) * 0.18 for v in y], marker, color=color, label=f"when {role}")
    ax.set_yticks(list(y), piv.index)
    ax.set_xlim(-1, 1)
    ax.set_xlabel("mean tone toward the actor in the sentence")
    ax.legend(fontsize=8, frameon=False, loc="lower right")
    if title:
        ax.set_title(title, fontsize=10)
    return fig


# ------------------------------------------------------------------------------------------
# Corpus comparison (notebook 05)
# ------------------------------------------------------------------------------------------
#: Colours of the residual categories of :func:`share_bars`; the others take tab10 in order.
SHARE_GREYS = {"other": "#b0b0b0", "not said": "#e6e6e6"}


def _no_data(ax, what: str = "no data") -> None:
    ax.text(0.5, 0.5, what, ha="center", va="center", transform=ax.transAxes, color="#666666")
    ax.set_xticks([])
    ax.set_yticks([])


def share_bars(shares: pd.DataFrame, counts: pd.Series | None = None, groups: pd.Series | None = None,
               title: str = "", xlabel: str = "share of the outlet's articles"):
    """Stacked horizontal bars of shares, one bar per row of ``shares`` (in its order, the first
    at the top), one segment per column (in its order; ``other`` and ``not said`` in greys,
    the rest in tab10), segments of 10% or more labelled with their percentage.

    ``counts`` (n per row) is written after each row's label; ``groups`` (a group label per
    row, rows of a group consecutive) adds a bold header line above each group's rows.
    """
    rows: list[tuple[str, str | None]] = []  # (tick label, row key or None for a header)
    for key in shares.index:
        if groups is not None and (not rows or groups[key] != groups[prev]):
            rows.append((str(groups[key]), None))
        rows.append((f"{key} ({counts[key]})" if counts is not None else str(key), key))
        prev = key
    fig, ax = plt.subplots(figsize=(10, 0.36 * max(len(rows), 1) + 1.9), layout="constrained")
    if shares.empty:
        _no_data(ax)
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
    if title:
        ax.set_title(title, fontsize=10, pad=34)
    return fig


def tone_heatmap(tone: pd.DataFrame, n: pd.DataFrame, min_n: int = 3, groups: pd.Series | None = None,
                 title: str = "", label: str = "mean tone toward the actor"):
    """Heatmap of a mean tone per row (outlet) and column (actor) on a diverging scale centred
    on 0, each cell labelled with its value and its n; cells with fewer than ``min_n``
    observations are left grey with their n only. ``groups`` (a label per row, rows of a
    group consecutive) draws a line between groups."""
    import numpy as np

    rows, cols = tone.shape
    fig, ax = plt.subplots(figsize=(1.3 * max(cols, 1) + 3.2, 0.4 * max(rows, 1) + 1.8), layout="constrained")
    if tone.empty:
        _no_data(ax)
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
    fig.colorbar(im, ax=ax, shrink=0.8, label=label)
    if title:
        ax.set_title(title, fontsize=10)
    return fig


def actor_timeline(rates: pd.DataFrame, articles: pd.Series, ncols: int = 3, title: str = "",
                   ylabel: str = "mentions per article"):
    """Small multiples over time: a first panel with the number of articles per period (grey
    bars), then one panel per column of ``rates`` (index: the periods, in order, as labels),
    its values as a line with markers, on a y scale shared by the actor panels."""
    panels = 1 + rates.shape[1]
    nrows = -(-panels // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(3.4 * ncols, 2.3 * nrows + 0.6), sharex=True,
                             layout="constrained", squeeze=False)
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
    return fig
