"""Who says the words a cue sits in, named or not: helpers of the criticism families
(:mod:`helpers.blame.cues.quoted_criticism`, :mod:`helpers.blame.cues.criticism`). Registers no cue.

:func:`reporting` is the innermost attribution of the quotes finder
(:func:`helpers.quotes.document_attributions`) whose content holds a token and that has a speaker;
:func:`speaker` is its speaker as blamer: an actor, an institution ("police said"), else the
speaker's own words as an unnamed party ("critics say", "residents said", an unresolved "he"), as
the guideline's ``unnamed`` blamer. Unlike :func:`helpers.blame.attribution.attribute` (which looks
for the innermost attribution naming an actor, and otherwise leaves the blame to the author), an
unnamed speaker here keeps the words its own: an evaluation is always somebody's.
"""

from __future__ import annotations

from spacy.tokens import Token

from helpers.blame.document import BlameDoc, Mention, hypothetical, negated
from helpers.quotes import Attribution, attributions_holding

__all__ = ["reporting", "speaker", "unnamed"]


def reporting(d: BlameDoc, t: Token) -> Attribution | None:
    """The innermost attribution with a speaker whose content holds ``t`` (not its cue), or None."""
    c = t.idx
    covering = [a for a in attributions_holding(d.doc, d.lex.speech, c)
                if a.speaker_head >= 0 and not a.cue_start <= c < a.cue_end]
    return min(covering, key=lambda a: (a.content_end - a.content_start, a.content_start), default=None)


def speaker(d: BlameDoc, t: Token) -> list[Mention]:
    """The speaker of the words holding ``t`` (:func:`reporting`); none when no attribution holds
    them or its reporting verb withholds the judgement: negated, under a modal, or one of
    ``evaluation_withholding_frames`` ("denied that ...", "asked whether ...")."""
    att = reporting(d, t)
    if att is None:
        return []
    if att.cue_start >= 0:
        span = d.doc.char_span(att.cue_start, att.cue_end, alignment_mode="expand")
        frame = span.root if span is not None else None
        if frame is not None and (negated(frame) or hypothetical(frame, d.lex)
                                  or frame.lemma_.lower() in d.lex.words("evaluation_withholding_frames")):
            return []
    head = d.doc[att.speaker_head]
    institution = d.institution(head)
    return d.np_actors(head) or ([institution] if institution else []) or d.np_party(head) or [unnamed(head)]


def unnamed(t: Token) -> Mention:
    """A party the text names by words that name no actor ("the protest", "one", an unresolved "he")."""
    return Mention(t.i, t.i + 1, "", t.text, t.text, "NOUN", t.idx, t.idx + len(t))
