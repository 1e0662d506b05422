"""The legal cue family (helpers.blame.cues.legal) on news-style sentences written for these tests:
who takes the step (a named actor, an institution's common noun, or the institution an agentless
step implies), against whom, for what; and the near misses that give no legal row."""

from __future__ import annotations

import pytest

from helpers.blame.table import IMPLICIT

INSTITUTIONS = {"police", "prosecutors", "court", "investigators", "authorities", "legislature", "plaintiffs"}


def legal(table):
    return table[table.cue_family == "legal"]


def pairs(table):
    return {(r.blamer, r.blamed) for r in legal(table).itertuples()}


@pytest.mark.parametrize("text, blamed, institution, issue", [
    ("Mark Dunn, a former bank manager, was charged with embezzlement.", "Mark Dunn", "prosecutors", "embezzlement"),
    ("Mark Dunn was arrested on Tuesday.", "Mark Dunn", "police", ""),  # a date is no offence
    ("Mark Dunn was sentenced to six years in prison for fraud.", "Mark Dunn", "court", "fraud"),
    ("Mark Dunn was fined 5,000 euros for speeding.", "Mark Dunn", "authorities", "speeding"),
    ("Mark Dunn is being investigated for fraud.", "Mark Dunn", "investigators", "fraud"),
    ("Donald Trump was impeached for abuse of power.", "Donald Trump", "legislature", "abuse of power"),
    ("Northfield Chemicals was sued over the spill.", "Northfield Chemicals", "plaintiffs", "the spill"),
    ("Acme Corp was found guilty of dumping waste into the river.", "Acme Corp", "court",
     "dumping waste into the river"),
    ("Mark Dunn was taken into custody.", "Mark Dunn", "police", ""),
    ("Mark Dunn is wanted for murder.", "Mark Dunn", "police", "murder"),
    ("Mark Dunn was handed a two-year ban.", "Mark Dunn", "authorities", ""),
    ("An injunction against Northfield Chemicals was granted over the leak.", "Northfield Chemicals", "court",
     "the leak"),
    # future steps count (the guideline's decision), nouns with the blamed in their own slot too
    ("Mark Dunn faces trial next month.", "Mark Dunn", "prosecutors", ""),
    ("Mark Dunn is to be sentenced in May.", "Mark Dunn", "court", ""),
    ("Mark Dunn's arrest sparked protests in the city.", "Mark Dunn", "police", ""),
    ("Charges against Mark Dunn were filed on Friday.", "Mark Dunn", "prosecutors", ""),
])
def test_an_agentless_step_is_blamed_on_the_institution_it_implies(rows, text, blamed, institution, issue):
    t = legal(rows(text))
    assert len(t) == 1, t[["blamer", "blamed", "cue"]]
    r = t.iloc[0]
    assert (r.blamer, r.blamed, r.blamer_id) == (institution, blamed, IMPLICIT + institution)
    assert r.blamer_implicit and r.blamer_text == "" and r.blamer_start == -1
    assert (r.kind, r.attribution, r.issue) == ("explicit", "reported", issue)


@pytest.mark.parametrize("text, blamer, blamer_id, blamed", [
    ("The European Union imposed sanctions on Iran over its nuclear programme.", "European Union",
     "european_union", "Iran"),
    ("Iran issued arrest warrants for Donald Trump.", "Iran", "iran", "Donald Trump"),
    ("The United States hit Russia with sanctions over the poisoning.", "United States", "united_states", "Russia"),
    ("Residents sued Northfield Chemicals over the spill.", "Residents", "", "Northfield Chemicals"),
    ("Mark Dunn was arrested by border guards at the airport.", "border guards", "", "Mark Dunn"),
    ("Tom Hale filed a lawsuit against Northfield Chemicals over the leak.", "Tom Hale", "", "Northfield Chemicals"),
    ("Russian authorities have opened a criminal case against Alexei Navalny.", "Russia", "russia",
     "Alexei Navalny"),
    ("The Federal Trade Commission issued a restraining order against Northfield Chemicals.",
     "Federal Trade Commission", "", "Northfield Chemicals"),
])
def test_a_named_blamer_is_the_actor_taking_the_step(rows, text, blamer, blamer_id, blamed):
    t = legal(rows(text))
    assert pairs(t) == {(blamer, blamed)}
    assert t.iloc[0].blamer_id == blamer_id and not t.iloc[0].blamer_implicit
    assert text[t.iloc[0].blamer_start : t.iloc[0].blamer_end] in text


