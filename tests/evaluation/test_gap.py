"""helpers.evaluation.gap: GAP read and scored with GAP's own scorer, predictions in GAP's format,
A/B decided from the resolver's antecedent; the out-of-fold evaluation itself runs in
notebook 06, whose stored outputs nbval checks (issue 14, item 6)."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from helpers.actors.pronouns import DEFAULT_CONFIG, data_path
from helpers.evaluation import gap as G


def gold(rows: list[tuple[str, str, bool, bool]]) -> pd.DataFrame:
    return pd.DataFrame([{"ID": i, "Pronoun": p, "A-coref": a, "B-coref": b} for i, p, a, b in rows])


def system(rows: list[tuple[str, bool, bool]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["ID", "A-coref", "B-coref"])


def test_the_vendored_splits():
    dev, val = G.load_gap("development"), G.load_gap("validation")
    assert (len(dev), len(val)) == (2000, 454)
    assert dev["Pronoun-offset"].dtype.kind == "i" and dev["A-coref"].dtype == bool
    row = dev.iloc[0]
    assert row["Text"][row["Pronoun-offset"]:].lower().startswith(row["Pronoun"].lower())
    assert row["Text"][row["A-offset"]:].startswith(row["A"])
    assert not (dev["A-coref"] & dev["B-coref"]).any()


def test_scores_come_from_gap_scorer():
    g = gold([("1", "he", True, False), ("2", "she", False, True), ("3", "her", False, False),
              ("4", "his", True, False)])
    s = system([("1", True, False), ("2", True, False), ("3", False, True), ("4", False, False)])
    sc = G.score(g, s)
    # pairs: 1A tp, 2A fp, 2B fn, 3B fp, 4A fn -> tp 1, fp 2, fn 2
    assert (sc["overall"]["tp"], sc["overall"]["fp"], sc["overall"]["fn"]) == (1, 2, 2)
    assert sc["overall"]["precision"] == pytest.approx(1 / 3) and sc["overall"]["recall"] == pytest.approx(1 / 3)
    assert sc["masculine"]["f1"] == pytest.approx(2 / 3) and sc["feminine"]["f1"] == 0
    assert np.isnan(sc["bias"])  # GAP's scorer shows "-" when either F1 is 0
    ci = G.gap_scores(g, s, n=200)["overall"]["f1_ci"]
    assert 0 <= ci[0] <= sc["overall"]["f1"] <= ci[1] <= 1


def test_predictions_in_gap_format(tmp_path):
    s = system([("development-1", True, False), ("development-2", False, False)])
    path = tmp_path / "system.tsv"
    G.write_predictions(s, path)
    assert path.read_text(encoding="utf-8") == "development-1\tTRUE\tFALSE\ndevelopment-2\tFALSE\tFALSE\n"
    pd.testing.assert_frame_equal(G.read_predictions(path), s)


def test_a_or_b_from_the_antecedent_and_its_chain():
    a, b = (0, 10), (30, 40)
    assert G._decide(None, a, b) == (False, False)
    assert G._decide({"start_char": 2, "end_char": 8, "chain": []}, a, b) == (True, False)
    # the antecedent is another mention of B's entity (a surname later in the text)
    assert G._decide({"start_char": 50, "end_char": 55, "chain": [[30, 40], [50, 55]]}, a, b) == (False, True)
    # a third person, or a chain that holds both names: neither
    assert G._decide({"start_char": 60, "end_char": 65, "chain": [[60, 65]]}, a, b) == (False, False)
    assert G._decide({"start_char": 60, "end_char": 65, "chain": [[0, 10], [30, 40]]}, a, b) == (False, False)


def test_the_shipped_weights_record_their_inputs_and_figures():
    with np.load(data_path(DEFAULT_CONFIG["weights"]), allow_pickle=False) as z:
        metrics = json.loads(str(z["metrics"]))
    for model in ("syntax", "encoder"):
        assert metrics[model]["trained_on"] == ["development", "validation"]
        assert set(metrics[model]["out_of_fold"]) == {"development", "validation"}
    assert {"gap-development.tsv", "gap-validation.tsv", "first_names.csv", "pronouns.yml"} <= set(metrics["inputs"])
