"""Scoring against human-annotated gold data: span matching, precision/recall/F1, bootstrap CIs.

Mentions are matched one-to-one by character overlap (the largest overlaps first), so boundary
choices inside a name ("the Defense Ministry" vs "Defense Ministry") do not count as errors;
whether something is a mention, and of whom, does.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = ["match_spans", "prf", "bootstrap_ci", "grouped_bootstrap_ci", "load_entity_gold", "score_entities",
           "evaluate_entities", "EntityScores", "entity_errors", "common_errors", "load_blame_gold",
           "blame_gold_frame", "blame_pred_frame", "issue_agrees", "score_blame", "blame_counts", "prf_ci", "blame_errors",
           "evaluate_plover", "macro_f1", "evaluate_fakes", "fakes_errors", "largest_errors", "confident_errors",
           "result_row", "entity_results", "blame_results", "plover_results", "fakes_results", "nyt_results",
           "newsmtsc_results", "results_table", "results_markdown", "readme_with_results", "results_chart"]


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


def grouped_bootstrap_ci(frame: pd.DataFrame, group: str | list[str], stat, n: int = 1000, seed: int = 0,
                         alpha: float = 0.05) -> tuple[float, float]:
    """:func:`bootstrap_ci` resampling whole groups of rows (editorials, sentences, documents):
    ``stat`` is computed on the rows of the drawn groups, so rows that are not independent
    (sentences of one editorial, targets of one sentence) are never split."""
    positions = list(frame.groupby(group, sort=True).indices.values())
    units = pd.DataFrame({"rows": positions})

    def on_groups(sample: pd.DataFrame) -> float:
        return stat(frame.iloc[np.concatenate(sample["rows"].to_list())])

    return bootstrap_ci(units, on_groups, n=n, seed=seed, alpha=alpha)


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

    ``systems``: name -> mention table (:func:`helpers.actors.mention_table` columns) for the
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
    from helpers.actors import mention_table, raw_mention_table

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
                         "cue": s["cue"], "cue_start": s["cue_start"], "issue": s.get("issue") or ""})
    g = pd.DataFrame(rows)
    g["_p"] = g["kind"].map(_KIND_PRIORITY)
    g = g.sort_values(["doc_id", "sent_id", "blamer", "blamed", "_p", "cue_start"])
    return g.drop_duplicates(["doc_id", "sent_id", "blamer", "blamed"]).drop(columns="_p").reset_index(drop=True)


def blame_pred_frame(pred: pd.DataFrame, level: str = "root") -> pd.DataFrame:
    col = "_root" if level == "root" else ""
    p = pred.rename(columns={f"blamer{col}": "blamer_x", f"blamed{col}": "blamed_x"})
    p = p[["doc_id", "sent_id", "blamer_x", "blamed_x", "kind", "attribution", "stance", "cue", "cue_start", "issue"]]
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
    from helpers.text import clean

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
    majority class and the mention-count baseline: the class whose actors are mentioned most),
    ``confusion`` (gold rows x predicted columns) and ``blame`` (the statements behind
    ``responsible``, :func:`helpers.blame.blame_table` columns).
    """
    import yaml

    from helpers.blame import blame_table, responsible
    from helpers.text import clean
    from helpers.actors import mention_table

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
    return {"predictions": pred, "scores": scores.round(3), "confusion": confusion, "blame": blame}


# ------------------------------------------------------------------------------------------
# Error analysis: the cases behind the figures
# ------------------------------------------------------------------------------------------
def _sentence_at(sents: list[tuple[int, int, str]], offset: int) -> str:
    return next((text for a, b, text in sents if a <= offset < b), "")


