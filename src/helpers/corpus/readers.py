"""Reading a corpus: ``.txt``/``.html`` files, folders of them, CSV and JSONL tables.

:func:`iter_documents` first checks the whole input in one cheap streaming pass
(:func:`helpers.corpus.validation.validate_inputs`: paths, fields on every record, CSV/JSONL syntax,
unique ids), so a problem with the input itself is an :class:`InputError` (one line naming the
file, the line numbers and the fix) raised before the first document is yielded, never in the
middle of a run. It then streams :class:`RawDocument` records in input order: CSV/JSONL files are
read lazily in the encoding chosen by the check, in constant memory.

One bad document never stops the stream: a file that cannot be read, is not text, or whose
decoding or HTML extraction fails for any reason becomes a document with its ``error`` set
("decoding failed: <Type>: <message>" for an unexpected failure).

Repeated ids are refused (``on_duplicate_id="error"``, the default) or kept under new ids
``x~2``, ``x~3`` (``"suffix"``), as the check decided. ``skip=k`` starts the stream at the
``k``-th document without decoding the ones before (to resume an interrupted run); the
renames stay those of the whole input. The returned stream carries the check's
:class:`~helpers.corpus.validation.InputPlan` as ``.plan`` (document count, renames, warnings).
"""

from __future__ import annotations

import errno
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from helpers.corpus.failures import stage_error
from helpers.corpus.validation import (
    DOCUMENT_SUFFIXES,
    InputError,
    InputPlan,
    InputSource,
    csv_columns,
    csv_records,
    jsonl_records,
    open_table,
    validate_inputs,
)
from helpers.text import NotTextError, decode_bytes, html_to_text, looks_like_html

__all__ = ["RawDocument", "InputError", "DocumentStream", "iter_documents", "count_documents",
           "DOCUMENT_SUFFIXES"]


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


class DocumentStream(Iterator[RawDocument]):
    """The documents of a checked input, one pass, in input order, from position ``skip``.

    ``plan`` is the check's :class:`InputPlan`; ``total`` the number of documents this stream yields.
    """

    def __init__(self, plan: InputPlan, skip: int) -> None:
        if skip < 0:
            raise ValueError(f"skip must be 0 or more, not {skip}")
        if skip > plan.n_documents:
            raise InputError(f"cannot skip {skip:,} documents: the input holds {plan.n_documents:,}. "
                             "Resume with the inputs of the interrupted run, or start again.")
        self.plan, self.skip = plan, skip
        self.total = plan.n_documents - skip
        self._documents = _documents(plan, skip)

    def __iter__(self) -> DocumentStream:
        return self

    def starting_at(self, skip: int) -> DocumentStream:
        """A new stream over the same checked input from position ``skip`` (no second check)."""
        return DocumentStream(self.plan, skip)

    def __next__(self) -> RawDocument:
        return next(self._documents)


def iter_documents(paths: Iterable[str | Path], id_field: str = "id", text_field: str = "text",
                   on_duplicate_id: str = "error", skip: int = 0) -> DocumentStream:
    """Documents, streamed, from ``.txt``/``.html`` files, folders of them, ``.csv`` and ``.jsonl`` files.

    A file's document id is its name without the extension; a CSV/JSONL document's id is its
    ``id_field``. The whole input is checked first (:func:`validate_inputs`): a problem with it is
    an :class:`InputError` raised here, before any document. ``on_duplicate_id``: ``"error"``
    refuses repeated ids, ``"suffix"`` renames the repeats ``x~2``, ``x~3``. ``skip``: start at the
    ``skip``-th document. The result is an iterator of :class:`RawDocument` with ``.plan``.
    """
    return DocumentStream(validate_inputs(paths, id_field, text_field, on_duplicate_id), skip)


def count_documents(paths: Iterable[str | Path], id_field: str = "id", text_field: str = "text") -> int:
    """How many documents ``paths`` hold (every CSV/JSONL record counts). Runs the full check
    (raising :class:`InputError` on bad input, repeated ids aside); a stream from
    :func:`iter_documents` already knows it as ``.plan.n_documents``."""
    return validate_inputs(paths, id_field, text_field, "suffix").n_documents


