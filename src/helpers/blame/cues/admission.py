"""Admission: the blamed blames itself ("He admitted taking the money", "the rebel group claimed
responsibility for the bombing", "the minister apologised for the failures", "Acme pleaded guilty
to fraud", "'We made mistakes,' the minister said"). Rows of the explicit kind, cue family
``admission``: blamer = blamed = the admitter (a spokesperson admits for the organisation it
speaks for), the thing admitted the issue.

Reads the lexicon's admission block (``admission_verbs``, ``acknowledgement_verbs``,
``apology_verbs``, ``admission_nouns``, ``admission_light_verbs``,
``admission_responsibility_verbs``, ``own_fault_words``, ``fault_light_verbs``,
``apology_adjectives``, ``condolence_nouns``, ``act_claim_verbs``), the agency verbs (a party's
report of its own harmful act, ``own_act_report_verbs``) and the responsibility words; whose act a
complement is comes from :mod:`helpers.blame.cues.owning`.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from helpers.blame.cues.explicit import EXPLICIT
from helpers.blame.cues.owning import (
    about_owners,
    complement,
    issue_of,
    names_wrong,
    own_words,
    owners,
    phrase,
    plea,
    reported_own_act,
    withheld,
)
from helpers.blame.cues.registry import Row
from helpers.blame.document import BlameDoc, Mention, first_child, hypothetical, negated, passive, pobj

#: Dependents of an admitting verb that hold what it admits ("admitted taking", "admitted that").
_CLAUSES = ("ccomp", "xcomp")


def _rows(cue: Token, own: list[Mention], issue: Span | None, cue_end: int | None = None) -> list[Row]:
    """One admission row per admitter (blamer = blamed: one row each, not their product)."""
    return [Row("explicit", cue, [m], blamer=[m], issue=issue, cue_end=cue_end) for m in own]


# ----- the admission cues ------------------------------------------------------------------------
@EXPLICIT.extractor(triggers=("admission_verbs", "acknowledgement_verbs"), family="admission")
def admission_verb(d: BlameDoc, t: Token) -> list[Row]:
    """ "admitted taking the money", "confessed to the murder", "admitted fraud", "acknowledged that
    its software was faulty"; not "was admitted to hospital", "acknowledged the crowd", "did not
    admit", "admitted the army had erred" (another actor's fault)."""
    lemma = t.lemma_.lower()
    strict = lemma in d.lex.words("acknowledgement_verbs")
    if t.pos_ != "VERB" or passive(t) or withheld(d, t) or not (strict or lemma in d.lex.words("admission_verbs")):
        return []
    own = owners(d, t)
    issue = _admitted(d, t, own, strict) if own else None
    return _rows(t, own, issue) if issue is not None else []


def _admitted(d: BlameDoc, v: Token, own: list[Mention], strict: bool) -> Span | None:
    """What ``v`` admits: a clause or gerund of the admitter's own act (naming a wrong if
    ``strict``, else any act but being: "admitted he was tired" is no admission), or an object
    naming a wrong."""
    for c in v.children:
        if c.dep_ in _CLAUSES and _own_act(d, c, own, strict):
            return issue_of(d, c)
        if c.dep_ == "dobj" and names_wrong(d, phrase(c)):
            return issue_of(d, c)
        if c.dep_ == "prep" and c.lower_ == "to":  # "admitted to taking bribes", "confessed to the murder"
            obj = pobj(c)
            if obj is None:
                continue
            if _own_act(d, obj, own, strict) if obj.dep_ == "pcomp" else names_wrong(d, phrase(obj)):
                return issue_of(d, obj)
    return None


def _own_act(d: BlameDoc, clause: Token, own: list[Mention], strict: bool) -> bool:
    if clause.pos_ not in ("VERB", "AUX") or hypothetical(clause, d.lex) or not about_owners(d, clause, own):
        return False  # "admits that he will likely lose": a forecast, not an act
    if names_wrong(d, clause.subtree):
        return True
    return not strict and clause.lemma_.lower() != "be"


