"""The ``actor_resolver`` component: which entity stands for which actor, decided in context.

It runs last in :func:`helpers.actors.actor_pipeline`, on the entities the rulers and the NER
found, and decides with the catalog (:class:`helpers.actors.Catalog`):

- a seat is its government unless it is the object of a locative preposition ("Moscow claimed"
  vs "the road to Damascus"); a state used as a location ("in Syria") is a place;
- a demonym is its state when it modifies an agent noun ("Russian commanders", "Syrian Air
  Force") and a nationality otherwise ("Syrian civilians");
- an acronym the text defines ("Cessation of Hostilities (CoH)") takes the label of its long
  form, or is no entity when the long form is none, and a surname is the person named earlier
  (:mod:`helpers.actors.coreference`);
- a state's name inside the name of one of its institutions ("the United States House of
  Representatives", "the Parliament of Iraq") is part of that name, an actor of its own
  (:mod:`helpers.actors.institutions`);
- a title and the name after it are one mention ("House Speaker Mike Johnson"; :mod:`helpers.actors.titles`);
- the actors outside the catalog become document actors, each with its mentions (surname,
  acronym, title + surname) and role nouns (:mod:`helpers.actors.document_actors`);
- definite descriptions ("the regime", "the Defense Ministry", "the judge", "the company")
  resolve to an antecedent the document supports, or stay unresolved
  (:mod:`helpers.actors.descriptions`).

Entities not in the catalog keep their spaCy label; nothing is dropped except acronym entities
that the document's own definition contradicts (kept in ``doc.spans["dropped"]``) and the
institutions a title absorbed. Each entity's catalog id is its ``ent_id_`` (an actor id of the
catalog, or empty); ``doc.user_data[MENTIONS_KEY]``, keyed by character offsets, has for each its
kind (actor, place, group, other), how it was decided (``source``), its actor ``key`` (the catalog
id or ``doc:<name>``), a document actor's canonical ``name``, ``via`` (name, alias, title,
description) and the ``antecedent`` it was linked to (offsets, or None).

Pronouns are another component's (after this one): it puts the pronoun spans in
``doc.spans[PRONOUN_SPANS]`` and, for each it resolves, the offsets of its antecedent (an entity,
or another resolved pronoun) in ``doc.user_data[PRONOUNS_KEY]``, keyed by the pronoun's offsets;
:func:`helpers.actors.mention_table` then gives each a row of its antecedent's actor.

Inside the component a span's actor is its own id, ``span.id_`` (the ``span_id`` it was built
with), never ``span.ent_id_``: spaCy reads ``Span.ent_id_`` from the root *token*, which until
``doc.ents`` is reassigned at the end still holds the rulers' pattern id ("seat:russia",
"demonym:kurdish_forces", an alias's actor) or nothing, whatever the resolver made of the span.
What the rulers marked is read once, from the incoming ``doc.ents``, into :class:`Names`.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from helpers.actors.catalog import TITLE_LABEL, Catalog, strip_name
from helpers.actors.coreference import acronym_definitions, apply_acronyms, surname_coreference
from helpers.actors.descriptions import Descriptions
from helpers.actors.document_actors import group_mentions, mention_records, person_aliases
from helpers.actors.institutions import join_institution_names
from helpers.actors.name_evidence import correct_entities
from helpers.actors.references import References
from helpers.actors.titles import attach_titles

__all__ = ["ActorResolver", "MENTIONS_KEY", "PRONOUN_SPANS", "PRONOUNS_KEY", "Names", "shift_mention_data"]

#: ``doc.user_data`` key of ``{(start_char, end_char): {"kind": ..., "source": ..., "key": ...,
#: "name": ..., "via": ..., "antecedent": ...}}`` per entity.
MENTIONS_KEY = "helpers.mentions"
#: ``doc.spans`` key of the pronouns a pronoun component found.
PRONOUN_SPANS = "pronouns"
#: ``doc.user_data`` key of ``{(start_char, end_char) of a pronoun: (start_char, end_char) of its antecedent}``.
PRONOUNS_KEY = "helpers.pronouns"
# spaCy labels that name participants or places; the rest (DATE, CARDINAL, ...) are "other".
_ACTOR_LABELS = {"PERSON", "ORG"}
_PLACE_LABELS = {"LOC", "FAC"}


@dataclass(frozen=True)
class Names:
    """What the incoming entities' names are in the catalog, by the entity's first token,
    whatever the context later makes of them.

    ``aliases``: first tokens of the entities the rulers marked as a catalog alias ("Syria",
    "Islamic State"); ``actors``: the catalog actor each entity's name stands for (an alias's,
    a seat's or a demonym's: "Moscow" and "Russian" are russia), or none.
    """

    aliases: frozenset[int]
    actors: dict[int, str]

    @classmethod
    def of(cls, doc: Doc, cat: Catalog) -> Names:
        return cls(frozenset(e.start for e in doc.ents if e.id_ in cat),
                   {e.start: actor for e in doc.ents if (actor := _named_actor(e, cat))})


def _named_actor(ent: Span, cat: Catalog) -> str:
    """The catalog actor ``ent``'s name stands for: the actor of the rulers' pattern id (an alias,
    "seat:<actor>", "demonym:<actor>"), or of a seat or demonym the NER found itself; or ""."""
    eid = ent.id_
    if eid.startswith(("seat:", "demonym:")):
        return eid.partition(":")[2]
    if eid:
        return eid if eid in cat else ""
    name = strip_name(ent.text, cat)
    if ent.label_ in ("GPE", "ORG", "FAC", "LOC") and name in cat.seats:
        return cat.seats[name]
    return cat.demonyms.get(name, "") if ent.label_ in ("NORP", "GPE", "LANGUAGE") else ""


class ActorResolver:
    """Decides, in context, which entity stands for which actor (see the module docstring)."""

    def __init__(self, catalog: Catalog, references: References):
        self.catalog = catalog
        self.references = references.with_titles(catalog.titles)
        self.descriptions = Descriptions(catalog, self._agentive)
        self.persons = person_aliases(catalog)
        self.types = {a.id: a.type for a in catalog.actors.values()}

    def __call__(self, doc: Doc) -> Doc:
        cat, refs = self.catalog, self.references
        info: dict[tuple[int, int], dict] = {}
        spans: list[Span] = []
        acronyms = acronym_definitions(doc)
        names = Names.of(doc, cat)
        for ent, mended in correct_entities(doc.ents, cat, refs):  # the NER's spans and labels, mended
            if ent.label_ == TITLE_LABEL:  # "Secretary of State": a title, not an entity
                continue
            span, kind, source = (ent, "actor", "ner-evidence") if mended else self._resolve(ent, cat)
            spans.append(span)
            info[(span.start_char, span.end_char)] = {"kind": kind, "source": source}
        spans = join_institution_names(doc, spans, info, cat, names, refs.institution_words,
                                       refs.organisation_words)
        spans, dropped = apply_acronyms(doc, spans, acronyms, info)
        spans = surname_coreference(doc, spans, cat, info, names.aliases)
        spans, titled = attach_titles(doc, spans, info, refs, lambda s: s.id_ in cat)
        spans, actors = group_mentions(doc, spans, info, titled, cat, self.persons, refs)
        actors.add_roles(doc, spans, titled, refs, self._acting, self.types)
        spans = self.descriptions(doc, spans, info, names, actors)
        for token in doc:  # set_ents keeps a token's old ent_id when the new span has none
            token.ent_id = 0
        doc.ents = spans
        doc.spans["dropped"] = dropped
        doc.user_data[MENTIONS_KEY] = mention_records(spans, info, actors)
        return doc

    # ----- single entities -------------------------------------------------------------------
    def _resolve(self, ent: Span, cat: Catalog) -> tuple[Span, str, str]:
        doc, eid, text = ent.doc, ent.id_, ent.text  # the rulers' pattern id (see the module docstring)
        name = strip_name(text, cat)
        if not eid and ent.label_ in ("GPE", "ORG", "FAC", "LOC") and name in cat.seats:
            eid = f"seat:{cat.seats[name]}"  # a seat the NER found itself
        if eid.startswith("seat:"):
            actor = eid[5:]
            if self._locative(ent, cat) or self._place_context(ent, cat):
                return Span(doc, ent.start, ent.end, "GPE"), "place", "seat-as-place"
            return Span(doc, ent.start, ent.end, cat.actors[actor].label, span_id=actor), "actor", "seat"
        ruled = eid.startswith("demonym:")  # a demonym the seats_demonyms ruler marked
        demonym = eid[8:] if ruled else cat.demonyms.get(name)
        if demonym and (ruled or ent.label_ in ("NORP", "GPE", "LANGUAGE")) and eid not in cat:
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
            # (a description left unresolved names none: see helpers.actors.descriptions)
            head = ent.root.head
            named = (head.lower_,) in cat.descriptions or head.ent_id_ in cat
            return ent, ("actor" if self._agentive(ent, cat) and not named else "group"), "ner"
        return ent, "other", "ner"

    @staticmethod
    def _locative(ent: Span, cat: Catalog) -> bool:
        """Object of a locative preposition ("in Aleppo", "from Hmeimim and Amman"); not the sender
        a message noun's "from" names ("the claim from Berlin": ``source_nouns``)."""
        root = ent.root
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head
        prep = root.head
        if prep.lower_ == "from" and prep.head.lower_ in cat.source_nouns:
            return False
        return root.dep_ == "pobj" and prep.lower_ in cat.locative_prepositions

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
            own = cat.demonyms.get(strip_name(ent.text, cat))
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


