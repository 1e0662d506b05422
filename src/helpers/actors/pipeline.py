"""The actor pipeline: spaCy's English pipeline with the actor catalog inside it.

Recognition happens inside the pipeline, in this order:

``actor_names``, ``actor_acronyms`` (EntityRulers *before* the statistical NER)
    mark catalog aliases ("Islamic State", "Syrian Army", "Ahrar al-Sham"), places
    ("Deir-iz-Zor", "Aleppo") and titles; several-word names case-insensitively, one-word names
    and acronyms as written. The NER keeps working for everything else and cannot split or
    relabel what the rulers marked.
``seats_demonyms`` (an EntityRuler *after* the NER, never overwriting)
    marks catalog seats ("Moscow", "Kremlin") and demonyms ("Russian", "Syrians") the NER missed.
``actor_resolver`` (last; :mod:`helpers.actors.resolver`)
    decides in context which entity stands for which actor.

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

from helpers.actors.catalog import Catalog
from helpers.actors.packs import load_catalog
from helpers.actors.resolver import ActorResolver
from helpers.nlp import new_nlp

__all__ = ["actor_pipeline", "new_actor_pipeline"]


@Language.factory("actor_resolver")
def make_actor_resolver(nlp: Language, name: str, packs: list[str]) -> ActorResolver:
    """The ``actor_resolver`` component with the catalog of ``packs`` (names or pack folders)."""
    return ActorResolver(load_catalog(packs))


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


def new_actor_pipeline(catalog: Catalog) -> Language:
    """A fresh, uncached actor pipeline of ``catalog`` (to add components to, or to time)."""
    _check(catalog)
    nlp = new_nlp()
    _split_hyphen_after_initialism(nlp)
    names = nlp.add_pipe("entity_ruler", name="actor_names", before="ner", config={"phrase_matcher_attr": "LOWER"})
    names.add_patterns(catalog.ruler_patterns(multiword=True))
    acronyms = nlp.add_pipe("entity_ruler", name="actor_acronyms", before="ner")
    acronyms.add_patterns(catalog.ruler_patterns(multiword=False))
    after = nlp.add_pipe("entity_ruler", name="seats_demonyms", after="ner", config={"overwrite_ents": False})
    after.add_patterns(catalog.after_ner_patterns())
    nlp.add_pipe("trim_entity_whitespace")
    nlp.add_pipe("actor_resolver", last=True, config={"packs": list(catalog.packs)})
    return nlp


def actor_pipeline(catalog: Catalog) -> Language:
    """The English pipeline with the components of ``catalog`` (from :func:`load_catalog`), built
    once per process and list of packs: do not add components to it (use :func:`new_actor_pipeline`)."""
    _check(catalog)
    return _cached_pipeline(catalog.packs)


@lru_cache(maxsize=4)
def _cached_pipeline(packs: tuple[str, ...]) -> Language:
    return new_actor_pipeline(load_catalog(packs))
