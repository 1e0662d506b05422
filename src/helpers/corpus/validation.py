"""Checking a corpus's inputs before any analysis: one cheap streaming pass, and the plan it gives.

:func:`validate_inputs` reads every input once, holding only the document ids (never the text),
and either refuses the input with one :class:`InputError` line (file, line numbers, what to do)
or returns an :class:`InputPlan` that :func:`helpers.corpus.iter_documents` then streams from.

What is checked, in this order:

1. every path exists, no path is given twice (nor a file and the folder holding it), and every
   folder holds ``.txt``/``.html``/``.htm`` files (hidden files are ignored);
2. every CSV/JSONL table is text (not binary) and its encoding is chosen once (UTF-8, with or
   without BOM, else cp1252); a CSV has the id and text columns in its header, every CSV record
   has a non-empty id and reaches the text column, the CSV parses (``csv.Error``) and no quoted
   field is left open at the end of the file; every JSONL line is one JSON object with both
   fields and a non-empty id. Each refusal names the line (CSV: the line where the record starts);
3. the document ids are unique across all inputs (a file's id is its name without the extension,
   so ``a.txt`` and ``a.html`` in one folder collide). With ``on_duplicate_id="error"`` (the
   default) a repeated id is refused, naming both places (``c.csv:7: document id 'x' also comes
   from x.txt``); with ``"suffix"`` every document is kept and the 2nd, 3rd ... occurrence get a
   new id ``x~2``, ``x~3`` (a higher number when that id is already in the input), each with a
   warning naming both places. The renames are decided here, over the whole input, and applied
   while streaming, so they do not depend on ``skip`` or batch sizes.

Not refused, only counted or warned about: a file in a folder that cannot be read (no permission,
a broken link, a folder named like a document; it becomes a document with its ``error``), a CSV
record with more fields than the header, a table without records. HTML is not parsed and text is
not decoded or cleaned here: a document that fails there becomes a row with its ``error`` later.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import json
import os
import sys
from array import array
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from helpers.text import NotTextError, decode_bytes

__all__ = ["InputError", "InputPlan", "InputSource", "Rename", "validate_inputs", "DOCUMENT_SUFFIXES",
           "DUPLICATE_ID_MODES"]

#: Suffixes read as documents inside a folder.
DOCUMENT_SUFFIXES = (".txt", ".html", ".htm")
#: What to do with a repeated document id: refuse the input, or rename the repeats ``id~2``, ``id~3`` ...
DUPLICATE_ID_MODES = ("error", "suffix")
_TABLE_KINDS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}
_NAMED = 5  # repeated ids, unreadable files named in one message before "and N more"


class InputError(Exception):
    """Bad input, reported to the user as one line naming the file and what to do."""


@dataclass(frozen=True)
class InputSource:
    """One input path as checked: ``kind`` is ``folder``, ``file``, ``csv`` or ``jsonl``; ``files``
    the documents of a folder (sorted) or the file itself; ``encoding`` a table's chosen encoding."""

    path: Path
    kind: str
    n_documents: int
    encoding: str = ""
    files: tuple[Path, ...] = ()


@dataclass(frozen=True)
class Rename:
    """A repeated id kept under a new one: the document at position ``index`` of the input."""

    index: int
    doc_id: str
    new_id: str
    place: str
    first_place: str


@dataclass
class InputPlan:
    """What a checked input holds: its sources in order, the document count, the renames (by
    position in the whole input), the warnings, and the number of folder files that cannot be read."""

    sources: list[InputSource]
    id_field: str
    text_field: str
    on_duplicate_id: str
    renames: dict[int, Rename] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    n_unreadable: int = 0

    @property
    def n_documents(self) -> int:
        return sum(s.n_documents for s in self.sources)

    def describe(self) -> str:
        """One line for a log: documents per input, renamed ids, unreadable files."""
        parts = [f"{self.n_documents:,} document(s): "
                 + ", ".join(f"{s.path} {s.n_documents:,}" for s in self.sources)]
        if self.renames:
            parts.append(f"{len(self.renames):,} repeated id(s) renamed")
        if self.n_unreadable:
            parts.append(f"{self.n_unreadable:,} unreadable file(s)")
        return "; ".join(parts)


