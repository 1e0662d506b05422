"""The development measurements on BASIL and PolNeAR (helpers.evaluation.blame_external), on
records written for the tests in those corpora's formats: names compared by their words, a
target blamed in the span's sentence with the right attribution, a blame cue's blamer against
the annotated source."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from helpers.actors import actor_pipeline, load_catalog
from helpers.blame import BLAME_LEXICON, Lexicon
from helpers.evaluation.blame_external import (
    basil_spans,
    blame_cue_words,
    name_words,
    names_agree,
    polnear_cues,
    share_with_ci,
)

TEXT = ("Opposition leader Mark Dalton accused Prime Minister Helen Price of lying to parliament.\n\n"
        "Price will travel to Brussels next week.")


def span(text, words, **fields):
    start = text.index(words)
    return {"start": start, "end": start + len(words), "txt": words, **fields}


@pytest.fixture(scope="module")
def resources():
    catalog = load_catalog(["world"])
    return SimpleNamespace(nlp=actor_pipeline(catalog), catalog=catalog, lexicon=Lexicon.load(BLAME_LEXICON))


def test_names_agree_on_a_shared_word():
    assert names_agree("Helen_Price", "Price") and names_agree("the Democrats", "Democrat")
    assert names_agree("Trump's campaign", "Donald Trump")
    assert not names_agree("Helen_Price", "Mark Dalton") and not names_agree("the", "The")
    assert name_words("Prime Minister Helen Price") == {"prime", "minister", "helen", "price"}


def test_blame_cue_words_are_the_lexicons_blame_verbs():
    words = blame_cue_words(Lexicon.load(BLAME_LEXICON))
    assert {"accuse", "blame", "slam", "lie"} <= words and "say" not in words


def test_share_with_ci_reads_counts():
    import pandas as pd

    frame = pd.DataFrame({"g": ["a", "a", "b", "c"], "ok": [True, False, True, True]})
    text = share_with_ci(frame, "ok", "g", n=50)
    assert text.startswith("0.750 (") and text.endswith("; 3 of 4)")
    assert share_with_ci(frame.iloc[:0], "ok", "g") == "- (0 of 0)"


def test_basil_target_and_attribution(resources):
    negative = {"target": "Helen_Price", "polarity": "neg", "bias": "lex", "aim": "dir"}
    accusation = "accused Prime Minister Helen Price of lying"
    record = {"id": "a1", "triplet": "e1", "text": TEXT, "annotations": [
        span(TEXT, accusation, quote="yes", speaker="Mark Dalton", **negative),  # reported by Dalton: right
        span(TEXT, accusation, quote="no", speaker="", **negative),  # the author's? the row is Dalton's
        span(TEXT, accusation, quote="yes", speaker="Price", **negative),  # the wrong speaker
        span(TEXT, "travel to Brussels", quote="no", speaker="", **negative),  # no blame in that sentence
        span(TEXT, accusation, quote="no", speaker="", **{**negative, "polarity": "pos"}),  # not negative
        span(TEXT, accusation, quote="no", speaker="", **{**negative, "target": ""})]}  # no target
    spans = basil_spans([record], resources)
    assert list(spans.quoted) == [True, False, True, False]
    assert list(spans.found) == [True, True, True, False]
    assert list(spans.attribution_right) == [True, False, False, False]


def test_polnear_blame_cue_and_source(resources):
    text = "Dalton accuses Price\n\n" + TEXT  # the headline, then the body
    cue, said = text.index("accused"), text.index("Price will")
    source = [text.index("Opposition"), text.index(" accused"), "Opposition leader Mark Dalton"]
    record = {"id": "p1", "text": text, "attributions": [
        {"source": source, "cue": [cue, cue + 7, "accused"], "content": None},
        {"source": [said, said + 5, "Price"], "cue": [cue, cue + 7, "accused"], "content": None},
        {"source": None, "cue": [cue, cue + 7, "accused"], "content": None},
        {"source": source, "cue": [said + 6, said + 10, "will"], "content": None}]}  # no blame word
    cues = polnear_cues([record], resources)
    assert list(cues.has_source) == [True, True, False]
    assert list(cues.found) == [True, True, True]
    assert list(cues.blamer_right) == [True, False, False]


def test_a_folder_given_for_the_jsonl_file_names_its_files(tmp_path):
    from helpers.evaluation.blame_external import read_jsonl

    (tmp_path / "dev.jsonl").write_text('{"id": 1}\n', encoding="utf-8")
    with pytest.raises(SystemExit, match=r"is a folder: give one of its JSONL files \(dev.jsonl\)"):
        read_jsonl(tmp_path)
    assert read_jsonl(tmp_path / "dev.jsonl") == [{"id": 1}]
