"""One document's failure costs that document alone (issue 13).

A component injected into the actor pipeline raises on the one document that contains a marker
word; whether it fails on that document alone or on its whole minibatch (as spaCy's trainable
components do), in one process, in two worker processes or on a Dask cluster, the document gets a
``documents.error`` naming the stage, the component and the exception, and every other document's
rows are those of a clean run. Failures in extraction and scoring are contained the same way.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.corpus import TABLES, analyze
from helpers.corpus.analyzer import Analyzer
from helpers.corpus.failures import error_kind, error_summary, stage_error
from helpers.corpus.readers import RawDocument
from helpers.resources import load_resources

from ..conftest import REAL_ARTICLES
from .failing_components import MARKER

#: End-to-end runs: `make test` runs them, `make test-fast` leaves them out (pyproject.toml).
pytestmark = pytest.mark.integration

CODE = ["tests.corpus.failing_components"]
FAILING = "fakes_1923102826"
#: Five of the shorter vendored articles: with batches of four, the failing one shares the first
#: batch with three others and a second batch follows it.
ARTICLES = ["fakes_1914947532", FAILING, "fakes_1962495706", "wikinews_043", "wikinews_122"]


def _docs() -> list[RawDocument]:
    """Five vendored articles; the second, inside the first batch of four, has the marker."""
    docs = []
    for p in (p for p in REAL_ARTICLES if p.stem in ARTICLES):
        text = p.read_text(encoding="utf-8")
        if p.stem == FAILING:
            text = text.replace(" the ", f" the {MARKER} ", 1)
        docs.append(RawDocument(p.stem, text, p.name))
    return docs


@pytest.fixture(scope="module")
def clean_run():
    assert [d.doc_id for d in _docs()] == ARTICLES
    return analyze(_docs(), load_resources("syria", sentiment="rules"), batch_size=4)


def _assert_only_the_failing_document_differs(clean: dict, got: dict, error_start: str) -> None:
    docs = got["documents"].set_index("doc_id")
    assert docs.loc[FAILING, "error"].startswith(error_start), docs.loc[FAILING, "error"]
    assert docs.loc[FAILING, "n_sentences"] == 0
    for name in TABLES:
        want = clean[name][clean[name].doc_id != FAILING].reset_index(drop=True)
        have = got[name][got[name].doc_id != FAILING].reset_index(drop=True)
        pd.testing.assert_frame_equal(want, have, obj=name)
        if name != "documents":
            assert FAILING not in set(got[name].doc_id), f"{name} keeps rows of the failed document"


@pytest.mark.parametrize("component", ["fail_on_marker", "fail_batch_on_marker"])
def test_a_component_failing_on_one_document_costs_that_document_alone(clean_run, component):
    res = load_resources("syria", sentiment="rules", code=CODE, components=[component])
    got = analyze(_docs(), res, batch_size=4)
    start = f"parsing failed in {component}: MarkerError: injected failure"
    _assert_only_the_failing_document_differs(clean_run, got, start)


@pytest.mark.parametrize("before", ["tagger", "ner", "actor_resolver"])
def test_a_failure_anywhere_in_the_pipeline_is_contained(clean_run, before):
    """The pipeline of the spec with the failing component at its end (that test's, built once),
    the component moved before ``before`` for this test and back to the end after it."""
    res = load_resources("syria", sentiment="rules", code=CODE, components=["fail_batch_on_marker"])
    res.nlp.remove_pipe("fail_batch_on_marker")
    res.nlp.add_pipe("fail_batch_on_marker", before=before)
    try:
        assert res.nlp.pipe_names.index("fail_batch_on_marker") == res.nlp.pipe_names.index(before) - 1
        got = Analyzer(res, batch_size=4).batch(_docs())
    finally:
        res.nlp.remove_pipe("fail_batch_on_marker")
        res.nlp.add_pipe("fail_batch_on_marker")
    _assert_only_the_failing_document_differs(clean_run, got, "parsing failed in fail_batch_on_marker")


@pytest.mark.parametrize("stage", ["extraction", "scoring"])
def test_a_failure_after_parsing_is_contained(clean_run, stage, monkeypatch):
    res = load_resources("syria", sentiment="rules")
    analyzer = Analyzer(res, batch_size=4)
    method = {"extraction": "_extract", "scoring": "_score"}[stage]
    real = getattr(analyzer, method)

    def flaky(*args):
        if MARKER in args[0].text:  # the clean document (extraction) or its parse (scoring)
            raise ZeroDivisionError("injected")
        return real(*args)

    monkeypatch.setattr(analyzer, method, flaky)
    got = analyzer.batch(_docs())
    _assert_only_the_failing_document_differs(clean_run, got, f"{stage} failed: ZeroDivisionError: injected")


def test_tables_that_cannot_be_typed_cost_their_document_alone(clean_run, monkeypatch):
    """The batch's tables are coerced to their types once; a document whose rows cannot be
    (a paragraph number that is no number) loses its rows, the others keep theirs."""
    res = load_resources("syria", sentiment="rules")
    analyzer = Analyzer(res, batch_size=4)
    real = analyzer._score

    def untyped(sdoc, tables, row):
        scored = real(sdoc, tables, row)
        if MARKER in sdoc.text:
            scored["sentences"] = scored["sentences"].assign(paragraph="not a number")
        return scored

    monkeypatch.setattr(analyzer, "_score", untyped)
    got = analyzer.batch(_docs())
    _assert_only_the_failing_document_differs(clean_run, got, "tables failed: ValueError: invalid literal")


@pytest.mark.slow
def test_two_worker_processes_contain_the_failure(clean_run):
    spec = load_resources("syria", sentiment="rules", code=CODE, components=["fail_batch_on_marker"]).spec
    got = analyze(_docs(), spec, batch_size=4, n_process=2)
    _assert_only_the_failing_document_differs(clean_run, got, "parsing failed in fail_batch_on_marker")


@pytest.mark.slow
def test_a_dask_cluster_contains_the_failure(clean_run, dask_client, tmp_path):
    from helpers.corpus import analyze_dask, read_tables

    spec = load_resources("syria", sentiment="rules", code=CODE, components=["fail_on_marker"]).spec
    analyze_dask(dask_client, iter(_docs()), tmp_path, spec, batch_size=4)
    got = {name: t.sort_values("doc_id", kind="stable", ignore_index=True) for name, t in read_tables(tmp_path).items()}
    _assert_only_the_failing_document_differs(clean_run, got, "parsing failed in fail_on_marker")


def test_errors_are_one_line_with_their_stage_and_kind():
    error = stage_error("parsing", KeyError("demonym:kurdish_forces"), "actor_resolver")
    assert error == "parsing failed in actor_resolver: KeyError: 'demonym:kurdish_forces'"
    assert stage_error("scoring", ValueError("a\nlong\ntraceback")) == "scoring failed: ValueError: a long traceback"
    assert len(stage_error("cleaning", ValueError("x" * 5000))) < 400
    with pytest.raises(ValueError, match="unknown stage"):
        stage_error("thinking", ValueError())
    errors = [error, "", "not English (3% of 200 words ...): not analysed", "a PDF, not text; convert it",
              "empty document (no text after cleaning)", "cannot read the file (Permission denied); check",
              "decoding failed: ValueError: x", "something new"]
    assert [error_kind(e) for e in errors] == ["parsing failed", "", "not English", "not text", "empty",
                                               "unreadable", "decoding failed", "other"]
    assert error_summary(errors + [error])["parsing failed"] == 2


def test_outside_a_batch_the_pipeline_still_raises():
    res = load_resources("syria", sentiment="rules", code=CODE, components=["fail_on_marker"])
    Analyzer(res, batch_size=2).batch([RawDocument("a", f"{MARKER} met Lavrov in Geneva.", "a.txt")])
    with pytest.raises(Exception, match="injected failure"):
        res.nlp(f"{MARKER} met Lavrov in Geneva.")
