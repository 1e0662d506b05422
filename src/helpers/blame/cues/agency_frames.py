"""Agency frames whose harm is not in one word: taking a place by force ("rebels seized the town",
"the group took over a third of the country"), a neutral conduct noun made harmful by its modifier
("his violent treatment of opponents"), holding people against their will ("kept the children
locked indoors", "held the crew hostage") and breaking a law or truce ("are breaking the law").
Rows of the agency kind (:mod:`helpers.blame.cues.agency`); reads the lexicon's ``seizure_verbs``,
``seizure_particles``, ``place_nouns``, ``conduct_nouns``, ``harm_adjectives``,
``confinement_verbs``, ``confinement_words``, ``rule_breaking_verbs`` and ``rule_nouns``. Like every agency row, the
harm needs a named doer: "the town was seized" or "violent treatment" alone give no row."""

from __future__ import annotations

from spacy.tokens import Token

from helpers.blame.cues.agency import AGENCY, agency_noun_rows, agency_rows, hedged
from helpers.blame.cues.registry import Row
from helpers.blame.document import BlameDoc, first_child, hypothetical, negated, passive, span_of

#: Entity labels of places: an object naming one is taken ground ("seized Aleppo").
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def _acting(d: BlameDoc, v: Token) -> bool:
    return v.pos_ == "VERB" and not negated(v) and not hypothetical(v, d.lex)


@AGENCY.extractor(triggers=("seizure_verbs",))
def seizure(d: BlameDoc, t: Token) -> list[Row]:
    """ "Rebels seized the town", "the group took over a third of the country", "the town was
    captured by IS"; not "police seized drugs", "took over the company", "captured the mood"."""
    lemma = t.lemma_.lower()
    needed = d.lex.extra["seizure_particles"].get(lemma)
    if lemma not in d.lex.words("seizure_verbs") or not _acting(d, t):
        return []
    if needed and not any(c.dep_ == "prt" and c.lower_ in needed for c in t.children):
        return []
    ground = first_child(t, ("nsubjpass",)) if passive(t, reduced=True) else first_child(t, ("dobj",))
    if ground is None and t.dep_ == "acl" and passive(t, reduced=True):
        ground = t.head  # "the town, captured by IS in 2014"
    if ground is None or not _place(d, ground):
        return []
    return agency_rows(d, t, span_of(d, ground))


def _place(d: BlameDoc, head: Token) -> bool:
    """Does the phrase ``head`` heads name a place: a place entity or noun, itself or in its "of"
    phrase ("a third of the country", "large parts of Idlib")?"""
    tokens = [head] + [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                       for g in c.children if g.dep_ == "pobj"]
    return any(x.ent_type_ in _PLACE_LABELS or x.lemma_.lower() in d.lex.words("place_nouns") for x in tokens)


@AGENCY.extractor(triggers=("conduct_nouns",))
def harmful_conduct(d: BlameDoc, t: Token) -> list[Row]:
    """ "His violent treatment of opponents", "the army's brutal handling of protesters"; not "medical
    treatment", "the treatment of the data"."""
    if t.pos_ != "NOUN" or t.lemma_.lower() not in d.lex.words("conduct_nouns"):
        return []
    if not any(c.dep_ == "amod" and c.lemma_.lower() in d.lex.words("harm_adjectives") for c in t.children):
        return []
    return agency_noun_rows(d, t)


@AGENCY.extractor(triggers=("confinement_verbs",))
def confinement(d: BlameDoc, t: Token) -> list[Row]:
    """ "Kept their children locked indoors", "held the crew hostage"; not "kept the money", "held a
    meeting", "kept the children indoors because of the storm" is still confinement by its keeper."""
    if t.lemma_.lower() not in d.lex.words("confinement_verbs") or not _acting(d, t) or passive(t):
        return []
    obj = first_child(t, ("dobj",))
    words = d.lex.words("confinement_words")
    held = [c for c in t.children if c.i > t.i and c.dep_ in ("oprd", "advmod", "acomp", "ccomp", "xcomp", "npadvmod")]
    held += [g for c in held for g in c.children if g.dep_ in ("advmod", "acomp")]
    if obj is None or obj.pos_ not in ("NOUN", "PROPN", "PRON"):
        return []
    if not any(c.lower_ in words for c in held) and obj.lower_ not in words:  # parsed "held [the crew hostage]"
        return []
    subj, _ = d.subject(t)
    return [Row("agency", t, subj, issue=span_of(d, obj), implicit=hedged(d, t))] if subj else []


@AGENCY.extractor(triggers=("rule_breaking_verbs",))
def rule_breaking(d: BlameDoc, t: Token) -> list[Row]:
    """Breaking a law or truce: "the government is breaking the law", "the militia flouted the
    ceasefire"; not "broke the record", "broke the news", "broke his leg" (only ``rule_nouns`` objects)."""
    if t.lemma_.lower() not in d.lex.words("rule_breaking_verbs") or not _acting(d, t):
        return []
    broken = first_child(t, ("nsubjpass",)) if passive(t, reduced=True) else first_child(t, ("dobj",))
    if broken is None or broken.lemma_.lower() not in d.lex.words("rule_nouns"):
        return []
    return agency_rows(d, t, span_of(d, broken))