# --- streaming -----------------------------------------------------------------------------------
def _documents(plan: InputPlan, skip: int) -> Iterator[RawDocument]:
    """Every source's documents from position ``skip`` on, with the plan's renames applied."""
    offset = 0
    for source in plan.sources:
        start = max(skip - offset, 0)
        if start < source.n_documents:
            for index, doc in enumerate(_source_documents(source, plan, start), start=offset + start):
                rename = plan.renames.get(index)
                if rename is not None:
                    if doc.doc_id != rename.doc_id:
                        raise InputError(f"{rename.place}: the id is now {doc.doc_id!r}, not {rename.doc_id!r}: the "
                                         "input changed during the run. Run again on a copy that does not change.")
                    doc.doc_id = rename.new_id
                yield doc
        offset += source.n_documents


def _source_documents(source: InputSource, plan: InputPlan, start: int) -> Iterator[RawDocument]:
    if source.kind in ("folder", "file"):
        return (_file(f) for f in source.files[start:])
    if source.kind == "csv":
        return _csv_documents(source, plan.id_field, plan.text_field, start)
    return _jsonl_documents(source, plan.id_field, plan.text_field, start)


def _csv_documents(source: InputSource, id_field: str, text_field: str, start: int) -> Iterator[RawDocument]:
    """A CSV's documents from record ``start`` on; the records before are parsed, not decoded."""
    with open_table(source.path, source.encoding) as fh:
        names, records = csv_records(fh, source.path)
        id_i, text_i = csv_columns(names, source.path, id_field, text_field)
        for _, row in itertools.islice(records, start, None):
            yield _record(row[id_i], row[text_i], source.path.name, source.encoding,
                          _row_meta(names, row, (id_i, text_i)))


def _row_meta(names: list[str], row: list[str], used: tuple[int, int]) -> dict:
    """The record's other fields, as :class:`csv.DictReader` gives them (a missing one is None,
    fields beyond the header a list under None)."""
    meta = {name: (row[i] if i < len(row) else None) for i, name in enumerate(names) if i not in used}
    if len(row) > len(names):
        meta[None] = row[len(names):]
    return meta


def _jsonl_documents(source: InputSource, id_field: str, text_field: str, start: int) -> Iterator[RawDocument]:
    """A JSONL file's documents from record ``start`` on; the lines before are counted, not parsed."""
    with open_table(source.path, source.encoding) as fh:
        for n, (_, rec) in enumerate(jsonl_records(fh, source.path, start)):
            if n < start:
                continue
            text = rec[text_field]
            text = text if isinstance(text, str) else ("" if text is None else str(text))
            yield _record(str(rec[id_field]), text, source.path.name, source.encoding,
                          {k: v for k, v in rec.items() if k not in (id_field, text_field)})


# --- one document ----------------------------------------------------------------------------------
def _record(doc_id: str, text: str, source: str, encoding: str, meta: dict) -> RawDocument:
    """A document from a table's text; an HTML page is reduced to its readable text."""
    try:
        if looks_like_html(text):
            return RawDocument(doc_id, html_to_text(text), source, encoding, meta, format="html")
    except Exception as exc:  # any failure: one document's failure becomes its error, the stream goes on
        return RawDocument(doc_id, "", source, encoding, meta, error=stage_error("decoding", exc), format="html")
    return RawDocument(doc_id, text, source, encoding, meta)


def _file(path: Path) -> RawDocument:
    try:
        data = path.read_bytes()
    except OSError as exc:
        fix = {errno.EACCES: "check its permissions", errno.EPERM: "check its permissions",
               errno.ENOENT: "the name is a broken link or the file was removed; restore or delete it",
               errno.EISDIR: "a folder named like a document; rename it or point to the files inside it"}
        return RawDocument(path.stem, "", path.name, "",
                           error=f"cannot read the file ({exc.strerror}); {fix.get(exc.errno, 'check the file')}")
    encoding, page = "", path.suffix.lower() in (".html", ".htm")
    try:
        text, encoding = decode_bytes(data, path.name)
        page = page or looks_like_html(text)
        if page:
            return RawDocument(path.stem, html_to_text(text), path.name, encoding, format="html")
    except NotTextError as exc:
        return RawDocument(path.stem, "", path.name, "", error=str(exc).removeprefix(f"{path.name}: "))
    except Exception as exc:  # any failure: one document's failure becomes its error, the stream goes on
        return RawDocument(path.stem, "", path.name, encoding, error=stage_error("decoding", exc),
                           format="html" if page else "text")
    return RawDocument(path.stem, text, path.name, encoding)

