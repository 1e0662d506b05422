"""General legal, accusation and denial patterns of ordinary news (issue 16, round 3), on
news-style sentences written for these tests: a subject the parser misplaces, "alleged" and
"allegedly" (blamer unstated), a named actor or a court taking a legal step through another verb
("unsealed charges", "was ordered to pay", "is in prison", "the subject of sanctions", "suspended
its licence"), excuses as denials; and the near misses that must give no row (victims, a
suspended parliament, planned steps, members of another phrase, a third party's excuse)."""

from __future__ import annotations

import pytest

from helpers.blame.table import IMPLICIT


def family(table, name):
    return table[table.cue_family == name]


def pairs(table, name):
    return {(r.blamer, r.blamed) for r in family(table, name).itertuples()}


# ----- legal: the blamed the parser misplaces ---------------------------------------------------
def test_a_subject_hung_in_a_fronted_adverbial_is_the_blamed(rows):
    text = ("On Tuesday in Karachi, Ahmed Raza, a nephew of the minister, was sentenced to seven years "
            "by a court in Lahore.")
    assert pairs(rows(text), "legal") == {("court", "Ahmed Raza")}


def test_a_normal_passive_keeps_its_own_subject(rows):
    text = "On Tuesday in Karachi, police said Ahmed Raza was sentenced to seven years."
    assert {b for _, b in pairs(rows(text), "legal")} == {"Ahmed Raza"}
    assert family(rows("In Karachi, a man was sentenced to seven years."), "legal").empty


def test_an_infinitival_relative_and_an_opening_name_give_the_blamed(rows):
    t = rows("Mark Dunn, the third mayor to be impeached by the council, is to face trial in May.")
    assert {b for _, b in pairs(t, "legal")} == {"Mark Dunn"}
    assert len(family(t, "legal")) == 2


# ----- legal: other verbs over a legal noun -----------------------------------------------------
def test_a_named_subject_unsealing_or_pursuing_charges_is_the_blamer(rows):
    assert pairs(rows("The Justice Department unsealed new charges against Mark Dunn."), "legal") == {
        ("Justice Department", "Mark Dunn")}
    assert pairs(rows("Iran will pursue the prosecution of Donald Trump."), "legal") == {("Iran", "Donald Trump")}


def test_a_court_order_to_a_remedy_is_the_courts(rows):
    t = family(rows("Northfield Chemicals was ordered to pay a fine of $5 million."), "legal")
    assert pairs(t, "legal") == {("court", "Northfield Chemicals")} and set(t.blamer_id) == {IMPLICIT + "court"}
    assert pairs(rows("A court in Paris ordered Northfield Chemicals to remove the posts."), "legal") == {
        ("court", "Northfield Chemicals")}


def test_being_in_prison_is_a_penalty(rows):
    assert pairs(rows("Mark Dunn is already in prison in Spain."), "legal") == {("court", "Mark Dunn")}
    assert pairs(rows("Mark Dunn remains behind bars."), "legal") == {("court", "Mark Dunn")}
    assert family(rows("Mark Dunn was not in prison at the time."), "legal").empty
    assert family(rows("Mark Dunn visited his brother in prison."), "legal").empty


def test_the_subject_of_sanctions_is_sanctioned_by_their_owner(rows):
    assert pairs(rows("Northfield Chemicals has been the subject of United States sanctions since 2015."),
                 "legal") == {("United States", "Northfield Chemicals")}


def test_a_suspended_or_revoked_licence_sanctions_its_holder(rows):
    assert pairs(rows("Regulators suspended Northfield Chemicals' operating licence."), "legal") == {
        ("authorities", "Northfield Chemicals")}  # "Regulators": the implicit id with its words
    assert pairs(rows("The licence of Northfield Chemicals was revoked in May."), "legal") == {
        ("authorities", "Northfield Chemicals")}
    assert family(rows("The government revoked the decree on Monday."), "legal").empty


# ----- legal: precision -------------------------------------------------------------------------
def test_members_named_inside_another_phrase_are_not_the_blamed(rows):
    t = rows("The EU sanctioned Iran over attacks on dissidents in countries including Denmark and France.")
    assert pairs(t, "legal") == {("European Union", "Iran")}
    t = rows("Police detained four men after the attack, including Omar Said.")
    assert pairs(t, "legal") == {("police", "Omar Said")}


def test_a_negated_copula_does_not_undo_the_step_its_subject_names(rows):
    assert pairs(rows("An official said the ban on Northfield Chemicals is not part of a wider plan."),
                 "legal") == {("authorities", "Northfield Chemicals")}
    assert family(rows("Sanctions on Northfield Chemicals are not in place."), "legal").empty


# ----- accusation: "alleged", "allegedly" -------------------------------------------------------
@pytest.mark.parametrize("text, blamed", [
    ("Police are searching for the alleged gunman, Omar Said, after the shooting.", "Omar Said"),
    ("Three alleged accomplices, including businessman Pavel Orlov, were tried by the same court.", "Pavel Orlov"),
    ("The website was run by its alleged operator Marco Ruiz from Spain.", "Marco Ruiz"),
    ("Allegedly, Marco Ruiz moved millions of dollars through shell companies.", "Marco Ruiz"),
])
def test_alleged_and_allegedly_accuse_with_no_accuser(rows, text, blamed):
    t = family(rows(text), "accusation")
    assert set(t.blamed) == {blamed} and set(t.blamer) == {"unstated"}


# ----- denial: excuses --------------------------------------------------------------------------
def test_a_defence_and_a_forced_confession_are_denials(rows):
    t = family(rows("Mark Dunn testified in his own defence on Tuesday."), "denial")
    assert pairs(t, "denial") == {("prosecutors", "Mark Dunn")}
    t = family(rows("Mark Dunn has since said his confession was forced."), "denial")
    assert pairs(t, "denial") == {("prosecutors", "Mark Dunn")}
    t = family(rows("Mark Dunn said he acted in self-defence."), "denial")
    assert pairs(t, "denial") == {("unstated", "Mark Dunn")}


# ----- near misses ------------------------------------------------------------------------------
@pytest.mark.parametrize("name, text", [
    # orders that are no legal step
    ("legal", "Residents of Northfield were ordered to leave their homes."),
    ("legal", "Mark Dunn ordered the guards to remove the protesters."),
    ("legal", "Northfield Chemicals was not ordered to pay anything."),
    # victims, legislatures and planned steps are not sanctioned
    ("legal", "Both the union and the government called for his death to be investigated."),
    ("legal", "Police are investigating the killing of Mark Dunn."),
    ("legal", "The prime minister asked the Queen to suspend Parliament for five weeks."),
    ("legal", "The session of Parliament was suspended on Monday."),
    ("legal", "The official said there is a plan to impose sanctions on Iran."),
    # alleged victims, agentless passives, negations and questions accuse no one
    ("accusation", "The alleged victim, Jane Roe, spoke to reporters on Monday."),
    ("accusation", "Mark Dunn was allegedly bribed by nobody he knew."),
    ("accusation", "Mark Dunn was allegedly attacked on Monday."),
    ("accusation", "Mark Dunn did not allegedly pay anyone."),
    ("accusation", "Did Mark Dunn allegedly pay the officials?"),
    # a third party's excuse, or a withheld one, is no denial
    ("denial", "The officer acted in self-defence, police said."),
    ("denial", "Prosecutors said his confession was not coerced."),
    ("denial", "The lawyer Jane Roe spoke for the defence."),
    ("denial", "Mark Dunn did not testify in his own defence."),
])
def test_near_misses_give_no_row_of_their_family(rows, name, text):
    assert family(rows(text), name).empty