def shift_mention_data(user_data: dict, offset: int) -> dict:
    """The actor pipeline's entries of a chunk's ``user_data`` (:data:`MENTIONS_KEY`,
    :data:`PRONOUNS_KEY`) with every character offset, antecedents included, moved by ``offset``:
    the chunk's data in the document joined from chunks."""
    def move(pair):
        return None if pair is None else (pair[0] + offset, pair[1] + offset)

    mentions = {move(k): dict(v, antecedent=move(v.get("antecedent"))) if "antecedent" in v else dict(v)
                for k, v in user_data.get(MENTIONS_KEY, {}).items()}
    pronouns = {move(k): move(v) for k, v in user_data.get(PRONOUNS_KEY, {}).items()}
    return {MENTIONS_KEY: mentions, PRONOUNS_KEY: pronouns}


def _shouting(ent: Span) -> bool:
    """An acronym that is also a common word ("IS", "US"), between all-caps words ("THE USA IS
    GREAT"), is the word shouted, not the acronym."""
    from helpers.text import zipf

    if len(ent) != 1 or not ent.text.isupper() or zipf(ent.text.lower()) < 5.5:
        return False
    doc = ent.doc
    near = [doc[i] for i in (ent.start - 1, ent.end) if 0 <= i < len(doc)]
    return any(t.is_alpha and len(t) > 1 and t.is_upper and not t.ent_type_ for t in near)
