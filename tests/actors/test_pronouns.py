"""helpers.actors.pronouns: the ``pronoun_resolver`` component on news-like snippets written for
these tests (issue 14, item 4): he/she with a title, it for an organisation or a state, they for a
group or an organisation, first person in a quotation to its speaker, no antecedent -> no link;
its output (spans, records, chains) and its settings (the factory config)."""

from __future__ import annotations

import pickle

import pytest
from spacy.tokens import DocBin

import helpers.actors.pronouns  # noqa: F401  (registers the factory)
from helpers.actors.pronoun_mentions import PronounLexicon
from helpers.actors.pronouns import DEFAULT_CONFIG, SPANS_KEY, Ranker, data_path
from helpers.nlp import new_nlp


def make_nlp(**config):
    nlp = new_nlp()
    nlp.add_pipe("pronoun_resolver", config=config)
    return nlp


@pytest.fixture(scope="module")
def nlp():
    """The syntax model (no encoder): the behaviour every pronoun shares, fast."""
    return make_nlp(encoder=False)


def links(doc) -> list[tuple[str, str]]:
    """``[(pronoun, antecedent text), ...]`` of a processed Doc, in text order."""
    return [(s.text, s._.antecedent["text"]) for s in doc.spans[SPANS_KEY]]


def test_he_and_she_follow_the_titles(nlp):
    doc = nlp("Mrs Clarke met Mr Owen in Cardiff on Tuesday. She told reporters that the talks had gone well.")
    assert links(doc) == [("She", "Mrs Clarke")]
    doc = nlp("Mr Owen met Mrs Clarke in Cardiff on Tuesday. She told reporters that the talks had gone well.")
    assert links(doc) == [("She", "Mrs Clarke")]


def test_first_names_give_a_gender(nlp):
    doc = nlp("Maria Lopez and Daniel Kim were arrested at the border. "
              "Police said he had been carrying a forged passport.")
    assert links(doc) == [("he", "Daniel Kim")]


def test_it_stands_for_an_organisation_or_a_state(nlp):
    doc = nlp("Acme Corp said on Monday that it would cut 500 jobs. Its shares fell 4 percent.")
    assert links(doc) == [("it", "Acme Corp"), ("Its", "Acme Corp")]
    doc = nlp("Pakistan says its air force hit militant camps near the border.")
    assert links(doc) == [("its", "Pakistan")]


def test_they_stands_for_a_group_or_an_organisation(nlp):
    doc = nlp("The protesters gathered outside parliament on Sunday. They demanded new elections.")
    assert links(doc) == [("They", "The protesters")]
    doc = nlp("Greenpeace said they would appeal the ruling.")
    assert links(doc) == [("they", "Greenpeace")]


def test_first_person_in_a_quotation_is_the_speaker(nlp):
    doc = nlp('"I will not resign," Ms Patel said on Friday.')
    assert links(doc) == [("I", "Ms Patel")]
    assert doc.spans[SPANS_KEY][0].label_ == "speaker"
    # the speaker is a pronoun: through its own link; the quotation after the reporting clause in the
    # same paragraph is the same attribution (the quotes table's finder), so "Our" is hers too
    doc = nlp('Ana Ortiz, the mayor, spoke to reporters. "We will appeal," she said. "Our city deserves better."')
    assert links(doc) == [("We", "Ana Ortiz"), ("she", "Ana Ortiz"), ("Our", "Ana Ortiz")]
    # a quotation with no reporting clause anywhere near: no link
    doc = nlp('Ana Ortiz, the mayor, spoke to reporters.\n\nThe vote is on Monday.\n\n"Our city deserves better."')
    assert links(doc) == []


def test_first_person_outside_quotations_is_left_alone(nlp):
    doc = nlp("I met the minister, John Reid, in London. He said we should wait.")
    assert links(doc) == [("He", "John Reid")]


def test_no_antecedent_no_link(nlp):
    assert links(nlp("He said nothing to reporters on Friday.")) == []
    # a state is no "he"; a woman is no "he"; no plural is there for "they"
    assert links(nlp("Kenya closed the border. He said the road would reopen.")) == []
    assert links(nlp("Mrs Clarke arrived late. He said the meeting had ended.")) == []
    assert links(nlp("The minister arrived late. They said the meeting had ended.")) == []


def test_pleonastic_it_is_not_linked(nlp):
    doc = nlp("The ministry published the report. It is likely that the talks will resume.")
    assert links(doc) == []


def test_the_record_gives_offsets_and_the_chain(nlp):
    text = "Warren MacKenzie studied with Bernard Leach. MacKenzie said his pottery owed much to Japan."
    doc = nlp(text)
    (span,) = [s for s in doc.spans[SPANS_KEY] if s.text == "his"]
    record = span._.antecedent
    assert record["text"] == "MacKenzie" == text[record["start_char"]:record["end_char"]]
    assert doc[record["start"]:record["end"]].text == "MacKenzie"
    assert [text[a:b] for a, b in record["chain"]] == ["Warren MacKenzie", "MacKenzie"]
    assert 0 < record["score"] <= 1


def test_records_survive_pickling_and_docbin(nlp):
    doc = nlp("Acme Corp said on Monday that it would cut 500 jobs.")
    assert links(pickle.loads(pickle.dumps(doc))) == links(doc)
    db = DocBin(store_user_data=True)
    db.add(doc)
    (back,) = DocBin().from_bytes(db.to_bytes()).get_docs(nlp.vocab)
    assert links(back) == links(doc)


def test_settings_are_the_factory_config():
    nlp = make_nlp(encoder=False, min_score=0.99)
    assert nlp.config["components"]["pronoun_resolver"]["min_score"] == 0.99
    assert links(nlp("Acme Corp said on Monday that it would cut 500 jobs.")) == []
    assert set(DEFAULT_CONFIG) <= set(nlp.config["components"]["pronoun_resolver"])


def test_data_files_by_name_or_path(tmp_path):
    assert data_path("pronouns.yml").is_file()
    copy = tmp_path / "lexicon.yml"
    copy.write_text(data_path("pronouns.yml").read_text(encoding="utf-8"), encoding="utf-8")
    assert data_path(str(copy)) == copy
    lex = PronounLexicon.load(copy, data_path("first_names.csv"), 0.9, 100)
    assert lex.first_names["maria"] == "feminine" and lex.first_names["daniel"] == "masculine"
    assert "jordan" not in lex.first_names  # 74% boys: not decisive at 0.9


def test_weights_must_match_the_features(tmp_path):
    import numpy as np

    bad = tmp_path / "bad.npz"
    np.savez(bad, features=np.array(["distance"]), syntax_coef=np.zeros(1), syntax_intercept=np.array(0.0),
             metrics=np.array("{}"))
    with pytest.raises(ValueError, match="rebuild it with scripts/train_pronouns.py"):
        Ranker.load(bad, "syntax")


def test_the_encoder_model_ranks_he_and_she():
    nlp = make_nlp(encoder=True)
    doc = nlp("Mrs Clarke met Mr Owen in Cardiff on Tuesday. She told reporters that the talks had gone well. "
              "Acme Corp said on Monday that it would cut 500 jobs.")
    assert links(doc) == [("She", "Mrs Clarke"), ("it", "Acme Corp")]
