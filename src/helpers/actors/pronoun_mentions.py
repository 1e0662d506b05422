"""What a pronoun can stand for: the lexicon, the mentions of a document and the entities they form.

Used by the ``pronoun_resolver`` component (:mod:`helpers.actors.pronouns`).

:class:`PronounLexicon`
    ``pronoun_data/pronouns.yml`` (pronoun forms, titles, gendered and person nouns, what each
    spaCy label can stand for) and ``pronoun_data/first_names.csv`` (US SSA baby-name counts: a
    first name's gender when at least ``name_share`` of its bearers are of one sex).
:func:`find_mentions`
    The mentions of a parsed Doc that a pronoun can have as antecedent, in text order: names (the
    entities of ``doc.ents`` whose label the lexicon knows, and runs of capitalised proper nouns
    the NER missed) and common-noun phrases (spaCy's noun chunks headed by a noun). Each carries
    its number, its animacy (``person``, ``group``, ``place``, ``thing`` or ``unknown``) and the gender its
    title, head noun or first name gives.
:func:`group_entities`
    Mentions grouped into entities, left to right: a name joins the latest entity one of whose
    names it repeats in full, by surname or by first name ("Warren MacKenzie ... MacKenzie"), or
    with which it shares a catalog id (``ent_id_``); a noun phrase in apposition to a name or
    its predicate ("Jake Burns, a singer"; "Burns is a singer") joins it; a definite noun phrase
    joins the latest noun phrase with the same head ("a company ... the company").
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from spacy.attrs import IS_TITLE, POS, SENT_START
from spacy.symbols import NOUN, PROPN
from spacy.tokens import Doc, Span, Token

from helpers.datafiles import read_yaml
from helpers.text.words import DEFINITE_DETERMINERS

__all__ = ["PronounForm", "PronounLexicon", "Mention", "Entity", "find_mentions", "group_entities"]

GENDERS = ("masculine", "feminine")
# labels never an antecedent of a pronoun (quantities, dates) stop a noun chunk from being one
_SKIP_LABELS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "LANGUAGE"}


@dataclass(frozen=True)
class PronounForm:
    """What a third-person pronoun agrees with."""

    number: str  #: ``singular`` or ``plural``
    gender: str | None  #: ``masculine``, ``feminine`` or None
    animacy: str  #: ``person``, ``thing`` or ``any``


@dataclass(frozen=True)
class PronounLexicon:
    """The resolver's word lists (see ``pronoun_data/pronouns.yml`` for each)."""

    third_person: dict[str, PronounForm]
    first_person: frozenset[str]
    titles: dict[str, str]  #: lower-case title without its full stop -> gender
    gendered_nouns: dict[str, str]  #: lower-case noun -> gender
    person_nouns: frozenset[str]
    label_kind: dict[str, str]  #: spaCy label -> ``person``, ``group``, ``place`` or ``thing``
    first_names: dict[str, str]  #: lower-case first name -> gender

    @classmethod
    def load(cls, lexicon: Path, first_names: Path, name_share: float, name_count: int) -> PronounLexicon:
        """Read the two files; a first name has a gender when at least ``name_share`` of the
        ``name_count`` or more people who bear it in the name file are of that sex."""
        lx = read_yaml(lexicon)
        return cls(
            third_person={w: PronounForm(**v) for w, v in lx["third_person"].items()},
            first_person=frozenset(lx["first_person"]),
            titles={t: g for g in GENDERS for t in lx["titles"][g]},
            gendered_nouns={n: g for g in GENDERS for n in lx["gendered_nouns"][g]},
            person_nouns=frozenset(lx["person_nouns"]),
            label_kind={lab: kind for kind, labs in lx["labels"].items() for lab in labs},
            first_names=_read_first_names(first_names, name_share, name_count),
        )

    def title_gender(self, before: list[Token], name: Span) -> str | None:
        """The gender of a title (one or two words) just before a name or at its start, or None."""
        for words in (before[-2:], before[-1:], name[:2], name[:1]):
            key = " ".join(t.lower_.rstrip(".") for t in words)
            if len(words) and key in self.titles:
                return self.titles[key]
        return None


def _read_first_names(path: Path, share: float, min_count: int) -> dict[str, str]:
    out = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            f, m = int(row["female"]), int(row["male"])
            if f + m >= min_count:
                if f >= share * (f + m):
                    out[row["name"]] = "feminine"
                elif m >= share * (f + m):
                    out[row["name"]] = "masculine"
    return out


@dataclass
class Mention:
    """One possible antecedent: ``doc[start:end]``, its syntactic ``head`` token index."""

    start: int
    end: int
    head: int
    kind: str  #: ``name`` or ``noun``
    label: str  #: the spaCy entity label, or "" (a proper-noun run the NER missed, a noun phrase)
    number: str
    animacy: str  #: ``person``, ``group``, ``place``, ``thing`` or ``unknown``
    gender: str | None  #: from a title or a gendered head noun
    name_gender: str | None  #: from the first name
    words: tuple[str, ...] = ()  #: a name's words without titles and "'s", lower case
    key: str = ""  #: a catalog id or a noun phrase's head lemma
    definite: bool = False
    article: bool = False  #: a name with an article before it ("the Times")
    entity: int = -1  #: index of its :class:`Entity`


