"""The input check before any analysis (issue 13): refusals name file and line, repeated ids are
refused or renamed up front, ``skip`` resumes without decoding, one failing document is isolated."""

from __future__ import annotations

import csv
import json

import pytest

from helpers.corpus import InputError, count_documents, iter_documents, readers
from helpers.corpus.validation import validate_inputs

from ..conftest import REAL_ARTICLES

ARTICLES = {p.stem: p.read_text(encoding="utf-8") for p in REAL_ARTICLES}  # multi-paragraph: records span lines
LEAD = ("Syrian government forces shelled a market in eastern Aleppo on Monday, killing 12 civilians, "
        "the Syrian Observatory for Human Rights said. Russia denied that its jets had taken part.")
PAGE = f"<!DOCTYPE html><html><head><title>Aleppo</title></head><body><p>{LEAD}</p></body></html>"


def write_csv(path, rows, header=("id", "text")):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def record_lines(path):
    """The line on which each record of a CSV starts (the header is line 1)."""
    with open(path, encoding="utf-8", newline="") as fh:
        reader, starts = csv.reader(fh), []
        next(reader)
        while True:
            start = reader.line_num + 1
            if next(reader, None) is None:
                return starts
            starts.append(start)


# --- repeated ids: refused up front, naming both places ------------------------------------------
def test_a_repeated_id_in_one_csv_names_both_record_lines(tmp_path):
    rows = [[k, v] for k, v in ARTICLES.items()] + [["wikinews_019", LEAD]]
    path = write_csv(tmp_path / "c.csv", rows)
    starts = record_lines(path)
    first = starts[list(ARTICLES).index("wikinews_019")]
    assert first > 20 and starts[-1] > first  # the articles' paragraphs make records span many lines
    with pytest.raises(InputError) as err:
        iter_documents([path])
    message = str(err.value)
    assert message.startswith(f"{path}:{starts[-1]}: document id 'wikinews_019' also comes from {path}:{first}. ")
    assert "--on-duplicate-id suffix" in message and "\n" not in message


def test_a_repeated_id_across_csv_and_jsonl_names_both_files(tmp_path):
    c = write_csv(tmp_path / "c.csv", [["aleppo-1", LEAD], ["aleppo-2", ARTICLES["fakes_1914947532"]]])
    j = write_jsonl(tmp_path / "c.jsonl", [{"id": "idlib-1", "text": LEAD}, {"id": "aleppo-2", "text": LEAD}])
    with pytest.raises(InputError, match=rf"^{j}:2: document id 'aleppo-2' also comes from {c}:3\. Ids must be unique"):
        iter_documents([c, j])


def test_a_txt_and_an_html_file_of_the_same_name_collide(tmp_path):
    (tmp_path / "a.txt").write_text(LEAD, encoding="utf-8")
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(LEAD, encoding="utf-8")
    message = rf"^{tmp_path / 'a.txt'}: document id 'a' also comes from {tmp_path / 'a.html'}\. "
    with pytest.raises(InputError, match=message):
        iter_documents([tmp_path])


def test_many_repeats_are_named_in_one_line(tmp_path):
    rows = [[f"r{i % 3}", LEAD] for i in range(12)]
    with pytest.raises(InputError) as err:
        iter_documents([write_csv(tmp_path / "c.csv", rows)])
    message = str(err.value)
    assert "c.csv:5: document id 'r0' also comes from" in message and "'r1' at" in message
    assert " and 4 more." in message and "\n" not in message  # 9 repeats: the first and 4 more named


def test_refusal_comes_before_any_document_is_read(tmp_path, monkeypatch):
    (tmp_path / "docs").mkdir()
    for name, text in ARTICLES.items():
        (tmp_path / "docs" / f"{name}.txt").write_text(text, encoding="utf-8")
    late = write_jsonl(tmp_path / "late.jsonl", [{"id": "wikinews_000", "text": LEAD}])

    def never(*args, **kwargs):
        raise AssertionError("a document was decoded before the input was checked")

    monkeypatch.setattr(readers, "decode_bytes", never)
    monkeypatch.setattr(readers, "html_to_text", never)
    message = r"late.jsonl:1: document id 'wikinews_000' also comes from \S+/wikinews_000.txt"
    with pytest.raises(InputError, match=message):
        iter_documents([tmp_path / "docs", late])  # raised by the call itself, not by the first next()