@EXPLICIT.extractor(triggers=("apology_verbs", "admission_nouns"), family="admission")
def apology(d: BlameDoc, t: Token) -> list[Row]:
    """ "apologised for the failures", "issued an apology for the delays", "the minister's apology
    for", "made a full confession", "his admission of guilt"; not "declined to apologise", "demanded
    an apology from" (the demander admits nothing)."""
    lemma = t.lemma_.lower()
    if t.pos_ == "VERB" and lemma in d.lex.words("apology_verbs") and not withheld(d, t):
        issue = complement(d, t, ("for",))
        if issue is None or (issue.root.dep_ == "pcomp" and not about_owners(d, issue.root, owners(d, t))):
            return []  # "apologised" alone says no wrong; "apologised for X having lied": X's fault
        return _rows(t, owners(d, t), issue)
    if t.pos_ != "NOUN" or lemma not in d.lex.words("admission_nouns") or any(c.lower_ == "no" for c in t.children):
        return []
    gov = t.head  # "issued an apology", "made a full confession": given in this sentence
    given = t.dep_ == "dobj" and gov.lemma_.lower() in d.lex.words("admission_light_verbs") and not withheld(d, gov)
    issue = _noun_issue(d, t)
    if issue is None and not (given and lemma == "confession"):
        return []  # "hospital admission", "his confession was forced": no admission made here
    own = owners(d, gov) if given else [m for c in t.children if c.dep_ == "poss" for m in d.np_actors(c)]
    return _rows(t, own, issue)


def _noun_issue(d: BlameDoc, n: Token) -> Span | None:
    """What an apology, confession or admission noun is for: "for the delays", "of guilt", "to the
    murder", "that he had lied" (for "admission", the wrong must be named)."""
    for c in n.children:
        if c.dep_ == "prep" and c.lower_ in ("for", "of", "to"):
            obj = pobj(c)
            if obj is not None and (n.lemma_.lower() != "admission" or names_wrong(d, phrase(obj))):
                return issue_of(d, obj)
        if c.dep_ in ("acl", "ccomp") and names_wrong(d, c.subtree):
            return issue_of(d, c)
    return None


@EXPLICIT.extractor(triggers=("responsibility_words",), family="admission")
def owned_responsibility(d: BlameDoc, t: Token) -> list[Row]:
    """ "claimed responsibility for the bombing", "accepted the blame", "took full responsibility";
    "bears responsibility", "we are responsible" in the bearer's own words; not "claimed victory",
    "refused to accept responsibility", "accepted no responsibility"."""
    lex, lemma = d.lex, t.lemma_.lower()
    if t.pos_ == "NOUN" and lemma in lex.responsibility_nouns and t.dep_ == "dobj":
        v = t.head
        if v.pos_ != "VERB" or passive(v) or withheld(d, v) or any(c.lower_ == "no" for c in t.children):
            return []
        own = owners(d, v)
        verb = v.lemma_.lower()
        if verb in lex.words("admission_responsibility_verbs") or (verb in lex.responsibility_verbs
                                                                    and own_words(d, v, own)):
            return _rows(v, own, _responsibility_issue(d, t, v), cue_end=t.i + 1)
        return []
    if t.pos_ == "ADJ" and lemma in lex.responsibility_adjectives and t.dep_ in ("acomp", "attr") \
            and t.head.lemma_ == "be" and not withheld(d, t.head) and not negated(t):
        own = owners(d, t.head)
        if own_words(d, t.head, own):  # "'We are responsible for this failure,' the minister said"
            return _rows(t, own, _responsibility_issue(d, t, t.head))
    return []


def _responsibility_issue(d: BlameDoc, word: Token, verb: Token) -> Span | None:
    for t in (word, verb):
        prep = first_child(t, ("prep",), "for")
        if prep is not None:
            return issue_of(d, pobj(prep))
    return None


