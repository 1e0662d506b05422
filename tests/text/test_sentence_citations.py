"""helpers.text.sentence_citations: every sentence of a cleaned article cites its raw text."""

from __future__ import annotations

import re

import pytest

from helpers.nlp import load_nlp
from helpers.paths import SEED_ARTICLE
from helpers.text import clean_file, sentence_citations

from ..conftest import REAL_ARTICLES

COLUMNS = ["start_char", "end_char", "raw_start", "raw_end", "raw_line", "raw_col", "sentence"]


def letters(s: str) -> str:
    """Word characters only: what cleaning never changes (it joins lines, fixes quotes and spaces)."""
    return re.sub(r"\W", "", s)


@pytest.mark.parametrize("path", [SEED_ARTICLE, *REAL_ARTICLES[:2]], ids=lambda p: p.stem)
def test_each_sentence_cites_the_raw_text_it_came_from(path):
    doc = clean_file(path)
    spacy_doc = load_nlp()(doc.text)
    table = sentence_citations(doc, spacy_doc)
    assert list(table.columns) == COLUMNS
    assert len(table) == len(list(spacy_doc.sents))
    for r in table.itertuples():
        assert r.sentence == doc.text[r.start_char:r.end_char]
        assert letters(doc.raw[r.raw_start:r.raw_end]) == letters(r.sentence)
        before = doc.raw[:r.raw_start]
        assert (r.raw_line, r.raw_col) == (before.count("\n") + 1, r.raw_start - (before.rfind("\n") + 1) + 1)


def test_seed_body_starts_on_line_four_after_the_caption():
    doc = clean_file(SEED_ARTICLE)
    first = sentence_citations(doc, load_nlp()(doc.text)).iloc[0]
    assert (first.start_char, first.raw_line, first.raw_col) == (0, 4, 1)
    assert doc.raw[first.raw_start:].startswith("It is hard to escape")
