"""Role nouns of a trial and of an organisation's kind (issue 16): "the accused" is the person the
text named as charged, arrested or accused; "the group", "the network" a catalog actor of that kind
named in the sentence or the one before, never when two of the kind tie.

The snippets are written for these tests in the style of news reports (the people in them are
invented; the organisations are catalog actors).
"""

from __future__ import annotations

import pytest

from helpers.actors import actor_pipeline, load_catalog, mention_table

CATALOG = load_catalog(["world", "syria"])


@pytest.fixture(scope="module")
def nlp():
    return actor_pipeline(CATALOG)


def keys(nlp, text, word):
    m = mention_table([("t", nlp(text))], CATALOG)
    return m[m.text == word].actor_key.tolist()


# ----- trial roles --------------------------------------------------------------------------------
def test_a_person_charged_is_the_accused(nlp):
    text = ("Martin Olsen, 41, appeared in the district court on Tuesday, charged with two counts of arson. "
            "The judge ordered the accused to remain in custody.")
    assert keys(nlp, text, "accused") == ["doc:Martin Olsen"]


def test_a_person_arrested_is_the_suspect(nlp):
    text = "Police arrested Carla Wendt at her home on Friday. Detectives questioned the suspect for six hours."
    assert keys(nlp, text, "suspect") == ["doc:Carla Wendt"]


def test_identified_the_suspect_as_names_the_suspect(nlp):
    text = ("Officials identified the suspect as Peter Quaid, a 30-year-old mechanic. Investigators said the "
            "suspect had posted threats online.")
    assert keys(nlp, text, "suspect") == ["doc:Peter Quaid"]


def test_a_person_not_charged_is_no_accused(nlp):
    text = ("Martin Olsen was not charged after the fire, police said. The accused in a second case appeared "
            "in court on Monday.")
    assert keys(nlp, text, "accused") == []


def test_a_witness_is_no_suspect(nlp):
    text = "Carla Wendt told reporters she saw the car speed away. Police later questioned the suspect."
    assert keys(nlp, text, "suspect") == []


# ----- kind roles ---------------------------------------------------------------------------------
def test_the_group_is_the_armed_group_just_named(nlp):
    text = "Iraqi troops retook the town from Islamic State on Monday. The group had held it since 2014."
    assert keys(nlp, text, "group") == ["islamic_state"]


def test_the_group_far_from_its_antecedent_stays_unresolved(nlp):
    text = ("Iraqi troops retook the town from Islamic State on Monday. Aid convoys arrived on Tuesday. "
            "Doctors treated hundreds of wounded. Engineers began clearing the roads. "
            "The group said it would return.")
    assert keys(nlp, text, "group") == []


def test_two_armed_groups_in_one_sentence_tie(nlp):
    text = "Hezbollah and Islamic State fought near the border on Sunday. The group said it had lost ten fighters."
    assert keys(nlp, text, "group") == []


# ----- perpetrator roles --------------------------------------------------------------------------
def test_the_doer_of_a_violent_act_is_the_attacker(nlp):
    text = ("On Friday, Martin Olsen stabbed two people at a market in Leeds. Police said the attacker "
            "fled on foot.")
    assert keys(nlp, text, "attacker") == ["doc:Martin Olsen"]


def test_a_person_who_stabbed_no_one_is_no_attacker(nlp):
    text = "Martin Olsen did not stab anyone, his lawyer said. Police are still looking for the attacker."
    assert keys(nlp, text, "attacker") == []
