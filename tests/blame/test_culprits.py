"""Accusations that name a culprit in the general ways news reports them (issue 16, round 4):
"Y was behind the attack", "Y is to blame", "pointed the finger at Y", "bore the hallmarks of Y",
"linked Y to the attack" (helpers.blame.cues.culprits); "is suspected of", a headline's "Y accused
of", a participle "Y, accused of ...", "blamed C on B" with "on B" hung on C, "held the X Party
responsible" (helpers.blame.cues.explicit); claims of arming and of wrongful acts
(helpers.blame.cues.allegations). Near misses must give no accusation row. Sentences written for
these tests in the style of news reports."""

from __future__ import annotations

import pytest

from tests.blame.test_allegations import accusations


@pytest.mark.parametrize("text, blamer, blamed, cue", [
    ("Iraqi officials said the Islamic State group was behind the suicide bombing in Baghdad.",
     "Iraq", "Islamic State", "behind"),
    ("Islamic State is believed to be behind the attack.", "unstated", "Islamic State", "behind"),
    ("The Pentagon said the Taliban were to blame for the ambush.", "U.S. Department of Defense", "Taliban", "blame"),
    ("Senator Marco Rubio pointed the finger at the Wagner Group.", "Marco Rubio", "Wagner Group", "pointed"),
    ("Foreign Minister Jean-Yves Le Drian said the attack bore all the hallmarks of an Islamic State operation.",
     "Jean-Yves Le Drian", "Islamic State", "hallmarks"),
    ("Investigators linked the Wagner Group to the attack.", "investigators", "Wagner Group", "linked"),
    ("Omar Said has been linked to the bombing by detectives.", "police", "Omar Said", "linked"),
    ("Police said Omar Said was involved in the bombing.", "police", "Omar Said", "involved"),
    ("Prosecutors said the Wagner Group was complicit in the massacre.", "prosecutors", "Wagner Group", "complicit"),
    ("Senator Marco Rubio said the Wagner Group had a hand in the attack.", "Marco Rubio", "Wagner Group", "had"),
    ("The blame lies with the Wagner Group, Senator Marco Rubio said.", "Marco Rubio", "Wagner Group", "blame"),
    ("Senator Marco Rubio put the blame for the bombing on Hamas.", "Marco Rubio", "Hamas", "blame"),
])
def test_a_culprit_named_without_a_blame_verb(rows, text, blamer, blamed, cue):
    found = accusations(rows(text))
    assert [(b, t, c) for b, t, c in found if c == cue] == [(blamer, blamed, cue)]


@pytest.mark.parametrize("text, blamer, blamed, cue", [
    ("General Ratko Mladic is suspected of ordering the massacre.", "unstated", "Ratko Mladic", "suspected"),
    ("Former police chief Ahmed Ali accused of taking bribes.", "unstated", "Ahmed Ali", "accused"),
    ("Ahmed Ali, accused of taking bribes, resigned on Monday.", "unstated", "Ahmed Ali", "accused"),
    ("Omar Said stands accused of fraud.", "unstated", "Omar Said", "accused"),
    ("Exxon blamed for Alaska oil spill.", "unstated", "Exxon", "blamed"),
    ("Former minister Ahmed Ali implicated in bribery scandal.", "unstated", "Ahmed Ali", "implicated"),
    ("Christine Blasey Ford, Brett Kavanaugh's accuser, testified on Thursday.",
     "Christine Blasey Ford", "Brett Kavanaugh", "accuser"),
    ("President Nicolas Maduro blamed the violence on Colombia.", "Nicolas Maduro", "Colombia", "blamed"),
    ("Prime Minister Imran Khan held the Pakistan Peoples Party responsible for the riots.",
     "Imran Khan", "Peoples Party", "responsible"),
])
def test_accusation_verbs_in_reduced_or_misparsed_frames(rows, text, blamer, blamed, cue):
    assert (blamer, blamed, cue) in accusations(rows(text))


@pytest.mark.parametrize("text, blamer, blamed, cue", [
    ("Saudi Arabia claimed Iran had sent drones to the Houthis.", "Saudi Arabia", "Iran", "claimed"),
    ("Israel said Iran had smuggled rockets into Gaza.", "Israel", "Iran", "said"),
    ("Auditors said Brightway Builders had illegally diverted the funds.",
     "Auditors", "Brightway Builders", "said"),
    ("Senator Marco Rubio claimed Russia had interfered in the election.", "Marco Rubio", "Russia", "claimed"),
])
def test_a_claim_of_arming_or_of_a_wrongful_act(rows, text, blamer, blamed, cue):
    assert accusations(rows(text)) == [(blamer, blamed, cue)]


@pytest.mark.parametrize("text", [
    "The ministry denied that the Kurdish militia YPG was behind the attack.",
    "It remains unclear whether the Taliban were behind the bombing.",
    "The Taliban could be behind the attack, analysts said.",
    "Critics say Acme Developers is not to blame for the flooding.",
    "Would the Taliban be to blame for the ambush?",
    "Mayor Joan Pratt was behind schedule.",
    "Omar Said spent six years behind bars.",
    "Police said the fire was linked to a faulty cable.",
    "Militants linked to al-Qaeda seized the town of Kidal.",
    "The Kremlin did not point the finger at the Wagner Group.",
    "Saudi Arabia said Iran had sent aid to Yemen.",
    "The prosecutor said Brightway Builders had diverted the funds.",
    "The opposition leader Nelson Chamisa claimed victory in the election.",
    "The countries involved in the peace talks met in Geneva.",
    "Omar Said was not involved in the bombing, police said.",
    "Hamas played a role in the ceasefire talks.",
    "Senator Marco Rubio put the blame on the weather.",
    "Omar Said stands next to the bombing site.",
    "Officials blamed on Monday.",
])
def test_near_misses_give_no_accusation(rows, text):
    assert accusations(rows(text)) == []
