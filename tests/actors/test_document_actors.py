"""Document actors (issue 14): actors outside the catalog with their surnames, titles, acronyms and
role nouns; definite descriptions only where the document supports an antecedent; the mention
table's actor key, form (``via``) and antecedent offsets; the pronoun hook.

The snippets are written for these tests in the style of news reports (the people, companies and
places in them are invented, except states and cities).
"""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from helpers.actors import (
    MENTION_COLUMNS,
    MENTIONS_KEY,
    PRONOUN_SPANS,
    PRONOUNS_KEY,
    REFERENCES,
    actor_frequency,
    actor_pipeline,
    load_catalog,
    load_references,
    mention_table,
    shift_mention_data,
)
from helpers.text import clean

CATALOG = load_catalog(["syria"])

COURT = ("Judge Amy Smith rejected the defence's motion to dismiss the fraud charges on Monday. Smith said the "
         "defence had failed to show any error in the indictment. The judge set the trial for May 12.")
QUARREL = ("Governor Laura Kent and Mayor Daniel Ortiz traded accusations over flood funding on Tuesday. The "
           "governor accused the mayor of wasting state money, and Ortiz said Kent had ignored the city for years.")
STRIKE = ("Officials in Islamabad said that their government had ordered the strikes. The army said the "
          "opposition leader had been briefed.")
PAKISTAN = "Pakistan says its air force hit militant camps near the border on Thursday."
RECALL = ("Harlow Motors Corp recalled 40,000 pickup trucks on Friday. The company said a faulty airbag could "
          "injure drivers. The National Highway Traffic Safety Administration (NHTSA) opened an inquiry, and "
          "NHTSA said Harlow Motors had known of the fault since March.")
SPEAKER = ("House Speaker Mike Johnson accused Democrats of stalling the spending bill. Speaker Johnson told "
           "reporters the House would vote again on Friday, and the speaker's office said talks would continue.")


@pytest.fixture(scope="module")
def nlp():
    return actor_pipeline(CATALOG)


def table(nlp, text, doc_id="t"):
    return mention_table([(doc_id, nlp(text))], CATALOG)


def rows(m, text):
    out = m[m.text == text]
    assert len(out), f"{text!r} not found in {list(m.text)}"
    return out


# ----- names, surnames, titles --------------------------------------------------------------
def test_title_and_name_are_one_mention(nlp):
    m = table(nlp, SPEAKER)
    first = rows(m, "House Speaker Mike Johnson").iloc[0]
    assert (first.actor_key, first.actor, first.via, first.kind) == ("doc:Mike Johnson", "Mike Johnson", "title",
                                                                     "actor")
    assert not ((m.text == "House") & (m.start_char == 0)).any()  # no blamer "House"
    again = rows(m, "Speaker Johnson").iloc[0]
    assert (again.actor_key, again.via) == ("doc:Mike Johnson", "title")
    assert (again.antecedent_start, again.antecedent_end) == (first.start_char, first.end_char)
    speaker = rows(m, "speaker").iloc[0]
    assert (speaker.actor_key, speaker.via, speaker.source) == ("doc:Mike Johnson", "description", "description")


def test_court_case_judge_surname_and_role_noun_are_one_actor(nlp):
    m = table(nlp, COURT)
    smith = m[m.actor_key == "doc:Amy Smith"]
    assert list(zip(smith.text, smith.via)) == [("Judge Amy Smith", "title"), ("Smith", "alias"),
                                                ("judge", "description")]
    assert set(smith.actor) == {"Amy Smith"} and set(smith.kind) == {"actor"}
    alias = smith[smith.via == "alias"].iloc[0]
    assert COURT[alias.antecedent_start : alias.antecedent_end] == "Judge Amy Smith"
    judge = smith[smith.via == "description"].iloc[0]
    assert COURT[judge.antecedent_start : judge.antecedent_end] == "Smith"  # the last mention before it


