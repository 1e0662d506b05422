"""Entity spans and labels mended from the words around them (:mod:`helpers.actors.name_evidence`)
and the shorter forms that join them (:mod:`helpers.actors.document_actors`): an organisation's
name built from a name and a head noun ("the ... movement", "the ... campaign"), a kinship
apposition that makes a name a person's, an organisation's descriptor before a name the NER took
for a place. News-style snippets written for these tests (invented people, groups and firms)."""

from __future__ import annotations

import pytest

from helpers.actors import actor_pipeline, load_catalog, mention_table

CATALOG = load_catalog(["syria"])


@pytest.fixture(scope="module")
def nlp():
    return actor_pipeline(CATALOG)


def table(nlp, text):
    return mention_table([("t", nlp(text))], CATALOG)


def keys(m, text):
    return set(m[m.text == text].actor_key)


@pytest.mark.parametrize("text, full, short", [
    # a name and an organisation's head noun: one organisation, named by the full form
    ("The Nadiri movement claimed responsibility for the blast on Sunday. "
     "The Nadiris said their fighters had planted the bomb.", "Nadiri movement", "Nadiris"),
    # an organisation's descriptor before a name; its first word alone is the organisation
    ("Regulators on Monday grounded the airline Skyline Air after a safety inspection. "
     "A lawyer for Skyline said the carrier would appeal.", "Skyline Air", "Skyline"),
])
def test_an_organisations_name_and_its_shorter_form_are_one_actor(nlp, text, full, short):
    m = table(nlp, text)
    assert keys(m, full) == keys(m, short) == {f"doc:{full}"}


def test_an_indefinite_group_is_not_an_organisations_name(nlp):
    m = table(nlp, "Police said a Nadiri group had gathered outside the court on Sunday.")
    assert not (m.text == "Nadiri group").any()


def test_a_persons_campaign_is_not_the_person(nlp):
    m = table(nlp, "Senator Paul Harrow lost the primary in March. "
                   "The Harrow campaign blamed the party for the defeat.")
    assert keys(m, "Harrow campaign") == {"doc:Harrow campaign"}
    assert keys(m, "Senator Paul Harrow") == {"doc:Paul Harrow"}


def test_a_kinship_apposition_makes_a_name_a_person_whatever_its_context(nlp):
    m = table(nlp, "On Monday in Karachi, Imran Sheikh, brother of the slain singer, was arrested by police.")
    row = m[m.text == "Imran Sheikh"]
    assert len(row) and set(row.kind) == {"actor"} and set(row.actor_key) == {"doc:Imran Sheikh"}


def test_an_apposition_that_is_no_kin_leaves_a_place_a_place(nlp):
    m = table(nlp, "Protesters marched through Port Lorin, capital of the province, on Saturday.")
    assert "actor" not in set(m[m.text == "Port Lorin"].kind)


def test_a_one_word_name_a_person_accounts_for_stays_the_person(nlp):
    m = table(nlp, "Karen Vance founded Vance Holdings in 1990. Vance said on Tuesday she would step down.")
    assert keys(m, "Vance") == {"doc:Karen Vance"}
