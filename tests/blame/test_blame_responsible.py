"""The document's responsible actor (helpers.blame.responsible) and its weights."""

from __future__ import annotations

import pandas as pd

from helpers.blame import KIND_WEIGHTS, WEIGHTS, blame_table, neutral_source, responsible


def _row(doc, sent, cue, actor, kind="agency", attribution="author"):
    return {"doc_id": doc, "sent_id": sent, "cue_start": cue, "blamed_root": actor, "blamer_id": "", "kind": kind,
            "attribution": attribution, "stance": "none", "denied": False}


def test_kind_weights_are_the_registered_ones():
    assert WEIGHTS["kind"] is KIND_WEIGHTS
    assert KIND_WEIGHTS == {"explicit": 1.0, "agency": 1.0, "criticism": 0.4}


def test_responsible_weights_lead_kind_and_stance(catalog):
    b = pd.DataFrame([
        {"doc_id": "d", "sent_id": 0, "cue_start": 3, "blamed_root": "A", "kind": "agency", "attribution": "author",
         "stance": "none", "denied": False},
        {"doc_id": "d", "sent_id": 5, "cue_start": 90, "blamed_root": "B", "kind": "criticism",
         "attribution": "author", "stance": "none", "denied": False},
        {"doc_id": "d", "sent_id": 6, "cue_start": 120, "blamed_root": "B", "kind": "explicit",
         "attribution": "reported", "stance": "rejected", "denied": False},
        {"doc_id": "e", "sent_id": 3, "cue_start": 40, "blamed_root": "C", "kind": "criticism",
         "attribution": "reported", "stance": "none", "denied": False},
    ])
    # the same statement reported by a second source counts once
    b = pd.concat([b, b.iloc[[0]].assign(attribution="reported")], ignore_index=True)
    r = responsible(b, ["d", "e", "f"], catalog).set_index("doc_id")
    assert r.loc["d", "responsible"] == "A" and r.loc["d", "responsible_score"] == round(2 / 2.4, 3)
    assert r.loc["e", "responsible"] == "" and r.loc["f", "responsible"] == ""
    assert list(responsible(b, None, catalog).doc_id) == ["d", "e"]  # None: every document of the rows


def test_agency_reported_by_a_monitor_counts_as_the_authors_word(nlp, catalog, lexicon):
    assert neutral_source("sohr", catalog) and neutral_source("ocha", catalog)
    # a party's organ or a military alliance is not neutral
    assert not neutral_source("sana", catalog) and not neutral_source("nato", catalog)
    assert not neutral_source("", catalog) and not neutral_source(float("nan"), catalog)
    monitor = blame_table([("m", nlp("The Syrian Observatory for Human Rights said government shelling killed 12 "
                                     "people in Douma on Tuesday."))], catalog, lexicon)
    party = blame_table([("p", nlp("SANA said rebel shelling killed 12 people in Aleppo on Tuesday."))],
                        catalog, lexicon)
    assert set(monitor.attribution) == set(party.attribution) == {"reported"}
    assert set(monitor.kind) == set(party.kind) == {"agency"}
    r = responsible(pd.concat([monitor, party], ignore_index=True), ["m", "p"], catalog).set_index("doc_id")
    lead = WEIGHTS["lead_factor"]
    assert r.loc["m", "responsible"] == "Syrian government"
    assert r.loc["m", "responsible_weight"] == lead * WEIGHTS["neutral_agency"]
    assert r.loc["p", "responsible"] == "Syrian opposition" and r.loc["p", "responsible_weight"] == round(lead * 0.6, 3)
    # a monitor's explicit accusation is still a judgement: reported weight
    acc = monitor.assign(kind="explicit")
    assert responsible(acc, ["m"], catalog).responsible_weight.iloc[0] == round(lead * 0.6, 3)


def test_a_tie_goes_to_the_actor_blamed_first(catalog):
    # "21 killed as Syria rebels shell Assad election rally": the headline's actor first, whatever
    # the alphabet says
    b = pd.DataFrame([_row("d", 0, 10, "Syrian opposition"), _row("d", 1, 80, "Syrian government"),
                      _row("e", 0, 10, "Syrian government"), _row("e", 1, 80, "Syrian opposition")])
    r = responsible(b, ["d", "e"], catalog).set_index("doc_id")
    assert r.loc["d", "responsible"] == "Syrian opposition" and r.loc["e", "responsible"] == "Syrian government"


def test_a_single_statement_in_the_body_is_not_enough_evidence(rows, catalog):
    text = ("Car bomb kills four in Damascus. A car bomb killed four people and wounded six in western Damascus on "
            "Thursday, state media reported. The blast hit near a research centre. Since 2011 a series of car bombs "
            "have targeted Damascus. Syrian army warplanes hit militant positions in Idlib province on Thursday.")
    t = rows(text)
    assert ("author", "Syrian government", "agency", "author") in {(r.blamer, r.blamed_root, r.kind, r.attribution)
                                                                  for r in t.itertuples()}
    assert (t.sent_id >= 2).all()  # only background, after the lead
    assert responsible(t, ["t"], catalog).responsible.iloc[0] == ""
    # said twice in the body, or once by a party in the lead, it is enough
    two = pd.DataFrame([_row("d", 4, 10, "A"), _row("d", 7, 90, "A")])
    lead = pd.DataFrame([_row("e", 1, 10, "B", attribution="reported")])
    one = pd.DataFrame([_row("f", 4, 10, "C")])
    r = responsible(pd.concat([two, lead, one]), ["d", "e", "f"], catalog).set_index("doc_id")
    assert list(r.responsible) == ["A", "B", ""]
