"""Each group's mean with its bootstrap interval (helpers.evaluation.group_mean_ci, notebook 05's tone by side)."""

from __future__ import annotations

import pandas as pd

from helpers.evaluation import bootstrap_ci, group_mean_ci

# The mean target sentiment toward an actor in each article, with the outlet's side (as in notebook 05).
TONE = pd.DataFrame({
    "actor": ["Russia", "Russia", "Russia", "Syrian government", "Syrian government", "Russia", "Islamic State"],
    "side": ["opposition side", "government side", "opposition side", "government side", "government side",
             "opposition side", "neither side"],
    "sentiment": [-0.25, 0.05, -0.31, -0.2, -0.12, -0.4, -0.6],
})


def test_group_mean_ci_is_the_bootstrap_of_each_group():
    out = group_mean_ci(TONE, ["actor", "side"], "sentiment", n=200, seed=0)
    assert list(out.columns) == ["actor", "side", "n", "mean", "ci_low", "ci_high"]
    # groups sorted by their keys, each with its rows' count and mean
    assert list(zip(out.actor, out.side)) == [("Islamic State", "neither side"), ("Russia", "government side"),
                                              ("Russia", "opposition side"), ("Syrian government", "government side")]
    russia = out.iloc[2]
    g = TONE[(TONE.actor == "Russia") & (TONE.side == "opposition side")]
    assert russia.n == 3 and russia["mean"] == g.sentiment.mean()
    ci = bootstrap_ci(g[["sentiment"]], lambda s: s.sentiment.mean(), n=200, seed=0)
    assert (russia.ci_low, russia.ci_high) == ci
    assert ((out.ci_low <= out["mean"]) & (out["mean"] <= out.ci_high)).all()
    one = out.iloc[0]  # a single article: no spread
    assert one.ci_low == one["mean"] == one.ci_high == -0.6


def test_group_mean_ci_by_one_column_and_on_no_rows():
    out = group_mean_ci(TONE, "side", "sentiment", n=50, seed=1)
    assert out.side.tolist() == ["government side", "neither side", "opposition side"]
    assert out.n.tolist() == [3, 1, 3]
    empty = group_mean_ci(TONE.iloc[:0], ["actor", "side"], "sentiment")
    assert empty.empty and list(empty.columns) == ["actor", "side", "n", "mean", "ci_low", "ci_high"]
