"""Scoring against human-annotated gold data: span matching, precision/recall/F1, bootstrap CIs.

Mentions are matched one-to-one by character overlap (the largest overlaps first), so boundary
choices inside a name ("the Defense Ministry" vs "Defense Ministry") do not count as errors;
whether something is a mention, and of whom, does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = ["match_spans", "prf", "bootstrap_ci", "load_entity_gold", "score_entities", "evaluate_entities", "EntityScores"]


def match_spans(gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one matching of overlapping spans, largest overlap first: ``[(gold_i, pred_j), ...]``."""
    pairs = []
    j0 = 0
    pred_sorted = sorted(range(len(pred)), key=lambda j: pred[j])
    for i, (gs, ge) in enumerate(gold):
        while j0 < len(pred_sorted) and pred[pred_sorted[j0]][1] <= gs:
            j0 += 1
        for j in pred_sorted[j0:]:
            ps, pe = pred[j]
            if ps >= ge:
                break
            overlap = min(ge, pe) - max(gs, ps)
            if overlap > 0:
                pairs.append((overlap, i, j))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_g, used_p, out = set(), set(), []
    for _, i, j in pairs:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return sorted(out)


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "pred": n_pred, "gold": n_gold}


def bootstrap_ci(units: pd.DataFrame, stat, n: int = 1000, seed: int = 0, alpha: float = 0.05) -> tuple[float, float]:
    """Percentile bootstrap CI of ``stat(sample)`` resampling the rows of ``units`` (e.g. documents)."""
    rng = np.random.default_rng(seed)
    values = []
    for _ in range(n):
        idx = rng.integers(0, len(units), len(units))
        values.append(stat(units.iloc[idx]))
    lo, hi = np.quantile(values, [alpha / 2, 1 - alpha / 2])
    return float(lo), float(hi)


