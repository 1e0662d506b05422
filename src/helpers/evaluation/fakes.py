"""The document-level ``responsible`` party against FA-KES's crowd labels.

FA-KES (``data/external/fakes_syria``) says, per article, which party its annotators held
responsible for the casualties; ``data/fakes_classes.yml`` maps the catalog's root actors to
those classes. :func:`evaluate_fakes` scores :func:`helpers.blame.responsible` against them beside
the majority class and a mention-count baseline; :func:`fakes_errors` shows the wrong articles
with the statement behind each prediction.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.datafiles import read_yaml
from helpers.evaluation.blame import kind_rank
from helpers.evaluation.metrics import bootstrap_ci, macro_f1
from helpers.evaluation.results import result_row

__all__ = ["evaluate_fakes", "fakes_errors", "fakes_results"]


def _classes(path: str | Path) -> dict:
    return read_yaml(path)


def evaluate_fakes(nlp, catalog, lexicon, classes_path: str | Path, articles: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Document-level ``responsible`` on FA-KES against the crowd's ``actor`` column.

    ``nlp``: the actor pipeline of ``catalog``; ``lexicon``: the blame lexicon; ``articles``:
    :func:`helpers.evaluation.load_fakes`. Returns ``predictions`` (per article), ``scores``
    (accuracy and macro-F1 of the suite, the majority class and the mention-count baseline: the
    class whose actors are mentioned most), ``confusion`` (gold rows x predicted columns) and
    ``blame`` (the statements behind ``responsible``, :func:`helpers.blame.blame_table` columns).
    """
    from helpers.actors import mention_table
    from helpers.blame import blame_table, responsible
    from helpers.text import clean

    cfg = _classes(classes_path)
    unknown = cfg["unknown"]
    root_class = {catalog.name(a): c for c, ids in cfg["classes"].items() for a in ids}
    texts = [(clean(r.text, r.doc_id).text, r.doc_id) for r in articles.itertuples()]
    docs = [(d, doc) for doc, d in nlp.pipe(texts, as_tuples=True, batch_size=32)]
    blame = blame_table(docs, catalog, lexicon)
    resp = responsible(blame, list(articles.doc_id), catalog=catalog)
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
        {"system": name, "accuracy": float((pred[col] == pred["actor"]).mean()),
         "macro_f1": macro_f1(pred["actor"], pred[col])}
        for name, col in (("suite (responsible)", "predicted"), ("majority class", "majority"),
                          ("mention-count baseline", "mention_count"))
    ])
    short = cfg.get("short", {})
    confusion = pd.crosstab(pred["actor"].map(lambda c: short.get(c, c)),
                            pred["predicted"].map(lambda c: short.get(c, c)))
    confusion = confusion.rename_axis(index="gold", columns="predicted")
    return {"predictions": pred, "scores": scores.round(3), "confusion": confusion, "blame": blame}


def fakes_errors(fakes: dict[str, pd.DataFrame], classes_path: str | Path, top: int = 10) -> pd.DataFrame:
    """The FA-KES articles whose responsible party is wrong, most confident first (largest
    ``responsible_score``), with the evidence: the strongest statement blaming the predicted
    actor (explicit before agency before criticism, the author's before reported, earliest)."""
    short = _classes(classes_path).get("short", {})
    pred, blame = fakes["predictions"], fakes["blame"]
    wrong = pred[pred.predicted != pred.actor].sort_values(["responsible_score", "doc_id"], ascending=[False, True])
    b = blame[~blame.denied.astype(bool)]
    b = b.assign(_k=lambda x: kind_rank(x.kind), _a=lambda x: x.attribution.ne("author"))
    b = b.sort_values(["doc_id", "_k", "_a", "sent_id", "cue_start"]).drop_duplicates(["doc_id", "blamed_root"])
    evidence = b.set_index(["doc_id", "blamed_root"])
    rows = []
    for r in wrong.head(top).itertuples():
        ev = evidence.loc[(r.doc_id, r.responsible)] if (r.doc_id, r.responsible) in evidence.index else None
        rows.append({"doc_id": r.doc_id, "source": r.source, "gold": short.get(r.actor, r.actor),
                     "predicted": short.get(r.predicted, r.predicted), "responsible": r.responsible,
                     "score": r.responsible_score, "cue": "" if ev is None else ev.cue,
                     "evidence": "" if ev is None else ev.sentence})
    columns = ["doc_id", "source", "gold", "predicted", "responsible", "score", "cue", "evidence"]
    return pd.DataFrame(rows, columns=columns)


def fakes_results(fakes: dict[str, pd.DataFrame], n: int = 1000, seed: int = 0) -> list[dict]:
    """Accuracy and macro-F1 of ``responsible`` on FA-KES (:func:`evaluate_fakes`), intervals over
    articles, with the majority-class and mention-count baselines."""
    p, s = fakes["predictions"], fakes["scores"].set_index("system")
    stats = {"accuracy": lambda x: float((x.predicted == x.actor).mean()),
             "macro_f1": lambda x: macro_f1(x.actor, x.predicted)}
    rows = []
    for metric, label in (("accuracy", "accuracy"), ("macro_f1", "macro-F1")):
        base = {"majority class": s.loc["majority class", metric],
                "mention count": s.loc["mention-count baseline", metric]}
        rows.append(result_row("responsible party", "FA-KES dev split", len(p), f"{len(p):,} articles", label,
                               stats[metric](p), bootstrap_ci(p, stats[metric], n=n, seed=seed), base))
    return rows
