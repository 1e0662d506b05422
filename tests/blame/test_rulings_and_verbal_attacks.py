"""Court rulings, a label of a completed conviction, a force acting in a conjoined clause, and an
attack in words (issue 16), on news-style sentences written for these tests; and the near misses
that must give no row."""

from __future__ import annotations

import pytest

from tests.blame.test_legal_general import family, pairs


# ----- a court's ruling against a party -----------------------------------------------------------
@pytest.mark.parametrize("text, blamer, blamed", [
    ("The decision was challenged, and the Wisconsin Supreme Court ruled Tony Evers lacked authority "
     "to reschedule the election.", "Wisconsin Supreme Court", "Tony Evers"),
    ("The Court of Session found that Boris Johnson's advice to the Queen was motivated by an improper "
     "purpose and is unlawful.", "Court of Session", "Boris Johnson"),
    ("The court ruled that Tony Evers had acted unlawfully.", "court", "Tony Evers"),
    ("A federal judge ruled against John Hale on Friday.", "court", "John Hale"),
])
def test_a_court_ruling_a_party_in_the_wrong_is_a_legal_step(rows, text, blamer, blamed):
    assert pairs(rows(text), "legal") == {(blamer, blamed)}


@pytest.mark.parametrize("text", [
    "The court ruled that Tony Evers did not violate the law.",
    "The court ruled in favour of Tony Evers.",
    "Tony Evers ruled out a third term.",
    "Boris Johnson found that the plan was unlawful.",  # not a court
    "The court could rule that Tony Evers acted unlawfully.",
])
def test_a_ruling_for_a_party_a_negated_finding_or_no_court_gives_no_row(rows, text):
    assert family(rows(text), "legal").empty


# ----- a label of a completed conviction ----------------------------------------------------------
@pytest.mark.parametrize("text, blamed", [
    ("One of the men who held the attacker down was James Ford, 42, a convicted murderer.", "James Ford"),
    ("The convicted fraudster Bernard Madoff died in prison.", "Bernard Madoff"),
])
def test_a_convicted_label_is_the_courts_step_against_the_person(rows, text, blamed):
    assert pairs(rows(text), "legal") == {("court", blamed)}


def test_other_legal_participles_before_a_noun_stay_labels(rows):
    assert family(rows("The banned group Hizb ut-Tahrir held a rally in Leeds."), "legal").empty


# ----- a force acting in a conjoined clause -------------------------------------------------------
@pytest.mark.parametrize("text, blamer", [
    ("Usman Khan stabbed two people. Police arrived and shot him dead.", "author"),
    ("According to NPR, the police then surrounded the attacker, moved a bystander out of the way, and "
     "shot Usman Khan.", "NPR"),
])
def test_police_sharing_the_subject_of_a_conjoined_verb_are_the_doers(rows, text, blamer):
    assert (blamer, "police") in pairs(rows(text), "agency")


# ----- an attack in words -------------------------------------------------------------------------
def test_attacking_a_process_criticises_its_owner_and_is_no_harmful_act(rows):
    table = rows("Republican Representatives attacked Nancy Pelosi's impeachment inquiry.")
    assert pairs(table, "criticism") == {("Republican Representatives", "Nancy Pelosi")}
    assert family(table, "agency").empty


def test_an_attack_on_a_plan_by_a_critic_is_no_harmful_act(rows):
    assert family(rows("The plan was attacked by Jeremy Corbyn as a betrayal of voters."), "agency").empty


def test_an_armed_attack_stays_agency(rows):
    assert {b for _, b in pairs(rows("Russian jets attacked the convoy near Aleppo."), "agency")} == {"Russia"}
