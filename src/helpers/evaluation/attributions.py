"""Scoring the quotes table against attribution gold (source, cue and content spans, PolNeAR-style).

A gold attribution is **found** by a quotes row when the row's cue overlaps the gold cue, or the
row's content covers at least half of the gold content; rows and gold attributions are paired one
to one (cue overlaps first, then content cover; largest overlap first). On the found pairs the
**speaker is right** when the row's speaker words overlap the gold source, or the row's resolved
speaker (``speaker``) shares a word with it; a gold attribution without a source is right only
for a row without a speaker. Offsets are the rows' ``raw_`` offsets into the text the gold
annotates. Gold kinds come from the same rule as the rows': ``direct`` when all of the content's
letters are inside quotation marks, ``mixed`` when some are, ``indirect`` otherwise.
"""

from __future__ import annotations

import pandas as pd

from helpers.evaluation.metrics import grouped_bootstrap_ci, prf, prf_ci
from helpers.quotes.attributions import content_kind, quoted_spans

__all__ = ["match_attributions", "score_attributions", "gold_kind"]

#: The least share of a gold content a row's content must cover to find it (without a cue overlap).
CONTENT_COVER = 0.5


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def gold_kind(text: str, content: tuple[int, int] | None, marks) -> str:
    """direct, mixed or indirect for a gold content span of ``text`` (``marks``: quotation marks)."""
    return "indirect" if content is None else content_kind(text, *content, quoted_spans(text, marks))


def match_attributions(gold: list[dict], rows: pd.DataFrame) -> list[tuple[int, int]]:
    """One-to-one ``(gold index, row index)`` pairs (see the module docstring). ``gold``: dicts with
    ``cue`` and ``content`` as ``(start, end)`` or ``None``; ``rows``: a quotes table of one document."""
    cues = list(zip(rows["raw_cue_start"], rows["raw_cue_end"]))
    contents = list(zip(rows["raw_content_start"], rows["raw_content_end"]))
    candidates = []
    for i, g in enumerate(gold):
        for j in range(len(rows)):
            if g["cue"] and cues[j][0] >= 0 and _overlap(g["cue"], cues[j]):
                candidates.append((0, -_overlap(g["cue"], cues[j]), i, j))
            elif g["content"] and contents[j][0] >= 0:
                cover = _overlap(g["content"], contents[j])
                if cover >= CONTENT_COVER * (g["content"][1] - g["content"][0]):
                    candidates.append((1, -cover, i, j))
    used_g, used_r, pairs = set(), set(), []
    for _, _, i, j in sorted(candidates):
        if i not in used_g and j not in used_r:
            used_g.add(i)
            used_r.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def _words(s: str) -> set[str]:
    return {w for w in "".join(c.lower() if c.isalnum() else " " for c in s).split() if len(w) > 2}


def speaker_right(g: dict, row: pd.Series) -> bool:
    """Does the row name the gold attribution's source (see the module docstring)?"""
    if g["source"] is None:
        return row["raw_speaker_start"] < 0
    if row["raw_speaker_start"] >= 0 and _overlap(g["source"], (row["raw_speaker_start"], row["raw_speaker_end"])):
        return True
    return bool(row["speaker"]) and bool(_words(row["speaker"]) & _words(g["source_text"]))


def score_attributions(docs: list[tuple[str, str, list[dict]]], quotes: pd.DataFrame, marks) -> dict:
    """Figures of the quotes table ``quotes`` on ``docs`` (``(doc_id, text, gold attributions)``):
    ``overall`` precision, recall and F1 with bootstrap intervals over documents, ``speaker``
    accuracy on the found ones (with its interval), and ``by_kind``: recall and speaker accuracy per
    gold kind, precision per row kind."""
    per_doc, found, by_kind = [], [], []
    grouped = dict(tuple(quotes.groupby("doc_id", sort=False)))
    for doc_id, text, gold in docs:
        rows = grouped.get(doc_id, quotes.iloc[:0]).reset_index(drop=True)
        pairs = match_attributions(gold, rows)
        per_doc.append({"doc_id": doc_id, "tp": len(pairs), "pred": len(rows), "gold": len(gold)})
        matched = dict(pairs)
        matched_rows = {j for _, j in pairs}
        for i, g in enumerate(gold):
            kind = gold_kind(text, g["content"], marks)
            right = speaker_right(g, rows.iloc[matched[i]]) if i in matched else None
            by_kind.append({"side": "gold", "kind": kind, "found": i in matched, "speaker_right": right})
            if i in matched:
                found.append({"doc_id": doc_id, "right": bool(right)})
        for j in range(len(rows)):
            by_kind.append({"side": "row", "kind": rows.at[j, "kind"], "found": j in matched_rows,
                            "speaker_right": None})
    counts = pd.DataFrame(per_doc)
    overall = prf_ci(counts)
    found_df = pd.DataFrame(found)
    speaker = float(found_df["right"].mean()) if len(found_df) else 0.0
    low, high = (grouped_bootstrap_ci(found_df, "doc_id", lambda s: float(s["right"].mean()))
                 if len(found_df) else (0.0, 0.0))
    kinds = pd.DataFrame(by_kind)
    rows_k = []
    for kind in ("direct", "indirect", "mixed"):
        g = kinds[(kinds.side == "gold") & (kinds.kind == kind)]
        r = kinds[(kinds.side == "row") & (kinds.kind == kind)]
        f = g[g.found]
        rows_k.append({"kind": kind, "gold": len(g), "recall": float(g.found.mean()) if len(g) else 0.0,
                       "rows": len(r), "precision": float(r.found.mean()) if len(r) else 0.0,
                       "speaker_accuracy": float(f.speaker_right.astype(bool).mean()) if len(f) else 0.0})
    totals = prf(int(counts.tp.sum()), int(counts.pred.sum()), int(counts.gold.sum()))
    return {"overall": {**overall, "tp": totals["tp"], "pred": totals["pred"], "gold": totals["gold"]},
            "speaker": {"accuracy": speaker, "low": low, "high": high, "found": len(found_df)},
            "by_kind": pd.DataFrame(rows_k)}
