"""References whose actor the nearest candidate gets wrong (issue 16, "everything through
coreference"): a surname two people share, a state's institution described after another
state's name, and a state's name inside the name of one of its institutions or of an organisation
that is not the state ("Japan Airlines").

The snippets are written for these tests in the style of news reports (the people in them are
invented; the states are real).
"""

from __future__ import annotations

import pytest

from helpers.actors import actor_pipeline, load_catalog, mention_table

CATALOG = load_catalog(["syria"])

OUSTED = ("Former president Robert Mensah has died at 91. Mensah led the country for three decades, and "
          "critics said Mensah rigged the 2008 election. His wife, Grace Mensah, was widely seen as his heir. "
          "After Mensah dismissed his deputy, the generals placed Mensah under house arrest.")
DRUMMER = ("Jazz drummer Mark Ellis died on Sunday, his daughter Anna Ellis said. Ellis had been in hospital "
           "for a month. Ellis played with the city's orchestra for twenty years.")
COUP = ("Malawi held elections on Tuesday. Turnout in Malawi was low, and Malawi's electoral commission "
        "counted through the night. \"We will not be dictated to by the French,\" the president said. "
        "The capital was quiet on Wednesday. Hours later, the army seized the broadcaster.")
BORDER = ("Malawi held elections on Tuesday. Turnout in Malawi was low. Egypt sent observers. "
          "The army said the vote had been calm.")
HOUSE = ("The United States House of Representatives voted on Wednesday to hold the attorney general in "
         "contempt. The House said the department had withheld documents.")
OUTLETS = ("Japan Airlines cancelled 40 flights on Monday, USA Today reported. According to China Daily, "
           "Iran Air grounded two planes. The Japanese government said the airports would reopen.")
COURTS = ("The Supreme Court of Pakistan suspended the order. The Foreign Ministry of Iraq condemned the raid. "
          "United States Senator Jane Doe criticised the plan.")


@pytest.fixture(scope="module")
def nlp():
    return actor_pipeline(CATALOG)


def actors_of(nlp, text, words):
    """The actor of each mention with these words, in text order."""
    m = mention_table([("t", nlp(text))], CATALOG)
    return list(m[m.text == words].actor)


def test_a_shared_surname_is_its_main_bearers(nlp):
    # the wife named once in between does not take the surname the text gave her husband
    found = actors_of(nlp, OUSTED, "Mensah")
    assert len(found) >= 2 and set(found) == {"Robert Mensah"}


def test_a_shared_surname_named_once_each_is_the_first_named(nlp):
    # "his daughter Anna Ellis" came nearer, but the story is the drummer's
    found = actors_of(nlp, DRUMMER, "Ellis")
    assert found and set(found) == {"Mark Ellis"}


def test_an_army_far_from_any_state_is_the_dominant_states(nlp):
    # "the French" in a quotation is the last state named, but the story is Malawi's
    m = mention_table([("t", nlp(COUP))], CATALOG)
    army = m[m.text == "army"]
    assert list(army.actor_id) == ["malawi_army"]


def test_an_army_right_after_a_state_is_that_states(nlp):
    m = mention_table([("t", nlp(BORDER))], CATALOG)
    assert list(m[m.text == "army"].actor_id) == ["egypt_army"]


def test_a_states_name_inside_an_institutions_name_is_one_actor(nlp):
    m = mention_table([("t", nlp(HOUSE))], CATALOG)
    full = m[m.text == "United States House of Representatives"]
    assert list(full.actor_key) == ["doc:United States House of Representatives"]
    assert list(full.source) == ["state-institution"]
    # "the House" is the chamber named before, not a third actor
    assert list(m[m.text == "House"].actor_key) == ["doc:United States House of Representatives"]
    assert "united_states" not in set(m.actor_id)


def test_institution_of_a_state(nlp):
    m = mention_table([("t", nlp(COURTS))], CATALOG)
    assert list(m[m.text == "Supreme Court of Pakistan"].actor_key) == ["doc:Supreme Court of Pakistan"]
    # a pack's own institution of that state: the catalog actor
    assert list(m[m.text == "Foreign Ministry of Iraq"].actor_id) == ["iraq_foreign_ministry"]
    # a title and a person after the state's name are no institution
    assert "united_states" in set(m.actor_id)
    assert not m.text.str.startswith("United States Senator").any()


def test_a_states_central_bank_is_one_institution(nlp):
    m = mention_table([("t", nlp("The Central Bank of Iraq devalued the dinar on Sunday."))], CATALOG)
    assert list(m.text) == ["Central Bank of Iraq", "Sunday"]
    assert list(m.source)[0] == "state-institution" and "iraq" not in set(m.actor_id)


def test_a_states_name_inside_an_organisations_name_is_not_the_state(nlp):
    m = mention_table([("t", nlp(OUTLETS))], CATALOG)
    names = ["Japan Airlines", "USA Today", "China Daily", "Iran Air"]
    joined = m[m.text.isin(names)]
    assert sorted(joined.text) == sorted(names)
    assert set(joined.source) == {"state-organisation"} and set(joined.actor_id) == {""}
    assert list(joined.actor_key) == [f"doc:{n}" for n in names]
    assert not {"united_states", "china", "iran"} & set(m.actor_id)  # none of them speaks for its state
    assert list(m[m.text == "Japanese government"].actor_id) == ["japan"]  # the state is still named as itself


@pytest.mark.parametrize("text", [
    "Ten dead after strikes on hospitals in Syria Air strikes on two hospitals killed ten people.",  # a glued headline
    "Russian jets struck rebel positions in northern Syria Today.",  # an adverb written with a capital
])
def test_a_state_before_an_organisation_word_that_is_not_a_name_stays_the_state(nlp, text):
    m = mention_table([("t", nlp(text))], CATALOG)
    assert "state-organisation" not in set(m.source)
    assert "Syria" in set(m.text)
