"""Accusations made by claiming and alleging (issue 16, family ``accusation``): a party states that
an actor did a wrong, with no word of blaming (``docs/annotation/blame.md`` version 2: a claim is
an accusation when what it says is a wrong of an actor). Rows of the explicit kind:

- a claim verb whose clause states a wrong of an actor: "Chamisa claimed the ruling party had
  rigged the vote", "critics charge that the governor misused public funds", "Hale said the company
  had lied to the council", "claimed Biden won the election through fraud"; the blamer is the
  claim's subject (each of coordinated subjects: "Dale and his supporters"; the "by" agent of a
  passive, else ``unstated``), the blamed the clause's agent (its subject, or the "by" agent of a
  passive clause), through pronoun links;
- an allegation noun stating a wrong: "allegations of fraud by the ruling party", "Chamisa's claims
  that the ruling party rigged the vote", "accusations of corruption against the governor",
  "despite Chamisa's allegations of fraud, Mnangagwa was sworn in" (with no target of its own, the
  subject of the clause the allegation accompanies); the blamer is the noun's possessor or
  modifier, its "by"/"from" phrase, else the subject of a verb making it ("the union made
  allegations ..."), else ``unstated``.

- "alleged" and "allegedly" (the guideline's decision: accusations with blamer ``unstated``): "the
  alleged gunman, Omar Said", "alleged accomplices, including X", "Allegedly, X moved the funds";
  not "the alleged victim", an agentless passive ("was allegedly attacked") or a harmful act of
  ``agency_verbs`` (the agency family hedges those).

A wrong is a verb of ``claim_wrong_verbs`` (those of ``claim_object_wrongs`` only with an object),
supplying arms ("had sent drones to the rebels": ``claim_supply_verbs`` with an object of
``claim_supplied_arms``), any act an adverb calls wrongful ("illegally diverted the funds":
``claim_wrong_adverbs``),
or a noun of ``claim_wrong_nouns`` as the object of a doing verb ("committed fraud"), after a means
preposition ("won through fraud", "due to voter fraud") or as an allegation's complement. No row
when the claim or its clause is negated, under a modal or in a question; when the allegation is
denied, withdrawn or called baseless (the denial family's); when no actor did the wrong. The harmful
acts of ``agency_verbs`` stay the agency family's, and "claimed responsibility" (no clause) is an
admission.
"""

from __future__ import annotations

from spacy.tokens import Token

from helpers.blame.cues.explicit import EXPLICIT, carried_clause, noun_blamer
from helpers.blame.cues.legal_parties import object_actors
from helpers.blame.cues.registry import Row
from helpers.blame.cues.speakers import unnamed
from helpers.blame.document import (
    UNSTATED,
    BlameDoc,
    Mention,
    first_child,
    hypothetical,
    lacks_particle,
    negated,
    passive,
    pobj,
    questioned,
    span_of,
    unasserted,
)

FAMILY = "accusation"


# ----- claim verbs ------------------------------------------------------------------------------
@EXPLICIT.extractor(triggers=("claim_verbs",), family=FAMILY)
def claimed_wrong(d: BlameDoc, t: Token) -> list[Row]:
    """A claim verb whose clause states an actor's wrong: "X claimed (that) Y rigged the vote"."""
    if t.pos_ != "VERB" or t.lemma_.lower() not in d.lex.words("claim_verbs") or unasserted(t, d.lex):
        return []
    clause = first_child(t, ("ccomp",))
    wrong = wrong_in(d, clause)
    targets = wrong_agents(d, wrong) if wrong is not None else []
    if not targets:
        return []
    blamer = d.np_party(pobj(first_child(t, ("agent",)))) if passive(t) else claimants(d, t)
    return [Row("explicit", t, targets, blamer=blamer, issue=span_of(d, clause),
                implicit="" if blamer else UNSTATED)]


def claimants(d: BlameDoc, v: Token) -> list[Mention]:
    """Who makes a claim: the actors (or the unnamed party) of the verb's subject, and each
    coordinated subject that names no actor of its own ("Dale and his supporters": Dale, and the
    supporters as an unnamed party)."""
    actors, subj = d.subject(v)
    found = actors or d.np_party(subj)
    for c in subj.conjuncts if subj is not None else ():
        own = d.by_token.get(c.i) or d.pronoun(c) or d.institution(c)
        if own is None and c.pos_ in ("NOUN", "PROPN") and c.i not in d.groups:
            found.append(unnamed(c))
    return found


