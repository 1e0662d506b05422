"""Reading a corpus: ``.txt``/``.html`` files, folders of them, CSV and JSONL tables.

:func:`iter_documents` streams :class:`RawDocument` records from any mix of inputs (a file
that cannot be read or is not text becomes a document with its ``error`` set, so one bad file
never stops a run); every path is checked first, and a problem with the input itself (a missing
path, a table without its id or text field, duplicate ids) is an :class:`InputError` naming the
file and the fix. CSV/JSONL files are read lazily, in their detected encoding, in constant memory.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from helpers.text import NotTextError, decode_bytes, html_to_text, looks_like_html

__all__ = ["RawDocument", "InputError", "iter_documents", "count_documents", "DOCUMENT_SUFFIXES"]

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
                raise InputError(f"{path}:{n}: a JSON {type(rec).__name__}, not an object; "
                                 "each line must be one JSON object.")
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


def iter_documents(paths: Iterable[str | Path], id_field: str = "id",
                   text_field: str = "text") -> Iterator[RawDocument]:
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