@EXPLICIT.extractor(triggers=("agency_verbs", "agency_light_verbs"), family="admission")
def claimed_act(d: BlameDoc, t: Token) -> list[Row]:
    """A party's report of its own harmful act: "the group said it had carried out the attack",
    "a Hamas spokesman said they fired the rockets", "Israel confirmed it struck the convoy"; not
    "Hamas said Israel struck the convoy" (an accusation), "said it would strike" (a threat)."""
    lemma = t.lemma_.lower()
    if t.pos_ != "VERB" or passive(t, reduced=True) or negated(t) or hypothetical(t, d.lex):
        return []
    obj = first_child(t, ("dobj",))
    if lemma not in d.lex.agency_verbs and (obj is None or not d.is_act(obj)):
        return []  # a light verb harms only with an act for object ("carried out the attack")
    doers, _ = d.subject(t)
    report = reported_own_act(d, t, doers)
    if report is None:
        return []
    own = [m for m in owners(d, report) if m.root in {x.root for x in doers}]
    return _rows(t, own, issue_of(d, obj) if obj is not None else None)


@EXPLICIT.extractor(triggers=("act_claim_verbs",), family="admission")
def claimed_by_name(d: BlameDoc, t: Token) -> list[Row]:
    """ "The group claimed the attack", "IS claimed the bombings in Kabul": an act noun for object;
    not "claimed victory", "claimed the attack was staged", "did not claim the attack"."""
    if t.pos_ != "VERB" or t.lemma_.lower() not in d.lex.words("act_claim_verbs") or passive(t) or withheld(d, t):
        return []
    obj = first_child(t, ("dobj",))
    if obj is None or not d.is_act(obj):
        return []
    return _rows(t, owners(d, t), issue_of(d, obj))


@EXPLICIT.extractor(triggers=("own_fault_words", "apology_adjectives"), family="admission")
def own_fault(d: BlameDoc, t: Token) -> list[Row]:
    """In the speaker's own words: "'We made mistakes,' the minister said", "'I was wrong,' she
    told reporters", "'I am sorry,' he told the court" (a first-person subject, :func:`own_words`);
    not "I am sorry to hear", "we are sorry for your loss" (condolence)."""
    lemma = t.lemma_.lower()
    if t.pos_ == "NOUN" and t.dep_ == "dobj" and lemma in d.lex.words("own_fault_words") \
            and t.head.lemma_.lower() in d.lex.words("fault_light_verbs"):
        v, cue_end = t.head, t.i + 1  # "made mistakes", "made a serious error"
    elif t.pos_ == "ADJ" and lemma == "wrong" and t.dep_ == "acomp" and t.head.lemma_ == "be" and not negated(t):
        v, cue_end = t.head, t.i + 1  # "I was wrong"
    elif t.pos_ == "ADJ" and lemma in d.lex.words("apology_adjectives") and t.dep_ == "acomp" \
            and t.head.lemma_ == "be" and not negated(t) and not _condolence(d, t):
        v, cue_end = t.head, t.i + 1  # "I'm sorry"
    else:
        return []
    subj = first_child(v, ("nsubj",))
    if withheld(d, v) or subj is None or subj.lower_ not in d.lex.words("first_person"):
        return []
    own = owners(d, v)
    return _rows(subj, own, None, cue_end=cue_end) if own_words(d, v, own) else []


def _condolence(d: BlameDoc, sorry: Token) -> bool:
    """Is "sorry" condolence or regret at news, not an apology: "sorry to hear", "sorry for your
    loss", "sorry that she has died"?"""
    for c in sorry.children:
        if c.dep_ in ("xcomp", "ccomp"):
            return True
        if c.dep_ == "prep" and c.lower_ == "for":
            obj = pobj(c)
            if obj is not None and obj.lemma_.lower() in d.lex.words("condolence_nouns"):
                return True
    return False


@EXPLICIT.extractor(triggers=("plea_verbs",), family="admission")
def guilty_plea(d: BlameDoc, t: Token) -> list[Row]:
    """ "pleaded guilty to fraud" (a not-guilty plea is a denial: :mod:`helpers.blame.cues.denial`)."""
    found = plea(d, t)
    if found is None or found[1] != "admission":
        return []
    return _rows(t, owners(d, t), complement(d, t, ("to",)), cue_end=found[0].i + 1)
