"""The resources an analysis runs with: catalog pack(s), blame lexicon, sentiment method.

A researcher chooses them once, by name or path, and every stage gets them from here:

    from helpers.resources import load_resources
    res = load_resources("world", sentiment="rules")          # or ["world", "syria"], ["world", "path/to/my_pack"]
    tables = analyze(iter_documents(paths), res)

:class:`ResourceSpec` is what was chosen (pack names or absolute pack folders, the lexicon's
path, the sentiment method): small, frozen and picklable, it is what worker processes and Dask
workers receive, and they rebuild exactly these resources from it. :class:`Resources` holds
what was loaded from it (the catalog, the lexicon, the sentiment scorer and the actor pipeline),
once per spec and process (:meth:`Resources.from_spec`). Nothing here falls back to a default:
the blame lexicon's default is the package's file (:data:`helpers.blame.BLAME_LEXICON`), visible
in the signature.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from spacy.language import Language

from helpers.actors import Catalog, actor_pipeline, load_catalog, new_actor_pipeline
from helpers.actors.packs import pack_key
from helpers.blame import BLAME_LEXICON, KIND_ORDER, Lexicon
from helpers.quotes import SPEECH, Speech, load_speech
from helpers.sentiment import SCORERS, SentimentScorer, load_scorer

__all__ = ["ResourceSpec", "Resources", "resource_spec", "load_resources", "NO_SENTIMENT"]

#: The sentiment method that scores nothing (the sentiment columns stay empty).
NO_SENTIMENT = "none"


def _sentiment_methods() -> tuple[str, ...]:
    return (*SCORERS, NO_SENTIMENT)  # read when called: a registered scorer counts


@dataclass(frozen=True)
class ResourceSpec:
    """What an analysis runs with, as names and paths (picklable; sent to worker processes).

    ``catalog``: catalog pack names (``"syria"``) or absolute pack folders, in order;
    ``lexicon``: the blame lexicon file; ``sentiment``: ``"model"``, ``"rules"`` or ``"none"``;
    ``cue_kinds``: the blame cue kinds registered where the spec was made (:data:`helpers.blame.KIND_ORDER`),
    which a worker must have too: a kind registered in a notebook or script is not registered in a
    spawned or Dask worker, whose blame rows would silently lack it.
    ``code``: Python modules (dotted names, or absolute ``.py`` paths) every process imports before
    loading, where the run's own spaCy factories, sentiment scorers or cue kinds are registered;
    ``components``: spaCy factories (registered with ``@Language.factory``/``component``) added, in
    order, at the end of the actor pipeline.
    """

    catalog: tuple[str, ...]
    lexicon: str
    sentiment: str
    cue_kinds: tuple[str, ...]
    code: tuple[str, ...] = ()
    components: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False)
class Resources:
    """The loaded resources of a :class:`ResourceSpec`: ``catalog`` (:class:`helpers.actors.Catalog`),
    ``lexicon`` (:class:`helpers.blame.Lexicon`), ``sentiment`` (a scorer of
    :func:`helpers.sentiment.load_scorer`, or None for ``"none"``), ``nlp`` (the actor pipeline
    of that catalog) and ``speech`` (the attribution finder's vocabulary, the ``quotes`` entries of
    :data:`helpers.quotes.SPEECH`)."""

    spec: ResourceSpec
    catalog: Catalog
    lexicon: Lexicon
    sentiment: SentimentScorer | None
    nlp: Language
    speech: Speech

    @classmethod
    def from_spec(cls, spec: ResourceSpec) -> "Resources":
        """The resources of ``spec``, loaded once per process and spec."""
        for module in spec.code:
            _import_code(module)
        here = tuple(KIND_ORDER)
        if here != spec.cue_kinds:
            raise RuntimeError(
                f"this process has the blame cue kinds {', '.join(here)}, the run was set up with "
                f"{', '.join(spec.cue_kinds)}: register a new kind in a module of src/helpers/blame/cues/ "
                "(imported by every process), not in a notebook or script, to use it with --n-process or Dask.")
        if spec not in _LOADED:
            catalog = load_catalog(spec.catalog)
            scorer = None if spec.sentiment == NO_SENTIMENT else load_scorer(spec.sentiment)
            nlp = actor_pipeline(catalog) if not spec.components else new_actor_pipeline(catalog)
            for factory in spec.components:
                nlp.add_pipe(factory)
            _LOADED[spec] = cls(spec, catalog, Lexicon.load(spec.lexicon), scorer, nlp, load_speech("quotes", SPEECH))
        return _LOADED[spec]


def _import_code(module: str) -> None:
    """Import a module by dotted name, or a ``.py`` file by path (once per process)."""
    import importlib
    import importlib.util
    import sys
    import zlib

    if not module.endswith(".py"):
        importlib.import_module(module)
        return
    name = f"_helpers_code_{Path(module).stem}_{zlib.crc32(module.encode()):08x}"
    if name in sys.modules:
        return
    found = importlib.util.spec_from_file_location(name, module)
    if found is None or found.loader is None:
        raise ImportError(f"{module}: cannot import this file; give an existing .py file or a module name.")
    sys.modules[name] = importlib.util.module_from_spec(found)
    found.loader.exec_module(sys.modules[name])


_LOADED: dict[ResourceSpec, Resources] = {}


def _pack_entries(catalog: str | Path | Sequence[str | Path]) -> tuple[str, ...]:
    """``"syria"``, ``"a,b"``, a folder or a list of them -> pack names and absolute pack folders
    (as :attr:`helpers.actors.Catalog.packs` records them, so any process finds the same packs)."""
    parts: list[str | Path] = []
    for item in [catalog] if isinstance(catalog, (str, Path)) else catalog:
        parts += [item] if isinstance(item, Path) else [p.strip() for p in str(item).split(",") if p.strip()]
    entries = tuple(pack_key(part) for part in parts)
    if not entries:
        raise ValueError(f"no catalog pack in {catalog!r}: name a pack (e.g. syria) or give a pack folder.")
    return entries


def resource_spec(catalog: str | Path | Sequence[str | Path], sentiment: str,
                  lexicon: str | Path = BLAME_LEXICON, code: Sequence[str | Path] = (),
                  components: Sequence[str] = ()) -> ResourceSpec:
    """The spec of these choices, checked: the packs load (a bad pack raises ``FileNotFoundError``
    or ``ValueError`` naming it), the lexicon exists, the ``code`` modules import, the sentiment
    method and the ``components``' factories are known. Cheap: no pipeline or model is loaded (the
    CLI checks a run's choices with it before starting workers)."""
    code = tuple(str(Path(c).expanduser().resolve()) if str(c).endswith(".py") else str(c) for c in code)
    for module in code:
        _import_code(module)
    unknown = [f for f in components if not Language.has_factory(f)]
    if unknown:
        raise ValueError(f"no spaCy factory {', '.join(map(repr, unknown))}: register it with @Language.factory "
                         "in a module given as code.")
    methods = _sentiment_methods()
    if sentiment not in methods:
        raise ValueError(f"unknown sentiment method {sentiment!r}: use one of {', '.join(methods)}.")
    lexicon_path = Path(lexicon).expanduser().resolve()
    if not lexicon_path.is_file():
        raise FileNotFoundError(f"{lexicon}: no such blame lexicon file. Check the path.")
    spec = ResourceSpec(_pack_entries(catalog), str(lexicon_path), sentiment, tuple(KIND_ORDER), code,
                        tuple(components))
    load_catalog(spec.catalog)
    return spec


def load_resources(catalog: str | Path | Sequence[str | Path], sentiment: str,
                   lexicon: str | Path = BLAME_LEXICON, code: Sequence[str | Path] = (),
                   components: Sequence[str] = ()) -> Resources:
    """Load (once per process and choice) the resources of an analysis.

    ``catalog``: a pack name (``"syria"``), comma-separated packs (``"syria,./my_pack"``), a pack
    folder's path, or a list of them; ``sentiment``: ``"model"`` (the learned scorers),
    ``"rules"`` (the rule scorers alone: fast, less accurate) or ``"none"`` (columns left empty);
    ``lexicon``: the blame lexicon file; ``code`` and ``components``: the run's own modules and
    spaCy components (see :class:`ResourceSpec`).
    """
    return Resources.from_spec(resource_spec(catalog, sentiment, lexicon, code, components))
