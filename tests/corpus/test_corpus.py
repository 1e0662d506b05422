"""helpers.corpus and the analyze command: any input shape, stable tables, clear errors."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from helpers.corpus import DOCUMENT_COLUMNS, SENTENCE_COLUMNS, InputError, analyze, iter_documents
from helpers.paths import SEED_ARTICLE
from helpers.resources import load_resources
from helpers.schema import MENTION_COLUMNS

from ..conftest import FIXTURES


def test_inputs_of_every_shape_give_the_same_documents(tmp_path):
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("wikinews_*.txt"))}
    pd.DataFrame({"id": list(texts), "text": list(texts.values())}).to_csv(tmp_path / "c.csv", index=False)
    with open(tmp_path / "c.jsonl", "w", encoding="utf-8") as fh:
        for k, v in texts.items():
            fh.write(json.dumps({"doc": k, "body": v}) + "\n")
    from_txt = {d.doc_id: d.text for d in iter_documents(sorted(FIXTURES.glob("wikinews_*.txt")))}
    from_csv = {d.doc_id: d.text for d in iter_documents([tmp_path / "c.csv"])}
    from_jsonl = {d.doc_id: d.text for d in iter_documents([tmp_path / "c.jsonl"], id_field="doc", text_field="body")}
    assert from_txt == from_csv == from_jsonl == texts


@pytest.mark.parametrize(
    "content, suffix, message",
    [
        ("id,body\n1,hello\n", ".csv", r"no column 'text' \(columns: id, body\); name the right one with --text-field"),
        ('{"id": 1, "body": "x"}\n', ".jsonl", r":1: no field 'text'"),
        ("{not json}\n", ".jsonl", r":1: not valid JSON"),
    ],
)
def test_bad_tables_name_the_file_and_the_fix(tmp_path, content, suffix, message):
    p = tmp_path / f"in{suffix}"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        list(iter_documents([p]))


def test_duplicate_ids_are_refused(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("Russia said.", encoding="utf-8")
    (tmp_path / "x.txt").write_text("Turkey said.", encoding="utf-8")
    with pytest.raises(InputError, match="'x' also comes from"):
        list(iter_documents([tmp_path / "a", tmp_path / "x.txt"]))


def test_analyze_tables(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n\n ", encoding="utf-8")
    docs = list(iter_documents([SEED_ARTICLE, tmp_path / "empty.txt"]))
    tables = analyze(docs, load_resources("syria", sentiment="none"))
    d = tables["documents"].set_index("doc_id")
    assert list(tables["documents"].columns) == DOCUMENT_COLUMNS
    assert list(tables["sentences"].columns) == SENTENCE_COLUMNS
    assert list(tables["mentions"].columns) == MENTION_COLUMNS
    assert d.loc["empty", "error"].startswith("empty document")
    assert d.loc[SEED_ARTICLE.stem, "error"] == "" and d.loc[SEED_ARTICLE.stem, "n_paragraphs"] == 10
    s = tables["sentences"]
    assert d.loc[SEED_ARTICLE.stem, "n_sentences"] == len(s) == s.sent_id.max() + 1
    raw = SEED_ARTICLE.read_text(encoding="utf-8")
    first = s.iloc[0]
    assert raw[first.raw_start : first.raw_end].startswith("It is hard to escape")


def test_analyze_cli_writes_tables_and_reports_errors_in_one_line(tmp_path, cli):
    out = tmp_path / "out"
    ok = cli("analyze", SEED_ARTICLE, "--out", out, "--quiet")  # the learned sentiment (the default)
    assert ok.returncode == 0, ok.stderr
    assert {p.name for p in out.iterdir()} == {"documents.csv", "sentences.csv", "mentions.csv", "blame.csv",
                                               "quotes.csv", "actor_sentiment.csv"}
    sents = pd.read_csv(out / "sentences.csv")
    assert sents.sentiment.between(-1, 1).all() and sents.vader.between(-1, 1).all()
    torpedo = sents[sents.text.str.contains("incentives to torpedo")].iloc[0]
    assert torpedo.sentiment < 0 < torpedo.vader  # the project's scorer reads what VADER misreads
    actors = pd.read_csv(out / "actor_sentiment.csv")
    assert set(actors.actor) >= {"Russia", "United States", "Syrian government"}
    assert (actors.ci_low <= actors.sentiment).all() and (actors.sentiment <= actors.ci_high).all()
    docs = pd.read_csv(out / "documents.csv", keep_default_na=False)
    blame = pd.read_csv(out / "blame.csv", keep_default_na=False)
    assert {"blamer", "blamed", "kind", "attribution", "stance", "cue", "issue", "cue_start"} <= set(blame.columns)
    # the op-ed holds the Assad regime responsible for the truce's collapse, and Russia for bombing
    assert {"Russia", "Syrian government"} <= set(blame.blamed_root)
    from helpers.actors import load_catalog
    from helpers.blame import responsible

    again = responsible(blame.assign(denied=blame.denied.astype(str) == "True"), [SEED_ARTICLE.stem],
                        catalog=load_catalog(["syria"]))
    assert docs.loc[0, "responsible"] == again.loc[0, "responsible"] in {"Russia", "Syrian government"}
    assert 0 < docs.loc[0, "responsible_score"] <= 1
    assert -1 <= docs.loc[0, "sentiment"] <= 1
    m = pd.read_csv(out / "mentions.csv", keep_default_na=False)
    assert (m[m.text == "Kremlin"].root == "Russia").all()
    bad = tmp_path / "x.csv"
    bad.write_text("id,body\n1,a\n", encoding="utf-8")
    err = cli("analyze", bad, "--out", out)
    assert err.returncode == 2 and err.stderr.count("\n") == 1 and "--text-field" in err.stderr


def test_vendored_fakes_rows_keep_their_own_ids():
    from helpers.evaluation import load_fakes

    f = load_fakes()
    assert len(f) == 239 and f.doc_id.is_unique
    assert (f.doc_id.str.endswith("-2")).sum() == 4
