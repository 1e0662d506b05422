"""Quoted and paraphrased criticism (helpers.blame.cues.quoted_criticism): an evaluation in a
speaker's words, a characterising label, a demand that an actor go and a protest against an actor
give a criticism row whose blamer is who says, labels, demands or protests (an unnamed speaker as
its own words); near misses (a thing without an owner, positive or negated words, hypotheticals,
questions, denials, the speaker's own resignation, a protest against a bill) give none. Sentences
written for these tests in the style of news reports."""

from __future__ import annotations

import pytest


def criticism(table):
    """(blamer, blamed, cue) of the rows of the criticism family."""
    rows = table[table.cue_family == "criticism"]
    return sorted((r.blamer, r.blamed, r.cue) for r in rows.itertuples())


@pytest.mark.parametrize("text, expected", [
    # a label given by a characterising verb, with or without "as", quoted or not
    ('Opposition leader Maria Lopez called Governor Tom Hale\'s budget "a betrayal of working families".',
     [("Maria Lopez", "Tom Hale", "betrayal")]),
    ("Senator Jane Lyle called Tom Hale a liar on Tuesday.", [("Jane Lyle", "Tom Hale", "liar")]),
    ("Jane Lyle described Tom Hale's handling of the floods as incompetent.",
     [("Jane Lyle", "Tom Hale", "incompetent")]),
    # a predicate in reported words, of the actor or of the actor's thing
    ("Maria Lopez said Governor Tom Hale had failed the victims.", [("Maria Lopez", "Tom Hale", "failed")]),
    ('"Tom Hale was a dictator. He was ruthless," said Ashton Bumhira.',
     [("Ashton Bumhira", "Tom Hale", "dictator"), ("Ashton Bumhira", "Tom Hale", "ruthless")]),
    ("Maria Lopez said Tom Hale's decision to close the clinic was disgraceful.",
     [("Maria Lopez", "Tom Hale", "disgraceful")]),
    ('"Tom Hale\'s council bungled the response," Maria Lopez said.', [("Maria Lopez", "Tom Hale", "bungled")]),
    # demands that an actor go
    ("Opposition leader Jane Lyle called for Tom Hale's resignation over the leak.",
     [("Jane Lyle", "Tom Hale", "resignation")]),
    ("Jane Lyle demanded that Tom Hale resign.", [("Jane Lyle", "Tom Hale", "resign")]),
])
def test_named_speakers_criticise(rows, text, expected):
    assert criticism(rows(text)) == expected


def test_the_row_is_of_the_criticism_kind_and_reported(rows):
    t = rows("Senator Jane Lyle called Tom Hale a liar on Tuesday.")
    r = t.iloc[0]
    assert (r.kind, r.cue_family, r.attribution, bool(r.denied)) == ("criticism", "criticism", "reported", False)
    assert (r.blamer_text, r.blamed_text, r.issue) == ("Senator Jane Lyle", "Tom Hale", "Tom Hale")


@pytest.mark.parametrize("text, blamer_text", [
    ("Critics say Mayor Tom Hale's plan is reckless.", "Critics"),
    ("Residents urged Mayor Tom Hale to step down.", "Residents"),
    ("Thousands protested against Mayor Tom Hale on Sunday.", "Thousands"),
])
def test_an_unnamed_speaker_is_the_blamer_not_the_author(rows, text, blamer_text):
    t = rows(text)
    assert list(t.blamed) == ["Tom Hale"]
    assert list(t.blamer_text) == [blamer_text]
    assert list(t.blamer_id) == [""] and "author" not in set(t.blamer)


def test_a_protest_against_an_actor_named_after_anti(rows):
    assert criticism(rows("Hundreds of people joined anti-Assad protests in Damascus.")) == [
        ("Hundreds", "Bashar al-Assad", "protests")]


@pytest.mark.parametrize("text", [
    "Jane Lyle said the storm was a disaster for the region.",           # no actor judged
    "Jane Lyle said Tom Hale was a brilliant mayor.",                     # praise
    "Jane Lyle said Tom Hale's decision was not reckless.",               # negated
    "Jane Lyle said Tom Hale would be a disaster as mayor.",              # hypothetical
    "Jane Lyle denied that Tom Hale's plan was reckless.",                # the speaker withholds it
    "Jane Lyle did not say that Tom Hale was incompetent.",               # negated report
    "Was Tom Hale's plan reckless, asked Jane Lyle?",                     # a question
    "Tom Hale announced his resignation on Monday.",                      # his own resignation
    "Tom Hale said he would resign if the budget failed.",                # no demand
    "Thousands protested against the extradition bill on Sunday.",        # a thing with no owner
    "Jane Lyle called Tom Hale a friend of the city.",                    # a neutral label
    "Tom Hale's plan was cruel and divisive.",                            # no speaker: no row for these words
])
def test_near_misses_give_no_criticism_row(rows, text):
    assert criticism(rows(text)) == []


def test_a_speaker_judging_himself_gives_no_row(rows):
    assert criticism(rows('"I was incompetent and careless," Tom Hale said.')) == []


def test_cover_criticises_only_a_cover_up(rows):
    assert criticism(rows("Acme Corp covered up the leak for two years.")) == [("author", "Acme Corp", "covered")]
    assert criticism(rows("The Daily Herald covered the story on its front page.")) == []
