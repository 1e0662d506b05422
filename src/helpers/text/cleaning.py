"""Text cleaning for news articles pasted from PDFs and web pages.

``clean(raw)`` returns a :class:`CleanDocument`: the clean body (paragraphs separated by one
blank line), the material that is not body (photo captions and credits, datelines) as
metadata, every repair made with its position in the raw text, and an exact map from each
character of the clean body back to the raw text, so that any later finding can cite the raw
line and column.

What is repaired, in order (each is a ``kind`` in the repair report):

``bom``, ``newline``
    a byte-order mark is dropped; CRLF and CR become LF.
``control``
    C1 control characters (U+0080-U+009F, left by text that was cp1252 once) become the cp1252
    character they stood for ("\\x95" -> "•") or are dropped; other control characters
    (except newline and tab) are dropped.
``nfc``
    Unicode is put in NFC form (a base letter and its combining accent become one character).
``space``, ``zero_width``, ``soft_hyphen``
    no-break, thin and other Unicode spaces and tabs become a plain space; zero-width
    characters and soft hyphens are dropped.
``quotes``
    typographic quotes and apostrophes become ASCII ``'`` and ``"`` (the body uses ASCII
    quotes; pass ``quotes="keep"`` to keep them). Dashes and ellipses are kept.
``strip``, ``space_run``
    leading/trailing spaces of a line are removed; runs of spaces become one.
``caption``, ``media_file``, ``dateline``
    photo captions/credits, media file references and datelines move to ``metadata``.
``page_break``
    a paragraph break that falls mid-sentence (a page break) is joined: the previous paragraph
    does not end a sentence, and the next starts in lower case, or the previous ends on a comma
    or a word that cannot end a sentence ("the", "of", "by": ``continuation_words`` in
    data/cleaning.yml), or the previous is prose, not a short heading, and the break is longer
    than the document's usual one. Real paragraph breaks stay.
``line_join``
    hard-wrapped lines inside a paragraph are joined with a space.
``hyphen_kept``, ``dehyphenated``
    an end-of-line hyphen: a compound keeps its hyphen ("cease-\\nfire" -> "cease-fire"), a
    word split by the typesetter loses it ("interna-\\ntional" -> "international"). Decided by
    the document's own usage of the word, then by an English word-frequency list (wordfreq).
``missing_space``
    a space is inserted after an abbreviation's (or a word's) period glued to a capitalised
    word ("U.S.Secretary" -> "U.S. Secretary"); "U.S." and "U.S.-Russia" are left alone.
``blank_lines``
    paragraphs are separated by exactly one blank line.

Only whitespace is changed without a report; every other changed character is covered by a
reported repair, and cleaning a clean body changes nothing.
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import yaml

from helpers.paths import package_file

__all__ = [
    "CleanDocument",
    "Repair",
    "clean",
    "clean_file",
    "read_text",
    "decode_bytes",
    "NotTextError",
    "html_to_text",
    "looks_like_html",
    "english_share",
    "language_problem",
    "REPAIR_KINDS",
]

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

# Characters grouped by what happens to them. Written as escapes so the intent is visible.
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\f\v"
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"
# A paragraph that ends with one of these ends a sentence (or a quote, list lead-in, ...).
_TERMINAL = set('.!?:;"\')]…»”’\u0964\u0965\u3002')
# Paragraph openers that mark a line as an attribution, list item or speaker turn, not prose.
_NON_PROSE_START = re.compile(r"^(?:[—–\-•*·►▪■█]|\(\(|\d+[.)] )")


@dataclass(frozen=True)
class Repair:
    """One change made to the raw text: ``raw[raw_start:raw_end]`` (``before``) became ``after``."""

    kind: str
    raw_start: int
    raw_end: int
    before: str
    after: str


@dataclass
class CleanDocument:
    """A cleaned document: body, metadata, repairs and the clean-to-raw offset map."""

    doc_id: str
    raw: str
    text: str
    offsets: list[int] = field(repr=False)
    paragraphs: list[tuple[int, int]]
    metadata: dict
    repairs: list[Repair] = field(repr=False)

    # ----- offsets -------------------------------------------------------------------------
    def raw_offset(self, i: int) -> int:
        """Raw offset of clean character ``i`` (``i == len(text)`` maps to the raw end)."""
        if i == len(self.text):
            return len(self.raw)
        return self.offsets[i]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw span ``(raw_start, raw_end)`` that the clean span ``[start, end)`` came from."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span ({start}, {end}) outside the clean text of length {len(self.text)}")
        if start == end:
            r = self.raw_offset(start)
            return r, r
        return self.offsets[start], self.offsets[end - 1] + 1

    def raw_line_col(self, i: int) -> tuple[int, int]:
        """1-based (line, column) in the raw text of clean character ``i``."""
        return line_col(self.raw, self.raw_offset(i), self._line_starts())

    def clean_offset(self, raw_i: int) -> int:
        """The clean offset of the first clean character at or after raw offset ``raw_i``."""
        from bisect import bisect_left

        return bisect_left(self.offsets, raw_i)

    def context(self, r: Repair, width: int = 24) -> tuple[str, str]:
        """``(raw, clean)`` snippets around repair ``r``, for showing it side by side."""
        cs, ce = self.clean_offset(r.raw_start), self.clean_offset(r.raw_end)
        raw = self.raw[max(0, r.raw_start - width) : r.raw_end + width]
        clean = self.text[max(0, cs - width) : ce + width]
        return raw, clean

    def _line_starts(self) -> list[int]:
        starts = getattr(self, "_starts_cache", None)
        if starts is None:
            starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", self.raw)]
            object.__setattr__(self, "_starts_cache", starts)
        return starts

    def offset_segments(self) -> list[list[int]]:
        """The offset map, run-length encoded: ``[clean_start, raw_start, length]`` triples."""
        segs: list[list[int]] = []
        for i, r in enumerate(self.offsets):
            if segs and segs[-1][0] + segs[-1][2] == i and segs[-1][1] + segs[-1][2] == r:
                segs[-1][2] += 1
            else:
                segs.append([i, r, 1])
        return segs

    # ----- reports -------------------------------------------------------------------------
    def repair_counts(self) -> dict[str, int]:
        """Number of repairs of each kind (every kind listed, zeros included), in step order."""
        counts = Counter(r.kind for r in self.repairs)
        return {k: counts.get(k, 0) for k in REPAIR_KINDS}

    def report(self, examples: int = 2, width: int = 40):
        """The cleaning report as a DataFrame: kind, count and a few raw -> clean examples."""
        import pandas as pd

        rows = []
        for kind, n in self.repair_counts().items():
            if not n:
                continue
            shown = [r for r in self.repairs if r.kind == kind][:examples]
            texts = []
            for r in shown:
                if r.before.strip() and len(r.before) > 12:  # a moved block: show its start
                    texts.append(f"{_shorten(r.before, width)!r} -> {r.after!r}")
                else:
                    raw, clean = self.context(r, width=8)
                    texts.append(f"{raw!r} -> {clean!r}")
            rows.append({"kind": kind, "count": n, "examples": " | ".join(texts)})
        return pd.DataFrame(rows, columns=["kind", "count", "examples"])

    def repairs_frame(self):
        """Every repair as a DataFrame row with raw offsets and raw (line, column)."""
        import pandas as pd

        starts = self._line_starts()
        rows = []
        for r in self.repairs:
            line, col = line_col(self.raw, r.raw_start, starts)
            rows.append(
                {
                    "doc_id": self.doc_id,
                    **asdict(r),
                    "raw_line": line,
                    "raw_col": col,
                    "clean_start": self.clean_offset(r.raw_start),
                    "clean_end": self.clean_offset(r.raw_end),
                }
            )
        columns = ["doc_id", "kind", "raw_start", "raw_end", "before", "after", "raw_line", "raw_col",
                   "clean_start", "clean_end"]
        return pd.DataFrame(rows, columns=columns)

    def side_by_side(self, per_kind: int = 1, width: int = 24):
        """Raw and clean text around the first ``per_kind`` repairs of each kind, as a DataFrame."""
        import pandas as pd

        starts = self._line_starts()
        rows = []
        for kind in REPAIR_KINDS:
            for r in [r for r in self.repairs if r.kind == kind][:per_kind]:
                raw, clean = self.context(r, width)
                if kind in ("caption", "media_file", "dateline"):
                    raw, clean = _shorten(r.before, 2 * width), ""
                rows.append({"kind": kind, "raw_line": line_col(self.raw, r.raw_start, starts)[0],
                             "raw": raw, "clean": clean})
        return pd.DataFrame(rows, columns=["kind", "raw_line", "raw", "clean"])

    def non_body(self):
        """What cleaning moved out of the body (captions, media files, datelines), as a DataFrame."""
        import pandas as pd

        starts = self._line_starts()
        rows = []
        for kind, key in (("dateline", "dateline"), ("dateline", "datelines_more"),
                          ("caption", "captions"), ("media_file", "media_files")):
            entries = self.metadata.get(key, [])
            for e in [entries] if isinstance(entries, dict) else entries:
                line, col = line_col(self.raw, e["raw_start"], starts)
                rows.append({"kind": kind, "raw_line": line, "raw_col": col, "text": e["text"]})
        return pd.DataFrame(rows, columns=["kind", "raw_line", "raw_col", "text"]).sort_values(
            ["raw_line", "raw_col"], ignore_index=True
        )

    def verify(self) -> int:
        """Check the offset map; return the number of clean characters copied unchanged.

        Raises ``AssertionError`` if any clean character neither equals its raw character nor
        was produced by a reported repair, or if the map goes backwards.
        """
        copied = 0
        by_start = sorted(self.repairs, key=lambda r: r.raw_start)
        starts = [r.raw_start for r in by_start]
        prev = -1
        for i, (ch, r) in enumerate(zip(self.text, self.offsets)):
            assert r >= prev, f"offset map goes backwards at clean offset {i}"
            prev = r
            if r < len(self.raw) and self.raw[r] == ch:
                copied += 1
                continue
            k = bisect_right(starts, r)
            near = by_start[max(0, k - 8) : k]
            assert any(rep.raw_start <= r <= rep.raw_end and ch in rep.after for rep in near), (
                f"{self.doc_id}: clean character {i} ({ch!r}) has no source at raw offset {r}"
            )
        assert len(self.offsets) == len(self.text)
        return copied

    def to_json(self) -> dict:
        """A JSON-serialisable record (clean text, metadata, paragraphs, offset map, repairs)."""
        return {
            "doc_id": self.doc_id,
            "text": self.text,
            "metadata": self.metadata,
            "paragraphs": [list(p) for p in self.paragraphs],
            "offset_segments": self.offset_segments(),
            "repair_counts": self.repair_counts(),
            "repairs": [asdict(r) for r in self.repairs],
        }

    def write(self, out_dir: str | Path) -> dict[str, Path]:
        """Write ``<doc_id>.clean.txt``, ``<doc_id>.clean.json`` and ``<doc_id>.repairs.csv``."""
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        paths = {
            "text": out / f"{self.doc_id}.clean.txt",
            "json": out / f"{self.doc_id}.clean.json",
            "repairs": out / f"{self.doc_id}.repairs.csv",
        }
        paths["text"].write_text(self.text + "\n", encoding="utf-8")
        paths["json"].write_text(json.dumps(self.to_json(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        self.repairs_frame().to_csv(paths["repairs"], index=False, lineterminator="\n")
        return paths


def paragraph_stats(doc: CleanDocument, spacy_doc) -> "pd.DataFrame":
    """Per paragraph of ``doc``: sentences and words (from a spaCy ``Doc`` of ``doc.text``)."""
    import pandas as pd

    rows = []
    sents = list(spacy_doc.sents)
    for k, (s, e) in enumerate(doc.paragraphs):
        inside = [x for x in sents if s <= x.start_char < e]
        words = sum(1 for t in spacy_doc.char_span(s, e, alignment_mode="expand") if not (t.is_punct or t.is_space))
        rows.append({"paragraph": k, "start_char": s, "end_char": e, "sentences": len(inside), "words": words,
                     "raw_line": doc.raw_line_col(s)[0], "opening": _shorten(doc.text[s:e], 48)})
    return pd.DataFrame(rows)


def line_col(raw: str, offset: int, starts: list[int] | None = None) -> tuple[int, int]:
    """1-based (line, column) of raw ``offset``; CRLF, CR and LF all end a line."""
    if starts is None:
        starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", raw)]
    line = bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


def _shorten(s: str, width: int) -> str:
    return s if len(s) <= width else s[: width - 1] + "…"


# ------------------------------------------------------------------------------------------
# The mapped string: text whose every character remembers its raw offset.
# ------------------------------------------------------------------------------------------
class _Mapped:
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


# ------------------------------------------------------------------------------------------
# Rules (data/cleaning.yml)
# ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Rules:
    caption_end: re.Pattern
    caption_only: re.Pattern
    caption_max_words: int
    media_file: re.Pattern
    dateline_paragraph: re.Pattern
    leading_date: tuple[re.Pattern, ...]
    wire_dateline: tuple[re.Pattern, ...]
    continuation_words: frozenset[str]


@lru_cache(maxsize=None)
def load_rules(path: str | None = None) -> _Rules:
    """Compile the caption/dateline rules from ``data/cleaning.yml`` (or ``path``)."""
    p = Path(path) if path else package_file("helpers.text", "cleaning.yml")
    with open(p, encoding="utf-8") as fh:
        cfg = yaml.safe_load(fh)
    fill = {
        "month": "(?:" + "|".join(sorted(map(re.escape, cfg["months"]), key=len, reverse=True)) + ")",
        "weekday": "(?:" + "|".join(sorted(map(re.escape, cfg["weekdays"]), key=len, reverse=True)) + ")",
    }

    def fmt(s: str) -> str:
        return s.replace("{month}", fill["month"]).replace("{weekday}", fill["weekday"])

    agencies = "|".join(sorted(map(re.escape, cfg["agencies"]), key=len, reverse=True))
    labels = "|".join(sorted(map(re.escape, cfg["credit_labels"]), key=len, reverse=True))
    # "... Syrian Civil Defense White Helmets / AP", "Photo: Reuters", "(Image: Genium.)"
    caption_end = re.compile(
        rf"(?:(?:^|\s)[^\s/][^/\n]{{0,80}}\s?/\s?(?:{agencies})|(?:^|[\s(])(?:{labels})\s?(?::|by)\s[^\n]{{1,80}})\.?\)?$"
    )
    caption_only = re.compile(rf"^\(?(?:{agencies})(?: Photo)?\)?\.?$")
    return _Rules(
        caption_end=caption_end,
        caption_only=caption_only,
        caption_max_words=int(cfg["caption_max_words"]),
        media_file=re.compile(cfg["media_file_pattern"]),
        dateline_paragraph=re.compile("^(?:" + "|".join(fmt(p) for p in cfg["dateline_paragraphs"]) + ")$"),
        leading_date=tuple(re.compile("^" + fmt(p) + r"(?=\s|$)") for p in cfg["leading_dates"]),
        wire_dateline=tuple(re.compile("^" + fmt(p)) for p in cfg["wire_datelines"]),
        continuation_words=frozenset(w.lower() for w in cfg["continuation_words"].split()),
    )


# ------------------------------------------------------------------------------------------
# Word knowledge for hyphenation and glued sentences
# ------------------------------------------------------------------------------------------
#: A word is "known" from this Zipf frequency on (about once per 3 million words).
KNOWN_WORD_ZIPF = 2.5


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """English Zipf frequency of ``word`` (wordfreq's 'best' list); 0 when unknown."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def _is_word(word: str) -> bool:
    return zipf(word.lower()) >= KNOWN_WORD_ZIPF


def keep_hyphen(left: str, right: str, doc_words: Counter | None = None) -> bool:
    """Decide whether ``left-`` + line break + ``right`` is a compound (keep the hyphen).

    1. The document's own usage wins: if it writes ``left-right`` (or ``leftright``) elsewhere.
    2. A right part in capitals ("anti-\\nAmerican", "U.S.-\\nRussia") keeps the hyphen.
    3. If the joined word is a known English word and either part is not, the hyphen was the
       typesetter's ("interna-tional"): drop it. If both parts are words too ("some-thing",
       "cease-fire"), drop it only when the joined word is at least as frequent as the rarer part.
    4. Otherwise keep it: a hyphen wrongly kept loses nothing; one wrongly dropped does.
    """
    joined, hyphened = (left + right).lower(), f"{left}-{right}".lower()
    if doc_words:
        if doc_words.get(hyphened, 0) > doc_words.get(joined, 0):
            return True
        if doc_words.get(joined, 0) > doc_words.get(hyphened, 0):
            return False
    if right[:1].isupper() or not left[-1:].isalpha():
        return True
    zj = zipf(joined)
    if zj < KNOWN_WORD_ZIPF:
        return True
    zl, zr = zipf(left.lower()), zipf(right.lower())
    if zl < KNOWN_WORD_ZIPF or zr < KNOWN_WORD_ZIPF:
        return False
    return zj < min(zl, zr)


_WORD_RX = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def _doc_words(text: str) -> Counter:
    """Lower-cased words and hyphenated compounds written on one line in ``text``."""
    c: Counter = Counter()
    for m in _WORD_RX.finditer(text):
        w = m.group().lower()
        c[w] += 1
    return c


# ------------------------------------------------------------------------------------------
# Steps
# ------------------------------------------------------------------------------------------
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


def _nfc(m: _Mapped) -> None:
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


def _blocks(text: str, line_mode: bool) -> list[tuple[int, int]]:
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


def _is_caption(par: str, rules: _Rules) -> bool:
    flat = " ".join(par.split())
    if len(flat.split()) > rules.caption_max_words:
        return False
    return bool(rules.caption_only.match(flat) or rules.caption_end.search(flat))


def _heading_like(par: str) -> bool:
    """A one-line, short paragraph without final punctuation: a title, label or list item."""
    return "\n" not in par and len(par.split()) <= 12


def _continues(prev: str, nxt: str, gap: int, usual_gap: int, rules: "_Rules") -> bool:
    """Is the break between paragraphs ``prev`` and ``nxt`` a page break inside a sentence?"""
    if not prev or not nxt or prev[-1] in _TERMINAL:
        return False
    if _NON_PROSE_START.match(prev) or _NON_PROSE_START.match(nxt):
        return False
    if nxt[0].islower():
        return True
    last_word = re.findall(r"[A-Za-z]+$", prev)
    if prev[-1] in ",-–—" or (last_word and last_word[0].lower() in rules.continuation_words):
        return True
    if _heading_like(prev) or not (nxt[0].isalnum() or nxt[0] in "\"'("):
        return False
    return gap > usual_gap


def _structure(m: _Mapped, rules: _Rules, metadata: dict) -> None:
    """Move captions/datelines to metadata, join page breaks, normalise paragraph separators."""
    line_mode = _line_mode(m.text)
    metadata["line_breaks"] = "paragraphs" if line_mode else "wrapped"

    # 1. Non-body blocks: captions, media files; a leading dateline paragraph.
    edits: list[tuple[int, int, str, str]] = []
    spans = _blocks(m.text, line_mode)
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
    spans = _blocks(m.text, line_mode)
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


def _leading_dateline(m: _Mapped, rules: _Rules, metadata: dict) -> None:
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


def _join_lines(m: _Mapped, line_mode: bool) -> None:
    text = m.text
    words = _doc_words(text)
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
            if mt.start() not in taken:
                line_edits.append((mt.start(), mt.end(), " "))
    else:
        for mt in re.finditer(r"(?<=[^\n])\n(?=[^\n])", text):
            line_edits.append((mt.start(), mt.end(), "\n\n"))
    m.apply_tagged(
        [(e, "hyphen_kept") for e in hyph_edits]
        + [(e, "dehyphenated") for e in drop_edits]
        + [(e, "line_join" if not line_mode else "blank_lines") for e in line_edits]
    )


# "U.S.Secretary" -> "U.S. Secretary"; "U.S.-Russia" and "U.S." untouched.
_GLUED_INITIALISM = re.compile(r"(?<![\w.])((?:[A-Z]\.){2,})(?=[A-Z][a-z])")
# "killed.The" -> "killed. The", only when both sides are English words (not "Node.Js", URLs).
_GLUED_SENTENCE = re.compile(r"(?<![\w./@:-])([a-z]{2,})\.([A-Z][a-z]{2,})\b(?![./@])")


def _missing_spaces(m: _Mapped) -> None:
    edits = [(mt.end(1), mt.end(1), " ") for mt in _GLUED_INITIALISM.finditer(m.text)]
    for mt in _GLUED_SENTENCE.finditer(m.text):
        if _is_word(mt.group(1)) and _is_word(mt.group(2)) and zipf(mt.group(1)) >= 3.0:
            edits.append((mt.end(1) + 1, mt.end(1) + 1, " "))
    m.apply(edits, "missing_space")


def clean(raw: str, doc_id: str = "doc", *, quotes: str = "ascii", rules_path: str | None = None) -> CleanDocument:
    """Clean one raw article (a ``str`` as read from the file, BOM and CRLF included).

    ``quotes``: ``"ascii"`` (default) turns typographic quotes into ASCII; ``"keep"`` leaves them.
    """
    if quotes not in ("ascii", "keep"):
        raise ValueError(f"quotes must be 'ascii' or 'keep', not {quotes!r}")
    rules = load_rules(rules_path)
    m = _Mapped(raw)
    metadata: dict = {"doc_id": doc_id, "quotes": quotes}

    if raw.startswith("\ufeff"):
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
    _structure(m, rules, metadata)

    paragraphs = _blocks(m.text, line_mode=False)
    return CleanDocument(
        doc_id=doc_id,
        raw=raw,
        text=m.text,
        offsets=m.pos,
        paragraphs=paragraphs,
        metadata=metadata,
        repairs=sorted(m.repairs, key=lambda r: (r.raw_start, r.raw_end, REPAIR_KINDS.index(r.kind))),
    )


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


# ------------------------------------------------------------------------------------------
# HTML pages and language
# ------------------------------------------------------------------------------------------
_HTML_START = re.compile(r"^\ufeff?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])",
                         re.IGNORECASE | re.DOTALL)


def looks_like_html(text: str) -> bool:
    """True when the text is an HTML page (it starts with a doctype or an html/head/body tag)."""
    return bool(_HTML_START.match(text[:4096]))


def html_to_text(html: str) -> str:
    """The readable text of an HTML page, extracted with Python's HTML parser.

    Scripts, styles, templates, forms, navigation, headers/footers and asides are dropped (so is
    everything in ``<head>`` but the ``<title>``, which becomes the first paragraph unless the
    page repeats it as its ``<h1>``); block elements (p, div, h1-h6, li, tr, blockquote, br ...)
    end a paragraph; entities are decoded. The text is never executed or interpreted further.
    """
    from html.parser import HTMLParser

    skip = {"script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "nav", "header",
            "footer", "aside", "form", "button", "select", "head"}
    blocks = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
              "tr", "table", "blockquote", "pre", "figure", "figcaption", "dd", "dt", "dl", "hr", "br", "title"}
    void = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"}

    class _Extractor(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []
            self.title: list[str] = []
            self.stack: list[str] = []
            self.h1: list[str] = []

        def _skipping(self) -> bool:
            return any(t in skip for t in self.stack)

        def handle_starttag(self, tag, attrs):
            if tag in blocks:
                self.parts.append("\n\n")
            if tag not in void:
                self.stack.append(tag)

        def handle_startendtag(self, tag, attrs):
            if tag in blocks:
                self.parts.append("\n\n")

        def handle_endtag(self, tag):
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass
            if tag in blocks:
                self.parts.append("\n\n")

        def handle_data(self, data):
            if self.stack and self.stack[-1] == "title":
                self.title.append(data)
            elif not self._skipping():
                self.parts.append(data)
                if "h1" in self.stack:
                    self.h1.append(data)

    ex = _Extractor()
    ex.feed(html)
    ex.close()
    paragraphs = [" ".join(p.split()) for p in "".join(ex.parts).split("\n\n")]
    paragraphs = [p for p in paragraphs if p]
    title = " ".join("".join(ex.title).split())
    if title and " ".join("".join(ex.h1).split()) != title and (not paragraphs or paragraphs[0] != title):
        paragraphs.insert(0, title)
    return "\n\n".join(paragraphs)


@lru_cache(maxsize=1)
def _english_function_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def english_share(text: str, max_words: int = 2000) -> tuple[float, int]:
    """``(share, n)``: the share of the first ``max_words`` words that are English function
    words (spaCy's English stop-word list), and how many words were looked at. English news
    prose is around 0.4-0.5; French, German, Spanish, Russian or Arabic text is far below
    (the thresholds are in ``data/cleaning.yml``, ``language``)."""
    words = re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", text[: max_words * 12].lower())[:max_words]
    if not words:
        return 0.0, 0
    stop = _english_function_words()
    return sum(w in stop for w in words) / len(words), len(words)


@lru_cache(maxsize=None)
def _language_config(path: str | None = None) -> tuple[int, float]:
    """``(min_words, min_function_word_share)`` from the ``language`` section of ``data/cleaning.yml``
    (read once per process)."""
    p = Path(path) if path else package_file("helpers.text", "cleaning.yml")
    with open(p, encoding="utf-8") as fh:
        cfg = yaml.safe_load(fh)["language"]
    return int(cfg["min_words"]), float(cfg["min_function_word_share"])


def language_problem(text: str, path: str | None = None) -> str:
    """An error message when ``text`` is long enough to judge and is not English, else ``""``."""
    min_words, min_share = _language_config(str(path) if path else None)
    share, n = english_share(text)
    if n >= min_words and share < min_share:
        return (f"not English ({share:.0%} of {n} words are English function words; English news prose has "
                f"about 40-50%): not analysed")
    return ""


def clean_file(path: str | Path, doc_id: str | None = None, **kwargs) -> CleanDocument:
    """Read and clean a text file; ``doc_id`` defaults to the file name without extension."""
    p = Path(path)
    raw, encoding = read_text(p)
    doc = clean(raw, doc_id=doc_id or p.stem, **kwargs)
    doc.metadata["source_path"] = p.name
    doc.metadata["encoding"] = encoding
    return doc
