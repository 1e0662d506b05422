"""The charts draw into axes they are given (``ax=``; the panel charts into a given figure,
``fig=``) and return that figure; without them each creates its own figure of the same size as
before, so the notebooks' stored figures do not change. ``helpers.viz.charts`` keeps every name
the notebooks call."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import helpers.viz  # noqa: E402
from helpers.viz import charts  # noqa: E402


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


SURFACE = pd.DataFrame({"root": ["Russia", "Russia", "Syria", "Iran", "Syria"],
                        "text": ["Russia", "Moscow", "Damascus", "Iran", "Syria"], "mentions": [5, 3, 4, 1, 2]})
MENTIONS = pd.DataFrame({"root": ["Russia", "Syria", "Russia"], "start_char": [10, 200, 500]})
MATRIX = pd.DataFrame([[0, 2], [2, 0]], index=["A", "B"], columns=["A", "B"])
BLAME = pd.DataFrame({"blamer_root": ["author", "Russia"], "blamed_root": ["Russia", "US"],
                      "attribution": ["author", "reported"]})
SENTENCES = pd.DataFrame({"sent_id": range(4), "paragraph": [0, 0, 1, 1], "sentiment": [-0.5, 0.2, 0.7, -0.1],
                          "vader": [-0.3, 0.0, 0.5, 0.1], "text": ["One two three.", "Four five.", "Six.", "Seven."]})
TONE = pd.DataFrame({"actor": ["A", "B", "C"], "mentions": [5, 3, 8], "sentiment": [-0.4, 0.1, 0.3],
                     "ci_low": [-0.6, -0.1, 0.1], "ci_high": [-0.2, 0.3, 0.5]})
PAIRED = pd.DataFrame({"actor": ["A", "A", "B"], "role": ["blamed", "blamer", "blamed"], "tone": [-0.3, 0.2, -0.5]})
SHARES = pd.DataFrame({"Syria": [0.5, 0.2], "not said": [0.5, 0.8]}, index=["SANA", "TASS"])
OUTLET_TONE = pd.DataFrame({"Russia": [-0.4, 0.1]}, index=["SANA", "TRT"])
OUTLET_N = pd.DataFrame({"Russia": [5, 4]}, index=["SANA", "TRT"])
PERIODS = ["2019Q1", "2019Q2"]
RATES = pd.DataFrame({"US": [1.0, 0.5], "Iran": [0.0, 0.25]}, index=PERIODS)
ARTICLES = pd.Series([10, 4], index=PERIODS)
REPAIRS = pd.DataFrame({"kind": ["a", "b"], "count": [3, 1]})
PARAGRAPHS = pd.DataFrame({"paragraph": [0, 1], "sentences": [2, 5]})

# chart name -> (call with extra keywords, the size of its own figure: the formulas the notebooks' figures have)
ONE_AXES = {
    "actor_bars": (lambda **kw: charts.actor_bars(SURFACE, **kw), (9, 0.45 * 3 + 1.2)),
    "dispersion": (lambda **kw: charts.dispersion(MENTIONS, ["Russia", "Syria"], 1000, **kw), (9, 0.4 * 2 + 1.2)),
    "matrix_heatmap": (lambda **kw: charts.matrix_heatmap(MATRIX, colorbar="n", **kw), (0.6 * 2 + 2.8, 0.55 * 2 + 1.6)),
    "cooccurrence_heatmap": (lambda **kw: charts.cooccurrence_heatmap(MATRIX, **kw), (0.6 * 2 + 2.8, 0.55 * 2 + 1.6)),
    "blame_network": (lambda **kw: charts.blame_network(BLAME, **kw), (8, 6.5)),
    "sentiment_arc": (lambda **kw: charts.sentiment_arc(SENTENCES, **kw), (10, 4)),
    "actor_tone": (lambda **kw: charts.actor_tone(TONE, **kw), (8, 0.45 * 3 + 1.3)),
    "score_scatter": (lambda **kw: charts.score_scatter(SENTENCES, **kw), (5, 5)),
    "paired_tone": (lambda **kw: charts.paired_tone(PAIRED, **kw), (8, 0.45 * 2 + 1.3)),
    "share_bars": (lambda **kw: charts.share_bars(SHARES, **kw), (10, 0.36 * 2 + 1.9)),
    "tone_heatmap": (lambda **kw: charts.tone_heatmap(OUTLET_TONE, OUTLET_N, **kw), (1.3 * 1 + 3.2, 0.4 * 2 + 1.8)),
}
PANELS = {
    "cleaning_overview": (lambda **kw: charts.cleaning_overview(REPAIRS, PARAGRAPHS, title="t", **kw), (10, 3.6), 2),
    "actor_timeline": (lambda **kw: charts.actor_timeline(RATES, ARTICLES, ncols=3, title="t", **kw), (10.2, 2.9), 3),
}


def test_two_charts_side_by_side_in_one_figure():
    before = set(plt.get_fignums())  # figures other tests left open
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4), layout="constrained")
    assert charts.actor_tone(TONE, title="tone", ax=left) is fig
    assert charts.score_scatter(SENTENCES, title="VADER", ax=right) is fig
    assert set(plt.get_fignums()) - before == {fig.number}  # no other figure was made
    assert fig.axes == [left, right]
    assert [t.get_text() for t in left.get_yticklabels()] == ["C (n=8)", "B (n=3)", "A (n=5)"]
    assert left.get_title() == "tone" and right.get_title() == "VADER"
    assert right.collections[0].get_offsets().tolist() == SENTENCES[["vader", "sentiment"]].to_numpy().tolist()


@pytest.mark.parametrize("name", sorted(ONE_AXES))
def test_each_chart_draws_into_the_axes_it_is_given(name):
    draw, _ = ONE_AXES[name]
    before = set(plt.get_fignums())  # figures other tests left open
    fig, ax = plt.subplots(figsize=(3, 3))
    assert draw(ax=ax) is fig
    assert set(plt.get_fignums()) - before == {fig.number}  # no other figure was made
    assert fig.get_size_inches().tolist() == [3, 3]  # the given figure keeps its size
    assert ax.has_data() or ax.texts  # the chart is on the given axes
    extra = 1 if name in ("matrix_heatmap", "cooccurrence_heatmap", "tone_heatmap") else 0  # the colour bar
    assert len(fig.axes) == 1 + extra


@pytest.mark.parametrize("name", sorted(ONE_AXES))
def test_without_axes_each_chart_makes_its_own_figure_as_before(name):
    draw, size = ONE_AXES[name]
    fig = draw()
    assert fig.get_size_inches().tolist() == pytest.approx(list(size))
    assert fig.get_layout_engine().__class__.__name__ == "ConstrainedLayoutEngine"


def test_a_chart_draws_into_axes_of_a_subfigure_and_returns_the_whole_figure():
    fig = plt.figure(figsize=(8, 4))
    top, bottom = fig.subfigures(2, 1)
    assert charts.matrix_heatmap(MATRIX, ax=top.subplots()) is fig
    assert charts.share_bars(SHARES, ax=bottom.subplots()) is fig
    assert len(top.axes) == 2 and len(bottom.axes) == 1  # the colour bar stays in its subfigure


@pytest.mark.parametrize("name", sorted(PANELS))
def test_panel_charts_draw_into_a_given_figure_or_subfigure(name):
    draw, size, axes = PANELS[name]
    own = draw()
    assert own.get_size_inches().tolist() == pytest.approx(list(size))
    fig = plt.figure(figsize=(12, 6), layout="constrained")
    left, right = fig.subfigures(1, 2)
    assert draw(fig=right) is fig
    assert left.axes == [] and len(right.axes) == axes
    assert right.get_suptitle() == "t"
    with pytest.raises(TypeError):
        draw(ax=fig.axes[0])  # several axes: no ax= (see the docstrings)


def test_charts_keeps_every_name_the_notebooks_call():
    called = ["cleaning_overview", "actor_bars", "dispersion", "entity_html", "cooccurrence_heatmap", "matrix_heatmap",
              "blame_network", "evidence_cards", "sentiment_arc", "score_scatter", "actor_tone", "paired_tone",
              "share_bars", "tone_heatmap", "actor_timeline", "SHARE_GREYS"]
    assert sorted(charts.__all__) == sorted(called)
    for name in called:
        owner = getattr(charts, name)
        assert getattr(helpers.viz, name) is owner
        if callable(owner):
            assert owner.__module__.startswith("helpers.viz.") and owner.__module__ != "helpers.viz.charts"
