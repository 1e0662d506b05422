"""Reported speech: the one quotation finder and the one reporting-verb list, used by
:mod:`helpers.blame` and :mod:`helpers.sentiment` alike.

API
---
``quotations(text, marks, *, by_context=False, paragraphs=False) -> list[Quotation]``
    The quotations of ``text``: ``Quotation(start, end, opened)``, ``text[start:end]`` the quoted
    text (marks excluded), ``opened`` the opening mark's offset. ``marks`` are pairs
    ``(opening, closing)``, each scanned on its own (results per pair, in text order).
    ``by_context``: a mark opens or closes by its neighbours (a space or ``([{:;,-`` and an em
    dash before, no space after: opening), not by alternation. ``paragraphs``: a quotation ends at
    a blank line at the latest and one left open runs there (or to the text's end) instead of
    being dropped. Blame reads whole clean documents with both on; sentiment reads sentences
    with both off (see :mod:`helpers.quotes.finder`).
``quotation_spans(text, marks, *, by_context=False, paragraphs=False) -> list[tuple[int, int]]``
    The same as ``(start, end)`` pairs.
``load_marks(use, path=SPEECH) -> tuple[tuple[str, str], ...]``
    The quotation marks ``use`` (``"blame"`` or ``"sentiment"``, :data:`USES`) recognises.
``load_reporting_verbs(use, path=SPEECH) -> frozenset[str]``
    The reporting verbs (lemmas) ``use`` reads: the subject of one is the speaker.
``SPEECH``
    ``speech.yml`` in this package: the reporting verbs and the quotation marks, each entry with
    the users that read it, and their provenance.

Example::

    from helpers.quotes import load_marks, quotation_spans
    quotation_spans('He said "no" twice.', load_marks("sentiment"))   # [(9, 11)]
"""

from helpers.quotes.finder import OPENING_CONTEXT, PARAGRAPH_BREAK, Quotation, quotation_spans, quotations
from helpers.quotes.speech import SPEECH, USES, load_marks, load_reporting_verbs

__all__ = ["Quotation", "quotations", "quotation_spans", "OPENING_CONTEXT", "PARAGRAPH_BREAK", "SPEECH", "USES",
           "load_marks", "load_reporting_verbs"]
