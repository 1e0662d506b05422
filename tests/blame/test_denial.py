"""The denial family (helpers.blame.cues.denial): the blamed is the denier, the blamer the accuser
named in the accusation, else the institution a legal accusation implies, else ``unstated``;
``denied`` is true and ``responsible`` leaves denials out. Near misses ("denied entry", "was denied
bail", "rejected the bill", a third party's denial, a claim that is no blame) give no denial.
Sentences written for these tests in the style of news reports."""

from __future__ import annotations

import pytest

from helpers.blame import responsible


def denials(table):
    """(blamer, blamed, cue) of the denial rows."""
    rows = table[table.cue_family == "denial"]
    return sorted((r.blamer, r.blamed, r.cue) for r in rows.itertuples())


def test_an_unstated_accuser_is_no_author_and_no_words(rows):
    t = rows("Russia denied that its jets had bombed the convoy.")
    assert denials(t) == [("unstated", "Russia", "denied")]
    assert len(t) == 1  # the denied accusation ("its jets had bombed") is the issue, not a row
    r = t.iloc[0]
    assert (r.kind, r.attribution, bool(r.denied), bool(r.blamer_implicit)) == ("explicit", "reported", True, False)
    assert (r.blamer_id, r.blamer_text, r.blamer_start, r.blamer_end) == ("", "", -1, -1)  # unstated: no id
    assert (r.blamed_text, r.issue) == ("Russia", "its jets had bombed the convoy")


@pytest.mark.parametrize("text, accuser, denier, cue", [
    ("The Kremlin rejected Washington's accusation that Russian jets had struck the convoy.",
     "United States", "Russia", "rejected"),
    ("Russia dismissed US allegations of war crimes.", "United States", "Russia", "dismissed"),
    ("Acme Corp rejected claims by Greenpeace that it had polluted the river.", "Greenpeace", "Acme Corp", "rejected"),
])
def test_the_accuser_named_in_the_accusation_is_the_blamer(rows, text, accuser, denier, cue):
    t = rows(text)
    assert denials(t) == [(accuser, denier, cue)]
    assert list(t.denied) == [True] * len(t)


@pytest.mark.parametrize("text, denier, cue", [
    ("Tom Hale pleaded not guilty to fraud on Monday.", "Tom Hale", "pleaded not guilty"),
    ("Tom Hale denied the charges.", "Tom Hale", "denied"),
    ("Tom Hale, who denies the charges, will stand trial in May.", "Tom Hale", "denies"),
])
def test_a_legal_accusation_implies_prosecutors(rows, text, denier, cue):
    t = rows(text)
    assert denials(t) == [("prosecutors", denier, cue)]
    r = t[t.cue_family == "denial"].iloc[0]
    assert (r.blamer_id, bool(r.blamer_implicit), bool(r.denied)) == ("implicit:prosecutors", True, True)


def test_a_charge_the_relative_clause_denies(rows):
    t = rows("Prosecutors accuse Tom Hale of fraud, a charge he denies.")
    r = t[t.cue_family == "denial"]
    assert list(zip(r.blamer, r.blamed, r.blamed_text, r.issue)) == [("prosecutors", "Tom Hale", "he", "a charge")]


@pytest.mark.parametrize("text, denier, cue", [
    ("Damascus denied using chemical weapons in Douma.", "Syrian government", "denied"),
    ("Russia has categorically denied any involvement in the raids.", "Russia", "denied"),
    ("The Kremlin denied Moscow was involved.", "Russia", "denied"),
    ("Kremlin spokesman Dmitry Peskov denied that Russian aircraft had struck the hospital.", "Russia", "denied"),
    ("The Syrian government dismissed the allegations as baseless.", "Syrian government", "dismissed"),
    ("Acme Corp called the allegations baseless.", "Acme Corp", "called the allegations baseless"),
    ("Acme Corp maintained its innocence.", "Acme Corp", "maintained its innocence"),
    ("Tom Hale insisted on his innocence.", "Tom Hale", "insisted on his innocence"),
    ("Tom Hale insisted he had done nothing wrong.", "Tom Hale", "done nothing wrong"),
    ("Islamic State said it had nothing to do with the attack.", "Islamic State", "had nothing to do with"),
    ("Sergei Lavrov said Russia was not responsible for the strike.", "Russia", "responsible"),
])
def test_denials_without_a_named_accuser(rows, text, denier, cue):
    assert ("unstated", denier, cue) in denials(rows(text))


@pytest.mark.parametrize("text", [
    "Turkey was denied entry to the talks.",                    # refused something, not blame
    "Tom Hale was denied bail.",
    "The United States denied Russia a role in the talks.",
    "Russia denied access to the site.",
    "Russia rejected the bill.",
    "Vladimir Putin dismissed the minister.",
    "The judge dismissed the charges against Tom Hale.",        # a court's act, not a denial
    "Russia rejected Turkey's suggestion.",                     # a proposal, not an accusation
    "The Syrian government denied reports that the minister had resigned.",  # the claim is no blame
    "Turkey denied that the Kurdish militants were behind the attack.",     # a third party's blame
    "Russia rejected accusations that Syrian forces had used chemical weapons.",
    "Sergei Lavrov said the accusations against Syria were absurd.",
    "Russia did not deny bombing the convoy.",                  # negated
    "Tom Hale was innocent, the court found.",                  # a verdict, not a denial
    "Tom Hale was innocent.",
    "Sergei Lavrov said Syria was not responsible for the attack.",  # a third party's word
    "Tom Hale said he would plead not guilty.",                 # a plea to come, not made
])
def test_near_misses_give_no_denial(rows, text):
    assert denials(rows(text)) == []


def test_denials_do_not_make_the_denier_responsible(rows, catalog):
    t = rows("Russia denied that its jets had bombed the convoy. Russia denied the charges.")
    assert len(t) == 2 and t.denied.all()
    assert responsible(t, ["t"], catalog).responsible.tolist() == [""]


# ----- issue 16, error analysis: a lawyer denies for the client, a denial in the passive ---------
@pytest.mark.parametrize("text", [
    "Rosa Lind's lawyer denied the charges.",
    "The charge was denied by Ana Ruiz, Rosa Lind's lawyer.",
    "A lawyer for Rosa Lind denied the charges.",
])
def test_a_lawyer_denies_for_the_client(rows, text):
    t = rows(text)
    t = t[t.cue_family == "denial"]
    assert set(zip(t.blamer, t.blamed)) == {("prosecutors", "Rosa Lind")} and t.denied.all()


@pytest.mark.parametrize("text", [
    "The allegations were denied.",  # no denier named
    "Rosa Lind was denied bail.",  # a legal step, no accusation denied
    "The charges against Tom Hale were denied by Rosa Lind's lawyer.",  # another actor's charges
])
def test_passive_near_misses_give_no_denial_row(rows, text):
    t = rows(text)
    assert t[t.cue_family == "denial"].empty
