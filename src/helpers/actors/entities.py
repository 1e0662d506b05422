"""Entity frequency with canonical actors.

The actor catalog (``data/actors.yml``) and the place gazetteer (``data/places.yml``) are turned
into spaCy components, so recognition happens inside the pipeline:

``actor_ruler`` (an EntityRuler *before* the statistical NER)
    marks catalog aliases ("Islamic State", "Syrian Army", "Ahrar al-Sham"), places
    ("Deir-iz-Zor", "Aleppo") and seats of power ("Moscow", "Kremlin"); the NER keeps working
    for everything else and cannot split or relabel what the ruler marked.
``demonym_ruler`` (an EntityRuler *after* the NER, never overwriting)
    marks catalog demonyms ("Russian", "Syrians") the NER missed.
``actor_resolver``
    decides in context: a seat is its government unless it is the object of a locative
    preposition ("Moscow claimed" vs "the road to Damascus"); a state used as a location ("in
    Syria") is a place; a demonym is its state when it modifies an agent noun ("Russian
    commanders", "Syrian Air Force") and a nationality otherwise ("Syrian civilians");
    definite descriptions the catalog names ("the regime", "the Coalition", "the Defense
    Ministry") resolve to the most recently introduced actor that has them; an acronym the text
    defines ("Cessation of Hostilities (CoH)") takes the label of its long form, or is no
    entity when the long form is none.

Entities not in the catalog keep their spaCy label under a normalised name; nothing is dropped
except acronym entities that the document's own definition contradicts (kept in
``doc.spans["dropped"]``). Each entity's catalog id is its ``ent_id_``; its kind (actor, place,
group, other) and how it was decided are in ``doc.user_data["helpers.mentions"]``.

The tables (:func:`mention_table`, :func:`actor_frequency`, ...) carry the evidence of every
mention: document, sentence, clean character offsets, and raw offsets when the document came
from :mod:`helpers.text`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.language import Language
from spacy.tokens import Doc, Span

from helpers.nlp import new_nlp
from helpers.paths import package_file

__all__ = [
    "Actor",
    "Catalog",
    "actor_pipeline",
    "mention_table",
    "actor_frequency",
    "surface_frequency",
    "label_frequency",
    "cooccurrence",
    "MENTION_COLUMNS",
]

MENTIONS_KEY = "helpers.mentions"
TITLE_LABEL = "TITLE"
#: Column order of the mention table (stable; documented in the README).
MENTION_COLUMNS = [
    "doc_id", "sent_id", "start_char", "end_char", "raw_start", "raw_end", "text", "label",
    "kind", "actor", "actor_id", "parent", "root", "source",
]
# Catalog types that belong to a state: "the United States government" is not Syria's.
_INSTITUTIONS = {"state", "government", "government_body", "military"}
# spaCy labels that name participants or places; the rest (DATE, CARDINAL, ...) are "other".
_ACTOR_LABELS = {"PERSON", "ORG"}
_PLACE_LABELS = {"LOC", "FAC"}


# ------------------------------------------------------------------------------------------
# The catalog
# ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Actor:
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
    """Actors and places with their names, hierarchy and the rules to recognise them."""

    actors: dict[str, Actor]
    agent_heads: frozenset[str]
    locative_prepositions: frozenset[str]
    strip_words: frozenset[str]
    agent_participles: frozenset[str] = frozenset()
    place_nouns: frozenset[str] = frozenset()
    event_heads: frozenset[str] = frozenset()
    nationality_heads: frozenset[str] = frozenset()
    titles: tuple[str, ...] = ()
    demonyms: dict[str, str] = field(default_factory=dict)
    seats: dict[str, str] = field(default_factory=dict)
    descriptions: dict[tuple[str, ...], list[str]] = field(default_factory=dict)

    @classmethod
    def load(cls, actors_path: str | Path | None = None, places_path: str | Path | None = None,
             rules_path: str | Path | None = None) -> "Catalog":
        """Read ``data/actors.yml``, ``data/places.yml`` and ``data/actor_rules.yml`` (or the paths given)."""
        return _load_catalog(str(actors_path or package_file("helpers.catalogs.syria", "actors.yml")),
                             str(places_path or package_file("helpers.catalogs.syria", "places.yml")),
                             str(rules_path or package_file("helpers.catalogs.syria", "rules.yml")))

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


@lru_cache(maxsize=8)
def _load_catalog(actors_path: str, places_path: str, rules_path: str) -> Catalog:
    def read(path: str) -> dict:
        try:
            with open(path, encoding="utf-8") as fh:
                return yaml.safe_load(fh)
        except yaml.YAMLError as exc:
            raise ValueError(f"{path}: not valid YAML ({exc}). Fix the file; `git diff` shows what changed.") from exc

    rules = read(rules_path)
    label_by_type = rules["label_by_type"]
    entries = list(read(actors_path)["actors"]) + list(read(places_path)["places"])
    actors: dict[str, Actor] = {}
    demonyms: dict[str, str] = {}
    seats: dict[str, str] = {}
    descriptions: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for e in entries:
        kind = e.get("type", "place")
        aid = e["id"]
        if aid in actors:
            raise ValueError(f"{actors_path}: actor id {aid!r} is used twice. Give each actor a unique id.")
        parent = e.get("parent") if kind != "place" else None
        actors[aid] = Actor(
            id=aid, name=e["name"], type=kind, label=e.get("label") or label_by_type[kind], parent=parent,
            aliases=tuple(e.get("aliases") or ()), demonyms=tuple(e.get("demonyms") or ()),
            seats=tuple(e.get("seats") or ()), descriptions=tuple(e.get("descriptions") or ()),
        )
        for d in actors[aid].demonyms:
            demonyms[d] = aid
        for s in actors[aid].seats:
            seats[re.sub(r"^(?:the|The) ", "", s)] = aid
        for d in actors[aid].descriptions:
            descriptions[tuple(d.lower().split())].append(aid)
    for a in actors.values():
        if a.parent and a.parent not in actors:
            raise ValueError(f"{actors_path}: {a.id!r} has parent {a.parent!r}, which is not in the catalog.")
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
        demonyms=demonyms,
        seats=seats,
        descriptions=dict(descriptions),
    )


# ------------------------------------------------------------------------------------------
# The pipeline
# ------------------------------------------------------------------------------------------
def _split_hyphen_after_initialism(nlp: Language) -> None:
    """Let the tokenizer split "U.S.-Russia" and "U.S.-led" at the hyphen, as it splits "Kerry-Lavrov"."""
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes) + [r"(?<=[A-Z]\.)-(?=[A-Za-z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


@lru_cache(maxsize=4)
def actor_pipeline(actors_path: str | None = None, places_path: str | None = None,
                   rules_path: str | None = None) -> Language:
    """The English pipeline with the catalog components (loaded once per set of paths)."""
    catalog = Catalog.load(actors_path, places_path, rules_path)
    nlp = new_nlp()
    _split_hyphen_after_initialism(nlp)
    names = nlp.add_pipe("entity_ruler", name="actor_names", before="ner", config={"phrase_matcher_attr": "LOWER"})
    names.add_patterns(catalog.ruler_patterns(multiword=True))
    acronyms = nlp.add_pipe("entity_ruler", name="actor_acronyms", before="ner")
    acronyms.add_patterns(catalog.ruler_patterns(multiword=False))
    after = nlp.add_pipe("entity_ruler", name="seats_demonyms", after="ner", config={"overwrite_ents": False})
    after.add_patterns(catalog.after_ner_patterns())
    resolver = nlp.add_pipe("actor_resolver", last=True)
    resolver.catalog = catalog
    return nlp


@Language.factory("actor_resolver")
def _make_actor_resolver(nlp: Language, name: str) -> "ActorResolver":
    return ActorResolver()


class ActorResolver:
    """Decides, in context, which entity stands for which actor (see the module docstring)."""

    catalog: Catalog | None = None

    def __call__(self, doc: Doc) -> Doc:
        cat = self.catalog or Catalog.load()
        info: dict[tuple[int, int], dict] = {}
        spans: list[Span] = []
        dropped: list[Span] = []
        acronyms = _acronym_definitions(doc)
        for ent in doc.ents:
            if ent.label_ == TITLE_LABEL:  # "Secretary of State": a title, not an entity
                continue
            span, kind, source = self._resolve(ent, cat)
            spans.append(span)
            info[(span.start_char, span.end_char)] = {"kind": kind, "source": source}
        spans, dropped = _apply_acronyms(doc, spans, acronyms, info)
        spans = _surname_coreference(doc, spans, cat, info)
        spans = self._descriptions(doc, spans, cat, info)
        for token in doc:  # set_ents keeps a token's old ent_id when the new span has none
            token.ent_id = 0
        doc.ents = spans
        doc.spans["dropped"] = dropped
        keys = {(s.start_char, s.end_char) for s in spans}
        doc.user_data[MENTIONS_KEY] = {k: v for k, v in info.items() if k in keys}
        return doc

    # ----- single entities -------------------------------------------------------------------
    def _resolve(self, ent: Span, cat: Catalog) -> tuple[Span, str, str]:
        doc, eid, text = ent.doc, ent.ent_id_, ent.text
        name = _strip(text, cat)
        if not eid and ent.label_ in ("GPE", "ORG", "FAC", "LOC") and name in cat.seats:
            eid = f"seat:{cat.seats[name]}"  # a seat the NER found itself
        if eid.startswith("seat:"):
            actor = eid[5:]
            if self._locative(ent, cat) or self._place_context(ent, cat):
                return Span(doc, ent.start, ent.end, "GPE"), "place", "seat-as-place"
            return Span(doc, ent.start, ent.end, cat.actors[actor].label, span_id=actor), "actor", "seat"
        demonym = eid[8:] if eid.startswith("demonym:") else cat.demonyms.get(name)
        if demonym and ent.label_ in ("NORP", "GPE", "LANGUAGE") and eid not in cat:
            if self._agentive(ent, cat):
                return Span(doc, ent.start, ent.end, "NORP", span_id=demonym), "actor", "demonym"
            return Span(doc, ent.start, ent.end, "NORP"), "group", "demonym-as-nationality"
        if eid in cat:
            actor = cat.actors[eid]
            if actor.type == "place":
                return Span(doc, ent.start, ent.end, actor.label, span_id=eid), "place", "gazetteer"
            if _shouting(ent):  # "THE USA IS GREAT": an acronym alias inside all-caps text
                return Span(doc, ent.start, ent.end, "ORG"), "other", "all-caps"
            if actor.type == "state":
                nxt = doc[ent.end] if ent.end < len(doc) else None
                others = cat.descriptions.get((nxt.lower_,), []) if nxt is not None else []
                if others and self._modifier(ent) and not any(o in cat.family(eid) for o in others):
                    # "Syria rebels", "Syria rebel rocket": the country locates the next actor
                    return Span(doc, ent.start, ent.end, "GPE"), "place", "state-as-place"
                if self._locative(ent, cat) or self._owns_event(ent, cat):
                    return Span(doc, ent.start, ent.end, "GPE"), "place", "state-as-place"
                if self._modifier(ent) and self._head_word(ent) & cat.nationality_heads:  # "U.S. citizens"
                    return Span(doc, ent.start, ent.end, "GPE"), "group", "state-as-nationality"
            return Span(doc, ent.start, ent.end, ent.label_, span_id=eid), "actor", "catalog"
        label = ent.label_
        if label in ("PERSON", "ORG", "GPE", "NORP") and not any(t.text[:1].isupper() for t in ent):
            return ent, "other", "ner-lowercase"  # "restraint &": no name in it
        if label in _ACTOR_LABELS | {"GPE", "FAC", "LOC"} and self._place_context(ent, cat):
            return Span(doc, ent.start, ent.end, "GPE" if label != "FAC" else "FAC"), "place", "ner-place-context"
        if ent.root.lower_ in cat.event_heads or ent.root.lemma_.lower() in cat.event_heads:
            return ent, "other", "ner-event"
        if label in _ACTOR_LABELS:
            return ent, "actor", "ner"
        if label == "GPE":
            if self._acting(ent) or (self._modifier(ent) and self._agentive(ent, cat)):  # "Darfur rebels"
                return ent, "actor", "ner"
            return ent, "place", "ner"
        if label in _PLACE_LABELS:
            return ent, "place", "ner"
        if label == "NORP":  # a nationality outside the catalog: an actor when it stands for agents,
            # unless the noun it modifies names a catalog actor ("Islamist rebels" are the rebels)
            head = ent.root.head
            named = (head.lower_,) in cat.descriptions or head.ent_id_ in cat
            return ent, ("actor" if self._agentive(ent, cat) and not named else "group"), "ner"
        return ent, "other", "ner"

    @staticmethod
    def _locative(ent: Span, cat: Catalog) -> bool:
        """Object of a locative preposition ("in Aleppo", "from Hmeimim and Amman")."""
        root = ent.root
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head
        return root.dep_ == "pobj" and root.head.lower_ in cat.locative_prepositions

    @staticmethod
    def _place_context(ent: Span, cat: Catalog) -> bool:
        """Named as a place: "Bab al-Faraj neighborhood", "the towns of Saraqeb", "in Tell Tamer"."""
        root = ent.root
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head
        head = root.head
        if root.dep_ in ("compound", "nmod") and head.lower_ in cat.place_nouns and head.i >= ent.end:
            return True
        if root.dep_ == "appos" and head.lower_ in cat.place_nouns:
            return True
        if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in cat.place_nouns:
            return True
        return ent.label_ in _ACTOR_LABELS and root.dep_ == "pobj" and head.lower_ in (
            "in", "near", "into", "outside", "around", "across", "throughout", "inside")

    @staticmethod
    def _owns_event(ent: Span, cat: Catalog) -> bool:
        """A state possessing an event: "Syria's civil war" (the war in Syria)."""
        root = ent.root
        return root.dep_ == "poss" and (root.head.lower_ in cat.event_heads or root.head.lemma_ in cat.event_heads)

    @staticmethod
    def _head_word(ent: Span) -> set[str]:
        """The noun a modifier ultimately modifies ("U.S. service members" -> members)."""
        head = ent.root.head
        while head.dep_ == "compound" and head.head.i > head.i:
            head = head.head
        return {head.lower_, head.lemma_.lower()}

    @staticmethod
    def _modifier(ent: Span) -> bool:
        root = ent.root
        return root.dep_ in ("compound", "amod", "nmod") and root.head.i >= ent.end

    @staticmethod
    def _acting(ent: Span) -> bool:
        """Is a place name used as a participant: subject, agent ("by X"), possessor or party?"""
        tok = ent.root
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head
        if tok.dep_ in ("nsubj", "nsubjpass", "poss"):
            return True
        return tok.dep_ == "pobj" and tok.head.lower_ in ("by", "with", "between", "against")

    @staticmethod
    def _agentive(ent: Span, cat: Catalog) -> bool:
        """Does this demonym (or state name used as a modifier) stand for the state's agents?"""
        doc = ent.doc
        # "Kurdish-led forces", "Iranian-backed militia"
        if ent.end + 1 < len(doc) and doc[ent.end].text == "-" and doc[ent.end + 1].lower_ in cat.agent_participles:
            return True
        tok = ent.root
        # "Russian and Syrian Air Force": follow the coordination to the shared head.
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head
        if tok.dep_ in ("amod", "compound", "nmod", "npadvmod", "poss"):
            head = tok.head
            # skip the rest of a compound: "U.S. service members" -> members
            while head.dep_ == "compound" and head.head.i > head.i:
                head = head.head
            # "Syrian Islamist rebels": the noun names another actor (the rebels), so the
            # demonym is only their nationality, not the Syrian state
            own = cat.demonyms.get(_strip(ent.text, cat))
            others = cat.descriptions.get((head.lower_,), []) + cat.descriptions.get((head.lemma_.lower(),), [])
            if own and others and not any(o in cat.family(own) for o in others):
                return False
            if {head.lower_, head.lemma_.lower()} & cat.agent_heads:
                return True
            # a title on the way to a name: "Turkish President Erdogan", "Russian Foreign Minister Lavrov"
            between = doc[ent.end : head.i + 1] if head.i >= ent.end else []
            if any({t.lower_, t.lemma_.lower()} & cat.agent_heads for t in between):
                return True
            # modifying an organisation's name the NER found: "Russian Foo Ministry"
            return head.ent_type_ == "ORG" and head.i >= ent.end
        # a demonym used as a noun: "the Russians said", "Kurds announce"
        return ent.root.tag_ in ("NNPS", "NNS") or (ent.root.pos_ in ("PROPN", "NOUN") and ent.root.dep_ in (
            "nsubj", "nsubjpass", "dobj", "pobj", "appos"))

    # ----- definite descriptions -----------------------------------------------------------
    def _descriptions(self, doc: Doc, spans: list[Span], cat: Catalog, info: dict) -> list[Span]:
        """Add definite descriptions as mentions of their antecedent actor; return all spans.

        A description right after a demonym of the same family ("the Russian military") becomes
        one mention of the described actor, replacing the demonym's.
        """
        spans = sorted(spans, key=lambda s: s.start)
        mentions = sorted((s.start, s.ent_id_) for s in spans if s.ent_id_ in cat
                          and info[(s.start_char, s.end_char)]["kind"] == "actor")
        # An entity the NER found that is a catalog description ("the Defense Ministry")
        for k, s in enumerate(spans):
            if s.ent_id_ or info[(s.start_char, s.end_char)]["kind"] != "actor":
                continue
            words = tuple(_strip(s.text, cat).lower().split())
            if words in cat.descriptions:
                candidates = cat.descriptions[words]
                actor = self._antecedent(s.start, candidates, mentions, cat)
                if actor is None and len(candidates) == 1:  # the NER took it for a name: "Regime forces"
                    actor = candidates[0]
                if actor:
                    spans[k] = Span(doc, s.start, s.end, cat.actors[actor].label, span_id=actor)
                    info[(s.start_char, s.end_char)] = {"kind": "actor", "source": "description"}
                    mentions = sorted(mentions + [(s.start, actor)])
        by_end = {s.end: s for s in spans}
        taken = {i for s in spans for i in range(s.start, s.end)}
        max_len = max((len(k) for k in cat.descriptions), default=0)
        i = 0
        while i < len(doc):
            n = next((n for n in range(max_len, 0, -1) if i + n <= len(doc)
                      and tuple(t.lower_ for t in doc[i : i + n]) in cat.descriptions
                      and not taken.intersection(range(i, i + n))), 0)
            if not n:
                i += 1
                continue
            candidates = cat.descriptions[tuple(t.lower_ for t in doc[i : i + n])]
            prev = by_end.get(i)
            prev_kind = info.get((prev.start_char, prev.end_char), {}).get("source") if prev is not None else None
            start, actor = i, None
            if prev_kind == "demonym":  # "Russian military" -> the Russian military
                fam = cat.family(prev.ent_id_)
                actor = next((c for c in candidates if c in fam), None)
                if actor:
                    start = prev.start
                    spans.remove(prev)
                    del info[(prev.start_char, prev.end_char)]
            last = doc[i + n - 1]
            agent = last.pos_ in ("NOUN", "PROPN") and (
                self._agent_position(doc, i + n, cat) or (last.dep_ == "nsubj" and last.head.pos_ == "VERB"))
            if not agent and last.pos_ == "ADJ" and len(candidates) == 1 and prev is None \
                    and self._agent_position(doc, i + n, cat):  # "Rebel fire", tagged as an adjective
                actor = candidates[0]
            # another state's demonym right before ("Turkish Foreign Ministry") says whose it is;
            # a place ("Syria rebels") or an ideology ("Islamist rebels") does not
            owned = prev is not None and prev.ent_id_ in cat and (prev.label_ == "NORP" or all(
                cat.actors[c].type in _INSTITUTIONS for c in candidates))
            if actor is None and not owned and (agent or self._definite(doc[i : i + n])):
                actor = self._antecedent(i, candidates, mentions, cat)
                if actor is None and len(candidates) == 1 and (agent or (doc[i].is_title and not doc[i].is_sent_start)):
                    # no antecedent, but only one actor has this description and it is used as an
                    # agent ("rebel shelling", "regime airstrikes") or as a name ("the Regime")
                    actor = candidates[0]
            if actor:
                span = Span(doc, start, i + n, cat.actors[actor].label, span_id=actor)
                spans.append(span)
                info[(span.start_char, span.end_char)] = {"kind": "actor", "source": "description"}
                mentions = sorted(mentions + [(start, actor)])
                taken.update(range(start, i + n))
            i += n
        return sorted(spans, key=lambda s: s.start)

    @staticmethod
    def _agent_position(doc: Doc, j: int, cat: Catalog) -> bool:
        """Is the word at ``j`` (after at most two more nouns) an agent noun: "rebel shelling",
        "regime barrel bomb attacks", "rebel forces"?"""
        for k in range(j, min(j + 3, len(doc))):
            if doc[k].lower_ in cat.agent_heads or doc[k].lemma_.lower() in cat.agent_heads:
                return True
            if doc[k].pos_ not in ("NOUN", "PROPN", "ADJ"):
                return False
        return False

    @staticmethod
    def _definite(span: Span) -> bool:
        """'the regime', 'the Syrian regime's ...', or a modifier of a noun ('regime forces')."""
        head = span.root
        if head.pos_ not in ("NOUN", "PROPN"):
            return False
        if any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in head.children):
            return True
        prev = span.doc[span.start - 1] if span.start > 0 else None
        if prev is not None and prev.lower_ == "the":
            return True
        return head.dep_ in ("compound", "nmod") and head.head.pos_ == "NOUN" and head.head.i > head.i

    @staticmethod
    def _antecedent(i: int, candidates: list[str], mentions: list[tuple[int, str]], cat: Catalog) -> str | None:
        """The candidate whose tree (everything under its root) was mentioned last before token ``i``."""
        best, best_pos = None, -1
        for cand in candidates:
            fam = cat.family(cat.root(cand))
            for pos, actor in mentions:
                if pos >= i:
                    break
                if actor in fam and pos > best_pos:
                    best, best_pos = cand, pos
        return best


