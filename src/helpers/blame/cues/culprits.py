"""Accusations that name a culprit without a verb of blaming (issue 16, family ``accusation``;
``docs/annotation/blame.md`` version 2: "is responsible for", "point the finger at", and the
synonyms of the family's line). Rows of the explicit kind:

- "Y was behind the attack", "Y is believed to be behind the bombing" (``culprit_preps`` on a
  copula, the object a harmful act or a wrong);
- "Y is to blame (for the flooding)";
- "X pointed the finger at Y" (``finger_pointing``: a verb and its object noun);
- "the attack bore the hallmarks of Y" / "of a Y operation" (``hallmark_nouns`` as the object of
  ``hallmark_verbs``);
- "investigators linked Y to the attack", "Y has been linked to the bombing", "a man linked to the
  attack" (``link_verbs`` with a "to" phrase naming a harmful act or a wrong; "linked the fire to
  a faulty cable" and "militants linked to al-Qaeda" name no wrong of an actor);
- "Y was involved / complicit in the bombing" (``involvement_predicates``), "Y had a hand in / played
  a role in / took part in the attack" (``share_frames``), only with a harmful act or a wrong;
- "X laid / put the blame (for C) on Y", "the blame lies with Y", "responsibility rests with Y"
  (``placed_blame_nouns`` with ``blame_placing_verbs`` or ``blame_resting_verbs``);
- "Christine Ford, Brett Kavanaugh's accuser" (``accuser_nouns``: the possessor is accused).

The blamer of a copula, a hallmark, a share or resting blame is left to attribution (the speaker
of "Iraqi officials said ..."; else the author; ``unstated`` under an agentless "is believed to
be"); of a verb, its subject (a passive's "by" agent, else ``unstated``). No row
when the cue or a verb above it is negated, hypothetical or asked, or a denial verb governs it
("denied that its forces were behind the attack": a third party's denial gives no row).
"""

from __future__ import annotations

from spacy.tokens import Token

from helpers.blame.cues.allegations import wrong_noun
from helpers.blame.cues.explicit import EXPLICIT
from helpers.blame.cues.registry import Row
from helpers.blame.document import UNSTATED, BlameDoc, Mention, first_child, passive, pobj, span_of, unasserted

FAMILY = "accusation"


def _wrong(d: BlameDoc, n: Token | None) -> bool:
    """Does ``n`` name a harmful act or a wrong ("the bombing", "the fraud")?"""
    return n is not None and (d.is_act(n) or wrong_noun(d, n))


def _disowned(d: BlameDoc, t: Token) -> bool:
    """Is ``t`` (a cue's verb or copula) unasserted, or below a verb that is unasserted or denies?"""
    if unasserted(t, d.lex) or any(c.dep_ == "mark" and c.lower_ in d.lex.words("culprit_open_marks")
                                   for c in t.children):
        return True  # "whether the Taliban were behind the bombing"
    return any(a.pos_ in ("VERB", "AUX") and (a.lemma_.lower() in d.lex.denial_verbs or unasserted(a, d.lex))
               for a in t.ancestors)


def _sayer(d: BlameDoc, v: Token) -> list[Mention]:
    """Who blames by the verb ``v``: its subject's actors, else the subject as an unnamed party."""
    subj, subj_tok = d.subject(v)
    return subj or d.np_party(subj_tok)


def _copula_subject(d: BlameDoc, be: Token) -> list[Mention]:
    """The actors a copula says something of: its subject, or the subject of the passive it
    completes ("Y is believed to be behind", "Y was thought to be to blame")."""
    actors, subj = d.subject(be)
    if actors or subj is not None:
        return actors or d.np_party(subj, phrase=False)
    if be.dep_ == "xcomp" and passive(be.head):
        return d.np_party(first_child(be.head, ("nsubjpass",)), phrase=False)
    return []


def _unsaid(be: Token) -> str:
    """``unstated`` for a copula under an agentless passive ("Y is believed to be behind"): the
    belief is someone's, not the author's (the guideline's agentless "was accused of")."""
    held = be.dep_ == "xcomp" and passive(be.head) and first_child(be.head, ("agent",)) is None
    return UNSTATED if held else ""


