"""Loaders of the development data in the checkout: the project's gold files and the vendored sets.

Owns every reader of ``data/gold/*.jsonl`` and ``data/external/*`` (each set's ``SOURCE.md``
says where it came from): the entity and blame gold (blame guideline versions 1 and 2),
Wikinews, FA-KES, VADER's NYT editorial sentences and NewsMTSC. These files belong to the
checkout, not to the installed package, so their default paths are resolved from
:mod:`helpers.paths` when a loader is called, never at import time. :func:`corpus_frame` reads a
corpus as a frame: the vendored Wikinews and FA-KES files by their loaders (so their ids are
those of every notebook), any other file or folder by :func:`helpers.corpus.iter_documents`.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Callable, Sequence

import pandas as pd

from helpers import paths

__all__ = ["load_entity_gold", "load_blame_gold", "load_blame_news", "load_wikinews", "load_fakes", "load_nyt",
           "load_newsmtsc", "corpus_frame", "NYT_FILE", "NEWSMTSC_FILE", "WIKINEWS_FILE", "FAKES_FILE",
           "NEWSMTSC_POLARITY"]

#: NewsMTSC's polarity codes and the labels the suite uses for them.
NEWSMTSC_POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
NYT_FILE = "data/external/vader_nyt_editorials/dev.tsv"  # in the checkout (development data)
NEWSMTSC_FILE = "data/external/newsmtsc/train.jsonl"
WIKINEWS_FILE = "data/external/wikinews/articles.csv"
FAKES_FILE = "data/external/fakes_syria/dev.csv"


def load_entity_gold(path: str | Path) -> list[dict]:
    """Read the entity gold (``data/gold/entities.jsonl``): one record per document."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_blame_gold(path: str | Path) -> list[dict]:
    """Read the blame gold (``data/gold/blame.jsonl``): one record per document."""
    return load_entity_gold(path)


def load_blame_news(path: str | Path) -> list[dict]:
    """Read the blame gold of ordinary news (``data/gold/blame_news.jsonl``, guideline version 2):
    one record per document; an error names a record of another guideline version."""
    records = load_entity_gold(path)
    for rec in records:
        if rec.get("guideline") != 2:
            raise ValueError(f"{path}: {rec.get('doc_id')} is not annotated under blame guideline version 2")
    return records


def load_wikinews() -> pd.DataFrame:
    """Wikinews 2019-2021 (241 articles): ``doc_id`` (``wikinews_NNN``, the row number), url, date, title, text."""
    df = pd.read_csv(paths.PROJECT_ROOT / WIKINEWS_FILE, encoding="utf-8", dtype=str, keep_default_na=False)
    df.insert(0, "doc_id", [f"wikinews_{i:03d}" for i in range(len(df))])
    return df


def load_fakes() -> pd.DataFrame:
    """FA-KES development articles (239): ``doc_id`` (``fakes_<unit_id>``), the dataset's columns, ``text``.

    Four ``unit_id``s occur twice in the dataset (the same article annotated for two casualty
    events, sometimes with different responsible parties); their second row gets the id
    ``fakes_<unit_id>-2`` so that every row keeps its own label.
    """
    df = pd.read_csv(paths.PROJECT_ROOT / FAKES_FILE, encoding="utf-8", dtype=str, keep_default_na=False)
    nth = df.groupby("unit_id").cumcount()
    df.insert(0, "doc_id", "fakes_" + df["unit_id"] + nth.map(lambda k: f"-{k + 1}" if k else ""))
    df["text"] = df["article_content"]
    return df


def load_nyt(path: str | Path | None = None) -> pd.DataFrame:
    """VADER's NYT editorial sentences: ``id, article, mean_rating, text`` (2,189 rows).
    ``path``: the TSV, by default :data:`NYT_FILE` in the checkout."""
    df = pd.read_csv(path or paths.PROJECT_ROOT / NYT_FILE, sep="\t", quoting=csv.QUOTE_NONE, keep_default_na=False,
                     dtype={"id": str, "text": str})
    df["article"] = df["id"].str.split("_").str[0]
    return df[["id", "article", "mean_rating", "text"]]


def load_newsmtsc(path: str | Path | None = None) -> pd.DataFrame:
    """NewsMTSC targets: ``sentence_id, sentence, start, end, mention, polarity, label`` (8,739 rows).
    ``path``: the JSONL, by default :data:`NEWSMTSC_FILE` in the checkout."""
    rows = []
    with open(path or paths.PROJECT_ROOT / NEWSMTSC_FILE, encoding="utf-8") as fh:
        for sid, line in enumerate(fh):
            if not line.strip():
                continue
            rec = json.loads(line)
            for t in rec["targets"]:
                rows.append({"sentence_id": sid, "sentence": rec["sentence_normalized"], "start": int(t["from"]),
                             "end": int(t["to"]), "mention": t["mention"], "polarity": float(t["polarity"]),
                             "label": NEWSMTSC_POLARITY[float(t["polarity"])]})
    return pd.DataFrame(rows)


def _vendored_loaders() -> dict[Path, Callable[[], pd.DataFrame]]:
    """The vendored corpora read by their own loaders, by resolved path (found when called)."""
    return {(paths.PROJECT_ROOT / FAKES_FILE).resolve(): load_fakes,
            (paths.PROJECT_ROOT / WIKINEWS_FILE).resolve(): load_wikinews}


def corpus_frame(path: str | Path | None, id_field: str, text_field: str, columns: Sequence[str]) -> pd.DataFrame:
    """The articles at ``path`` as a frame: ``doc_id``, ``text`` and the file's other columns.

    ``path``: a CSV or JSONL file or a folder (relative paths are taken from the project root, as
    the notebooks' parameters are); empty or None: no corpus, an empty frame with ``doc_id``,
    ``text`` and ``columns``. The vendored FA-KES and Wikinews files are read by
    :func:`load_fakes` and :func:`load_wikinews`, so their ids are those of the other notebooks
    (``fakes_<unit_id>``, ``wikinews_NNN``); any other input by
    :func:`helpers.corpus.iter_documents` with ``id_field`` and ``text_field``.
    """
    if not path:
        return pd.DataFrame(columns=["doc_id", "text", *columns])
    p = (paths.PROJECT_ROOT / path).resolve()
    loader = _vendored_loaders().get(p)
    if loader is not None:
        return loader()
    from helpers.corpus import iter_documents

    docs = iter_documents([p], id_field, text_field)
    return pd.DataFrame([{**d.meta, "doc_id": d.doc_id, "text": d.text} for d in docs])