# --- repeated ids kept: suffix mode ----------------------------------------------------------------
def test_suffix_mode_keeps_every_document_under_a_new_id(tmp_path):
    c = write_csv(tmp_path / "c.csv", [["x", LEAD], ["x~2", "Turkey said it shot down a Russian jet."],
                                      ["y", LEAD], ["x", "Russia denied it."]])
    j = write_jsonl(tmp_path / "c.jsonl", [{"id": "x", "text": "The Kremlin blamed Washington."},
                                           {"id": "y", "text": PAGE}])
    docs = iter_documents([c, j], on_duplicate_id="suffix")
    assert docs.plan.n_documents == docs.total == 6
    assert docs.plan.warnings == [
        f"{c}:5: document id 'x' also comes from {c}:2; kept as 'x~3'.",  # 'x~2' is an id of the input
        f"{j}:1: document id 'x' also comes from {c}:2; kept as 'x~4'.",
        f"{j}:2: document id 'y' also comes from {c}:4; kept as 'y~2'.",
    ]
    got = [(d.doc_id, d.text) for d in docs]
    assert [i for i, _ in got] == ["x", "x~2", "y", "x~3", "x~4", "y~2"]
    assert got[3][1] == "Russia denied it." and got[5][1] == f"Aleppo\n\n{LEAD}"  # the page's text, extracted


def test_suffix_renames_do_not_depend_on_skip(tmp_path):
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "report.txt").write_text(LEAD, encoding="utf-8")
    whole = [d.doc_id for d in iter_documents([tmp_path / "a", tmp_path / "b"], on_duplicate_id="suffix")]
    assert whole == ["report", "report~2"]
    assert [d.doc_id for d in iter_documents([tmp_path / "a", tmp_path / "b"], on_duplicate_id="suffix",
                                             skip=1)] == ["report~2"]


# --- every record checked, with its line --------------------------------------------------------------
def test_a_csv_record_without_its_text_is_named_by_line(tmp_path):
    rows = [[f"fakes-{i}", LEAD] for i in range(80)]
    rows[55] = ["fakes-55"]  # header on line 1: the 56th record starts on line 57
    with pytest.raises(InputError, match=r"c.csv:57: no 'text' value \(the record has 1 field\(s\), the header 2\); "
                                         r"check the quoting"):
        iter_documents([write_csv(tmp_path / "c.csv", rows)])


