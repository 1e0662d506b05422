"""Blame statements against the project's blame gold and the PLOVER ACCUSE sentences.

Gold and predicted statements become frames of one row per (document, sentence, blamer, blamed),
the strongest kind kept (:data:`helpers.blame.KIND_ORDER`), matched on those four keys, and scored
overall, by kind and by attribution (:func:`score_blame`), per document or sentence with
intervals (:func:`blame_counts`, :func:`blame_results`). :func:`evaluate_blame_gold` is the whole
gold-vs-prediction recipe of notebooks 03 and 06. The document-level ``responsible`` party
against FA-KES is :mod:`helpers.evaluation.fakes`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from helpers.blame import KIND_ORDER
from helpers.evaluation.datasets import load_entity_gold
from helpers.evaluation.entities import gold_name, gold_root, select_docs
from helpers.evaluation.metrics import bootstrap_ci, prf, prf_ci
from helpers.evaluation.results import result_row

__all__ = ["blame_gold_frame", "blame_pred_frame", "match_blame", "issue_agrees", "score_blame", "blame_counts",
           "blame_errors", "blame_results", "evaluate_plover", "plover_results", "BlameEvaluation",
           "evaluate_blame_gold", "kind_rank", "sentence_of"]


def kind_rank(kinds: pd.Series) -> pd.Series:
    """Each kind's place in :data:`helpers.blame.KIND_ORDER` (0 the strongest: explicit)."""
    return kinds.map(KIND_ORDER)


def _gold_identity(actor: str, catalog, level: str) -> str:
    if actor == "author":
        return "author"
    return gold_root(actor, catalog) if level == "root" else gold_name(actor, catalog)


def sentence_of(spans: list[tuple[int, int]], offset: int) -> int:
    """The index of the sentence (``(start_char, end_char)`` spans) holding character ``offset``, -1 if none."""
    return next((k for k, (a, b) in enumerate(spans) if a <= offset < b), -1)


def blame_gold_frame(gold: list[dict], sentences: dict[str, list[tuple[int, int]]], catalog,
                     level: str = "root") -> pd.DataFrame:
    """Gold statements as rows with ``sent_id`` (the pipeline's sentence holding the cue) and
    identities at ``level`` (``"root"``: rolled up the catalog hierarchy, or ``"actor"``), one row
    per (sentence, blamer, blamed) as in the guideline (the strongest kind kept)."""
    rows = []
    for rec in gold:
        spans = sentences[rec["doc_id"]]
        for s in rec["statements"]:
            sent_id = sentence_of(spans, s["cue_start"])
            rows.append({"doc_id": rec["doc_id"], "sent_id": sent_id,
                         "blamer": _gold_identity(s["blamer"], catalog, level),
                         "blamed": _gold_identity(s["blamed"], catalog, level),
                         "kind": s["kind"], "attribution": s["attribution"], "stance": s["stance"],
                         "cue": s["cue"], "cue_start": s["cue_start"], "issue": s.get("issue") or ""})
    return _strongest(pd.DataFrame(rows))