def _shouting(ent: Span) -> bool:
    """An acronym that is also a common word ("IS", "US"), between all-caps words ("THE USA IS
    GREAT"), is the word shouted, not the acronym."""
    from helpers.text import zipf

    if len(ent) != 1 or not ent.text.isupper() or zipf(ent.text.lower()) < 5.5:
        return False
    doc = ent.doc
    near = [doc[i] for i in (ent.start - 1, ent.end) if 0 <= i < len(doc)]
    return any(t.is_alpha and len(t) > 1 and t.is_upper and not t.ent_type_ for t in near)


def _surname_coreference(doc: Doc, spans: list[Span], cat: Catalog, info: dict) -> list[Span]:
    """A later entity that is the surname of a person named earlier is that person, whatever
    label the NER gave it ("Nancy Pelosi ... Pelosi's grandchildren" tagged EVENT)."""
    surnames: dict[str, str] = {}
    out = []
    for s in sorted(spans, key=lambda s: s.start):
        name = _strip(s.text, cat)
        if s.label_ == "PERSON" and len(name.split()) > 1:
            surnames.setdefault(name.split()[-1], s.ent_id_)
        elif s.label_ != "PERSON" and not s.ent_id_ and name in surnames:
            s = Span(doc, s.start, s.end, "PERSON", span_id=surnames[name])
            info[(s.start_char, s.end_char)] = {"kind": "actor", "source": "surname"}
        out.append(s)
    return out