def entity_errors(gold: list[dict], docs: list[tuple[str, object]], catalog) -> pd.DataFrame:
    """Every actor-mention error of the catalog pipeline against the gold, with its sentence.

    ``docs``: (doc_id, spaCy doc from :func:`helpers.actors.actor_pipeline`) for the gold
    texts. Mentions are matched as in :func:`score_entities` (``actor_identity``); ``error`` is
    ``missed`` (a gold actor mention with no predicted one), ``spurious`` (a predicted actor
    mention the annotator did not mark as one) or ``wrong actor`` (found, attributed to another
    actor). Columns: ``doc_id, start, error, text, gold, predicted, sentence``.
    """
    from helpers.actors import mention_table

    rows = []
    for rec, (doc_id, doc) in zip(gold, docs):
        assert rec["doc_id"] == doc_id, (rec["doc_id"], doc_id)
        sents = [(s.start_char, s.end_char, s.text) for s in doc.sents]
        g = [m for m in rec["mentions"] if m["kind"] == "actor"]
        t = mention_table([(doc_id, doc)], catalog)
        p = t[t.kind == "actor"].reset_index(drop=True)
        pairs = match_spans([(m["start"], m["end"]) for m in g], list(zip(p.start_char, p.end_char)))
        matched_g, matched_p = {i for i, _ in pairs}, {j for _, j in pairs}

        def row(error, start, text, gold_name, predicted):
            return {"doc_id": doc_id, "start": int(start), "error": error, "text": text, "gold": gold_name,
                    "predicted": predicted, "sentence": _sentence_at(sents, start)}

        for i, j in pairs:
            name = _gold_name(g[i]["actor"], catalog)
            if p.actor[j].lower() != name.lower():
                rows.append(row("wrong actor", g[i]["start"], g[i]["text"], name, p.actor[j]))
        rows += [row("missed", m["start"], m["text"], _gold_name(m["actor"], catalog), "")
                 for i, m in enumerate(g) if i not in matched_g]
        rows += [row("spurious", r.start_char, r.text, "", r.actor) for j, r in enumerate(p.itertuples()) if j not in matched_p]
    out = pd.DataFrame(rows, columns=["doc_id", "start", "error", "text", "gold", "predicted", "sentence"])
    return out.sort_values(["doc_id", "start", "error"], ignore_index=True)


def common_errors(errors: pd.DataFrame, top: int = 10) -> pd.DataFrame:
    """:func:`entity_errors` grouped by (error, gold, predicted), most frequent first, with the
    surface forms, the number of documents and the first example sentence."""
    g = errors.groupby(["error", "gold", "predicted"], sort=True)
    out = g.agg(count=("text", "size"), documents=("doc_id", "nunique"),
                texts=("text", lambda t: ", ".join(sorted(set(t)))), example=("sentence", "first")).reset_index()
    out = out.sort_values(["count", "error", "gold", "predicted"], ascending=[False, True, True, True])
    return out.head(top).reset_index(drop=True)


def blame_counts(gold: pd.DataFrame, pred: pd.DataFrame, by: str | list[str] = "doc_id") -> pd.DataFrame:
    """Per unit (``by``: ``"doc_id"`` or ``["doc_id", "sent_id"]``), the matched (``tp``),
    predicted and gold blame statements of :func:`blame_gold_frame`/:func:`blame_pred_frame`
    rows; units with neither are absent."""
    by = [by] if isinstance(by, str) else list(by)
    m = match_blame(gold, pred)
    parts = [m.groupby(by).size().rename("tp"), pred.groupby(by).size().rename("pred"), gold.groupby(by).size().rename("gold")]
    out = pd.concat(parts, axis=1).fillna(0).astype(int).reset_index()
    return out.sort_values(by, ignore_index=True)


def prf_ci(counts: pd.DataFrame, n: int = 1000, seed: int = 0) -> dict[str, float]:
    """Precision, recall and F1 of per-unit counts (``tp, pred, gold`` columns), each with a
    bootstrap interval over the units (``<metric>_low``, ``<metric>_high``)."""
    def metric(name):
        return lambda s: prf(int(s.tp.sum()), int(s.pred.sum()), int(s.gold.sum()))[name]

    out = {}
    for name in ("precision", "recall", "f1"):
        out[name] = metric(name)(counts)
        out[f"{name}_low"], out[f"{name}_high"] = bootstrap_ci(counts, metric(name), n=n, seed=seed)
    return out


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
    out["_e"], out["_k"] = out.error.eq("spurious"), out.kind.map(_KIND_PRIORITY)
    out["_a"] = out.attribution.ne("author")
    out = out.sort_values(["_e", "_k", "_a", "doc_id", "sent_id", "blamer", "blamed"], ignore_index=True)
    return out[["error", "doc_id", "sent_id", "blamer", "blamed", "kind", "attribution", "cue", "sentence"]]