def _strongest(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per (document, sentence, blamer, blamed): the strongest kind, then the earliest cue."""
    frame = frame.assign(_p=kind_rank(frame["kind"]))
    frame = frame.sort_values(["doc_id", "sent_id", "blamer", "blamed", "_p", "cue_start"])
    return frame.drop_duplicates(["doc_id", "sent_id", "blamer", "blamed"]).drop(columns="_p").reset_index(drop=True)


def blame_pred_frame(pred: pd.DataFrame, level: str = "root") -> pd.DataFrame:
    """A :func:`helpers.blame.blame_table` as :func:`blame_gold_frame` rows (identities at ``level``)."""
    col = "_root" if level == "root" else ""
    p = pred.rename(columns={f"blamer{col}": "blamer_x", f"blamed{col}": "blamed_x"})
    p = p[["doc_id", "sent_id", "blamer_x", "blamed_x", "kind", "attribution", "stance", "cue", "cue_start", "issue"]]
    p = p.rename(columns={"blamer_x": "blamer", "blamed_x": "blamed"})
    return _strongest(p)


def match_blame(gold: pd.DataFrame, pred: pd.DataFrame) -> pd.DataFrame:
    """Pairs of gold and predicted rows with the same document, sentence, blamer and blamed."""
    g = gold.reset_index(names="gold_i")
    p = pred.reset_index(names="pred_i")
    m = g.merge(p, on=["doc_id", "sent_id", "blamer", "blamed"], suffixes=("_gold", "_pred"))
    return m.drop_duplicates("gold_i").drop_duplicates("pred_i")


def _content_words(text) -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(w for w in re.findall(r"[^\W\d_]+", str(text or "").lower()) if w not in STOP_WORDS)


def issue_agrees(gold_issue, pred_issue) -> bool:
    """Do two issue spans (what the blame is for) agree: they share a content word (not a stop
    word), or neither has one. Lenient on boundaries, as the guideline asks only for "a short span"."""
    g, p = _content_words(gold_issue), _content_words(pred_issue)
    return bool(g & p) or not (g or p)


def score_blame(gold: pd.DataFrame, pred: pd.DataFrame) -> pd.DataFrame:
    """Precision/recall/F1 overall and by kind and attribution (gold's for recall, the
    prediction's for precision); ``+kind``/``+attribution``/``+issue`` also require those to
    agree (the issue by :func:`issue_agrees`, when both frames have an ``issue`` column)."""
    m = match_blame(gold, pred)
    rows = [{"subset": "all", **prf(len(m), len(pred), len(gold))},
            {"subset": "all, kind also right", **prf(int((m.kind_gold == m.kind_pred).sum()), len(pred), len(gold))},
            {"subset": "all, attribution also right",
             **prf(int((m.attribution_gold == m.attribution_pred).sum()), len(pred), len(gold))}]
    if "issue_gold" in m.columns:
        agree = sum(issue_agrees(g, p) for g, p in zip(m.issue_gold, m.issue_pred))
        rows.append({"subset": "all, issue also right", **prf(int(agree), len(pred), len(gold))})
    for col in ("kind", "attribution"):
        for value in sorted(set(gold[col]) | set(pred[col])):
            tp_r = int((m[f"{col}_gold"] == value).sum())
            tp_p = int((m[f"{col}_pred"] == value).sum())
            n_g, n_p = int((gold[col] == value).sum()), int((pred[col] == value).sum())
            rows.append({"subset": f"{col}={value}", **prf(tp_r, n_p, n_g, tp_pred=tp_p)})
    return pd.DataFrame(rows)


def blame_counts(gold: pd.DataFrame, pred: pd.DataFrame, by: str | list[str] = "doc_id") -> pd.DataFrame:
    """Per unit (``by``: ``"doc_id"`` or ``["doc_id", "sent_id"]``), the matched (``tp``),
    predicted and gold blame statements of :func:`blame_gold_frame`/:func:`blame_pred_frame`
    rows; units with neither are absent."""
    by = [by] if isinstance(by, str) else list(by)
    m = match_blame(gold, pred)
    parts = [m.groupby(by).size().rename("tp"), pred.groupby(by).size().rename("pred"),
             gold.groupby(by).size().rename("gold")]
    out = pd.concat(parts, axis=1).fillna(0).astype(int).reset_index()
    return out.sort_values(by, ignore_index=True)


def blame_errors(gold: pd.DataFrame, pred: pd.DataFrame, sentences: dict[str, list[str]]) -> pd.DataFrame:
    """Blame statements missed (in the gold, not found) and spurious (found, not in the gold),
    with their sentence (``sentences``: per document, the texts of the sentences ``sent_id``
    counts). Missed first; within each, explicit before agency before criticism, the author's
    before reported, then in document order."""
    m = match_blame(gold, pred)
    missed = gold.drop(index=m.gold_i).assign(error="missed")
    spurious = pred.drop(index=m.pred_i).assign(error="spurious")
    out = pd.concat([missed, spurious], ignore_index=True)
    out["sentence"] = [sentences[d][s] if 0 <= s < len(sentences[d]) else "" for d, s in zip(out.doc_id, out.sent_id)]
    out["_e"], out["_k"] = out.error.eq("spurious"), kind_rank(out.kind)
    out["_a"] = out.attribution.ne("author")
    out = out.sort_values(["_e", "_k", "_a", "doc_id", "sent_id", "blamer", "blamed"], ignore_index=True)
    return out[["error", "doc_id", "sent_id", "blamer", "blamed", "kind", "attribution", "cue", "sentence"]]


def blame_results(gold: pd.DataFrame, pred: pd.DataFrame, dataset: str, by: str | list[str] = "doc_id",
                  metrics: tuple[str, ...] = ("precision", "recall", "f1"), n: int = 1000, seed: int = 0) -> list[dict]:
    """Result rows for blame statements against the annotated gold (:func:`score_blame`'s
    ``all`` subset), with an interval resampling documents (``by="doc_id"``) or sentences."""
    counts = blame_counts(gold, pred, by)
    scores = prf_ci(counts, n=n, seed=seed)
    unit = f"{len(counts):,} {'documents' if by == 'doc_id' else 'sentences'}"
    names = {"precision": "precision", "recall": "recall", "f1": "F1"}
    return [result_row("blame statements", dataset, len(gold), unit, names[m], scores[m],
                       (scores[f"{m}_low"], scores[f"{m}_high"])) for m in metrics]


@dataclass
class BlameEvaluation:
    """The blame gold beside the pipeline's statements on the same texts (:func:`evaluate_blame_gold`).

    ``docs``: (doc_id, parsed doc) in the gold's order; ``gold``/``pred``: :func:`blame_gold_frame`
    and :func:`blame_pred_frame` rows. ``docs``/``exclude`` (lists of document ids) choose the
    documents scored, e.g. the seed alone, or every document but the seed."""

    docs: list[tuple[str, object]]
    gold: pd.DataFrame
    pred: pd.DataFrame

    @property
    def doc_ids(self) -> list[str]:
        return [doc_id for doc_id, _ in self.docs]

    def subset(self, docs=None, exclude=None) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The gold and predicted rows of the chosen documents."""
        return select_docs(self.gold, docs, exclude), select_docs(self.pred, docs, exclude)

    def scores(self, docs=None, exclude=None, digits: int = 3) -> pd.DataFrame:
        """:func:`score_blame` on the chosen documents, rounded."""
        return score_blame(*self.subset(docs, exclude)).round(digits)

    def results(self, dataset: str, docs=None, exclude=None, **kwargs) -> list[dict]:
        """:func:`blame_results` on the chosen documents (``kwargs``: ``by``, ``metrics``, ``n``, ``seed``)."""
        return blame_results(*self.subset(docs, exclude), dataset, **kwargs)

    def errors(self) -> pd.DataFrame:
        """:func:`blame_errors` over every gold document, with the sentences' texts."""
        return blame_errors(self.gold, self.pred, {d: [s.text for s in doc.sents] for d, doc in self.docs})


def evaluate_blame_gold(gold: list[dict], nlp, catalog, lexicon) -> BlameEvaluation:
    """Run the actor pipeline ``nlp`` and blame extraction (``catalog``, ``lexicon``) on the texts
    of the blame gold (:func:`helpers.evaluation.load_blame_gold`) and frame both sides, the gold's
    cues placed in the pipeline's sentences."""
    from helpers.blame import blame_table

    docs = [(g["doc_id"], nlp(g["text"])) for g in gold]
    sentences = {d: [(s.start_char, s.end_char) for s in doc.sents] for d, doc in docs}
    return BlameEvaluation(docs, blame_gold_frame(gold, sentences, catalog),
                           blame_pred_frame(blame_table(docs, catalog, lexicon)))


# ------------------------------------------------------------------------------------------
# PLOVER ACCUSE sentences
# ------------------------------------------------------------------------------------------
def evaluate_plover(nlp, catalog, lexicon, path: str | Path) -> pd.DataFrame:
    """The PLOVER ACCUSE gold sentences: is some extracted row's blamer inside the gold source
    span and its blamed inside the gold target span? One row per sentence. ``nlp``: the actor
    pipeline of ``catalog``; ``lexicon``: the blame lexicon."""
    from helpers.blame import blame_table
    from helpers.text import clean

    rows = []
    for rec in load_entity_gold(path):
        text = clean(rec["text"]).text
        table = blame_table([(rec["id"], nlp(text))], catalog, lexicon)

        def spans(parties):
            return [(text.find(p["actorText"]), text.find(p["actorText"]) + len(p["actorText"]))
                    for p in parties if text.find(p["actorText"]) >= 0]

        src, tar = spans(rec["source"]), spans(rec["target"])
        hit = next((r for r in table.itertuples()
                    if any(r.blamer_start < e and r.blamer_end > s for s, e in src)
                    and any(r.blamed_start < e and r.blamed_end > s for s, e in tar)), None)
        rows.append({"id": rec["id"], "source": "; ".join(p["actorText"] for p in rec["source"]),
                     "target": "; ".join(p["actorText"] for p in rec["target"]), "right": hit is not None,
                     "found": f"{hit.blamer} -> {hit.blamed} ({hit.cue})" if hit is not None else
                     "; ".join(f"{r.blamer} -> {r.blamed} ({r.cue})" for r in table.itertuples()) or "nothing"})
    return pd.DataFrame(rows)


def plover_results(plover: pd.DataFrame, n: int = 1000, seed: int = 0) -> list[dict]:
    """The share of PLOVER gold sentences with source and target both right (:func:`evaluate_plover`)."""
    ci = bootstrap_ci(plover, lambda s: float(s.right.mean()), n=n, seed=seed)
    return [result_row("blame statements", "PLOVER ACCUSE gold", len(plover), f"{len(plover):,} sentences",
                       "share with source and target right", float(plover.right.mean()), ci)]