# ----- acronyms ---------------------------------------------------------------------------------
def _acronym_definitions(doc: Doc) -> dict[str, tuple[int, int]]:
    """``{"CoH": (start, end)}`` for each "Long Form (ACR)" the document defines."""
    found = {}
    for i in range(1, len(doc) - 2):
        if doc[i].text != "(" or doc[i + 2].text != ")":
            continue
        acr = doc[i + 1].text
        letters = [c for c in acr if c.isalpha()]
        if len(letters) < 2 or sum(c.isupper() for c in letters) < 2:
            continue
        caps = [c.lower() for c in acr if c.isupper()]
        # walk back over capitalised words (and lower-case function words) spelling the initials
        j, initials = i - 1, []
        while j >= 0 and len(initials) < len(caps) and (doc[j].is_title or doc[j].is_upper or doc[j].is_stop):
            if doc[j].is_title or doc[j].is_upper:
                initials.insert(0, doc[j].text[0].lower())
            j -= 1
        if initials == caps:
            found.setdefault(acr, (j + 1, i))
    return found


def _apply_acronyms(doc: Doc, spans: list[Span], acronyms: dict, info: dict) -> tuple[list[Span], list[Span]]:
    if not acronyms:
        return spans, []
    # an entity the NER ran into the definition ("The Cessation of Hostilities (CoH") ends before "("
    for k, s in enumerate(spans):
        for start, paren in acronyms.values():
            if s.start < paren < s.end:
                meta = info.pop((s.start_char, s.end_char))
                s = spans[k] = Span(doc, s.start, paren, s.label_, span_id=s.ent_id_)
                info[(s.start_char, s.end_char)] = meta
    kept, dropped = [], []
    for s in spans:
        if s.text in acronyms and len(s) == 1:
            start, end = acronyms[s.text]
            longs = [o for o in spans if o.start < end and o.end > start and o is not s]
            if not longs:
                dropped.append(s)
                continue
            lf = longs[0]
            new = Span(doc, s.start, s.end, lf.label_, span_id=lf.ent_id_)
            info[(new.start_char, new.end_char)] = dict(info[(lf.start_char, lf.end_char)], source="acronym")
            kept.append(new)
        else:
            kept.append(s)
    return kept, dropped


