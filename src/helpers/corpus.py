"""Reading a corpus (``.txt`` files, folders, CSV, JSONL) and analysing it into tables.

:func:`iter_documents` yields :class:`RawDocument` records from any mix of inputs;
:func:`analyze` cleans each document, runs the actor pipeline over the clean texts with
``nlp.pipe`` and returns the suite's tables (``documents``, ``sentences``, ``mentions``). A
document that fails is recorded in ``documents.error`` and the run goes on.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

import pandas as pd

from helpers.cleaning import CleanDocument, clean, read_text

__all__ = ["RawDocument", "InputError", "iter_documents", "analyze", "write_tables", "load_wikinews",
           "load_fakes", "DOCUMENT_COLUMNS", "SENTENCE_COLUMNS"]

DOCUMENT_COLUMNS = ["doc_id", "source", "n_paragraphs", "n_sentences", "n_words", "responsible",
                    "responsible_score", "sentiment", "error"]
SENTENCE_COLUMNS = ["doc_id", "sent_id", "paragraph", "start_char", "end_char", "raw_start", "raw_end", "text",
                    "sentiment", "vader"]


class InputError(Exception):
    """Bad input, reported to the user as one line naming the file and what to do."""


@dataclass
class RawDocument:
    doc_id: str
    text: str
    source: str
    encoding: str = "utf-8"
    meta: dict = field(default_factory=dict)


def _csv_rows(path: Path, id_field: str, text_field: str) -> Iterator[RawDocument]:
    text, encoding = read_text(path)
    csv.field_size_limit(sys.maxsize)
    reader = csv.DictReader(text.splitlines(keepends=True))
    fields = reader.fieldnames or []
    for name, flag in ((text_field, "--text-field"), (id_field, "--id-field")):
        if name not in fields:
            raise InputError(f"{path}: no column {name!r} (columns: {', '.join(fields) or 'none'}); "
                             f"name the right one with {flag}.")
    for row in reader:
        yield RawDocument(str(row[id_field]), row[text_field] or "", path.name, encoding,
                          {k: v for k, v in row.items() if k not in (id_field, text_field)})


def _jsonl_rows(path: Path, id_field: str, text_field: str) -> Iterator[RawDocument]:
    text, encoding = read_text(path)
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{n}: not valid JSON ({exc.msg}); each line must be one JSON object.") from exc
        for name, flag in ((text_field, "--text-field"), (id_field, "--id-field")):
            if name not in rec:
                raise InputError(f"{path}:{n}: no field {name!r} (fields: {', '.join(rec) or 'none'}); "
                                 f"name the right one with {flag}.")
        yield RawDocument(str(rec[id_field]), rec[text_field] or "", path.name, encoding,
                          {k: v for k, v in rec.items() if k not in (id_field, text_field)})


def iter_documents(paths: Iterable[str | Path], id_field: str = "id", text_field: str = "text") -> Iterator[RawDocument]:
    """Documents from ``.txt`` files, folders of ``.txt`` files, ``.csv`` and ``.jsonl`` files.

    A ``.txt`` document's id is its file name without the extension; a CSV/JSONL document's id
    is its ``id_field``. Ids must be unique across the inputs.
    """
    seen: dict[str, str] = {}
    for name in paths:
        p = Path(name)
        if p.is_dir():
            files = sorted(p.glob("*.txt"))
            if not files:
                raise InputError(f"{p}: folder has no .txt files. Point to .txt, .csv or .jsonl files, or a folder of .txt files.")
            docs: Iterable[RawDocument] = (_txt(f) for f in files)
        elif not p.exists():
            raise InputError(f"{p}: no such file or folder. Check the path.")
        elif p.suffix.lower() == ".csv":
            docs = _csv_rows(p, id_field, text_field)
        elif p.suffix.lower() in (".jsonl", ".ndjson"):
            docs = _jsonl_rows(p, id_field, text_field)
        else:
            docs = [_txt(p)]
        for doc in docs:
            if doc.doc_id in seen:
                raise InputError(f"{doc.source}: document id {doc.doc_id!r} also comes from {seen[doc.doc_id]}; "
                                 "ids must be unique (rename a file or fix the id column).")
            seen[doc.doc_id] = doc.source
            yield doc


def _txt(path: Path) -> RawDocument:
    try:
        text, encoding = read_text(path)
    except OSError as exc:
        raise InputError(str(exc)) from exc
    return RawDocument(path.stem, text, path.name, encoding)


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
# Analysis
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


def analyze(documents: Iterable[RawDocument], nlp=None, batch_size: int = 32, progress: bool = False,
            sentiment: bool = True) -> dict[str, pd.DataFrame]:
    """Clean and analyse documents; return the ``documents``, ``sentences``, ``mentions``,
    ``blame`` and ``actor_sentiment`` tables (``documents`` with each document's ``responsible``
    actor and ``sentiment``). ``sentiment=False`` skips the sentiment scorers (columns empty)."""
    from tqdm import tqdm

    from helpers.blame import BLAME_COLUMNS, Lexicon, extract_blame, responsible
    from helpers.entities import Catalog, actor_pipeline, mention_table

    nlp = nlp or actor_pipeline()
    catalog, lexicon = Catalog.load(), Lexicon.load()
    doc_rows, sent_rows, mention_tables, blame_rows = [], [], [], []
    cleaned: list[tuple[CleanDocument, RawDocument]] = []
    for raw in documents:
        try:
            cdoc = clean(raw.text, doc_id=raw.doc_id)
        except Exception as exc:  # recorded per document; the run goes on
            doc_rows.append({"doc_id": raw.doc_id, "source": raw.source, "error": f"cleaning failed: {exc}"})
            continue
        if not cdoc.text.strip():
            doc_rows.append({"doc_id": raw.doc_id, "source": raw.source, "n_paragraphs": 0, "n_sentences": 0,
                             "n_words": 0, "error": "empty document (no text after cleaning)"})
            continue
        cleaned.append((cdoc, raw))
    texts = ((c.text, i) for i, (c, _) in enumerate(cleaned))
    bar = tqdm(total=len(cleaned), unit="doc", desc="analysing", disable=not progress, file=sys.stderr)
    for sdoc, i in nlp.pipe(texts, as_tuples=True, batch_size=batch_size):
        cdoc, raw = cleaned[i]
        try:
            sents = _sentence_rows(cdoc, sdoc)
            mentions = mention_table([(cdoc.doc_id, sdoc)], catalog, {cdoc.doc_id: cdoc})
            blame = extract_blame(sdoc, cdoc.doc_id, catalog, lexicon, cdoc)
        except Exception as exc:
            doc_rows.append({"doc_id": raw.doc_id, "source": raw.source, "error": f"analysis failed: {exc}"})
            continue
        sent_rows.extend(sents)
        mention_tables.append(mentions)
        blame_rows.extend(blame)
        doc_rows.append({"doc_id": raw.doc_id, "source": raw.source, "n_paragraphs": len(cdoc.paragraphs),
                         "n_sentences": len(sents), "n_words": sum(1 for t in sdoc if not (t.is_punct or t.is_space)),
                         "error": ""})
        bar.update()
    bar.close()
    blame_table = pd.DataFrame(blame_rows, columns=BLAME_COLUMNS).sort_values(
        ["doc_id", "sent_id", "cue_start", "blamed", "blamer"], ignore_index=True)
    resp = responsible(blame_table, [r["doc_id"] for r in doc_rows if not r.get("error")])
    from helpers.entities import MENTION_COLUMNS

    sentences = pd.DataFrame(sent_rows, columns=SENTENCE_COLUMNS[:-2]).sort_values(["doc_id", "sent_id"], ignore_index=True)
    mentions = (pd.concat(mention_tables, ignore_index=True) if mention_tables else pd.DataFrame(columns=MENTION_COLUMNS)
                ).sort_values(["doc_id", "start_char", "end_char"], ignore_index=True)
    from helpers import sentiment as senti

    if sentiment and len(sentences):
        sentences = senti.add_sentence_sentiment(sentences)
        doc_sent = senti.document_sentiment(sentences)
        actor_sent = senti.actor_sentiment(senti.mention_sentiment(mentions, sentences))
    else:
        sentences = sentences.reindex(columns=SENTENCE_COLUMNS)
        doc_sent = pd.DataFrame(columns=["doc_id", "sentiment"])
        actor_sent = pd.DataFrame(columns=senti.ACTOR_SENTIMENT_COLUMNS)
    documents = pd.DataFrame(doc_rows).drop(columns=["responsible", "responsible_score", "sentiment"], errors="ignore")
    documents = documents.merge(resp[["doc_id", "responsible", "responsible_score"]], on="doc_id", how="left")
    documents = documents.merge(doc_sent, on="doc_id", how="left").reindex(columns=DOCUMENT_COLUMNS)
    documents = documents.fillna({"error": "", "responsible": "", "responsible_score": 0.0})
    for col in ("n_paragraphs", "n_sentences", "n_words"):
        documents[col] = documents[col].fillna(0).astype(int)
    return {
        "documents": documents.sort_values("doc_id", ignore_index=True),
        "sentences": sentences,
        "mentions": mentions,
        "blame": blame_table,
        "actor_sentiment": actor_sent,
    }


def write_tables(tables: dict[str, pd.DataFrame], out_dir: str | Path) -> dict[str, Path]:
    """Write each table as ``<name>.csv`` in ``out_dir``, atomically (temporary name, then rename)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, table in tables.items():
        path = out / f"{name}.csv"
        tmp = out / f".{name}.csv.tmp"
        table.to_csv(tmp, index=False, lineterminator="\n")
        os.replace(tmp, path)
        paths[name] = path
    return paths