def test_governor_and_mayor_keep_their_own_role_nouns(nlp):
    m = table(nlp, QUARREL)
    assert rows(m, "governor").actor.tolist() == ["Laura Kent"]
    assert rows(m, "mayor").actor.tolist() == ["Daniel Ortiz"]
    assert rows(m, "Ortiz").actor_key.tolist() == ["doc:Daniel Ortiz"]
    assert rows(m, "Kent").actor_key.tolist() == ["doc:Laura Kent"]


def test_supreme_court_justice_is_one_mention(nlp):
    m = table(nlp, "Supreme Court Justice Elena Marsh wrote the dissent, which Marsh read from the bench.")
    assert rows(m, "Supreme Court Justice Elena Marsh").actor_key.tolist() == ["doc:Elena Marsh"]
    assert not (m.text == "Supreme Court").any()
    assert rows(m, "Marsh").actor_key.tolist() == ["doc:Elena Marsh"]


def test_a_man_named_is_the_suspect(nlp):
    m = table(nlp, "Police arrested a man named Tom Fielding outside the station on Sunday. The suspect was "
                   "charged with assault and released on bail.")
    assert rows(m, "suspect").actor_key.tolist() == ["doc:Tom Fielding"]


def test_a_state_owns_its_air_force(nlp):
    m = table(nlp, PAKISTAN)  # Pakistan is a world-pack actor, its air force one of its institutions
    assert rows(m, "Pakistan").actor_key.tolist() == ["pakistan"]
    assert rows(m, "air force").actor_key.tolist() == ["pakistan_air_force"]
    assert rows(m, "its").actor_key.tolist() == ["pakistan"]
    assert "Syrian Arab Air Force" not in set(m.actor)


# ----- descriptions need an antecedent ------------------------------------------------------------
def test_descriptions_without_antecedent_stay_unresolved(nlp):
    m = table(nlp, STRIKE)
    assert not m.actor.isin(["Syrian government", "Syrian Arab Army", "Syrian opposition"]).any(), list(m.actor)
    assert set(m[m.kind == "actor"].text) == set()
    assert rows(m, "Islamabad").kind.tolist() == ["place"]


def test_descriptions_resolve_where_the_document_supports_the_actor(nlp):
    m = table(nlp, "Government shelling killed six people in eastern Ghouta, the Syrian Observatory said.")
    assert "Syrian government" in set(m.actor)
    m = table(nlp, "Government shelling killed six people, officials in Manila said.")
    assert "Syrian government" not in set(m.actor)


# ----- organisations ------------------------------------------------------------------------
def test_company_recall_acronym_and_shorter_name(nlp):
    m = table(nlp, RECALL)
    harlow = m[m.actor_key == "doc:Harlow Motors Corp"]
    assert set(harlow.text) >= {"Harlow Motors Corp", "company", "Harlow Motors"}
    assert dict(zip(harlow.text, harlow.via))["company"] == "description"
    nhtsa = m[m.text == "NHTSA"]
    assert set(nhtsa.actor) == {"National Highway Traffic Safety Administration"} and set(nhtsa.via) == {"alias"}


def test_the_ministry_is_the_ministry_the_text_named(nlp):
    m = table(nlp, "The Interior Ministry said on Monday that 14 people had been detained. The ministry added that "
                   "more arrests were expected.")
    assert rows(m, "ministry").actor_key.tolist() == ["doc:Interior Ministry"]
    assert not m.actor.isin(["Syrian Foreign Ministry", "Russian Defense Ministry"]).any()


def test_a_nationality_before_an_unsupported_description_is_the_actor(nlp):
    m = table(nlp, "Tigrayan authorities are failing to uphold the property rights of refugees, a human rights "
                   "group said on Wednesday.")
    assert rows(m, "Tigrayan").kind.tolist() == ["actor"]
    assert "Syrian government" not in set(m.actor)


