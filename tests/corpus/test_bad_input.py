"""Bad input (issue 7): every kind of file a scraper leaves behind gets a clear outcome.

A good document's results are kept, a bad one gets its reason in ``documents.error``, and a
problem with the command itself is one line naming the file and the fix (exit 2, no traceback).
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from helpers.corpus import Analyzer, InputError, analyze, iter_documents
from helpers.paths import SEED_ARTICLE
from helpers.resources import load_resources
from helpers.text import NotTextError, decode_bytes, english_share, html_to_text, language_problem, looks_like_html

from ..conftest import FIXTURES

NON_ENGLISH = sorted((FIXTURES / "non_english").glob("*.txt"))
LEAD = ("Syrian government forces shelled a market in eastern Aleppo on Monday, killing 12 civilians, "
        "the Syrian Observatory for Human Rights said. Russia denied that its jets had taken part.")


@pytest.fixture(scope="module")
def res():
    return load_resources("syria", sentiment="none")


# --- bytes and encodings ---------------------------------------------------------------------
def test_encodings_are_detected_and_recorded(tmp_path):
    text = "The minister\u2019s caf\u00e9 \u2013 \u201cno comment\u201d."
    assert decode_bytes(text.encode("utf-8")) == (text, "utf-8")
    assert decode_bytes(b"\xef\xbb\xbf" + text.encode("utf-8")) == ("\ufeff" + text, "utf-8-sig")
    assert decode_bytes(text.encode("cp1252")) == (text, "cp1252")
    # 0x81 is undefined in cp1252: latin-1 keeps every byte (cleaning then reports the control)
    assert decode_bytes("Bashar al-Assad".encode("latin-1") + b"\x81") == ("Bashar al-Assad\x81", "latin-1")
    assert decode_bytes(text.encode("utf-16")) == (text, "utf-16")


@pytest.mark.parametrize("data, what", [(b"%PDF-1.7\n%\xe2\xe3", "a PDF"), (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
                                        (b"abc\x00def", "binary"), (bytes(range(0, 32)) * 20, "binary")])
def test_binary_data_is_refused_by_name(data, what):
    with pytest.raises(NotTextError, match=f"^scraped.bin: {what}"):
        decode_bytes(data, "scraped.bin")


def test_crlf_and_bom_give_the_same_analysis_as_clean_utf8(tmp_path, res):
    raw = SEED_ARTICLE.read_text(encoding="utf-8")
    (tmp_path / "plain.txt").write_text(raw, encoding="utf-8", newline="\n")
    (tmp_path / "windows.txt").write_bytes(b"\xef\xbb\xbf" + raw.replace("\n", "\r\n").encode("utf-8"))
    (tmp_path / "legacy.txt").write_bytes(raw.encode("cp1252", errors="strict"))
    t = analyze(iter_documents([tmp_path]), res)
    d = t["documents"].set_index("doc_id")
    assert d.encoding.to_dict() == {"legacy": "cp1252", "plain": "utf-8", "windows": "utf-8-sig"}
    s = t["sentences"]
    texts = {k: g.text.tolist() for k, g in s.groupby("doc_id")}
    assert texts["plain"] == texts["windows"] == texts["legacy"] and len(texts["plain"]) == 29
    m = t["mentions"]
    assert (m[m.doc_id == "windows"].root.tolist() == m[m.doc_id == "plain"].root.tolist())
    # raw offsets still point into each file's own characters (CRLF counts two)
    w = s[s.doc_id == "windows"].iloc[5]
    raw_w = (tmp_path / "windows.txt").read_bytes().decode("utf-8")
    assert " ".join(raw_w[w.raw_start:w.raw_end].split()) == w.text


# --- HTML pages --------------------------------------------------------------------------------
PAGE = f"""<!DOCTYPE html>
<html><head><title>Market shelled in Aleppo</title>
<script>document.title = 'pwned'; fetch('https://example.org/x')</script>
<style>p {{ color: red }}</style></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Market shelled in Aleppo</h1>
<p>{LEAD.split(". ")[0]}.</p><p>{LEAD.split(". ")[1]}</p>
<p>Aid groups said the &quot;attack&quot; was the worst this month &amp; called for a truce.</p></article>
<footer>&copy; 2016 Example News</footer><script>alert(1)</script></body></html>"""


def test_html_is_reduced_to_its_text_with_a_real_parser():
    assert looks_like_html(PAGE) and not looks_like_html("Russia said <b>no</b>.")
    text = html_to_text(PAGE)
    assert text.split("\n\n") == [
        "Market shelled in Aleppo",
        LEAD.split(". ")[0] + ".",
        LEAD.split(". ")[1],
        'Aid groups said the "attack" was the worst this month & called for a truce.',
    ]
    for gone in ("pwned", "alert", "color", "Home", "2016 Example"):
        assert gone not in text


def test_html_files_in_a_folder_are_analysed_as_text(tmp_path, res):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    t = analyze(iter_documents([tmp_path]), res)
    doc = t["documents"].iloc[0]
    assert (doc.format, doc.error, doc.responsible) == ("html", "", "Syrian government")
    assert not t["sentences"].text.str.contains("<|pwned", regex=True).any()


# --- empty, binary, unreadable, non-English, in one folder ----------------------------------------
def test_a_mixed_folder_keeps_every_good_document_and_explains_every_bad_one(tmp_path, res):
    (tmp_path / "good.txt").write_text(LEAD, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "blank.txt").write_text(" \n\t\n\u00a0\n", encoding="utf-8")
    (tmp_path / "scan.txt").write_bytes(b"%PDF-1.4\n" + bytes(range(256)))
    (tmp_path / "locked.txt").write_text(LEAD, encoding="utf-8")
    (tmp_path / "locked.txt").chmod(0)
    (tmp_path / "gone.txt").symlink_to(tmp_path / "moved-away.txt")  # unreadable even for root
    (tmp_path / "chapter.txt").mkdir()  # a folder named like a document
    for p in NON_ENGLISH:
        (tmp_path / f"foreign_{p.name}").write_bytes(p.read_bytes())
    try:
        t = analyze(iter_documents([tmp_path]), res)
    finally:
        (tmp_path / "locked.txt").chmod(0o644)
    d = t["documents"].set_index("doc_id")
    assert len(d) == 7 + len(NON_ENGLISH)
    assert d.loc["gone", "error"] == ("cannot read the file (No such file or directory); the name is a broken link "
                                      "or the file was removed; restore or delete it")
    assert d.loc["chapter", "error"].startswith("cannot read the file (Is a directory); a folder named like a document")
    assert d.loc["good", "error"] == "" and d.loc["good", "responsible"] == "Syrian government"
    assert d.loc["empty", "error"] == d.loc["blank", "error"] == "empty document (no text after cleaning)"
    assert d.loc["scan", "error"].startswith("a PDF, not text")
    import os

    if os.geteuid() != 0:  # root can read anything
        assert d.loc["locked", "error"].startswith("cannot read the file")
    for p in NON_ENGLISH:
        assert d.loc[f"foreign_{p.stem}", "error"].startswith("not English"), p.name
    bad = set(d.index[d.error != ""])
    assert not set(t["sentences"].doc_id) & bad and not set(t["mentions"].doc_id) & bad


def test_language_check_keeps_english_and_short_texts():
    assert language_problem(SEED_ARTICLE.read_text(encoding="utf-8")) == ""
    for p in sorted(FIXTURES.glob("*.txt")):  # real English articles of other shapes
        assert language_problem(p.read_text(encoding="utf-8")) == "", p.name
    assert language_problem("Alep: frappes aériennes, vingt morts") == ""  # too short to judge
    share, n = english_share((FIXTURES / "non_english" / "de.txt").read_text(encoding="utf-8"))
    assert n > 40 and share < 0.1


# --- documents longer than spaCy's max_length ----------------------------------------------
def test_a_document_longer_than_max_length_is_parsed_in_chunks_not_truncated(res):
    raw = SEED_ARTICLE.read_text(encoding="utf-8")
    whole = Analyzer(res).batch(list(iter_documents([SEED_ARTICLE])))
    saved = res.nlp.max_length
    res.nlp.max_length = 1500  # the seed's body is about 4,850 characters: four chunks
    try:
        chunked = Analyzer(res).batch(list(iter_documents([SEED_ARTICLE])))
    finally:
        res.nlp.max_length = saved
    s, m = chunked["sentences"], chunked["mentions"]
    assert chunked["documents"].error.tolist() == [""]
    assert s.text.tolist() == whole["sentences"].text.tolist()  # every sentence, nothing cut
    assert (s[["start_char", "end_char", "raw_start", "raw_end"]].values
            == whole["sentences"][["start_char", "end_char", "raw_start", "raw_end"]].values).all()
    assert raw[s.raw_start.iloc[-1]:s.raw_end.iloc[-1]].startswith("It is now Moscow")  # the last sentence
    # mentions keep exact offsets; only coreference across chunk boundaries may differ
    body = pd.Series([raw[a:b] for a, b in zip(m.raw_start, m.raw_end)])
    assert (body.str.replace(r"\s+", " ", regex=True) == m.text.reset_index(drop=True)).mean() > 0.95
    same = m.merge(whole["mentions"], on=["start_char", "end_char", "root"])
    assert len(same) >= 0.9 * len(whole["mentions"])


# --- problems with the command: one line, the file, the fix -------------------------------------
@pytest.mark.parametrize(
    "make_input, extra, expected",
    [
        (lambda d: d / "missing.txt", [], r"missing.txt: no such file or folder\. Check the path\."),
        (lambda d: (d / "a.csv").write_text("id,body\n1,x\n") and d / "a.csv", [],
         r"a.csv: no column 'text' \(columns: id, body\); name the right one with --text-field\."),
        (lambda d: (d / "a.jsonl").write_text('{"id": 1, "body": "x"}\n') and d / "a.jsonl", [],
         r"a.jsonl:1: no field 'text'"),
        (lambda d: (d / "a.jsonl").write_text('["x"]\n') and d / "a.jsonl", [],
         r"a.jsonl:1: a JSON list, not an object"),
        (lambda d: (d / "e").mkdir() or d / "e", [], r"e: folder has no .txt or .html files"),
        (lambda d: SEED_ARTICLE, ["--colour"], r"unrecognized arguments: --colour \(see `python -m helpers"),
        (lambda d: SEED_ARTICLE, ["--format", "xlsx"], r"invalid choice: 'xlsx'"),
        (lambda d: SEED_ARTICLE, ["--n-process", "0"], r"--n-process must be at least 1, not 0\."),
    ],
)
def test_command_errors_are_one_line(tmp_path, cli, make_input, extra, expected):
    import re

    path = make_input(tmp_path)
    res = cli("analyze", str(path), "--out", str(tmp_path / "out"), "--quiet", *extra)
    assert res.returncode == 2
    assert res.stderr.count("\n") == 1 and res.stderr.startswith("error: "), res.stderr
    assert re.search(expected, res.stderr), res.stderr
    assert "Traceback" not in res.stderr and not (tmp_path / "out" / "documents.csv").exists()


def test_a_bad_row_in_a_jsonl_corpus_is_a_document_error_not_a_crash(tmp_path, res):
    rows = [{"id": "a", "text": LEAD}, {"id": "b", "text": None}, {"id": "c", "text": 42}, {"id": "d", "text": PAGE}]
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    d = analyze(iter_documents([path]), res)["documents"].set_index("doc_id")
    assert d.loc["a", "error"] == "" and d.loc["d", "format"] == "html" and d.loc["d", "error"] == ""
    assert d.loc["b", "error"].startswith("empty document")
    assert d.loc["c", "error"] == "" and d.loc["c", "n_words"] == 1  # a number is text "42"


def test_duplicate_ids_name_both_sources(tmp_path):
    (tmp_path / "x.txt").write_text(LEAD, encoding="utf-8")
    (tmp_path / "c.csv").write_text(f"id,text\nx,{LEAD}\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"c.csv:2: document id 'x' also comes from \S*x.txt\. Ids must be unique"):
        iter_documents([tmp_path / "x.txt", tmp_path / "c.csv"])  # refused before any document
