"""Blame rows against two annotated corpora that stay outside the project (no licence stated, so
nothing of them is copied in): BASIL's negative, targeted spans (Fan et al., EMNLP 2019) and
PolNeAR's attributions whose cue is a blame word (Newell et al., LREC 2018). Development
measurements only, run by ``scripts/eval_basil.py`` and ``scripts/eval_polnear_blame.py`` on a
path the user gives.

Each article is cleaned (:func:`helpers.text.clean`), parsed by the resources' actor pipeline
and given its blame table; the corpora's character offsets (into the article as released) are
moved into the clean text. Names are compared by their words (:func:`names_agree`): lower case,
letters only, stop words and a plural or possessive ``s`` left out; two names agree when they
share a word ("Donald_Trump" and "Trump").

- **BASIL** (:func:`basil_spans`): per negative span with a target, is there a row in the
  sentence holding the span (the pipeline's sentence of its first character) whose blamed names
  the target (display name, root or the words at its offsets), and is its attribution right:
  ``reported`` with a blamer naming the quoted speaker for a quoted span, ``author`` otherwise.
- **PolNeAR** (:func:`polnear_cues`): per attribution whose cue holds a blame word
  (:func:`blame_cue_words`: the lexicon's ``explicit_verbs`` and ``criticism_verbs``, by lemma),
  is there a row whose cue overlaps it, and is that row's blamer the annotated source (its words
  overlap the source span, or its name agrees with the source's words)?
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

from helpers.evaluation.blame import sentence_of
from helpers.evaluation.metrics import grouped_bootstrap_ci

__all__ = ["read_jsonl", "name_words", "names_agree", "blame_cue_words", "parse_article", "basil_spans",
           "polnear_cues", "share_with_ci"]


def read_jsonl(path: str | Path) -> list[dict]:
    """One record per line of a JSONL file (a folder is refused with the files it holds)."""
    path = Path(path)
    if path.is_dir():
        files = ", ".join(sorted(p.name for p in path.glob("*.jsonl"))) or "none"
        raise SystemExit(f"{path} is a folder: give one of its JSONL files ({files}), e.g. {path / 'dev.jsonl'}")
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def name_words(text: str) -> frozenset[str]:
    """The words of a name, for :func:`names_agree` (the module docstring)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = (w.removesuffix("'s").removesuffix("’s") for w in re.findall(r"[^\W\d_]+(?:['’]s)?", text.lower()))
    words = (w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words)
    return frozenset(w for w in words if len(w) > 1 and w not in STOP_WORDS)


def names_agree(a: str, b: str) -> bool:
    """Do two names share a word (:func:`name_words`)?"""
    return bool(name_words(a) & name_words(b))


def blame_cue_words(lexicon) -> frozenset[str]:
    """The lemmas of the lexicon's blame verbs: ``explicit_verbs`` and ``criticism_verbs``."""
    return frozenset(lexicon.explicit_verbs) | frozenset(lexicon.criticism_verbs)


def parse_article(doc_id: str, text: str, resources):
    """``(clean, doc, table)``: the clean document, its parse by ``resources.nlp`` and its blame
    table (``resources.catalog``, ``resources.lexicon``)."""
    from helpers.blame import blame_table
    from helpers.text import clean

    cd = clean(text, doc_id)
    doc = resources.nlp(cd.text)
    return cd, doc, blame_table([(doc_id, doc)], resources.catalog, resources.lexicon, {doc_id: cd})


def _clean_span(cd, start: int, end: int) -> tuple[int, int]:
    return cd.clean_offset(start), max(cd.clean_offset(start), cd.clean_offset(end))


def _party_texts(row, role: str, text: str) -> list[str]:
    """What names a row's blamer or blamed: its display name, root, and the words of the text."""
    out = [getattr(row, role), getattr(row, f"{role}_root")]
    words = getattr(row, f"{role}_text", None)
    start, end = getattr(row, f"{role}_start"), getattr(row, f"{role}_end")
    out.append(words if isinstance(words, str) else text[start:end] if start >= 0 else "")
    return [t for t in out if t and t not in ("author", "unstated")]


def basil_spans(records: list[dict], resources) -> pd.DataFrame:
    """One row per negative BASIL span with a target: ``article``, ``event`` (the triplet),
    ``quoted``, ``found`` (a row blames the target in its sentence), ``attribution_right``."""
    rows = []
    for rec in records:
        spans = [a for a in rec["annotations"] if a["polarity"] == "neg" and a["target"]]
        if not spans:
            continue
        cd, doc, table = parse_article(rec["id"], rec["text"], resources)
        sentences = [(s.start_char, s.end_char) for s in doc.sents]
        for a in spans:
            start, _ = _clean_span(cd, a["start"], a["end"])
            sent = table[table.sent_id == sentence_of(sentences, start)]
            target = a["target"].replace("_", " ")
            hits = [r for r in sent.itertuples()
                    if any(names_agree(target, t) for t in _party_texts(r, "blamed", cd.text))]
            quoted = a["quote"] == "yes"
            rows.append({"article": rec["id"], "event": rec["triplet"], "quoted": quoted, "found": bool(hits),
                         "attribution_right": any(_basil_attribution(r, quoted, a["speaker"], cd.text) for r in hits)})
    return pd.DataFrame(rows, columns=["article", "event", "quoted", "found", "attribution_right"])


def _basil_attribution(row, quoted: bool, speaker: str, text: str) -> bool:
    if not quoted:
        return row.attribution == "author"
    return row.attribution == "reported" and any(names_agree(speaker, t) for t in _party_texts(row, "blamer", text))


def polnear_cues(records: list[dict], resources) -> pd.DataFrame:
    """One row per PolNeAR attribution whose cue holds a blame word (:func:`blame_cue_words`):
    ``article``, ``has_source``, ``found`` (a row's cue overlaps it), ``blamer_right`` (that row's
    blamer is the annotated source)."""
    words = blame_cue_words(resources.lexicon)
    rows = []
    for rec in records:
        cd = doc = table = None
        for att in rec["attributions"]:
            if cd is None:
                cd, doc, table = parse_article(rec["id"], rec["text"], resources)
            cs, ce = _clean_span(cd, att["cue"][0], att["cue"][1])
            if not any(t.lemma_.lower() in words for t in doc.char_span(cs, ce, alignment_mode="expand") or ()):
                continue
            hits = table[(table.cue_start < ce) & (table.cue_end > cs)]
            source = att["source"]
            right = False
            if source is not None:
                ss, se = _clean_span(cd, source[0], source[1])
                right = any((r.blamer_start < se and r.blamer_end > ss)
                            or any(names_agree(source[2], t) for t in _party_texts(r, "blamer", cd.text))
                            for r in hits.itertuples())
            rows.append({"article": rec["id"], "has_source": source is not None, "found": len(hits) > 0,
                         "blamer_right": right})
    return pd.DataFrame(rows, columns=["article", "has_source", "found", "blamer_right"])


def share_with_ci(frame: pd.DataFrame, column: str, group: str, n: int = 1000, seed: int = 0) -> str:
    """The share of ``frame`` rows whose ``column`` is true, with a 95% interval resampling
    ``group`` (articles or events) and the counts, as text: ``0.412 (0.300-0.520; 40 of 97)``."""
    if not len(frame):
        return "- (0 of 0)"
    low, high = grouped_bootstrap_ci(frame, group, lambda s: float(s[column].mean()), n=n, seed=seed)
    return f"{frame[column].mean():.3f} ({low:.3f}-{high:.3f}; {int(frame[column].sum())} of {len(frame)})"
