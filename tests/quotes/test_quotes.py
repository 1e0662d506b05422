"""helpers.quotes: the one quotation finder and the one reporting-verb list, on real text (the
vendored articles in tests/fixtures, the seed, a VADER NYT editorial sentence)."""

from __future__ import annotations

import pytest
import yaml

from helpers.quotes import SPEECH, Quotation, load_marks, load_reporting_verbs, quotation_spans, quotations
from helpers.text import clean, clean_file
from tests.conftest import FIXTURES

NEWS = {"by_context": True, "paragraphs": True}  # how blame reads a whole clean document


def quoted(text: str, spans) -> list[str]:
    return [text[a:b] for a, b in spans]


def test_the_seed_quotations_without_their_marks(seed_raw):
    text = clean(seed_raw, "seed").text
    expected = ["supporting the Islamic State", "parallel universe.", "terrorist"]
    assert quoted(text, quotation_spans(text, load_marks("blame"), **NEWS)) == expected
    assert quoted(text, quotation_spans(text, load_marks("sentiment"))) == expected
    q = quotations(text, load_marks("blame"), **NEWS)[0]
    assert isinstance(q, Quotation) and text[q.opened] == '"' and q.start == q.opened + 1 and text[q.end] == '"'


def test_a_stray_mark_is_skipped_in_running_text_and_paired_by_the_plain_scan():
    # FA-KES: the quotation after "will not change." is never closed; a new one opens after it
    text = clean_file(FIXTURES / "fakes_1914947532.txt").text
    start = text.index('Barazi said "The Syrian leadership')
    news = [s for s in quoted(text, quotation_spans(text, load_marks("blame"), **NEWS))
            if text.index(s) >= start][:2]
    assert news == ['The Syrian leadership and Syrian policy will not change. "This targeting was not the first '
                    "and I dont believe it will be the last", "The war against terrorism will continue."]
    plain = [s for s in quoted(text, quotation_spans(text, load_marks("sentiment"))) if text.index(s) >= start][:2]
    assert plain == ["The Syrian leadership and Syrian policy will not change. ", " he added. In separate comments to "
                     "al-Mayadeen he said "]


def test_a_quotation_left_open_ends_with_its_paragraph():
    # Wikinews (CC BY 2.5) on Ginger Baker: the closing mark after a space reads as an opening one
    text = ("his classmates encouraged him to sit down at a drum set. \"I'd never sat behind a kit before, but I sat "
            "down \u2014 and I could play! One of the musicians turned round and said, 'Bloody hell, we've got a "
            "drummer', and I thought, 'Bloody hell, I'm a drummer' \", he recalled in a 2009 retelling.\n\n"
            "Baker began his career as a drummer in jazz bands.")
    marks = load_marks("blame")
    (span,) = quotation_spans(text, marks, **NEWS)
    assert text[span[0]:span[1]].startswith("I'd never sat") and text[span[1]:].startswith("\n\nBaker")
    assert quotation_spans(text, marks, by_context=True) == []  # without paragraphs: dropped
    # one left open in the last paragraph runs to the end of the text
    assert quotation_spans(text + ' "And then', marks, **NEWS)[-1] == (len(text) + 2, len(text) + 10)


def test_a_sentence_left_open_is_not_a_quotation_for_the_plain_scan():
    # FA-KES sentence of a quotation that goes on in the next sentence
    sentence = '"I believe - God willing - that the human casualties are not big but there is material damage.'
    assert quotation_spans(sentence, load_marks("sentiment")) == []
    assert quoted(sentence, quotation_spans(sentence, load_marks("blame"), **NEWS)) == [sentence[1:]]


def test_archive_quotes_of_the_nyt_editorials_are_sentiment_marks():
    sentence = ("During the Carter years, a nervous White House enjoined Administration officials not to mention the "
                "dreaded word ''depression,'' or even ''recession.''")
    assert quoted(sentence, quotation_spans(sentence, load_marks("sentiment"))) == ["depression,", "recession."]
    assert quotation_spans(sentence, load_marks("blame"), **NEWS) == []  # clean text has ASCII double quotes only
    curly = "He called it \u201ca parallel universe\u201d."
    assert quoted(curly, quotation_spans(curly, load_marks("sentiment"))) == ["a parallel universe"]


def test_one_reporting_verb_list_with_each_users_entries():
    data = yaml.safe_load(SPEECH.read_text(encoding="utf-8"))
    verbs = data["reporting_verbs"]
    assert verbs == sorted(set(verbs))  # one alphabetical list, no duplicates
    assert {"say", "tell", "accuse", "deny", "warn", "write", "call"} <= load_reporting_verbs() == set(verbs)
    assert set(data["clause_only"]) | set(data["frame_only"]) <= set(verbs)
    assert load_marks("blame") == (('"', '"'),) and load_marks("quotes")[0] == ('"', '"')
    with pytest.raises(ValueError, match="use must be one of"):
        load_marks("viz")
