"""Reading a corpus (``.txt``/``.html`` files, folders, CSV, JSONL) and analysing it into tables.

:func:`iter_documents` streams :class:`RawDocument` records from any mix of inputs (a file
that cannot be read or is not text becomes a document with its ``error`` set, so one bad file
never stops a run). :class:`Analyzer` holds the pipeline, catalog and lexicons, loaded once, and
analyses documents in batches through ``nlp.pipe``; :func:`analyze` returns the suite's tables
in memory (for notebooks), :func:`analyze_to` streams any corpus to CSV or Parquet tables in
constant memory, on one process or several (``n_process``), and :func:`analyze_dask` does the
same on a Dask cluster. Every document's results depend on that document only, so the tables
are identical whatever the process count, batch size or input format.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

import numpy as np
import pandas as pd

from helpers.text import (CleanDocument, NotTextError, clean, decode_bytes, html_to_text, language_problem,
                              looks_like_html)

__all__ = ["RawDocument", "InputError", "iter_documents", "count_documents", "Analyzer", "analyze", "analyze_to",
           "analyze_dask", "write_tables", "read_tables", "load_wikinews", "load_fakes", "DOCUMENT_COLUMNS",
           "SENTENCE_COLUMNS", "TABLE_COLUMNS", "TABLES"]

DOCUMENT_COLUMNS = ["doc_id", "source", "format", "encoding", "n_paragraphs", "n_sentences", "n_words", "responsible",
                    "responsible_score", "sentiment", "error"]
SENTENCE_COLUMNS = ["doc_id", "sent_id", "paragraph", "start_char", "end_char", "raw_start", "raw_end", "text",
                    "sentiment", "vader"]
#: The tables :func:`analyze` returns and :func:`analyze_to` writes, in that order.
TABLES = ("documents", "sentences", "mentions", "blame", "actor_sentiment")
#: Suffixes read as documents inside a folder.
DOCUMENT_SUFFIXES = (".txt", ".html", ".htm")


class InputError(Exception):
    """Bad input, reported to the user as one line naming the file and what to do."""


@dataclass
class RawDocument:
    """One input document. ``error`` is set (and ``text`` empty) when it could not be read;
    ``format`` is ``text`` or ``html`` (the text then being the page's extracted text)."""

    doc_id: str
    text: str
    source: str
    encoding: str = "utf-8"
    meta: dict = field(default_factory=dict)
    error: str = ""
    format: str = "text"


def _open_table(path: Path) -> tuple[io.TextIOBase, str]:
    """A text stream over a CSV/JSONL file in its detected encoding, read lazily (constant memory)."""
    import codecs

    try:
        fh = open(path, "rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot read the file ({exc.strerror}). Check the path and its permissions.") from exc
    with fh:
        head = fh.read(8192)
        decoder = codecs.getincrementaldecoder("utf-8")()
        encoding = "utf-8-sig" if head.startswith(b"\xef\xbb\xbf") else "utf-8"
        try:  # one streaming pass to choose the encoding (UTF-8, else cp1252)
            decode_bytes(head, str(path))
            fh.seek(0)
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except NotTextError as exc:
            raise InputError(str(exc)) from exc
        except UnicodeDecodeError:
            encoding = "cp1252"
    return open(path, encoding=encoding, errors="replace" if encoding == "cp1252" else "strict", newline=""), encoding


def _csv_rows(path: Path, id_field: str, text_field: str) -> Iterator[RawDocument]:
    fh, encoding = _open_table(path)
    with fh:
        csv.field_size_limit(sys.maxsize)
        reader = csv.DictReader(fh)
        fields = reader.fieldnames or []
        for name, flag in ((text_field, "--text-field"), (id_field, "--id-field")):
            if name not in fields:
                raise InputError(f"{path}: no column {name!r} (columns: {', '.join(fields) or 'none'}); "
                                 f"name the right one with {flag}.")
        for row in reader:
            yield _record(str(row[id_field]), row[text_field] or "", path.name, encoding,
                          {k: v for k, v in row.items() if k not in (id_field, text_field)})


def _jsonl_rows(path: Path, id_field: str, text_field: str) -> Iterator[RawDocument]:
    fh, encoding = _open_table(path)
    with fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{n}: not valid JSON ({exc.msg}); each line must be one JSON object.") from exc
            if not isinstance(rec, dict):
                raise InputError(f"{path}:{n}: a JSON {type(rec).__name__}, not an object; each line must be one JSON object.")
            for name, flag in ((text_field, "--text-field"), (id_field, "--id-field")):
                if name not in rec:
                    raise InputError(f"{path}:{n}: no field {name!r} (fields: {', '.join(rec) or 'none'}); "
                                     f"name the right one with {flag}.")
            text = rec[text_field]
            yield _record(str(rec[id_field]), text if isinstance(text, str) else ("" if text is None else str(text)),
                          path.name, encoding, {k: v for k, v in rec.items() if k not in (id_field, text_field)})


def _record(doc_id: str, text: str, source: str, encoding: str, meta: dict | None = None) -> RawDocument:
    """A document from text; an HTML page is reduced to its readable text."""
    if looks_like_html(text):
        return RawDocument(doc_id, html_to_text(text), source, encoding, meta or {}, format="html")
    return RawDocument(doc_id, text, source, encoding, meta or {})


def _folder_files(p: Path) -> list[Path]:
    return sorted(f for f in p.iterdir() if f.suffix.lower() in DOCUMENT_SUFFIXES and not f.name.startswith("."))


def _check_path(p: Path, id_field: str, text_field: str) -> None:
    """Fail fast, before any analysis: the path exists, a folder has documents, a table's first
    record has the id and text fields."""
    if not p.exists():
        raise InputError(f"{p}: no such file or folder. Check the path.")
    if p.is_dir() and not _folder_files(p):
        raise InputError(f"{p}: folder has no .txt or .html files. Point to .txt, .html, .csv or .jsonl files, "
                         "or a folder of .txt/.html files.")
    if p.is_file() and p.suffix.lower() == ".csv":
        next(_csv_rows(p, id_field, text_field), None)
    elif p.is_file() and p.suffix.lower() in (".jsonl", ".ndjson"):
        next(_jsonl_rows(p, id_field, text_field), None)


def iter_documents(paths: Iterable[str | Path], id_field: str = "id", text_field: str = "text") -> Iterator[RawDocument]:
    """Documents, streamed, from ``.txt``/``.html`` files, folders of them, ``.csv`` and ``.jsonl`` files.

    A file's document id is its name without the extension; a CSV/JSONL document's id is its
    ``id_field``. Ids must be unique across the inputs. Every path is checked before the first
    document is yielded (a missing path is an :class:`InputError`); a file in a folder that
    cannot be read, or is binary, is yielded with its ``error`` set.
    """
    paths = [Path(name) for name in paths]
    for p in paths:
        _check_path(p, id_field, text_field)
    return _documents(paths, id_field, text_field)


def _documents(paths: list[Path], id_field: str, text_field: str) -> Iterator[RawDocument]:
    seen: dict[str, str] = {}
    for p in paths:
        if p.is_dir():
            docs: Iterable[RawDocument] = (_file(f) for f in _folder_files(p))
        elif p.suffix.lower() == ".csv":
            docs = _csv_rows(p, id_field, text_field)
        elif p.suffix.lower() in (".jsonl", ".ndjson"):
            docs = _jsonl_rows(p, id_field, text_field)
        else:
            docs = [_file(p)]
        for doc in docs:
            if doc.doc_id in seen:
                raise InputError(f"{doc.source}: document id {doc.doc_id!r} also comes from {seen[doc.doc_id]}; "
                                 "ids must be unique (rename a file or fix the id column).")
            seen[doc.doc_id] = doc.source
            yield doc


def count_documents(paths: Iterable[str | Path]) -> int | None:
    """How many documents ``paths`` hold when that is cheap to know (files and folders), else None."""
    n = 0
    for name in paths:
        p = Path(name)
        if p.is_dir():
            n += len(_folder_files(p))
        elif p.suffix.lower() in (".csv", ".jsonl", ".ndjson"):
            return None
        else:
            n += 1
    return n


def _file(path: Path) -> RawDocument:
    try:
        data = path.read_bytes()
    except OSError as exc:
        fix = {errno.EACCES: "check its permissions", errno.EPERM: "check its permissions",
               errno.ENOENT: "the name is a broken link or the file was removed; restore or delete it",
               errno.EISDIR: "a folder named like a document; rename it or point to the files inside it"}
        return RawDocument(path.stem, "", path.name, "",
                           error=f"cannot read the file ({exc.strerror}); {fix.get(exc.errno, 'check the file')}")
    try:
        text, encoding = decode_bytes(data, path.name)
    except NotTextError as exc:
        return RawDocument(path.stem, "", path.name, "", error=str(exc).removeprefix(f"{path.name}: "))
    if path.suffix.lower() in (".html", ".htm") or looks_like_html(text):
        return RawDocument(path.stem, html_to_text(text), path.name, encoding, format="html")
    return RawDocument(path.stem, text, path.name, encoding)


# ------------------------------------------------------------------------------------------
# Table schemas: the same column types in CSV and Parquet, whatever the batch
# ------------------------------------------------------------------------------------------
def _columns() -> dict[str, dict[str, str]]:
    from helpers.blame import BLAME_COLUMNS
    from helpers.actors import MENTION_COLUMNS
    from helpers.sentiment import ACTOR_SENTIMENT_COLUMNS

    ints = {"sent_id", "paragraph", "start_char", "end_char", "raw_start", "raw_end", "n_paragraphs", "n_sentences",
            "n_words", "mentions", "sent_start", "sent_end", "cue_start", "cue_end", "blamed_start", "blamed_end",
            "blamer_start", "blamer_end", "issue_start", "issue_end", "raw_cue_start", "raw_cue_end",
            "raw_sent_start", "raw_sent_end"}
    floats = {"responsible_score", "sentiment", "vader", "ci_low", "ci_high", "negative", "neutral", "positive"}

    def kinds(cols):
        return {c: "int" if c in ints else "float" if c in floats else "bool" if c == "denied" else "str" for c in cols}

    return {"documents": kinds(DOCUMENT_COLUMNS), "sentences": kinds(SENTENCE_COLUMNS),
            "mentions": kinds(MENTION_COLUMNS), "blame": kinds(BLAME_COLUMNS),
            "actor_sentiment": kinds(ACTOR_SENTIMENT_COLUMNS)}


class _Lazy(dict):
    def __missing__(self, key):
        self.update(_columns())
        return dict.__getitem__(self, key)


#: ``{table: {column: "str" | "int" | "float" | "bool"}}`` for every table the suite writes.
TABLE_COLUMNS: dict[str, dict[str, str]] = _Lazy()


def _coerce(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """``df`` with exactly the table's columns, in order, each of its type (ints never float)."""
    cols = TABLE_COLUMNS[name]
    out = df.reindex(columns=list(cols))
    for c, kind in cols.items():
        if kind == "int":
            out[c] = out[c].fillna(-1).astype("int64")
        elif kind == "float":
            out[c] = out[c].astype("float64")
        elif kind == "bool":
            out[c] = out[c].fillna(False).astype(bool)
        else:
            out[c] = out[c].fillna("").astype(str)
    return out


def _empty_tables() -> dict[str, pd.DataFrame]:
    return {name: _coerce(pd.DataFrame(), name) for name in TABLES}


# ------------------------------------------------------------------------------------------
# Vendored development data (data/external/*/SOURCE.md)
# ------------------------------------------------------------------------------------------
def load_wikinews() -> pd.DataFrame:
    """Wikinews 2019-2021 (241 articles): ``doc_id`` (``wikinews_NNN``, the row number), url, date, title, text."""
    from helpers.paths import DATA_DIR

    df = pd.read_csv(DATA_DIR / "external" / "wikinews" / "articles.csv", encoding="utf-8", dtype=str,
                     keep_default_na=False)
    df.insert(0, "doc_id", [f"wikinews_{i:03d}" for i in range(len(df))])
    return df


def load_fakes() -> pd.DataFrame:
    """FA-KES development articles (239): ``doc_id`` (``fakes_<unit_id>``), the dataset's columns, ``text``.

    Four ``unit_id``s occur twice in the dataset (the same article annotated for two casualty
    events, sometimes with different responsible parties); their second row gets the id
    ``fakes_<unit_id>-2`` so that every row keeps its own label.
    """
    from helpers.paths import DATA_DIR

    df = pd.read_csv(DATA_DIR / "external" / "fakes_syria" / "dev.csv", encoding="utf-8", dtype=str,
                     keep_default_na=False)
    nth = df.groupby("unit_id").cumcount()
    df.insert(0, "doc_id", "fakes_" + df["unit_id"] + nth.map(lambda k: f"-{k + 1}" if k else ""))
    df["text"] = df["article_content"]
    return df


# ------------------------------------------------------------------------------------------
# Analysis of one batch of documents
# ------------------------------------------------------------------------------------------
def _sentence_rows(cdoc: CleanDocument, sdoc) -> list[dict]:
    from bisect import bisect_right

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
    """The actor pipeline, catalog, blame lexicon and (optionally) sentiment models, loaded once,
    applied to batches of documents.

    ``batch_size`` is spaCy's batch size; ``max_chunk_chars`` the longest text given to spaCy at
    once (longer documents are parsed in paragraph chunks and joined, offsets unchanged; spaCy's
    ``max_length`` never truncates them). Every document's rows depend on that document only.
    """

    def __init__(self, nlp=None, sentiment: bool | str = True, batch_size: int = 32, max_chunk_chars: int = 100_000):
        from helpers.blame import Lexicon
        from helpers.actors import Catalog, actor_pipeline

        self.nlp = nlp or actor_pipeline()
        self.catalog, self.lexicon = Catalog.load(), Lexicon.load()
        self.sentiment = _sentiment_method(sentiment)
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
        return {name: _coerce(pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(), name)
                for name, frames in out.items()}

    def _document(self, cdoc: CleanDocument, sdoc, row: dict) -> dict[str, pd.DataFrame]:
        from helpers import sentiment as senti
        from helpers.blame import BLAME_COLUMNS, extract_blame, responsible
        from helpers.actors import mention_table

        sentences = pd.DataFrame(_sentence_rows(cdoc, sdoc), columns=SENTENCE_COLUMNS[:-2])
        mentions = mention_table([(cdoc.doc_id, sdoc)], self.catalog, {cdoc.doc_id: cdoc})
        # extract_blame's rows come sorted by (sent_id, cue_start, blamed, blamer), a unique key
        blame = pd.DataFrame(extract_blame(sdoc, cdoc.doc_id, self.catalog, self.lexicon, cdoc), columns=BLAME_COLUMNS)
        resp = responsible(blame, [cdoc.doc_id]).iloc[0]
        row.update(n_sentences=len(sentences), n_words=sum(1 for t in sdoc if not (t.is_punct or t.is_space)),
                   responsible=resp["responsible"], responsible_score=resp["responsible_score"])
        actor_sent = pd.DataFrame()
        if self.sentiment and len(sentences):
            parsed = {}
            for sent in sdoc.sents:  # the document's own parse, so no sentence is parsed twice
                lead = len(sent.text) - len(sent.text.lstrip())
                span = sdoc.char_span(sent.start_char + lead, sent.start_char + len(sent.text.rstrip()))
                if span is not None:
                    parsed[span.text] = span.as_doc()
            if self.sentiment == "model":  # one encoder pass serves sentences and targets
                items, targets = senti.mention_items(mentions, sentences)
                scores, readings = senti.score_document(sentences["text"].tolist(), items, parsed)
                sentences = sentences.assign(sentiment=np.round(scores, 4),
                                             vader=np.round([senti.vader_score(t) for t in sentences["text"]], 4))
                scored = targets.assign(target_label=[lab for lab, _ in readings],
                                        target_score=np.round([sc for _, sc in readings], 4))
            else:
                sentences = senti.add_sentence_sentiment(sentences, self.sentiment)
                scored = senti.mention_sentiment(mentions, sentences, self.sentiment, parsed)
            row["sentiment"] = float(senti.document_sentiment(sentences)["sentiment"].iloc[0])
            actor_sent = senti.actor_sentiment(scored)
        return {"sentences": sentences, "mentions": mentions, "blame": blame, "actor_sentiment": actor_sent}


def _sentiment_method(sentiment: bool | str) -> str:
    """``True``/``"model"`` -> "model", ``"rules"`` -> "rules", ``False``/``None``/``"none"`` -> ""."""
    if sentiment is True or sentiment == "model":
        return "model"
    if sentiment in (False, None, "none", ""):
        return ""
    if sentiment == "rules":
        return "rules"
    raise ValueError(f"unknown sentiment {sentiment!r}: use 'model', 'rules' or 'none'")


def _batches(documents: Iterable[RawDocument], size: int) -> Iterator[list[RawDocument]]:
    batch: list[RawDocument] = []
    for doc in documents:
        batch.append(doc)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


# One analyzer per process (pool workers and Dask workers load the pipeline once).
_ANALYZERS: dict[tuple, Analyzer] = {}


def _process_analyzer(sentiment: bool | str, batch_size: int, max_chunk_chars: int) -> Analyzer:
    key = (sentiment, batch_size, max_chunk_chars)
    if key not in _ANALYZERS:
        _ANALYZERS[key] = Analyzer(sentiment=sentiment, batch_size=batch_size, max_chunk_chars=max_chunk_chars)
    return _ANALYZERS[key]


def _analyze_batch(raws: list[RawDocument], sentiment: bool | str, batch_size: int,
                   max_chunk_chars: int) -> dict[str, pd.DataFrame]:
    return _process_analyzer(sentiment, batch_size, max_chunk_chars).batch(raws)


_SINGLE_THREADED = {k: "1" for k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}


def _ordered(submit, batches: Iterable, window: int) -> Iterator:
    """Results of ``submit(batch)`` futures, in input order, with at most ``window`` pending:
    memory stays bounded however long the corpus."""
    from collections import deque

    pending: deque = deque()
    for b in batches:
        pending.append(submit(b))
        if len(pending) >= window:
            yield pending.popleft()
    while pending:
        yield pending.popleft()


def iter_analysis(documents: Iterable[RawDocument], n_process: int = 1, batch_size: int = 32, sentiment: bool | str = True,
                  nlp=None, max_chunk_chars: int = 100_000) -> Iterator[dict[str, pd.DataFrame]]:
    """The tables, one batch of ``batch_size`` documents at a time, in input order.

    ``n_process > 1`` analyses batches in that many worker processes (each loads the pipeline
    once, one BLAS/torch thread each); the results are the same as with one process.
    """
    if n_process < 1 or batch_size < 1:
        raise ValueError("n_process and batch_size must be at least 1")
    batches = _batches(documents, batch_size)
    if n_process == 1:
        analyzer = Analyzer(nlp=nlp, sentiment=sentiment, batch_size=batch_size, max_chunk_chars=max_chunk_chars)
        for b in batches:
            yield analyzer.batch(b)
        return
    import multiprocessing as mp

    saved = {k: os.environ.get(k) for k in _SINGLE_THREADED}
    os.environ.update(_SINGLE_THREADED)  # inherited by the workers: no thread oversubscription
    # fork is fast and needs no `if __name__ == "__main__"` guard in user scripts, but is unsafe
    # once torch's thread pools exist in this process: then the workers are spawned fresh.
    method = "spawn" if "torch" in sys.modules or sys.platform != "linux" else "fork"
    try:
        pool = mp.get_context(method).Pool(n_process)
    finally:
        for k, v in saved.items():
            os.environ.pop(k) if v is None else os.environ.__setitem__(k, v)
    with pool:
        submit = lambda b: pool.apply_async(_analyze_batch, (b, sentiment, batch_size, max_chunk_chars))  # noqa: E731
        for result in _ordered(submit, batches, window=2 * n_process):
            yield result.get()


# ------------------------------------------------------------------------------------------
# In memory (notebooks) and streamed to disk (the command line)
# ------------------------------------------------------------------------------------------
def analyze(documents: Iterable[RawDocument], nlp=None, batch_size: int = 32, progress: bool = False,
            sentiment: bool | str = True, n_process: int = 1) -> dict[str, pd.DataFrame]:
    """Clean and analyse documents; return the ``documents``, ``sentences``, ``mentions``,
    ``blame`` and ``actor_sentiment`` tables, sorted by document (``documents`` with each
    document's ``responsible`` actor and ``sentiment``; failed documents keep a row with their
    ``error``). ``sentiment``: ``True``/``"model"`` (the learned scorers), ``"rules"`` (the rule
    scorers alone: fast, less accurate) or ``False`` (columns empty)."""
    from tqdm import tqdm

    parts: dict[str, list[pd.DataFrame]] = {name: [] for name in TABLES}
    with tqdm(unit="doc", desc="analysing", disable=not progress, file=sys.stderr) as bar:
        for tables in iter_analysis(documents, n_process=n_process, batch_size=batch_size, sentiment=sentiment, nlp=nlp):
            for name, t in tables.items():
                parts[name].append(t)
            bar.update(len(tables["documents"]))
    out = {name: _coerce(pd.concat(frames, ignore_index=True), name) if frames else _empty_tables()[name]
           for name, frames in parts.items()}
    # a stable sort by document keeps each document's rows in text order
    return {name: t.sort_values("doc_id", kind="stable", ignore_index=True) for name, t in out.items()}


class TableWriter:
    """Writes the tables batch by batch into a hidden temporary folder inside ``out_dir`` and
    moves each finished table into place (``os.replace``) only when the run completes, so an
    interrupted run leaves the previous results (or nothing), never a half-written table.
    Tables of the other format left by an earlier run are removed, so a folder holds one run."""

    def __init__(self, out_dir: str | Path, fmt: str = "csv"):
        import tempfile

        if fmt not in ("csv", "parquet"):
            raise InputError(f"unknown format {fmt!r}: use csv or parquet.")
        self.out, self.fmt = Path(out_dir), fmt
        try:
            self.out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(f"{self.out}: cannot create the output folder ({exc.strerror}). Choose another --out.") from exc
        for stale in self.out.glob(".analyze-*.tmp"):  # left by a run that was killed (not one still running)
            if not _alive(stale.name.split("-")[1]):
                shutil.rmtree(stale, ignore_errors=True)
        self.tmp = Path(tempfile.mkdtemp(prefix=f".analyze-{os.getpid()}-", suffix=".tmp", dir=self.out))
        self._writers: dict = {}
        self.rows = {name: 0 for name in TABLES}

    def _path(self, name: str, folder: Path | None = None) -> Path:
        return (folder or self.tmp) / f"{name}.{self.fmt}"

    def write(self, tables: dict[str, pd.DataFrame]) -> None:
        for name in TABLES:
            df = _coerce(tables.get(name, pd.DataFrame()), name)
            if self.fmt == "csv":
                if name not in self._writers or len(df):
                    df.to_csv(self._path(name), mode="a" if name in self._writers else "w",
                              header=name not in self._writers, index=False, lineterminator="\n")
                self._writers[name] = True
            else:
                import pyarrow as pa
                import pyarrow.parquet as pq

                if name not in self._writers:
                    self._writers[name] = pq.ParquetWriter(self._path(name), _arrow_schema(name))
                if len(df):
                    self._writers[name].write_table(pa.Table.from_pandas(df, schema=_arrow_schema(name), preserve_index=False))
            self.rows[name] += len(df)

    def close(self) -> dict[str, Path]:
        """Finish every table and move it into ``out_dir``; return their paths."""
        self.write({})  # every table exists, even if empty
        self._finish_writers()
        paths = {}
        for name in TABLES:
            final = self._path(name, self.out)
            os.replace(self._path(name), final)
            paths[name] = final
            other = self.out / f"{name}.{'parquet' if self.fmt == 'csv' else 'csv'}"
            other.unlink(missing_ok=True)
        shutil.rmtree(self.tmp, ignore_errors=True)
        return paths

    def abort(self) -> None:
        self._finish_writers()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def _finish_writers(self) -> None:
        for w in self._writers.values():
            if w is not True:
                w.close()
        self._writers = {k: True for k in self._writers}

    def __enter__(self) -> "TableWriter":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:
            self.abort()


def _alive(pid: str) -> bool:
    try:
        os.kill(int(pid), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:
        return True
    return True


def _arrow_schema(name: str):
    import pyarrow as pa

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    return pa.schema([(c, types[k]) for c, k in TABLE_COLUMNS[name].items()])


def write_tables(tables: dict[str, pd.DataFrame], out_dir: str | Path, fmt: str = "csv") -> dict[str, Path]:
    """Write in-memory tables (as :func:`analyze` returns them) to ``out_dir`` atomically."""
    with TableWriter(out_dir, fmt) as writer:
        writer.write(tables)
        return writer.close()


def read_tables(out_dir: str | Path) -> dict[str, pd.DataFrame]:
    """The tables an analysis wrote to ``out_dir`` (CSV or Parquet), with their column types."""
    out = Path(out_dir)
    tables = {}
    for name in TABLES:
        if (out / f"{name}.parquet").exists():
            tables[name] = _coerce(pd.read_parquet(out / f"{name}.parquet"), name)
        elif (out / f"{name}.csv").exists():
            dtypes = {c: str for c, k in TABLE_COLUMNS[name].items() if k == "str"}
            tables[name] = _coerce(pd.read_csv(out / f"{name}.csv", dtype=dtypes, keep_default_na=False,
                                               na_values={c: [""] for c, k in TABLE_COLUMNS[name].items() if k == "float"}), name)
        else:
            raise InputError(f"{out}: no {name}.csv or {name}.parquet; run `python -m helpers analyze ... --out {out}` first.")
    return tables


@dataclass
class RunSummary:
    documents: int
    failed: int
    words: int
    seconds: float
    paths: dict[str, Path]

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


def _stream(results: Iterable[dict[str, pd.DataFrame]], out_dir, fmt: str, progress: bool, total: int | None) -> RunSummary:
    from tqdm import tqdm

    t0, n, failed, words = time.perf_counter(), 0, 0, 0
    with TableWriter(out_dir, fmt) as writer, tqdm(total=total, unit="doc", desc="analysing", file=sys.stderr,
                                                    disable=not progress, smoothing=0.1) as bar:
        for tables in results:
            docs = tables["documents"]
            writer.write(tables)
            n, failed = n + len(docs), failed + int((docs["error"] != "").sum())
            words += int(docs["n_words"].sum())
            bar.update(len(docs))
            bar.set_postfix_str(f"{words / max(time.perf_counter() - t0, 1e-9):,.0f} words/s, {failed} failed")
        paths = writer.close()
    return RunSummary(n, failed, words, round(time.perf_counter() - t0, 3), paths)


def analyze_to(documents: Iterable[RawDocument], out_dir: str | Path, fmt: str = "csv", n_process: int = 1,
               batch_size: int = 32, sentiment: bool | str = True, progress: bool = False, total: int | None = None,
               nlp=None) -> RunSummary:
    """Analyse a corpus of any size into ``out_dir`` (tables as ``.csv`` or ``.parquet``),
    streaming: documents are read, analysed and written batch by batch, so memory does not grow
    with the corpus. Rows are in input order; a rerun into the same folder replaces the tables."""
    results = iter_analysis(documents, n_process=n_process, batch_size=batch_size, sentiment=sentiment, nlp=nlp)
    return _stream(results, out_dir, fmt, progress, total)


def analyze_dask(client, documents: Iterable[RawDocument], out_dir: str | Path, fmt: str = "parquet",
                 batch_size: int = 32, sentiment: bool | str = True, progress: bool = False,
                 total: int | None = None) -> RunSummary:
    """The same analysis on a Dask cluster: ``client`` is a ``distributed.Client``.

    Batches of ``batch_size`` documents are sent to the workers (each worker process loads the
    pipeline once and keeps it), at most two per worker thread in flight; results come back in
    input order and are written here as by :func:`analyze_to` (Parquet by default), so the
    tables are identical to a local run. Workers need this package and its pinned dependencies
    installed (the same environment as the client).
    """
    threads = sum(client.nthreads().values()) or 1

    def submit(batch):
        return client.submit(_analyze_batch, batch, sentiment, batch_size, 100_000, pure=False)

    results = (future.result() for future in _ordered(submit, _batches(documents, batch_size), window=2 * threads))
    return _stream(results, out_dir, fmt, progress, total)
