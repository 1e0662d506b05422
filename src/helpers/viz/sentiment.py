"""Charts of sentiment (notebook 04): the tone along the article, the tone toward each actor,
the project's scorer against VADER, and the tone toward an actor as blamed and as blamer."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from helpers.viz.axes import axes_for, titled

__all__ = ["sentiment_arc", "actor_tone", "score_scatter", "paired_tone"]


def sentiment_arc(sentences: pd.DataFrame, window: int = 3, title: str = "", annotate: int = 1, *,
                  ax: Axes | None = None) -> Figure:
    """The sentiment of each sentence along the article, a centred rolling mean over ``window``
    sentences, dotted lines at paragraph starts, and the ``annotate`` most negative and most
    positive sentences labelled with their opening words. Draws into ``ax`` if given, else into
    a new 10 x 4 inch figure; returns the figure."""
    s = sentences.sort_values("sent_id").reset_index(drop=True)
    fig, ax = axes_for(ax, (10, 4))
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
    titled(ax, title)
    return fig


def actor_tone(table: pd.DataFrame, top: int = 8, title: str = "", *, ax: Axes | None = None) -> Figure:
    """Dot plot of the tone toward each actor (mean target sentiment of its mentions) with its
    bootstrap interval, the ``top`` most mentioned actors, most negative at the top. Draws into
    ``ax`` if given, else into a new figure 8 inches wide; returns the figure."""
    t = table.sort_values(["mentions", "actor"], ascending=[False, True]).head(top)
    t = t.sort_values(["sentiment", "actor"], ascending=[False, True]).reset_index(drop=True)
    fig, ax = axes_for(ax, (8, 0.45 * len(t) + 1.3))
    ax.axvline(0, color="#999999", lw=0.8)
    ax.hlines(range(len(t)), t["ci_low"], t["ci_high"], color="#888888", lw=2)
    ax.plot(t["sentiment"], range(len(t)), "o", color="#222222")
    ax.set_yticks(range(len(t)), [f"{a} (n={n})" for a, n in zip(t["actor"], t["mentions"])])
    ax.set_xlim(-1, 1)
    ax.set_xlabel("tone toward the actor (mean target sentiment, 95% bootstrap interval)")
    titled(ax, title)
    return fig


def score_scatter(sentences: pd.DataFrame, title: str = "", *, ax: Axes | None = None) -> Figure:
    """VADER against the project's scorer, one dot per sentence, the diagonal for agreement.
    Draws into ``ax`` if given, else into a new 5 x 5 inch figure; returns the figure."""
    fig, ax = axes_for(ax, (5, 5))
    ax.plot([-1, 1], [-1, 1], color="#cccccc", lw=1)
    ax.axhline(0, color="#eeeeee", lw=0.8)
    ax.axvline(0, color="#eeeeee", lw=0.8)
    ax.scatter(sentences["vader"], sentences["sentiment"], s=18, color="#4c72b0", alpha=0.8)
    ax.set_xlim(-1.05, 1.05)
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlabel("VADER compound")
    ax.set_ylabel("project's scorer")
    titled(ax, title)
    return fig


def paired_tone(table: pd.DataFrame, title: str = "", *, ax: Axes | None = None) -> Figure:
    """Mean tone toward each actor when it is blamed and when it is the blamer (``actor``,
    ``role``, ``tone`` columns). Draws into ``ax`` if given, else into a new figure 8 inches
    wide; returns the figure."""
    piv = table.pivot_table(index="actor", columns="role", values="tone", aggfunc="mean").reindex(
        columns=["blamed", "blamer"])
    piv = piv.sort_index()
    fig, ax = axes_for(ax, (8, 0.45 * len(piv) + 1.3))
    ax.axvline(0, color="#999999", lw=0.8)
    y = range(len(piv))
    for k, (role, color, marker) in enumerate((("blamed", "#c44e52", "o"), ("blamer", "#4c72b0", "s"))):
        ax.plot(piv[role], [v + (k - 0.5) * 0.18 for v in y], marker, color=color, label=f"when {role}")
    ax.set_yticks(list(y), piv.index)
    ax.set_xlim(-1, 1)
    ax.set_xlabel("mean tone toward the actor in the sentence")
    ax.legend(fontsize=8, frameon=False, loc="lower right")
    titled(ax, title)
    return fig