# ------------------------------------------------------------------------------------------
# Normalised names
# ------------------------------------------------------------------------------------------
def _strip(text: str, cat: Catalog) -> str:
    words = text.replace("\u2019", "'").split()
    while words and words[0].lower() in cat.strip_words:
        words = words[1:]
    while words and words[-1].lower() in cat.strip_words:
        words = words[:-1]
    name = " ".join(words)
    return re.sub(r"(?:'s|')$", "", name)


def _normalised_names(doc: Doc, cat: Catalog) -> dict[tuple[int, int], str]:
    """Names for entities outside the catalog; a person's surname maps to their full name."""
    names: dict[tuple[int, int], str] = {}
    full_by_last: dict[str, str] = {}
    for ent in doc.ents:
        name = _strip(ent.text, cat)
        if ent.label_ == "PERSON" and not ent.ent_id_:
            parts = name.split()
            if len(parts) > 1:
                full_by_last.setdefault(parts[-1], name)
            elif name in full_by_last:
                name = full_by_last[name]
        names[(ent.start_char, ent.end_char)] = name
    return names


# ------------------------------------------------------------------------------------------
# Tables
# ------------------------------------------------------------------------------------------
def mention_table(docs, catalog: Catalog | None = None, clean_docs=None):
    """One row per entity mention (columns :data:`MENTION_COLUMNS`), sorted by document and offset.

    ``docs``: ``(doc_id, spacy_doc)`` pairs processed by :func:`actor_pipeline`.
    ``clean_docs``: optional ``{doc_id: CleanDocument}`` to add raw offsets (else -1).
    ``actor`` is the catalog display name, or the normalised name outside the catalog; ``parent``
    and ``root`` are display names along the catalog hierarchy (the actor itself when top-level).
    """
    import pandas as pd

    cat = catalog or Catalog.load()
    rows = []
    for doc_id, doc in docs:
        info = doc.user_data.get(MENTIONS_KEY, {})
        names = _normalised_names(doc, cat)
        sent_starts = [s.start for s in doc.sents]
        clean = (clean_docs or {}).get(doc_id)
        from bisect import bisect_right

        for ent in doc.ents:
            key = (ent.start_char, ent.end_char)
            meta = info.get(key, {"kind": "other", "source": "ner"})
            aid = ent.ent_id_ if ent.ent_id_ in cat else ""
            if aid:
                lineage = cat.lineage(aid)
                actor, parent, root = cat.name(aid), cat.name(lineage[min(1, len(lineage) - 1)]), cat.name(lineage[-1])
            else:
                actor = parent = root = names[key]
            raw_start, raw_end = clean.raw_span(*key) if clean is not None else (-1, -1)
            rows.append({
                "doc_id": doc_id, "sent_id": bisect_right(sent_starts, ent.start) - 1,
                "start_char": ent.start_char, "end_char": ent.end_char, "raw_start": raw_start,
                "raw_end": raw_end, "text": ent.text, "label": ent.label_, "kind": meta["kind"],
                "actor": actor, "actor_id": aid, "parent": parent, "root": root, "source": meta["source"],
            })
    table = pd.DataFrame(rows, columns=MENTION_COLUMNS)
    return table.sort_values(["doc_id", "start_char", "end_char"], ignore_index=True)


