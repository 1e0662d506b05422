"""Analysing batches of documents into the suite's tables, with one set of :class:`Resources`.

:class:`Analyzer` prepares each document (read problems, cleaning, the language check), parses
the batch with the resources' actor pipeline (``nlp.pipe``; a document longer than
``max_chunk_chars`` is parsed in paragraph chunks and joined, offsets unchanged), then builds
each document's sentences, mentions, blame, responsible actor and sentiment with the resources'
catalog, lexicon and sentiment scorer. Every document's rows depend on that document only, and
a document that fails gets its reason in ``documents.error`` while the batch goes on.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

import pandas as pd

from helpers.corpus.readers import RawDocument
from helpers.schema import BLAME_COLUMNS, SENTENCE_COLUMNS, TABLES, coerce
from helpers.text import CleanDocument, clean, language_problem

if TYPE_CHECKING:  # the pipeline libraries load with the resources, not with helpers.corpus
    from helpers.resources import Resources

__all__ = ["Analyzer", "MAX_CHUNK_CHARS"]

#: The longest text given to spaCy at once (longer documents are parsed in chunks).
MAX_CHUNK_CHARS = 100_000


def _sentence_rows(cdoc: CleanDocument, sdoc) -> list[dict]:
    par_starts = [s for s, _ in cdoc.paragraphs]
    rows = []
    for k, sent in enumerate(sdoc.sents):
        text = sent.text
        start = sent.start_char + (len(text) - len(text.lstrip()))
        end = sent.end_char - (len(text) - len(text.rstrip()))
        raw_start, raw_end = cdoc.raw_span(start, end)
        rows.append({"doc_id": cdoc.doc_id, "sent_id": k, "paragraph": bisect_right(par_starts, start) - 1,
                     "start_char": start, "end_char": end, "raw_start": raw_start, "raw_end": raw_end,
                     "text": cdoc.text[start:end]})
    return rows


def _sentence_parses(sdoc) -> dict:
    """``{sentence text: its own Doc}`` from the document's parse, so no sentence is parsed twice."""
    parsed = {}
    for sent in sdoc.sents:
        lead = len(sent.text) - len(sent.text.lstrip())
        span = sdoc.char_span(sent.start_char + lead, sent.start_char + len(sent.text.rstrip()))
        if span is not None:
            parsed[span.text] = span.as_doc()
    return parsed


def _chunk_bounds(text: str, paragraphs: list[tuple[int, int]], limit: int) -> list[tuple[int, int]]:
    """Split ``text`` into consecutive pieces of at most ``limit`` characters that cover it
    exactly, at paragraph starts (or, inside a longer paragraph, after a sentence end or space)."""
    if len(text) <= limit:
        return [(0, len(text))]
    cuts = [s for s, _ in paragraphs if s > 0]
    bounds, start = [], 0
    while len(text) - start > limit:
        fits = [c for c in cuts if start < c <= start + limit]
        if fits:
            cut = fits[-1]
        else:
            window = text[start:start + limit]
            k = max(window.rfind(". "), window.rfind("\n"))
            k = k + 2 if k > limit // 2 else window.rfind(" ") + 1
            cut = start + (k if k > 0 else limit)
        bounds.append((start, cut))
        start = cut
    bounds.append((start, len(text)))
    return bounds


def _merge_docs(parts: list, offsets: list[int]):
    """One spaCy Doc from consecutive chunk Docs, with the actor pipeline's mention data kept."""
    from spacy.tokens import Doc

    from helpers.actors import MENTIONS_KEY

    doc = Doc.from_docs(parts, ensure_whitespace=False, exclude=["user_data"])
    info = {}
    for part, off in zip(parts, offsets):
        for (s, e), v in part.user_data.get(MENTIONS_KEY, {}).items():
            info[(s + off, e + off)] = v
    doc.user_data[MENTIONS_KEY] = info
    return doc


