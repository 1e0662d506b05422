"""The offset map: every clean character remembers the raw character it came from.

Owns :class:`Repair` (one reported change), :data:`REPAIR_KINDS` (every kind, in step order),
:class:`MappedText` (a string whose edits are applied as reported repairs while each character
keeps its raw offset) and :func:`line_col` (raw offset -> 1-based line and column).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Iterable

__all__ = ["Repair", "REPAIR_KINDS", "MappedText", "line_col"]

#: Every repair kind, in the order the steps run (the report keeps this order).
REPAIR_KINDS: tuple[str, ...] = (
    "bom",
    "newline",
    "control",
    "nfc",
    "space",
    "zero_width",
    "soft_hyphen",
    "quotes",
    "strip",
    "space_run",
    "missing_space",
    "caption",
    "media_file",
    "dateline",
    "page_break",
    "line_join",
    "hyphen_kept",
    "dehyphenated",
    "blank_lines",
)


@dataclass(frozen=True)
class Repair:
    """One change made to the raw text: ``raw[raw_start:raw_end]`` (``before``) became ``after``."""

    kind: str
    raw_start: int
    raw_end: int
    before: str
    after: str


def line_starts(raw: str) -> list[int]:
    """The offset where each line of ``raw`` starts; CRLF, CR and LF all end a line."""
    return [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", raw)]


def line_col(raw: str, offset: int, starts: list[int] | None = None) -> tuple[int, int]:
    """1-based (line, column) of raw ``offset``; ``starts``: :func:`line_starts` of ``raw``, if known."""
    if starts is None:
        starts = line_starts(raw)
    line = bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


# ------------------------------------------------------------------------------------------
# The mapped string: text whose every character remembers its raw offset.
# ------------------------------------------------------------------------------------------
class MappedText:
    __slots__ = ("raw", "text", "pos", "repairs")

    def __init__(self, raw: str):
        self.raw = raw
        self.text = raw
        self.pos = list(range(len(raw)))
        self.repairs: list[Repair] = []

    def _anchor(self, i: int) -> int:
        return self.pos[i] if i < len(self.pos) else len(self.raw)

    def apply(self, edits: Iterable[tuple[int, int, str]], kind: str) -> None:
        """Apply non-overlapping ``(start, end, replacement)`` edits, each reported as ``kind``."""
        self.apply_tagged([(edit, kind) for edit in edits])

    def apply_tagged(self, tagged: Iterable[tuple[tuple[int, int, str], str]]) -> None:
        """Apply non-overlapping edits found on the current text, each reported under its kind.

        A replacement no longer than what it replaces keeps the raw offsets of the characters it
        overwrites (so "-\n" -> "-" still points at the hyphen), a longer one points its extra
        characters at the last one it replaces, and an insertion points at the raw character
        that follows it.
        """
        text, pos = self.text, self.pos
        out_text: list[str] = []
        out_pos: list[int] = []
        last = 0
        for (s, e, rep), kind in sorted(tagged):
            if s < last:
                raise ValueError(f"overlapping edits at {s} in step {kind!r}")
            if text[s:e] == rep:
                continue
            out_text.append(text[last:s])
            out_pos.extend(pos[last:s])
            n = e - s
            if len(rep) <= n:
                out_pos.extend(pos[s : s + len(rep)])
            elif n:
                out_pos.extend(pos[s:e] + [pos[e - 1]] * (len(rep) - n))
            else:
                out_pos.extend([self._anchor(s)] * len(rep))
            out_text.append(rep)
            raw_start = self._anchor(s)
            raw_end = pos[e - 1] + 1 if n else raw_start
            self.repairs.append(Repair(kind, raw_start, raw_end, self.raw[raw_start:raw_end], rep))
            last = e
        out_text.append(text[last:])
        out_pos.extend(pos[last:])
        self.text = "".join(out_text)
        self.pos = out_pos

    def sub(self, pattern: str | re.Pattern, repl, kind: str) -> None:
        """Regex substitution as edits; ``repl`` is a string or a function of the match."""
        rx = re.compile(pattern) if isinstance(pattern, str) else pattern
        edits = []
        for m in rx.finditer(self.text):
            rep = repl(m) if callable(repl) else m.expand(repl)
            if rep is not None:
                edits.append((m.start(), m.end(), rep))
        self.apply(edits, kind)
