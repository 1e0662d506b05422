"""Reported speech: the one attribution finder (who says what: the quotes table), the one
quotation-mark finder and the one reporting-verb list, used by the quotes table,
:mod:`helpers.blame` (whose word a statement is), :mod:`helpers.sentiment` (``is_speaker``) and
the pronoun resolver (I and we in a quotation) alike.

API
---
``find_attributions(doc, speech) -> list[Attribution]``
    The attributions of a parsed spaCy ``Doc``: cue, speaker and content in character offsets,
    ``kind`` (direct, indirect, mixed) and the frame (``pattern``) that found it
    (:mod:`helpers.quotes.attributions`, frames in :mod:`helpers.quotes.frames`).
``quote_rows(doc_id, doc, attributions, mentions, clean) -> list[dict]``
    The quotes table's rows (:data:`QUOTE_COLUMNS`), speakers resolved to actors through the
    document's mention table; ``voices(quotes)`` counts attributions per speaker (named by
    ``speaker_labels(quotes)``).
``load_speech(use, path=SPEECH) -> Speech``
    The finder's vocabulary: the reporting verbs (with the clause-only and frame-only ones),
    the reporting and channel nouns, ``use``'s quotation marks.
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
    The quotation marks ``use`` (``"blame"``, ``"sentiment"`` or ``"quotes"``, :data:`USES`)
    recognises.
``load_reporting_verbs(path=SPEECH) -> frozenset[str]``
    The reporting verbs (lemmas): the attribution finder's one list.
``SPEECH``
    ``speech.yml`` in this package: the finder's words (reporting verbs and nouns, channels),
    the quotation marks with the users that recognise them, and their provenance.

Example::

    from helpers.quotes import load_marks, quotation_spans
    quotation_spans('He said "no" twice.', load_marks("sentiment"))   # [(9, 11)]
"""

from helpers.quotes.attributions import (
    ATTRIBUTIONS_KEY,
    KINDS,
    Attribution,
    attributions_holding,
    document_attributions,
    find_attributions,
)
from helpers.quotes.finder import OPENING_CONTEXT, PARAGRAPH_BREAK, Quotation, quotation_spans, quotations
from helpers.quotes.speech import SPEECH, USES, Speech, load_marks, load_reporting_verbs, load_speech
from helpers.quotes.table import QUOTE_COLUMNS, quote_rows, speaker_labels, voices

__all__ = ["Quotation", "quotations", "quotation_spans", "OPENING_CONTEXT", "PARAGRAPH_BREAK", "SPEECH", "USES",
           "load_marks", "load_reporting_verbs", "Speech", "load_speech", "Attribution", "find_attributions", "KINDS",
           "document_attributions", "attributions_holding", "ATTRIBUTIONS_KEY",
           "QUOTE_COLUMNS", "quote_rows", "voices", "speaker_labels"]
