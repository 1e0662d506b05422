"""The admission family (helpers.blame.cues.admission): the blamed blames itself, blamer = blamed,
kind explicit, reported; near misses, negation, refusals and hypotheticals give no admission.
Sentences written for these tests in the style of news reports."""

from __future__ import annotations

import pytest


def admissions(table):
    """(blamer, blamed, cue) of the admission rows."""
    rows = table[table.cue_family == "admission"]
    return sorted((r.blamer, r.blamed, r.cue) for r in rows.itertuples())


@pytest.mark.parametrize("text, actor, cue, issue_word", [
    ("Islamic State claimed responsibility for the bombing in Damascus.",
     "Islamic State", "claimed responsibility", "bombing"),
    ("Russia accepted responsibility for the strike on the aid convoy.", "Russia", "accepted responsibility", "strike"),
    ("Acme Corp pleaded guilty to dumping waste into the river.", "Acme Corp", "pleaded guilty", "waste"),
    ("Acme Corp has acknowledged that its software was faulty.", "Acme Corp", "acknowledged", "software"),
    ("The Syrian government apologised for the failures.", "Syrian government", "apologised", "failures"),
    ("Acme Corp apologised to the families for the delays.", "Acme Corp", "apologised", "delays"),
    ("Acme Corp issued an apology for the delays.", "Acme Corp", "apology", "delays"),
    ("Tom Hale admitted to taking bribes from a builder.", "Tom Hale", "admitted", "bribes"),
    ("The United States acknowledged that its airstrike had killed civilians.", "United States", "acknowledged",
     "civilians"),
])
def test_an_admission_is_one_row_blaming_the_admitter(rows, text, actor, cue, issue_word):
    t = rows(text)
    assert admissions(t) == [(actor, actor, cue)]
    r = t[t.cue_family == "admission"].iloc[0]
    assert (r.kind, r.attribution, bool(r.denied), bool(r.blamer_implicit)) == ("explicit", "reported", False, False)
    assert r.blamer_id == r.blamed_id and r.blamer_text == r.blamed_text and r.blamer_start == r.blamed_start >= 0
    assert issue_word in r.issue


def test_a_pronoun_admits_for_the_actor_it_refers_to(rows):
    t = rows("Tom Hale resigned on Friday. He admitted taking the money.")
    assert admissions(t) == [("Tom Hale", "Tom Hale", "admitted")]
    r = t[t.cue_family == "admission"].iloc[0]
    assert (r.blamed_text, r.issue) == ("He", "taking the money")


def test_a_spokesperson_admits_for_the_organisation(rows):
    t = rows("A Kremlin spokesman admitted that Russian jets had struck the convoy.")
    assert admissions(t) == [("Russia", "Russia", "admitted")]


def test_the_admitted_act_is_the_issue_not_a_second_row(rows):
    t = rows("Russia admitted that its jets had bombed the convoy.")
    assert admissions(t) == [("Russia", "Russia", "admitted")]
    assert len(t) == 1 and "bombed the convoy" in t.issue.iloc[0]


def test_responsibility_in_the_bearers_own_words(rows):
    t = rows('Russia said: "We bear full responsibility for the strike."')
    assert admissions(t) == [("Russia", "Russia", "bear full responsibility")]
    # the author's "bears responsibility" stays an accusation, by the author
    t = rows("Russia bears full responsibility for the strike on the convoy.")
    assert admissions(t) == [] and list(zip(t.blamer, t.blamed)) == [("author", "Russia")]


@pytest.mark.parametrize("text, cue", [
    ('"We made mistakes," Russian Foreign Minister Sergei Lavrov said.', "We made mistakes"),
    ('"I was wrong," Sergei Lavrov told reporters.', "I was wrong"),
    ('"We are responsible for this failure," Sergei Lavrov said.', "responsible"),
])
def test_a_fault_in_the_speakers_own_first_person_words(rows, text, cue):
    assert admissions(rows(text)) == [("Sergei Lavrov", "Sergei Lavrov", cue)]


@pytest.mark.parametrize("text", [
    "Tom Hale was admitted to hospital on Monday.",            # admitted as a patient
    "Tom Hale was admitted to the bar in 1998.",
    "Vladimir Putin acknowledged the crowd.",                   # acknowledging no wrong
    "Sergei Lavrov acknowledged that the talks would be difficult.",
    "Islamic State claimed victory in the battle.",             # a claim, not of responsibility
    "Russia did not admit any wrongdoing.",                     # negated
    "Russia refused to apologise for the strike.",              # refused
    "Russia declined to accept responsibility for the strike.",
    "Russia accepted no responsibility for the strike.",
    "Russia would never admit that its jets bombed the convoy.",  # hypothetical
    "Sergei Lavrov admitted that the Syrian army had made mistakes.",  # another actor's fault
    "Russia expressed regret over the deaths.",                 # regret without fault
    "Turkey demanded an apology from Russia.",                  # the demander admits nothing
    "Tom Hale admitted that he will probably lose the case.",   # a forecast, not an act
    "Vladimir Putin admitted that he was tired.",               # a state, not an act
    '"They made mistakes," Sergei Lavrov said.',                # someone else's fault
    '"We were not wrong," Sergei Lavrov told reporters.',
    "Islamic State said they were responsible for the attack.",  # third person: rests on two resolutions
])
def test_near_misses_give_no_admission(rows, text):
    assert admissions(rows(text)) == []


def test_a_not_guilty_plea_is_no_admission(rows):
    assert admissions(rows("Tom Hale pleaded not guilty to fraud on Monday.")) == []
    assert admissions(rows("Tom Hale did not plead guilty.")) == []
