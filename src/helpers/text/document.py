"""The cleaned document: body, metadata, repairs and the clean-to-raw offset map.

Owns :class:`CleanDocument` (offset look-ups, the repair report and tables, the offset-map check,
the JSON/CSV writer), :func:`paragraph_stats` and :func:`sentence_citations`.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from helpers.text.offsets import REPAIR_KINDS, Repair, line_col, line_starts

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["CleanDocument", "paragraph_stats", "sentence_citations"]


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
            starts = line_starts(self.raw)
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


def sentence_citations(doc: CleanDocument, spacy_doc) -> "pd.DataFrame":
    """Per sentence of a spaCy ``Doc`` of ``doc.text``: its clean offsets and the raw text it cites
    (``raw_start``/``raw_end`` from :meth:`CleanDocument.raw_span`, the 1-based ``raw_line`` and
    ``raw_col`` of its first character), with the sentence's text."""
    import pandas as pd

    rows = []
    for sent in spacy_doc.sents:
        raw_start, raw_end = doc.raw_span(sent.start_char, sent.end_char)
        line, col = doc.raw_line_col(sent.start_char)
        rows.append({"start_char": sent.start_char, "end_char": sent.end_char, "raw_start": raw_start,
                     "raw_end": raw_end, "raw_line": line, "raw_col": col, "sentence": sent.text})
    columns = ["start_char", "end_char", "raw_start", "raw_end", "raw_line", "raw_col", "sentence"]
    return pd.DataFrame(rows, columns=columns)


def _shorten(s: str, width: int) -> str:
    return s if len(s) <= width else s[: width - 1] + "…"
