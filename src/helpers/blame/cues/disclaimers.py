"""Disclaimers: a party's denial of its own part in a wrong without an accusation named (issue 16,
family ``denial``; docs/annotation/blame.md version 2, denial). Rows of the explicit kind,
``denied`` true, the blamed the party, the blamer ``unstated`` (:func:`own_denial` decides
whose words they are):

- pleaded innocence: "maintained his innocence"; in the party's own reported words, "he was
  innocent", "it had done nothing wrong", "had nothing to do with the attack", "we are not
  responsible";
- a negated act naming a wrong, in the party's own reported words: "Hale said he had not
  committed any crime", "the ministry said it never targeted civilians", "said it had broken no
  laws" (the verb, or its object, names the wrong; not "said he had not been told of the attack");
- a negated part in a wrong, in its own words: "said it was not involved in the attack", "was not
  behind the bombing", "was not to blame for the crash" (``denial_part_words``);
- a negated admission of responsibility, by the party itself: "Acme did not take responsibility
  for the spill", "has never accepted the blame" (``denial_unowned_verbs``; not "claim": an
  unclaimed attack is no denial); reported, only when the speaker is the party.

Hypothetical forms ("would not accept responsibility"), a third party's words ("Lavrov said Syria
had not used chemical weapons") and the author's own negations ("Hale did not steal the money":
a statement of fact, not a denial) give no row, except the unaccepted responsibility, whose doer
is the party.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from helpers.blame.attribution import attribute
from helpers.blame.cues.denial import breach, conditional, denial_rows, unstated_blamer
from helpers.blame.cues.explicit import EXPLICIT
from helpers.blame.cues.owning import names_wrong, owners, phrase, roots, withheld
from helpers.blame.cues.registry import Row
from helpers.blame.document import BlameDoc, Mention, first_child, hypothetical, negated, pobj, span_of

FAMILY = "denial"


@EXPLICIT.extractor(triggers=("innocence_words",), family=FAMILY)
def innocence(d: BlameDoc, t: Token) -> list[Row]:
    """Pleading innocence: "maintained his innocence", "insisted on her innocence"; in the
    denier's own reported words (:func:`own_denial`), "he was innocent", "it had done nothing
    wrong", "did not do anything wrong", "it had nothing to do with the attack"."""
    word = t.lower_
    if t.pos_ == "NOUN" and word == "innocence":
        v = t.head.head if t.dep_ == "pobj" else t.head
        if t.dep_ in ("dobj", "pobj") and v.pos_ == "VERB" and v.lemma_.lower() in d.lex.words("innocence_verbs") \
                and not withheld(d, v):
            return denial_rows(v, owners(d, v), [], None, cue_end=t.i + 1)
        return []
    if t.pos_ == "ADJ" and word == "innocent" and t.dep_ == "acomp" and t.head.lemma_ == "be":
        return own_denial(d, t.head, t, None, None)
    if t.pos_ == "ADJ" and word == "wrong" and t.dep_ == "amod" and t.head.lower_ in ("nothing", "anything"):
        obj, v = t.head, t.head.head  # "done nothing wrong", "did not do anything wrong"
        if obj.dep_ == "dobj" and v.lemma_ == "do" and negated(v) == (obj.lower_ == "anything"):
            return own_denial(d, v, v, None, t.i + 1, negation=False)
        return []
    if word == "nothing" and t.dep_ == "dobj" and t.head.lemma_ == "have":
        do = next((c for c in t.children if c.dep_ in ("relcl", "acl") and c.lemma_ == "do"), None)
        with_ = first_child(do, ("prep",), "with") if do is not None else None
        if with_ is not None:  # "had nothing to do with the attack"
            return own_denial(d, t.head, t.head, span_of(d, pobj(with_)), with_.i + 1)
    return []


@EXPLICIT.extractor(triggers=("responsibility_adjectives",), family=FAMILY)
def not_responsible(d: BlameDoc, t: Token) -> list[Row]:
    """In the denier's own reported words: "it was not responsible for the attack", "we are not
    guilty"."""
    be = t.head
    if t.pos_ != "ADJ" or t.lemma_.lower() not in d.lex.responsibility_adjectives or t.dep_ not in ("acomp", "attr") \
            or be.lemma_ != "be" or not (negated(be) or negated(t)):
        return []
    prep = first_child(t, ("prep",), "for")
    return own_denial(d, be, t, span_of(d, pobj(prep)) if prep is not None else None, None, negation=False)