# ----- what is claimed --------------------------------------------------------------------------
def wrong_in(d: BlameDoc, clause: Token | None) -> Token | None:
    """The verb of a claimed clause (or of its coordinated verbs, or of a verb it controls: "tried
    to hide the figures") that states a wrong, or None."""
    if clause is None or clause.pos_ not in ("VERB", "AUX"):
        return None
    todo, seen = [clause, *clause.conjuncts], set()
    while todo:
        v = todo.pop(0)
        if v.i in seen or negated(v) or hypothetical(v, d.lex):
            continue
        seen.add(v.i)
        if _wrong_verb(d, v) or _wrong_means(d, v) or _arming(d, v) or _wrongly_done(d, v):
            return v
        todo += [c for c in v.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    return None


def _wrong_verb(d: BlameDoc, v: Token) -> bool:
    """ "rigged the vote", "had lied", "covered up the leak" (not "hid in a cellar", "covered the
    story"); the harmful acts of ``agency_verbs`` are the agency family's."""
    lemma = v.lemma_.lower()
    if lemma not in d.lex.words("claim_wrong_verbs") or lemma in d.lex.agency_verbs or lacks_particle(v, d.lex):
        return False
    needs_object = lemma in d.lex.words("claim_object_wrongs")
    return not needs_object or passive(v) or first_child(v, ("dobj",)) is not None


def _wrong_means(d: BlameDoc, v: Token) -> bool:
    """ "committed fraud", "won through fraud", "won the election due to voter fraud", "was
    involved in corruption"."""
    preps = d.lex.words("claim_means_preps")
    for c in v.children:
        if c.dep_ == "dobj" and v.lemma_.lower() in d.lex.words("claim_doing_verbs") and wrong_noun(d, c):
            return True
        if c.dep_ == "prep" and c.lower_ in preps and any(
                t.dep_ == "pobj" and wrong_noun(d, t) for t in c.subtree):
            return True
    return False


def _wrongly_done(d: BlameDoc, v: Token) -> bool:
    """ "had illegally diverted the funds", "is unduly influencing the government": a verb an
    adverb of ``claim_wrong_adverbs`` calls wrongful."""
    return any(c.dep_ == "advmod" and c.lower_ in d.lex.words("claim_wrong_adverbs") for c in v.children)


def _arming(d: BlameDoc, v: Token) -> bool:
    """ "had sent drones to the rebels", "supplied weapons to the militia", "smuggled rockets into
    Gaza": a verb of ``claim_supply_verbs`` whose object is arms (``claim_supplied_arms``)."""
    obj = first_child(v, ("dobj", "nsubjpass"))
    return (v.lemma_.lower() in d.lex.words("claim_supply_verbs") and obj is not None
            and obj.lemma_.lower() in d.lex.words("claim_supplied_arms"))


def wrong_noun(d: BlameDoc, n: Token | None) -> bool:
    """Is ``n`` a noun of ``claim_wrong_nouns`` that is not denied by its determiner ("no fraud")?"""
    return (n is not None and n.pos_ in ("NOUN", "PROPN") and n.lemma_.lower() in d.lex.words("claim_wrong_nouns")
            and not any(c.dep_ == "det" and c.lower_ == "no" for c in n.children))


def wrong_agents(d: BlameDoc, v: Token) -> list[Mention]:
    """Who did the wrong a clause's verb states: its subject, or the "by" agent of a passive."""
    if passive(v):
        return d.np_party(pobj(first_child(v, ("agent",))), phrase=False)
    actors, subj = d.subject(v)
    return actors or d.np_party(subj, phrase=False)


# ----- allegation nouns -------------------------------------------------------------------------
@EXPLICIT.extractor(triggers=("allegation_nouns",), family=FAMILY)
def alleged_wrong(d: BlameDoc, n: Token) -> list[Row]:
    """An allegation noun stating a wrong: "allegations of fraud by X", "X's claims that Y lied",
    "accusations of corruption against Y", "despite allegations of fraud, Y ..."."""
    if n.pos_ != "NOUN" or n.lemma_.lower() not in d.lex.words("allegation_nouns") or _rejected(d, n):
        return []
    targets, issue = _alleged(d, n)
    if not targets:
        return []
    blamer = noun_blamer(d, n)
    if not blamer and n.dep_ == "dobj" and n.head.lemma_.lower() in d.lex.words("accusation_making_verbs"):
        blamer = claimants(d, n.head)  # "the union made allegations of corruption"
    blamer = [m for m in blamer if m not in targets]
    return [Row("explicit", n, targets, blamer=blamer, issue=issue, implicit="" if blamer else UNSTATED)]


def _alleged(d: BlameDoc, n: Token) -> tuple[list[Mention], object]:
    """The blamed of an allegation noun and the wrong alleged: a clause's agent ("claims that the
    party rigged the vote"), the agent of the wrong its "of" phrase names ("of fraud by the party",
    "of the party's corruption"), its "against" phrase, else the subject of the clause the
    allegation accompanies ("despite allegations of fraud, Mnangagwa ...")."""
    clause = carried_clause(d, n)
    wrong = wrong_in(d, clause)
    if wrong is not None:
        return wrong_agents(d, wrong), span_of(d, clause)
    of = pobj(first_child(n, ("prep",), "of"))
    if not wrong_noun(d, of):
        return [], None
    targets = d.agent_of_act(of)
    for holder in (n, of, n.head):
        against = pobj(first_child(holder, ("prep",), "against"))
        targets = targets or d.np_party(against, phrase=False)
    if not targets and n.dep_ == "pobj" and n.head.lower_ in d.lex.words("allegation_context_preps"):
        act = n.head.head  # the verb the "despite" phrase modifies
        if act.pos_ in ("VERB", "AUX"):
            targets = d.np_party(first_child(act, ("nsubj", "nsubjpass")), phrase=False)
    return targets, span_of(d, of)


def _rejected(d: BlameDoc, n: Token) -> bool:
    """Is the allegation denied, withdrawn or called baseless ("rejected claims that ...", "the
    union withdrew its allegations", "the claims are baseless"), or not made ("did not make
    allegations", "could make claims", a question)?"""
    if n.dep_ == "pobj" and n.head.lower_ in d.lex.words("allegation_context_preps"):
        return questioned(n)  # "despite allegations of fraud, Y ended ...": made, whatever Y did
    gov = n.head.head if n.dep_ == "pobj" and n.head.dep_ == "prep" and n.head.head.pos_ == "VERB" else n.head
    undoing = d.lex.denial_verbs | d.lex.words("legal_removal_verbs")
    if gov.pos_ == "VERB" and (gov.lemma_.lower() in undoing or unasserted(gov, d.lex)):
        return True
    labels = d.lex.words("denial_labels")
    if n.dep_ == "nsubj" and any(c.dep_ in ("acomp", "attr") and c.lemma_.lower() in labels for c in gov.children):
        return True
    return questioned(n)



# ----- "alleged", "allegedly" -------------------------------------------------------------------
@EXPLICIT.extractor(triggers=("allegation_modifiers",), family=FAMILY)
def alleged_modifier(d: BlameDoc, t: Token) -> list[Row]:
    """An accusation the text reports with no accuser (blamer ``unstated``): "the alleged gunman,
    Omar Said", "its alleged operator X", "alleged accomplices, including X", "alleged hacking by
    X"; "Allegedly, X moved the funds", "X allegedly bribed officials". No row for a victim or
    witness ("the alleged victim"), a harmful act of ``agency_verbs`` (the agency family hedges
    those), a passive with no "by" agent ("was allegedly bribed": maybe a victim) or a negated,
    modal or questioned clause."""
    if t.lower_ not in d.lex.words("allegation_modifiers") or questioned(t):
        return []
    if t.dep_ == "amod" and t.head.pos_ in ("NOUN", "PROPN"):
        targets, issue = _alleged_party(d, t.head)
    elif t.dep_ == "advmod" and t.head.pos_ == "VERB" and not unasserted(t.head, d.lex):
        v = t.head
        plain = v.lemma_.lower() not in d.lex.agency_verbs and (not passive(v) or first_child(v, ("agent",)))
        targets, issue = (wrong_agents(d, v) if plain else []), span_of(d, v)
    else:
        return []
    return [Row("explicit", t, targets, blamer=[], issue=issue, implicit=UNSTATED)] if targets else []


def _alleged_party(d: BlameDoc, n: Token) -> tuple[list[Mention], object]:
    """Whom "alleged" on ``n`` accuses: the agent of an alleged act ("alleged hacking by X", "X's
    alleged fraud"), else the actors the phrase names ("the alleged gunman, Omar Said", "alleged
    accomplices, including X", "alleged Islamic State members")."""
    if n.lemma_.lower() in d.lex.words("allegation_unblamed_nouns"):
        return [], None
    if d.is_act(n) or wrong_noun(d, n):
        return d.agent_of_act(n), span_of(d, n)
    return object_actors(d, n, n), None
