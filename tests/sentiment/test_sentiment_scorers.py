"""The scorer interface: the registry, the two shipped scorers' ``score_document`` against the
table functions, and a new scorer defined here used by the corpus without touching any module."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import sentiment as S
from helpers.corpus import RawDocument, analyze
from helpers.resources import load_resources

TEXT = ("Russian jets bombed the aid convoy near Aleppo, killing 20 people. Washington blamed Moscow for the "
        "attack. The United Nations praised the brave rescue workers of the White Helmets.")


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    """The seed-like document analysed without sentiment: its sentences and mentions tables."""
    return analyze([RawDocument("doc", TEXT, "test")], load_resources("syria", sentiment="none"))


def test_registry_checks_the_method_in_one_place():
    assert set(S.SCORERS) >= {"model", "rules"}
    assert S.load_scorer("rules").name == "rules" and S.load_scorer("model").name == "model"
    assert isinstance(S.load_scorer("rules"), S.SentimentScorer)
    with pytest.raises(ValueError, match="model, rules"):
        S.load_scorer("vader")
    with pytest.raises(ValueError):
        S.register_scorer("none", S.RulesScorer)


def test_rules_score_document_is_the_table_functions(tables):
    scorer = S.load_scorer("rules")
    sentences, scored = scorer.score_document(tables["sentences"], tables["mentions"], {})
    assert sentences.sentiment.tolist() == [round(S.rule_score(t), 4) for t in sentences.text]
    assert sentences.vader.tolist() == [round(S.vader_score(t), 4) for t in sentences.text]
    assert sentences.equals(S.add_sentence_sentiment(tables["sentences"], scorer))
    assert scored.equals(S.mention_sentiment(tables["mentions"], sentences, scorer))
    assert list(scored.columns) == list(tables["mentions"].columns) + ["target_label", "target_score"]
    assert set(scored.kind) == {"actor"} and len(scored) >= 4
    blamed = scored[scored.text == "Moscow"]
    assert blamed.target_label.tolist() == ["negative"]


def test_model_score_texts_encodes_once_and_agrees_with_the_separate_scorers():
    texts = ["Russian jets bombed the aid convoy, killing 20 people.",
             "Washington praised the brave rescue workers of the White Helmets."]
    items = [(texts[0], 0, 7), (texts[1], 0, 10), (texts[1], 39, 65)]
    scores, readings = S.load_scorer("model").score_texts(texts, items)
    # a text's embedding does not depend on its batch: the same numbers to the bit
    assert scores == S.score_sentences(texts) == [S.sentence_sentiment(t) for t in texts]
    assert readings == S.target_sentiments(items) == [S.target_sentiment(*item) for item in items]
    assert scores[0] < 0 < scores[1] and readings[2][1] > readings[0][1]


def test_model_score_document_agrees_with_the_table_functions(tables):
    scorer = S.load_scorer("model")
    sentences, scored = scorer.score_document(tables["sentences"], tables["mentions"], {})
    assert sentences.equals(S.add_sentence_sentiment(tables["sentences"], scorer))
    assert scored.equals(S.mention_sentiment(tables["mentions"], sentences, scorer))


class ToyScorer(S.SentimentScorer):
    """A new method: longer sentences are happier, every target is neutral."""

    name = "toy"

    def score_sentences(self, texts):
        return [min(len(t) / 100, 1.0) for t in texts]

    def score_targets(self, items, parsed=None):
        return [("neutral", 0.0) for _ in items]


def test_a_new_scorer_is_one_class_and_one_registration():
    S.register_scorer("toy", ToyScorer)
    try:
        res = load_resources("syria", sentiment="toy")
        assert res.sentiment.name == "toy"
        out = analyze([RawDocument("doc", TEXT, "test")], res)
        sentences = out["sentences"]
        assert sentences.sentiment.tolist() == [round(min(len(t) / 100, 1.0), 4) for t in sentences.text]
        assert sentences.vader.tolist() == [round(S.vader_score(t), 4) for t in sentences.text]
        assert len(out["actor_sentiment"]) and (out["actor_sentiment"].neutral == 1.0).all()
        assert out["documents"].sentiment.iloc[0] == S.document_sentiment(sentences).sentiment.iloc[0]
    finally:
        S.SCORERS.pop("toy")
    with pytest.raises(ValueError):
        S.load_scorer("toy")
