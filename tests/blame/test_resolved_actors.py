"""Blame rows name the actor a reference resolves to (issue 16, "everything through
coreference"): a surname two people share, a state's army far from any state, a state's name
inside an institution's name. News-style sentences written for these tests (invented people)."""

from __future__ import annotations

STORY = ("Former president Robert Mensah has died at 91. Mensah ruled Malawi for three decades, and "
         "Malawi's economy collapsed under him. Mensah was accused of rigging the 2008 election. "
         "\"Not the French, not the British,\" Mensah said. His wife, Grace Mensah, was seen as his heir. "
         "In 2017 the army placed Mensah under house arrest.")
HOUSE = ("The United States House of Representatives voted on Wednesday to hold the attorney general, "
         "Jane Doe, in contempt of Congress.")


def test_the_arrest_is_of_the_main_bearer_of_the_surname_by_the_dominant_states_army(rows):
    t = rows(STORY)
    arrest = t[t.cue.str.contains("placed|house arrest", regex=True)]
    assert len(arrest)
    assert set(arrest.blamed) == {"Robert Mensah"}
    assert set(arrest.blamer_id) == {"malawi_army"}


def test_a_chamber_named_with_its_state_is_the_blamer_not_the_state(rows):
    t = rows(HOUSE)
    legal = t[t.cue_family == "legal"]
    assert len(legal)
    assert set(legal.blamer) == {"United States House of Representatives"}
    assert "united_states" not in set(legal.blamer_id)


def test_a_persons_title_names_an_affiliation_not_a_second_blamer(rows):
    t = rows("French Foreign Minister Jean Dupuis accused Iran of arming the militia on Monday.")
    acc = t[t.blamed_id == "iran"]
    assert set(acc.blamer) == {"Jean Dupuis"}
    assert "france" not in set(acc.blamer_id)


def test_an_organisation_named_by_a_name_and_its_head_noun_is_the_blamer(rows):
    t = rows("The Nadiri movement claimed responsibility for the bombing of the market.")
    admission = t[t.cue_family == "admission"]
    assert set(admission.blamer) == {"Nadiri movement"}
