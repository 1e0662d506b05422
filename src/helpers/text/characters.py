"""Character-level repairs: byte-order mark, newlines, control characters, NFC, spaces, quotes.

Owns the steps that run before the paragraph structure is read (``bom`` to ``missing_space`` in
:data:`~helpers.text.offsets.REPAIR_KINDS`), applied in order by :func:`repair_characters`.
"""

from __future__ import annotations

import re
import unicodedata

from helpers.text.offsets import MappedText
from helpers.text.words import is_word, zipf

__all__ = ["repair_characters"]

# Characters grouped by what happens to them. Written as escapes so the intent is visible.
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\f\v"
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"
_COMBINING = re.compile(r"[^\W\d_]?[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _control_replacement(mt: re.Match) -> str:
    ch = mt.group()
    if "\x80" <= ch <= "\x9f":
        try:
            return bytes([ord(ch)]).decode("cp1252")
        except UnicodeDecodeError:
            return ""
    return ""


def _nfc(m: MappedText) -> None:
    if unicodedata.is_normalized("NFC", m.text):
        return
    edits = []
    # Compose base+combining runs, and normalise any other character NFC changes.
    for mt in _COMBINING.finditer(m.text):
        seg = mt.group()
        nfc = unicodedata.normalize("NFC", seg)
        if nfc != seg:
            edits.append((mt.start(), mt.end(), nfc))
    covered = {i for s, e, _ in edits for i in range(s, e)}
    for i, ch in enumerate(m.text):
        if i not in covered and not unicodedata.is_normalized("NFC", ch):
            edits.append((i, i + 1, unicodedata.normalize("NFC", ch)))
    m.apply(edits, "nfc")


# "U.S.Secretary" -> "U.S. Secretary"; "U.S.-Russia" and "U.S." untouched.
_GLUED_INITIALISM = re.compile(r"(?<![\w.])((?:[A-Z]\.){2,})(?=[A-Z][a-z])")
# "killed.The" -> "killed. The", only when both sides are English words (not "Node.Js", URLs).
_GLUED_SENTENCE = re.compile(r"(?<![\w./@:-])([a-z]{2,})\.([A-Z][a-z]{2,})\b(?![./@])")


def _missing_spaces(m: MappedText) -> None:
    edits = [(mt.end(1), mt.end(1), " ") for mt in _GLUED_INITIALISM.finditer(m.text)]
    for mt in _GLUED_SENTENCE.finditer(m.text):
        if is_word(mt.group(1)) and is_word(mt.group(2)) and zipf(mt.group(1)) >= 3.0:
            edits.append((mt.end(1) + 1, mt.end(1) + 1, " "))
    m.apply(edits, "missing_space")


def repair_characters(m: MappedText, quotes: str) -> None:
    """The character steps of :func:`~helpers.text.cleaning.clean`, in order, on the fresh ``m``."""
    if m.raw.startswith("\ufeff"):
        m.apply([(0, 1, "")], "bom")
    m.sub(r"\r\n?", "\n", "newline")
    m.sub(_CONTROL, _control_replacement, "control")
    _nfc(m)
    m.sub(f"[{_SPACES}]", " ", "space")
    m.sub(f"[{_ZERO_WIDTH}]", "", "zero_width")
    m.sub("\u00ad", "", "soft_hyphen")
    if quotes == "ascii":
        m.sub(f"[{_SINGLE_QUOTES}{_DOUBLE_QUOTES}]", lambda mt: "'" if mt.group() in _SINGLE_QUOTES else '"', "quotes")
    m.sub(r"(?m)^ +| +$", "", "strip")
    m.sub(r" {2,}", " ", "space_run")
    _missing_spaces(m)
