"""Which entities a pronoun may refer to, and the features the pronoun ranker scores them on.

Used by the ``pronoun_resolver`` component (:mod:`helpers.actors.pronouns`) and by
``scripts/train_pronouns.py``, so a model is trained on exactly what it sees at run time.

:func:`candidates`
    The entities compatible with a pronoun (number; animacy: a person for he/she, an
    organisation, place or thing for it, a group or plural for they; gender from titles, gendered
    nouns, the pronouns already linked to the entity, first names) with a mention in the window
    (``sentences_before`` sentences before the pronoun's to ``sentences_after`` after it). Each
    comes with its reference mention: the nearest mention before the pronoun, else the nearest
    after it.
:func:`feature_matrix`
    One row of :data:`FEATURES` per candidate: distance, syntactic roles of the two, parallelism,
    binding (co-arguments, a subject over the pronoun), salience, quotation, gender agreement, and
    for he/she what kind of name the candidate is. Roles come from spaCy's dependency labels.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc, Token

from helpers.actors.pronoun_mentions import Entity, Mention, PronounForm

__all__ = ["FEATURES", "Candidate", "Pronoun", "candidates", "feature_matrix", "role"]

_SUBJECT = {"nsubj", "nsubjpass", "csubj", "expl"}
_OBJECT = {"dobj", "dative", "attr", "oprd", "obj"}
_ARGUMENTS = _SUBJECT | _OBJECT

FEATURES: tuple[str, ...] = (
    "before", "log_distance", "after_log_distance",
    "same_sentence", "previous_sentence", "earlier_sentence",
    "nearest", "second_nearest", "nearest_subject",
    "log_mentions_before", "log_mentions", "first_entity", "log_between",
    "cand_subject", "cand_object", "cand_pobj", "cand_possessor", "cand_main_subject", "cand_modifier",
    "cand_in_parentheses",
    "pron_subject", "pron_object", "pron_possessive", "pron_pobj",
    "parallel", "subject_subject", "possessive_subject_same_sentence", "coargument", "ccommand",
    "cand_in_quote", "pron_in_quote", "gender_agrees",
    "person_label", "group_label", "thing_label", "no_label", "noun_phrase",
)
_INDEX = {name: k for k, name in enumerate(FEATURES)}


def role(tok: Token) -> str:
    """``subject``, ``object``, ``possessor``, ``pobj`` or ``other``, from the dependency label."""
    dep = tok.dep_
    if dep in _SUBJECT:
        return "subject"
    if dep in _OBJECT:
        return "object"
    if dep == "poss":
        return "possessor"
    if dep == "pobj":
        return "pobj"
    return "other"


@dataclass(frozen=True)
class Pronoun:
    """A pronoun to link: token index ``i``, its form, sentence index and quotation flag."""

    i: int
    form: PronounForm
    sentence: int
    in_quote: bool


@dataclass(frozen=True)
class Candidate:
    entity: int
    ref: Mention  #: nearest mention before the pronoun, else nearest after


def _compatible(form: PronounForm, entity: Entity, gender: str | None) -> bool:
    if form.animacy == "person":
        ok = entity.may_be_person and entity.number == "singular"
        return ok and not (gender and form.gender and gender != form.gender)
    if form.animacy == "thing":
        return entity.animacy in ("group", "place", "thing") and entity.number == "singular"
    return entity.number == "plural" or entity.animacy == "group"


def entity_gender(entity: Entity, history: dict[int, str], index: int) -> str | None:
    """Titles and gendered nouns first, then the pronouns already linked to it, then first names."""
    strong = next((m.gender for m in entity.mentions if m.gender), None)
    return strong or history.get(index) or entity.static_gender


def candidates(pron: Pronoun, entities: list[Entity], sent_of: list[int], history: dict[int, str],
               sentences_before: int, sentences_after: int) -> list[Candidate]:
    """The entities ``pron`` may refer to, each with its reference mention, in entity order."""
    lo, hi = pron.sentence - sentences_before, pron.sentence + sentences_after
    out = []
    for k, entity in enumerate(entities):
        if not _compatible(pron.form, entity, entity_gender(entity, history, k)):
            continue
        near = [m for m in entity.mentions if lo <= sent_of[m.head] <= hi and not (m.start <= pron.i < m.end)]
        before = [m for m in near if m.end <= pron.i]
        after = [m for m in near if m.start > pron.i]
        if before or after:
            out.append(Candidate(k, before[-1] if before else after[0]))
    return out


def _in_parentheses(doc: Doc, start: int, end: int, sentence: range) -> bool:
    """Is ``doc[start:end]`` inside an opened, not yet closed parenthesis of its sentence?"""
    depth = 0
    for i in range(start - 1, sentence.start - 1, -1):
        depth += {")": 1, "(": -1}.get(doc[i].text, 0)
        if depth < 0:
            return True
    return False


def _ccommands(doc: Doc, ref: Mention, pron_i: int) -> bool:
    head = doc[ref.head]
    return head.dep_ in _SUBJECT and head.head.i != head.i and head.head.is_ancestor(doc[pron_i])


def feature_matrix(doc: Doc, pron: Pronoun, cands: list[Candidate], entities: list[Entity],
                   sent_of: list[int], in_quote: list[bool]) -> np.ndarray:
    """A ``len(cands) x len(FEATURES)`` float array. Gender agreement reads the entity's own
    evidence (titles, nouns, first names), not the pronouns linked to it, so that a pronoun's
    features do not depend on earlier decisions (training sees them one pronoun at a time)."""
    X = np.zeros((len(cands), len(FEATURES)))
    tok = doc[pron.i]
    prole = role(tok)
    if tok.tag_ == "PRP$":
        prole = "possessor"
    before = sorted((c for c in cands if c.ref.end <= pron.i), key=lambda c: -c.ref.end)
    rank = {c.entity: r for r, c in enumerate(before)}
    subjects = [c for c in before if role(doc[c.ref.head]) == "subject"]
    all_refs = sorted({(m.start, m.entity) for e in entities for m in e.mentions})
    for row, c in enumerate(cands):
        f = X[row]
        ref, ent = c.ref, entities[c.entity]
        head = doc[ref.head]
        crole = role(head)
        dsent = pron.sentence - sent_of[ref.head]
        is_before = ref.end <= pron.i
        f[_INDEX["before"]] = is_before
        if is_before:
            f[_INDEX["log_distance"]] = math.log1p(pron.i - ref.end)
            between = {e for s, e in all_refs if ref.end <= s < pron.i and e != c.entity}
            f[_INDEX["log_between"]] = math.log1p(len(between))
        else:
            f[_INDEX["after_log_distance"]] = math.log1p(ref.start - pron.i)
        f[_INDEX["same_sentence"]] = dsent == 0
        f[_INDEX["previous_sentence"]] = dsent == 1
        f[_INDEX["earlier_sentence"]] = dsent >= 2
        f[_INDEX["nearest"]] = rank.get(c.entity) == 0
        f[_INDEX["second_nearest"]] = rank.get(c.entity) == 1
        f[_INDEX["nearest_subject"]] = bool(subjects) and subjects[0].entity == c.entity
        f[_INDEX["log_mentions_before"]] = math.log1p(sum(m.end <= pron.i for m in ent.mentions))
        f[_INDEX["log_mentions"]] = math.log1p(len(ent.mentions))
        f[_INDEX["first_entity"]] = c.entity == 0  # entities are numbered by first mention
        f[_INDEX["cand_subject"]] = crole == "subject"
        f[_INDEX["cand_object"]] = crole == "object"
        f[_INDEX["cand_pobj"]] = crole == "pobj"
        f[_INDEX["cand_possessor"]] = crole == "possessor"
        f[_INDEX["cand_main_subject"]] = crole == "subject" and head.head.dep_ == "ROOT"
        f[_INDEX["cand_modifier"]] = head.dep_ in ("compound", "nmod", "amod", "npadvmod")
        sent = head.sent
        f[_INDEX["cand_in_parentheses"]] = _in_parentheses(doc, ref.start, ref.end, range(sent.start, sent.end))
        f[_INDEX["pron_subject"]] = prole == "subject"
        f[_INDEX["pron_object"]] = prole == "object"
        f[_INDEX["pron_possessive"]] = prole == "possessor"
        f[_INDEX["pron_pobj"]] = prole == "pobj"
        f[_INDEX["parallel"]] = prole == crole
        f[_INDEX["subject_subject"]] = prole == crole == "subject"
        f[_INDEX["possessive_subject_same_sentence"]] = prole == "possessor" and crole == "subject" and dsent == 0
        coarg = dsent == 0 and prole != "possessor" and tok.dep_ in _ARGUMENTS and head.dep_ in _ARGUMENTS \
            and tok.head.i == head.head.i
        f[_INDEX["coargument"]] = coarg
        f[_INDEX["ccommand"]] = not coarg and dsent == 0 and _ccommands(doc, ref, pron.i)
        f[_INDEX["cand_in_quote"]] = in_quote[ref.head]
        f[_INDEX["pron_in_quote"]] = pron.in_quote
        gender = entity_gender(ent, {}, c.entity)
        f[_INDEX["gender_agrees"]] = bool(gender) and gender == pron.form.gender
        if pron.form.animacy == "person":
            f[_INDEX["person_label"]] = ref.label == "PERSON"
            f[_INDEX["group_label"]] = ref.kind == "name" and ref.label in ("ORG", "NORP")
            f[_INDEX["thing_label"]] = ref.kind == "name" and ref.label not in ("PERSON", "ORG", "NORP", "")
            f[_INDEX["no_label"]] = ref.kind == "name" and ref.label == ""
            f[_INDEX["noun_phrase"]] = ref.kind == "noun"
    return X
