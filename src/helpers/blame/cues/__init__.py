"""Blame cues: one module per kind, each registering its kind and extractors
(:mod:`~helpers.blame.cues.registry`).

Every module of this folder is imported here, so its kinds are registered: a new kind of blame
cue is one module beside :mod:`~helpers.blame.cues.explicit`, :mod:`~helpers.blame.cues.agency`
and :mod:`~helpers.blame.cues.criticism` (``register(kind, order, weight)`` and its extractors)
plus its words in ``lexicon.yml`` (read with :meth:`~helpers.blame.lexicon.Lexicon.words`).
Nothing else changes: the kind order, the weights toward ``responsible`` and the dispatch follow
the registry.
"""

import importlib
import pkgutil

from helpers.blame.cues.registry import (
    KIND_ORDER,
    KIND_WEIGHTS,
    KINDS,
    Extractor,
    Kind,
    Row,
    cue_finder,
    cue_lemmas,
    register,
    unregister,
)

__all__ = ["Row", "Kind", "Extractor", "KINDS", "KIND_ORDER", "KIND_WEIGHTS", "register", "unregister",
           "cue_lemmas", "cue_finder"]

# The kind modules, in name order (the order they run in is the kind order, not this one).
for _module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
    if _module != "registry":
        importlib.import_module(f"{__name__}.{_module}")
