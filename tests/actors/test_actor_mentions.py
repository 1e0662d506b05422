"""helpers.actors: the actor pipeline of the syria pack on the seed and on real snippets; the tables."""

from __future__ import annotations

import pytest

from helpers.actors import (
    MENTION_COLUMNS,
    actor_frequency,
    actor_pipeline,
    cooccurrence,
    label_frequency,
    load_catalog,
    mention_table,
    surface_frequency,
)
from helpers.paths import SEED_ARTICLE
from helpers.text import clean_file

CATALOG = load_catalog(["syria"])


@pytest.fixture(scope="module")
def nlp():
    return actor_pipeline(CATALOG)


def mentions(nlp, text, doc_id="t"):
    return mention_table([(doc_id, nlp(text))], CATALOG)


def actor_of(table, text):
    rows = table[table.text == text]
    assert len(rows), f"{text!r} not found as an entity in {list(table.text)}"
    return list(zip(rows.kind, rows.actor))


@pytest.fixture(scope="module")
def seed(nlp):
    clean = clean_file(SEED_ARTICLE)
    return clean, mention_table([(clean.doc_id, nlp(clean.text))], CATALOG, clean_docs={clean.doc_id: clean})


# ----- the seed (the acceptance criteria) -------------------------------------------
def test_seed_top_three_actors(seed):
    _, m = seed
    top = actor_frequency(m, by="root").head(3)["root"].tolist()
    assert top == ["Russia", "United States", "Syrian government"]


def test_seed_seats_and_ministries_merge_into_their_actors(seed):
    _, m = seed
    roots = {(r.text, r.root) for r in m[m.kind == "actor"].itertuples()}
    assert ("Moscow", "Russia") in roots and ("Kremlin", "Russia") in roots
    assert ("Washington", "United States") in roots
    assert ("the Defense Ministry", "Russia") in roots and ("The Foreign Ministry", "Russia") in roots
    assert ("regime", "Syrian government") in roots and ("Syrian Army", "Syrian government") in roots


def test_seed_known_spacy_errors_are_gone(seed):
    _, m = seed
    assert not (m.text == "CoH").any(), "CoH is defined as 'Cessation of Hostilities', not a person"
    assert set(m[m.text == "Islamic State"].label) == {"ORG"} and not (m.text == "Islamic").any() or \
        set(m[m.text == "Islamic"].kind) == {"group"}  # "Islamic rebel groups" is a religion adjective
    assert (m[m.text == "Islamic State"].actor == "Islamic State").all()
    assert actor_of(m, "Aleppo")[0][0] == "place"
    assert actor_of(m, "Deir-iz-Zor")[0][0] == "place"
    for group in ("Ahrar al-Sham", "Jaish al-Islam", "Fatah al-Haleb"):
        assert set(m[m.text == group].label) == {"ORG"}


def test_seed_evidence_offsets_cite_the_raw_text(seed):
    clean, m = seed
    assert list(m.columns) == MENTION_COLUMNS
    for r in m.itertuples():
        assert clean.text[r.start_char : r.end_char] == r.text
        raw = clean.raw[r.raw_start : r.raw_end]
        assert " ".join(raw.split()).replace("\u2019", "'") == r.text.replace("\n", " ") or "-\n" in raw


# ----- recognition in context -----------------------------------------------------------
def test_capital_is_government_when_it_acts_and_place_when_it_is_a_place(nlp):
    m = mentions(nlp, "Moscow claimed that the convoy was hit by mistake. Food reached the road to Damascus.")
    assert actor_of(m, "Moscow") == [("actor", "Russia")]
    assert actor_of(m, "Damascus") == [("place", "Damascus")]


def test_demonym_is_the_state_only_for_its_agents(nlp):
    m = mentions(nlp, "Russian jets struck the convoy. Thousands of Syrian civilians fled to Turkey.")
    assert actor_of(m, "Russian") == [("actor", "Russia")]
    assert actor_of(m, "Syrian")[0][0] == "group"
    m = mentions(nlp, "The Saudi-funded militia advanced on the town.")
    assert actor_of(m, "Saudi") == [("actor", "Saudi Arabia")]


def test_state_before_a_nationality_noun_is_not_an_actor(nlp):
    m = mentions(nlp, "The embassy advised U.S. citizens to leave. The U.S. attempt to coordinate failed.")
    kinds = list(m[m.text == "U.S."].kind)
    assert kinds == ["group", "actor"]


