"""Entity mentions against the entity gold: per-document counts, scores with intervals, errors.

Mentions are matched one-to-one by character overlap (the largest overlaps first), so boundary
choices inside a name ("the Defense Ministry" vs "Defense Ministry") do not count as errors;
whether something is a mention, and of whom, does. :func:`evaluate_entities` is the whole
recipe of notebooks 02 and 06: run raw spaCy and the catalog pipeline on the gold texts, score
both, and keep the parsed documents for the error analysis (:meth:`EntityScores.errors`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from helpers.evaluation.metrics import bootstrap_ci, match_spans, prf
from helpers.evaluation.results import result_row

__all__ = ["RAW_NAMED_LABELS", "RAW_ACTOR_LABELS", "ENTITY_METRICS", "EntityScores", "score_entities",
           "evaluate_entities", "entity_errors", "common_errors", "entity_results", "gold_name", "gold_root",
           "select_docs"]

#: spaCy labels a researcher counting raw named entities would take as "who/where" mentions.
RAW_NAMED_LABELS = ("PERSON", "NORP", "ORG", "GPE", "LOC", "FAC")
RAW_ACTOR_LABELS = ("PERSON", "NORP", "ORG", "GPE")

#: The entity metrics of :func:`score_entities` and their labels in the results table.
ENTITY_METRICS = {
    "mentions": "F1, actor and place mentions",
    "actors": "F1, actor mentions",
    "actor_identity": "F1, actor mentions with the right actor",
    "actor_rollup": "F1, the same rolled up the hierarchy",
    "right_actor": "share of found actor mentions with the right actor",
}


def select_docs(frame: pd.DataFrame, docs=None, exclude=None) -> pd.DataFrame:
    """The rows of ``frame`` whose ``doc_id`` is in ``docs`` (all when None) and not in ``exclude``."""
    if docs is not None:
        frame = frame[frame.doc_id.isin(docs)]
    if exclude is not None:
        frame = frame[~frame.doc_id.isin(exclude)]
    return frame


@dataclass
class EntityScores:
    """Per-document counts for each system and metric, plus per-actor count comparisons.

    :func:`evaluate_entities` also keeps what the error analysis needs: the ``gold`` records, the
    catalog pipeline's parsed ``docs`` of their texts and the ``catalog``. ``docs``/``exclude``
    (lists of document ids) choose the documents a table is computed on, e.g. every gold document
    but the seed, on which the rules were developed."""

    counts: pd.DataFrame  # doc_id, system, metric, tp, pred, gold
    actor_counts: pd.DataFrame  # doc_id, actor, gold, <system>...
    gold: list[dict] = field(default_factory=list)
    docs: list[tuple[str, object]] = field(default_factory=list)
    catalog: object = None

    @property
    def doc_ids(self) -> list[str]:
        """The gold documents, in the gold's order."""
        return [rec["doc_id"] for rec in self.gold]

    def summary(self, docs=None, exclude=None) -> pd.DataFrame:
        c = select_docs(self.counts, docs, exclude)
        g = c.groupby(["metric", "system"])[["tp", "pred", "gold"]].sum()
        rows = [{"metric": m, "system": s, **prf(int(r.tp), int(r.pred), int(r.gold))} for (m, s), r in g.iterrows()]
        out = pd.DataFrame(rows)
        return out.sort_values(["metric", "system"], ignore_index=True)

    def table(self, docs=None, n_boot: int = 1000, seed: int = 0, digits: int = 3, exclude=None) -> pd.DataFrame:
        """:meth:`summary` with a document-bootstrap 95% interval for F1, rounded."""
        out = self.summary(docs, exclude)
        cis = [self.f1_ci(r.metric, r.system, docs, n=n_boot, seed=seed, exclude=exclude) for r in out.itertuples()]
        out["f1_low"], out["f1_high"] = [c[0] for c in cis], [c[1] for c in cis]
        columns = ["metric", "system", "precision", "recall", "f1", "f1_low", "f1_high", "tp", "pred", "gold"]
        return out[columns].round(digits)

    def count_errors(self, systems=None, top: int = 12) -> pd.DataFrame:
        """Per-actor mention counts summed over documents: gold, each system, and the differences."""
        c = self.actor_counts.drop(columns="doc_id").groupby("actor").sum()
        systems = systems or [s for s in c.columns if s != "gold"]
        for s in systems:
            c[f"{s}_error"] = c[s] - c["gold"]
        c = c.reset_index().sort_values(["gold", "actor"], ascending=[False, True]).head(top)
        return c.reset_index(drop=True)

    def f1_ci(self, metric: str, system: str, docs=None, n: int = 1000, seed: int = 0,
              exclude=None) -> tuple[float, float]:
        c = self.counts[(self.counts.metric == metric) & (self.counts.system == system)]
        c = select_docs(c, docs, exclude)

        def f1(sample):
            return prf(int(sample.tp.sum()), int(sample.pred.sum()), int(sample.gold.sum()))["f1"]

        return bootstrap_ci(c.reset_index(drop=True), f1, n=n, seed=seed)

    def errors(self) -> pd.DataFrame:
        """:func:`entity_errors` of the catalog pipeline on the gold (from :func:`evaluate_entities`)."""
        if len(self.counts) and not self.docs:
            raise ValueError("these scores keep no parsed documents: use evaluate_entities, or entity_errors")
        return entity_errors(self.gold, self.docs, self.catalog)


def gold_name(actor: str, catalog) -> str:
    """A gold actor id as a name: the catalog's name, or the text after ``new:``/``place:``."""
    if actor.startswith(("new:", "place:")):
        return actor.split(":", 1)[1]
    return catalog.name(actor) if actor in catalog else actor


