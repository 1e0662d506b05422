"""Paragraph structure: non-body blocks, page breaks, wrapped lines, hyphens, datelines.

Owns the steps that read the text as paragraphs (``caption`` to ``blank_lines`` in
:data:`~helpers.text.offsets.REPAIR_KINDS`), applied in order by :func:`repair_structure`, and
:func:`blocks` (the paragraph spans of a text).
"""

from __future__ import annotations

import re
from collections import Counter

from helpers.text.offsets import MappedText
from helpers.text.rules import Rules
from helpers.text.words import count_words, keep_hyphen

__all__ = ["repair_structure", "blocks", "LIST_ITEM", "HEADING_LINE"]

# A paragraph that ends with one of these ends a sentence (or a quote, list lead-in, ...).
_TERMINAL = set('.!?:;"\')]…»”’\u0964\u0965\u3002')
# Paragraph openers that mark a line as an attribution, list item or speaker turn, not prose.
_NON_PROSE_START = re.compile(r"^(?:[—–\-•*·►▪■█]|\(\(|\d+[.)] )")
# A line opening a list item (after a line that ends a sentence or a lead-in, or after another
# item), a Markdown heading, or a wholly bold line: it stays a line of its own (a paragraph).
#: The opening of a list item: a bullet or a list number and the space after it (also read by
#: :mod:`helpers.text.sentences`, where such a line starts a sentence).
LIST_ITEM = r"[-*+•·▪►■◦‣][ \t]+|\d{1,2}[.)][ \t]+"
#: A heading line: a Markdown heading, or a line that is wholly bold or underlined.
HEADING_LINE = r"^(?:#{1,6}[ \t]+\S.*|\*\*[^*\n]+\*\*|__[^_\n]+__)[ \t]*$"
_ITEM_LINE = re.compile(rf"(?:{LIST_ITEM})\S")
_HEADING_LINE = re.compile(HEADING_LINE)


def _keeps_line(text: str, nl: int) -> bool:
    """Does the newline at ``nl`` end a heading or a list item, or start one?"""
    prev = text[text.rfind("\n", 0, nl) + 1 : nl].strip()
    end = text.find("\n", nl + 1)
    nxt = text[nl + 1 : end if end >= 0 else len(text)].strip()
    if _HEADING_LINE.match(prev) or _HEADING_LINE.match(nxt):
        return True
    return bool(_ITEM_LINE.match(nxt)) and (prev[-1:] in ".:;!?" or bool(_ITEM_LINE.match(prev)))


def blocks(text: str, line_mode: bool) -> list[tuple[int, int]]:
    """Spans of paragraphs: separated by blank lines, or by any newline in line mode."""
    sep = r"\n+" if line_mode else r"\n{2,}"
    spans, last = [], 0
    for mt in re.finditer(sep, text):
        if mt.start() > last:
            spans.append((last, mt.start()))
        last = mt.end()
    if last < len(text):
        spans.append((last, len(text)))
    return spans


