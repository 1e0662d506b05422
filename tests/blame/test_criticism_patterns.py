"""General criticism patterns (issue 16, round 3; helpers.blame.cues.criticism, stance and
quoted_criticism): who a critic is ("X is an outspoken critic of Y", "more of a critic of",
"Y's critics"), labels the parser attaches to a possessed object ("called Y's decision 'a
betrayal'", "described Y's remarks as racist"), an extraposed "it is ... that" clause, and the
precision rules: a named person is judged, not the state describing him; a victim's fate blames
its doer, never the victim; a quoted label that praises is no criticism; "obstruction of X" does
not blame X. Sentences written for these tests in the style of news reports."""

from __future__ import annotations

import pytest


def criticism(table):
    """(blamer, blamed, cue) of the rows of the criticism family."""
    rows = table[table.cue_family == "criticism"]
    return sorted((r.blamer, r.blamed, r.cue) for r in rows.itertuples())


@pytest.mark.parametrize("text, expected", [
    # the critic is the copula's subject or the apposition's head, never the word "critic"
    ("Jane Lyle is an outspoken critic of Tom Hale.", [("Jane Lyle", "Tom Hale", "critic")]),
    ("Jane Lyle was always more of a critic of Tom Hale than her rivals.", [("Jane Lyle", "Tom Hale", "critic")]),
    ("Jane Lyle, who is a vocal critic of Tom Hale, spoke on Monday.", [("Jane Lyle", "Tom Hale", "critic")]),
    ("Jane Lyle, a longtime opponent of Tom Hale, won the seat.", [("Jane Lyle", "Tom Hale", "opponent")]),
    ("Tom Hale's critics say the plan will fail.", [("critics", "Tom Hale", "critics")]),
    # a named person is judged, not the state whose title describes him
    ("Jane Lyle is a fierce critic of Syrian President Bashar al-Assad.",
     [("Jane Lyle", "Bashar al-Assad", "critic")]),
    # labels attached by the parser to the possessed object
    ('Jane Lyle called Tom Hale\'s decision "a betrayal".', [("Jane Lyle", "Tom Hale", "betrayal")]),
    ("Jane Lyle described Tom Hale's remarks as racist.", [("Jane Lyle", "Tom Hale", "racist")]),
    ('The Workers Union called Acme Corp\'s offer "an insult to every worker".',
     [("Workers Union", "Acme Corp", "insult")]),
    # "it is ... that": the clause's subject is judged
    ('Jane Lyle said it was "unacceptable" that Tom Hale had closed the clinic.',
     [("Jane Lyle", "Tom Hale", "unacceptable")]),
    ('"It is a disgrace that Acme Corp closed the clinic," Jane Lyle said.',
     [("Jane Lyle", "Acme Corp", "disgrace")]),
    # a victim's fate judged: its doer is blamed
    ("Jane Lyle said the killing of Tom Hale by Acme Corp guards was unacceptable.",
     [("Jane Lyle", "Acme Corp", "unacceptable")]),
])
def test_criticism_patterns(rows, text, expected):
    assert criticism(rows(text)) == expected


@pytest.mark.parametrize("text", [
    '"Tom Hale\'s murder is unacceptable," said Jane Lyle.',            # the victim's fate: not his fault
    "Jane Lyle said Tom Hale's death was a disgrace.",                   # the same
    "Jane Lyle is no critic of Tom Hale.",                               # negated
    "Jane Lyle was not a critic of Tom Hale.",                           # negated copula
    "Jane Lyle said it was outrageous that Tom Hale was attacked.",      # the clause's subject is the victim
    "Jane Lyle said it would be a disaster if Tom Hale closed the clinic.",  # hypothetical
    "Jane Lyle called Tom Hale's decision, a disaster for farmers, a step forward.",  # a true apposition
    'Jane Lyle described Tom Hale as "a true friend of science".',       # a quoted label that praises
    "Jane Lyle described Tom Hale's plan to the committee.",             # no label
    "Tom Hale's opponent in the race, Jane Lyle, conceded on Friday.",  # a rival, not a critic
    "The House charged Tom Hale with obstruction of the Senate.",        # the Senate is the one obstructed
])
def test_near_misses_give_no_criticism_row(rows, text):
    assert criticism(rows(text)) == []
