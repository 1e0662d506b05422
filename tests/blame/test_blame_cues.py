"""The cue kinds (helpers.blame.cues): explicit, agency and criticism on real snippets."""

from __future__ import annotations

import pytest

from tests.blame.conftest import triples


def test_explicit_blame_on_frame_takes_the_on_object_as_target(rows):
    t = rows("The air strike on the convoy, which Washington blamed on Russian and Syrian Air Force, was a disaster.")
    assert ("United States", "Russia", "explicit", "reported") in triples(t)
    assert ("United States", "Syrian Arab Air Force", "explicit", "reported") in triples(t)
    assert all("convoy" not in b for b in t.blamed)
    assert set(t.issue) == {"The air strike on the convoy"}  # the relative pronoun's antecedent, not "which"


@pytest.mark.parametrize("text, issue", [
    # the parser attaches the clause to "Aleppo": the issue is the act the phrase is about
    ("The air strike on the UN humanitarian convoy near Aleppo, which Washington blamed on Russian and Syrian "
     "Air Force, could well be the death knell on the U.S.-Russia agreement.",
     "The air strike on the UN humanitarian convoy near Aleppo"),
    # an act noun stops the climb: not "response to a deadly poison gas attack ..."
    ("The United States launched cruise missiles at a Syrian air base in response to a deadly poison gas attack "
     "that the West blames on Syrian President Bashar al-Assad.", "a deadly poison gas attack"),
    # a criticism noun's "of" phrase; a criticism verb's object through its conjoined verb
    ("The Geneva agreement amounted to a wholesale capitulation of the U.S. policy in Syria.",
     "the U.S. policy in Syria"),
    ("The Russian reaction was to overdramatize and distort a typical friendly-fire incident.",
     "a typical friendly-fire incident"),
])
def test_issue_is_what_the_blame_is_for(rows, text, issue):
    assert issue in set(rows(text).issue)


def test_issue_agreement_is_lenient_on_boundaries_only():
    from helpers.evaluation import issue_agrees

    assert issue_agrees("the CoH's ultimate collapse", "the collapse of the CoH")
    assert issue_agrees("", "") and issue_agrees("", "it")  # no content word on either side
    assert not issue_agrees("the convoy", "which") and not issue_agrees("the air strike", "the ceasefire talks")


def test_responsibility_and_agency_by_the_author(rows):
    t = rows("But the Assad regime bears the brunt of the responsibility for the collapse of the truce.")
    assert ("author", "Syrian government", "explicit", "author") in triples(t)
    assert t.issue.iloc[0] == "the collapse of the truce"
    t = rows("Russian jets struck the convoy near Aleppo on Monday.")
    assert ("author", "Russia", "agency", "author") in triples(t)


def test_no_blame_in_neutral_or_negated_sentences(rows):
    assert rows("Russia and the United States met in Geneva to discuss the ceasefire.").empty
    assert rows("Washington did not blame Moscow for the delay.").empty


def test_criticism_of_conduct(rows):
    t = rows("Assad had all the incentives to torpedo the ceasefire.")
    assert ("author", "Bashar al-Assad", "criticism", "author") in triples(t)


def test_characterisation_as_a_wrong_is_criticism_by_the_speaker(rows):
    t = rows("Turkey named both the Kurdistan Workers' Party (PKK) and the YPG as terrorists.")
    assert {(r.blamer, r.blamed_root, r.kind) for r in t.itertuples()} >= {("Turkey", "Kurdish forces", "criticism")}
    assert rows("Turkey described the Kurdish-led forces as partners in the talks.").empty


def test_uncatalogued_name_before_an_act_noun_is_not_its_agent(rows):
    # a weapon's name (or a byline, a place) stands where "Russian" stands in "Russian airstrikes"
    assert rows("Sources told Rudaw that Katyusha rockets were fired at the base.").empty
    t = rows("Jaysh al-Islam shelling killed three people in Damascus.")
    assert ("author", "Jaish al-Islam", "agency", "author") in triples(t)