def fakes_errors(fakes: dict[str, pd.DataFrame], classes_path: str | Path, top: int = 10) -> pd.DataFrame:
    """The FA-KES articles whose responsible party is wrong, most confident first (largest
    ``responsible_score``), with the evidence: the strongest statement blaming the predicted
    actor (explicit before agency before criticism, the author's before reported, earliest)."""
    import yaml

    with open(classes_path, encoding="utf-8") as fh:
        short = yaml.safe_load(fh).get("short", {})
    pred, blame = fakes["predictions"], fakes["blame"]
    wrong = pred[pred.predicted != pred.actor].sort_values(["responsible_score", "doc_id"], ascending=[False, True])
    b = blame[~blame.denied.astype(bool)].assign(_k=lambda x: x.kind.map(_KIND_PRIORITY), _a=lambda x: x.attribution.ne("author"))
    b = b.sort_values(["doc_id", "_k", "_a", "sent_id", "cue_start"]).drop_duplicates(["doc_id", "blamed_root"])
    evidence = b.set_index(["doc_id", "blamed_root"])
    rows = []
    for r in wrong.head(top).itertuples():
        ev = evidence.loc[(r.doc_id, r.responsible)] if (r.doc_id, r.responsible) in evidence.index else None
        rows.append({"doc_id": r.doc_id, "source": r.source, "gold": short.get(r.actor, r.actor),
                     "predicted": short.get(r.predicted, r.predicted), "responsible": r.responsible,
                     "score": r.responsible_score, "cue": "" if ev is None else ev.cue,
                     "evidence": "" if ev is None else ev.sentence})
    return pd.DataFrame(rows, columns=["doc_id", "source", "gold", "predicted", "responsible", "score", "cue", "evidence"])


def largest_errors(predictions: pd.DataFrame, top: int = 10, system: str = "project", truth: str = "human") -> pd.DataFrame:
    """The rows of :func:`helpers.sentiment.nyt_predictions` where ``system`` is furthest from
    the human mean (``error`` = system - human, both on the [-1, 1] scale)."""
    p = predictions.assign(error=predictions[system] - predictions[truth])
    p = p.assign(_abs=p.error.abs()).sort_values(["_abs", "id"], ascending=[False, True])
    return p.head(top)[["id", truth, system, "vader", "error", "text"]].reset_index(drop=True)


def confident_errors(predictions: pd.DataFrame, top: int = 10) -> pd.DataFrame:
    """The rows of :func:`helpers.sentiment.newsmtsc_predictions` labelled wrongly with the
    highest out-of-fold probability (``confidence``)."""
    wrong = predictions[predictions.project != predictions.label]
    conf = [getattr(r, f"p_{r.project}") for r in wrong.itertuples()]
    wrong = wrong.assign(confidence=conf).sort_values(["confidence", "sentence_id", "start"], ascending=[False, True, True])
    return wrong.head(top)[["sentence_id", "mention", "label", "project", "confidence", "sentence"]].reset_index(drop=True)


# ------------------------------------------------------------------------------------------
# The results table: every figure, its interval, its baselines and published anchors
# ------------------------------------------------------------------------------------------
#: Published figures the suite is compared with, by data set (source in each data set's SOURCE.md).
PUBLISHED = {
    # Hutto & Gilbert 2014 (ICWSM), Table 4: Pearson r with the mean of 20 raters
    "nyt": {"VADER (published)": 0.492, "one human rater": 0.745},
    # Hamborg & Donnay 2021 (EACL): best model, RoBERTa trained on a GPU, on NewsMTSC's test set
    "newsmtsc": {"RoBERTa, GPU, test set": 0.831},
}
RESULT_COLUMNS = ["task", "dataset", "n", "unit", "metric", "ours", "ci_low", "ci_high", "baselines",
                  "best_baseline", "published", "best_published"]
#: Tasks in pipeline order (the order of the results table).
TASKS = ("entity mentions", "blame statements", "responsible party", "sentence sentiment", "target sentiment")


def _named(values: dict[str, float]) -> str:
    return "; ".join(f"{k} {v:.3f}" for k, v in values.items())


