"""No blame where a news reader sees none (issue 16, precision on ordinary news): the victim of a
murder is not its agent, a rocket launched into space harms no one, a duty is not a fault, a word
inside a name is no cue. News-style sentences written for these tests; each near miss beside a
sentence that must still give its row."""

from __future__ import annotations


def _pairs(table, family=None):
    t = table if family is None else table[table.cue_family == family]
    return set(zip(t.blamer, t.blamed))


def test_the_possessor_of_a_murder_is_its_victim(rows):
    t = rows("Amina Yusuf, a radio presenter, was found dead in 2019. Her brother, Kareem Yusuf, was "
             "sentenced on Friday to life in prison for her murder.")
    assert "Amina Yusuf" not in set(t.blamed)
    near = rows("Russia's airstrikes killed 12 civilians in Idlib on Sunday.")
    assert any(b == "Russia" for _, b in _pairs(near, "agency"))
    agent = rows("The talks collapsed after Russia's killing of a rebel commander in Idlib.")
    assert any(b == "Russia" for _, b in _pairs(agent, "agency"))


def test_a_rocket_is_an_act_only_where_it_is_used_to_harm(rows):
    t = rows("Last year, SpaceX tested its Falcon Heavy rocket by launching a car into space.")
    assert t.empty
    near = rows("Russian jets fired rockets at the market, killing nine people.")
    assert not near[near.cue_family == "agency"].empty


def test_a_duty_is_not_a_fault(rows):
    t = rows("Red Hat discussed the plan with the Governing Board, which is responsible for the "
             "oversight of the project.")
    assert t.empty
    near = rows("Investigators said the Syrian government was responsible for the attack on the convoy.")
    assert not near[near.cue_family == "accusation"].empty or not near[near.kind == "explicit"].empty


def test_a_word_inside_a_name_is_no_cue(rows, nlp):
    text = "Thousands joined the Capitol Hill Occupied Protests in Seattle last summer."
    assert "Capitol Hill Occupied Protests" in {e.text.removeprefix("the ") for e in nlp(text).ents}
    assert not (rows(text).cue == "Occupied").any()
