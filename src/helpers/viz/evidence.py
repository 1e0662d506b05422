"""HTML views of document text for the notebooks: blame evidence cards and displaCy's entity
rendering. Every piece of document or catalog text is HTML-escaped, so an article containing
markup is shown as text (the report's Content-Security-Policy is the second line of defence)."""

from __future__ import annotations

from html import escape

import pandas as pd

__all__ = ["evidence_cards", "entity_html"]

#: Highlight colours of the entity labels of :func:`entity_html`, in the order of the sorted labels.
_PALETTE = ["#a6cee3", "#b2df8a", "#fb9a99", "#fdbf6f", "#cab2d6",
            "#ffff99", "#8dd3c7", "#fccde5", "#d9d9d9", "#bc80bd"]


def evidence_cards(blame: pd.DataFrame, limit: int | None = None) -> str:
    """HTML evidence cards: each blame statement's sentence with the blamer (blue), the blamed
    (red) and the cue (yellow) highlighted. All document text is HTML-escaped."""
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
            marked = escape(r.sentence[s - r.sent_start : e - r.sent_start])
            pieces.append(f'<mark style="background:{color}">{marked}</mark>')
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
    from spacy import displacy  # spaCy loads only when a notebook renders entities

    spans = [{**s, "label": escape(s["label"], quote=False)} for s in spans]
    title = escape(title, quote=False) if title else title
    labels = sorted({s["label"] for s in spans})
    colors = {label: _PALETTE[k % len(_PALETTE)] for k, label in enumerate(labels)}
    return displacy.render({"text": text, "ents": sorted(spans, key=lambda s: s["start"]), "title": title},
                           style="ent", manual=True, jupyter=False, options={"colors": colors})