def test_keys_are_deterministic_and_independent_of_the_batch(nlp):
    alone = table(nlp, COURT)
    docs = list(nlp.pipe([RECALL, COURT, QUARREL]))
    batch = mention_table([("a", docs[0]), ("t", docs[1]), ("b", docs[2])], CATALOG)
    assert batch[batch.doc_id == "t"].reset_index(drop=True).equals(alone)


# ----- the table --------------------------------------------------------------------------------
def test_table_columns_and_raw_antecedent_offsets(nlp):
    raw = COURT.replace("Monday. ", "Monday.  \n").replace("Smith said", "Smith \u00a0said")
    cdoc = clean(raw, doc_id="court")
    m = mention_table([("court", nlp(cdoc.text))], CATALOG, {"court": cdoc})
    assert list(m.columns) == MENTION_COLUMNS
    for r in m.itertuples():
        if r.antecedent_start < 0:
            assert (r.antecedent_end, r.raw_antecedent_start, r.raw_antecedent_end) == (-1, -1, -1)
            continue
        ante = cdoc.text[r.antecedent_start : r.antecedent_end]
        assert cdoc.raw[r.raw_antecedent_start : r.raw_antecedent_end] == ante
    assert (m.antecedent_start >= 0).sum() == 2


def test_pronoun_rows_come_from_the_pronoun_component_and_counts_choose(nlp):
    doc = nlp(COURT)
    smith = next(e for e in doc.ents if e.text == "Smith")
    # what a pronoun component leaves: the pronoun spans and, for each, its antecedent's offsets
    pron = [t for t in doc if t.lower_ == "defence"][0]  # any token stands in for "she" here
    doc.spans[PRONOUN_SPANS] = [Span(doc, pron.i, pron.i + 1, "PRON")]
    doc.user_data[PRONOUNS_KEY] = {(pron.idx, pron.idx + len(pron)): (smith.start_char, smith.end_char)}
    m = mention_table([("t", doc)], CATALOG)
    row = m[m.via == "pronoun"].iloc[0]
    assert (row.actor_key, row.actor, row.source, row.antecedent_start) == ("doc:Amy Smith", "Amy Smith", "pronoun",
                                                                            smith.start_char)
    with_pronouns = actor_frequency(m, pronouns=True).set_index("actor")["mentions"]["Amy Smith"]
    without = actor_frequency(m, pronouns=False).set_index("actor")["mentions"]["Amy Smith"]
    assert (with_pronouns, without) == (4, 3)


def test_chunk_offsets_move_with_their_antecedents(nlp):
    doc = nlp(COURT)
    moved = shift_mention_data(doc.user_data, 100)
    for (a, b), meta in moved[MENTIONS_KEY].items():
        assert (a - 100, b - 100) in doc.user_data[MENTIONS_KEY]
        if meta["antecedent"] is not None:
            old = doc.user_data[MENTIONS_KEY][(a - 100, b - 100)]["antecedent"]
            assert meta["antecedent"] == (old[0] + 100, old[1] + 100)


def test_references_are_the_components_setting(nlp):
    assert nlp.config["components"]["actor_resolver"]["references"] == REFERENCES
    refs = load_references(REFERENCES)
    assert refs.titles[("Judge",)] == ("judge",) and "company" in refs.name_words["corp"]
    assert {"carmaker", "lawyer"} <= refs.vocabulary


@pytest.mark.slow  # loads the world pack's resources of its own (about 8 s)
def test_a_link_to_a_mention_that_is_no_actor_costs_nothing():
    """A real Wikinews article (vendored, row 218) where a name links to a span that is not an
    actor mention: the actor resolver once raised KeyError there and the document was lost."""
    from helpers.corpus import RawDocument, analyze
    from helpers.evaluation import load_wikinews
    from helpers.resources import load_resources

    text = load_wikinews().set_index("doc_id").loc["wikinews_218", "text"]
    tables = analyze([RawDocument("wikinews_218", text, "test")], load_resources("world", "none"))
    assert tables["documents"].error.tolist() == [""] and len(tables["mentions"]) > 20
