"""Which entities a pronoun may refer to, and the features the pronoun ranker scores them on.

Used by the ``pronoun_resolver`` component (:mod:`helpers.actors.pronouns`) and by
``scripts/train_pronouns.py``, so a model is trained on exactly what it sees at run time.

:class:`DocIndex`
    A Doc's entities, mentions and sentences, indexed once. :meth:`DocIndex.candidates`: the
    entities compatible with a pronoun (number; animacy: a person for he/she, an organisation,
    place or thing for it, a group or plural for they; gender from titles, gendered nouns, the
    pronouns already linked to the entity, first names) with a mention in the window
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
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

import numpy as np
from spacy.attrs import ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from helpers.actors.pronoun_mentions import Entity, Mention, PronounForm

__all__ = ["FEATURES", "Candidate", "Pronoun", "Traits", "DocIndex", "feature_matrix", "role"]

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


@dataclass(frozen=True)
class Traits:
    """What candidates and features read of an entity, computed once its mentions are grouped
    (:class:`~helpers.actors.pronoun_mentions.Entity`'s properties)."""

    number: str
    animacy: str
    may_be_person: bool
    strong_gender: str | None  #: from titles and gendered nouns
    static_gender: str | None  #: the strong gender, else the first name's
    ends: tuple[int, ...]  #: the mentions' end offsets, sorted

    @classmethod
    def of(cls, entity: Entity) -> Traits:
        return cls(entity.number, entity.animacy, entity.may_be_person,
                   next((m.gender for m in entity.mentions if m.gender), None), entity.static_gender,
                   tuple(sorted(m.end for m in entity.mentions)))

    def gender(self, linked: str | None) -> str | None:
        """Titles and gendered nouns first, then ``linked`` (the pronouns already linked to it),
        then first names."""
        return self.strong_gender or linked or self.static_gender


def _compatible(form: PronounForm, traits: Traits, gender: str | None) -> bool:
    if form.animacy == "person":
        ok = traits.may_be_person and traits.number == "singular"
        return ok and not (gender and form.gender and gender != form.gender)
    if form.animacy == "thing":
        return traits.animacy in ("group", "place", "thing") and traits.number == "singular"
    return traits.number == "plural" or traits.animacy == "group"


class DocIndex:
    """What candidates and features read of a Doc, indexed once per Doc (not once per pronoun):
    each entity's :class:`Traits`, the mentions by their head's sentence, every mention's start
    (sorted, with its entity), each token's sentence, each sentence's start, the parentheses."""

    def __init__(self, doc: Doc, mentions: list[Mention], entities: list[Entity], sent_of: list[int],
                 sent_starts: list[int]):
        self.mentions, self.sent_of, self.sent_starts = mentions, sent_of, sent_starts
        self.traits = [Traits.of(e) for e in entities]
        self.by_sentence: list[list[int]] = [[] for _ in sent_starts]  # positions in ``mentions``
        for k, m in enumerate(mentions):
            self.by_sentence[sent_of[m.head]].append(k)
        self.refs = sorted({(m.start, m.entity) for m in mentions})
        self.ref_starts = [s for s, _ in self.refs]
        orth = doc.to_array(ORTH) if len(doc) else np.zeros(0, dtype=np.uint64)
        opening, closing = get_string_id("("), get_string_id(")")
        self.parens = np.flatnonzero((orth == opening) | (orth == closing)).tolist()  #: token indices
        self.closes = [orth[i] == closing for i in self.parens]

    def in_parentheses(self, start: int, sentence_start: int) -> bool:
        """Is a mention starting at ``start`` inside an opened, not yet closed parenthesis of the
        sentence starting at ``sentence_start``?"""
        depth = 0
        for k in range(bisect_left(self.parens, start) - 1, bisect_left(self.parens, sentence_start) - 1, -1):
            depth += 1 if self.closes[k] else -1
            if depth < 0:
                return True
        return False

    def between(self, start: int, end: int, entity: int) -> int:
        """How many entities other than ``entity`` have a mention starting in ``start:end``."""
        lo, hi = bisect_left(self.ref_starts, start), bisect_left(self.ref_starts, end)
        return len({e for _, e in self.refs[lo:hi] if e != entity})

    def candidates(self, pron: Pronoun, history: dict[int, str], sentences_before: int,
                   sentences_after: int) -> list[Candidate]:
        """The entities ``pron`` may refer to, each with its reference mention, in entity order: those
        compatible with it (their gender from ``history``, entity -> gender of the pronouns linked
        to it, after titles and nouns) with a mention in the window other than one holding ``pron``."""
        lo = max(0, pron.sentence - sentences_before)
        hi = min(len(self.by_sentence) - 1, pron.sentence + sentences_after)
        near: dict[int, list[Mention]] = {}  # each entity's mentions in the window, in text order
        for k in sorted(k for s in range(lo, hi + 1) for k in self.by_sentence[s]):
            m = self.mentions[k]
            if not (m.start <= pron.i < m.end):
                near.setdefault(m.entity, []).append(m)
        out = []
        for e in sorted(near):
            traits = self.traits[e]
            if not _compatible(pron.form, traits, traits.gender(history.get(e))):
                continue
            before = [m for m in near[e] if m.end <= pron.i]
            after = [m for m in near[e] if m.start > pron.i]
            if before or after:
                out.append(Candidate(e, before[-1] if before else after[0]))
        return out


def _ccommands(doc: Doc, ref: Mention, pron_i: int) -> bool:
    head = doc[ref.head]
    return head.dep_ in _SUBJECT and head.head.i != head.i and head.head.is_ancestor(doc[pron_i])


def feature_matrix(doc: Doc, pron: Pronoun, cands: list[Candidate], index: DocIndex,
                   in_quote: list[bool]) -> np.ndarray:
    """A ``len(cands) x len(FEATURES)`` float array. Gender agreement reads the entity's own
    evidence (titles, nouns, first names), not the pronouns linked to it, so that a pronoun's
    features do not depend on earlier decisions (training sees them one pronoun at a time)."""
    tok = doc[pron.i]
    prole = role(tok)
    if tok.tag_ == "PRP$":
        prole = "possessor"
    before = sorted((c for c in cands if c.ref.end <= pron.i), key=lambda c: -c.ref.end)
    rank = {c.entity: r for r, c in enumerate(before)}
    subjects = [c for c in before if role(doc[c.ref.head]) == "subject"]
    pron_argument = prole != "possessor" and tok.dep_ in _ARGUMENTS
    person = pron.form.animacy == "person"
    rows = []
    for c in cands:
        f = [0.0] * len(FEATURES)
        ref, traits = c.ref, index.traits[c.entity]
        head = doc[ref.head]
        crole = role(head)
        ref_sentence = index.sent_of[ref.head]
        dsent = pron.sentence - ref_sentence
        is_before = ref.end <= pron.i
        f[_INDEX["before"]] = is_before
        if is_before:
            f[_INDEX["log_distance"]] = math.log1p(pron.i - ref.end)
            f[_INDEX["log_between"]] = math.log1p(index.between(ref.end, pron.i, c.entity))
        else:
            f[_INDEX["after_log_distance"]] = math.log1p(ref.start - pron.i)
        f[_INDEX["same_sentence"]] = dsent == 0
        f[_INDEX["previous_sentence"]] = dsent == 1
        f[_INDEX["earlier_sentence"]] = dsent >= 2
        f[_INDEX["nearest"]] = rank.get(c.entity) == 0
        f[_INDEX["second_nearest"]] = rank.get(c.entity) == 1
        f[_INDEX["nearest_subject"]] = bool(subjects) and subjects[0].entity == c.entity
        f[_INDEX["log_mentions_before"]] = math.log1p(bisect_right(traits.ends, pron.i))
        f[_INDEX["log_mentions"]] = math.log1p(len(traits.ends))
        f[_INDEX["first_entity"]] = c.entity == 0  # entities are numbered by first mention
        f[_INDEX["cand_subject"]] = crole == "subject"
        f[_INDEX["cand_object"]] = crole == "object"
        f[_INDEX["cand_pobj"]] = crole == "pobj"
        f[_INDEX["cand_possessor"]] = crole == "possessor"
        f[_INDEX["cand_main_subject"]] = crole == "subject" and head.head.dep_ == "ROOT"
        f[_INDEX["cand_modifier"]] = head.dep_ in ("compound", "nmod", "amod", "npadvmod")
        f[_INDEX["cand_in_parentheses"]] = index.in_parentheses(ref.start, index.sent_starts[ref_sentence])
        f[_INDEX["pron_subject"]] = prole == "subject"
        f[_INDEX["pron_object"]] = prole == "object"
        f[_INDEX["pron_possessive"]] = prole == "possessor"
        f[_INDEX["pron_pobj"]] = prole == "pobj"
        f[_INDEX["parallel"]] = prole == crole
        f[_INDEX["subject_subject"]] = prole == crole == "subject"
        f[_INDEX["possessive_subject_same_sentence"]] = prole == "possessor" and crole == "subject" and dsent == 0
        coarg = dsent == 0 and pron_argument and head.dep_ in _ARGUMENTS and tok.head.i == head.head.i
        f[_INDEX["coargument"]] = coarg
        f[_INDEX["ccommand"]] = not coarg and dsent == 0 and _ccommands(doc, ref, pron.i)
        f[_INDEX["cand_in_quote"]] = in_quote[ref.head]
        f[_INDEX["pron_in_quote"]] = pron.in_quote
        gender = traits.gender(None)
        f[_INDEX["gender_agrees"]] = bool(gender) and gender == pron.form.gender
        if person:
            f[_INDEX["person_label"]] = ref.label == "PERSON"
            f[_INDEX["group_label"]] = ref.kind == "name" and ref.label in ("ORG", "NORP")
            f[_INDEX["thing_label"]] = ref.kind == "name" and ref.label not in ("PERSON", "ORG", "NORP", "")
            f[_INDEX["no_label"]] = ref.kind == "name" and ref.label == ""
            f[_INDEX["noun_phrase"]] = ref.kind == "noun"
        rows.append(f)
    return np.array(rows, dtype=float).reshape(len(cands), len(FEATURES))
