"""Attribution: whose word a blame statement is, and the author's stance on it.

``attribute`` reads the document's attributions, found once by the quotes finder
(:func:`helpers.quotes.document_attributions`, the rows of the quotes table): a blame cue inside an
attribution's content is the speaker's ("Moscow claimed that ...", "according to the ministry",
a quotation followed by "the ministry said", "the Russian commanders started building a public
case that ...", "to assert, as Moscow rushed to do, that ..."); of nested attributions the
innermost one that names an actor (or an institution by a common noun: "police said") decides.
A cue in a clause of background the content carries ("announced it had agreed ... after Turkey
began an offensive") is the author's framing. No
attribution: the author. ``reported_stance`` reads the author's stance on a reported blame
("there were no grounds to assert": rejected; "rightly": endorsed).
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from helpers.blame.document import BlameDoc, Mention
from helpers.quotes import Attribution, attributions_holding

__all__ = ["attribute", "reported_stance"]


def attribute(d: BlameDoc, cue: Token, sent: Span) -> tuple[list[Mention], Token | None, bool]:
    """(speakers, the reporting word, denied) for the blame at ``cue``; no speakers: the author."""
    c = cue.idx
    covering = [a for a in attributions_holding(d.doc, d.lex.speech, c)
                if not a.cue_start <= c < a.cue_end and not a.speaker_start <= c < a.speaker_end]
    for att in sorted(covering, key=lambda a: a.content_end - a.content_start):
        if att.speaker_head < 0 or _background(d, cue, att):
            continue
        head = d.doc[att.speaker_head]
        speakers = d.np_actors(head) or [m for m in [d.institution(head)] if m is not None]
        if speakers:
            frame = _frame(d, att)
            return speakers, frame, frame is not None and frame.lemma_.lower() in d.lex.denial_verbs
    return [], None, False


def _frame(d: BlameDoc, att: Attribution) -> Token | None:
    """The reporting word of an attribution (its cue's first token; none for a continued quotation)."""
    if att.cue_start < 0:
        return None
    span = d.doc.char_span(att.cue_start, att.cue_end, alignment_mode="expand")
    return span.root if span is not None else None


def _background(d: BlameDoc, cue: Token, att: Attribution) -> bool:
    """Is ``cue`` in an adverbial clause of background ("after", "since": ``background_marks``)
    inside the attribution's content, below its reporting word?"""
    frame = _frame(d, att)
    t = cue
    while t.head.i != t.i and (frame is None or t.i != frame.i):
        child, t = t, t.head
        if child.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in d.lex.background_marks
                                         for g in child.children):
            return True
    return False


def reported_stance(d: BlameDoc, frame: Token | None, sent: Span) -> str:
    if frame is None:
        return "none"
    window = {frame.i} | {a.i for a in frame.ancestors} | {c.i for a in [frame, *frame.ancestors] for c in a.children}
    text = " ".join(t.lower_ for t in sent if t.i in window or t.i < frame.i)
    if any(re.search(rf"\b{re.escape(m)}\b", text) for m in d.lex.stance_rejected):
        return "rejected"
    if any(re.search(rf"\b{re.escape(m)}\b", text) for m in d.lex.stance_endorsed):
        return "endorsed"
    return "none"

