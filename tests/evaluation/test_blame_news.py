"""Scoring a blame table against the news gold (guideline version 2): who is right for whom
(catalog actors rolled up, new:, implicit:, author, unnamed, unstated), one row for one statement
in the same sentence, the figures with their intervals, and the recipe of notebooks 03 and 06.
The gold records and tables here are written for the tests."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from helpers import evaluation as E
from helpers.actors import actor_pipeline, load_catalog
from helpers.blame import BLAME_LEXICON, Lexicon, blame_table
from helpers.evaluation.blame_match import (
    IMPLICIT_BLAMERS,
    gold_party,
    load_implicit_nouns,
    pred_party,
    same_name,
    same_party,
)
from helpers.paths import DATA_DIR


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(["syria"])


@pytest.fixture(scope="module")
def nouns():
    return load_implicit_nouns(IMPLICIT_BLAMERS)


def right(gold, name, actor_id, catalog, nouns, doc_actors=frozenset({"Ana Ruiz", "Northfield Chemicals"})):
    return same_party(gold_party(gold, catalog), pred_party(name, actor_id, catalog, doc_actors), nouns)


def test_catalog_actors_are_compared_rolled_up(catalog, nouns):
    assert right("iran_foreign_ministry", "Iran", "iran", catalog, nouns)
    assert right("iran", "Iranian Foreign Ministry", "iran_foreign_ministry", catalog, nouns)
    assert not right("iran", "Pakistan", "pakistan", catalog, nouns)
    assert not right("iran", "Iran", "", catalog, nouns)  # a document actor is not the catalog's


def test_new_actors_match_by_name_or_surname(catalog, nouns):
    assert right("new:Ana Ruiz", "Ana Ruiz", "", catalog, nouns)
    assert right("new:Ana Ruiz", "ana ruiz", "doc:ana ruiz", catalog, nouns)
    assert right("new:Ana Ruiz", "Ruiz", "doc:Ruiz", catalog, nouns)
    assert right("new:Mike Johnson", "Michael Johnson", "doc:Michael Johnson", catalog, nouns)
    assert right("new:Northfield Chemicals", "the Northfield Chemicals", "doc:the Northfield Chemicals", catalog, nouns)
    assert not right("new:Ana Ruiz", "Maria Ruiz", "doc:Maria Ruiz", catalog, nouns)
    assert not right("new:Democratic Party", "Republican Party", "doc:Republican Party", catalog, nouns)
    assert not right("new:Ana Ruiz", "Ana Ruiz", "iran", catalog, nouns)
    # a phrase that names no actor of the document ("the Ruiz family lawyer") is not a document actor
    assert not right("new:Ana Ruiz", "the Ruiz family lawyer Ruiz", "", catalog, nouns)
    assert same_name("Speaker Mike Johnson", "Mike Johnson") and not same_name("Ana Ruiz", "")


def test_implicit_institutions_are_strict(catalog, nouns):
    assert right("implicit:police", "police", "implicit:police", catalog, nouns)
    assert not right("implicit:police", "court", "implicit:court", catalog, nouns)
    assert right("implicit:police", "Police", "", catalog, nouns)  # "Police arrested him"
    assert right("implicit:court", "a federal judge", "", catalog, nouns)
    assert not right("implicit:court", "Police", "", catalog, nouns)
    assert not right("implicit:authorities", "Iranian Foreign Ministry", "iran_foreign_ministry", catalog, nouns)


def test_author_unnamed_and_unstated_blamers(catalog, nouns):
    assert right("author", "author", "", catalog, nouns)
    assert not right("author", "critics", "", catalog, nouns)
    assert right("unnamed", "critics", "", catalog, nouns)
    assert not right("unnamed", "Ana Ruiz", "", catalog, nouns)  # a document actor is an actor
    assert not right("unnamed", "author", "", catalog, nouns)
    assert right("unstated", "unstated", "", catalog, nouns) and right("unstated", "", "", catalog, nouns)
    assert not right("unstated", "author", "", catalog, nouns)  # the author does not blame a denier


def test_unknown_document_actors_count_as_either(catalog, nouns):
    party = pred_party("Ana Ruiz", "", catalog, None)
    assert same_party(gold_party("new:Ana Ruiz", catalog), party, nouns)
    assert same_party(gold_party("unnamed", catalog), party, nouns)


def statement(blamer, blamed, cue_start, cue, family="accusation", kind="explicit", scope="core"):
    return {"blamer": blamer, "blamed": blamed, "family": family, "kind": kind, "scope": scope,
            "attribution": "author" if blamer == "author" else "reported", "denied": family == "denial",
            "cue": cue, "cue_start": cue_start, "cue_end": cue_start + len(cue)}


# d1: "Prosecutors charged Ana Ruiz with fraud. Ruiz denied the charges and accused Iran of lying."
#      sentences (0, 41) and (41, 91); d2: an article with no blame
GOLD = [
    {"doc_id": "d1", "guideline": 2, "statements": [
        statement("implicit:prosecutors", "new:Ana Ruiz", 12, "charged", "legal"),
        statement("implicit:prosecutors", "new:Ana Ruiz", 46, "denied", "denial"),
        statement("new:Ana Ruiz", "iran", 69, "accused"),
        statement("new:Ana Ruiz", "iran", 85, "lying", "criticism", "criticism", "extended")]},
    {"doc_id": "d2", "guideline": 2, "statements": []},
]
SENTENCES = {"d1": [(0, 41), (41, 91)], "d2": [(0, 30)]}
WORDS = {"d1": 16, "d2": 500}


def table(rows, families=None):
    columns = ["doc_id", "sent_id", "blamer", "blamed", "blamer_id", "blamed_id", "kind", "cue", "cue_start", "cue_end"]
    out = pd.DataFrame(rows, columns=columns)
    return out if families is None else out.assign(cue_family=families)


PRED = table([
    ("d1", 0, "prosecutors", "Ana Ruiz", "implicit:prosecutors", "doc:Ana Ruiz", "explicit", "charged", 12, 19),
    ("d1", 1, "Ruiz", "Iranian Foreign Ministry", "doc:Ruiz", "iran_foreign_ministry", "explicit", "accused", 69, 76),
    ("d1", 1, "Ana Ruiz", "Iran", "doc:Ana Ruiz", "iran", "criticism", "lying", 85, 90),
    ("d1", 0, "author", "Iran", "", "iran", "agency", "fraud", 34, 39),
    ("d2", 0, "author", "Iran", "", "iran", "agency", "killed", 5, 11),
])


def test_one_row_for_one_statement_in_the_same_sentence(catalog):
    gold = E.news_gold_frame(GOLD, SENTENCES)
    assert list(gold.sent_id) == [0, 1, 1, 1]
    ev = E.score_blame_news(gold, PRED, catalog, WORDS)
    # two gold statements of Ruiz against Iran in sentence 1, two rows: each row goes to its own cue
    assert ev.matches.to_dict("list") == {"gold_i": [0, 2, 3], "pred_i": [0, 1, 2]}
    assert list(ev.gold.found) == [True, False, True, True]  # the denial has no row
    # rows in another sentence find nothing there; the prosecutors' row moved to sentence 1 is
    # right for the denial (the family need not agree)
    moved = PRED.assign(sent_id=[1, 0, 0, 0, 0])
    assert list(E.score_blame_news(gold, moved, catalog, WORDS).gold.found) == [False, True, False, False]
    # one row for two statements of the same parties: one found
    one = E.score_blame_news(gold, PRED.drop(index=[2]), catalog, WORDS)
    assert one.gold.found.sum() == 2 and one.gold.found[2]  # the row's own cue ("accused")


def test_figures_families_and_false_positives(catalog):
    ev = E.score_blame_news(E.news_gold_frame(GOLD, SENTENCES), PRED, catalog, WORDS)
    assert ev.counts().to_dict("list") == {"doc_id": ["d1", "d2"], "gold": [4, 0], "gold_core": [3, 0],
                                           "tp": [3, 0], "tp_core": [2, 0], "pred": [4, 1], "words": [16, 500]}
    scores = ev.scores(n=200).set_index("metric")
    assert scores.value.to_dict() == {"precision": 0.6, "recall of core statements": 0.667,
                                      "recall of all statements": 0.75, "F1": 0.667}
    assert (scores.ci_low <= scores.value).all() and (scores.value <= scores.ci_high).all()
    by_family = ev.recall_by("family", n=50).set_index("family")
    assert list(by_family.index) == ["accusation", "criticism", "legal", "denial"]
    assert by_family.recall.to_dict() == {"accusation": 1.0, "criticism": 1.0, "legal": 1.0, "denial": 0.0}
    assert ev.recall_by("scope", n=50).set_index("scope").found.to_dict() == {"core": 2, "extended": 1}
    # without cue_family a row's family is its kind's; with it, the pipeline's own
    assert ev.precision_by_family(n=50).set_index("family").n.to_dict() == {"accusation": 2, "agency": 2,
                                                                            "criticism": 1}
    legal = E.score_blame_news(ev.gold, table(PRED.values.tolist(), ["legal", "", "criticism", "", ""]),
                               catalog, WORDS)
    assert legal.precision_by_family(n=50).set_index("family").matched.to_dict() == {
        "accusation": 1, "agency": 0, "criticism": 1, "legal": 1}
    fp = ev.false_positives(n=50).iloc[0]
    assert (fp.documents, fp.rows, fp.per_1000_words) == (1, 1, 2.0)


def test_results_rows(catalog):
    ev = E.score_blame_news(E.news_gold_frame(GOLD, SENTENCES), PRED, catalog, WORDS)
    rows = ev.results(n=50)
    assert [r["metric"] for r in rows] == list(E.NEWS_METRICS.values())
    assert {r["dataset"] for r in rows} == {"news gold, 2 Wikinews articles"}
    assert [r["n"] for r in rows] == [4, 3, 4, 4] and {r["unit"] for r in rows} == {"2 documents"}
    assert all(list(r) == E.RESULT_COLUMNS for r in rows)
    assert E.results_table(rows).task.unique().tolist() == ["blame statements"]


def test_load_blame_news_takes_guideline_2_only(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"doc_id": "d1", "text": "", "statements": []}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="version 2"):
        E.load_blame_news(path)


def test_evaluate_blame_news_is_the_recipe_on_two_documents(catalog):
    gold = E.load_blame_news(DATA_DIR / "gold" / "blame_news.jsonl")[:2]
    nlp, lexicon = actor_pipeline(catalog), Lexicon.load(BLAME_LEXICON)
    ev = E.evaluate_blame_news(gold, nlp, catalog, lexicon)
    assert ev.doc_ids == [g["doc_id"] for g in gold] and [d for d, _ in ev.docs] == ev.doc_ids
    assert ev.counts().gold.sum() == sum(len(g["statements"]) for g in gold)
    docs = [(g["doc_id"], nlp(g["text"])) for g in gold]
    pred = blame_table(docs, catalog, lexicon)
    assert len(ev.pred) == len(pred)
    rows = ev.results(n=50)
    assert len(rows) == 4 and all(r["ci_low"] <= r["ours"] <= r["ci_high"] for r in rows)
    assert all(0 <= r["ours"] <= 1 for r in rows)
