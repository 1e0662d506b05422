"""A corpus as a frame (helpers.evaluation.corpus_frame, notebook 05): the vendored files by their
loaders, a researcher's own CSV or JSONL by the corpus readers, and a skipped corpus."""

from __future__ import annotations

import csv
import json

import pandas as pd
import pytest

from helpers.evaluation import corpus_frame, load_fakes, load_wikinews
from helpers.paths import PROJECT_ROOT
from tests.conftest import FIXTURES

COLUMNS = ["source", "date", "actor"]


@pytest.mark.parametrize("path,loader", [("data/external/fakes_syria/dev.csv", load_fakes),
                                         ("data/external/wikinews/articles.csv", load_wikinews)])
def test_vendored_files_are_read_by_their_loaders(path, loader):
    expected = loader()
    pd.testing.assert_frame_equal(corpus_frame(path, "id", "text", COLUMNS), expected)
    # an absolute path (or one with a detour) is the same file
    detour = PROJECT_ROOT / "data" / ".." / path
    pd.testing.assert_frame_equal(corpus_frame(str(detour), "id", "text", COLUMNS), expected)
    prefix = "fakes_" if loader is load_fakes else "wikinews_"
    assert expected.doc_id.str.startswith(prefix).all() and expected.doc_id.is_unique


def _own_articles() -> list[dict]:
    """Two real articles of the fixtures, as a researcher's own corpus would hold them."""
    return [{"article": name, "body": (FIXTURES / f"{name}.txt").read_text(encoding="utf-8"), "outlet": outlet,
             "published": date}
            for name, outlet, date in (("wikinews_019", "Wikinews", "2019-02-02"),
                                       ("fakes_1914947532", "FA-KES", "2017-01-01"))]


def test_own_csv_keeps_its_ids_texts_and_other_columns(tmp_path):
    rows = _own_articles()
    path = tmp_path / "own.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    frame = corpus_frame(path, "article", "body", COLUMNS)
    assert frame.doc_id.tolist() == ["wikinews_019", "fakes_1914947532"]
    assert frame.text.iloc[0].startswith("Saturday, February 2, 2019")
    assert "two French police officers were found guilty" in frame.text.iloc[0]
    assert frame.outlet.tolist() == ["Wikinews", "FA-KES"] and frame.published.tolist() == ["2019-02-02", "2017-01-01"]
    assert {"article", "body"}.isdisjoint(frame.columns)


def test_own_jsonl_is_read_too(tmp_path):
    path = tmp_path / "own.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in _own_articles()), encoding="utf-8")
    frame = corpus_frame(path, "article", "body", COLUMNS)
    assert frame.doc_id.tolist() == ["wikinews_019", "fakes_1914947532"] and frame.outlet.tolist()[1] == "FA-KES"


@pytest.mark.parametrize("path", ["", None])
def test_skipped_corpus_is_an_empty_frame_with_the_columns(path):
    frame = corpus_frame(path, "id", "text", COLUMNS)
    assert frame.empty and list(frame.columns) == ["doc_id", "text", *COLUMNS]