@pytest.mark.parametrize("text, institution, words", [
    ("Prosecutors charged Mark Dunn with embezzlement on Monday.", "prosecutors", "Prosecutors"),
    ("A jury later convicted Tom Hale of fraud.", "court", "jury"),
    ("A judge sentenced Mark Dunn to six years in prison for fraud.", "court", "judge"),
    ("Police placed Mark Dunn under house arrest.", "police", "Police"),
])
def test_an_institution_named_by_a_common_noun_takes_its_id_with_the_words(rows, text, institution, words):
    t = legal(rows(text))
    assert {r.blamer_id for r in t.itertuples()} == {IMPLICIT + institution}
    assert set(t.blamer_text) == {words}


def test_the_offence_is_the_issue_and_a_reporting_frame_does_not_replace_the_institution(rows):
    t = legal(rows("The ministry said Mark Dunn had been charged with spying."))
    assert pairs(t) == {("prosecutors", "Mark Dunn")} and list(t.issue) == ["spying"]


def test_two_steps_give_two_rows_and_several_targets_one_row_each(rows):
    t = legal(rows("Mark Dunn, a former bank manager, was arrested and charged with embezzlement."))
    assert pairs(t) == {("police", "Mark Dunn"), ("prosecutors", "Mark Dunn")}
    assert set(t.cue) == {"arrested", "charged"}
    t = legal(rows("Prosecutors charged Mark Dunn and Tom Hale with fraud."))
    assert pairs(t) == {("prosecutors", "Mark Dunn"), ("prosecutors", "Tom Hale")}


def test_a_named_member_of_an_unnamed_group_is_blamed(rows):
    assert pairs(rows("Police detained four men after the attack, including Omar Said.")) == {("police", "Omar Said")}
    assert pairs(rows("The EU imposed sanctions on three Belarusian officials, among them Igor Lenko.")) == {
        ("European Union", "Igor Lenko")}


def test_an_official_stands_for_the_state_but_a_relative_or_lawyer_not_for_the_person(rows):
    t = legal(rows("Pakistan's former prime minister was indicted by an anti-terrorism court."))
    assert pairs(t) == {("court", "Pakistan")} and set(t.blamer_text) == {"anti-terrorism court"}
    assert legal(rows("Tom Hale said police had arrested his lawyer.")).empty


def test_a_pronoun_is_blamed_as_its_actor_with_its_own_words(rows):
    text = "Mark Dunn, a former bank manager, appeared in court on Monday. He was charged with embezzlement."
    t = legal(rows(text))
    assert pairs(t) == {("prosecutors", "Mark Dunn")}
    r = t.iloc[0]
    assert r.blamed_text == "He" and text[r.blamed_start : r.blamed_end] == "He"


def test_a_demand_for_a_legal_step_is_the_demanders_accusation(rows):
    t = rows("Washington called for sanctions against Syria.")
    assert {(r.blamer, r.blamed, r.cue_family) for r in t.itertuples()} == {("United States", "Syria", "accusation")}


@pytest.mark.parametrize("text", [
    # unnamed people are never blamed; a possessor is not the one detained
    "A 25-year-old man was arrested at the scene.",
    "Police are searching for a gunman who opened fire on shoppers.",
    "Tom Hale said his son had been detained for four months.",
    # acts that remove blame, or reject it (the denial family's)
    "Mark Dunn was acquitted of all charges.",
    "Mark Dunn was released on bail on Thursday.",
    "Charges against Mark Dunn were dropped.",
    "Prosecutors dropped the charges against Mark Dunn.",
    "The European Union lifted sanctions on Iran.",
    "The court overturned Mark Dunn's conviction.",
    "Mark Dunn pleaded not guilty to the charges.",
    # bans and investigations of things and events
    "The city banned fireworks for the New Year.",
    "Officials opened an investigation into the cause of the crash.",
    "The governor issued an order to evacuate the town.",  # an order is a step only against a party
    "The Supreme Court lifted the injunction against Northfield Chemicals.",
    # negated, hypothetical, conditional, planned, failed, escaped
    "Mark Dunn was not charged.",
    "No charges were filed against Mark Dunn.",
    "Mark Dunn could face charges.",
    "Mark Dunn may be prosecuted.",
    "If convicted, Mark Dunn faces up to ten years in prison.",
    "Residents threatened to sue Northfield Chemicals.",
    "Police failed to arrest Mark Dunn.",
    "Mark Dunn evaded arrest for years.",
    "Mark Dunn was expected to be charged on Monday.",
    # other senses of the words, and a wire service's parenthetical label
    "Mark Dunn suffered a cardiac arrest.",
    "Mark Dunn tried to leave the country.",
    "Mark Dunn held talks with Tom Hale.",
    "Fighters of the Islamic State (banned in Russia) were seen near the town.",
    "Supporters of the banned Muslim Brotherhood marched in Cairo.",
])
def test_near_misses_give_no_legal_row(rows, text):
    assert legal(rows(text)).empty, legal(rows(text))[["blamer", "blamed", "cue"]]