def own_denial(d: BlameDoc, v: Token, cue: Token, issue: Span | None, cue_end: int | None,
               negation: bool = True, own: list[Mention] | None = None) -> list[Row]:
    """A denial row for the subject of ``v`` when the clause is in its own reported words: a
    speaker that is the subject or part of it ("Russia said it was not responsible", "his lawyer
    said he was innocent"); not the author's "he was innocent" (a verdict), nor a third party's
    "Lavrov said Syria was not responsible". With ``negation``, ``v`` itself must not be negated;
    ``own`` (when given) is the subject's actors, for a subject ``owners`` does not read."""
    if (negation and withheld(d, v)) or hypothetical(v, d.lex) or conditional(d, v) \
            or (v.dep_ == "ccomp" and v.head.lower_ in d.lex.words("denial_wish_verbs")):
        return []
    own = owners(d, v) if own is None else own
    speakers = attribute(d, v, v.sent)[0]
    if not roots(speakers) & roots(own):
        return []
    return denial_rows(cue, own, [], issue, cue_end=cue_end)


@EXPLICIT.extractor(triggers=("denial_negations",), family=FAMILY)
def negated_wrong(d: BlameDoc, n: Token) -> list[Row]:
    """ "said he had not committed any crime", "said it never bombed the hospital", "said it had
    broken no laws": the negation on the verb, or "no" on its object."""
    if n.lower_ not in d.lex.words("denial_negations"):
        return []
    if n.dep_ == "neg":
        v = n.head
    elif n.dep_ == "det" and n.lower_ == "no" and n.head.dep_ == "dobj":
        v = n.head.head
    else:
        return []
    if v.pos_ != "VERB" or v.lemma_.lower() in d.lex.words("denial_negation_exclusions"):
        return []  # "did not do anything wrong", "did not deny", "did not take responsibility": own rules
    obj = first_child(v, ("dobj",))
    if obj is not None and obj.lemma_.lower() in d.lex.words("responsibility_nouns"):
        return []  # "did not take responsibility": unowned_responsibility
    # the verb or the object's head and modifiers ("any crime", "chemical weapons"; not "no trace
    # of explosives", "no memory of the attack")
    tokens = [v] + ([obj] + [c for c in obj.children if c.dep_ in ("compound", "amod")] if obj is not None else [])
    if not (names_wrong(d, tokens) or breach(d, [v])):
        return []
    return own_denial(d, v, v, span_of(d, obj) if obj is not None else None, None, negation=False)


@EXPLICIT.extractor(triggers=("denial_part_words",), family=FAMILY)
def no_part(d: BlameDoc, t: Token) -> list[Row]:
    """ "said it was not involved in the attack", "was not behind the bombing", "we are not to blame"."""
    word = t.lemma_.lower()
    if word not in d.lex.words("denial_part_words"):
        return []
    be = t.head if t.dep_ in ("acomp", "prep", "xcomp") and t.head.lemma_ == "be" else None
    if word in ("involve", "involved") and t.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in t.children):
        be = t  # "was not involved in", parsed as a passive
    if be is None or not negated(be):
        return []
    subj = first_child(be, ("nsubjpass",))
    own = d.refs(subj) if subj is not None else None  # "it was not involved": a passive subject
    if t.dep_ == "prep":  # "behind": only an act or a wrong ("not behind the wheel" is no denial)
        target = pobj(t)
        if target is None or not names_wrong(d, phrase(target)):
            return []
        return own_denial(d, be, t, span_of(d, target), None, negation=False, own=own)
    if t.dep_ == "xcomp" and first_child(t, ("aux",), "to") is None:
        return []  # "blame" only in "to blame"
    about = first_child(t, ("prep",), "in") or first_child(t, ("prep",), "for")
    return own_denial(d, be, t, span_of(d, pobj(about)) if about is not None else None, None, negation=False,
                      own=own)


@EXPLICIT.extractor(triggers=("denial_unowned_verbs",), family=FAMILY)
def unowned_responsibility(d: BlameDoc, v: Token) -> list[Row]:
    """ "Acme did not take responsibility for the spill", "has never accepted the blame"."""
    obj = first_child(v, ("dobj",))
    if v.pos_ != "VERB" or v.lemma_.lower() not in d.lex.words("denial_unowned_verbs") or obj is None \
            or obj.lemma_.lower() not in d.lex.words("responsibility_nouns") or not negated(v) \
            or hypothetical(v, d.lex):
        return []
    own = owners(d, v)
    speakers, frame = attribute(d, v, v.sent)[:2]
    if not own or conditional(d, v) or ((frame is not None or v.dep_ == "ccomp") and not roots(speakers) & roots(own)):
        return []  # "critics said Acme did not take responsibility": the critics' blame
    about = first_child(obj, ("prep",), "for") or first_child(v, ("prep",), "for")
    return [Row("explicit", v, own, blamer=[unstated_blamer()], issue=span_of(d, pobj(about)) if about is not None
                else None, cue_end=obj.i + 1, denied=True)]