def gold_root(actor: str, catalog) -> str:
    """:func:`gold_name` of the top of ``actor``'s catalog hierarchy."""
    if actor in catalog:
        return catalog.name(catalog.root(actor))
    return gold_name(actor, catalog)


def _without_pronouns(mentions: list[dict]) -> list[dict]:
    return [m for m in mentions if m.get("form") != "pronoun"]


def score_entities(gold: list[dict], systems: dict[str, pd.DataFrame], catalog, pronouns: bool = False) -> EntityScores:
    """Score mention tables against the gold.

    ``systems``: name -> mention table (:func:`helpers.actors.mention_table` columns) for the
    gold documents. A table whose ``kind`` column is all ``"raw"`` is scored as raw spaCy: named
    labels count as mentions, PERSON/NORP/ORG/GPE as actors, its normalised text as identity.

    Metrics (one-to-one overlap matching):
    ``mentions``: actor and place mentions found (kind ignored);
    ``actors``: actor mentions found (gold kind actor vs predicted actor);
    ``actor_identity``: actor mentions found *and* attributed to the right actor;
    ``actor_rollup``: the same, compared after rolling both up to the top of the catalog hierarchy;
    ``right_actor``: of the actor mentions found, the share attributed to the right actor (its
    precision, recall and F1 are that share).

    ``pronouns``: score pronoun mentions too (the gold's ``form`` pronoun, version 2 of the
    guideline, and the tables' ``via`` pronoun rows); by default both are left out, which is what
    version 1 documents (no pronouns annotated) need.
    """
    rows, count_rows = [], []
    for rec in gold:
        doc_id = rec["doc_id"]
        gm = rec["mentions"] if pronouns else _without_pronouns(rec["mentions"])
        g_all = [(m["start"], m["end"]) for m in gm]
        g_act = [m for m in gm if m["kind"] == "actor"]
        g_act_spans = [(m["start"], m["end"]) for m in g_act]
        g_names = [gold_name(m["actor"], catalog) for m in g_act]
        g_roots = [gold_root(m["actor"], catalog) for m in g_act]
        gold_counts = pd.Series(g_roots).value_counts()
        per_system_counts = {}
        for name, table in systems.items():
            t = table[table.doc_id == doc_id]
            if not pronouns and "via" in t:
                t = t[t["via"] != "pronoun"]
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
                ("right_actor", ident, len(m_act), len(m_act)),
            ):
                rows.append({"doc_id": doc_id, "system": name, "metric": metric, "tp": tp, "pred": npred,
                             "gold": ngold})
            per_system_counts[name] = pd.Series(roots).value_counts()
        names = sorted(set(gold_counts.index).union(*[set(v.index) for v in per_system_counts.values()]))
        for actor in names:
            count_rows.append({"doc_id": doc_id, "actor": actor, "gold": int(gold_counts.get(actor, 0)),
                               **{s: int(v.get(actor, 0)) for s, v in per_system_counts.items()}})
    return EntityScores(pd.DataFrame(rows), pd.DataFrame(count_rows))


def evaluate_entities(gold: list[dict], nlp, raw_nlp, catalog, pronouns: bool = False) -> EntityScores:
    """Run raw spaCy (``raw_nlp``) and the catalog pipeline (``nlp``, with ``catalog``) on the gold
    texts and score both (``pronouns`` as in :func:`score_entities`); the scores keep the gold,
    the pipeline's documents and the catalog."""
    from helpers.actors import mention_table, raw_mention_table

    raw = raw_mention_table([(g["doc_id"], raw_nlp(g["text"])) for g in gold], catalog)
    docs = [(g["doc_id"], nlp(g["text"])) for g in gold]
    systems = {"spacy": raw, "catalog": mention_table(docs, catalog)}
    scores = score_entities(gold, systems, catalog, pronouns)
    scores.gold, scores.docs, scores.catalog = gold, docs, catalog
    return scores


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
        g = [m for m in _without_pronouns(rec["mentions"]) if m["kind"] == "actor"]
        t = mention_table([(doc_id, doc)], catalog)
        p = t[(t.kind == "actor") & (t.via != "pronoun")].reset_index(drop=True)
        pairs = match_spans([(m["start"], m["end"]) for m in g], list(zip(p.start_char, p.end_char)))
        matched_g, matched_p = {i for i, _ in pairs}, {j for _, j in pairs}

        def row(error, start, text, gold_name_, predicted):
            return {"doc_id": doc_id, "start": int(start), "error": error, "text": text, "gold": gold_name_,
                    "predicted": predicted, "sentence": _sentence_at(sents, start)}

        for i, j in pairs:
            name = gold_name(g[i]["actor"], catalog)
            if p.actor[j].lower() != name.lower():
                rows.append(row("wrong actor", g[i]["start"], g[i]["text"], name, p.actor[j]))
        rows += [row("missed", m["start"], m["text"], gold_name(m["actor"], catalog), "")
                 for i, m in enumerate(g) if i not in matched_g]
        rows += [row("spurious", r.start_char, r.text, "", r.actor)
                 for j, r in enumerate(p.itertuples()) if j not in matched_p]
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


def entity_results(table: pd.DataFrame, n_docs: int, dataset: str = "project gold, 6 articles") -> list[dict]:
    """Result rows from :meth:`EntityScores.table` (the catalog pipeline, raw spaCy as baseline)."""
    t = table.set_index(["metric", "system"])
    rows = []
    for metric, label in ENTITY_METRICS.items():
        c = t.loc[(metric, "catalog")]
        rows.append(result_row("entity mentions", dataset, c["gold"], f"{n_docs:,} documents", label, c["f1"],
                               (c["f1_low"], c["f1_high"]), {"raw spaCy": t.loc[(metric, "spacy"), "f1"]}))
    return rows
