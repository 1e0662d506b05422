"""The actor pipeline: spaCy's English pipeline with the actor catalog inside it.

It starts from :func:`helpers.nlp.new_nlp` (``paragraph_sentences`` first: a paragraph break
always ends a sentence). Recognition happens inside the pipeline, in this order:

``actor_names``, ``actor_acronyms`` (EntityRulers *before* the statistical NER)
    mark catalog aliases ("Islamic State", "Syrian Army", "Ahrar al-Sham"), places
    ("Deir-iz-Zor", "Aleppo") and titles; several-word names case-insensitively, one-word names
    and acronyms as written. The NER keeps working for everything else and cannot split or
    relabel what the rulers marked.
``headline_entities`` (right after the NER; :mod:`helpers.actors.headlines`)
    re-recognises Title Case and ALL CAPS headlines on a sentence-cased copy, running the two
    rulers and the NER on it.
``seats_demonyms`` (an EntityRuler *after* the NER, never overwriting)
    marks catalog seats ("Moscow", "Kremlin") and demonyms ("Russian", "Syrians") the NER missed.
``actor_resolver`` (last; :mod:`helpers.actors.resolver`)
    decides in context which entity stands for which actor, groups the mentions of actors
    outside the catalog into document actors and resolves definite descriptions (its
    ``references`` setting: the titles and role nouns of :mod:`helpers.actors.references`).

The catalog is passed explicitly: :func:`actor_pipeline` takes the :class:`Catalog`, builds the
rulers' patterns from it and adds ``actor_resolver`` with the config ``{"packs": catalog.packs}``;
the component's factory loads the catalog of those packs (:func:`helpers.actors.load_catalog`,
cached, so the same catalog). ``nlp.config["components"]["actor_resolver"]["packs"]`` therefore
records which packs a pipeline was built with, and a pipeline saved with ``nlp.to_disk`` loads
back with the same catalog.
"""

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

import helpers.actors.pronouns  # noqa: F401 - registers the pronoun_resolver factory
from helpers.actors import headlines as _headlines  # noqa: F401 - registers "headline_entities"
from helpers.actors.catalog import Catalog
from helpers.actors.packs import load_catalog
from helpers.actors.references import REFERENCES, load_references
from helpers.actors.resolver import PRONOUN_SPANS, PRONOUNS_KEY, ActorResolver
from helpers.nlp import new_nlp

__all__ = ["actor_pipeline", "new_actor_pipeline"]


@Language.factory("actor_resolver", default_config={"references": REFERENCES})
def make_actor_resolver(nlp: Language, name: str, packs: list[str], references: str) -> ActorResolver:
    """The ``actor_resolver`` component with the catalog of ``packs`` (names or pack folders) and
    the titles and role nouns of ``references`` (the shipped ``references.yml``, or a file's path)."""
    return ActorResolver(load_catalog(packs), load_references(references))


