"""The quotes table: the attribution finder's frames on news sentences written for these tests,
speakers resolved through the actor pipeline, raw offsets, and the table in ``analyze``."""

import pytest

from helpers.corpus import RawDocument, analyze
from helpers.quotes import QUOTE_COLUMNS, find_attributions, voices
from helpers.resources import load_resources


@pytest.fixture(scope="module")
def res():
    return load_resources("world", "none")


@pytest.fixture(scope="module")
def quotes(res):
    """``quotes(text)``: the quotes table of one document analysed as raw input."""
    return lambda text: analyze([RawDocument("d", text, "test")], res)["quotes"]


def _one(table):
    assert len(table) == 1, table[["cue", "speaker_text", "content", "pattern"]].to_string()
    return table.iloc[0]


@pytest.mark.parametrize("text, cue, speaker, content, kind", [
    ("The minister said that the talks had failed.", "said", "The minister", "that the talks had failed",
     "indirect"),
    ('"We will not back down," the senator said on Tuesday.', "said", "the senator",
     '"We will not back down,"', "direct"),
    ('"It is over," said Jane Smith, a spokeswoman for the party.', "said", "Jane Smith", '"It is over,"', "direct"),
    ("The plan, officials said, would cost $3 billion.", "said", "officials",
     "The plan, officials said, would cost $3 billion.", "indirect"),
    ("Smith told reporters the plan was dead.", "told", "Smith", "the plan was dead", "indirect"),
    ("The governor accused the city of hiding the figures.", "accused", "The governor",
     "the city of hiding the figures", "indirect"),
    ("In a statement, the company denied any wrongdoing.", "denied", "the company", "any wrongdoing", "indirect"),
    ("The union warned that the strike would go on.", "warned", "The union", "that the strike would go on",
     "indirect"),
    ("According to the police, three men were arrested.", "According to", "the police",
     "three men were arrested", "indirect"),
    ("The ministry's claim that the strike hit a depot was rejected.", "claim", "The ministry",
     "that the strike hit a depot", "indirect"),
    ('He called the budget "a betrayal of working families".', "called", "He",
     'the budget "a betrayal of working families"', "mixed"),
    ("In an interview, she described the prison years as the worst of her life.", "described", "she",
     "the prison years as the worst of her life", "indirect"),
    ("In a statement on Friday, the club thanked its fans for their support.", "In a statement on Friday",
     "the club", "thanked its fans for their support", "indirect"),
])
def test_each_frame_finds_cue_speaker_content_and_kind(quotes, text, cue, speaker, content, kind):
    row = _one(quotes(text))
    assert (row.cue, row.speaker_text, row.content, row.kind) == (cue, speaker, content, kind)
    assert text[row.raw_cue_start:row.raw_cue_end] == cue  # raw offsets point at the input's words
    assert text[row.raw_content_start:row.raw_content_end] == content


def test_speakerless_attribution_has_an_empty_speaker(quotes):
    row = _one(quotes("It was reported that the mayor had resigned."))
    assert (row.cue, row.speaker, row.speaker_text, row.speaker_start, row.raw_speaker_start) == (
        "reported", "", "", -1, -1)
    assert row.content == "that the mayor had resigned"


def test_a_quotation_over_several_sentences_and_paragraphs_keeps_its_speaker(quotes):
    text = ('"We are done. We will leave the talks," Maria Lopez said, "and we will not come back."\n\n'
            '"Nobody should be surprised by this decision after months of delay."\n\n'
            "The talks resumed on Monday.")
    t = quotes(text)
    assert list(t.pattern) == ["verb", "continuation"]
    first, second = t.iloc[0], t.iloc[1]
    assert first.content.startswith('"We are done.') and first.content.endswith('come back."')
    assert first.kind == "direct"  # the reporting clause inside the quotation is not content
    assert second.content == '"Nobody should be surprised by this decision after months of delay."'
    assert second.speaker == first.speaker == "Maria Lopez" and second.cue == "" and second.cue_start == -1


def test_he_said_names_the_person_through_the_pronoun_link(quotes):
    t = quotes("Senator Maria Lopez spoke to supporters in Denver.\n\n"
               '"This is a fight for every family," she said.')
    row = t[t.cue == "said"].iloc[0]
    assert (row.speaker_text, row.speaker, row.speaker_key) == ("she", "Maria Lopez", "doc:Maria Lopez")


def test_a_catalog_speaker_gets_its_catalog_key(quotes):
    row = _one(quotes("France said the sanctions would stay in place."))
    assert (row.speaker, row.speaker_key) == ("France", "france")


def test_words_inside_a_quotation_are_not_attributions_of_their_own(quotes):
    row = _one(quotes('"I think we said everything we had to say," the coach told reporters.'))
    assert row.cue == "told" and row.kind == "direct"


def test_not_attributions(quotes):
    for text in ("The committee called a meeting for Friday.",  # "call" outside its speech frames
                 "Police found the car near the river.",  # a clause-only verb with an object
                 "The reported deaths rose to twelve.",  # a participle modifier
                 'She starred in "Guardians of the Galaxy" last year.'):  # a title, no speaker
        assert quotes(text).empty, text


def test_headline_verbs_in_title_case_are_cues(res):
    doc = res.nlp("Mayor Says City Will Appeal The Ruling\n\nThe mayor spoke on Monday.")
    found = find_attributions(doc, res.speech)
    assert [doc.text[a.cue_start:a.cue_end] for a in found] == ["Says"]


def test_the_table_has_its_columns_and_voices_counts_speakers(quotes):
    t = quotes('"We will win," Maria Lopez said. Officials said the count was slow. '
               '"The count is fair," she added.')
    assert list(t.columns) == QUOTE_COLUMNS
    v = voices(t)
    assert v.iloc[0].to_dict() == {"speaker": "Maria Lopez", "attributions": 2, "direct": 2, "indirect": 0,
                                   "mixed": 0, "words": 7}
    assert v.iloc[1]["speaker"] == "[officials]"


def test_continued_to_act_reports_no_speech_but_continued_after_a_quotation_does(quotes):
    """ "continue" is a reporting verb after a quotation, an aspect before an infinitive."""
    assert quotes("The attacker left the hall and continued to attack others.").empty
    row = _one(quotes('"We will not give up," the senator continued.'))
    assert (row.cue, row.speaker_text) == ("continued", "the senator")
