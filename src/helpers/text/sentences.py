"""Sentence starts that the text's layout fixes before the parser runs: the ``paragraph_sentences`` component.

spaCy's parser decides sentence boundaries from words alone, so a headline, a dateline or a list
item without final punctuation is glued to the paragraph after it ("Pakistan strikes camps\\n\\n
ISLAMABAD - ..." is one sentence). This component, placed before the parser, presets
``Token.is_sent_start`` (the parser keeps preset values and decides only the others):

- the first token after a blank line (a paragraph break; the clean text separates paragraphs by
  ``"\\n\\n"``, :func:`helpers.text.structure.blocks`) starts a sentence;
- inside a paragraph, a line opening with a list or heading marker (``line_marker``: "- ", "* ",
  "•", "1.", "# ") starts a sentence, and so does the line after a heading line
  (``heading_line``: "# Title", "**Title**");
- whitespace tokens never start a sentence (no sentence is only whitespace or begins with it), nor
  does the marker run of a line ("1", "." or "*", "*" before "Bold") or the markup closing a line
  ("**" after "heading"), so Markdown markup stays inside its sentence.

Its settings are the factory config (``line_marker``, ``heading_line``, ``markup``: regular
expressions), so ``nlp.config`` records them. :func:`helpers.nlp.new_nlp` adds it to every
pipeline the project builds.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import numpy as np
from spacy.attrs import IDX, IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from helpers.text.doc_text import doc_text
from helpers.text.structure import HEADING_LINE, LIST_ITEM

__all__ = ["ParagraphSentences", "paragraph_spans", "LINE_MARKER", "HEADING_LINE", "MARKUP"]

#: A line opening with a bullet, a list number (cleaning's :data:`~helpers.text.structure.LIST_ITEM`),
#: a dash or quote bar, or a Markdown heading marker.
LINE_MARKER = rf"^(?:{LIST_ITEM}|[–—>][ \t]+|#{{1,6}}[ \t]+)"
#: Markup characters: a token made only of them at the end of a line does not start a sentence.
MARKUP = r"^[*_#~`]+$"

_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_LINE_GAP = re.compile(r"\s*\n\s*")  # the whitespace between two lines


class _Line(NamedTuple):
    start: int  # its first token
    end: int  # the token after its last non-space token
    gap: str  # the whitespace before it ("" for the first line)
    text: str  # its text, without the whitespace around it


class ParagraphSentences:
    """Preset the sentence starts that paragraph breaks, list items and headings fix."""

    def __init__(self, line_marker: str, heading_line: str, markup: str):
        self.line_marker = re.compile(line_marker)
        self.heading_line = re.compile(heading_line)
        self.markup = re.compile(markup)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        # the starts are collected in one array and set at once: setting Token.is_sent_start one
        # token at a time checks the whole document each time
        starts = doc.to_array(SENT_START).astype(np.int64)  # 1 start, -1 not, 0 unknown
        starts[doc.to_array(IS_SPACE).astype(bool)] = -1
        after_heading = False
        for k, line in enumerate(_lines(doc)):
            if k == 0:
                if line.start > 0:  # only whitespace before it: that whitespace joins its sentence
                    starts[line.start] = -1
            elif _BLANK_LINE.search(line.gap) or after_heading or self.line_marker.match(line.text):
                starts[line.start] = 1
            after_heading = bool(self.heading_line.match(line.text))
            self._markup_inside(doc, line, starts)
        starts[0] = 1
        doc.from_array([SENT_START], starts.reshape(-1, 1).astype(np.uint64))
        return doc

    def _markup_inside(self, doc: Doc, line: _Line, starts: np.ndarray) -> None:
        """No sentence starts inside the line's opening marker run ("1" "." or "*" "*"), at the
        first word after it, or at markup closing the line ("*" "*" after "heading")."""
        mt = self.line_marker.match(line.text)
        pos = mt.end() if mt else 0
        pos += len(line.text[pos:]) - len(line.text[pos:].lstrip("*_"))
        marker_end = doc[line.start].idx + pos
        k = line.start + 1
        while k < line.end and doc[k].idx <= marker_end:
            starts[k] = -1
            k += 1
        k = line.end - 1
        while k > line.start and self.markup.match(doc[k].text):
            starts[k] = -1
            k -= 1


def paragraph_spans(doc: Doc) -> list[tuple[int, int]]:
    """Token spans ``(start, end)`` of the paragraphs of ``doc`` (separated by blank lines),
    without the whitespace tokens around them, in order."""
    spans: list[tuple[int, int]] = []
    for line in _lines(doc):
        if spans and not _BLANK_LINE.search(line.gap):
            spans[-1] = (spans[-1][0], line.end)
        else:
            spans.append((line.start, line.end))
    return spans


def _lines(doc: Doc) -> list[_Line]:
    """The lines of ``doc`` (its non-space tokens between newlines), in order; found in the text
    and mapped to tokens by their offsets (whitespace-only lines are part of the gaps)."""
    text = doc_text(doc)
    starts = doc.to_array(IDX)
    bounds, pos, gap = [], len(text) - len(text.lstrip()), ""
    for mt in _LINE_GAP.finditer(text, pos):
        if mt.start() > pos:
            bounds.append((pos, mt.start(), gap))
        pos, gap = mt.end(), mt.group()
    end = len(text.rstrip())
    if end > pos:
        bounds.append((pos, end, gap))
    return [_Line(int(np.searchsorted(starts, a)), int(np.searchsorted(starts, b)), g, text[a:b])
            for a, b, g in bounds]


@Language.factory(
    "paragraph_sentences",
    default_config={"line_marker": LINE_MARKER, "heading_line": HEADING_LINE, "markup": MARKUP},
)
def make_paragraph_sentences(nlp: Language, name: str, line_marker: str, heading_line: str,
                             markup: str) -> ParagraphSentences:
    """The ``paragraph_sentences`` component (before the parser)."""
    return ParagraphSentences(line_marker, heading_line, markup)