def test_definite_description_needs_an_antecedent(nlp):
    m = mentions(nlp, "The Syrian government denied the report. The regime said the rebels had lied.")
    assert actor_of(m, "regime") == [("actor", "Syrian government")]
    # without an antecedent, a description resolves only when it acts (the catalog has one
    # "regime"): as a subject or before an act noun, not as the object of a preposition
    m = mentions(nlp, "Critics of the regime met in Paris on Monday.")
    assert not (m.actor == "Syrian government").any()
    m = mentions(nlp, "Rebel shelling killed four civilians in Damascus.")
    assert actor_of(m, "Rebel") == [("actor", "Syrian opposition")]


def test_description_after_demonym_is_one_mention(nlp):
    m = mentions(nlp, "Russia denied it, but the Russian military later admitted the strike.")
    assert actor_of(m, "Russian military") == [("actor", "Russian Armed Forces")]
    assert not (m.text == "Russian").any()


def test_hyphenated_pairs_yield_both_actors(nlp):
    m = mentions(nlp, "The Kerry-Lavrov agreement was meant to rebuild the U.S.-Russia deal.")
    assert actor_of(m, "Kerry") == [("actor", "John Kerry")]
    assert actor_of(m, "Lavrov") == [("actor", "Sergei Lavrov")]
    assert actor_of(m, "U.S.") == [("actor", "United States")]
    assert actor_of(m, "Russia") == [("actor", "Russia")]


def test_entities_outside_the_catalog_keep_a_normalised_name(nlp):
    m = mentions(nlp, "Nancy Pelosi yesterday resumed the office of Speaker. Guests at the swearing in "
                      "included Pelosi's grandchildren. Republican Kevin McCarthy received 192 votes on Tuesday.")
    assert actor_of(m, "Pelosi") == [("actor", "Nancy Pelosi")]  # the NER says EVENT
    assert "Kevin McCarthy" in set(m.actor)
    assert set(m[m.text == "Tuesday"].kind) == {"other"}  # dates are kept, as kind "other"


def test_acronym_takes_its_definition(nlp):
    m = mentions(nlp, "The Cessation of Hostilities (CoH) began on Monday. The CoH was violated by Assad.")
    coh = m[m.text == "CoH"]
    assert "PERSON" not in set(coh.label) and "actor" not in set(coh.kind)
    assert not m.text.str.contains(r"\(").any()
    m = mentions(nlp, "The Syrian Observatory for Human Rights (SOHR) said 12 died. The SOHR counted more later.")
    assert set(m[m.text == "SOHR"].actor) == set(m[m.text == "Syrian Observatory for Human Rights"].actor)


def test_titles_are_not_entities_and_shouting_is_not_an_acronym(nlp):
    m = mentions(nlp, "U.S. Secretary of State John Kerry spoke.")
    # the title and the name are one mention (entity guideline, version 2), "State" none
    assert "State" not in set(m.text) and actor_of(m, "Secretary of State John Kerry") == [("actor", "John Kerry")]
    m = mentions(nlp, "He wrote: THE USA IS GREAT!")
    assert not (m.actor == "Islamic State").any()
    assert actor_of(m, "USA") == [("actor", "United States")]


def test_multiword_names_match_in_headline_case(nlp):
    m = mentions(nlp, "US-Led Coalition Strike On Raqqa Kills 20 Civilians")
    assert "U.S.-led coalition" in set(m.actor)


# ----- tables -------------------------------------------------------------------------------
def test_frequency_tables_are_sorted_with_tie_breaks(seed):
    _, m = seed
    f = actor_frequency(m)
    assert list(f.columns) == ["actor", "mentions", "documents", "surface_forms"]
    assert f.equals(f.sort_values(["mentions", "actor"], ascending=[False, True], ignore_index=True))
    s = surface_frequency(m)
    assert s[s.root == "Russia"].set_index("text")["mentions"].to_dict()["Moscow"] == (m.text == "Moscow").sum()
    lab = label_frequency(m)
    assert lab["mentions"].sum() == len(m)


def test_cooccurrence_is_symmetric_with_sentence_counts_on_the_diagonal(seed):
    _, m = seed
    top = actor_frequency(m, by="root").head(4)["root"].tolist()
    c = cooccurrence(m, top)
    assert (c.values == c.values.T).all()
    actors = m[(m.kind == "actor") & (m.via != "pronoun")]  # cooccurrence counts no pronouns by default
    assert c.loc["Russia", "Russia"] == actors[actors.root == "Russia"].sent_id.nunique()

