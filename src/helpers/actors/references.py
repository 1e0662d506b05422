"""The words news uses to refer again to an actor it has named: :class:`References`.

Read from ``references.yml`` (shipped in this package; the ``actor_resolver`` component's
``references`` setting names it or another file of the same format): titles before a person's
name and the role nouns each gives ("Judge Amy Smith ... the judge"), the role nouns a word of
an organisation's name gives ("Acme Corp ... the company"), a state's role nouns, and the words
that introduce a role ("a man named ..."). A catalog's own ``titles`` (``rules.yml``) are added
by :meth:`References.with_titles`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path

from helpers.datafiles import read_yaml
from helpers.paths import package_file

__all__ = ["REFERENCES", "References", "load_references"]

#: The shipped file, the ``actor_resolver`` component's default ``references`` setting.
REFERENCES = "references.yml"
_KEYS = ("titles", "name_words", "role_nouns", "state_roles", "generic_person_nouns", "anonymous_roles",
         "naming_verbs", "institution_words", "organisation_words", "name_heads", "kinship_nouns", "trial_verbs",
         "trial_roles", "kind_roles", "perpetrator_verbs", "perpetrator_roles")


@dataclass(frozen=True)
class References:
    """``titles``: title (a tuple of words, as written) -> role nouns; ``name_words``: a word of an
    organisation's name (lower case) -> role nouns; ``role_nouns``, ``state_roles``,
    ``generic_person_nouns``, ``anonymous_roles``: role nouns; ``naming_verbs``: lemmas ("name",
    "call", "identify"); ``institution_words``: words of a state institution's name ("house",
    "court": "United States House of Representatives ... the House"); ``organisation_words``:
    words ending the name of an organisation that begins with a state's name ("Japan Airlines");
    ``name_heads``: nouns that make a name before them an organisation's ("Houthi movement",
    "Biden campaign");
    ``kinship_nouns``: nouns whose apposition makes a name a person's ("X, brother of ...");
    ``trial_verbs``: lemmas of the legal steps ("charge", "arrest") whose object a person's
    ``trial_roles`` refer to ("the accused"); ``kind_roles``: a catalog type -> the role nouns
    of an actor of that type ("armed_group" -> "group"); ``perpetrator_verbs``: lemmas of the
    violent acts ("stab", "shoot") whose doer a person's ``perpetrator_roles`` refer to ("the
    attacker")."""

    titles: dict[tuple[str, ...], tuple[str, ...]]
    name_words: dict[str, tuple[str, ...]]
    role_nouns: frozenset[str]
    state_roles: frozenset[str]
    generic_person_nouns: frozenset[str]
    anonymous_roles: frozenset[str]
    naming_verbs: frozenset[str]
    institution_words: frozenset[str]
    organisation_words: frozenset[str]
    name_heads: frozenset[str]
    kinship_nouns: frozenset[str]
    trial_verbs: frozenset[str]
    trial_roles: frozenset[str]
    kind_roles: dict[str, tuple[str, ...]]
    perpetrator_verbs: frozenset[str]
    perpetrator_roles: frozenset[str]

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every role noun: those an apposition or a naming verb may give."""
        return frozenset().union(self.role_nouns, self.state_roles, self.generic_person_nouns, self.anonymous_roles,
                                 self.trial_roles, self.perpetrator_roles, *self.kind_roles.values(),
                                 *self.titles.values(), *self.name_words.values())

    @property
    def longest_title(self) -> int:
        return max((len(t) for t in self.titles), default=0)

    def with_titles(self, titles) -> References:
        """These references with a catalog's titles ("Secretary of State") added, each with its last
        word and the whole title, lower-cased, as role nouns (a title already here keeps its own)."""
        extra = {tuple(t.split()): (t.split()[-1].lower(), t.lower()) for t in titles}
        return replace(self, titles={**extra, **self.titles})


def _roles(value, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{where}: expected a list of role nouns (strings), got {value!r}")
    return tuple(v.lower() for v in value)


@lru_cache(maxsize=4)
def load_references(name: str) -> References:
    """The references of ``name``: :data:`REFERENCES` (the shipped file) or the path of a file of
    the same format."""
    path = package_file("helpers.actors", name) if name == REFERENCES else Path(name).expanduser()
    data = read_yaml(path)
    missing = [k for k in _KEYS if k not in (data or {})]
    if missing:
        raise ValueError(f"{path}: missing {', '.join(missing)} (see the shipped {REFERENCES} for the format)")
    return References(
        titles={tuple(str(k).split()): _roles(v, f"{path}: titles: {k}") for k, v in data["titles"].items()},
        name_words={str(k).lower(): _roles(v, f"{path}: name_words: {k}") for k, v in data["name_words"].items()},
        role_nouns=frozenset(_roles(data["role_nouns"], f"{path}: role_nouns")),
        state_roles=frozenset(_roles(data["state_roles"], f"{path}: state_roles")),
        generic_person_nouns=frozenset(_roles(data["generic_person_nouns"], f"{path}: generic_person_nouns")),
        anonymous_roles=frozenset(_roles(data["anonymous_roles"], f"{path}: anonymous_roles")),
        naming_verbs=frozenset(_roles(data["naming_verbs"], f"{path}: naming_verbs")),
        institution_words=frozenset(_roles(data["institution_words"], f"{path}: institution_words")),
        organisation_words=frozenset(_roles(data["organisation_words"], f"{path}: organisation_words")),
        name_heads=frozenset(_roles(data["name_heads"], f"{path}: name_heads")),
        kinship_nouns=frozenset(_roles(data["kinship_nouns"], f"{path}: kinship_nouns")),
        trial_verbs=frozenset(_roles(data["trial_verbs"], f"{path}: trial_verbs")),
        trial_roles=frozenset(_roles(data["trial_roles"], f"{path}: trial_roles")),
        kind_roles={str(k): _roles(v, f"{path}: kind_roles: {k}") for k, v in data["kind_roles"].items()},
        perpetrator_verbs=frozenset(_roles(data["perpetrator_verbs"], f"{path}: perpetrator_verbs")),
        perpetrator_roles=frozenset(_roles(data["perpetrator_roles"], f"{path}: perpetrator_roles")),
    )
