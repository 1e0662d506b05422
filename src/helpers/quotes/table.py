"""The quotes table: one row per attribution (columns :data:`helpers.schema.QUOTE_COLUMNS`).

:func:`quote_rows` turns a document's :class:`~helpers.quotes.attributions.Attribution` s into
rows and resolves each speaker to an actor through the document's mention table (catalog and
document actors, titles, descriptions and linked pronouns: "he said" names the person the
pronoun resolver linked "he" to). ``speaker`` is the actor's display name and ``speaker_key`` its
key (catalog id or ``doc:<name>``); both are empty when the speaker's words name no actor ("a
source", "officials"): ``speaker_text`` keeps the words. :func:`voices` counts them.
"""

from __future__ import annotations

from bisect import bisect_right

import pandas as pd

from helpers.quotes.attributions import Attribution
from helpers.schema import QUOTE_COLUMNS
from helpers.text.doc_text import doc_text

__all__ = ["QUOTE_COLUMNS", "quote_rows", "voices", "speaker_labels"]


def _speaker_actor(att: Attribution, head_char: int, mentions: list[dict]) -> dict | None:
    """The actor mention inside the speaker's words: the one holding the head word, else the first."""
    inside = [m for m in mentions if m["start_char"] >= att.speaker_start and m["end_char"] <= att.speaker_end]
    if not inside:
        inside = [m for m in mentions if m["start_char"] <= head_char < m["end_char"]]
    if not inside:
        return None
    return next((m for m in inside if m["start_char"] <= head_char < m["end_char"]), inside[0])


def quote_rows(doc_id: str, doc, attributions: list[Attribution], mentions: pd.DataFrame, clean) -> list[dict]:
    """Rows of the quotes table for one parsed document ``doc`` (``attributions`` found in it).

    ``mentions``: the document's mention table (actor rows, pronouns included, resolve speakers);
    ``clean``: its :class:`~helpers.text.CleanDocument` for the ``raw_`` offsets (``None``: -1)."""
    text = doc_text(doc)
    actor_rows = mentions[mentions["kind"] == "actor"].to_dict("records") if len(mentions) else []
    sent_starts = [s.start for s in doc.sents]

    def raw(a: int, b: int) -> tuple[int, int]:
        return clean.raw_span(a, b) if clean is not None and a >= 0 else (-1, -1)

    rows = []
    for att in attributions:
        head = doc[att.speaker_head].idx if att.speaker_head >= 0 else -1
        actor = _speaker_actor(att, head, actor_rows) if head >= 0 else None
        rows.append({
            "doc_id": doc_id, "sent_id": bisect_right(sent_starts, att.sent) - 1,
            "speaker": actor["actor"] if actor else "", "speaker_key": actor["actor_key"] if actor else "",
            "speaker_text": text[att.speaker_start:att.speaker_end] if head >= 0 else "",
            "speaker_start": att.speaker_start, "speaker_end": att.speaker_end,
            "cue": text[att.cue_start:att.cue_end] if att.cue_start >= 0 else "",
            "cue_start": att.cue_start, "cue_end": att.cue_end,
            "content": text[att.content_start:att.content_end],
            "content_start": att.content_start, "content_end": att.content_end,
            "kind": att.kind, "pattern": att.pattern,
            **dict(zip(("raw_speaker_start", "raw_speaker_end"), raw(att.speaker_start, att.speaker_end))),
            **dict(zip(("raw_cue_start", "raw_cue_end"), raw(att.cue_start, att.cue_end))),
            **dict(zip(("raw_content_start", "raw_content_end"), raw(att.content_start, att.content_end))),
        })
    return rows


def speaker_labels(quotes: pd.DataFrame, by: str = "speaker") -> pd.Series:
    """Who each row's speaker is, for counting: the resolved actor (column ``by``), else the
    speaker's words in brackets, lower-cased ("[officials]"), else "[no speaker]"."""
    return pd.Series([s if s else (f"[{t.lower()}]" if t else "[no speaker]")
                      for s, t in zip(quotes[by], quotes["speaker_text"])], index=quotes.index, dtype=object)


def voices(quotes: pd.DataFrame, by: str = "speaker") -> pd.DataFrame:
    """Attributions per speaker: ``attributions``, ``direct``, ``indirect``, ``mixed`` and the
    words of their content (``words``), most quoted first (ties by name). Speakers that name no
    actor are grouped by their words, in brackets (:func:`speaker_labels`)."""
    if not len(quotes):
        return pd.DataFrame(columns=[by, "attributions", "direct", "indirect", "mixed", "words"])
    q = quotes.assign(who=speaker_labels(quotes, by), words=quotes["content"].str.split().str.len())
    out = pd.crosstab(q["who"], q["kind"]).reindex(columns=["direct", "indirect", "mixed"], fill_value=0)
    out.insert(0, "attributions", out.sum(axis=1))
    out["words"] = q.groupby("who")["words"].sum()
    out = out.rename_axis(by).reset_index()
    return out.sort_values(["attributions", by], ascending=[False, True], ignore_index=True)
