"""Legal and denial rules of round 5 (issue 16), on news-style sentences written for these tests:
a step conducted or performed by its subject, surveillance as a police step, a step against a
measure's author, "the accused" standing for the defendant named before, "self defense" as an
open compound and the prosecution as the accuser of a charged defendant's excuse; and the near
misses that must give no row."""

from __future__ import annotations

from tests.blame.test_legal_general import family, pairs


# ----- a step its subject conducts ----------------------------------------------------------------
def test_the_subject_conducting_an_investigation_takes_the_step(rows):
    text = ("John Hale, the former mayor of Leeds, resigned on Monday. Federal prosecutors are "
            "conducting a criminal investigation into Hale.")
    assert pairs(rows(text), "legal") == {("prosecutors", "John Hale")}


def test_conducting_a_survey_or_a_review_is_no_step(rows):
    text = "John Hale resigned on Monday. The university conducted a survey of Hale's voters."
    assert family(rows(text), "legal").empty


# ----- surveillance -------------------------------------------------------------------------------
def test_placed_under_police_surveillance_is_a_police_step(rows):
    text = "John Hale was placed under police surveillance after his release from prison."
    assert pairs(rows(text), "legal") == {("police", "John Hale")}


def test_a_coast_under_surveillance_names_no_one(rows):
    assert family(rows("The coast near Leeds was under surveillance by drones."), "legal").empty


# ----- the author of the measure a step targets ---------------------------------------------------
def test_a_lawsuit_against_a_measure_blames_who_signed_it(rows):
    text = "Civil rights groups filed a lawsuit against the travel ban that President Donald Trump signed."
    assert {b for _, b in pairs(rows(text), "legal")} == {"Donald Trump"}


def test_an_inquiry_into_misconduct_by_someone_blames_them(rows):
    text = "The House opened an impeachment inquiry into alleged misconduct by President Donald Trump."
    assert {b for _, b in pairs(rows(text), "legal")} == {"Donald Trump"}


def test_who_disclosed_or_reported_the_matter_is_not_its_author(rows):
    text = "The regulator opened an investigation into the leak, which Donald Trump disclosed on Monday."
    assert family(rows(text), "legal").empty


# ----- "the accused" ------------------------------------------------------------------------------
def test_the_accused_is_the_defendant_named_before(rows):
    text = ("Omar Said, 31, appeared in Leeds Crown Court on Monday charged with arson. "
            "Police had arrested the accused at his flat on Friday.")
    legal = family(rows(text), "legal")
    assert {(r.blamer, r.blamed) for r in legal.itertuples()} == {("prosecutors", "Omar Said"),
                                                                   ("police", "Omar Said")}
    # the evidence is the words in the sentence: the role noun (the actor pipeline's mention: "accused")
    assert set(legal.blamed_text) & {"the accused", "accused"}


def test_the_suspect_named_in_apposition(rows):
    text = ("Kyle Brandt, the suspect in the shooting, was released on Friday. "
            "Prosecutors charged the suspect with murder last week.")
    assert pairs(rows(text), "legal") == {("prosecutors", "Kyle Brandt")}


def test_the_suspect_is_not_a_named_victim_or_an_indefinite_suspect(rows):
    victim = "John Hale was stabbed outside a bar in Leeds on Saturday. Police arrested the suspect on Sunday."
    assert family(rows(victim), "legal").empty
    some = "Mary Brandt was charged with fraud. Police arrested a suspect in the Leeds case on Sunday."
    assert pairs(rows(some), "legal") == {("prosecutors", "Mary Brandt")}


# ----- excuses ------------------------------------------------------------------------------------
def test_self_defense_as_an_open_compound_is_an_excuse(rows):
    t = family(rows("John Hale said he acted in self defense."), "denial")
    assert {(r.blamer, r.blamed, r.cue) for r in t.itertuples()} == {("unstated", "John Hale", "self defense")}


def test_a_charged_defendants_excuse_answers_the_prosecution(rows):
    text = ("Omar Said was charged with murder in March. His lawyers have argued the defendant acted "
            "in self defense.")
    assert pairs(rows(text), "denial") == {("prosecutors", "Omar Said")}


def test_a_third_partys_self_defense_is_no_excuse(rows):
    text = "John Hale was stabbed in Leeds. The officer acted in self defense, police said."
    assert family(rows(text), "denial").empty


# ----- a charged defendant's charges --------------------------------------------------------------
def test_a_charged_defendants_charges_are_against_him(rows):
    text = ("Kyle Brandt, the suspect in the shooting, was released on Friday. "
            "Brandt's charges include first-degree murder.")
    assert pairs(rows(text), "legal") == {("prosecutors", "Kyle Brandt")}


def test_the_charges_of_someone_never_charged_are_no_step_against_them(rows):
    text = "Mary Brandt is the district attorney in Leeds. Brandt's charges were filed on Monday."
    assert family(rows(text), "legal").empty