def _split_hyphen_after_initialism(nlp: Language) -> None:
    """Let the tokenizer split "U.S.-Russia" and "U.S.-led" at the hyphen, as it splits "Kerry-Lavrov"."""
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes) + [r"(?<=[A-Z]\.)-(?=[A-Za-z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def _check(catalog: Catalog) -> None:
    if not isinstance(catalog, Catalog):
        raise TypeError(f"actor_pipeline takes a Catalog (load_catalog(['syria'])), not {type(catalog).__name__}.")
    if not catalog.packs:
        raise ValueError("this catalog names no packs, so the pipeline could not rebuild it: "
                         "load it with load_catalog([...]).")
    if catalog != load_catalog(catalog.packs):
        raise ValueError(f"this catalog differs from the catalog of its packs {list(catalog.packs)} "
                         "(changed after loading?): change the pack files instead and load it again.")


@Language.component("trim_entity_whitespace")
def trim_entity_whitespace(doc: Doc) -> Doc:
    """Entities without whitespace tokens at their edges: spaCy's NER sometimes runs an entity
    over a paragraph break ("the Castello Road Also\n\n")."""
    trimmed, changed = [], False
    for ent in doc.ents:
        start, end = ent.start, ent.end
        while start < end and doc[start].is_space:
            start += 1
        while end > start and doc[end - 1].is_space:
            end -= 1
        changed |= (start, end) != (ent.start, ent.end)
        if start < end:
            trimmed.append(ent if (start, end) == (ent.start, ent.end)
                           else Span(doc, start, end, ent.label, kb_id=ent.kb_id, span_id=ent.id))
    if changed:
        doc.ents = trimmed
    return doc


@Language.component("pronoun_links")
def pronoun_links(doc: Doc) -> Doc:
    """What the mention table reads of the ``pronoun_resolver``'s links: for each linked pronoun of
    ``doc.spans[PRONOUN_SPANS]``, ``doc.user_data[PRONOUNS_KEY][pronoun offsets]`` = the offsets of
    the entity it stands for: its antecedent when that is an entity, else the last entity of the
    antecedent's chain before the pronoun (else the chain's first entity), else the antecedent
    itself (another linked pronoun, the chain then followed by :func:`helpers.actors.tables.pronoun_rows`)."""
    ents = {(e.start_char, e.end_char) for e in doc.ents}
    links = {}
    for span in doc.spans.get(PRONOUN_SPANS, []):
        record = span._.antecedent
        ante = (record["start_char"], record["end_char"])
        if ante not in ents:
            chain = sorted(tuple(c) for c in record["chain"] if tuple(c) in ents)
            before = [c for c in chain if c[1] <= span.start_char]
            ante = before[-1] if before else chain[0] if chain else ante
        links[(span.start_char, span.end_char)] = ante
    doc.user_data[PRONOUNS_KEY] = links
    return doc


def _add_patterns(nlp: Language, ruler, patterns: list[dict]) -> None:
    """Add phrase patterns to an EntityRuler with every component disabled: the ruler would run
    the components before it (tagger, parser, ...) on each pattern, which its matching on ORTH or
    LOWER never reads (10 s instead of 1 s for the world pack's 12,000 patterns)."""
    with nlp.select_pipes(disable=nlp.pipe_names):
        ruler.add_patterns(patterns)


def new_actor_pipeline(catalog: Catalog) -> Language:
    """A fresh, uncached actor pipeline of ``catalog`` (to add components to, or to time)."""
    _check(catalog)
    nlp = new_nlp()
    _split_hyphen_after_initialism(nlp)
    names = nlp.add_pipe("entity_ruler", name="actor_names", before="ner", config={"phrase_matcher_attr": "LOWER"})
    _add_patterns(nlp, names, catalog.ruler_patterns(multiword=True))
    acronyms = nlp.add_pipe("entity_ruler", name="actor_acronyms", before="ner")
    _add_patterns(nlp, acronyms, catalog.ruler_patterns(multiword=False))
    after = nlp.add_pipe("entity_ruler", name="seats_demonyms", after="ner", config={"overwrite_ents": False})
    _add_patterns(nlp, after, catalog.after_ner_patterns())
    nlp.add_pipe("headline_entities", after="ner", config={"rerun": ["actor_names", "actor_acronyms", "ner"]})
    nlp.add_pipe("trim_entity_whitespace")
    nlp.add_pipe("actor_resolver", last=True, config={"packs": list(catalog.packs)})
    nlp.add_pipe("pronoun_resolver", last=True, config={"encoder": False})
    nlp.add_pipe("pronoun_links", last=True)
    return nlp


def actor_pipeline(catalog: Catalog) -> Language:
    """The English pipeline with the components of ``catalog`` (from :func:`load_catalog`), built
    once per process and list of packs: do not add components to it (use :func:`new_actor_pipeline`)."""
    _check(catalog)
    return _cached_pipeline(catalog.packs)


@lru_cache(maxsize=4)
def _cached_pipeline(packs: tuple[str, ...]) -> Language:
    return new_actor_pipeline(load_catalog(packs))