def _line_mode(text: str) -> bool:
    """True when single newlines separate paragraphs (no blank lines, long unwrapped lines)."""
    if "\n\n" in text or "\n" not in text.strip("\n"):
        return False
    lengths = sorted(len(x) for x in text.split("\n") if x)
    return bool(lengths) and lengths[len(lengths) // 2] >= 150


def _is_caption(par: str, rules: Rules) -> bool:
    flat = " ".join(par.split())
    if len(flat.split()) > rules.caption_max_words:
        return False
    return bool(rules.caption_only.match(flat) or rules.caption_end.search(flat))


def _heading_like(par: str) -> bool:
    """A one-line, short paragraph without final punctuation: a title, label or list item."""
    return "\n" not in par and len(par.split()) <= 12


def _continues(prev: str, nxt: str, gap: int, usual_gap: int, rules: Rules) -> bool:
    """Is the break between paragraphs ``prev`` and ``nxt`` a page break inside a sentence?"""
    if not prev or not nxt or prev[-1] in _TERMINAL:
        return False
    if _NON_PROSE_START.match(prev) or _NON_PROSE_START.match(prev.rsplit("\n", 1)[-1]) or _NON_PROSE_START.match(nxt):
        return False
    if nxt[0].islower():
        return True
    last_word = re.findall(r"[A-Za-z]+$", prev)
    if prev[-1] in ",-–—" or (last_word and last_word[0].lower() in rules.continuation_words):
        return True
    if _heading_like(prev) or not (nxt[0].isalnum() or nxt[0] in "\"'("):
        return False
    return gap > usual_gap


def repair_structure(m: MappedText, rules: Rules, metadata: dict) -> None:
    """Move captions/datelines to metadata, join page breaks, normalise paragraph separators."""
    line_mode = _line_mode(m.text)
    metadata["line_breaks"] = "paragraphs" if line_mode else "wrapped"

    # 1. Non-body blocks: captions, media files; a leading dateline paragraph.
    edits: list[tuple[int, int, str, str]] = []
    spans = blocks(m.text, line_mode)
    body: list[tuple[int, int]] = []
    for k, (s, e) in enumerate(spans):
        par = m.text[s:e]
        flat = " ".join(par.split())
        kind = None
        if rules.media_file.match(flat):
            kind = "media_file"
        elif _is_caption(par, rules):
            kind = "caption"
        elif not body and k < len(spans) - 1 and rules.dateline_paragraph.match(flat):
            kind = "dateline"
        if kind is None:
            body.append((s, e))
            continue
        raw_s, raw_e = m.pos[s], m.pos[e - 1] + 1
        entry = {"text": flat, "raw_start": raw_s, "raw_end": raw_e}
        if kind == "dateline":
            metadata.setdefault("dateline", entry)
        else:
            metadata.setdefault("captions" if kind == "caption" else "media_files", []).append(entry)
        edits.append((s, e, "", kind))
    m.apply_tagged(((s, e, r), k) for s, e, r, k in edits)

    # 3. Page breaks: join paragraphs that continue a sentence (the gap becomes one newline,
    #    which the line joiner then treats like any wrapped line).
    spans = blocks(m.text, line_mode)
    gaps = [m.text[spans[i][1] : spans[i + 1][0]].count("\n") for i in range(len(spans) - 1)]
    if gaps:
        usual = Counter(gaps).most_common(1)[0][0]
        joins = []
        for i, gap in enumerate(gaps):
            prev, nxt = m.text[spans[i][0] : spans[i][1]], m.text[spans[i + 1][0] : spans[i + 1][1]]
            if _continues(prev, nxt, gap, usual, rules):
                joins.append((spans[i][1], spans[i + 1][0], " " if line_mode else "\n"))
        m.apply(joins, "page_break")

    # 4. Lines inside paragraphs.
    _join_lines(m, line_mode)

    # 5. A date or wire dateline at the very start of the (now final) first paragraph.
    _leading_dateline(m, rules, metadata)

    # 6. Exactly one blank line between paragraphs; none at the ends.
    sep_edits = []
    for mt in re.finditer(r"\n+", m.text):
        if mt.start() == 0 or mt.end() == len(m.text):
            sep_edits.append((mt.start(), mt.end(), ""))
        elif mt.group() != "\n\n":
            sep_edits.append((mt.start(), mt.end(), "\n\n"))
    m.apply(sep_edits, "blank_lines")


def _leading_dateline(m: MappedText, rules: Rules, metadata: dict) -> None:
    """Move dates and wire datelines at the very start of the body to metadata (all of them)."""
    while True:
        start = len(m.text) - len(m.text.lstrip("\n"))
        head = m.text[start:]
        for rx in rules.leading_date + rules.wire_dateline:
            mt = rx.match(head)
            if not mt:
                continue
            rest = " ".join(head[mt.end() :].split("\n\n", 1)[0].split())
            if len(rest.split()) >= 3 and not rules.dateline_paragraph.match(rest):
                break
        else:
            return
        end = start + mt.end()
        while end < len(m.text) and m.text[end] == " ":
            end += 1
        entry = {"text": mt.group().strip(), "raw_start": m.pos[start], "raw_end": m.pos[start + mt.end() - 1] + 1}
        if "dateline" in metadata:
            metadata.setdefault("datelines_more", []).append(entry)
        else:
            metadata["dateline"] = entry
        m.apply([(start, end, "")], "dateline")


_HYPHEN_BREAK = re.compile(r"([^\W\d_]+(?:-[^\W\d_]+)*)-\n([^\W\d_]+)")


def _join_lines(m: MappedText, line_mode: bool) -> None:
    text = m.text
    words = count_words(text)
    hyph_edits: list[tuple[int, int, str]] = []
    drop_edits: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    for mt in _HYPHEN_BREAK.finditer(text):
        nl = mt.end(1) + 1
        if line_mode:
            continue
        left = mt.group(1).rsplit("-", 1)[-1]
        if keep_hyphen(left, mt.group(2), words):
            hyph_edits.append((nl, nl + 1, ""))
        else:
            drop_edits.append((nl - 1, nl + 1, ""))
        taken.add(nl)
    line_edits = []
    if not line_mode:
        for mt in re.finditer(r"(?<=[^\n])\n(?=[^\n])", text):
            if mt.start() not in taken and not _keeps_line(text, mt.start()):
                line_edits.append((mt.start(), mt.end(), " "))
    else:
        for mt in re.finditer(r"(?<=[^\n])\n(?=[^\n])", text):
            line_edits.append((mt.start(), mt.end(), "\n\n"))
    m.apply_tagged(
        [(e, "hyphen_kept") for e in hyph_edits]
        + [(e, "dehyphenated") for e in drop_edits]
        + [(e, "line_join" if not line_mode else "blank_lines") for e in line_edits]
    )
