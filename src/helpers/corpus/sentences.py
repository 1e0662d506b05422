"""A parsed document's sentences: their table rows and their own spaCy Docs, in linear time.

:func:`sentence_rows` gives the ``sentences`` table rows of a document (offsets in the clean and
the raw text); :func:`sentence_docs` gives each sentence as a Doc of its own (what the sentiment
scorers read), built when first read, from one array of the whole document. spaCy's
``Span.as_doc`` copies the whole document's arrays and entities for every sentence, which made the
analysis quadratic in the length of a document; the Docs here are the same, token for token,
built in time linear in it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Mapping

from spacy.attrs import ENT_IOB
from spacy.tokens import Doc, Span

from helpers.text import CleanDocument

__all__ = ["sentence_rows", "sentence_docs", "SentenceDocs"]


def _trimmed(sent: Span) -> tuple[int, int]:
    """The sentence's character offsets without its leading and trailing whitespace."""
    text = sent.text
    return sent.start_char + (len(text) - len(text.lstrip())), sent.end_char - (len(text) - len(text.rstrip()))


def sentence_rows(cdoc: CleanDocument, sdoc: Doc) -> list[dict]:
    """The ``sentences`` rows of ``cdoc`` parsed as ``sdoc``, in text order."""
    par_starts = [s for s, _ in cdoc.paragraphs]
    rows = []
    for k, sent in enumerate(sdoc.sents):
        start, end = _trimmed(sent)
        raw_start, raw_end = cdoc.raw_span(start, end)
        rows.append({"doc_id": cdoc.doc_id, "sent_id": k, "paragraph": bisect_right(par_starts, start) - 1,
                     "start_char": start, "end_char": end, "raw_start": raw_start, "raw_end": raw_end,
                     "text": cdoc.text[start:end]})
    return rows


class SentenceDocs(Mapping):
    """``{sentence text: a Doc of exactly that sentence}`` for every sentence of a document (its
    whitespace trimmed), equal to ``span.as_doc()`` but from one array of the document. A
    sentence's Doc is built when it is first read (the scorers read only the sentences that
    mention an actor), the document's array once."""

    def __init__(self, sdoc: Doc):
        self._sdoc = sdoc
        self._spans = {}
        for sent in sdoc.sents:
            span = sdoc.char_span(*_trimmed(sent))
            if span is not None:
                self._spans[span.text] = span
        self._built: dict[str, Doc] = {}
        self._array = None

    def __getitem__(self, text: str) -> Doc:
        if text not in self._built:
            span = self._spans[text]
            if self._array is None:
                head = self._sdoc._get_array_attrs()
                self._array = (head, self._sdoc.to_array(head), {(e.start, e.end) for e in self._sdoc.ents})
            self._built[text] = _span_doc(span, *self._array)
        return self._built[text]

    def __iter__(self) -> Iterator[str]:
        return iter(self._spans)

    def __len__(self) -> int:
        return len(self._spans)

    def __contains__(self, text: object) -> bool:
        return text in self._spans


def sentence_docs(sdoc: Doc) -> SentenceDocs:
    """The :class:`SentenceDocs` of ``sdoc``: each sentence as a Doc of its own, built when read."""
    return SentenceDocs(sdoc)


def _span_doc(span: Span, head: list, array, doc_ents: set[tuple[int, int]]) -> Doc:
    """``span.as_doc()`` with the document's array given, and the span's entities found among
    ``doc_ents`` instead of by scanning the document (spaCy 3.8's ``Span.as_doc``, line for line)."""
    doc = Doc(span.doc.vocab, words=[t.text for t in span], spaces=[bool(t.whitespace_) for t in span])
    rows = array[span.start : span.end]
    span._fix_dep_copy(head, rows)
    if len(rows) > 0 and ENT_IOB in head and rows[0][head.index(ENT_IOB)] == 1:
        rows[0][head.index(ENT_IOB)] = 3
    doc.from_array(head, rows)
    own = doc.ents
    if own:  # an entity cut by the sentence's edge is left without entity annotation
        if (own[0].start + span.start, own[0].end + span.start) not in doc_ents:
            doc.set_ents([], missing=[own[0]], default="unmodified")
        if (own[-1].start + span.start, own[-1].end + span.start) not in doc_ents:
            doc.set_ents([], missing=[own[-1]], default="unmodified")
    source = span.doc
    doc.noun_chunks_iterator = source.noun_chunks_iterator
    doc.user_hooks = source.user_hooks
    doc.user_span_hooks = source.user_span_hooks
    doc.user_token_hooks = source.user_token_hooks
    doc.vector = span.vector
    doc.vector_norm = span.vector_norm
    doc.tensor = source.tensor[span.start : span.end]
    return doc
