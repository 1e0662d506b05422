"""Coverage of the denial family in general news English (issue 16, round 4): more denying verbs
("disputed", "is contesting the charges", "brushed off"), labels ("a smear", "fake news", "without
merit", "were fabricated", "trumped up"), a label licensing a legal accusation ("rejected the
charges as politically motivated"), and the party's own disclaimers (helpers.blame.cues.
disclaimers: "said it had not bombed", "was not involved in", "did not take responsibility").
Near misses: refusals ("denied a visa"), contests that are no blame ("contested the election"),
negated, hypothetical and conditional forms, a third party's words. Sentences written for these
tests in the style of news reports."""

from __future__ import annotations

import pytest


def denials(table):
    """(blamer, blamed) of the denial rows."""
    rows = table[table.cue_family == "denial"]
    return sorted((r.blamer, r.blamed) for r in rows.itertuples())


@pytest.mark.parametrize("text, blamer, denier", [
    ("Tom Hale rejected the charges as politically motivated.", "prosecutors", "Tom Hale"),
    ("Tom Hale is contesting the charges.", "prosecutors", "Tom Hale"),
    ("Acme Corp disputed the allegations.", "unstated", "Acme Corp"),
    ("Tom Hale brushed off the accusations.", "unstated", "Tom Hale"),
    ("Donald Trump called the accusations a smear.", "unstated", "Donald Trump"),
    ("The Kremlin dismissed the report as fake news.", "unstated", "Russia"),
    ("Tom Hale described the accusations as lies.", "unstated", "Tom Hale"),
    ("Tom Hale said the accusations were fabricated.", "unstated", "Tom Hale"),
    ("Tom Hale said the charges were trumped up.", "prosecutors", "Tom Hale"),
    ("Acme Corp said the allegations were without merit.", "unstated", "Acme Corp"),
    ("Acme Corp said the claims have no basis.", "unstated", "Acme Corp"),
    ("Tom Hale rejected accusations from the opposition that he had lied.", "opposition", "Tom Hale"),
])
def test_denying_verbs_and_labels(rows, text, blamer, denier):
    assert denials(rows(text)) == [(blamer, denier)]


@pytest.mark.parametrize("text, denier", [
    ("Russia said it had not bombed the hospital.", "Russia"),
    ("Tom Hale said he had not committed any crime.", "Tom Hale"),
    ("Tom Hale said he had broken no laws.", "Tom Hale"),
    ("Tom Hale said he never took a bribe.", "Tom Hale"),
    ("Israel said it was not involved in the attack.", "Israel"),
    ("Israel said it was not behind the attack.", "Israel"),
    ("Acme Corp has never accepted responsibility for the spill.", "Acme Corp"),
    ("Tom Hale denied he had broken the law.", "Tom Hale"),
])
def test_own_disclaimers(rows, text, denier):
    assert denials(rows(text)) == [("unstated", denier)]


@pytest.mark.parametrize("text", [
    "Tom Hale was denied a visa.",
    "The United States denied him the right to appeal.",
    "Tom Hale was denied access to a lawyer.",
    "Tom Hale contested the seat.",                            # an election, not an accusation
    "Russia disputed the election results.",
    "Tom Hale disputed the figures.",
    "Russia brushed off the snow.",
    "Tom Hale shrugged off an injury.",
    "Tom Hale dismissed the idea as absurd.",                  # no accusation
    "The court rejected the lawsuit.",                         # a court's act
    "If Russia denied the allegations, the talks would collapse.",  # a condition
    "Russia would dispute the allegations.",
    "Russia did not dispute the allegations.",
    "Russia said the report was not false.",
    "The allegations were made by the opposition, Tom Hale said.",  # "made", not "made up"
    "Sergei Lavrov said Syria had not used chemical weapons.",  # a third party's words
    "Sergei Lavrov said Syria was not involved in the attack.",
    "Tom Hale did not steal the money.",                       # the author's statement
    "Tom Hale said he had not been told of the attack.",       # no wrong of his denied
    "Israel said it was not behind the wheel.",
    "Israel said it would not accept responsibility.",         # hypothetical
    "No group has claimed responsibility for the attack.",
    "Israel did not claim responsibility for the attack.",     # an unclaimed attack is no denial
    "Critics said Acme Corp did not take responsibility for the spill.",  # the critics' blame
])
def test_near_misses(rows, text):
    assert denials(rows(text)) == []


@pytest.mark.parametrize("text", [
    "Israel said it hoped it was not involved in the attack.",  # a wish, not a denial
    "Israel said it had found no trace of explosives.",         # the object names no wrong
    "Tom Hale said he had no memory of the attack.",
])
def test_own_disclaimer_near_misses(rows, text):
    assert denials(rows(text)) == []