def actor_frequency(mentions, by: str = "actor", kinds=("actor",)):
    """Mentions per actor (``by="actor"``) or rolled up to the top of the hierarchy (``by="root"``).

    Sorted by count (descending), then name; ties broken by name so the order is stable.
    """
    m = mentions[mentions["kind"].isin(kinds)]
    out = m.groupby(by).agg(mentions=("text", "size"), documents=("doc_id", "nunique"),
                            surface_forms=("text", "nunique")).reset_index()
    return out.sort_values(["mentions", by], ascending=[False, True], ignore_index=True)


def surface_frequency(mentions, kinds=("actor",), by: str = "root"):
    """Mentions per (actor, surface form), for stacked bars: which words stood for each actor."""
    m = mentions[mentions["kind"].isin(kinds)]
    out = m.groupby([by, "text"]).size().rename("mentions").reset_index()
    return out.sort_values([by, "mentions", "text"], ascending=[True, False, True], ignore_index=True)


def label_frequency(mentions):
    """Mentions per spaCy label and kind."""
    out = mentions.groupby(["label", "kind"]).size().rename("mentions").reset_index()
    return out.sort_values(["mentions", "label", "kind"], ascending=[False, True, True], ignore_index=True)


def cooccurrence(mentions, actors=None, by: str = "root", unit: str = "sent_id"):
    """Symmetric actor x actor matrix: in how many sentences (``unit``) both are mentioned."""
    import pandas as pd

    m = mentions[mentions["kind"] == "actor"]
    if actors is not None:
        m = m[m[by].isin(actors)]
    units = m.groupby(["doc_id", unit])[by].apply(lambda s: sorted(set(s)))
    names = sorted(set(m[by])) if actors is None else list(actors)
    mat = pd.DataFrame(0, index=names, columns=names)
    for group in units:
        for a in group:
            for b in group:
                mat.loc[a, b] += 1
    return mat