def validate_inputs(paths: Iterable[str | Path], id_field: str, text_field: str,
                    on_duplicate_id: str) -> InputPlan:
    """Check every input in one streaming pass (see the module docstring) and return its plan.

    Raises :class:`InputError` (one line: file, line numbers, the fix) for a problem with the
    input itself, ``ValueError`` for an unknown ``on_duplicate_id``.
    """
    if on_duplicate_id not in DUPLICATE_ID_MODES:
        raise ValueError(f"on_duplicate_id must be one of {', '.join(DUPLICATE_ID_MODES)}, not {on_duplicate_id!r}")
    paths = [Path(p) for p in paths]
    folders = _check_paths(paths)
    ids = _Ids()
    sources, warnings = [], []
    for p in paths:
        ids.start_source()
        kind = "folder" if p in folders else _TABLE_KINDS.get(p.suffix.lower(), "file")
        if kind == "folder":
            sources.append(_scan_folder(p, folders[p], ids))
        elif kind == "csv":
            sources.append(_scan_csv(p, id_field, text_field, ids, warnings))
        elif kind == "jsonl":
            sources.append(_scan_jsonl(p, id_field, text_field, ids))
        else:
            ids.add(p.stem, 0)
            sources.append(InputSource(p, "file", 1, files=(p,)))
        if kind in ("csv", "jsonl") and not sources[-1].n_documents:
            warnings.append(f"{p}: no records; it adds no documents.")
    plan = InputPlan(sources, id_field, text_field, on_duplicate_id)
    plan.n_unreadable = _unreadable(sources, warnings)
    plan.renames = _renames(ids, sources, on_duplicate_id, warnings)
    plan.warnings = warnings
    return plan


# --- paths ---------------------------------------------------------------------------------------
def folder_files(p: Path) -> list[Path]:
    """The documents of folder ``p``: its ``.txt``/``.html``/``.htm`` entries, hidden ones left out, sorted."""
    return sorted(f for f in p.iterdir() if f.suffix.lower() in DOCUMENT_SUFFIXES and not f.name.startswith("."))


def _check_paths(paths: list[Path]) -> dict[Path, list[Path]]:
    """Every path exists and is named once, every folder holds documents (its list is returned);
    fail before reading any file."""
    for p in paths:
        if not p.exists():
            raise InputError(f"{p}: no such file or folder. Check the path.")
    listed = {p: folder_files(p) for p in paths if p.is_dir()}
    for p, files in listed.items():
        if not files:
            raise InputError(f"{p}: folder has no .txt or .html files. Point to .txt, .html, .csv or .jsonl files, "
                             "or a folder of .txt/.html files.")
    seen: dict[Path, Path] = {}
    for p in paths:
        key = p.resolve()
        if key in seen:
            raise InputError(f"{p}: given twice (also as {seen[key]}); name each input once.")
        seen[key] = p
    folders = {p.resolve(): p for p in paths if p.is_dir()}
    for p in paths:
        in_folder = p.suffix.lower() in DOCUMENT_SUFFIXES and not p.name.startswith(".")
        if p.is_file() and in_folder and p.resolve().parent in folders:
            raise InputError(f"{p}: given twice (it is also in the folder {folders[p.resolve().parent]}); "
                             "name each input once.")
    return listed


def _scan_folder(p: Path, files: list[Path], ids: _Ids) -> InputSource:
    for i, f in enumerate(files):
        ids.add(f.stem, i)
    return InputSource(p, "folder", len(files), files=tuple(files))


def _unreadable(sources: list[InputSource], warnings: list[str]) -> int:
    """Folder files that cannot be read (counted and named; each becomes a document with its error)."""
    bad = [f for s in sources if s.kind in ("folder", "file") for f in s.files
           if not (f.is_file() and os.access(f, os.R_OK))]
    if bad:
        named = ", ".join(str(f) for f in bad[:_NAMED])
        named += f" and {len(bad) - _NAMED} more" if len(bad) > _NAMED else ""
        warnings.append(f"{len(bad)} file(s) cannot be read ({named}); each becomes a row of documents "
                        "with its error, the others are analysed.")
    return len(bad)


# --- tables --------------------------------------------------------------------------------------
def table_encoding(path: Path) -> tuple[str, int]:
    """A table's encoding, chosen in one streaming pass over its bytes (``utf-8-sig`` with a BOM,
    ``utf-8``, else ``cp1252``), and its number of ``"`` characters. Binary data (a PDF, NUL bytes)
    is an :class:`InputError`."""
    try:
        fh = open(path, "rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot read the file ({exc.strerror}). Check the path and its permissions.") from exc
    with fh:
        head = fh.read(8192)
        try:
            decode_bytes(head, str(path))
        except NotTextError as exc:
            raise InputError(str(exc)) from exc
        decoder, quotes = codecs.getincrementaldecoder("utf-8")(), 0
        fh.seek(0)
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            quotes += chunk.count(b'"')
            decoder = _still_utf8(decoder, chunk)
        if _still_utf8(decoder, b"", final=True) is None:
            return "cp1252", quotes
    return ("utf-8-sig" if head.startswith(b"\xef\xbb\xbf") else "utf-8"), quotes


