"""Bytes to text: encoding detection, binary refusal and reading a file exactly.

Owns :class:`NotTextError`, :func:`decode_bytes` and :func:`read_text`.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["NotTextError", "decode_bytes", "read_text"]


class NotTextError(ValueError):
    """The bytes are not a text document (binary data, or text in an undecodable encoding)."""


#: Byte signatures of common binary formats a scraper may leave among text files.
_BINARY_MAGIC = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"\x1f\x8b", b"\xd0\xcf\x11\xe0",
                 b"7z\xbc\xaf", b"Rar!", b"\x7fELF", b"MZ")


def decode_bytes(data: bytes, name: str = "input") -> tuple[str, str]:
    """Decode a document's bytes as ``(text, encoding)``.

    UTF-8 (with or without a byte-order mark, which is kept for :func:`clean` to report) is
    tried first, then UTF-16 when the bytes carry its BOM, then cp1252 (the Windows superset
    of latin-1 that scraped Western text almost always is), then latin-1 when cp1252 cannot
    decode a byte (its C1 control characters are then repaired by :func:`clean`). Raises
    :class:`NotTextError` for binary data (NUL bytes, a known binary signature, or mostly
    control bytes), naming ``name``.
    """
    head = data[:8192]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise NotTextError(f"{name}: has a UTF-16 byte-order mark but is not valid UTF-16 ({exc.reason}).") from exc
    if data.startswith(_BINARY_MAGIC) or b"\x00" in head:
        kind = "a PDF" if data.startswith(b"%PDF") else "binary data"
        raise NotTextError(f"{name}: {kind}, not text; convert it to .txt (or .html) first.")
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    if head and controls / len(head) > 0.05:
        raise NotTextError(f"{name}: binary data ({controls} control bytes in the first {len(head)}), not text.")
    try:
        text = data.decode("utf-8")
        return text, "utf-8-sig" if text.startswith("\ufeff") else "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:  # one of the five bytes cp1252 leaves undefined: latin-1 maps every byte
        return data.decode("latin-1"), "latin-1"


def read_text(path: str | Path) -> tuple[str, str]:
    """Read a text file as ``(text, encoding)`` (see :func:`decode_bytes`).

    Newlines are not translated, so offsets refer to the file's characters exactly. Raises
    ``OSError`` (unreadable) or :class:`NotTextError` (binary), both naming the file.
    """
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise OSError(f"{p}: cannot read the file ({exc.strerror}). Check the path and its permissions.") from exc
    return decode_bytes(data, str(p))