def test_a_legal_verb_gives_one_row_not_a_legal_and_an_accusation_row(rows):
    t = rows("Mark Dunn was charged with embezzlement.")
    assert list(t.cue_family) == ["legal"]


def test_the_lexicon_maps_every_legal_word_to_an_institution_of_the_closed_list(lexicon):
    implicit = lexicon.extra["legal_implicit"]
    words = lexicon.words("legal_verbs") | lexicon.words("legal_nouns") | lexicon.words("legal_findings")
    assert words <= set(implicit)
    assert set(implicit.values()) | set(lexicon.extra["institution_nouns"].values()) == INSTITUTIONS
    assert not (lexicon.words("explicit_verbs") & lexicon.words("legal_verbs"))
    assert not (lexicon.words("explicit_nouns") & lexicon.words("legal_nouns"))


# ----- issue 16, error analysis: counts, suspicion, bail, a name given later, coordination ---------
@pytest.mark.parametrize("text, blamed, institution", [
    ("Rosa Lind faces three counts of fraud and one count of forgery.", "Rosa Lind", "prosecutors"),
    ("Rosa Lind had been stopped on suspicion of drink driving.", "Rosa Lind", "police"),
    ("Rosa Lind is being held on suspicion of arson.", "Rosa Lind", "police"),
    ("Rosa Lind was denied bail.", "Rosa Lind", "court"),
    ("Rosa Lind was not granted bail and will stay in jail.", "Rosa Lind", "court"),
    ("Rosa Lind was remanded in custody until next month.", "Rosa Lind", "court"),
    ("Rosa Lind opened a bakery in 1998, but was arrested in 2004.", "Rosa Lind", "police"),
])
def test_more_agentless_steps_get_their_institution(rows, text, blamed, institution):
    t = legal(rows(text))
    assert pairs(t) == {(institution, blamed)}
    assert t.blamer_implicit.all()


@pytest.mark.parametrize("text, blamer, blamed", [
    ("Officers arrived and detained the driver, later identified as Rosa Lind.", "police", "Rosa Lind"),
    ("Police arrested a woman, named as Rosa Lind, on Sunday.", "police", "Rosa Lind"),
    ("Detectives arrested a man called Omar Said in Leeds.", "police", "Omar Said"),
])
def test_a_named_party_or_a_name_given_after_the_noun_is_blamed(rows, text, blamer, blamed):
    assert pairs(rows(text)) == {(blamer, blamed)}


@pytest.mark.parametrize("text", [
    "Rosa Lind was granted bail.",  # bail granted removes none
    "Rosa Lind could be denied bail.",
    "Rosa Lind was killed on suspicion of spying for the army.",  # the killer is not the police
    "Rosa Lind won the vote count in the third district.",
    "Rosa Lind faces a count of the ballots on Monday.",  # no offence: not a charge
    "Rosa Lind was identified as the driver.",
    "Police arrested a man, later identified as a local shopkeeper.",  # still unnamed
    "Rosa Lind was not stopped on suspicion of anything.",
])
def test_near_misses_of_counts_suspicion_bail_and_names_give_no_legal_row(rows, text):
    assert legal(rows(text)).empty, legal(rows(text))[["blamer", "blamed", "cue"]]


def test_an_institution_named_by_its_proper_name_is_that_body(rows):
    t = legal(rows("Kent Valley Police soon arrived and detained the driver, later identified as Rosa Lind."))
    assert pairs(t) == {("Kent Valley Police", "Rosa Lind")} and not t.blamer_implicit.any()
    assert pairs(rows("A district court sentenced Rosa Lind to two years.")) == {("court", "Rosa Lind")}


@pytest.mark.parametrize("text, expected", [
    ("Rosa Lind appeared in court on Monday charged with fraud.", {("prosecutors", "Rosa Lind")}),
    ("Rosa Lind was arrested, charged and jailed within a week.",
     {("police", "Rosa Lind"), ("prosecutors", "Rosa Lind"), ("court", "Rosa Lind")}),
])
def test_a_bare_participle_on_a_clause_is_a_step_against_its_subject(rows, text, expected):
    assert pairs(rows(text)) == expected


@pytest.mark.parametrize("text", [
    "Rosa Lind left the court, cleared of all charges.",
    "Rosa Lind appeared in court, accused of fraud.",  # an accusation, not a legal step
])
def test_a_bare_participle_that_is_no_legal_step_gives_no_legal_row(rows, text):
    assert legal(rows(text)).empty, legal(rows(text))[["blamer", "blamed", "cue"]]
