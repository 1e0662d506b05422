"""Accusation, agency and legal cues on ordinary news (issue 16, error analysis): blame moved to a
preposition ("was blamed on", "ascribed to"), accusations the subject faces or a noun carries as a
clause, a participle hung on a message's medium, hedged harms ("reportedly"), the police force as
the doer, and legal objects that name people or an individual. Sentences written for these tests
in news style; each rule has near misses that must give no row."""

from __future__ import annotations

import pytest


def pairs(table, family=None):
    t = table if family is None else table[table.cue_family == family]
    return {(r.blamer, r.blamed) for r in t.itertuples()}


# ----- accusation: the blamed after a preposition -----------------------------------------------
@pytest.mark.parametrize("text, blamer, blamed", [
    ("The bombing of the market was blamed on the Free Valley Front.", "unstated", "Free Valley Front"),
    ("The fire at the depot, blamed on the Free Valley Front, destroyed 40 lorries.", "unstated",
     "Free Valley Front"),
    ("The ambush was blamed on the Free Valley Front by Governor Tom Hale.", "Tom Hale", "Free Valley Front"),
    ("Governor Tom Hale attributed the bombing to the Free Valley Front.", "Tom Hale", "Free Valley Front"),
    ("Six soldiers died in an ambush last month, an attack ascribed to the Free Valley Front.", "unstated",
     "Free Valley Front"),
])
def test_blame_moved_to_a_preposition(rows, text, blamer, blamed):
    t = rows(text)
    assert (blamer, blamed) in pairs(t, "accusation")
    assert not ((t.blamer == "unstated") & (t.attribution == "author") & (t.blamer_id != "")).any()


@pytest.mark.parametrize("text", [
    "Governor Tom Hale attributed the quote to the Free Valley Front.",  # a quote is no act
    "The novel was attributed to Tom Hale.",
    "The delay was blamed on bad weather.",  # no actor blamed
])
def test_ascribing_no_act_or_no_actor_gives_no_row(rows, text):
    assert rows(text)[lambda t: t.cue_family == "accusation"].empty


# ----- accusation: faced, drawn, or carried as a clause -----------------------------------------
@pytest.mark.parametrize("text, blamer, blamed", [
    ("Northfield Chemicals faces allegations that it dumped waste into the river.", "unstated",
     "Northfield Chemicals"),
    ("The Green Party made allegations that Mayor Tom Hale had misused council funds.", "Green Party", "Tom Hale"),
])
def test_accusation_faced_or_carried(rows, text, blamer, blamed):
    assert (blamer, blamed) in pairs(rows(text), "accusation")


def test_criticism_drawn_is_the_criticism_family(rows):
    # "criticism" is the guideline's criticism line (criticise, criticism of), not an accusation
    table = rows("Mayor Tom Hale drew sharp criticism from the Green Party over the closures.")
    assert pairs(table, "criticism") == {("Green Party", "Tom Hale")}


def test_allegation_clause_is_one_accusation_not_an_agency_row(rows):
    t = rows("Mark Dunn was arrested on Friday. The arrest came after an allegation he assaulted "
             "his neighbour.")
    second = t[t.sent_id == 1]
    assert pairs(second) == {("unstated", "Mark Dunn")}
    assert set(second.cue_family) == {"accusation"}


# ----- accusation: the blamer of a participle hung on a medium ----------------------------------
def test_message_on_a_medium_is_the_posters(rows):
    t = rows("Senator Ana Ruiz posted a message on Twitter blaming Northfield Chemicals for the spill.")
    assert ("Ana Ruiz", "Northfield Chemicals") in pairs(t)
    assert "Twitter" not in set(t.blamer)


# ----- agency: hedged harms, passive light verbs, the police force --------------------------------
def test_reportedly_makes_the_blamer_unstated(rows):
    t = rows("Mark Dunn was charged on Monday. Reportedly, he stabbed a man outside a bar in May.")
    assert ("unstated", "Mark Dunn") in pairs(t[t.sent_id == 1], "agency")
    t = rows("Mark Dunn stabbed a man outside a bar in May.")
    assert ("author", "Mark Dunn") in pairs(t, "agency")  # no hedge: the author's


def test_attack_conducted_by(rows):
    t = rows("Nine people died in the attack, reportedly carried out by the Free Valley Front.")
    assert ("unstated", "Free Valley Front") in pairs(t, "agency")
    t = rows("The attack was carried out by the Free Valley Front, the army said.")
    assert {r.blamed for r in t.itertuples() if r.cue_family == "agency"} == {"Free Valley Front"}


@pytest.mark.parametrize("text, family", [
    ("The allegation that was made against the council was withdrawn.", "accusation"),  # relative clause
    ("Northfield Chemicals did not face allegations of wrongdoing.", "accusation"),  # negated, no clause
    ("Critics said the allegations were old.", "accusation"),
    ("The survey was carried out by the Free Valley Front.", "agency"),  # not an act
    ("The attack was not carried out by the Free Valley Front.", "agency"),
])
def test_near_misses_give_no_row_of_the_family(rows, text, family):
    t = rows(text)
    assert t[t.cue_family == family].empty


def test_police_force_as_doer(rows):
    t = rows("As the crowd pushed forward, police fired tear gas at the protesters.")
    assert set(zip(t.blamer, t.blamed_id)) == {("author", "implicit:police")}


@pytest.mark.parametrize("text", [
    "A police officer shot a man outside the station.",  # one officer singled out
    "Police detained four men after the attack.",  # a legal step, and unnamed men
    "Prosecutors attacked the defence's evidence in court.",  # not a force
])
def test_police_force_near_misses(rows, text):
    t = rows(text)
    assert not (t.blamed_id == "implicit:police").any() and not (t.blamed_id == "implicit:prosecutors").any()


# ----- legal: whom the object names ---------------------------------------------------------------
def test_legal_object_names_people_not_their_body(rows):
    t = rows("The Senate voted to hold two Cabinet officers, Treasury Secretary Wilbur Ross and "
             "Attorney General Ana Ruiz, in contempt.")
    assert {r.blamed for r in t.itertuples() if r.cue_family == "legal"} == {"Wilbur Ross", "Ana Ruiz"}


@pytest.mark.parametrize("text", [
    "Police arrested a 36-year-old Leeds man on suspicion of burglary.",
    "Police arrested a Syrian woman at the border.",
    "The Senate voted to hold a Cabinet officer in contempt.",
])
def test_individuals_are_not_their_place_or_body(rows, text):
    assert rows(text)[lambda t: t.cue_family == "legal"].empty


def test_members_of_a_named_group_still_blame_it(rows):
    t = rows("Police jailed 52 members of the Free Valley Front on charges of treason.")
    assert "Free Valley Front" in {r.blamed for r in t.itertuples() if r.cue_family == "legal"}
