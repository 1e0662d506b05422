"""Attribution (helpers.blame.attribution): whose word a blame is, and the author's stance on it."""

from __future__ import annotations

from tests.blame.conftest import triples


def test_reported_blame_and_the_authors_rejection(rows):
    t = rows("The U.S.-led Coalition has flown missions since 2014. There were no grounds to assert, as Moscow "
             "rushed to do, that the Coalition planes deliberately targeted the Syrian Army positions.")
    r = t[t.blamed_root == "United States"].iloc[0]
    assert (r.blamer, r.attribution, r.stance) == ("Russia", "reported", "rejected")


def test_passive_accusation_and_denial(rows):
    t = rows("Israel was accused by Lebanon of violating the ceasefire.")
    assert ("Lebanon", "Israel", "explicit", "reported") in triples(t)
    t = rows("Russia denied that its jets struck the hospital.")
    assert t.empty or t.denied.all()


def test_blame_inside_a_quotation_is_its_speakers(rows):
    # the quotation closes in a later sentence, where its speaker is named ("...", X said)
    t = rows('Russia blamed the rebels. "Government forces shelled the hospital in Aleppo on Monday. '
             'They also struck a school," the Syrian Observatory for Human Rights said.')
    shelled = t[t.cue == "shelled"]
    assert len(shelled) and set(shelled.attribution) == {"reported"}
    assert set(shelled.blamer_root) == {"Syrian Observatory for Human Rights"}