def test_a_stray_quote_is_refused_not_swallowing_the_rest(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text(f'id,text\na,"{LEAD}"\nb,"Russia denied it.\nc,Turkey said so.\nd,Iran said.\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"c.csv:3: a quoted field is still open at the end of the file"):
        iter_documents([path])


def test_a_quote_inside_an_unquoted_field_is_fine(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text('id,text\na,The 5\'10" suspect fled.\nb,Russia denied it.\n', encoding="utf-8")
    assert [d.text for d in iter_documents([path])] == ["The 5'10\" suspect fled.", "Russia denied it."]


def test_a_csv_parse_error_names_its_line(tmp_path, monkeypatch):
    limit, set_limit = csv.field_size_limit(), csv.field_size_limit
    monkeypatch.setattr(csv, "field_size_limit", lambda *_: set_limit(500))  # a limit the article exceeds
    path = write_csv(tmp_path / "c.csv", [["a", LEAD], ["b", ARTICLES["wikinews_000"]]])
    try:
        with pytest.raises(InputError, match=r"c.csv:3: not valid CSV \(field larger than field limit \(500\)\)"):
            iter_documents([path])
    finally:
        set_limit(limit)


def test_binary_data_in_a_table_is_refused(tmp_path):
    path = tmp_path / "c.csv"
    path.write_bytes(b"id,text\na,Russia\x00denied it.\n")
    with pytest.raises(InputError, match=r"c.csv: binary data, not text"):
        iter_documents([path])


@pytest.mark.parametrize("rows, message", [
    ([{"id": "a", "text": LEAD}, {"id": "b", "text": LEAD}, {"doc": "c", "text": LEAD}], r"c.jsonl:3: no field 'id'"),
    ([{"id": "a", "text": LEAD}, {"id": None, "text": LEAD}], r"c.jsonl:2: the 'id' field is empty"),
])
def test_every_jsonl_record_is_checked(tmp_path, rows, message):
    with pytest.raises(InputError, match=message):
        iter_documents([write_jsonl(tmp_path / "c.jsonl", rows)])


def test_a_jsonl_line_that_does_not_parse_is_named(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"id": "a", "text": LEAD}) + "\n\n" + '{"id": "b", "text": "Russia\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"c.jsonl:3: not valid JSON"):
        iter_documents([path])


def test_an_input_given_twice_is_refused(tmp_path):
    (tmp_path / "x.txt").write_text(LEAD, encoding="utf-8")
    with pytest.raises(InputError, match=r"x.txt: given twice \(it is also in the folder"):
        iter_documents([tmp_path, tmp_path / "x.txt"])
    with pytest.raises(InputError, match=r"x.txt: given twice"):
        iter_documents([tmp_path / "x.txt", tmp_path / "." / "x.txt"])


# --- the plan: counts and warnings ------------------------------------------------------------------
def test_the_plan_counts_documents_and_warns_about_unreadable_files(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "good.txt").write_text(LEAD, encoding="utf-8")
    (tmp_path / "docs" / "gone.txt").symlink_to(tmp_path / "moved-away.txt")  # unreadable even for root
    c = write_csv(tmp_path / "c.csv", [[k, v] for k, v in ARTICLES.items()])
    plan = validate_inputs([tmp_path / "docs", c], "id", "text", "error")
    assert (plan.n_documents, plan.n_unreadable) == (2 + len(ARTICLES), 1)
    assert plan.warnings == [f"1 file(s) cannot be read ({tmp_path / 'docs' / 'gone.txt'}); each becomes a row "
                             "of documents with its error, the others are analysed."]
    assert [s.kind for s in plan.sources] == ["folder", "csv"] and plan.sources[1].encoding == "utf-8"
    assert plan.describe() == f"11 document(s): {tmp_path / 'docs'} 2, {c} 9; 1 unreadable file(s)"
    assert count_documents([tmp_path / "docs", c]) == plan.n_documents
    docs = list(iter_documents([tmp_path / "docs", c]))
    assert len(docs) == plan.n_documents and docs[0].error.startswith("cannot read the file")


def test_wide_records_and_empty_tables_are_warned_about(tmp_path):
    c = tmp_path / "c.csv"
    c.write_text("id,text\na,Russia denied it.\nb,Russia denied it,Moscow said\n", encoding="utf-8")
    e = write_csv(tmp_path / "e.csv", [])
    plan = validate_inputs([c, e], "id", "text", "error")
    assert plan.warnings == [f"{c}: 1 record(s) have more fields than the header (first at line 3); the extra "
                             "fields are kept under no column name. Check their quoting.",
                             f"{e}: no records; it adds no documents."]
    assert plan.n_documents == 2


# --- skip: resume without decoding what was done ----------------------------------------------------
def test_skip_starts_later_without_decoding_the_skipped_documents(tmp_path, monkeypatch):
    (tmp_path / "docs").mkdir()
    for name in ("fakes_1914947532", "wikinews_043"):
        (tmp_path / "docs" / f"{name}.txt").write_text(ARTICLES[name], encoding="utf-8")
    c = write_csv(tmp_path / "c.csv", [["p1", PAGE], ["p2", PAGE], ["t3", LEAD]])
    j = write_jsonl(tmp_path / "c.jsonl", [{"id": "j1", "text": PAGE}, {"id": "j2", "text": LEAD}])
    inputs = [tmp_path / "docs", c, j]
    whole = [(d.doc_id, d.text, d.format) for d in iter_documents(inputs)]
    calls = []
    for name in ("decode_bytes", "looks_like_html"):
        real = getattr(readers, name)
        monkeypatch.setattr(readers, name, lambda *a, _real=real, _name=name: calls.append(_name) or _real(*a))
    for skip in range(len(whole) + 1):
        calls.clear()
        docs = iter_documents(inputs, skip=skip)
        assert docs.total == len(whole) - skip
        assert [(d.doc_id, d.text, d.format) for d in docs] == whole[skip:]
        assert len(calls) == len(whole) - skip + max(0, 2 - skip)  # each file: decode_bytes + looks_like_html
    later = iter_documents(inputs).starting_at(5)  # what a resuming runner does with the stream it was given
    assert [d.doc_id for d in later] == [i for i, _, _ in whole[5:]] and later.total == 2
    with pytest.raises(InputError, match="cannot skip 8 documents: the input holds 7"):
        iter_documents(inputs, skip=8)


# --- one failing document never stops the stream ------------------------------------------------------
def test_an_html_extraction_failure_becomes_that_documents_error(tmp_path, monkeypatch):
    real = readers.html_to_text

    def fragile(html):
        if "Idlib" in html:
            raise RecursionError("maximum recursion depth exceeded\nwhile parsing")
        return real(html)

    monkeypatch.setattr(readers, "html_to_text", fragile)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.html").write_text(PAGE.replace("Aleppo", "Idlib"), encoding="utf-8")
    (tmp_path / "docs" / "b.html").write_text(PAGE, encoding="utf-8")
    j = write_jsonl(tmp_path / "c.jsonl", [{"id": "c", "text": PAGE.replace("Aleppo", "Idlib")},
                                           {"id": "d", "text": LEAD}])
    docs = {d.doc_id: d for d in iter_documents([tmp_path / "docs", j])}
    assert list(docs) == ["a", "b", "c", "d"]
    for bad in ("a", "c"):
        assert docs[bad].error == "decoding failed: RecursionError: maximum recursion depth exceeded while parsing"
        assert (docs[bad].text, docs[bad].format) == ("", "html")
    assert docs["b"].text.endswith(LEAD) and docs["d"].text == LEAD and docs["b"].error == docs["d"].error == ""


def test_a_decoding_failure_becomes_that_documents_error(tmp_path, monkeypatch):
    real = readers.decode_bytes

    def fragile(data, name):
        if name == "a.txt":
            raise LookupError("unknown encoding: x-mac-cyrillic")
        return real(data, name)

    monkeypatch.setattr(readers, "decode_bytes", fragile)
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(LEAD, encoding="utf-8")
    docs = list(iter_documents([tmp_path]))
    assert [(d.doc_id, d.error) for d in docs] == [
        ("a", "decoding failed: LookupError: unknown encoding: x-mac-cyrillic"), ("b", "")]