def result_row(task: str, dataset: str, n: int, unit: str, metric: str, ours: float, ci: tuple[float, float],
               baselines: dict[str, float] | None = None, published: dict[str, float] | None = None) -> dict:
    """One row of the results table. ``n``: items scored; ``unit``: what the bootstrap resampled
    (e.g. ``"documents (6)"``); ``baselines``/``published``: name -> figure on the same metric."""
    baselines, published = baselines or {}, published or {}
    return {"task": task, "dataset": dataset, "n": int(n), "unit": unit, "metric": metric, "ours": float(ours),
            "ci_low": float(ci[0]), "ci_high": float(ci[1]), "baselines": _named(baselines),
            "best_baseline": max(baselines.values(), default=float("nan")), "published": _named(published),
            "best_published": max(published.values(), default=float("nan"))}


ENTITY_METRICS = {
    "mentions": "F1, actor and place mentions",
    "actors": "F1, actor mentions",
    "actor_identity": "F1, actor mentions with the right actor",
    "actor_rollup": "F1, the same rolled up the hierarchy",
}


def entity_results(table: pd.DataFrame, n_docs: int, dataset: str = "project gold, 6 articles") -> list[dict]:
    """Result rows from :meth:`EntityScores.table` (the catalog pipeline, raw spaCy as baseline)."""
    t = table.set_index(["metric", "system"])
    rows = []
    for metric, label in ENTITY_METRICS.items():
        c = t.loc[(metric, "catalog")]
        rows.append(result_row("entity mentions", dataset, c["gold"], f"{n_docs:,} documents", label, c["f1"],
                               (c["f1_low"], c["f1_high"]), {"raw spaCy": t.loc[(metric, "spacy"), "f1"]}))
    return rows


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


def plover_results(plover: pd.DataFrame, n: int = 1000, seed: int = 0) -> list[dict]:
    """The share of PLOVER gold sentences with source and target both right (:func:`evaluate_plover`)."""
    ci = bootstrap_ci(plover, lambda s: float(s.right.mean()), n=n, seed=seed)
    return [result_row("blame statements", "PLOVER ACCUSE gold", len(plover), f"{len(plover):,} sentences",
                       "share with source and target right", float(plover.right.mean()), ci)]


def fakes_results(fakes: dict[str, pd.DataFrame], n: int = 1000, seed: int = 0) -> list[dict]:
    """Accuracy and macro-F1 of ``responsible`` on FA-KES (:func:`evaluate_fakes`), intervals over
    articles, with the majority-class and mention-count baselines."""
    p, s = fakes["predictions"], fakes["scores"].set_index("system")
    stats = {"accuracy": lambda x: float((x.predicted == x.actor).mean()),
             "macro_f1": lambda x: macro_f1(x.actor, x.predicted)}
    rows = []
    for metric, label in (("accuracy", "accuracy"), ("macro_f1", "macro-F1")):
        base = {"majority class": s.loc["majority class", metric], "mention count": s.loc["mention-count baseline", metric]}
        rows.append(result_row("responsible party", "FA-KES dev split", len(p), f"{len(p):,} articles", label,
                               stats[metric](p), bootstrap_ci(p, stats[metric], n=n, seed=seed), base))
    return rows


def _pearson(a, b) -> float:
    return float(np.corrcoef(np.asarray(a, float), np.asarray(b, float))[0, 1])


def nyt_results(predictions: pd.DataFrame, n: int = 1000, seed: int = 0) -> list[dict]:
    """Pearson r of the project's out-of-fold scores with the human mean on the NYT editorial
    sentences (:func:`helpers.sentiment.nyt_predictions`), interval resampling editorials."""
    p = predictions
    ci = grouped_bootstrap_ci(p, "article", lambda x: _pearson(x.project, x.human), n=n, seed=seed)
    base = {"VADER": _pearson(p.vader, p.human), "rules": _pearson(p.rules, p.human)}
    return [result_row("sentence sentiment", "NYT editorial sentences", len(p), f"{p.article.nunique():,} editorials",
                       "Pearson r with the mean rating", _pearson(p.project, p.human), ci, base, PUBLISHED["nyt"])]