def raw_mention_table(docs, catalog: Catalog | None = None):
    """Mention table of a plain spaCy pipeline (no catalog), for comparison: ``kind`` is ``"raw"``,
    ``actor`` and ``root`` are the entity's normalised text."""
    import pandas as pd

    cat = catalog or Catalog.load()
    rows = []
    for doc_id, doc in docs:
        sent_starts = [s.start for s in doc.sents]
        from bisect import bisect_right

        for ent in doc.ents:
            name = _strip(ent.text, cat)
            rows.append({"doc_id": doc_id, "sent_id": bisect_right(sent_starts, ent.start) - 1,
                         "start_char": ent.start_char, "end_char": ent.end_char, "raw_start": -1, "raw_end": -1,
                         "text": ent.text, "label": ent.label_, "kind": "raw", "actor": name, "actor_id": "",
                         "parent": name, "root": name, "source": "spacy"})
    return pd.DataFrame(rows, columns=MENTION_COLUMNS).sort_values(["doc_id", "start_char"], ignore_index=True)


def display_spans(doc: Doc, start: int, end: int, catalog: Catalog | None = None) -> list[dict]:
    """Entities of ``doc`` inside characters ``[start, end)``, offsets relative to ``start``, for
    :func:`helpers.viz.charts.entity_html`. With the actor pipeline, an actor is labelled by the actor it
    rolls up to ("Russia"), a place "PLACE", anything else by its spaCy label; with a plain
    pipeline, by the spaCy label."""
    cat = catalog or Catalog.load()
    info = doc.user_data.get(MENTIONS_KEY)
    out = []
    for ent in doc.ents:
        if ent.start_char < start or ent.end_char > end:
            continue
        label = ent.label_
        if info is not None:
            kind = info.get((ent.start_char, ent.end_char), {}).get("kind")
            if kind == "actor" and ent.ent_id_ in cat:
                label = cat.name(cat.root(ent.ent_id_))
            elif kind == "place":
                label = "PLACE"
        out.append({"start": ent.start_char - start, "end": ent.end_char - start, "label": label})
    return out


