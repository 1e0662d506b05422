"""Fuzzing the corpus analysis (issue 13): real sentences, perturbed, never break its tables.

The perturbations are :mod:`helpers.evaluation.perturb`'s (lists, Markdown, HTML, emoji, control
characters, 2,000-word sentences...); the invariants are :func:`~helpers.evaluation.perturb.table_violations`'s
(one ``documents`` row per input, rows or an ``error``, every offset inside its text and on token
boundaries, the text at an offset equal to the row's text). The fast tests apply each perturbation
to one real article; the slow one lets hypothesis build batches of documents from the sentences of
the vendored articles (``tests/fixtures``). ``scripts/soak.py`` runs the same checks on thousands.
"""

from __future__ import annotations

import random

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.corpus import RawDocument, analyze
from helpers.evaluation.invariants import table_violations
from helpers.evaluation.perturb import CONTROL_CHARACTERS, PERTURBATIONS, perturb, perturbed_corpus, split_sentences
from helpers.resources import load_resources
from helpers.schema import TABLES

from ..conftest import FIXTURES, REAL_ARTICLES

ARTICLE = (FIXTURES / "wikinews_122.txt").read_text(encoding="utf-8")  # Turkey invades Syria's northeast
OTHER = (FIXTURES / "fakes_1962495706.txt").read_text(encoding="utf-8")  # airstrike near Aleppo
TEXTS = [p.read_text(encoding="utf-8") for p in REAL_ARTICLES]
#: Every sentence of the vendored articles, once, in a fixed order (hypothesis samples from it).
SENTENCES = sorted({s for t in TEXTS for s in split_sentences(t)})


@pytest.fixture(scope="module")
def res():
    return load_resources("syria", sentiment="rules")


@pytest.fixture(scope="module")
def other_alone(res):
    """The rows of the neighbour article analysed alone (deterministic: computed once)."""
    tables, violations = run(res, {"other": OTHER})
    assert violations == []
    return rows_of(tables, "other")


def run(res, texts: dict[str, str]) -> tuple[dict[str, pd.DataFrame], list[str]]:
    """The tables of ``texts`` analysed in one batch, and their invariant violations."""
    tables = analyze([RawDocument(d, t, "fuzz") for d, t in texts.items()], res)
    return tables, table_violations(tables, texts, res.nlp.tokenizer)


def rows_of(tables: dict[str, pd.DataFrame], doc_id: str) -> dict[str, pd.DataFrame]:
    return {name: t[t["doc_id"] == doc_id].reset_index(drop=True) for name, t in tables.items()}


# --- the perturbations themselves --------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(PERTURBATIONS))
def test_perturbations_are_deterministic_and_change_the_text(name):
    once, again = (PERTURBATIONS[name](ARTICLE, random.Random(7)) for _ in range(2))
    assert once == again
    assert once != ARTICLE


def test_perturbations_do_what_they_say():
    rng = random.Random(0)
    assert not any(c in PERTURBATIONS["strip_punctuation"](ARTICLE, rng) for c in ".,;:\"'()[]")
    assert PERTURBATIONS["caps_headline"](ARTICLE, rng).startswith("TUESDAY OCTOBER 15 2019\n")
    long = PERTURBATIONS["long_sentence"]("Turkey shelled Afrin. The SDF said so.", rng)
    last = long.split("\n\n")[-1]
    assert len(last.split()) >= 2000 and last.count(".") == 1 and last.endswith(".")
    assert any(c in PERTURBATIONS["control_characters"](ARTICLE, rng) for c in CONTROL_CHARACTERS)
    table = PERTURBATIONS["pipe_table"](ARTICLE, rng)
    assert sum(line.startswith("| ") for line in table.splitlines()) >= 2
    assert PERTURBATIONS["markdown"](ARTICLE, rng).startswith("#")
    assert "](http://example.org/" in PERTURBATIONS["markdown"](ARTICLE, rng)


