"""The registry of cue kinds (helpers.blame.cues): one kind order, and a new kind is one
registration plus lexicon entries, with no other module touched."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.blame import BLAME_LEXICON, KIND_ORDER, WEIGHTS, Lexicon, blame_table, responsible
from helpers.blame.cues import KINDS, Row, register, unregister

MEETING = "Russia and the United States met in Geneva to discuss the ceasefire."
INCENTIVES = "Assad had all the incentives to torpedo the ceasefire."  # criticism of Assad, by the author


def test_one_kind_order_strongest_first():
    assert list(KIND_ORDER.items()) == [("explicit", 0), ("agency", 1), ("criticism", 2)]
    assert set(KINDS) == set(KIND_ORDER)
    assert pd.Series(["criticism", "explicit"]).map(KIND_ORDER).tolist() == [2, 0]
    with pytest.raises(ValueError, match="already registered"):
        register("agency", order=7, weight=1.0)
    with pytest.raises(ValueError, match="already has order 1"):
        register("toy", order=1, weight=1.0)
    assert "toy" not in KINDS


def _register_toy(order: int):
    """A toy kind: the subject of a ``toy_verbs`` verb is blamed (by the author)."""
    toy = register("toy", order=order, weight=0.5)

    @toy.extractor(triggers=("toy_verbs",))
    def toy_verb(d, t):
        if t.pos_ == "VERB" and t.lemma_.lower() in d.lex.words("toy_verbs"):
            subj, _ = d.subject(t)
            return [Row("toy", t, subj)] if subj else []
        return []


def _kinds_on_assad(table):
    return list(table[table.blamed == "Bashar al-Assad"].kind)


def test_a_new_cue_kind_is_one_registration_and_its_lexicon_entries(nlp, catalog, tmp_path):
    extended = tmp_path / "lexicon.yml"
    extended.write_text(BLAME_LEXICON.read_text(encoding="utf-8") + "\ntoy_verbs: meet have\n", encoding="utf-8")
    lexicon = Lexicon.load(extended)
    assert blame_table([("t", nlp(MEETING))], catalog, lexicon).empty

    _register_toy(order=3)
    try:
        table = blame_table([("t", nlp(MEETING))], catalog, lexicon)
        assert set(table.kind) == {"toy"} and set(table.cue) == {"met"}
        assert set(table.blamed_root) == {"Russia", "United States"} and set(table.attribution) == {"author"}
        assert KIND_ORDER["toy"] == 3 and WEIGHTS["kind"]["toy"] == 0.5
        # the document level counts it with its weight (x2 in the lead)
        assert responsible(table, ["t"], catalog).responsible_weight.iloc[0] == 1.0
        # the same blame by a stronger kind in the same sentence wins
        assert _kinds_on_assad(blame_table([("t", nlp(INCENTIVES))], catalog, lexicon)) == ["criticism"]
    finally:
        unregister("toy")
    assert "toy" not in KIND_ORDER and "toy" not in WEIGHTS["kind"]
    assert blame_table([("t", nlp(MEETING))], catalog, lexicon).empty

    _register_toy(order=-1)  # the strongest kind now
    try:
        assert list(KIND_ORDER)[0] == "toy"
        assert _kinds_on_assad(blame_table([("t", nlp(INCENTIVES))], catalog, lexicon)) == ["toy"]
    finally:
        unregister("toy")
    assert _kinds_on_assad(blame_table([("t", nlp(INCENTIVES))], catalog, lexicon)) == ["criticism"]
