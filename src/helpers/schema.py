"""The one definition of every table the suite writes: its columns, in order, and their types.

``analyze`` returns and ``analyze_to`` writes the tables :data:`TABLES`; each has the columns
:data:`COLUMNS` ``[table]`` (documented in the README) of the kinds :data:`DTYPES` ``[table]``
(``"str"``, ``"int"``, ``"float"`` or ``"bool"``), the same in memory, in CSV and in Parquet,
whatever the batch. The stage packages build their tables with these column lists
(``helpers.actors`` the mentions, ``helpers.blame`` the blame rows and ``responsible``,
``helpers.sentiment`` the actor sentiment) and re-export them.
"""

from __future__ import annotations

import pandas as pd

__all__ = ["TABLES", "COLUMNS", "DTYPES", "DOCUMENT_COLUMNS", "SENTENCE_COLUMNS", "MENTION_COLUMNS", "BLAME_COLUMNS",
           "ACTOR_SENTIMENT_COLUMNS", "QUOTE_COLUMNS", "RESPONSIBLE_COLUMNS", "coerce", "empty_tables", "arrow_schema"]

#: The tables :func:`helpers.corpus.analyze` returns and :func:`helpers.corpus.analyze_to` writes, in that order.
TABLES = ("documents", "sentences", "mentions", "blame", "actor_sentiment", "quotes")

DOCUMENT_COLUMNS = ["doc_id", "source", "format", "encoding", "n_paragraphs", "n_sentences", "n_words", "responsible",
                    "responsible_score", "sentiment", "error"]
SENTENCE_COLUMNS = ["doc_id", "sent_id", "paragraph", "start_char", "end_char", "raw_start", "raw_end", "text",
                    "sentiment", "vader"]
#: Column order of the mention table (stable; documented in the README). ``actor_key``: the catalog
#: id or the document actor's ``doc:<name>``; ``via``: name, alias, title, description or pronoun;
#: ``antecedent_*``: the clean and raw offsets of the mention it refers back to (-1 when none).
MENTION_COLUMNS = [
    "doc_id", "sent_id", "start_char", "end_char", "raw_start", "raw_end", "text", "label",
    "kind", "actor", "actor_id", "actor_key", "parent", "root", "source", "via", "antecedent_start",
    "antecedent_end", "raw_antecedent_start", "raw_antecedent_end",
]
#: Column order of the blame table. ``cue_family``: what the cue does (accusation, agency, criticism,
#: legal, admission, denial); ``blamer_implicit``: the blamer is the institution an agentless legal
#: act implies (``blamer_id`` ``implicit:police``); ``blamer_text``/``blamed_text``: the words in the
#: sentence (a pronoun when that is what it has), with clean and raw offsets (-1 when none).
BLAME_COLUMNS = [
    "doc_id", "sent_id", "sentence", "blamer", "blamed", "blamer_root", "blamed_root", "blamer_id", "blamed_id",
    "kind", "cue_family", "attribution", "blamer_implicit", "stance", "denied", "cue", "issue", "blamer_text",
    "blamed_text", "sent_start", "sent_end", "cue_start", "cue_end", "blamed_start", "blamed_end", "blamer_start",
    "blamer_end", "issue_start", "issue_end", "raw_cue_start", "raw_cue_end", "raw_sent_start", "raw_sent_end",
    "raw_blamer_start", "raw_blamer_end", "raw_blamed_start", "raw_blamed_end",
]
ACTOR_SENTIMENT_COLUMNS = ["doc_id", "actor", "mentions", "sentiment", "ci_low", "ci_high", "negative", "neutral",
                           "positive"]
#: Column order of the quotes table (:mod:`helpers.quotes`): one row per attribution. ``speaker``/
#: ``speaker_key``: the resolved actor (empty when the words name none); ``kind``: direct, indirect
#: or mixed; ``pattern``: the frame that found it; offsets -1 when absent (no speaker, no cue).
QUOTE_COLUMNS = [
    "doc_id", "sent_id", "speaker", "speaker_key", "speaker_text", "speaker_start", "speaker_end", "cue", "cue_start",
    "cue_end", "content", "content_start", "content_end", "kind", "pattern", "raw_speaker_start", "raw_speaker_end",
    "raw_cue_start", "raw_cue_end", "raw_content_start", "raw_content_end",
]
#: Columns of :func:`helpers.blame.responsible` (merged into ``documents``; not a table of its own).
RESPONSIBLE_COLUMNS = ["doc_id", "responsible", "responsible_score", "responsible_weight"]

#: ``{table: [column, ...]}`` for every table in :data:`TABLES`.
COLUMNS: dict[str, list[str]] = {
    "documents": DOCUMENT_COLUMNS,
    "sentences": SENTENCE_COLUMNS,
    "mentions": MENTION_COLUMNS,
    "blame": BLAME_COLUMNS,
    "actor_sentiment": ACTOR_SENTIMENT_COLUMNS,
    "quotes": QUOTE_COLUMNS,
}

_INTS = {"sent_id", "paragraph", "start_char", "end_char", "raw_start", "raw_end", "n_paragraphs", "n_sentences",
         "n_words", "mentions", "sent_start", "sent_end", "cue_start", "cue_end", "blamed_start", "blamed_end",
         "blamer_start", "blamer_end", "issue_start", "issue_end", "raw_cue_start", "raw_cue_end",
         "raw_sent_start", "raw_sent_end", "antecedent_start", "antecedent_end", "raw_antecedent_start",
         "raw_antecedent_end", "speaker_start", "speaker_end", "content_start", "content_end", "raw_speaker_start",
         "raw_speaker_end", "raw_content_start", "raw_content_end", "raw_blamer_start", "raw_blamer_end",
         "raw_blamed_start", "raw_blamed_end"}
_FLOATS = {"responsible_score", "sentiment", "vader", "ci_low", "ci_high", "negative", "neutral", "positive"}
_BOOLS = {"denied", "blamer_implicit"}


def _kind(column: str) -> str:
    return "int" if column in _INTS else "float" if column in _FLOATS else "bool" if column in _BOOLS else "str"


#: ``{table: {column: "str" | "int" | "float" | "bool"}}`` for every table in :data:`TABLES`, columns in order.
DTYPES: dict[str, dict[str, str]] = {name: {c: _kind(c) for c in cols} for name, cols in COLUMNS.items()}


def coerce(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """``df`` with exactly the table's columns, in order, each of its type (ints never float;
    missing ints become -1, missing strings "", missing bools False)."""
    cols = DTYPES[table]
    out = df.reindex(columns=list(cols))
    for c, kind in cols.items():
        if kind == "int":
            out[c] = out[c].fillna(-1).astype("int64")
        elif kind == "float":
            out[c] = out[c].astype("float64")
        elif kind == "bool":
            out[c] = out[c].fillna(False).astype(bool)
        else:
            out[c] = out[c].astype(object).fillna("").astype(str)
    return out


def empty_tables() -> dict[str, pd.DataFrame]:
    """Every table, empty, with its columns and types."""
    return {name: coerce(pd.DataFrame(), name) for name in TABLES}


def arrow_schema(table: str):
    """The table's ``pyarrow`` schema (for Parquet)."""
    import pyarrow as pa

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    return pa.schema([(c, types[k]) for c, k in DTYPES[table].items()])