class Analyzer:
    """The resources of an analysis (actor pipeline, catalog, blame lexicon, sentiment scorer),
    applied to batches of documents.

    ``batch_size`` is spaCy's batch size; ``max_chunk_chars`` the longest text given to spaCy at
    once (longer documents are parsed in paragraph chunks and joined, offsets unchanged; spaCy's
    ``max_length`` never truncates them). Every document's rows depend on that document only.
    """

    def __init__(self, resources: Resources, batch_size: int = 32, max_chunk_chars: int = MAX_CHUNK_CHARS):
        self.resources = resources
        self.nlp = resources.nlp
        self.batch_size = batch_size
        self.max_chunk_chars = min(max_chunk_chars, self.nlp.max_length)

    # -- preparation: read problems, cleaning, language -------------------------------------
    def _prepare(self, raw: RawDocument) -> tuple[CleanDocument | None, dict]:
        row = {"doc_id": raw.doc_id, "source": raw.source, "format": raw.format, "encoding": raw.encoding,
               "n_paragraphs": 0, "n_sentences": 0, "n_words": 0, "error": raw.error}
        if raw.error:
            return None, row
        try:
            cdoc = clean(raw.text, doc_id=raw.doc_id)
        except Exception as exc:  # recorded per document; the run goes on
            row["error"] = f"cleaning failed: {type(exc).__name__}: {exc}"
            return None, row
        row["n_paragraphs"] = len(cdoc.paragraphs)
        if not cdoc.text.strip():
            row["error"] = "empty document (no text after cleaning)"
            return None, row
        row["error"] = language_problem(cdoc.text)
        return (None if row["error"] else cdoc), row

    def batch(self, raws: list[RawDocument]) -> dict[str, pd.DataFrame]:
        """The five tables for ``raws``, rows in input order (within a document, in text order)."""
        prepared = [self._prepare(raw) for raw in raws]
        items = []
        for i, (cdoc, _) in enumerate(prepared):
            if cdoc is not None:
                for k, (s, e) in enumerate(_chunk_bounds(cdoc.text, cdoc.paragraphs, self.max_chunk_chars)):
                    items.append((cdoc.text[s:e], (i, k, s)))
        parsed: dict[int, list] = {}
        for sdoc, (i, k, s) in self.nlp.pipe(items, as_tuples=True, batch_size=self.batch_size):
            parsed.setdefault(i, []).append((sdoc, s))
        out: dict[str, list] = {name: [] for name in TABLES}
        for i, (cdoc, row) in enumerate(prepared):
            if cdoc is not None:
                try:
                    parts = parsed[i]
                    sdoc = parts[0][0] if len(parts) == 1 else _merge_docs([p for p, _ in parts], [s for _, s in parts])
                    tables = self._document(cdoc, sdoc, row)
                except Exception as exc:  # recorded per document; its partial rows are dropped
                    row.update(n_sentences=0, n_words=0, error=f"analysis failed: {type(exc).__name__}: {exc}")
                    tables = {}
                for name, t in tables.items():
                    out[name].append(t)
            out["documents"].append(pd.DataFrame([row]))
        return {name: coerce(pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(), name)
                for name, frames in out.items()}

    def _document(self, cdoc: CleanDocument, sdoc, row: dict) -> dict[str, pd.DataFrame]:
        from helpers.actors import mention_table
        from helpers.blame import extract_blame, responsible
        from helpers.sentiment import actor_sentiment, document_sentiment

        res = self.resources
        sentences = pd.DataFrame(_sentence_rows(cdoc, sdoc), columns=SENTENCE_COLUMNS[:-2])
        mentions = mention_table([(cdoc.doc_id, sdoc)], res.catalog, {cdoc.doc_id: cdoc})
        # extract_blame's rows come sorted by (sent_id, cue_start, blamed, blamer), a unique key
        blame = pd.DataFrame(extract_blame(sdoc, cdoc.doc_id, res.catalog, res.lexicon, cdoc), columns=BLAME_COLUMNS)
        resp = responsible(blame, [cdoc.doc_id], catalog=res.catalog).iloc[0]
        row.update(n_sentences=len(sentences), n_words=sum(1 for t in sdoc if not (t.is_punct or t.is_space)),
                   responsible=resp["responsible"], responsible_score=resp["responsible_score"])
        actor_sent = pd.DataFrame()
        if res.sentiment is not None and len(sentences):
            sentences, scored = res.sentiment.score_document(sentences, mentions, _sentence_parses(sdoc))
            row["sentiment"] = float(document_sentiment(sentences)["sentiment"].iloc[0])
            actor_sent = actor_sentiment(scored)
        return {"sentences": sentences, "mentions": mentions, "blame": blame, "actor_sentiment": actor_sent}