def _still_utf8(decoder, chunk: bytes, final: bool = False):
    """The decoder after ``chunk``, or None once the bytes are not UTF-8."""
    if decoder is None:
        return None
    try:
        decoder.decode(chunk, final=final)
    except UnicodeDecodeError:
        return None
    return decoder


def open_table(path: Path, encoding: str) -> io.TextIOBase:
    """A text stream over a table in its chosen encoding, read lazily (constant memory)."""
    try:
        return open(path, encoding=encoding, errors="replace" if encoding == "cp1252" else "strict", newline="")
    except OSError as exc:
        raise InputError(f"{path}: cannot read the file ({exc.strerror}). Check the path and its permissions.") from exc


def csv_records(fh: io.TextIOBase, path: Path) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """A CSV's header and its records as ``(line where the record starts, fields)``; blank lines are
    skipped (as :class:`csv.DictReader` does). A parse error is an :class:`InputError` with its line."""
    csv.field_size_limit(sys.maxsize)
    reader = csv.reader(fh)
    try:
        header = next(reader, [])
    except csv.Error as exc:
        raise InputError(f"{path}:{reader.line_num}: not valid CSV ({exc}); fix the file or export it again.") from exc

    def records() -> Iterator[tuple[int, list[str]]]:
        while True:
            start = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise InputError(f"{path}:{start}: not valid CSV ({exc}); fix the file or export it again.") from exc
            if row:
                yield start, row

    return header, records()


def csv_columns(header: list[str], path: Path, id_field: str, text_field: str) -> tuple[int, int]:
    """The positions of the id and text columns (the last of a repeated name, as ``csv.DictReader``)."""
    index = {name: i for i, name in enumerate(header)}
    for name, flag in ((text_field, "--text-field"), (id_field, "--id-field")):
        if name not in index:
            raise InputError(f"{path}: no column {name!r} (columns: {', '.join(header) or 'none'}); "
                             f"name the right one with {flag}.")
    return index[id_field], index[text_field]


def jsonl_records(fh: io.TextIOBase, path: Path, start: int = 0) -> Iterator[tuple[int, dict | None]]:
    """A JSONL file's records as ``(line, object)``, blank lines skipped; the first ``start`` records
    are counted, not parsed (their object is None). A line that is not a JSON object is an :class:`InputError`."""
    n = 0
    for line_no, line in enumerate(fh, start=1):
        if not line.strip():
            continue
        n += 1
        if n <= start:
            yield line_no, None
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{line_no}: not valid JSON ({exc.msg}); "
                             "each line must be one JSON object.") from exc
        if not isinstance(rec, dict):
            raise InputError(f"{path}:{line_no}: a JSON {type(rec).__name__}, not an object; "
                             "each line must be one JSON object.")
        yield line_no, rec


def _scan_csv(path: Path, id_field: str, text_field: str, ids: _Ids, warnings: list[str]) -> InputSource:
    encoding, quotes = table_encoding(path)
    n, wide, last = 0, [], 0
    with open_table(path, encoding) as fh:
        header, records = csv_records(fh, path)
        id_i, text_i = csv_columns(header, path, id_field, text_field)
        for last, row in records:
            if len(row) <= max(id_i, text_i):
                missing = id_field if len(row) <= id_i else text_field
                raise InputError(f"{path}:{last}: no {missing!r} value (the record has {len(row)} field(s), the header "
                                 f"{len(header)}); check the quoting of this record and the one before it.")
            _check_id(row[id_i], path, last, id_field)
            if len(row) > len(header):
                wide.append(last)
            ids.add(row[id_i], last)
            n += 1
    if n and quotes % 2:  # an odd count: either a stray quote inside an unquoted field, or one never closed
        _check_closed_quotes(path, encoding, last)
    if wide:
        warnings.append(f"{path}: {len(wide)} record(s) have more fields than the header (first at line {wide[0]}); "
                        "the extra fields are kept under no column name. Check their quoting.")
    return InputSource(path, "csv", n, encoding)


