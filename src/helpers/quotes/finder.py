"""The quotation finder: where the quoted text of a text is, by its quotation marks.

One scan for every user. The marks are pairs (opening, closing) read from ``speech.yml``
(:func:`helpers.quotes.load_marks`); each pair is scanned on its own, left to right: an opening
mark opens a quotation, the next closing mark closes it, and the scan goes on after it. Two
documented switches cover what running news text needs and a clean sentence does not:

``by_context``
    A mark decides from its neighbours whether it opens or closes: it opens when the character
    before it is a space, the start of the text or one of :data:`OPENING_CONTEXT` and the
    character after it is not a space, and closes otherwise. A mark in the wrong place is
    skipped (``5'10"``, a stray closing mark), where the plain scan would pair it with the next.
``paragraphs``
    A quotation ends at a paragraph break (a blank line, ``"\\n\\n"``) at the latest, and one
    left open runs to its paragraph's end (or the end of the text): a news quotation that spans
    paragraphs reopens each one and closes only the last. Without it, a quotation that is never
    closed is dropped.
"""

from __future__ import annotations

from typing import NamedTuple, Sequence

__all__ = ["Quotation", "OPENING_CONTEXT", "PARAGRAPH_BREAK", "quotations", "quotation_spans"]

#: Characters after which a mark opens a quotation (with ``by_context``), besides white space.
OPENING_CONTEXT = "([{:;,-\u2014"
#: Where a quotation ends at the latest (with ``paragraphs``).
PARAGRAPH_BREAK = "\n\n"


class Quotation(NamedTuple):
    """One quotation: ``text[start:end]`` is what is quoted (the marks excluded)."""

    start: int  #: first character after the opening mark
    end: int  #: the closing mark's offset (or the paragraph break, or the text's end, when left open)
    opened: int  #: the opening mark's offset


def _opens(text: str, i: int, n: int) -> bool:
    """Does the mark ``text[i:i + n]`` open a quotation, judged from its neighbours?"""
    before = text[i - 1] if i else " "
    after = text[i + n] if i + n < len(text) else " "
    return (before.isspace() or before in OPENING_CONTEXT) and not after.isspace()


def _find(text: str, mark: str, i: int, opening: bool, by_context: bool) -> int:
    """Offset of the next ``mark`` at or after ``i`` that can open (``opening``) or close a
    quotation; -1 when there is none."""
    while True:
        a = text.find(mark, i)
        if a < 0 or not by_context or _opens(text, a, len(mark)) == opening:
            return a
        i = a + len(mark)


def quotations(text: str, marks: Sequence[tuple[str, str]], *, by_context: bool = False,
               paragraphs: bool = False) -> list[Quotation]:
    """The quotations of ``text`` for each pair of ``marks`` in turn, each pair's in text order
    (see the module docstring for ``by_context`` and ``paragraphs``)."""
    out: list[Quotation] = []
    n = len(text)
    for op, cl in marks:
        i = 0
        while True:
            a = _find(text, op, i, True, by_context)
            if a < 0:
                break
            start = a + len(op)
            b = _find(text, cl, start, False, by_context)
            if paragraphs:
                brk = text.find(PARAGRAPH_BREAK, start)
                if brk >= 0 and (b < 0 or brk < b):  # left open: ends with its paragraph
                    out.append(Quotation(start, brk, a))
                    i = brk + len(PARAGRAPH_BREAK)
                    continue
                if b < 0:  # left open in the last paragraph: runs to the end
                    out.append(Quotation(start, n, a))
                    break
            if b < 0:
                break
            out.append(Quotation(start, b, a))
            i = b + len(cl)
    return out


def quotation_spans(text: str, marks: Sequence[tuple[str, str]], *, by_context: bool = False,
                    paragraphs: bool = False) -> list[tuple[int, int]]:
    """``[(start, end), ...]`` of :func:`quotations`: the quoted text, marks excluded."""
    return [(q.start, q.end) for q in quotations(text, marks, by_context=by_context, paragraphs=paragraphs)]
