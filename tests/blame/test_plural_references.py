"""Plural references in blame (helpers.blame.groups through BlameDoc.refs) on news-style sentences
written for these tests: "they", "the two men", "both parents", "the couple" and a family name in
the plural after several people were named give one row per person, with the words of the
sentence; the near misses (an indefinite "two men", a pair of another size, a group the pronoun
cannot be, a place after a comma) give no such rows."""

from __future__ import annotations

import pytest


def blamed(table, family):
    rows = table[(table.cue_family == family) & (table.cue != "arrested")]
    return {(r.blamed, r.blamed_text) for r in rows.itertuples()}


@pytest.mark.parametrize("text, family, words", [
    ("Mark Ellis and Tom Reyes appeared in court on Monday. They were charged with fraud.", "legal", "They"),
    ("Police arrested Mark Ellis and Tom Reyes on Friday. Both men were charged with embezzlement.",
     "legal", "Both men"),
    ("Mark Ellis and Tom Reyes ran the fund for a decade. The two men were charged with fraud in May.",
     "legal", "The two men"),
    ("Mark Ellis and Tom Reyes ran the fund for a decade. The pair were charged with fraud in May.",
     "legal", "The pair"),
])
def test_a_plural_reference_gives_one_row_per_member(rows, text, family, words):
    assert blamed(rows(text), family) == {("Mark Ellis", words), ("Tom Reyes", words)}


def test_a_pronoun_after_a_plural_description_reaches_the_group(rows):
    table = rows("Police arrested Mark Ellis and Tom Reyes on Friday. The two men were charged with fraud. "
                 "A judge later convicted them.")
    convicted = table[table.cue == "convicted"]
    assert set(convicted.blamed) == {"Mark Ellis", "Tom Reyes"}
    assert set(convicted.blamed_text) == {"them"}


def test_a_family_name_in_the_plural_is_each_bearer(rows):
    table = rows("A judge sentenced Carla Mendes and Paulo Mendes to ten years in prison on Monday. "
                 "The Mendeses had defrauded hundreds of pensioners, prosecutors said.")
    assert {"Carla Mendes", "Paulo Mendes"} <= set(table[table.blamed_text == "Mendeses"].blamed)


def test_an_admission_of_a_group_is_each_member_s_own(rows):
    table = rows("Mark Ellis and Tom Reyes ran the fund for a decade. They pleaded guilty to fraud last week.")
    admissions = table[table.cue_family == "admission"]
    assert {(r.blamer, r.blamed) for r in admissions.itertuples()} == {("Mark Ellis", "Mark Ellis"),
                                                                       ("Tom Reyes", "Tom Reyes")}


@pytest.mark.parametrize("text", [
    # an indefinite description names new people
    "Mark Ellis and Tom Reyes ran the fund. Police later arrested two men in Leeds.",
    # a description of another size
    "Mark Ellis and Tom Reyes ran the fund. The three men were charged with fraud.",
    # a group of people is not "the two companies"
    "Mark Ellis and Tom Reyes ran the fund. The two companies were charged with fraud.",
    # people named three sentences before a pronoun
    "Mark Ellis and Tom Reyes ran the fund. It grew fast. Investors poured in. Returns fell. "
    "They were charged with fraud.",
])
def test_no_group_row(rows, text):
    table = rows(text)
    assert not {"Mark Ellis", "Tom Reyes"} & set(table[table.cue_family == "legal"].blamed)


def test_a_group_is_not_the_object_of_its_own_verb(rows):
    table = rows("Mark Ellis and Tom Reyes blamed them for the losses.")
    assert not {("Mark Ellis", "Tom Reyes"), ("Tom Reyes", "Mark Ellis")} & {
        (r.blamer, r.blamed) for r in table.itertuples()}
