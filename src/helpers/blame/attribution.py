"""Attribution: whose word a blame statement is, and the author's stance on it.

``attribute`` finds the party a reporting frame puts the blame in the mouth of: the subject of a
reporting verb ("said", "claimed", "accused") or noun ("a public case that") governing the cue,
the object of "according to", the speaker of the quotation the cue sits in (quotations found by
:mod:`helpers.quotes`; reporting verbs are the ``blame`` entries of ``helpers/quotes/speech.yml``),
or the "as Moscow rushed to do" clause; none: the author. ``reported_stance`` reads the author's
stance on a reported blame ("there were no grounds to assert": rejected; "rightly": endorsed).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from helpers.blame.document import BlameDoc, Mention, first_child, pobj
from helpers.quotes import quotations

__all__ = ["QUOTES_KEY", "attribute", "reported_stance"]

#: Where a document's quotations are kept (``doc.user_data``) once found.
QUOTES_KEY = "helpers.quotes"


def attribute(d: BlameDoc, cue: Token, sent: Span) -> tuple[list[Mention], Token | None, bool]:
    """(speakers, the reporting word, denied) for the blame at ``cue``; no speakers: the author."""
    lex = d.lex
    t = cue
    while t.head.i != t.i:
        child, t = t, t.head
        if child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in lex.background_marks for c in child.children):
            break  # "announced it had agreed ... after Turkey began an offensive": the author's framing
        lemma = t.lemma_.lower()
        if t.pos_ in ("VERB", "AUX") and lemma in lex.reporting_verbs and _lowercase(t) and child.dep_ in (
                "ccomp", "xcomp", "parataxis", "dobj", "advcl", "conj", "prep", "pcomp"):
            speakers, _ = d.subject(t)
            if not speakers:  # "to assert, as Moscow rushed to do, that ..."
                for c in t.children:
                    if c.dep_ == "advcl" and any(g.lower_ == "as" for g in c.children):
                        speakers, _ = d.subject(c)
            if speakers:
                return speakers, t, lemma in lex.denial_verbs
        if t.pos_ == "NOUN" and lemma in lex.reporting_nouns and child.dep_ in (
                "acl", "ccomp", "relcl", "appos", "prep"):
            speakers = []
            for c in t.children:
                if c.dep_ in ("poss", "amod", "compound"):
                    speakers += d.np_actors(c)
            if not speakers and t.head.pos_ == "VERB":
                speakers, _ = d.subject(t.head)
            if speakers:
                return speakers, t, False
    for tok in sent:  # "according to the ministry"
        if tok.lower_ == "according":
            to = first_child(tok, ("prep",), "to")
            speakers = d.np_actors(pobj(to))
            if speakers:
                return speakers, tok, False
    quoted = _quote_speaker(d, cue)
    if quoted:
        return quoted
    # A "that" clause holding the cue after a reporting verb the parser attached elsewhere:
    # "There were no grounds to assert, as Moscow rushed to do, that the planes targeted ..."
    clause = next((a for a in [cue, *cue.ancestors] if a.pos_ in ("VERB", "AUX")
                   and any(c.dep_ == "mark" and c.lower_ == "that" for c in a.children)), None)
    if clause is not None:
        for tok in sent:
            if (tok.i < clause.i and tok.pos_ == "VERB" and tok.lemma_.lower() in lex.reporting_verbs
                    and _lowercase(tok)):
                speakers, _ = d.subject(tok) if tok.dep_ not in ("relcl", "acl") else ([], None)
                if not speakers:  # the "as X did" clause names who asserted it
                    for v in sent:
                        if v.pos_ == "VERB" and v.dep_ == "advcl" and any(
                                c.dep_ == "mark" and c.lower_ == "as" for c in v.children):
                            speakers, _ = d.subject(v)
                            if speakers:
                                break
                if speakers:
                    return speakers, tok, tok.lemma_.lower() in lex.denial_verbs
    return [], None, False


def _quote_spans(doc: Doc, marks: tuple[tuple[str, str], ...]) -> list[tuple[int, int]]:
    """``(opening mark, end)`` of each quotation of the clean body (:func:`helpers.quotes.quotations`
    in running text: marks open or close by context, a quotation left open ends with its
    paragraph), computed once per document."""
    cached = doc.user_data.get(QUOTES_KEY)
    if cached is None:
        cached = [(q.opened, q.end) for q in quotations(doc.text, marks, by_context=True, paragraphs=True)]
        doc.user_data[QUOTES_KEY] = cached
    return cached


def _quote_speaker(d: BlameDoc, cue: Token):
    """For a cue inside a quotation: the party the quote is attributed to, by a reporting verb
    in the sentence where the quote opens ("X said in a statement, \"...") or where it closes
    ("...\", X said")."""
    c = cue.idx
    span = next(((a, b) for a, b in _quote_spans(d.doc, d.lex.quotation_marks) if a < c < b), None)
    if span is None:
        return None
    lex = d.lex
    for anchor in (span[0], span[1]):
        sent = d.doc.char_span(anchor, anchor + 1, alignment_mode="expand")
        if sent is None:
            continue
        sent = sent.sent
        verbs = [t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in lex.reporting_verbs and _lowercase(t)
                 and not (span[0] < t.idx < span[1])]
        for v in sorted(verbs, key=lambda t: abs(t.idx - anchor)):
            speakers, _ = d.subject(v)
            if speakers:
                return speakers, v, v.lemma_.lower() in lex.denial_verbs
        # "In a statement released ..., the Department of Defense justified the strike: \"..."
        if any(t.lemma_.lower() in lex.reporting_nouns for t in sent if t.idx < span[0]):
            speakers, _ = d.subject(sent.root)
            if speakers:
                return speakers, sent.root, False
    return None


def _lowercase(t: Token) -> bool:
    """A verb written in lower case (or first in its sentence): "Said" mid-sentence is a name."""
    return t.text[:1].islower() or t.is_sent_start


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

