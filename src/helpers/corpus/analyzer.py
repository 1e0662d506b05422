"""Analysing batches of documents into the suite's tables, with one set of :class:`Resources`.

:class:`Analyzer` prepares each document (read problems, cleaning, the language check), parses
the batch with the resources' actor pipeline (:func:`~helpers.corpus.parsing.parse_batch`; a
document longer than ``max_chunk_chars`` is parsed in paragraph chunks and joined, offsets
unchanged), then builds each document's sentences, mentions, blame and responsible actor
and quotes (extraction) and its sentiment (scoring) with the resources' catalog, lexicon and sentiment
scorer. Every document's rows depend on that document only. An exception in any stage of one
document costs that document alone: it keeps its ``documents`` row with the stage and the
exception in ``error`` (:func:`~helpers.corpus.failures.stage_error`), its other rows are
dropped, and the rest of the batch is analysed as if it had not been there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from helpers.corpus.failures import stage_error
from helpers.corpus.parsing import parse_batch
from helpers.corpus.readers import RawDocument
from helpers.corpus.sentences import sentence_docs, sentence_rows
from helpers.schema import BLAME_COLUMNS, QUOTE_COLUMNS, SENTENCE_COLUMNS, TABLES, coerce
from helpers.text import CleanDocument, clean, language_problem

if TYPE_CHECKING:  # the pipeline libraries load with the resources, not with helpers.corpus
    from helpers.resources import Resources

__all__ = ["Analyzer", "MAX_CHUNK_CHARS"]

#: The longest text given to spaCy at once (longer documents are parsed in chunks).
MAX_CHUNK_CHARS = 100_000


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

    from helpers.actors import shift_mention_data

    doc = Doc.from_docs(parts, ensure_whitespace=False, exclude=["user_data"])
    for part, off in zip(parts, offsets):
        for key, entries in shift_mention_data(part.user_data, off).items():
            doc.user_data.setdefault(key, {}).update(entries)
    return doc


def _joined(per_doc: list[dict[str, pd.DataFrame]]) -> dict[str, pd.DataFrame]:
    """Each table of the documents' tables, concatenated and coerced (:func:`helpers.schema.coerce`)."""
    out = {}
    for name in TABLES:
        frames = [t[name] for t in per_doc if name in t and len(t[name])]
        out[name] = coerce(pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(), name)
    return out


