"""Blame statements against the news gold (``data/gold/blame_news.jsonl``, blame guideline
version 2): precision, recall of core and of all statements, F1, recall by family and scope,
precision by the pipeline's cue family, and false positives per 1,000 words on the articles with
no blame, each with a 95% bootstrap interval over documents.

A gold statement is **found** when a row of the blame table in the same sentence (the
pipeline's sentence holding the gold cue) has the right blamer and the right blamed, one row for
one statement (:func:`helpers.evaluation.blame_match.match_statements`; who is right for whom,
catalog actors rolled up, ``new:``, ``implicit:``, ``author``, ``unnamed`` and ``unstated``, is
the table of :mod:`helpers.evaluation.blame_match`). Neither the family, the kind nor the
attribution has to agree. Unlike :mod:`helpers.evaluation.blame` (guideline version 1), gold
statements are not merged per (sentence, blamer, blamed): each is one item, as the guideline
writes one row per cue.

- precision: matched rows / rows of the table; recall: found statements / statements (of the
  ``core`` scope, or all); F1: of precision and the recall of all statements;
- a row's family is its ``cue_family`` when the table has one, else its ``kind`` read as
  :data:`FAMILY_OF_KIND` (explicit -> accusation, agency, criticism);
- false positives per 1,000 words: every row on a gold article with no statement, per 1,000 of
  its words (tokens that are neither punctuation nor space, as the ``documents`` table counts).

:func:`evaluate_blame_news` is the recipe of notebooks 03 and 06; :func:`score_blame_news`
scores a table already made (with the documents' word counts).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from helpers.evaluation.blame import sentence_of
from helpers.evaluation.blame_match import (
    IMPLICIT_BLAMERS,
    gold_party,
    load_implicit_nouns,
    match_statements,
    pred_party,
)
from helpers.evaluation.metrics import bootstrap_ci, grouped_bootstrap_ci, prf_ci
from helpers.evaluation.results import result_row

__all__ = ["FAMILIES", "FAMILY_OF_KIND", "NEWS_METRICS", "BlameNewsEvaluation", "news_gold_frame", "row_families",
           "score_blame_news", "evaluate_blame_news"]

#: The cue families of guideline version 2, in its order.
FAMILIES = ("accusation", "agency", "criticism", "legal", "admission", "denial")
#: The family of a row of a table without ``cue_family``, from its kind.
FAMILY_OF_KIND = {"explicit": "accusation", "agency": "agency", "criticism": "criticism"}
#: The figures of :meth:`BlameNewsEvaluation.scores` and their names in the results table.
NEWS_METRICS = {"precision": "precision", "recall_core": "recall of core statements",
                "recall": "recall of all statements", "f1": "F1"}
_GOLD_COLUMNS = ["doc_id", "sent_id", "blamer", "blamed", "family", "kind", "scope", "attribution", "denied",
                 "cue", "cue_start", "cue_end"]


def news_gold_frame(gold: list[dict], sentences: dict[str, list[tuple[int, int]]]) -> pd.DataFrame:
    """The gold statements, one row each, with ``sent_id`` the pipeline's sentence
    (``sentences``: per document, its sentences' character spans) holding the cue."""
    rows = [{"doc_id": rec["doc_id"], "sent_id": sentence_of(sentences[rec["doc_id"]], s["cue_start"]),
             **{k: s[k] for k in _GOLD_COLUMNS[2:]}}
            for rec in gold for s in rec["statements"]]
    return pd.DataFrame(rows, columns=_GOLD_COLUMNS)


def row_families(table: pd.DataFrame) -> pd.Series:
    """Each row's cue family: ``cue_family`` where the table has a non-empty one, else the family
    of its kind (:data:`FAMILY_OF_KIND`)."""
    from_kind = table["kind"].map(FAMILY_OF_KIND).fillna(table["kind"])
    if "cue_family" not in table.columns:
        return from_kind
    family = table["cue_family"].fillna("").astype(str)
    return family.where(family != "", from_kind)


def _share(items: pd.DataFrame, n: int, seed: int) -> dict:
    """The share of ``items`` whose ``right`` is true, with an interval resampling documents."""
    low, high = grouped_bootstrap_ci(items, "doc_id", lambda s: float(s.right.mean()), n=n, seed=seed)
    return {"n": len(items), "right": int(items.right.sum()), "share": float(items.right.mean()),
            "ci_low": low, "ci_high": high}


@dataclass
class BlameNewsEvaluation:
    """The news gold beside a blame table: ``gold`` (:func:`news_gold_frame`, with ``found``),
    ``pred`` (the table, with ``family`` and ``right``: matched), ``matches`` (``gold_i``,
    ``pred_i``), ``words`` (words per gold document, in the gold's order) and, from
    :func:`evaluate_blame_news`, the parsed ``docs``."""

    gold: pd.DataFrame
    pred: pd.DataFrame
    matches: pd.DataFrame
    words: dict[str, int]
    docs: list[tuple[str, object]] = field(default_factory=list)

    @property
    def doc_ids(self) -> list[str]:
        return list(self.words)

    def counts(self) -> pd.DataFrame:
        """Per gold document: statements (``gold``, ``gold_core``), found (``tp``, ``tp_core``),
        rows of the table (``pred``) and words."""
        g = self.gold.assign(core=self.gold.scope.eq("core"))
        parts = [g.groupby("doc_id").size().rename("gold"), g.groupby("doc_id").core.sum().rename("gold_core"),
                 g.groupby("doc_id").found.sum().rename("tp"),
                 g[g.core].groupby("doc_id").found.sum().rename("tp_core"),
                 self.pred.groupby("doc_id").size().rename("pred"), pd.Series(self.words, name="words")]
        out = pd.concat(parts, axis=1).reindex(self.doc_ids).fillna(0).astype(int)
        return out.rename_axis("doc_id").reset_index()

    def scores(self, n: int = 1000, seed: int = 0, digits: int = 3) -> pd.DataFrame:
        """Precision, recall of core and of all statements and F1 (:data:`NEWS_METRICS`), each
        with its interval; ``right`` of ``n``: the counts behind it."""
        c = self.counts()
        every = prf_ci(c, n=n, seed=seed)
        core = prf_ci(c.assign(tp=c.tp_core, gold=c.gold_core), n=n, seed=seed)
        figures = {"precision": (every, "precision", c.tp.sum(), c.pred.sum()),
                   "recall_core": (core, "recall", c.tp_core.sum(), c.gold_core.sum()),
                   "recall": (every, "recall", c.tp.sum(), c.gold.sum()),
                   "f1": (every, "f1", c.tp.sum(), c.gold.sum())}
        rows = [{"metric": NEWS_METRICS[k], "value": s[m], "ci_low": s[f"{m}_low"], "ci_high": s[f"{m}_high"],
                 "right": int(r), "n": int(of)} for k, (s, m, r, of) in figures.items()]
        return pd.DataFrame(rows).round(digits)

    def false_positives(self, n: int = 1000, seed: int = 0, digits: int = 3) -> pd.DataFrame:
        """Rows of the table per 1,000 words on the gold documents with no statement, with an
        interval resampling those documents."""
        c = self.counts()
        c = c[c.gold == 0].reset_index(drop=True)

        def rate(s):
            return 1000 * s.pred.sum() / s.words.sum() if s.words.sum() else 0.0

        low, high = bootstrap_ci(c, rate, n=n, seed=seed) if len(c) else (float("nan"), float("nan"))
        return pd.DataFrame([{"documents": len(c), "words": int(c.words.sum()), "rows": int(c.pred.sum()),
                              "per_1000_words": rate(c) if len(c) else float("nan"), "ci_low": low,
                              "ci_high": high}]).round(digits)

    def recall_by(self, column: str, n: int = 1000, seed: int = 0, digits: int = 3) -> pd.DataFrame:
        """Recall per value of a gold ``column`` (``family``, ``scope``, ``kind``,
        ``attribution``), with intervals resampling the documents that have such statements."""
        g = self.gold.assign(right=self.gold.found)
        rows = [{column: v, **_share(g[g[column] == v], n, seed)} for v in _ordered(g[column])]
        return _renamed(rows, column, "found", "recall", digits)

    def precision_by_family(self, n: int = 1000, seed: int = 0, digits: int = 3) -> pd.DataFrame:
        """Precision per row family (:func:`row_families`), intervals resampling documents."""
        p = self.pred
        rows = [{"family": v, **_share(p[p.family == v], n, seed)} for v in _ordered(p.family)]
        return _renamed(rows, "family", "matched", "precision", digits)

    def results(self, dataset: str | None = None, n: int = 1000, seed: int = 0) -> list[dict]:
        """Rows of the results table (:func:`helpers.evaluation.result_row`), one per
        :data:`NEWS_METRICS` figure, task "blame statements"; ``dataset`` by default "news gold,
        <documents> Wikinews articles"."""
        dataset = dataset or f"news gold, {len(self.doc_ids)} Wikinews articles"
        unit = f"{len(self.doc_ids):,} documents"
        scores = self.scores(n=n, seed=seed, digits=12).set_index("metric")
        out = []
        for name in NEWS_METRICS.values():
            s = scores.loc[name]
            items = int(s.n) if name != "precision" else len(self.gold)
            out.append(result_row("blame statements", dataset, items, unit, name, s.value, (s.ci_low, s.ci_high)))
        return out


def _ordered(values: pd.Series) -> list[str]:
    """The values present, guideline families and scopes in their order, anything else after."""
    order = [*FAMILIES, "core", "extended"]
    present = set(values)
    return [v for v in order if v in present] + sorted(present - set(order))


def _renamed(rows: list[dict], column: str, right: str, share: str, digits: int) -> pd.DataFrame:
    columns = [column, "n", "right", "share", "ci_low", "ci_high"]
    out = pd.DataFrame(rows, columns=columns).rename(columns={"right": right, "share": share})
    return out.round(digits)


def score_blame_news(gold_frame: pd.DataFrame, table: pd.DataFrame, catalog, words: dict[str, int],
                     doc_actors: dict[str, frozenset[str]] | None = None,
                     implicit_blamers: str | Path = IMPLICIT_BLAMERS) -> BlameNewsEvaluation:
    """Score a blame ``table`` (:data:`helpers.schema.BLAME_COLUMNS`, with ``cue_family`` when it
    has one) against ``gold_frame`` (:func:`news_gold_frame`). ``catalog``: the packs the table
    was made with (``world,syria`` for this gold); ``words``: words per gold document (the
    documents scored); ``doc_actors``: per document, the display names of its document actors
    (None: unknown, see :mod:`helpers.evaluation.blame_match`); ``implicit_blamers``: the nouns
    of the implicit institutions."""
    nouns = load_implicit_nouns(implicit_blamers)
    gold = gold_frame[gold_frame.doc_id.isin(words)].reset_index(drop=True)
    pred = table[table.doc_id.isin(words)].reset_index(drop=True)
    pred = pred.assign(family=row_families(pred))
    g_parties = [(gold_party(a, catalog), gold_party(b, catalog)) for a, b in zip(gold.blamer, gold.blamed)]
    p_parties = []
    for r in pred.itertuples():
        known = doc_actors.get(r.doc_id, frozenset()) if doc_actors is not None else None
        p_parties.append((pred_party(r.blamer, r.blamer_id, catalog, known),
                          pred_party(r.blamed, r.blamed_id, catalog, known)))
    matches = match_statements(gold, g_parties, pred, p_parties, nouns)
    gold = gold.assign(found=gold.index.isin(matches.gold_i))
    pred = pred.assign(right=pred.index.isin(matches.pred_i))
    return BlameNewsEvaluation(gold, pred, matches, dict(words))


def _document_actors(docs, catalog) -> dict[str, frozenset[str]]:
    from helpers.actors import mention_table
    from helpers.actors.document_actors import DOC_KEY_PREFIX

    m = mention_table(docs, catalog)
    m = m[m.actor_key.str.startswith(DOC_KEY_PREFIX)]
    found = m.groupby("doc_id").actor.agg(frozenset).to_dict()
    return {doc_id: found.get(doc_id, frozenset()) for doc_id, _ in docs}


def evaluate_blame_news(gold: list[dict], nlp, catalog, lexicon) -> BlameNewsEvaluation:
    """Run the actor pipeline ``nlp`` and blame extraction (``catalog``, ``lexicon``) on the texts
    of the news gold (:func:`helpers.evaluation.load_blame_news`) and score the table
    (:func:`score_blame_news`), the gold's cues placed in the pipeline's sentences."""
    from helpers.blame import blame_table

    docs = [(g["doc_id"], nlp(g["text"])) for g in gold]
    sentences = {d: [(s.start_char, s.end_char) for s in doc.sents] for d, doc in docs}
    words = {d: sum(1 for t in doc if not (t.is_punct or t.is_space)) for d, doc in docs}
    scores = score_blame_news(news_gold_frame(gold, sentences), blame_table(docs, catalog, lexicon), catalog, words,
                              _document_actors(docs, catalog))
    scores.docs = docs
    return scores