def test_perturbed_corpus_is_reproducible_document_by_document():
    ten, three = list(perturbed_corpus(TEXTS, 10, seed=5)), list(perturbed_corpus(TEXTS, 3, seed=5))
    assert ten[:3] == three
    assert [d.doc_id for d in three] == ["fuzz5-00000", "fuzz5-00001", "fuzz5-00002"]
    assert list(perturbed_corpus(TEXTS, 10, seed=6)) != ten
    assert all(set(d.perturbations) <= set(PERTURBATIONS) for d in ten)


def test_sentences_keep_their_closing_quotes():
    assert split_sentences('He said "we will stay." Then (it ended.) Now 3 died.\nNext line') == [
        'He said "we will stay."', "Then (it ended.)", "Now 3 died.", "Next line"]


# --- the analysis on each perturbation of one real article (fast) ------------------------------
@pytest.mark.parametrize("name", sorted(PERTURBATIONS))
def test_each_perturbation_keeps_the_invariants(res, other_alone, name):
    text = PERTURBATIONS[name](ARTICLE, random.Random(0))
    tables, violations = run(res, {"perturbed": text, "other": OTHER})
    assert violations == []
    doc = tables["documents"].set_index("doc_id").loc["perturbed"]
    assert doc["error"] == "" and doc["n_sentences"] > 0
    mentions = tables["mentions"]
    roots = set(mentions.loc[mentions["doc_id"] == "perturbed", "root"])
    assert {"Turkey", "Syria", "United States", "Kurdish forces"} <= roots  # the actors survive
    for name_, t in rows_of(tables, "other").items():  # the neighbour's rows depend on it only
        pd.testing.assert_frame_equal(t, other_alone[name_], check_dtype=True)


def test_mentions_do_not_end_with_a_paragraph_break(res):
    # spaCy's NER runs an entity over the paragraph break after a capitalised line
    text = "Rescuers found the bodies on the Castello Road Also\n\nOn Sunday the army said it was pulling out."
    tables = analyze([RawDocument("d", text, "fuzz")], res)
    assert "the Castello Road Also" in set(tables["mentions"]["text"])
    assert [t for t in tables["mentions"]["text"] if t != t.strip()] == []


# --- hypothesis: batches of perturbed documents (slow) -----------------------------------------
#: Perturbations drawn by hypothesis (up to three per document, so combinations are covered);
#: the 2,000-word sentence is left to the fast tests and the soak, to keep examples quick.
FUZZ_NAMES = sorted(n for n in PERTURBATIONS if n not in ("long_sentence", "combined"))


@st.composite
def documents(draw) -> str:
    sentences = draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=10))
    breaks = draw(st.lists(st.sampled_from([" ", " ", "\n", "\n\n"]), min_size=len(sentences) - 1,
                           max_size=len(sentences) - 1))
    text = sentences[0] + "".join(b + s for b, s in zip(breaks, sentences[1:]))
    names = draw(st.lists(st.sampled_from(FUZZ_NAMES), max_size=3))
    return perturb(text, names, random.Random(draw(st.integers(0, 2**32 - 1))))


@pytest.mark.slow
@settings(derandomize=True, deadline=None, max_examples=35, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(texts=st.lists(documents(), min_size=3, max_size=6), pick=st.integers(0, 5))
def test_fuzzed_batches_keep_the_invariants(res, texts, pick):
    docs = {f"doc{k}": t for k, t in enumerate(texts)}
    tables, violations = run(res, docs)  # no exception escapes analyze
    assert violations == []
    assert set(tables) == set(TABLES)
    one = f"doc{pick % len(texts)}"
    alone, _ = run(res, {one: docs[one]})
    for name, t in rows_of(tables, one).items():  # a document's rows do not depend on its batch
        pd.testing.assert_frame_equal(t, rows_of(alone, one)[name], check_dtype=True)
