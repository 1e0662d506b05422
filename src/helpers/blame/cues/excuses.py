"""Excuses and justifications as denials (issue 16, family ``denial``; docs/annotation/blame.md
version 2, "Decisions recorded during annotation": excuses and justifications of a charged act,
self-defence, "the confession was forced", are denials, the blamer the accuser). Rows of the
explicit kind, ``denied`` true, the denier the blamed:

- a defence: "Dunn testified in his own defence" (the prosecutors' accusation: a defence answers
  a trial), "Dunn said he acted in self-defence" (or "self defense"), "Dunn claimed self-defence"
  (accuser ``unstated``, the prosecutors' when the document has charged or arrested Dunn:
  :func:`helpers.blame.cues.legal_defendants.charged`; "the defendant" is the person the actor
  pipeline's trial roles say);
- a confession its maker says was forced: "Dunn has since said his confession was coerced"
  (the prosecutors' accusation).

Only the denier's own act or words: "the officer acted in self-defence, police said" is the
police's judgement, not his denial (the speaker must be the denier when the excuse is reported);
negated or hypothetical excuses give no row. Reads the lexicon's ``excuse_*`` entries and
``denial_implicit``.
"""

from __future__ import annotations

from spacy.tokens import Token

from helpers.blame.attribution import attribute
from helpers.blame.cues.explicit import EXPLICIT
from helpers.blame.cues.legal_defendants import charged
from helpers.blame.cues.owning import owners, roots, withheld
from helpers.blame.cues.registry import Row
from helpers.blame.document import UNSTATED, BlameDoc, Mention, first_child, implicit_blamer

FAMILY = "denial"


@EXPLICIT.extractor(triggers=("excuse_defence_nouns",), family=FAMILY)
def defence(d: BlameDoc, n: Token) -> list[Row]:
    """ "testified in his own defence", "acted in self-defence", "claimed self-defence"."""
    if n.pos_ != "NOUN" or n.lower_ not in d.lex.words("excuse_defence_nouns"):
        return []
    own = any(c.dep_ == "amod" and c.lower_ == "own" for c in n.children)
    self_at = _self_word(n)
    self_ = self_at is not None
    if n.dep_ == "pobj" and n.head.lower_ == "in" and n.head.head.pos_ == "VERB" and (own or self_):
        v = n.head.head  # "testified in his own defence", "acted in self-defence"
    elif n.dep_ == "dobj" and self_ and n.head.lemma_.lower() in d.lex.words("excuse_claim_verbs"):
        v = n.head  # "claimed self-defence"
    else:
        return []
    deniers = owners(d, v)  # "said the defendant acted in self-defence": the actors resolve "the defendant"
    charge = own or any(charged(d, m) for m in deniers)
    accuser = d.lex.extra["denial_implicit"]["charge"] if charge else UNSTATED
    return _excuse(d, v, self_at if self_at is not None else n, n.i + 1, deniers, accuser)


def _self_word(n: Token) -> Token | None:
    """The "self" of "self-defence" (hyphenated) or of "self defense" (the open compound common in
    US reporting), or None."""
    if n.i >= 2 and n.doc[n.i - 1].text == "-" and n.doc[n.i - 2].lower_ == "self":
        return n.doc[n.i - 2]
    if n.i >= 1 and n.doc[n.i - 1].lower_ == "self" and n.doc[n.i - 1].head.i == n.i:
        return n.doc[n.i - 1]
    return None


@EXPLICIT.extractor(triggers=("excuse_confession_nouns",), family=FAMILY)
def forced_confession(d: BlameDoc, n: Token) -> list[Row]:
    """ "said his confession was forced", "says the confession was extracted under torture"."""
    v = n.head
    if (n.dep_ != "nsubjpass" or v.lemma_.lower() not in d.lex.words("excuse_forcing_verbs")
            or n.lemma_.lower() not in d.lex.words("excuse_confession_nouns")):
        return []
    maker = d.refs(first_child(n, ("poss",))) if first_child(n, ("poss",)) is not None else []
    return _excuse(d, v, v, v.i + 1, maker, d.lex.extra["denial_implicit"]["charge"], reported_only=True)


def _excuse(d: BlameDoc, v: Token, cue: Token, cue_end: int, own: list[Mention], accuser: str,
            reported_only: bool = False) -> list[Row]:
    """The row of an excuse for ``v``'s act by ``own``: in a reported clause ("said he acted in
    ..."), only when a speaker is the denier; with ``reported_only``, only there."""
    if not own or withheld(d, v):
        return []
    reported = v.dep_ in ("ccomp", "conj") or reported_only
    if reported and not roots(attribute(d, v, v.sent)[0]) & roots(own):
        return []
    return [Row("explicit", cue, own, blamer=[implicit_blamer(accuser)], issue=None, cue_end=cue_end,
                denied=True)]
