"""The invariants every analysis's tables keep, whatever its input (:func:`table_violations`).

Each table's character spans lie inside the clean (or raw) text, start no later than they end,
match the row's text column where it has one, and start and end on token boundaries, without
leading or trailing whitespace; every document has one ``documents`` row, and rows elsewhere only
when it has no ``error``. The property tests (``tests/corpus/test_fuzz.py``) and the soak
(``scripts/soak.py``) check them on perturbed documents (:mod:`helpers.evaluation.perturb`).
"""

from __future__ import annotations

from typing import Mapping

import pandas as pd

from helpers.text import clean

__all__ = ["table_violations", "OFFSET_SPANS", "EDGE_WHITESPACE"]

#: ``{table: [(start column, end column, text column or None, in the raw text?), ...]}``: the
#: character spans every table carries. Spans of -1/-1 mean "absent" where a table allows it.
OFFSET_SPANS: dict[str, list[tuple[str, str, str | None, bool]]] = {
    "sentences": [("start_char", "end_char", "text", False), ("raw_start", "raw_end", None, True)],
    "mentions": [("start_char", "end_char", "text", False), ("raw_start", "raw_end", None, True)],
    "blame": [("sent_start", "sent_end", "sentence", False), ("cue_start", "cue_end", "cue", False),
              ("blamed_start", "blamed_end", None, False), ("blamer_start", "blamer_end", None, False),
              ("issue_start", "issue_end", "issue", False), ("raw_cue_start", "raw_cue_end", None, True),
              ("raw_sent_start", "raw_sent_end", None, True)],
}
#: The words of a violation by a span that starts or ends with whitespace (a newline, a space).
EDGE_WHITESPACE = "starts or ends with whitespace"
#: Spans that are -1/-1 when absent: the author's own blame has no blamer, many rows no issue.
_OPTIONAL_SPANS = {("blame", "blamer_start"), ("blame", "issue_start")}
#: Clean-text spans that must start and end on token boundaries.
_TOKEN_SPANS = {("sentences", "start_char"), ("mentions", "start_char"), ("blame", "sent_start"),
                ("blame", "cue_start"), ("blame", "blamed_start"), ("blame", "blamer_start"),
                ("blame", "issue_start")}


def _token_bounds(text: str, tokenizer) -> tuple[set[int], set[int]]:
    """Token start and end offsets of ``text`` (whitespace tokens left out)."""
    doc = tokenizer(text)
    tokens = [t for t in doc if not t.is_space]
    return {t.idx for t in tokens}, {t.idx + len(t.text) for t in tokens}


def _span_problems(table: str, row, span, clean: str, raw: str, bounds) -> list[str]:
    start_col, end_col, text_col, in_raw = span
    s, e = int(row[start_col]), int(row[end_col])
    if (table, start_col) in _OPTIONAL_SPANS and s == e == -1:
        return [f"{text_col} {row[text_col]!r} without offsets"] if text_col and row[text_col] else []
    limit = len(raw) if in_raw else len(clean)
    if not 0 <= s <= e <= limit:
        return [f"{start_col}/{end_col} {s}/{e} outside 0..{limit}"]
    if in_raw:
        return []
    problems = []
    if text_col is not None and clean[s:e] != row[text_col]:
        problems.append(f"{text_col} {row[text_col]!r} != clean[{s}:{e}] {clean[s:e]!r}")
    if (table, start_col) in _TOKEN_SPANS:
        starts, ends = bounds
        if clean[s:e] != clean[s:e].strip():
            problems.append(f"{start_col}/{end_col} {s}/{e} ({clean[s:e]!r}) {EDGE_WHITESPACE}")
        elif s not in starts or e not in ends:  # the tokenizer's own boundaries ("theyd" is "they" "d")
            problems.append(f"{start_col}/{end_col} {s}/{e} ({clean[s:e]!r}) not on token boundaries")
    return problems


def _document_problems(doc_id: str, doc: dict, rows: Mapping[str, pd.DataFrame], raw: str, tokenizer) -> list[str]:
    others = {name: t for name, t in rows.items() if name != "documents"}
    if doc["error"]:
        return [f"{doc_id}: error {doc['error']!r} but {len(t)} {name} rows" for name, t in others.items() if len(t)]
    sentences = others["sentences"]
    problems = []
    if not len(sentences):
        problems.append(f"{doc_id}: no error and no sentence")
    if int(doc["n_sentences"]) != len(sentences) or list(sentences["sent_id"]) != list(range(len(sentences))):
        problems.append(f"{doc_id}: n_sentences {doc['n_sentences']} but sentence ids {list(sentences['sent_id'])}")
    clean_text = clean(raw, doc_id=doc_id).text  # cleaning is deterministic: the text the analysis saw
    bounds = _token_bounds(clean_text, tokenizer)
    sent_ids = set(sentences["sent_id"])
    for table, spans in OFFSET_SPANS.items():
        for k, row in enumerate(others[table].to_dict("records")):
            where = f"{doc_id}: {table} row {k}"
            if table != "sentences" and row["sent_id"] not in sent_ids:
                problems.append(f"{where}: sent_id {row['sent_id']} is not a sentence")
            for span in spans:
                problems += [f"{where}: {p}" for p in _span_problems(table, row, span, clean_text, raw, bounds)]
    return problems


def table_violations(tables: Mapping[str, pd.DataFrame], raw_texts: Mapping[str, str], tokenizer) -> list[str]:
    """Every way the analysis ``tables`` of the documents ``raw_texts`` (``{doc_id: raw text}``)
    break the invariants, as readable lines (none: all kept).

    - each input document has exactly one ``documents`` row, and no other document has one;
    - a document with an ``error`` has no rows in the other tables; one without has sentences
      (ids 0..n-1, as many as ``n_sentences``);
    - every span (:data:`OFFSET_SPANS`) has ``0 <= start <= end <=`` the length of the clean
      text (or the raw text, for raw offsets); the clean text at a span equals the row's text
      column where it has one; mention, cue, actor, issue and sentence spans start and end on
      token boundaries (``tokenizer``: the pipeline's tokenizer), never between two letters;
    - rows refer to sentences that exist.

    The clean text is :func:`helpers.text.clean` of the raw text, as in the analysis.
    """
    docs = tables["documents"]
    problems = [f"{d}: {n} documents rows" for d, n in docs["doc_id"].value_counts().sort_index().items() if n != 1]
    problems += [f"{d}: missing from documents" for d in sorted(set(raw_texts) - set(docs["doc_id"]))]
    for name, t in tables.items():
        problems += [f"{d}: {name} rows of an unknown document" for d in sorted(set(t["doc_id"]) - set(raw_texts))]
    groups = {name: dict(tuple(t.groupby("doc_id", sort=False))) for name, t in tables.items()}
    for doc in docs.drop_duplicates("doc_id").to_dict("records"):
        doc_id = doc["doc_id"]
        if doc_id not in raw_texts:
            continue
        rows = {name: g.get(doc_id, tables[name].iloc[:0]) for name, g in groups.items()}
        problems += _document_problems(doc_id, doc, rows, raw_texts[doc_id], tokenizer)
    return problems