def reading(mentions, top: int = 3, by: str = "root") -> str:
    """A short, data-generated reading of the counts: the top actors with the words that stood
    for them, and the pair mentioned together in most sentences."""
    freq = actor_frequency(mentions, by=by).head(top)
    surface = surface_frequency(mentions, by=by)
    parts = []
    for r in freq.itertuples():
        words = surface[surface[by] == getattr(r, by)].head(4)["text"].tolist()
        more = r.surface_forms - len(words)
        forms = ", ".join(words) + (f" and {more} more" if more > 0 else "")
        parts.append(f"{getattr(r, by)} ({r.mentions} mentions; {forms})")
    text = parts[0] + " is the most mentioned actor" if parts else "No actor is mentioned"
    if len(parts) > 1:
        text += ", ahead of " + " and ".join(parts[1:])
    text += "."
    names = freq[by].tolist()
    if len(names) > 1:
        cooc = cooccurrence(mentions, names, by=by)
        pairs = [(cooc.loc[a, b], a, b) for i, a in enumerate(names) for b in names[i + 1 :]]
        n, a, b = max(pairs, key=lambda t: (t[0], -names.index(t[1]), -names.index(t[2])))
        text += f" {a} and {b} are mentioned together in {n} sentences, more than any other pair of them."
    return text
