"""Plural references for blame: the groups of actors a document names together, and the words
that refer back to a group, resolved to its members (the guideline: "a plural reference to several
named actors ('they', 'the two men' after both were named) gives one row per actor").

A **group** is named by a run of actor mentions joined only by the lexicon's ``group_joiners``
("Mark Ellis and Tom Reyes", "Russia, Iran and Turkey") or by a family name in the plural that two
or more people of the document bear ("the Turpins" after David and Louise Turpin). A reference to
it is:

- the family name itself (its members, with the family name's words);
- a plural pronoun (the lexicon's ``pronouns: plural``) when the pronoun resolver links it to no
  actor nearer than the group, the group being in the pronoun's sentence or the one before;
- a definite (``group_definite``) plural description whose size a determiner or noun gives
  (``group_size_words``: "both men", "the two parents", "the couple"): the last group before it
  of that size, of people when the noun is one of ``group_person_nouns``, else of organisations
  or states.

Each member comes back as a :class:`~helpers.blame.document.Mention` with the reference's own
offsets (the words in the sentence), as pronouns do.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from helpers.blame.lexicon import Lexicon

__all__ = ["Group", "Groups"]


@dataclass(frozen=True)
class Group:
    """Actors named together: ``members`` (one mention each, in text order) ending at token ``end``."""

    end: int
    members: tuple  # of Mention
    person: bool


def _person(m) -> bool:
    return m.label == "PERSON"


def _distinct(mentions: list) -> tuple:
    seen, out = set(), []
    for m in mentions:
        key = m.actor_id or m.name
        if key not in seen:
            seen.add(key)
            out.append(m)
    return tuple(out)


class Groups:
    """The groups of a document and the references to them."""

    def __init__(self, doc: Doc, mentions: list, lex: Lexicon):
        self.doc, self.lex = doc, lex
        self.joiners = lex.words("group_joiners")
        self.sizes: dict[str, int] = lex.extra["group_size_words"]
        self.person_nouns = lex.words("group_person_nouns")
        self.definite = lex.words("group_definite")
        self.plural_pronouns = lex.pronouns["plural"]
        #: family names in the plural ("the Turpins"): the mention's start token -> its members
        self.families: dict[int, tuple] = {}
        self.groups = sorted(self._runs(mentions) + self._family_groups(mentions), key=lambda g: g.end)
        self._ends = [g.end for g in self.groups]

    # ----- groups named in the text -----------------------------------------------------------
    def _runs(self, mentions: list) -> list[Group]:
        """Runs of two or more actors joined only by ``group_joiners``, one join at least not a
        bare comma ("X, Y and Z"; not "Paris, France")."""
        out, run, joined = [], [], False
        for m in mentions:
            between = self.doc[run[-1].end:m.start] if run else None
            if between is not None and len(between) and all(t.lower_ in self.joiners for t in between):
                run.append(m)
                joined |= any(t.lower_ != "," for t in between)
                continue
            out += self._group(run) if joined else []
            run, joined = [m], False
        return out + (self._group(run) if joined else [])

    @staticmethod
    def _group(run: list) -> list[Group]:
        members = _distinct(run)
        if len(members) < 2 or len({_person(m) for m in members}) > 1:
            return []
        return [Group(run[-1].end, members, _person(members[0]))]

    def _family_groups(self, mentions: list) -> list[Group]:
        """A family name in the plural ("Turpins", "Ruizes") that two or more people bear."""
        by_surname: dict[str, list] = {}
        for m in mentions:
            if _person(m) and len(m.name.split()) > 1:
                by_surname.setdefault(m.name.split()[-1].lower(), []).append(m)
        out = []
        for m in mentions:
            text = self.doc[m.start:m.end].text.lower()
            for stem in (text[:-1], text[:-2]) if text.endswith("s") else ():
                members = _distinct(by_surname.get(stem, []))
                if len(members) >= 2 and " " not in text:
                    self.families[m.start] = members
                    out.append(Group(m.end, members, True))
                    break
        return out

    # ----- references ---------------------------------------------------------------------------
    def family(self, m) -> tuple | None:
        """The members of the family a plural family-name mention names, else None."""
        return self.families.get(m.start)

    def before(self, i: int, floor: int = 0, size: int | None = None, person: bool | None = None) -> Group | None:
        """The last group ending at or before token ``i`` and not before token ``floor`` (of
        ``size`` members, of people or not, when given)."""
        for g in reversed(self.groups[: bisect_right(self._ends, i)]):
            if g.end <= floor:
                return None
            if (size is None or len(g.members) == size) and (person is None or g.person == person):
                return g
        return None

    def for_pronoun(self, t: Token, antecedent_end: int | None, floor: int) -> Group | None:
        """The group a plural pronoun refers to: the last group in its sentence or the one before
        (from token ``floor``), unless the resolver's antecedent (ending at character
        ``antecedent_end``) is nearer; never the subject group of the verb whose object it is
        ("Ellis and Reyes blamed them")."""
        if t.lower_ not in self.plural_pronouns:
            return None
        g = self.before(t.i, floor)
        if g is None or (antecedent_end is not None and antecedent_end > self.doc[g.end - 1].idx):
            return None
        if t.dep_ in ("dobj", "dative") and self.doc[g.members[0].start:g.members[0].end].root.head == t.head:
            return None
        return g

    def for_description(self, t: Token) -> Group | None:
        """The group a definite plural description headed by ``t`` refers to ("both parents", "the
        two men", "the couple"; not "two men", who are new to the text): the last group of its
        size before it."""
        if t.pos_ != "NOUN" or not any(c.lower_ in self.definite for c in t.children if c.i < t.i):
            return None
        size = self.sizes.get(t.lower_) if t.tag_ == "NN" else None  # "the couple"
        for c in t.children:
            if size is None and t.tag_ == "NNS" and c.i < t.i and c.dep_ in ("det", "predet", "nummod", "preconj"):
                size = self.sizes.get(c.lower_)  # "both men", "the two parents"
        if size is None:
            return None
        return self.before(t.i, 0, size, t.lemma_.lower() in self.person_nouns)
