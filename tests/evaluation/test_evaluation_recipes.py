"""The notebook recipes in helpers (evaluate_entities, evaluate_blame_gold) give exactly the tables
the notebooks built by hand: the same gold and predicted rows, scores, intervals and errors."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import evaluation as E
from helpers.actors import actor_pipeline, load_catalog, mention_table, raw_mention_table
from helpers.blame import BLAME_LEXICON, Lexicon, blame_table
from helpers.nlp import load_nlp
from helpers.paths import DATA_DIR
from tests.evaluation.test_gold_and_evaluation import BLAME_GOLD, BLAME_PRED


def test_blame_evaluation_subsets_are_the_hand_filtered_frames():
    ev = E.BlameEvaluation([], BLAME_GOLD.assign(issue=""), BLAME_PRED.assign(issue=""))
    on, off = BLAME_GOLD.doc_id == "d1", BLAME_GOLD.doc_id != "d1"
    pred_on, pred_off = BLAME_PRED.doc_id == "d1", BLAME_PRED.doc_id != "d1"
    pd.testing.assert_frame_equal(ev.scores(["d1"]), E.score_blame(ev.gold[on], ev.pred[pred_on]).round(3))
    pd.testing.assert_frame_equal(ev.scores(exclude=["d1"]), E.score_blame(ev.gold[off], ev.pred[pred_off]).round(3))
    pd.testing.assert_frame_equal(ev.scores(), E.score_blame(ev.gold, ev.pred).round(3))
    got = ev.results("d", exclude=["d1"], by=["doc_id", "sent_id"], metrics=("f1",), n=50)
    expected = E.blame_results(ev.gold[off], ev.pred[pred_off], "d", by=["doc_id", "sent_id"], metrics=("f1",), n=50)
    pd.testing.assert_frame_equal(pd.DataFrame(got), pd.DataFrame(expected))  # (NaN != NaN in dicts)


@pytest.fixture(scope="module")
def resources():
    catalog = load_catalog(["syria"])
    return catalog, actor_pipeline(catalog), Lexicon.load(BLAME_LEXICON)


def test_evaluate_blame_gold_is_the_notebook_recipe(resources):
    catalog, nlp, lexicon = resources
    gold = E.load_blame_gold(DATA_DIR / "gold" / "blame.jsonl")[:2]
    ev = E.evaluate_blame_gold(gold, nlp, catalog, lexicon)
    # notebooks 03 and 06 before: the same lines, written out
    docs = [(g["doc_id"], nlp(g["text"])) for g in gold]
    sentences = {d: [(s.start_char, s.end_char) for s in x.sents] for d, x in docs}
    gold_rows = E.blame_gold_frame(gold, sentences, catalog)
    pred_rows = E.blame_pred_frame(blame_table(docs, catalog, lexicon))
    pd.testing.assert_frame_equal(ev.gold, gold_rows)
    pd.testing.assert_frame_equal(ev.pred, pred_rows)
    assert ev.doc_ids == [g["doc_id"] for g in gold]
    seed_id = gold[0]["doc_id"]
    pd.testing.assert_frame_equal(ev.scores([seed_id]), E.score_blame(gold_rows[gold_rows.doc_id == seed_id],
                                                                      pred_rows[pred_rows.doc_id == seed_id]).round(3))
    errors = E.blame_errors(gold_rows, pred_rows, {d: [s.text for s in x.sents] for d, x in docs})
    pd.testing.assert_frame_equal(ev.errors(), errors)


def test_evaluate_entities_is_the_notebook_recipe(resources):
    catalog, nlp, _ = resources
    gold = E.load_entity_gold(DATA_DIR / "gold" / "entities.jsonl")[:3]
    raw = load_nlp()
    scores = E.evaluate_entities(gold, nlp, raw, catalog)
    docs = [(g["doc_id"], nlp(g["text"])) for g in gold]  # each text parsed once by each pipeline
    systems = {"spacy": raw_mention_table([(g["doc_id"], raw(g["text"])) for g in gold], catalog),
               "catalog": mention_table(docs, catalog)}
    by_hand = E.score_entities(gold, systems, catalog)
    pd.testing.assert_frame_equal(scores.counts, by_hand.counts)
    others = [g["doc_id"] for g in gold[1:]]
    pd.testing.assert_frame_equal(scores.table(exclude=[gold[0]["doc_id"]], n_boot=50),
                                  by_hand.table(others, n_boot=50))
    pd.testing.assert_frame_equal(scores.errors(), E.entity_errors(gold, docs, catalog))
    with pytest.raises(ValueError):
        by_hand.errors()  # score_entities alone keeps no parsed documents
