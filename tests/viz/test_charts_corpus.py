"""The corpus-comparison charts of notebook 05 (helpers.viz.charts.share_bars, tone_heatmap, actor_timeline):
they draw the data they are given, in the order given, and survive empty input."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from helpers.viz import charts  # noqa: E402


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def shares():
    return pd.DataFrame({"Syria": [0.5, 0.2, 0.0], "other": [0.25, 0.3, 0.0], "not said": [0.25, 0.5, 1.0]},
                        index=["SANA", "Etilaf", "TASS"])


def test_share_bars_draws_one_segment_per_cell_in_order_with_group_headers():
    counts = pd.Series({"SANA": 4, "Etilaf": 10, "TASS": 1})
    groups = pd.Series({"SANA": "government side", "Etilaf": "opposition side", "TASS": "government side"})
    fig = charts.share_bars(shares().loc[["SANA", "TASS", "Etilaf"]], counts, groups, title="t")
    ax = fig.axes[0]
    assert len(ax.patches) == 3 * 3
    labels = [t.get_text() for t in ax.get_yticklabels()][::-1]  # top to bottom
    assert labels == ["government side", "SANA (4)", "TASS (1)", "opposition side", "Etilaf (10)"]
    bold = [t.get_text() for t in ax.get_yticklabels() if t.get_fontweight() == "bold"]
    assert sorted(bold) == ["government side", "opposition side"]
    widths = {round(p.get_width(), 3) for p in ax.patches}
    assert {0.5, 0.25, 1.0, 0.3, 0.2} <= widths
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["Syria", "other", "not said"]
    colours = {t.get_text(): matplotlib.colors.to_hex(h.get_facecolor())
               for t, h in zip(ax.get_legend().get_texts(), ax.get_legend().legend_handles)}
    assert colours["not said"] == charts.SHARE_GREYS["not said"] and colours["other"] == charts.SHARE_GREYS["other"]


def test_share_bars_labels_only_segments_of_ten_percent_or_more():
    fig = charts.share_bars(pd.DataFrame({"a": [0.05], "not said": [0.95]}, index=["X"]))
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert texts == ["95%"]


def test_tone_heatmap_hides_cells_with_too_few_articles_and_centres_the_scale():
    tone = pd.DataFrame({"Russia": [-0.4, 0.1], "Syria": [-0.2, 0.9]}, index=["SANA", "TRT"])
    n = pd.DataFrame({"Russia": [5, 2], "Syria": [3, 1]}, index=["SANA", "TRT"])
    fig = charts.tone_heatmap(tone, n, min_n=3, groups=pd.Series({"SANA": "g", "TRT": "o"}))
    ax = fig.axes[0]
    image = ax.images[0]
    shown = np.ma.filled(image.get_array().astype(float), np.nan)
    assert np.isnan(shown[1]).all() and shown[0].tolist() == [-0.4, -0.2]
    low, high = image.get_clim()
    assert low == -high and high == pytest.approx(0.4)  # the hidden 0.9 does not set the scale
    texts = [t.get_text() for t in ax.texts]
    assert "-0.40\nn=5" in texts and "n=2" in texts and "n=1" in texts
    assert len(ax.lines) == 1  # one line between the two groups
    assert [t.get_text() for t in ax.get_yticklabels()] == ["SANA", "TRT"]


def test_actor_timeline_has_an_articles_panel_then_one_per_actor_on_a_shared_scale():
    periods = ["2019Q1", "2019Q2", "2019Q3"]
    rates = pd.DataFrame({"United States": [1.0, 0.5, 2.0], "Iran": [0.0, 0.25, 0.5], "China": [0.1, 0.0, 0.0]},
                         index=periods)
    fig = charts.actor_timeline(rates, pd.Series([10, 4, 8], index=periods), ncols=3, title="t")
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert [ax.get_title() for ax in visible] == ["articles", "United States", "Iran", "China"]
    assert [p.get_height() for p in visible[0].patches] == [10, 4, 8]
    assert visible[2].lines[0].get_ydata().tolist() == [0.0, 0.25, 0.5]
    assert [ax.get_ylim() for ax in visible[1:]] == [(0, pytest.approx(2.2))] * 3
    assert len(fig.axes) == 6 and sum(ax.get_visible() for ax in fig.axes) == 4


@pytest.mark.parametrize("draw", [
    lambda: charts.share_bars(pd.DataFrame()),
    lambda: charts.tone_heatmap(pd.DataFrame(), pd.DataFrame()),
    lambda: charts.actor_timeline(pd.DataFrame(), pd.Series(dtype=float)),
])
def test_empty_input_gives_a_figure(draw):
    assert draw() is not None
