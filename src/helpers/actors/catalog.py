"""The actor catalog: actors and places with their names, hierarchy and recognition rules.

:class:`Catalog` is what the pipeline components (:mod:`helpers.actors.pipeline`,
:mod:`helpers.actors.resolver`) and the tables read: the :class:`Actor` entries, the lookups
derived from them (demonyms, seats, definite descriptions) and the word lists of ``rules.yml``.
It is built from catalog packs by :func:`helpers.actors.load_catalog`
(:mod:`helpers.actors.packs` reads the files; :func:`build_catalog` here turns their entries
into a catalog). :func:`strip_name` is the one normalisation of a mention to a name.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace

__all__ = ["Actor", "Catalog", "TITLE_LABEL", "AMENDABLE", "build_catalog", "strip_name"]

#: EntityRuler label of job titles ("Secretary of State"): marked before the NER, then dropped.
TITLE_LABEL = "TITLE"
#: The ``rules.yml`` keys that are lists of words (plain strings split on spaces).
#: The fields an extending pack may add to an actor of a pack it extends (``amend:`` in actors.yml).
AMENDABLE = ("aliases", "demonyms", "seats", "descriptions")
WORD_RULES = ("agent_heads", "locative_prepositions", "strip_words", "agent_participles", "place_nouns",
              "event_heads", "nationality_heads", "source_nouns")
#: Word rules a pack chain may leave out (added after packs were written: an empty list).
OPTIONAL_RULES = ("source_nouns",)


@dataclass(frozen=True)
class Actor:
    """One catalog entry (an actor, or a place when ``type == "place"``)."""

    id: str
    name: str
    type: str
    label: str
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    seats: tuple[str, ...] = ()
    descriptions: tuple[str, ...] = ()


def _words(s: str) -> set[str]:
    return set(str(s).split())


@dataclass
class Catalog:
    """Actors and places with their names, hierarchy and the rules to recognise them.

    ``packs``: the catalog packs it was built from, bases first (pack names, or absolute pack
    folders): ``load_catalog(catalog.packs)`` rebuilds it, in any process.
    """

    actors: dict[str, Actor]
    agent_heads: frozenset[str]
    locative_prepositions: frozenset[str]
    strip_words: frozenset[str]
    agent_participles: frozenset[str] = frozenset()
    place_nouns: frozenset[str] = frozenset()
    event_heads: frozenset[str] = frozenset()
    nationality_heads: frozenset[str] = frozenset()
    source_nouns: frozenset[str] = frozenset()
    titles: tuple[str, ...] = ()
    demonyms: dict[str, str] = field(default_factory=dict)
    seats: dict[str, str] = field(default_factory=dict)
    descriptions: dict[tuple[str, ...], list[str]] = field(default_factory=dict)
    packs: tuple[str, ...] = ()

    # ----- hierarchy ------------------------------------------------------------------------
    def __contains__(self, actor_id: str) -> bool:
        return actor_id in self.actors

    def name(self, actor_id: str) -> str:
        return self.actors[actor_id].name

    def lineage(self, actor_id: str) -> list[str]:
        """The actor and its ancestors, nearest first."""
        out, seen = [], set()
        while actor_id and actor_id not in seen:
            seen.add(actor_id)
            out.append(actor_id)
            actor_id = self.actors[actor_id].parent
        return out

    def root(self, actor_id: str) -> str:
        return self.lineage(actor_id)[-1]

    def family(self, actor_id: str) -> frozenset[str]:
        """The actor, its ancestors and all its descendants (cached)."""
        cache = self.__dict__.setdefault("_family_cache", {})
        if actor_id not in cache:
            kids: dict[str, list[str]] = defaultdict(list)
            for a in self.actors.values():
                if a.parent:
                    kids[a.parent].append(a.id)
            fam, stack = set(self.lineage(actor_id)), [actor_id]
            while stack:
                for k in kids.get(stack.pop(), []):
                    if k not in fam:
                        fam.add(k)
                        stack.append(k)
            cache[actor_id] = frozenset(fam)
        return cache[actor_id]

    # ----- patterns -------------------------------------------------------------------------
    def ruler_patterns(self, multiword: bool) -> list[dict]:
        """EntityRuler phrase patterns for aliases, places and titles (before the NER).

        ``multiword=True``: names of several words, matched case-insensitively ("US-Led
        Coalition" in a headline); ``False``: one-word names and acronyms, matched as written
        (so "US" and "IS" never match "us" and "is").
        """
        pats = []
        for a in self.actors.values():
            for alias in a.aliases:
                pats.append({"label": a.label, "pattern": alias, "id": a.id})
        pats += [{"label": TITLE_LABEL, "pattern": t, "id": "title"} for t in self.titles]
        pats = [p for p in pats if (len(re.findall(r"\w+", p["pattern"])) > 1) == multiword]
        return sorted(pats, key=lambda p: (p["id"], p["pattern"]))

    def after_ner_patterns(self) -> list[dict]:
        """Seats and demonyms, added after the NER only where it found nothing (so "Baghdad
        International Airport" stays one facility and "Moscow Times" one organisation)."""
        pats = [{"label": "GPE", "pattern": s, "id": f"seat:{a}"} for s, a in sorted(self.seats.items())]
        pats += [{"label": "NORP", "pattern": d, "id": f"demonym:{a}"} for d, a in sorted(self.demonyms.items())]
        return pats


def build_catalog(entries: list[tuple[str, dict]], rules: dict, packs: tuple[str, ...]) -> Catalog:
    """The catalog of ``entries`` (``(file, entry)`` pairs: the actors, amendments and places of
    each pack in load order) under the merged ``rules``. ``file`` names the entry's file in errors.

    An amendment (``{"amends": id, ...}``, from an ``amend:`` list) adds names (:data:`AMENDABLE`)
    to an actor of an earlier pack. A name is one actor's: an alias (several words compared in
    lower case, as the rulers match them), demonym or seat given to two actors is an error."""
    label_by_type = rules["label_by_type"]
    actors: dict[str, Actor] = {}
    origin: dict[str, str] = {}
    for path, e in entries:
        if "amends" in e:
            actors[e["amends"]] = _amended(actors, origin, path, e)
            continue
        kind = e.get("type", "place")
        aid = e["id"]
        if aid in actors:
            where = "" if origin[aid] == path else f" (also in {origin[aid]})"
            raise ValueError(f"{path}: actor id {aid!r} is used twice{where}. Give each actor a unique id"
                             + (" or, to add names to the other pack's actor, list it under amend:." if where else "."))
        if kind not in label_by_type and not e.get("label"):
            raise ValueError(f"{path}: {aid!r} has type {kind!r}, which rules.yml's label_by_type does not "
                             f"know. Use one of {', '.join(label_by_type)} or give the entry a label.")
        parent = e.get("parent") if kind != "place" else None
        origin[aid] = path
        actors[aid] = Actor(
            id=aid, name=e["name"], type=kind, label=e.get("label") or label_by_type[kind], parent=parent,
            aliases=tuple(e.get("aliases") or ()), demonyms=tuple(e.get("demonyms") or ()),
            seats=tuple(e.get("seats") or ()), descriptions=tuple(e.get("descriptions") or ()),
        )
    for a in actors.values():
        if a.parent and a.parent not in actors:
            raise ValueError(f"{origin[a.id]}: {a.id!r} has parent {a.parent!r}, which is not in the catalog.")
    demonyms = _one_actor_each(actors, origin, "demonyms", lambda d: d)
    seats = _one_actor_each(actors, origin, "seats", lambda s: re.sub(r"^(?:the|The) ", "", s))
    _one_actor_each(actors, origin, "aliases", lambda a: a.lower() if len(re.findall(r"\w+", a)) > 1 else a)
    descriptions: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for a in actors.values():
        for d in a.descriptions:
            descriptions[tuple(d.lower().split())].append(a.id)
    return Catalog(
        actors=actors,
        agent_heads=frozenset(_words(rules["agent_heads"])),
        locative_prepositions=frozenset(_words(rules["locative_prepositions"])),
        strip_words=frozenset(_words(rules["strip_words"])),
        titles=tuple(rules.get("titles") or ()),
        agent_participles=frozenset(_words(rules["agent_participles"])),
        place_nouns=frozenset(_words(rules["place_nouns"])),
        event_heads=frozenset(_words(rules["event_heads"])),
        nationality_heads=frozenset(_words(rules["nationality_heads"])),
        source_nouns=frozenset(_words(rules.get("source_nouns", ""))),
        demonyms=demonyms,
        seats=seats,
        descriptions=dict(descriptions),
        packs=packs,
    )


def _amended(actors: dict[str, Actor], origin: dict[str, str], path: str, e: dict) -> Actor:
    """The actor ``e["amends"]`` with the names of the amendment ``e`` (from ``path``) added."""
    aid = e["amends"]
    if aid not in actors:
        raise ValueError(f"{path}: amend: {aid!r} is no actor of the packs this one extends. Amend an actor "
                         "of a base pack by its id, or add a new actor under actors:.")
    if origin[aid] == path:
        raise ValueError(f"{path}: amend: {aid!r} is an actor of this pack: add the names to its entry.")
    other = sorted(set(e) - {"amends", *AMENDABLE})
    if other:
        raise ValueError(f"{path}: amend: {aid!r} sets {', '.join(other)}; an amendment only adds "
                         f"{', '.join(AMENDABLE)} (a base's name, type and parent stay as they are).")
    a = actors[aid]
    return replace(a, **{k: a.__dict__[k] + tuple(x for x in e.get(k) or () if x not in a.__dict__[k])
                         for k in AMENDABLE})


def _one_actor_each(actors: dict[str, Actor], origin: dict[str, str], field_: str, key) -> dict[str, str]:
    """``{key(name): actor id}`` of every name in the actors' ``field_``; a name of two actors is
    an error naming both files."""
    owner: dict[str, str] = {}
    for a in actors.values():
        for name in getattr(a, field_):
            k = key(name)
            if owner.get(k, a.id) != a.id:
                b = owner[k]
                raise ValueError(f"{origin[a.id]}: {name!r} is one of the {field_} of {a.id!r} and of {b!r} "
                                 f"({origin[b]}). Give it to one of them.")
            owner[k] = a.id
    return owner


def strip_name(text: str, catalog: Catalog) -> str:
    """``text`` as a name: the catalog's strip words ("the") cut from both ends, a final
    possessive ("'s") dropped, typographic apostrophes made ASCII."""
    words = text.replace("\u2019", "'").split()
    while words and words[0].lower() in catalog.strip_words:
        words = words[1:]
    while words and words[-1].lower() in catalog.strip_words:
        words = words[:-1]
    name = " ".join(words)
    return re.sub(r"(?:'s|')$", "", name)
