"""A small cross-validated re-run of the sentiment evaluation (the full one: evaluate_nyt(),
evaluate_newsmtsc(), notebook 06), and the rule features read by name."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers import sentiment as S


@pytest.mark.slow
def test_evaluate_nyt_small_is_cross_validated_and_beats_vader():
    res = S.evaluate_nyt(limit=500, folds=3)
    assert list(res.columns[:3]) == ["system", "metric", "value"]
    r = dict(zip(res.system, res.value))
    assert 400 <= res.n.iloc[0] <= 600
    project = next(v for k, v in r.items() if k.startswith("project"))
    assert r["rules (VADER + project lexicon)"] > r["VADER"] > 0.3
    assert project > r["VADER"]


@pytest.mark.slow
def test_evaluate_newsmtsc_small_is_cross_validated_and_beats_vader():
    res = S.evaluate_newsmtsc(limit=400, folds=3, nested=False)
    assert isinstance(res, pd.DataFrame) and set(res.metric) == {"macro_f1", "accuracy"}
    f1 = {s: v for s, m, v in zip(res.system, res.metric, res.value) if m == "macro_f1"}
    project = next(v for k, v in f1.items() if k.startswith("project"))
    assert project > f1["rules (target, no model)"] > f1["VADER (sentence label)"]


def test_rule_features_are_read_by_name():
    texts = ["The deal is a disaster.", "A welcome, generous gesture."]
    rules = S.load_sentiment_rules()
    X = np.hstack([np.zeros((2, 3), np.float32), np.array([S.sentence_rule_features(t, rules) for t in texts],
                                                          np.float32)])
    assert np.array_equal(S.rule_part(X, S.SENTENCE_RULE_FEATURES), X[:, 3:])
    assert np.allclose(S.rule_column(X, S.SENTENCE_RULE_FEATURES, "rule_score"), [S.rule_score(t) for t in texts])
    assert np.allclose(S.rule_column(X, S.SENTENCE_RULE_FEATURES, "vader_score"), [S.vader_score(t) for t in texts])
    items = [("Washington blamed Moscow for the collapse.", 18, 24)]
    F = S.target_rule_features(items, rules)
    assert S.rule_column(F, S.TARGET_RULE_FEATURES, "role")[0] == -1
    assert S.rule_target_readings(S.rule_part(F, S.TARGET_RULE_FEATURES)) == S.rule_target_sentiment(items)
