"""Actors: catalog packs, the spaCy pipeline components that find actors, and mention tables.

    from helpers.actors import load_catalog, actor_pipeline, mention_table
    catalog = load_catalog(["syria"])              # or ["syria", "path/to/my_pack"]
    nlp = actor_pipeline(catalog)
    mentions = mention_table([("doc", nlp(text))], catalog)

Modules: :mod:`~helpers.actors.catalog` (the :class:`Catalog`), :mod:`~helpers.actors.packs`
(catalog packs: ``helpers/catalogs/README.md``), :mod:`~helpers.actors.pipeline` (the spaCy
pipeline), :mod:`~helpers.actors.resolver` and :mod:`~helpers.actors.coreference` (deciding in
context which entity is which actor), :mod:`~helpers.actors.tables` (mention tables and counts).
"""

from helpers.actors.catalog import TITLE_LABEL, Actor, Catalog, strip_name
from helpers.actors.packs import Pack, available_packs, load_catalog, pack_key, read_pack
from helpers.actors.pipeline import actor_pipeline, new_actor_pipeline
from helpers.actors.resolver import MENTIONS_KEY, ActorResolver
from helpers.actors.tables import (
    MENTION_COLUMNS,
    actor_frequency,
    cooccurrence,
    display_spans,
    label_frequency,
    mention_table,
    most_disputed_paragraph,
    raw_mention_table,
    reading,
    surface_frequency,
)

__all__ = [
    "Actor", "Catalog", "TITLE_LABEL", "strip_name",
    "Pack", "available_packs", "load_catalog", "pack_key", "read_pack",
    "actor_pipeline", "new_actor_pipeline",
    "MENTIONS_KEY", "ActorResolver",
    "MENTION_COLUMNS", "mention_table", "raw_mention_table", "actor_frequency", "surface_frequency",
    "label_frequency", "cooccurrence", "display_spans", "most_disputed_paragraph", "reading",
]
