"""Entity spans and labels the NER got wrong, corrected from the words around them, before the
``actor_resolver`` decides who each entity is (:mod:`helpers.actors.resolver`).

Three kinds of evidence, each a rule that holds in any news text (the words are data in
``references.yml``):

- **an organisation's head noun**: a name or nationality outside the catalog, or a catalog
  person, right before one of ``name_heads`` that it modifies is the first part of an
  organisation's name: "the Houthi movement", "the Biden campaign", "the Wagner group" become
  one ORG mention of the full form. Not after "a"/"an" ("a Houthi group" is some group), and a
  catalog organisation, state or nationality keeps its own name ("the Hamas movement" is Hamas);
- **a kinship apposition**: a name of two or more capitalised words outside the catalog is a
  person's when its apposition is one of ``kinship_nouns``, whatever label the NER gave it and
  whatever its context suggests (a parse that coordinates it with a place: "in Lahore, Omar
  Said, brother of the singer, ..."): only people have brothers;
- **an organisation's descriptor**: a place-labelled name outside the catalog right after a
  lower-case noun that an organisation's name gives as its role (``name_words``' role nouns:
  "airline", "company", "bank") and that the name hangs on or from: "Iranian airline Mahan Air",
  "the bank Credit Suisse" are organisations, not facilities.

A corrected entity loses the rulers' pattern id (it is no longer the alias the rulers marked).
"""

from __future__ import annotations

from spacy.tokens import Span

from helpers.actors.catalog import Catalog, strip_name
from helpers.actors.references import References

__all__ = ["correct_entities"]

_INDEFINITE = {"a", "an"}
_MODIFIER_DEPS = {"compound", "amod", "nmod"}
_PLACE_LABELS = {"GPE", "FAC", "LOC"}


def correct_entities(ents, cat: Catalog, refs: References) -> list[tuple[Span, bool]]:
    """``ents`` (a document's entities, in order) with the corrections of the module docstring,
    each with whether it was corrected (its label then rests on evidence in its own words, which
    the resolver's guesses from context, a place or an event, do not override)."""
    org_roles = frozenset().union(*refs.name_words.values())
    out = []
    for ent in ents:
        mended = (_organisation_name(ent, cat, refs) or _kin_person(ent, cat, refs)
                  or _described_organisation(ent, cat, org_roles))
        out.append((mended or ent, mended is not None))
    return out


def _outside_catalog(ent: Span, cat: Catalog) -> bool:
    """Neither the rulers nor the catalog's seats and demonyms know this name."""
    name = strip_name(ent.text, cat)
    return not ent.id_ and name not in cat.seats and name not in cat.demonyms


def _organisation_name(ent: Span, cat: Catalog, refs: References) -> Span | None:
    doc = ent.doc
    if ent.end >= len(doc) or ent.label_ not in ("PERSON", "ORG", "NORP", "GPE"):
        return None
    head = doc[ent.end]
    if not (head.is_lower and head.pos_ == "NOUN" and head.lower_ in refs.name_heads):
        return None
    if ent.root.head.i != head.i or ent.root.dep_ not in _MODIFIER_DEPS:
        return None
    if any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in head.children):
        return None
    person = ent.id_ in cat.actors and cat.actors[ent.id_].type == "person"
    if not (person or _outside_catalog(ent, cat)):
        return None
    return Span(doc, ent.start, ent.end + 1, "ORG")


def _capitalised(ent: Span) -> bool:
    return len(ent) >= 2 and all(t.text[:1].isupper() for t in ent if t.is_alpha)


def _kin_person(ent: Span, cat: Catalog, refs: References) -> Span | None:
    if ent.label_ not in _PLACE_LABELS | {"ORG", "PERSON"} or not _capitalised(ent) or not _outside_catalog(ent, cat):
        return None
    if not any(c.dep_ == "appos" and c.lemma_.lower() in refs.kinship_nouns for c in ent.root.children):
        return None
    return Span(ent.doc, ent.start, ent.end, "PERSON")


def _described_organisation(ent: Span, cat: Catalog, org_roles: frozenset[str]) -> Span | None:
    if ent.label_ not in _PLACE_LABELS or ent.start == 0 or not _outside_catalog(ent, cat):
        return None
    noun = ent.doc[ent.start - 1]
    if not (noun.is_lower and noun.pos_ == "NOUN" and noun.lemma_.lower() in org_roles):
        return None
    hangs = (noun.head.i in range(ent.start, ent.end) and noun.dep_ in _MODIFIER_DEPS) or (
        ent.root.dep_ == "appos" and ent.root.head.i == noun.i)
    return Span(ent.doc, ent.start, ent.end, "ORG") if hangs else None