@EXPLICIT.extractor(triggers=("culprit_preps",), family=FAMILY)
def behind(d: BlameDoc, t: Token) -> list[Row]:
    """ "Y was behind the attack" (not "behind bars", "behind the wheel", "behind schedule")."""
    be = t.head
    if t.lower_ not in d.lex.words("culprit_preps") or t.dep_ != "prep" or be.lemma_ != "be":
        return []
    what = pobj(t)
    if not _wrong(d, what) or _disowned(d, be):
        return []
    targets = _copula_subject(d, be)
    return [Row("explicit", t, targets, issue=span_of(d, what), implicit=_unsaid(be))] if targets else []


@EXPLICIT.extractor(triggers=("culprit_blame_verbs",), family=FAMILY)
def to_blame(d: BlameDoc, t: Token) -> list[Row]:
    """ "Y is to blame (for the flooding)", "Y were partly to blame"."""
    be = t.head
    if (t.lemma_.lower() not in d.lex.words("culprit_blame_verbs") or t.dep_ != "xcomp" or be.lemma_ != "be"
            or first_child(t, ("aux",), "to") is None or first_child(t, ("dobj",)) is not None):
        return []
    if _disowned(d, be) or _disowned(d, t):
        return []
    targets = _copula_subject(d, be)
    issue = span_of(d, pobj(first_child(t, ("prep",), "for")))
    return [Row("explicit", t, targets, issue=issue, implicit=_unsaid(be))] if targets else []


@EXPLICIT.extractor(triggers=("finger_pointing",), family=FAMILY)
def pointed_finger(d: BlameDoc, v: Token) -> list[Row]:
    """ "X pointed the finger at Y" (the "at" phrase on the verb or on "finger")."""
    noun = d.lex.extra["finger_pointing"].get(v.lemma_.lower())
    obj = first_child(v, ("dobj",))
    if v.pos_ != "VERB" or noun is None or obj is None or obj.lemma_.lower() != noun or _disowned(d, v):
        return []
    at = pobj(first_child(v, ("prep",), "at") or first_child(obj, ("prep",), "at"))
    targets = d.agent_of_act(at) if _wrong(d, at) else d.np_party(at, phrase=False)
    if not targets:
        return []
    blamer = _sayer(d, v)
    return [Row("explicit", v, targets, blamer=blamer, implicit="" if blamer else UNSTATED)]


@EXPLICIT.extractor(triggers=("hallmark_nouns",), family=FAMILY)
def hallmarks(d: BlameDoc, n: Token) -> list[Row]:
    """ "The attack bore the hallmarks of Y", "had all the hallmarks of a Y operation"."""
    v = n.head
    if (n.lemma_.lower() not in d.lex.words("hallmark_nouns") or n.dep_ != "dobj"
            or v.lemma_.lower() not in d.lex.words("hallmark_verbs") or _disowned(d, v)):
        return []
    of = pobj(first_child(n, ("prep",), "of"))
    targets = d.agent_of_act(of) if _wrong(d, of) else d.np_party(of, phrase=False)
    return [Row("explicit", n, targets, issue=span_of(d, first_child(v, ("nsubj",))))] if targets else []


@EXPLICIT.extractor(triggers=("link_verbs",), family=FAMILY)
def linked(d: BlameDoc, v: Token) -> list[Row]:
    """ "Investigators linked Y to the attack", "Y was linked to the bombing", "a man linked to
    the attack"."""
    if v.pos_ != "VERB" or v.lemma_.lower() not in d.lex.words("link_verbs") or _disowned(d, v):
        return []
    what = pobj(first_child(v, ("prep",), "to"))
    if not _wrong(d, what):
        return []
    blamer: list[Mention] = []
    if passive(v) or (v.tag_ == "VBN" and v.dep_ == "acl"):
        held = first_child(v, ("nsubjpass",)) if passive(v) else v.head
        targets = d.np_party(held, phrase=False)
        blamer = d.np_party(pobj(first_child(v, ("agent",))))
    else:
        targets = d.np_party(first_child(v, ("dobj",)), phrase=False)
        blamer = _sayer(d, v)
    if not targets:
        return []
    return [Row("explicit", v, targets, blamer=blamer, issue=span_of(d, what), implicit="" if blamer else UNSTATED)]