# ------------------------------------------------------------------------------------------
# Entities
# ------------------------------------------------------------------------------------------
def load_entity_gold(path: str | Path) -> list[dict]:
    """Read the entity gold (``data/gold/entities.jsonl``): one record per document."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


#: spaCy labels a researcher counting raw named entities would take as "who/where" mentions.
RAW_NAMED_LABELS = ("PERSON", "NORP", "ORG", "GPE", "LOC", "FAC")
RAW_ACTOR_LABELS = ("PERSON", "NORP", "ORG", "GPE")


@dataclass
class EntityScores:
    """Per-document counts for each system and metric, plus per-actor count comparisons."""

    counts: pd.DataFrame  # doc_id, system, metric, tp, pred, gold
    actor_counts: pd.DataFrame  # doc_id, actor, gold, <system>...

    def summary(self, docs=None) -> pd.DataFrame:
        c = self.counts if docs is None else self.counts[self.counts.doc_id.isin(docs)]
        g = c.groupby(["metric", "system"])[["tp", "pred", "gold"]].sum()
        rows = [{"metric": m, "system": s, **prf(int(r.tp), int(r.pred), int(r.gold))} for (m, s), r in g.iterrows()]
        out = pd.DataFrame(rows)
        return out.sort_values(["metric", "system"], ignore_index=True)

    def table(self, docs=None, n_boot: int = 1000, seed: int = 0, digits: int = 3) -> pd.DataFrame:
        """:meth:`summary` with a document-bootstrap 95% interval for F1, rounded."""
        out = self.summary(docs)
        cis = [self.f1_ci(r.metric, r.system, docs, n=n_boot, seed=seed) for r in out.itertuples()]
        out["f1_low"], out["f1_high"] = [c[0] for c in cis], [c[1] for c in cis]
        return out[["metric", "system", "precision", "recall", "f1", "f1_low", "f1_high", "tp", "pred", "gold"]].round(digits)

    def count_errors(self, systems=None, top: int = 12) -> pd.DataFrame:
        """Per-actor mention counts summed over documents: gold, each system, and the differences."""
        c = self.actor_counts.drop(columns="doc_id").groupby("actor").sum()
        systems = systems or [s for s in c.columns if s != "gold"]
        for s in systems:
            c[f"{s}_error"] = c[s] - c["gold"]
        c = c.reset_index().sort_values(["gold", "actor"], ascending=[False, True]).head(top)
        return c.reset_index(drop=True)

    def f1_ci(self, metric: str, system: str, docs=None, n: int = 1000, seed: int = 0) -> tuple[float, float]:
        c = self.counts[(self.counts.metric == metric) & (self.counts.system == system)]
        if docs is not None:
            c = c[c.doc_id.isin(docs)]

        def f1(sample):
            return prf(int(sample.tp.sum()), int(sample.pred.sum()), int(sample.gold.sum()))["f1"]

        return bootstrap_ci(c.reset_index(drop=True), f1, n=n, seed=seed)


def _gold_name(actor: str, catalog) -> str:
    if actor.startswith(("new:", "place:")):
        return actor.split(":", 1)[1]
    return catalog.name(actor) if actor in catalog else actor


def _gold_root(actor: str, catalog) -> str:
    if actor in catalog:
        return catalog.name(catalog.root(actor))
    return _gold_name(actor, catalog)


def score_entities(gold: list[dict], systems: dict[str, pd.DataFrame], catalog) -> EntityScores:
    """Score mention tables against the gold.

    ``systems``: name -> mention table (:func:`helpers.entities.mention_table` columns) for the
    gold documents. A table whose ``kind`` column is all ``"raw"`` is scored as raw spaCy: named
    labels count as mentions, PERSON/NORP/ORG/GPE as actors, its normalised text as identity.

    Metrics (one-to-one overlap matching):
    ``mentions``: actor and place mentions found (kind ignored);
    ``actors``: actor mentions found (gold kind actor vs predicted actor);
    ``actor_identity``: actor mentions found *and* attributed to the right actor;
    ``actor_rollup``: the same, compared after rolling both up to the top of the catalog hierarchy.
    """
    rows, count_rows = [], []
    for rec in gold:
        doc_id = rec["doc_id"]
        gm = rec["mentions"]
        g_all = [(m["start"], m["end"]) for m in gm]
        g_act = [m for m in gm if m["kind"] == "actor"]
        g_act_spans = [(m["start"], m["end"]) for m in g_act]
        g_names = [_gold_name(m["actor"], catalog) for m in g_act]
        g_roots = [_gold_root(m["actor"], catalog) for m in g_act]
        gold_counts = pd.Series(g_roots).value_counts()
        per_system_counts = {}
        for name, table in systems.items():
            t = table[table.doc_id == doc_id]
            raw = (t["kind"] == "raw").all() and len(t)
            if raw:
                named = t[t.label.isin(RAW_NAMED_LABELS)]
                actors = t[t.label.isin(RAW_ACTOR_LABELS)]
                ids, roots = list(actors["actor"]), list(actors["actor"])
            else:
                named = t[t.kind.isin(["actor", "place"])]
                actors = t[t.kind == "actor"]
                ids, roots = list(actors["actor"]), list(actors["root"])
            p_all = list(zip(named.start_char, named.end_char))
            p_act = list(zip(actors.start_char, actors.end_char))
            m_all = match_spans(g_all, p_all)
            m_act = match_spans(g_act_spans, p_act)
            ident = sum(1 for i, j in m_act if ids[j].lower() == g_names[i].lower())
            rollup = sum(1 for i, j in m_act if roots[j].lower() == g_roots[i].lower())
            for metric, tp, npred, ngold in (
                ("mentions", len(m_all), len(p_all), len(g_all)),
                ("actors", len(m_act), len(p_act), len(g_act)),
                ("actor_identity", ident, len(p_act), len(g_act)),
                ("actor_rollup", rollup, len(p_act), len(g_act)),
            ):
                rows.append({"doc_id": doc_id, "system": name, "metric": metric, "tp": tp, "pred": npred, "gold": ngold})
            per_system_counts[name] = pd.Series(roots).value_counts()
        names = sorted(set(gold_counts.index).union(*[set(v.index) for v in per_system_counts.values()]))
        for actor in names:
            count_rows.append({"doc_id": doc_id, "actor": actor, "gold": int(gold_counts.get(actor, 0)),
                               **{s: int(v.get(actor, 0)) for s, v in per_system_counts.items()}})
    return EntityScores(pd.DataFrame(rows), pd.DataFrame(count_rows))


def evaluate_entities(gold: list[dict], nlp, raw_nlp, catalog) -> EntityScores:
    """Run raw spaCy (``raw_nlp``) and the catalog pipeline (``nlp``) on the gold texts and score both."""
    from helpers.entities import mention_table, raw_mention_table

    systems = {
        "spacy": raw_mention_table([(g["doc_id"], raw_nlp(g["text"])) for g in gold], catalog),
        "catalog": mention_table([(g["doc_id"], nlp(g["text"])) for g in gold], catalog),
    }
    return score_entities(gold, systems, catalog)


# ------------------------------------------------------------------------------------------
# Blame
# ------------------------------------------------------------------------------------------
_KIND_PRIORITY = {"explicit": 0, "agency": 1, "criticism": 2}


def load_blame_gold(path: str | Path) -> list[dict]:
    """Read the blame gold (``data/gold/blame.jsonl``): one record per document."""
    return load_entity_gold(path)


def _gold_identity(actor: str, catalog, level: str) -> str:
    if actor == "author":
        return "author"
    return _gold_root(actor, catalog) if level == "root" else _gold_name(actor, catalog)


def blame_gold_frame(gold: list[dict], sentences: dict[str, list[tuple[int, int]]], catalog, level: str = "root") -> pd.DataFrame:
    """Gold statements as rows with ``sent_id`` (the pipeline's sentence holding the cue) and
    identities at ``level`` (``"root"``: rolled up the catalog hierarchy, or ``"actor"``), one row
    per (sentence, blamer, blamed) as in the guideline (the strongest kind kept)."""
    rows = []
    for rec in gold:
        spans = sentences[rec["doc_id"]]
        for s in rec["statements"]:
            sent_id = next((k for k, (a, b) in enumerate(spans) if a <= s["cue_start"] < b), -1)
            rows.append({"doc_id": rec["doc_id"], "sent_id": sent_id,
                         "blamer": _gold_identity(s["blamer"], catalog, level),
                         "blamed": _gold_identity(s["blamed"], catalog, level),
                         "kind": s["kind"], "attribution": s["attribution"], "stance": s["stance"],
                         "cue": s["cue"], "cue_start": s["cue_start"]})
    g = pd.DataFrame(rows)
    g["_p"] = g["kind"].map(_KIND_PRIORITY)
    g = g.sort_values(["doc_id", "sent_id", "blamer", "blamed", "_p", "cue_start"])
    return g.drop_duplicates(["doc_id", "sent_id", "blamer", "blamed"]).drop(columns="_p").reset_index(drop=True)


def blame_pred_frame(pred: pd.DataFrame, level: str = "root") -> pd.DataFrame:
    col = "_root" if level == "root" else ""
    p = pred.rename(columns={f"blamer{col}": "blamer_x", f"blamed{col}": "blamed_x"})
    p = p[["doc_id", "sent_id", "blamer_x", "blamed_x", "kind", "attribution", "stance", "cue", "cue_start"]]
    p = p.rename(columns={"blamer_x": "blamer", "blamed_x": "blamed"})
    p["_p"] = p["kind"].map(_KIND_PRIORITY)
    p = p.sort_values(["doc_id", "sent_id", "blamer", "blamed", "_p", "cue_start"])
    return p.drop_duplicates(["doc_id", "sent_id", "blamer", "blamed"]).drop(columns="_p").reset_index(drop=True)


def match_blame(gold: pd.DataFrame, pred: pd.DataFrame) -> pd.DataFrame:
    """Pairs of gold and predicted rows with the same document, sentence, blamer and blamed."""
    g = gold.reset_index(names="gold_i")
    p = pred.reset_index(names="pred_i")
    m = g.merge(p, on=["doc_id", "sent_id", "blamer", "blamed"], suffixes=("_gold", "_pred"))
    return m.drop_duplicates("gold_i").drop_duplicates("pred_i")


def score_blame(gold: pd.DataFrame, pred: pd.DataFrame) -> pd.DataFrame:
    """Precision/recall/F1 overall and by kind and attribution (gold's for recall, the
    prediction's for precision); ``+kind``/``+attribution`` also require those to agree."""
    m = match_blame(gold, pred)
    rows = [{"subset": "all", **prf(len(m), len(pred), len(gold))},
            {"subset": "all, kind also right", **prf(int((m.kind_gold == m.kind_pred).sum()), len(pred), len(gold))},
            {"subset": "all, attribution also right",
             **prf(int((m.attribution_gold == m.attribution_pred).sum()), len(pred), len(gold))}]
    for col in ("kind", "attribution"):
        for value in sorted(set(gold[col]) | set(pred[col])):
            tp_r = int((m[f"{col}_gold"] == value).sum())
            tp_p = int((m[f"{col}_pred"] == value).sum())
            n_g, n_p = int((gold[col] == value).sum()), int((pred[col] == value).sum())
            p_ = tp_p / n_p if n_p else 0.0
            r_ = tp_r / n_g if n_g else 0.0
            f_ = 2 * p_ * r_ / (p_ + r_) if p_ + r_ else 0.0
            rows.append({"subset": f"{col}={value}", "precision": p_, "recall": r_, "f1": f_, "tp": tp_r, "pred": n_p, "gold": n_g})
    return pd.DataFrame(rows)


# ------------------------------------------------------------------------------------------
# PLOVER and FA-KES
# ------------------------------------------------------------------------------------------
def evaluate_plover(nlp, path: str | Path) -> pd.DataFrame:
    """The PLOVER ACCUSE gold sentences: is some extracted row's blamer inside the gold source
    span and its blamed inside the gold target span? One row per sentence."""
    from helpers.blame import blame_table
    from helpers.cleaning import clean

    rows = []
    for rec in load_entity_gold(path):
        text = clean(rec["text"]).text
        table = blame_table([(rec["id"], nlp(text))])

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


def macro_f1(gold: pd.Series, pred: pd.Series) -> float:
    """Macro-averaged F1 over the classes in either series (as scikit-learn's ``average="macro"``)."""
    scores = []
    for c in sorted(set(gold) | set(pred)):
        tp = int(((gold == c) & (pred == c)).sum())
        scores.append(prf(tp, int((pred == c).sum()), int((gold == c).sum()))["f1"])
    return float(np.mean(scores)) if scores else 0.0


def evaluate_fakes(nlp, catalog, classes_path: str | Path, articles: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Document-level ``responsible`` on FA-KES against the crowd's ``actor`` column.

    Returns ``predictions`` (per article), ``scores`` (accuracy and macro-F1 of the suite, the
    majority class and the mention-count baseline: the class whose actors are mentioned most)
    and ``confusion`` (gold rows x predicted columns).
    """
    import yaml

    from helpers.blame import blame_table, responsible
    from helpers.cleaning import clean
    from helpers.entities import mention_table

    with open(classes_path, encoding="utf-8") as fh:
        cfg = yaml.safe_load(fh)
    unknown = cfg["unknown"]
    root_class = {catalog.name(a): c for c, ids in cfg["classes"].items() for a in ids}
    texts = [(clean(r.text, r.doc_id).text, r.doc_id) for r in articles.itertuples()]
    docs = [(d, doc) for doc, d in nlp.pipe(texts, as_tuples=True, batch_size=32)]
    blame = blame_table(docs, catalog)
    resp = responsible(blame, list(articles.doc_id))
    mentions = mention_table(docs, catalog)
    actors = mentions[mentions.kind == "actor"].assign(cls=lambda m: m.root.map(root_class)).dropna(subset=["cls"])
    counts = actors.groupby(["doc_id", "cls"]).size().rename("n").reset_index()
    counts = counts.sort_values(["doc_id", "n", "cls"], ascending=[True, False, True]).drop_duplicates("doc_id")
    pred = articles[["doc_id", "source", "actor"]].merge(resp, on="doc_id", how="left")
    pred["predicted"] = pred["responsible"].map(root_class).fillna(unknown)
    pred = pred.merge(counts[["doc_id", "cls"]].rename(columns={"cls": "mention_count"}), on="doc_id", how="left")
    pred["mention_count"] = pred["mention_count"].fillna(unknown)
    pred["majority"] = articles["actor"].mode().iloc[0]
    scores = pd.DataFrame([
        {"system": name, "accuracy": float((pred[col] == pred["actor"]).mean()), "macro_f1": macro_f1(pred["actor"], pred[col])}
        for name, col in (("suite (responsible)", "predicted"), ("majority class", "majority"),
                          ("mention-count baseline", "mention_count"))
    ])
    short = cfg.get("short", {})
    confusion = pd.crosstab(pred["actor"].map(lambda c: short.get(c, c)), pred["predicted"].map(lambda c: short.get(c, c)))
    confusion = confusion.rename_axis(index="gold", columns="predicted")
    return {"predictions": pred, "scores": scores.round(3), "confusion": confusion}
