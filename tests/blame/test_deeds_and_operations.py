"""Accusation and agency frames of issue 16, round 5: a harm "in an operation" of a named force,
breaking a law or truce, condemning "the act of" a party, a passive accusation whose subject the
parser split in two, and the person a title names ("US Ambassador to Turkey Richard Hale").
Sentences written for these tests in news style; each rule has near misses that must give no row."""

from __future__ import annotations

import pytest


def pairs(table, family):
    return {(r.blamer, r.blamed) for r in table[table.cue_family == family].itertuples()}


# ----- agency: killed in an operation whose modifier names the force ----------------------------
@pytest.mark.parametrize("text, blamed", [
    ("A senior commander of the group was killed in a Russian counter-terrorism operation in Idlib.", "Russia"),
    ("Four fighters were wounded in a Turkish military operation near the border on Sunday.", "Turkish Armed Forces"),
])
def test_harm_in_an_operation_blames_its_force(rows, text, blamed):
    assert blamed in {b for _, b in pairs(rows(text), "agency")}


@pytest.mark.parametrize("text", [
    "Three men were killed in an operation at the port, officials said.",  # no force named
    "Two people were killed in a Russian restaurant in Idlib on Sunday.",  # a place, not an operation
    "The surgeon said the patient was treated in a Russian field hospital after the operation.",
])
def test_harm_in_an_unattributed_operation_gives_no_row(rows, text):
    assert pairs(rows(text), "agency") == set()


# ----- agency: breaking a law or truce ----------------------------------------------------------
@pytest.mark.parametrize("text, blamed", [
    ("Syrian government forces flouted the ceasefire on Tuesday, the monitor said.", "Syrian Arab Army"),
    ("\"Every day the prisoners stay locked up, Turkey is breaking the law,\" the lawyer said.", "Turkey"),
])
def test_breaking_a_law_or_truce_is_agency(rows, text, blamed):
    assert blamed in {b for _, b in pairs(rows(text), "agency")}


@pytest.mark.parametrize("text", [
    "The Turkish sprinter broke the record in Berlin on Sunday.",
    "Turkey broke the news of the agreement to reporters in Ankara.",
    "Turkey did not break the ceasefire, the ministry said.",  # negated
    "Turkey would break the truce only as a last resort, the minister warned.",  # hypothetical
])
def test_breaking_no_rule_or_not_breaking_gives_no_row(rows, text):
    assert pairs(rows(text), "agency") == set()


# ----- accusation: condemning the act of a party ------------------------------------------------
@pytest.mark.parametrize("text, blamed", [
    ("Human rights groups condemned the decision of Turkey to close the border crossing.", "Turkey"),
    ("Opposition lawmakers denounced the act of the Syrian government as a grave abuse of power.", "Syrian government"),
])
def test_condemning_the_deed_of_a_party_blames_it(rows, text, blamed):
    assert blamed in {b for _, b in pairs(rows(text), "accusation")}


@pytest.mark.parametrize("text", [
    "The union condemned the act of violence against teachers.",  # the "of" phrase is no party
    "Human rights groups welcomed the decision of Turkey to open the border crossing.",  # no blame verb
])
def test_deed_without_party_or_blame_gives_no_row(rows, text):
    assert pairs(rows(text), "accusation") == set()


# ----- accusation: a passive whose subject the parser split ---------------------------------------
def test_passive_accusation_finds_the_named_one_of_two_subjects(rows):
    t = rows("A resident of Aleppo, Ahmed Khalil is accused of shooting two protesters last week.")
    assert ("unstated", "Ahmed Khalil") in pairs(t, "accusation")


def test_passive_accusation_of_nobody_named_gives_no_row(rows):
    assert pairs(rows("A resident of Aleppo is accused of shooting two protesters last week."), "accusation") == set()


# ----- accusation: the person a title names, when the parser hung the name in its "of"/"to" phrase -
@pytest.mark.parametrize("text, blamer", [
    ("US Ambassador to Turkey Richard Hale alleged the Syrian government had tortured prisoners.", "Richard Hale"),
    ("The general manager of Damascus Media, Dr Ali Hassan, attributed the bombing to the Free Valley Front.",
     "Ali Hassan"),
])
def test_titled_person_is_the_accuser(rows, text, blamer):
    assert blamer in {a for a, _ in pairs(rows(text), "accusation")}


@pytest.mark.parametrize("text", [
    "The lawyer of Ahmed Khalil accused the Syrian government of torturing prisoners.",
    "The lawyer of Syrian dissident Ahmed Khalil accused the Syrian government of torturing prisoners.",
])
def test_person_after_of_is_not_the_titled_accuser(rows, text):
    assert "Ahmed Khalil" not in {a for a, _ in pairs(rows(text), "accusation")}
