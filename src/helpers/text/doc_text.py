"""A parsed document's text, joined once.

spaCy's ``Doc.text`` joins every token's text at each call (a new ``Token`` object per token), so
code that reads it per sentence, per row or per pass pays for the whole document each time: on
the 239 FA-KES development articles, 10,754 calls took 9% of an analysis. :func:`doc_text` joins
it once per ``Doc`` object and remembers it for as long as that object lives (a weak reference: a
copy, a pickled ``Doc`` or a sentence ``Doc`` is another object and joins its own text).
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

if TYPE_CHECKING:  # spaCy is not imported here: helpers.sentiment and helpers.quotes import without it
    from spacy.tokens import Doc

_TEXTS: WeakKeyDictionary[Doc, str] = WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined at the first call for this ``Doc`` object only."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text
