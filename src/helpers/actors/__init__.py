"""Actors: catalog packs, the spaCy pipeline components that find actors, and mention tables.

    from helpers.actors import load_catalog, actor_pipeline, mention_table
    catalog = load_catalog(["syria"])              # or ["syria", "path/to/my_pack"]
    nlp = actor_pipeline(catalog)
    mentions = mention_table([("doc", nlp(text))], catalog)

Modules: :mod:`~helpers.actors.catalog` (the :class:`Catalog`), :mod:`~helpers.actors.packs`
(catalog packs: ``helpers/catalogs/README.md``), :mod:`~helpers.actors.pipeline` (the spaCy
pipeline), :mod:`~helpers.actors.resolver` (deciding in context which entity is which actor) with
:mod:`~helpers.actors.coreference` (acronyms, surnames), :mod:`~helpers.actors.titles` (a title and
a name as one mention), :mod:`~helpers.actors.document_actors` (actors outside the catalog),
:mod:`~helpers.actors.descriptions` (definite descriptions) and :mod:`~helpers.actors.references`
(titles and role nouns, ``references.yml``), :mod:`~helpers.actors.tables` (mention tables and counts).
"""

from helpers.actors.catalog import TITLE_LABEL, Actor, Catalog, strip_name
from helpers.actors.packs import Pack, available_packs, load_catalog, pack_key, read_pack
from helpers.actors.pipeline import actor_pipeline, new_actor_pipeline
from helpers.actors.references import REFERENCES, References, load_references
from helpers.actors.resolver import MENTIONS_KEY, PRONOUN_SPANS, PRONOUNS_KEY, ActorResolver, shift_mention_data
from helpers.actors.tables import (
    MENTION_COLUMNS,
    actor_frequency,
    chain_spans,
    cooccurrence,
    display_spans,
    label_frequency,
    mention_table,
    most_disputed_paragraph,
    most_linked_paragraph,
    pronoun_rows,
    raw_mention_table,
    reading,
    surface_frequency,
)

__all__ = [
    "Actor", "Catalog", "TITLE_LABEL", "strip_name",
    "Pack", "available_packs", "load_catalog", "pack_key", "read_pack",
    "actor_pipeline", "new_actor_pipeline",
    "MENTIONS_KEY", "PRONOUN_SPANS", "PRONOUNS_KEY", "ActorResolver", "shift_mention_data",
    "REFERENCES", "References", "load_references",
    "MENTION_COLUMNS", "mention_table", "pronoun_rows", "raw_mention_table", "actor_frequency", "surface_frequency",
    "label_frequency", "cooccurrence", "display_spans", "most_disputed_paragraph", "reading",
    "chain_spans", "most_linked_paragraph",
]
