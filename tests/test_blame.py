"""helpers.blame on real snippets, the PLOVER gold sentences and the seed's annotated gold."""

from __future__ import annotations


import pandas as pd
import pytest

from helpers.blame import BLAME_COLUMNS, blame_table, responsible
from helpers.cleaning import clean, clean_file
from helpers.entities import Catalog, actor_pipeline
from helpers.evaluation import blame_gold_frame, blame_pred_frame, load_blame_gold, score_blame
from helpers.paths import DATA_DIR, SEED_ARTICLE


@pytest.fixture(scope="module")
def nlp():
    return actor_pipeline()


def rows(nlp, text):
    return blame_table([("t", nlp(text))])


def triples(table):
    return {(r.blamer, r.blamed, r.kind, r.attribution) for r in table.itertuples()}


def test_explicit_blame_on_frame_takes_the_on_object_as_target(nlp):
    t = rows(nlp, "The air strike on the convoy, which Washington blamed on Russian and Syrian Air Force, was a disaster.")
    assert ("United States", "Russia", "explicit", "reported") in triples(t)
    assert ("United States", "Syrian Arab Air Force", "explicit", "reported") in triples(t)
    assert set(t.issue) == {"which"} or all("convoy" not in b for b in t.blamed)


def test_responsibility_and_agency_by_the_author(nlp):
    t = rows(nlp, "But the Assad regime bears the brunt of the responsibility for the collapse of the truce.")
    assert ("author", "Syrian government", "explicit", "author") in triples(t)
    assert t.issue.iloc[0] == "the collapse of the truce"
    t = rows(nlp, "Russian jets struck the convoy near Aleppo on Monday.")
    assert ("author", "Russia", "agency", "author") in triples(t)


def test_reported_blame_and_the_authors_rejection(nlp):
    t = rows(nlp, "The U.S.-led Coalition has flown missions since 2014. There were no grounds to assert, as Moscow "
                  "rushed to do, that the Coalition planes deliberately targeted the Syrian Army positions.")
    r = t[t.blamed_root == "United States"].iloc[0]
    assert (r.blamer, r.attribution, r.stance) == ("Russia", "reported", "rejected")


def test_passive_accusation_and_denial(nlp):
    t = rows(nlp, "Israel was accused by Lebanon of violating the ceasefire.")
    assert ("Lebanon", "Israel", "explicit", "reported") in triples(t)
    t = rows(nlp, "Russia denied that its jets struck the hospital.")
    assert t.empty or t.denied.all()


def test_no_blame_in_neutral_or_negated_sentences(nlp):
    assert rows(nlp, "Russia and the United States met in Geneva to discuss the ceasefire.").empty
    assert rows(nlp, "Washington did not blame Moscow for the delay.").empty


def test_criticism_of_conduct(nlp):
    t = rows(nlp, "Assad had all the incentives to torpedo the ceasefire.")
    assert ("author", "Bashar al-Assad", "criticism", "author") in triples(t)


def test_characterisation_as_a_wrong_is_criticism_by_the_speaker(nlp):
    t = rows(nlp, "Turkey named both the Kurdistan Workers' Party (PKK) and the YPG as terrorists.")
    assert {(r.blamer, r.blamed_root, r.kind) for r in t.itertuples()} >= {("Turkey", "Kurdish forces", "criticism")}
    assert rows(nlp, "Turkey described the Kurdish-led forces as partners in the talks.").empty


def test_evidence_offsets_point_at_the_cue_and_the_target(nlp):
    clean_doc = clean_file(SEED_ARTICLE)
    t = blame_table([(clean_doc.doc_id, nlp(clean_doc.text))], clean_docs={clean_doc.doc_id: clean_doc})
    assert list(t.columns) == BLAME_COLUMNS
    for r in t.itertuples():
        assert clean_doc.text[r.cue_start : r.cue_end] == r.cue
        assert clean_doc.text[r.sent_start : r.sent_end] == r.sentence
        assert r.sent_start <= r.cue_start < r.sent_end
        raw_cue = clean_doc.raw[r.raw_cue_start : r.raw_cue_end]
        assert " ".join(raw_cue.split()) == r.cue or "-\n" in raw_cue


def test_plover_gold_sentences_source_and_target(nlp):
    from helpers.evaluation import evaluate_plover

    result = evaluate_plover(nlp, DATA_DIR / "external" / "blame_lexicons" / "plover_gsr_disapprove_16.jsonl")
    assert len(result) == 16
    assert result.right.sum() >= 14, f"PLOVER source and target both right in {result.right.sum()}/16"


def test_seed_against_the_annotated_gold():
    gold = load_blame_gold(DATA_DIR / "gold" / "blame.jsonl")[:1]
    catalog, nlp = Catalog.load(), actor_pipeline()
    doc = nlp(gold[0]["text"])
    pred = blame_table([(gold[0]["doc_id"], doc)])
    sents = {gold[0]["doc_id"]: [(s.start_char, s.end_char) for s in doc.sents]}
    scores = score_blame(blame_gold_frame(gold, sents, catalog), blame_pred_frame(pred)).set_index("subset")
    assert scores.loc["all", "precision"] >= 0.85
    assert scores.loc["kind=explicit", "recall"] == 1.0  # every explicit blame, right blamer and target
    assert scores.loc["attribution=reported", "recall"] == 1.0  # and every reported one


def test_responsible_weights_lead_kind_and_stance():
    b = pd.DataFrame([
        {"doc_id": "d", "sent_id": 0, "cue_start": 3, "blamed_root": "A", "kind": "agency", "attribution": "author", "stance": "none", "denied": False},
        {"doc_id": "d", "sent_id": 5, "cue_start": 90, "blamed_root": "B", "kind": "criticism", "attribution": "author", "stance": "none", "denied": False},
        {"doc_id": "d", "sent_id": 6, "cue_start": 120, "blamed_root": "B", "kind": "explicit", "attribution": "reported", "stance": "rejected", "denied": False},
        {"doc_id": "e", "sent_id": 3, "cue_start": 40, "blamed_root": "C", "kind": "criticism", "attribution": "reported", "stance": "none", "denied": False},
    ])
    # the same statement reported by a second source counts once
    b = pd.concat([b, b.iloc[[0]].assign(attribution="reported")], ignore_index=True)
    r = responsible(b, ["d", "e", "f"]).set_index("doc_id")
    assert r.loc["d", "responsible"] == "A" and r.loc["d", "responsible_score"] == round(2 / 2.4, 3)
    assert r.loc["e", "responsible"] == "" and r.loc["f", "responsible"] == ""