def _check_closed_quotes(path: Path, encoding: str, last: int) -> None:
    """The last record, re-read strictly: a quoted field still open at the end of the file (a stray
    ``"``) would otherwise silently swallow every record after it."""
    with open_table(path, encoding) as fh:
        lines = itertools.islice(fh, last - 1, None)
        try:
            next(csv.reader(lines, strict=True), None)
        except csv.Error as exc:
            if "unexpected end of data" in str(exc):
                raise InputError(f"{path}:{last}: a quoted field is still open at the end of the file (a stray or "
                                 'unclosed " in the record starting here or before it); fix the quoting.') from exc


def _scan_jsonl(path: Path, id_field: str, text_field: str, ids: _Ids) -> InputSource:
    encoding, _ = table_encoding(path)
    n = 0
    with open_table(path, encoding) as fh:
        for line_no, rec in jsonl_records(fh, path):
            for name, flag in ((text_field, "--text-field"), (id_field, "--id-field")):
                if name not in rec:
                    raise InputError(f"{path}:{line_no}: no field {name!r} (fields: {', '.join(rec) or 'none'}); "
                                     f"name the right one with {flag}.")
            doc_id = "" if rec[id_field] is None else str(rec[id_field])
            _check_id(doc_id, path, line_no, id_field)
            ids.add(doc_id, line_no)
            n += 1
    return InputSource(path, "jsonl", n, encoding)


def _check_id(doc_id: str, path: Path, line: int, id_field: str) -> None:
    if not doc_id.strip():
        raise InputError(f"{path}:{line}: the {id_field!r} field is empty; every record needs an id "
                         "(or name another field with --id-field).")


# --- ids -----------------------------------------------------------------------------------------
class _Ids:
    """Every document id with where it is: position in its source (a line, or a folder file's index),
    the first position of each id, and the later positions of repeated ones. Holds ids, never text."""

    def __init__(self) -> None:
        self.first: dict[str, int] = {}
        self.where = array("q")
        self.starts: list[int] = []
        self.repeats: list[tuple[int, str]] = []

    def start_source(self) -> None:
        self.starts.append(len(self.where))

    def add(self, doc_id: str, where: int) -> None:
        index = len(self.where)
        self.where.append(where)
        if self.first.setdefault(doc_id, index) != index:
            self.repeats.append((index, doc_id))

    def place(self, index: int, sources: list[InputSource]) -> str:
        """``file:line`` for a table record, the file for a document file."""
        source = sources[bisect_right(self.starts, index) - 1]
        where = self.where[index]
        if source.kind in ("csv", "jsonl"):
            return f"{source.path}:{where}"
        return str(source.files[where])


def _renames(ids: _Ids, sources: list[InputSource], mode: str, warnings: list[str]) -> dict[int, Rename]:
    """Refuse the repeated ids (``error``) or give each repeat a new id no input uses (``suffix``)."""
    if not ids.repeats:
        return {}
    pairs = [(index, doc_id, ids.place(index, sources), ids.place(ids.first[doc_id], sources))
             for index, doc_id in ids.repeats]
    if mode == "error":
        raise InputError(_duplicate_message(pairs))
    taken, renames, count = set(ids.first), {}, {}
    for index, doc_id, place, first_place in pairs:
        count[doc_id] = count.get(doc_id, 1) + 1
        k = count[doc_id]
        while f"{doc_id}~{k}" in taken:
            k += 1
        new_id = f"{doc_id}~{k}"
        taken.add(new_id)
        renames[index] = Rename(index, doc_id, new_id, place, first_place)
        warnings.append(f"{place}: document id {doc_id!r} also comes from {first_place}; kept as {new_id!r}.")
    return renames


def _duplicate_message(pairs: list[tuple[int, str, str, str]]) -> str:
    _, doc_id, place, first_place = pairs[0]
    message = f"{place}: document id {doc_id!r} also comes from {first_place}"
    more = [f"{d!r} at {p} (first {f})" for _, d, p, f in pairs[1:_NAMED]]
    if more:
        message += "; also " + ", ".join(more)
    if len(pairs) > _NAMED:
        message += f" and {len(pairs) - _NAMED} more"
    return (message + f". Ids must be unique: fix the id column or rename the file, or run with --on-duplicate-id "
            f"suffix (Python: on_duplicate_id=\"suffix\") to keep every document, the repeat as {doc_id + '~2'!r}.")
