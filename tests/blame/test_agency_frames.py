"""Agency frames and admissions of round 3 of issue 16: taking a place by force, harmful conduct
nouns, holding people captive, participial clauses ("providing airstrikes"), regime change,
threats, a passive hedged by a reporting verb, a party's report of its own act (an admission,
not agency) and "I'm sorry". Each with near misses that give no row. Sentences written for these
tests in the style of news reports."""

from __future__ import annotations

import pytest


def family_rows(table, family):
    rows = table[table.cue_family == family]
    return sorted((r.blamer, r.blamed, r.cue) for r in rows.itertuples())


@pytest.mark.parametrize("text, blamed, cue", [
    ("Islamic State took over a third of the province in 2014.", "Islamic State", "took"),
    ("Hezbollah fighters seized the town of Qusayr after weeks of fighting.", "Hezbollah", "seized"),
    ("In 2015, Russia began backing the government, providing airstrikes against rebel positions.", "Russia",
     "providing"),
    ("Bashar al-Assad became known for his brutal treatment of opponents.", "Bashar al-Assad", "treatment"),
    ("Hezbollah held the crew hostage for a week.", "Hezbollah", "held"),
    ("Tom Hale kept his children locked in a basement for years.", "Tom Hale", "kept"),
    ("Russia had made threats against the rebels.", "Russia", "made"),
    ("In 2003, American troops ousted Saddam Hussein.", "U.S. military", "ousted"),
    ("After shelling the town for days, Syrian government forces entered it.", "Syrian Arab Army", "shelling"),
])
def test_harm_done_by_a_named_agent_is_agency(rows, text, blamed, cue):
    found = family_rows(rows(text), "agency")
    assert ("author", blamed, cue) in found


@pytest.mark.parametrize("text", [
    "Police seized drugs worth two million dollars in Damascus.",  # not a place
    "Tom Hale took over the company in 2010.",  # a business, not ground
    "The town was seized after weeks of fighting.",  # no doer named
    "Tom Hale received medical treatment in Damascus.",  # treatment without a harmful modifier
    "Tom Hale kept the money in a bank.",  # keeping things
    "Hezbollah held a meeting in Beirut.",
    "Russia would take over the province if talks failed.",  # hypothetical
    "Iran provided rockets to Hezbollah.",  # supplying weapons, not using them
    "Hezbollah members made a fire to keep warm.",
    "Judge Tom Hale sentenced John Smith to life in prison for torturing his children.",  # Smith tortured
])
def test_near_misses_give_no_agency(rows, text):
    assert family_rows(rows(text), "agency") == []


def test_a_passive_said_to_have_hedges_the_act(rows):
    found = family_rows(rows("A young woman was said to have been injured by police during the march."), "agency")
    assert [(b, c) for b, _, c in found] == [("unstated", "injured")]


def test_a_partys_report_of_its_own_act_is_an_admission(rows):
    t = rows("Hezbollah spokesman Ali Hamid said it had carried out the bombing in Beirut.")
    assert family_rows(t, "admission") == [("Hezbollah", "Hezbollah", "carried")]
    assert family_rows(t, "agency") == []


def test_a_report_of_another_partys_act_is_no_admission(rows):
    t = rows("Hezbollah said Israel struck the convoy near Damascus.")
    assert family_rows(t, "admission") == []
    assert ("Hezbollah", "Israel", "struck") in family_rows(t, "agency")


def test_a_threat_reported_by_its_maker_is_no_admission(rows):
    assert family_rows(rows("Hezbollah said it would strike Israel."), "admission") == []


def test_sorry_in_ones_own_words_is_an_admission(rows):
    t = rows('"I am sorry," Tom Hale told the court.')
    assert family_rows(t, "admission") == [("Tom Hale", "Tom Hale", "I am sorry")]


@pytest.mark.parametrize("text", [
    '"I am sorry for your loss," Tom Hale told the widow.',
    '"We are sorry to hear the news," Tom Hale said.',
    '"I am not sorry," Tom Hale said.',
])
def test_condolence_or_a_refused_apology_is_no_admission(rows, text):
    assert family_rows(rows(text), "admission") == []


def test_claiming_an_act_is_an_admission(rows):
    assert family_rows(rows("Hezbollah claimed the attack on the convoy."), "admission") == [
        ("Hezbollah", "Hezbollah", "claimed")]


@pytest.mark.parametrize("text", [
    "Hezbollah claimed victory in the election.",
    "Hezbollah did not claim the attack.",
])
def test_claiming_no_act_is_no_admission(rows, text):
    assert family_rows(rows(text), "admission") == []