def newsmtsc_results(predictions: pd.DataFrame, n: int = 1000, seed: int = 0) -> list[dict]:
    """Macro-F1 and accuracy of the project's out-of-fold target labels on NewsMTSC
    (:func:`helpers.sentiment.newsmtsc_predictions`), intervals resampling sentences."""
    p = predictions
    stats = {"macro-F1": lambda x, col="project": macro_f1(x.label, x[col]),
             "accuracy": lambda x, col="project": float((x.label == x[col]).mean())}
    rows = []
    for metric, stat in stats.items():
        ci = grouped_bootstrap_ci(p, "sentence_id", stat, n=n, seed=seed)
        base = {"VADER (sentence label)": stat(p, "vader"), "rules": stat(p, "rules")}
        rows.append(result_row("target sentiment", "NewsMTSC train split", len(p), f"{p.sentence_id.nunique():,} sentences",
                               metric, stat(p), ci, base, PUBLISHED["newsmtsc"] if metric == "macro-F1" else None))
    return rows


def results_table(rows: list[dict], digits: int = 3) -> pd.DataFrame:
    """The rows of the ``*_results`` helpers as one tidy table, in pipeline order (``TASKS``),
    floats rounded."""
    out = pd.DataFrame(rows, columns=RESULT_COLUMNS)
    out = out.sort_values("task", key=lambda t: t.map(TASKS.index), kind="stable", ignore_index=True)
    return out.round(digits)


def results_markdown(table: pd.DataFrame) -> str:
    """The results table as a Markdown table (the README's copy of it)."""
    lines = ["| task | data | n | metric | ours (95% CI; resampled) | baselines | published |", "|---|---|---|---|---|---|---|"]
    for r in table.itertuples():
        lines.append(f"| {r.task} | {r.dataset} | {r.n:,} | {r.metric} | **{r.ours:.3f}** ({r.ci_low:.3f}-{r.ci_high:.3f}; "
                     f"{r.unit}) | {r.baselines or '-'} | {r.published or '-'} |")
    return "\n".join(lines)


README_MARKERS = ("<!-- results-table: start (copied from notebooks/06-evaluation.ipynb) -->", "<!-- results-table: end -->")


def readme_with_results(readme: str, markdown: str, markers: tuple[str, str] = README_MARKERS) -> str:
    """``readme`` with the text between the two marker lines replaced by ``markdown``."""
    start, end = markers
    if readme.count(start) != 1 or readme.count(end) != 1 or readme.index(start) > readme.index(end):
        raise ValueError(f"the README needs exactly one {start!r} line before one {end!r} line")
    head, rest = readme.split(start)
    _, tail = rest.split(end)
    return f"{head}{start}\n{markdown.strip()}\n{end}{tail}"


def results_chart(table: pd.DataFrame, title: str = "", width: float = 9.0):
    """Each figure of the results table with its 95% interval, the best baseline and the best
    published figure, on one 0-1 axis; returns the figure (explicit size, as ``helpers.viz.charts``)."""
    import matplotlib.pyplot as plt

    t = table.iloc[::-1].reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(width, 0.4 * len(t) + 1.6), layout="constrained")
    y = np.arange(len(t))
    ax.errorbar(t.ours, y, xerr=[t.ours - t.ci_low, t.ci_high - t.ours], fmt="o", color="#1f4e79", capsize=3,
                label="ours (95% CI)")
    ax.scatter(t.best_baseline, y, marker="|", s=160, color="#b22222", label="best baseline", zorder=3)
    ax.scatter(t.best_published, y, marker="*", s=90, color="#e69f00", label="best published", zorder=3)
    ax.set_yticks(y, [f"{r.dataset}: {r.metric}" for r in t.itertuples()], fontsize=8)
    for k in range(1, len(t)):
        if t.task[k] != t.task[k - 1]:
            ax.axhline(k - 0.5, color="0.75", linewidth=0.8)
    ax.set_xlim(0, 1)
    ax.set_xlabel("F1, accuracy, share right, or Pearson r")
    ax.grid(axis="x", alpha=0.3)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=3, fontsize=8, frameon=False)
    if title:
        ax.set_title(title, fontsize=10)
    return fig