def _batch_tables(per_doc: list[dict[str, pd.DataFrame]], rows: list[dict]) -> dict[str, pd.DataFrame]:
    """The batch's tables from each document's tables and ``documents`` row, coerced once for
    the batch; if that fails, document by document, and a document whose tables cannot be coerced
    loses them (its ``error`` says so) instead of costing the batch."""
    try:
        tables = _joined(per_doc)
    except Exception:  # noqa: BLE001 - isolate the document at fault below
        for k, t in enumerate(per_doc):
            try:
                _joined([t])
            except Exception as exc:  # noqa: BLE001 - recorded per document
                per_doc[k] = {}
                for key in ("responsible", "responsible_score", "sentiment"):
                    rows[k].pop(key, None)
                rows[k].update(n_sentences=0, n_words=0, error=stage_error("tables", exc))
        tables = _joined(per_doc)
    tables["documents"] = coerce(pd.DataFrame(rows), "documents")
    return tables


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
            row["n_paragraphs"] = len(cdoc.paragraphs)
            if not cdoc.text.strip():
                row["error"] = "empty document (no text after cleaning)"
                return None, row
            row["error"] = language_problem(cdoc.text)
        except Exception as exc:  # noqa: BLE001 - recorded per document; the run goes on
            row.update(n_paragraphs=0, error=stage_error("cleaning", exc))
            return None, row
        return (None if row["error"] else cdoc), row

    def batch(self, raws: list[RawDocument]) -> dict[str, pd.DataFrame]:
        """The tables (:data:`helpers.schema.TABLES`) for ``raws``, rows in input order (within a
        document, in text order)."""
        prepared = [self._prepare(raw) for raw in raws]
        items = []
        for i, (cdoc, _) in enumerate(prepared):
            if cdoc is not None:
                for k, (s, e) in enumerate(_chunk_bounds(cdoc.text, cdoc.paragraphs, self.max_chunk_chars)):
                    items.append((cdoc.text[s:e], (i, k, s)))
        parsed, failed = parse_batch(self.nlp, items, self.batch_size)
        parts: dict[int, list] = {}
        for _, ctx in items:
            parts.setdefault(ctx[0], []).append(ctx)
        per_doc: list[dict[str, pd.DataFrame]] = []
        for i, (cdoc, row) in enumerate(prepared):
            tables = {}
            if cdoc is not None:
                errors = [failed[ctx] for ctx in parts[i] if ctx in failed]
                if errors:
                    row["error"] = errors[0]
                else:
                    docs = [(parsed[ctx], ctx[2]) for ctx in parts[i]]
                    tables = self._isolated(cdoc, docs, row)
            per_doc.append(tables)
        return _batch_tables(per_doc, [row for _, row in prepared])

    def _isolated(self, cdoc: CleanDocument, docs: list, row: dict) -> dict[str, pd.DataFrame]:
        """The document's tables, or none and the stage that failed in ``row["error"]``."""
        stage = "extraction"
        try:
            sdoc = docs[0][0] if len(docs) == 1 else _merge_docs([d for d, _ in docs], [s for _, s in docs])
            tables = self._extract(cdoc, sdoc, row)
            stage = "scoring"
            tables.update(self._score(sdoc, tables, row))
            return tables
        except Exception as exc:  # noqa: BLE001 - recorded per document; its partial rows are dropped
            for key in ("responsible", "responsible_score", "sentiment"):
                row.pop(key, None)
            row.update(n_sentences=0, n_words=0, error=stage_error(stage, exc))
            return {}

    def _extract(self, cdoc: CleanDocument, sdoc, row: dict) -> dict[str, pd.DataFrame]:
        """Sentences, mentions, quotes, blame and the responsible actor (into ``row``)."""
        from helpers.actors import mention_table
        from helpers.blame import extract_blame, responsible
        from helpers.quotes import document_attributions, quote_rows

        res = self.resources
        sentences = pd.DataFrame(sentence_rows(cdoc, sdoc), columns=SENTENCE_COLUMNS[:-2])
        mentions = mention_table([(cdoc.doc_id, sdoc)], res.catalog, {cdoc.doc_id: cdoc})
        attributions = document_attributions(sdoc, res.speech)  # blame's attribution reads the same, found once
        quotes = pd.DataFrame(quote_rows(cdoc.doc_id, sdoc, attributions, mentions, cdoc), columns=QUOTE_COLUMNS)
        # extract_blame's rows come sorted by (sent_id, cue_start, blamed, blamer), a unique key
        blame = pd.DataFrame(extract_blame(sdoc, cdoc.doc_id, res.catalog, res.lexicon, cdoc), columns=BLAME_COLUMNS)
        resp = responsible(blame, [cdoc.doc_id], catalog=res.catalog).iloc[0]
        row.update(n_sentences=len(sentences), n_words=sum(1 for t in sdoc if not (t.is_punct or t.is_space)),
                   responsible=resp["responsible"], responsible_score=resp["responsible_score"])
        return {"sentences": sentences, "mentions": mentions, "blame": blame, "actor_sentiment": pd.DataFrame(),
                "quotes": quotes}

    def _score(self, sdoc, tables: dict[str, pd.DataFrame], row: dict) -> dict[str, pd.DataFrame]:
        """The sentences with their sentiment, the actors' sentiment and the document's (into ``row``)."""
        from helpers.sentiment import actor_sentiment, document_sentiment

        scorer, sentences = self.resources.sentiment, tables["sentences"]
        if scorer is None or not len(sentences):
            return {}
        sentences, scored = scorer.score_document(sentences, tables["mentions"], sentence_docs(sdoc))
        row["sentiment"] = float(document_sentiment(sentences)["sentiment"].iloc[0])
        return {"sentences": sentences, "actor_sentiment": actor_sentiment(scored)}
