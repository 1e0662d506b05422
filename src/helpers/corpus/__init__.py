"""Corpus: reading documents of any shape and analysing them into the suite's tables.

- :mod:`~helpers.corpus.validation`: the whole input checked in one streaming pass before any analysis;
- :mod:`~helpers.corpus.readers`: ``.txt``/``.html`` files, folders, CSV and JSONL -> :class:`RawDocument`;
- :mod:`~helpers.corpus.analyzer`: :class:`Analyzer`, one batch of documents -> the tables, with
  :mod:`~helpers.corpus.parsing` (a failing document costs only itself), :mod:`~helpers.corpus.sentences`
  and :mod:`~helpers.corpus.failures` (errors by stage and kind);
- :mod:`~helpers.corpus.runners`: :func:`analyze` (in memory), :func:`analyze_to` (streamed, one
  process or several, resumable), :func:`analyze_dask` (a Dask cluster);
- :mod:`~helpers.corpus.writers`: the tables to and from CSV/Parquet, atomically and resumably.

Every run takes its resources explicitly (:func:`helpers.resources.load_resources`); the tables'
columns and types are :mod:`helpers.schema`.
"""

from helpers.corpus.analyzer import MAX_CHUNK_CHARS, Analyzer
from helpers.corpus.failures import error_kind, error_summary
from helpers.corpus.readers import DocumentStream, InputError, RawDocument, count_documents, iter_documents
from helpers.corpus.runners import RunSummary, analyze, analyze_dask, analyze_to, iter_analysis
from helpers.corpus.validation import InputPlan, validate_inputs
from helpers.corpus.writers import TableWriter, read_tables, write_tables
from helpers.schema import DOCUMENT_COLUMNS, SENTENCE_COLUMNS, TABLES

__all__ = ["RawDocument", "InputError", "iter_documents", "count_documents", "DocumentStream", "InputPlan",
           "validate_inputs", "error_kind", "error_summary", "Analyzer", "MAX_CHUNK_CHARS",
           "iter_analysis", "analyze", "analyze_to", "analyze_dask", "RunSummary", "TableWriter", "write_tables",
           "read_tables", "DOCUMENT_COLUMNS", "SENTENCE_COLUMNS",
           "TABLES"]
