"""Criticism stated without quotes (helpers.blame.cues.stance): stance predicates ("critical of",
"disappointed by"), expressed stance nouns, "referred to ... as", critics of an actor, criticism
undergone ("came under fire from") and disfavour ("was unpopular for") give a criticism row whose
blamer is the party taking the stance; near misses (no actor target, praise, negation, modals,
questions, a thing without an owner) give none. Sentences written for these tests in the style of
news reports."""

from __future__ import annotations

import pytest


def criticism(table):
    """(blamer, blamed, cue) of the rows of the criticism family."""
    rows = table[table.cue_family == "criticism"]
    return sorted((r.blamer, r.blamed, r.cue) for r in rows.itertuples())


@pytest.mark.parametrize("text, expected", [
    # stance predicates: the subject criticises the actor (or the owner of the thing) named
    ("Jane Lyle has been critical of Tom Hale for months.", [("Jane Lyle", "Tom Hale", "critical")]),
    ("Jane Lyle said she was disappointed by Tom Hale's decision to close the clinic.",
     [("Jane Lyle", "Tom Hale", "disappointed")]),
    ("Residents were angered by Acme Corp's plan to build a landfill.", [("Residents", "Acme Corp", "angered")]),
    # a stance noun expressed
    ("The Workers Union expressed disappointment with Acme Corp on Tuesday.",
     [("Workers Union", "Acme Corp", "disappointment")]),
    # a label given by "refer to ... as"
    ("Jane Lyle referred to Tom Hale's budget as a disaster.", [("Jane Lyle", "Tom Hale", "disaster")]),
    ('Jane Lyle criticised Acme Corp\'s offer, which Tom Hale has referred to as "a stunt".',
     [("Jane Lyle", "Acme Corp", "criticised"), ("Tom Hale", "Acme Corp", "stunt")]),
    # critics of an actor
    ("Critics of Tom Hale say the plan will raise taxes.", [("Critics", "Tom Hale", "Critics")]),
    ("Jane Lyle, a longtime critic of Tom Hale, won the seat.", [("Jane Lyle", "Tom Hale", "critic")]),
    # criticism undergone
    ("Tom Hale came under fire from Jane Lyle over the delays.", [("Jane Lyle", "Tom Hale", "fire")]),
    # disfavour
    ("Tom Hale was unpopular for his lavish spending.", [("author", "Tom Hale", "unpopular")]),
])
def test_stances_criticise(rows, text, expected):
    assert criticism(rows(text)) == expected


def test_the_row_is_of_the_criticism_kind(rows):
    r = rows("Jane Lyle has been critical of Tom Hale for months.").iloc[0]
    assert (r.kind, r.cue_family, bool(r.denied)) == ("criticism", "criticism", False)
    assert (r.blamer_text, r.blamed_text) == ("Jane Lyle", "Tom Hale")


def test_criticism_undergone_with_no_critic_named_is_unstated(rows):
    t = rows("Tom Hale came under fire over the delays.")
    t = t[t.cue_family == "criticism"]
    assert list(t.blamed) == ["Tom Hale"] and list(t.blamer) == ["unstated"]


@pytest.mark.parametrize("text", [
    "Jane Lyle was disappointed by the result of the vote.",          # a thing with no owner
    "Jane Lyle was not critical of Tom Hale.",                          # negated
    "Jane Lyle would be critical of Tom Hale if he raised taxes.",      # hypothetical
    "Was Jane Lyle critical of Tom Hale?",                              # a question
    "The vote is a critical moment for Tom Hale.",                      # "critical" without a stance
    "Jane Lyle referred to Tom Hale as her mentor.",                    # a neutral label
    "Jane Lyle referred to Tom Hale's report in her speech.",           # no label
    "Tom Hale was popular for his lavish spending.",                    # favour
    "Tom Hale's decision disappointed the fans.",                       # the thing disappoints: no party's stance named
    "Critics of the extradition bill marched on Sunday.",              # a thing with no owner
])
def test_near_misses_give_no_stance_row(rows, text):
    assert criticism(rows(text)) == []
