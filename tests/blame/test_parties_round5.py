"""Who blames whom (issue 16, round 5): a person named in apposition to a nationality or an office
is the party ("An Australian, John Tarrow, ...", "the general manager of Gulf Media, Dr Ali bin
Hassan", "Ambassador to Germany Richard Gale"); a surname the recogniser missed is the person the
document names; a court modified by a state is the court; an agentless accusation or criticism
keeps its blamer unstated under "according to X"; a message's "from Berlin" is its sender. And the
criticism family's new general kinds: "received criticism" (unstated), "anti-government protests"
(the sentence's one state), a passive characterisation with a "by" agent ("who was described as
'reckless' by police"), a quoted label VADER reads as negative ("termed her a 'corrupt oaf'").
Sentences written for these tests in the style of news reports."""

from __future__ import annotations

import pytest

from helpers.actors import actor_pipeline, load_catalog
from helpers.blame import blame_table


@pytest.fixture(scope="module")
def world_rows(lexicon):
    """``rows(text)`` with the world catalog (states, seats and demonyms of every country)."""
    catalog = load_catalog(["world", "syria"])
    nlp = actor_pipeline(catalog)
    return lambda text: blame_table([("t", nlp(text))], catalog, lexicon)


def parties(table, family):
    rows = table[table.cue_family == family]
    return sorted((r.blamer, r.blamed, r.cue) for r in rows.itertuples())


@pytest.mark.parametrize("text, family, expected", [
    ("An Australian, John Tarrow, aged 31, appeared in court on Monday, charged with arson.",
     "legal", [("prosecutors", "John Tarrow", "charged")]),
    ("The general manager of Gulf Media, Dr Ali bin Hassan, blamed the bombing on Houthi rebels.",
     "accusation", [("Ali bin Hassan", "Houthi", "blamed")]),
    ("US Ambassador to Germany Richard Gale accused Mahan Air of smuggling weapons.",
     "accusation", [("Richard Gale", "Mahan Air", "accused")]),
    ("Police arrested two officials, Director Tom Reed and Treasurer Ann Bale, on Monday.",
     "legal", [("police", "Tom Reed", "arrested"), ("police", "Treasurer Ann Bale", "arrested")]),
    ("Yesterday, a United States federal jury convicted Mark Dolan of fraud.",
     "legal", [("court", "Mark Dolan", "convicted")]),
    ("Chancellor Olga Brandt said Moscow was behind the poisoning. The Russian government dismissed "
     "the claim from Berlin as groundless.", "denial", [("Germany", "Russia", "dismissed")]),
])
def test_parties(world_rows, text, family, expected):
    got = [r for r in parties(world_rows(text), family) if r[2] == expected[0][2]]
    assert got == expected


def test_missed_surname_is_the_documents_person(rows):
    # the recogniser often misses a bare surname opening a sentence; the document names the person
    text = ("Yuri Balakin was flown to Berlin on Friday. Balakin is an outspoken critic of "
            "President Tom Hale, and his aides said Balakin was poisoned.")
    assert parties(rows(text), "criticism") == [("Yuri Balakin", "Tom Hale", "critic")]


@pytest.mark.parametrize("text, expected", [
    ("According to The Daily Post, Jane Lyle received harsh criticism for the remarks.",
     [("unstated", "Jane Lyle", "criticism")]),
])
def test_agentless_criticism_is_unstated(rows, text, expected):
    table = rows(text)
    got = parties(table, "criticism")
    assert got == expected
    assert set(table[table.cue_family == "criticism"].blamer_id) == {""}


def test_allegedly_under_according_to_is_unstated(rows):
    text = "According to police chief Tom Hale, Jane Lyle allegedly stole the funds."
    assert sorted(zip(rows(text).blamer, rows(text).blamed)) == [("unstated", "Jane Lyle")]


@pytest.mark.parametrize("text, expected", [
    ("Anti-government protests continued in Baghdad and the south of Iraq on Friday.",
     [("protests", "Iraq", "protests")]),
    ("Serbians protested for a fourth night as the unrest grew into anti-government protests.",
     [("protests", "Serbia", "protests")]),
    ('Tom Hale, who was described as "gun-obsessed" by the police, fled the scene.',
     [("police", "Tom Hale", "described")]),
    ('Jane Lyle led the Greens until May. The posts termed her a "corrupt oaf" and a "lousy traitor".',
     [("posts", "Jane Lyle", "oaf")]),
])
def test_new_criticism_kinds(world_rows, text, expected):
    assert parties(world_rows(text), "criticism") == expected


@pytest.mark.parametrize("text", [
    "Anti-government protests spread from Iraq to Iran on Friday.",      # two states: whose government?
    "Anti-government protests continued on Friday.",                     # no state named
    'Tom Hale was described as "gun-obsessed" in the report.',           # no "by" agent: nobody's words
    'The army dubbed the operation "Olive Branch".',                     # a name, not a label
    'Jane Lyle called the minister\'s budget a "fresh start".',          # a label VADER does not read as negative
    "The wife of Foreign Minister John Smith accused the police of lying.",  # a relative, not the office
])
def test_near_misses(world_rows, text):
    table = world_rows(text)
    assert parties(table, "criticism") == []
    assert "John Smith" not in set(table.blamer)
