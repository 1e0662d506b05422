"""A paragraph break, a list item and a heading line always start a sentence (``paragraph_sentences``),
and the parser keeps the starts preset before it."""

import re

import pytest

from helpers.nlp import PARAGRAPH_SENTENCES, load_nlp
from helpers.text.sentences import LINE_MARKER, paragraph_spans

HEADLINE = ("Flood waters force thousands from homes in northern Italy\n\n"
            "Rescue crews evacuated more than 3,000 residents on Sunday as the Po burst its banks near "
            "Ferrara, the regional civil protection agency said.")
DATELINE = ("KHARTOUM, Sudan (Reuters) —\n\nFighting resumed in the Sudanese capital on Saturday despite a "
            "truce agreed two days earlier, residents said.")
NO_FINAL_STOP = ("The foreign ministry summoned the Afghan envoy on Monday\n\n"
                 "Officials said the strikes had targeted camps used by militants near the border.")
BULLETS = ("The ministry listed three demands:\n- an end to cross-border raids\n- the handover of two "
           "commanders\n• talks within a week\n\nKabul did not respond.")
NUMBERED = ("Voters should note two changes\n1. Polls open at 7 a.m. instead of 8 a.m.\n"
            "2. Results are due on Monday\n\nTurnout was 61 percent last time.")
MARKDOWN = ("## Court Blocks Governor's Order\n\nThe state supreme court on Friday blocked the governor's "
            "order to close the shelters.\n\n**What happens next**\nThe governor's office said it would appeal.")


def sentences(text: str, nlp=None) -> list[str]:
    return [s.text.strip() for s in (nlp or load_nlp())(text).sents]


@pytest.fixture(scope="module")
def shipped():
    """spaCy's pipeline as shipped, without the component."""
    return load_nlp(exclude=(PARAGRAPH_SENTENCES,))


def test_the_shipped_parser_glues_a_headline_to_its_lead(shipped):
    assert PARAGRAPH_SENTENCES not in shipped.pipe_names
    assert len(sentences(HEADLINE, shipped)) == 1


@pytest.mark.parametrize("text", [HEADLINE, DATELINE, NO_FINAL_STOP])
def test_a_paragraph_break_ends_a_sentence(text):
    first, second = text.split("\n\n")
    assert sentences(text) == [first, second]


def test_every_list_item_is_a_sentence():
    assert sentences(BULLETS) == ["The ministry listed three demands:", "- an end to cross-border raids",
                                  "- the handover of two commanders", "• talks within a week", "Kabul did not respond."]
    assert sentences(NUMBERED) == ["Voters should note two changes", "1. Polls open at 7 a.m. instead of 8 a.m.",
                                   "2. Results are due on Monday", "Turnout was 61 percent last time."]


def test_markdown_headings_are_sentences_of_their_own_and_markup_stays_inside():
    assert sentences(MARKDOWN) == [
        "## Court Blocks Governor's Order",
        "The state supreme court on Friday blocked the governor's order to close the shelters.",
        "**What happens next**", "The governor's office said it would appeal."]
    assert sentences("**Bold heading**\n\nText follows.") == ["**Bold heading**", "Text follows."]


def test_no_sentence_starts_with_or_is_only_whitespace():
    text = "\n\nRebels shelled the town\n\n\n\nThe army replied.\n \n \nTalks resume on Monday  \n\n"
    doc = load_nlp()(text)
    assert [s.text.strip() for s in doc.sents] == ["Rebels shelled the town", "The army replied.",
                                                   "Talks resume on Monday"]
    assert not any(s[0].is_space and s.start > 0 for s in doc.sents)
    assert not any(re.search(r"\n\s*\n", s.text.strip()) for s in doc.sents)


def test_the_parser_keeps_preset_starts_and_non_starts():
    nlp = load_nlp(exclude=(PARAGRAPH_SENTENCES,))
    doc = nlp.make_doc("The army said the strikes hit camps and the ministry denied it")
    doc[8].is_sent_start = True  # "the ministry ..."
    doc[3].is_sent_start = False
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert [s.text for s in doc.sents] == ["The army said the strikes hit camps and", "the ministry denied it"]


def test_paragraph_spans_are_the_blank_line_blocks():
    doc = load_nlp().make_doc(BULLETS)
    assert [doc[s:e].text for s, e in paragraph_spans(doc)] == BULLETS.split("\n\n")


def test_settings_are_in_the_config_and_results_do_not_depend_on_the_batch():
    nlp = load_nlp()
    assert nlp.pipe_names[0] == PARAGRAPH_SENTENCES
    assert nlp.config["components"][PARAGRAPH_SENTENCES]["line_marker"] == LINE_MARKER
    texts = [HEADLINE, BULLETS, MARKDOWN, NUMBERED]
    alone = [[s.start for s in nlp(t).sents] for t in texts]
    assert [[s.start for s in d.sents] for d in nlp.pipe(texts, batch_size=2)] == alone
