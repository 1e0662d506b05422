"""The entity gold stays aligned with cleaning, and the catalog pipeline beats raw spaCy on it."""

from __future__ import annotations

import pytest

from helpers.cleaning import clean, clean_file
from helpers.corpus import load_fakes, load_wikinews
from helpers.entities import Catalog, actor_pipeline, mention_table, raw_mention_table
from helpers.evaluation import load_entity_gold, match_spans, prf, score_entities
from helpers.nlp import load_nlp
from helpers.paths import DATA_DIR, SEED_ARTICLE

GOLD = DATA_DIR / "gold" / "entities.jsonl"


@pytest.fixture(scope="module")
def gold():
    return load_entity_gold(GOLD)


def test_gold_texts_are_what_cleaning_gives_today(gold):
    wikinews = load_wikinews().set_index("doc_id")["text"]
    fakes = load_fakes().set_index("doc_id")["text"]
    for rec in gold:
        d = rec["doc_id"]
        if d.startswith("wikinews_"):
            text = clean(wikinews[d], d).text
        elif d.startswith("fakes_"):
            text = clean(fakes[d], d).text
        else:
            text = clean_file(SEED_ARTICLE).text
        assert text == rec["text"], f"{d}: cleaning changed; re-align data/gold/entities.jsonl"


def test_gold_is_well_formed(gold):
    catalog = Catalog.load()
    assert len(gold) >= 6
    for rec in gold:
        last_end = 0
        for m in rec["mentions"]:
            assert rec["text"][m["start"] : m["end"]] == m["text"]
            assert m["start"] >= last_end and m["kind"] in ("actor", "place")
            last_end = m["end"]
            assert m["actor"].startswith(("new:", "place:")) or m["actor"] in catalog


def test_match_spans_is_one_to_one_by_largest_overlap():
    gold = [(0, 10), (20, 25)]
    pred = [(2, 8), (0, 12), (21, 22), (30, 40)]
    assert match_spans(gold, pred) == [(0, 1), (1, 2)]
    assert prf(2, 4, 2) == {"precision": 0.5, "recall": 1.0, "f1": 2 / 3, "tp": 2, "pred": 4, "gold": 2}


def test_catalog_pipeline_beats_raw_spacy_on_the_non_seed_articles(gold):
    catalog = Catalog.load()
    nlp, raw = actor_pipeline(), load_nlp()
    systems = {
        "spacy": raw_mention_table([(g["doc_id"], raw(g["text"])) for g in gold], catalog),
        "catalog": mention_table([(g["doc_id"], nlp(g["text"])) for g in gold], catalog),
    }
    scores = score_entities(gold, systems, catalog)
    others = [g["doc_id"] for g in gold if g["doc_id"] != SEED_ARTICLE.stem]
    s = scores.summary(others).set_index(["metric", "system"])["f1"]
    for metric in ("mentions", "actors", "actor_identity", "actor_rollup"):
        assert s[(metric, "catalog")] > s[(metric, "spacy")], metric
    assert s[("actor_identity", "catalog")] > 0.7