@dataclass
class Entity:
    """Mentions taken to be one referent, in text order."""

    mentions: list[Mention] = field(default_factory=list)

    @property
    def animacy(self) -> str:
        """A person if any mention says so; else what its names say (a description in apposition
        is no evidence against a person: "Thor, a poor villager"), else its noun phrases."""
        if any(m.animacy == "person" for m in self.mentions):
            return "person"
        names = [m for m in self.mentions if m.kind == "name"]
        kinds = {m.animacy for m in names or self.mentions}
        for kind in ("person", "group", "place", "thing"):
            if kind in kinds:
                return kind
        return "unknown"

    @property
    def number(self) -> str:
        names = [m for m in self.mentions if m.kind == "name"]
        return (names or self.mentions)[0].number

    @property
    def static_gender(self) -> str | None:
        """Gender from titles and gendered nouns, else from the first name of its fullest name."""
        for m in self.mentions:
            if m.gender:
                return m.gender
        names = [m for m in self.mentions if m.kind == "name"]
        return max(names, key=lambda m: (len(m.words), -m.start)).name_gender if names else None

    @property
    def may_be_person(self) -> bool:
        """A person, or names nothing says are not one (the NER often labels a lone surname ORG):
        not a place, no catalog actor, no article before it ("the Wall Street Journal")."""
        if self.animacy in ("person", "unknown"):
            return True
        return all(m.kind == "name" and m.animacy != "place" and not m.key and not m.article for m in self.mentions)


def _name_words(span: Span, lex: PronounLexicon) -> tuple[str, ...]:
    """The words of a name without its titles ("Mrs Clarke" -> clarke), or the title alone ("the Queen")."""
    words = [t.lower_ for t in span if not t.is_punct and t.lower_ not in ("'s", "’s")]
    k = 0
    while k < len(words) - 1 and words[k].rstrip(".") in lex.titles:
        k += 1
    return tuple(words[k:])


def _name_mention(doc: Doc, start: int, end: int, label: str, lex: PronounLexicon) -> Mention | None:
    span = doc[start:end]
    words = _name_words(span, lex)
    if not words:
        return None
    title = lex.title_gender(list(doc[max(0, start - 2):start]), span)
    first = lex.first_names.get(words[0]) if len(words) > 1 else None  # a lone word may be a surname
    kind = lex.label_kind.get(label, "unknown")
    # a title makes a person; so does a first name, unless the NER saw a place or an organisation
    # ("Georgia Tech": an ORG name stays a possible "he" or "she" through Entity.may_be_person)
    if title or (first and kind in ("unknown", "thing")):
        kind = "person"
    number = "plural" if label == "NORP" and span.root.tag_ in ("NNPS", "NNS") else "singular"
    article = start > 0 and doc[start - 1].pos_ == "DET"
    return Mention(start, end, span.root.i, "name", label, number, kind, title, first, words,
                   key=span.root.ent_id_ or "", article=article)


def _name_word_flags(doc: Doc) -> list[bool]:
    """Is each token a name word: a capitalised proper noun, or a capitalised noun inside a
    sentence (a name the tagger missed)?"""
    if not len(doc):
        return []
    title, pos, sent_start = doc.to_array([IS_TITLE, POS, SENT_START]).T
    return ((title == 1) & ((pos == PROPN) | ((pos == NOUN) & (sent_start != 1)))).tolist()


def _proper_runs(doc: Doc, taken: list[bool]) -> list[tuple[int, int]]:
    """Maximal runs of name words outside every entity."""
    name = _name_word_flags(doc)
    runs, i = [], 0
    while i < len(doc):
        if not taken[i] and name[i]:
            j = i
            while j < len(doc) and not taken[j] and name[j]:
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def _noun_mention(chunk: Span, lex: PronounLexicon) -> Mention:
    root = chunk.root
    lemma = root.lemma_.lower()
    gender = lex.gendered_nouns.get(root.lower_) or lex.gendered_nouns.get(lemma)
    person = gender or lemma in lex.person_nouns or root.lower_ in lex.person_nouns
    number = "plural" if root.tag_ in ("NNS", "NNPS") else "singular"
    definite = chunk[0].lower_ in DEFINITE_DETERMINERS or chunk[0].tag_ == "PRP$" or chunk[0].dep_ == "poss"
    return Mention(chunk.start, chunk.end, root.i, "noun", "", number, "person" if person else "thing",
                   gender, None, key=lemma, definite=definite)