@EXPLICIT.extractor(triggers=("involvement_predicates",), family=FAMILY)
def involved(d: BlameDoc, t: Token) -> list[Row]:
    """ "Y was involved in the bombing", "Y was complicit in the massacre" (predicates only: "the
    men involved in the attack" names no one)."""
    if t.lemma_.lower() not in d.lex.words("involvement_predicates"):
        return []
    what = pobj(first_child(t, ("prep",), "in"))
    if not _wrong(d, what):
        return []
    if passive(t) and not _disowned(d, t):
        targets = d.np_party(first_child(t, ("nsubjpass",)), phrase=False)
    elif t.dep_ == "acomp" and t.head.lemma_ == "be" and not _disowned(d, t.head):
        targets = _copula_subject(d, t.head)
    else:
        return []
    return [Row("explicit", t, targets, issue=span_of(d, what))] if targets else []


@EXPLICIT.extractor(triggers=("share_frames",), family=FAMILY)
def had_a_hand(d: BlameDoc, v: Token) -> list[Row]:
    """ "Y had a hand in the attack", "Y played a role in the killing", "Y took part in the raid"."""
    nouns = d.lex.extra["share_frames"].get(v.lemma_.lower())
    obj = first_child(v, ("dobj",))
    if v.pos_ != "VERB" or not nouns or obj is None or obj.lemma_.lower() not in nouns.split() or _disowned(d, v):
        return []
    what = pobj(first_child(v, ("prep",), "in") or first_child(obj, ("prep",), "in"))
    if not _wrong(d, what):
        return []
    subj, subj_tok = d.subject(v)
    targets = subj or d.np_party(subj_tok, phrase=False)  # an unnamed doer is no one
    return [Row("explicit", v, targets, issue=span_of(d, what))] if targets else []


@EXPLICIT.extractor(triggers=("placed_blame_nouns",), family=FAMILY)
def placed_blame(d: BlameDoc, n: Token) -> list[Row]:
    """ "X laid the blame on Y", "X put the blame for the bombing on Y" (blamer X); "the blame
    lies with Y", "responsibility rests with Y" (blamer: attribution)."""
    v = n.head
    if n.lemma_.lower() not in d.lex.words("placed_blame_nouns") or v.pos_ != "VERB" or _disowned(d, v):
        return []
    lemma = v.lemma_.lower()
    if n.dep_ == "dobj" and lemma in d.lex.words("blame_placing_verbs"):
        preps = ("on", "upon")
    elif n.dep_ == "nsubj" and lemma in d.lex.words("blame_resting_verbs"):
        preps = ("with", "on", "upon")
    else:
        return []
    what = pobj(first_child(n, ("prep",), "for") or first_child(v, ("prep",), "for"))
    holders = [h for h in (v, n, what) if h is not None]  # the parser may hang "on Y" on "the bombing"
    onto = next((pobj(c) for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in preps), None)
    targets = d.np_party(onto, phrase=False)
    if not targets:
        return []
    issue = span_of(d, what)
    if n.dep_ == "nsubj":
        return [Row("explicit", n, targets, issue=issue)]
    blamer = _sayer(d, v)
    return [Row("explicit", n, targets, blamer=blamer, issue=issue, implicit="" if blamer else UNSTATED)]


@EXPLICIT.extractor(triggers=("accuser_nouns",), family=FAMILY)
def accuser(d: BlameDoc, n: Token) -> list[Row]:
    """ "Christine Ford, Brett Kavanaugh's accuser, ...", "Kavanaugh's accuser Christine Ford", "an
    accuser of the senator": the accused is the possessor or the "of" phrase, the accuser the one
    the noun names (its apposition, the name it stands in apposition to, or a name it modifies)."""
    if n.lemma_.lower() not in d.lex.words("accuser_nouns") or n.pos_ != "NOUN":
        return []
    held = first_child(n, ("poss",)) or pobj(first_child(n, ("prep",), "of"))
    targets = d.np_party(held, phrase=False) if held is not None else []
    if not targets:
        return []
    named = [c for c in n.children if c.dep_ == "appos"] + ([n.head] if n.dep_ in ("appos", "compound") else [])
    blamer = [m for t in named for m in d.np_actors(t) if m not in targets]
    return [Row("explicit", n, targets, blamer=blamer, implicit="" if blamer else UNSTATED)]
