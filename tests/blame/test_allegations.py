"""Accusations made by claiming and alleging (helpers.blame.cues.allegations): a claim verb whose
clause states an actor's wrong, and allegation nouns stating one, are accusation rows blaming the
wrong's agent; the claimant is the blamer (``unstated`` when none). Near misses (neutral claims,
harmful acts of the agency family, claimed responsibility, negation, modals, questions, denied or
withdrawn allegations) give no accusation row. Sentences written for these tests in the style of
news reports."""

from __future__ import annotations

import pytest


def accusations(table):
    """(blamer, blamed, cue) of the accusation rows."""
    rows = table[table.cue_family == "accusation"]
    return sorted((r.blamer, r.blamed, r.cue) for r in rows.itertuples())


@pytest.mark.parametrize("text, blamer, blamed, cue", [
    ("Opposition leader Nelson Chamisa claimed the ruling ZANU-PF party had rigged the vote.",
     "Nelson Chamisa", "ZANU-PF party", "claimed"),
    ("Mayor Tom Hale said Brightway Builders had lied to the council about the asbestos.",
     "Tom Hale", "Brightway Builders", "said"),
    ("Mayor Tom Hale told reporters that Brightway Builders had concealed the test results.",
     "Tom Hale", "Brightway Builders", "told"),
    ("Mayor Tom Hale insisted Brightway Builders won the contract through bribery.",
     "Tom Hale", "Brightway Builders", "insisted"),
])
def test_a_claimed_wrong_blames_its_agent(rows, text, blamer, blamed, cue):
    t = rows(text)
    assert accusations(t) == [(blamer, blamed, cue)]
    r = t[t.cue_family == "accusation"].iloc[0]
    assert (r.kind, r.attribution) == ("explicit", "reported")


def test_the_agent_of_a_passive_clause_is_blamed(rows):
    t = rows("Mayor Tom Hale claimed the tender had been manipulated by Brightway Builders.")
    assert accusations(t) == [("Tom Hale", "Brightway Builders", "claimed")]


def test_each_coordinated_claimant_blames_unnamed_ones_too(rows):
    t = rows("Nelson Chamisa and his supporters claimed Emmerson Mnangagwa only won the election due to fraud.")
    found = accusations(t)
    assert ("Nelson Chamisa", "Emmerson Mnangagwa", "claimed") in found
    assert ("supporters", "Emmerson Mnangagwa", "claimed") in found
    assert set(t[t.blamer == "supporters"].blamer_id) == {""}  # an unnamed party


def test_a_pronoun_in_the_clause_is_the_actor_it_refers_to(rows):
    t = rows("Brightway Builders won the contract in May. Mayor Tom Hale later claimed it had cheated.")
    assert ("Tom Hale", "Brightway Builders", "claimed") in accusations(t)


def test_an_agentless_claim_is_unstated(rows):
    t = rows("It was alleged that Brightway Builders had falsified its safety records.")
    assert accusations(t) == [("unstated", "Brightway Builders", "alleged")]


@pytest.mark.parametrize("text, blamer, blamed", [
    ("Nelson Chamisa's claims that Emmerson Mnangagwa had rigged the vote were widely reported.",
     "Nelson Chamisa", "Emmerson Mnangagwa"),
    ("Allegations of corruption by Brightway Builders surfaced in May.", "unstated", "Brightway Builders"),
    ("Despite Nelson Chamisa's allegations of widespread fraud, Emmerson Mnangagwa was sworn in as president.",
     "Nelson Chamisa", "Emmerson Mnangagwa"),
])
def test_an_allegation_noun_stating_a_wrong(rows, text, blamer, blamed):
    found = accusations(rows(text))
    assert [(b, d) for b, d, _ in found] == [(blamer, blamed)]


@pytest.mark.parametrize("text", [
    # a neutral claim: no wrong
    "Mayor Tom Hale claimed Brightway Builders had finished the bridge on time.",
    "Nelson Chamisa claimed he had won the election.",
    # a hiding that is no wrong (no object)
    "Mayor Tom Hale said Brightway Builders had hidden from the press for days.",
    # claimed responsibility is an admission
    "The Free Valley Front claimed responsibility for the fraud.",
    # negation, modals, questions
    "Mayor Tom Hale did not claim that Brightway Builders had lied.",
    "Mayor Tom Hale said Brightway Builders had not lied.",
    "Mayor Tom Hale said Brightway Builders would cheat if it could.",
    "Did Mayor Tom Hale claim that Brightway Builders had lied?",
    "Mayor Tom Hale said there was no fraud by Brightway Builders.",
    # a denied or withdrawn allegation: the denial family's, or none
    "Mayor Tom Hale withdrew his allegations of fraud by Brightway Builders.",
    # no actor did the wrong
    "Mayor Tom Hale claimed the vote had been rigged.",
])
def test_near_misses_give_no_claimed_accusation(rows, text):
    t = rows(text)
    assert not any(c in ("claimed", "claim", "said", "allegations", "claims") for _, _, c in accusations(t)), \
        accusations(t)


def test_a_claimed_harmful_act_stays_agency(rows):
    t = rows("Mayor Tom Hale said Brightway Builders had poisoned the river.")
    assert set(t.cue_family) == {"agency"}