def find_mentions(doc: Doc, lex: PronounLexicon) -> list[Mention]:
    """The names and noun phrases of ``doc`` a pronoun can refer to, in text order."""
    mentions: list[Mention] = []
    taken = [False] * len(doc)
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            taken[i] = True
        if ent.label_ in lex.label_kind and (m := _name_mention(doc, ent.start, ent.end, ent.label_, lex)):
            mentions.append(m)
    for start, end in _proper_runs(doc, taken):
        if (m := _name_mention(doc, start, end, "", lex)) is not None:
            mentions.append(m)
            for i in range(start, end):
                taken[i] = True
    for chunk in doc.noun_chunks:
        root = chunk.root
        if root.pos_ == "NOUN" and not taken[root.i] and root.ent_type_ not in _SKIP_LABELS:
            mentions.append(_noun_mention(chunk, lex))
    mentions.sort(key=lambda m: (m.start, m.end))
    return mentions


def _same_name(m: Mention, other: Mention) -> bool:
    """Does name ``m`` repeat ``other``: in full, as its surname or first name, or the reverse?"""
    a, b = m.words, other.words
    if a == b:
        return True
    if len(a) == 1 and len(b) > 1:
        return a[0] in (b[0], b[-1])
    if len(b) == 1 and len(a) > 1:
        return b[0] == a[-1]
    return False


def _described(doc: Doc, mentions: list[Mention]) -> dict[int, set[int]]:
    """Pairs (by index in ``mentions``) of a name and a noun phrase that describes it: an
    apposition ("Jake Burns, a singer"; "the singer, Jake Burns") or a copula ("Burns is a singer")."""
    at = {}
    for k, m in enumerate(mentions):
        for i in range(m.start, m.end):
            at.setdefault(i, k)
    pairs: dict[int, set[int]] = {}
    for k, m in enumerate(mentions):
        head = doc[m.head]
        other = None
        if head.dep_ == "appos" or head.dep_ == "attr" and head.head.lemma_ == "be":
            target = head.head if head.dep_ == "appos" else next(
                (c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            other = at.get(target.i) if target is not None else None
        if other is None or other == k or {m.kind, mentions[other].kind} != {"name", "noun"}:
            continue
        noun = m if m.kind == "noun" else mentions[other]
        if noun.animacy == "person" or doc[noun.start].lower_ in ("a", "an"):
            pairs.setdefault(k, set()).add(other)
            pairs.setdefault(other, set()).add(k)
    return pairs


def _joins(m: Mention, entity: Entity) -> bool:
    if m.kind == "name":
        if m.key and any(o.key == m.key for o in entity.mentions if o.kind == "name"):
            return True
        clash = {m.animacy, entity.animacy} == {"person", "place"}  # "Georgia" the person, "Georgia" the state
        return not clash and any(o.kind == "name" and _same_name(m, o) for o in entity.mentions)
    return m.definite and any(o.kind == "noun" and o.key == m.key and o.number == m.number for o in entity.mentions)


class _JoinIndex:
    """The entities a mention may join (:func:`_joins`), by what it would have to share with one of
    their mentions: a catalog id, a name's words (in full, a lone word as first or last word of a
    longer name, a longer name's last word as a lone name), a definite noun phrase's head and number.
    A superset: :func:`_joins` decides."""

    def __init__(self):
        self._by: dict[tuple, set[int]] = {}

    def add(self, m: Mention, entity: int) -> None:
        for key in self._keys(m):
            self._by.setdefault(key, set()).add(entity)

    @staticmethod
    def _keys(m: Mention) -> list[tuple]:
        if m.kind != "name":
            return [("noun", m.key, m.number)]
        keys = [("words", m.words)]
        if len(m.words) > 1:
            keys += [("edge", m.words[0]), ("edge", m.words[-1])]
        return keys + [("key", m.key)] if m.key else keys

    def entities(self, m: Mention) -> set[int]:
        """Every entity ``m`` may join (those holding a mention it matches)."""
        if m.kind != "name":
            return set(self._by.get(("noun", m.key, m.number), ())) if m.definite else set()
        keys = [("words", m.words), ("edge", m.words[0]) if len(m.words) == 1 else ("words", m.words[-1:])]
        keys += [("key", m.key)] if m.key else []
        return set().union(*(self._by.get(k, ()) for k in keys))


def group_entities(doc: Doc, mentions: list[Mention]) -> list[Entity]:
    """Group ``mentions`` (in text order) into entities; sets each mention's ``entity``."""
    entities: list[Entity] = []
    described = _described(doc, mentions)
    index = _JoinIndex()
    for k, m in enumerate(mentions):
        linked = {mentions[j].entity for j in described.get(k, ()) if j < k}
        target = min(linked) if linked else None
        if target is None:  # the latest entity it joins
            target = next((e for e in sorted(index.entities(m), reverse=True) if _joins(m, entities[e])), None)
        if target is None:
            target = len(entities)
            entities.append(Entity())
        m.entity = target
        entities[target].mentions.append(m)
        index.add(m, target)
    return entities
