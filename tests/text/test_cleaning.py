"""helpers.text on the seed, on real articles of other shapes, and on real snippets."""

from __future__ import annotations

import json

import pytest

from helpers.paths import SEED_ARTICLE
from helpers.text import REPAIR_KINDS, clean, clean_file, keep_hyphen, read_text

from ..conftest import REAL_ARTICLES


# ----- invariants every cleaned document must satisfy ---------------------------------------
def assert_offsets_exact(doc):
    """Every clean character maps to a raw one; where they differ, a reported repair says why."""
    assert len(doc.offsets) == len(doc.text)
    assert all(a <= b for a, b in zip(doc.offsets, doc.offsets[1:])), "offset map must not go backwards"
    for i, (ch, r) in enumerate(zip(doc.text, doc.offsets)):
        assert 0 <= r <= len(doc.raw)
        if r < len(doc.raw) and doc.raw[r] == ch:
            continue
        assert any(
            rep.raw_start <= r <= rep.raw_end and ch in rep.after for rep in doc.repairs
        ), f"clean char {i} {ch!r} (raw {r}) is neither copied nor produced by a repair"


def assert_nothing_lost_silently(doc):
    """Every raw non-space character is in the body, or inside a reported repair."""
    kept = set(doc.offsets)
    covered = set()
    for rep in doc.repairs:
        covered.update(range(rep.raw_start, rep.raw_end))
    for i, ch in enumerate(doc.raw):
        if not ch.isspace() and i not in kept:
            assert i in covered, f"raw char {i} {ch!r} lost without a reported repair"


def assert_idempotent(doc):
    again = clean(doc.text, doc.doc_id, quotes=doc.metadata["quotes"])
    assert again.text == doc.text
    assert sum(again.repair_counts().values()) == 0, again.repair_counts()


# ----- the seed --------------------------------------------------------------------------
@pytest.fixture(scope="module")
def seed():
    return clean_file(SEED_ARTICLE)


def test_seed_caption_and_credit_leave_the_body(seed):
    assert seed.text.startswith("It is hard to escape the impression")
    assert "White Helmets / AP" not in seed.text
    (caption,) = seed.metadata["captions"]
    assert caption["text"].startswith("Rescue workers work the site of air strikes")
    assert caption["text"].endswith("Syrian Civil Defense White Helmets / AP")
    assert seed.raw[caption["raw_start"] : caption["raw_end"]].startswith("Rescue workers")


def test_seed_paragraphs_have_no_hard_wraps(seed):
    assert len(seed.paragraphs) == 10
    for s, e in seed.paragraphs:
        assert "\n" not in seed.text[s:e]
        assert seed.text[s:e] == seed.text[s:e].strip()
    assert "bomb its way out of its most important diplomatic achievement" in seed.text


def test_seed_page_break_is_joined_but_real_breaks_stay(seed):
    assert "U.S. Secretary of State John Kerry described at the UN" in seed.text
    assert "the deal.\n\nBut it did not turn out this way.\n\nFrom the onset" in seed.text


def test_seed_compound_keeps_its_hyphen(seed):
    assert "have sounded more upbeat about the cease-fire." in seed.text
    assert "ceasefire" not in seed.text


def test_seed_missing_space_after_abbreviation(seed):
    assert "U.S.Secretary" not in seed.text
    assert "U.S.-Russia military cooperation" in seed.text
    assert "pressure on the U.S., by escalating" in seed.text


def test_seed_quotes_are_ascii(seed):
    assert "\u2019" not in seed.text and "\u201c" not in seed.text
    assert "Syria's civil war" in seed.text
    assert 'blaming Washington for "supporting the Islamic State" were' in seed.text


def test_seed_report_counts_each_repair(seed):
    counts = seed.repair_counts()
    assert list(counts) == list(REPAIR_KINDS)
    assert counts["caption"] == 1 and counts["page_break"] == 1 and counts["hyphen_kept"] == 1
    assert counts["missing_space"] == 1 and counts["quotes"] == 12 and counts["dehyphenated"] == 0
    table = seed.report()
    assert table["count"].sum() == len(seed.repairs)
    examples = table.set_index("kind").loc["page_break", "examples"]
    assert "'ate John\\n\\n\\n\\nKerry de' -> 'ate John Kerry de'" in examples


def test_seed_offsets_cite_the_raw_text(seed):
    i = seed.text.index("John Kerry")
    raw_s, raw_e = seed.raw_span(i, i + len("John Kerry"))
    assert seed.raw[raw_s:raw_e] == "John\n\n\n\nKerry"
    line, col = seed.raw_line_col(i + len("John "))
    assert seed.raw.splitlines()[line - 1].startswith("Kerry described at the")
    assert col == 1
    j = seed.text.index("about the cease-fire") + len("about the ")
    raw_s, raw_e = seed.raw_span(j, j + len("cease-fire"))
    assert seed.raw[raw_s:raw_e] == "cease-\nfire"


def test_seed_invariants(seed):
    assert_offsets_exact(seed)
    assert_nothing_lost_silently(seed)
    assert_idempotent(seed)


# ----- real articles of other shapes (Wikinews, FA-KES) -----------------------------------
@pytest.mark.parametrize("path", REAL_ARTICLES, ids=lambda p: p.stem)
def test_real_article_invariants(path):
    doc = clean_file(path)
    assert doc.text and doc.paragraphs
    assert_offsets_exact(doc)
    assert_nothing_lost_silently(doc)
    assert_idempotent(doc)


def test_wikinews_dateline_line_is_metadata():
    doc = clean_file(next(p for p in REAL_ARTICLES if p.stem == "wikinews_000"))
    assert doc.metadata["dateline"]["text"] == "Friday, January 4, 2019"
    assert doc.text.startswith("An apartment building collapsed on Monday in Magnitogorsk")
    assert "\u00a0" not in doc.text


def test_wikinews_image_captions_are_metadata():
    doc = clean_file(next(p for p in REAL_ARTICLES if p.stem == "wikinews_043"))
    captions = [c["text"] for c in doc.metadata["captions"]]
    assert "The procession at the Rue des Soubirous. Image: Genium." in captions
    assert "Image: Genium" not in doc.text
    assert "Cahors Cathedral" in doc.text


def test_fakes_leading_date_is_metadata_and_c1_controls_repaired():
    doc = clean_file(next(p for p in REAL_ARTICLES if p.stem == "fakes_1914947532"))
    assert doc.metadata["dateline"]["text"] == "Fri 07 Apr 2017 at 0914"
    assert doc.text.startswith("Homs governor says U.S. attack caused deaths")
    doc = clean_file(next(p for p in REAL_ARTICLES if p.stem == "fakes_1962495706"))
    assert not any("\x80" <= ch <= "\x9f" for ch in doc.text)
    assert "\u2022" in doc.text  # cp1252 0x95, the bullet it once was


# ----- line structure --------------------------------------------------------------------
SEED_LIKE = (
    "The Defense Ministry's version of events, that has been\nchanging every 12\n"
    "hours or so, strains credulity, creating what U.S. Secretary of State John\n\n\n\n"
    "Kerry described at the\nUN as a parallel universe.\n\n"
    "It looks as if Moscow has little capacity to deliver\ncompliance.\n\n"
    "But it did not turn out this way.\n"
)


def test_page_break_joined_when_longer_than_the_documents_usual_break():
    doc = clean(SEED_LIKE)
    assert "State John Kerry described at the UN as a parallel universe." in doc.text
    assert doc.text.count("\n\n") == 2
    assert doc.repair_counts()["page_break"] == 1


def test_paragraph_without_final_period_but_usual_gap_is_kept():
    # Wikinews separates paragraphs by two blank lines; a paragraph missing its full stop is
    # still a paragraph.
    raw = (
        "Eventually, Patel joined the Solidarity Party and rose to the position of chairman\n\n\n"
        "Patel spoke with Wikinews about the campaign.\n\n\nHe said more.\n"
    )
    assert clean(raw).text.count("\n\n") == 2


@pytest.mark.parametrize(
    "raw, joined",
    [
        ("Both parties utilized the\n\ncessation in order to consolidate gains.\n\nNext.", True),  # lower case
        ("Officials said the strike on the convoy was carried out by\n\nRussian jets.\n\nNext.", True),  # 'by'
        ("Reactions\n\nThe ministry said it would respond.\n\nNext.", False),  # heading
        ("\u2014Troy Roberts\n\nAnother eyewitness described the fire.\n\nNext.", False),  # attribution
        ("He said: \n\nThe talks failed.\n\nNext.", False),
    ],
)
def test_page_break_decisions(raw, joined):
    doc = clean(raw)
    assert (doc.repair_counts()["page_break"] == 1) is joined


def test_unwrapped_single_newlines_separate_paragraphs():
    para = "The Syrian Observatory for Human Rights said the air strikes hit the market in the town " * 2
    raw = f"{para.strip()}.\n{para.strip()}.\n{para.strip()}."
    doc = clean(raw)
    assert doc.metadata["line_breaks"] == "paragraphs"
    assert len(doc.paragraphs) == 3


# ----- hyphenation -------------------------------------------------------------------------
@pytest.mark.parametrize(
    "left, right, keep",
    [
        ("cease", "fire", True),  # compound: both words, "ceasefire" rarer than "cease"
        ("interna", "tional", False),  # typesetter's split
        ("govern", "ment", False),
        ("some", "thing", False),  # joined word more frequent than its parts
        ("well", "known", True),
        ("anti", "American", True),  # capitalised right part
        ("friendly", "fire", True),
        ("Hezbol", "lah", False),
    ],
)
def test_keep_hyphen_by_word_list(left, right, keep):
    assert keep_hyphen(left, right) is keep


def test_document_usage_overrides_the_word_list():
    assert keep_hyphen("some", "thing", doc_words={"some-thing": 2}) is True
    assert keep_hyphen("cease", "fire", doc_words={"ceasefire": 3, "cease-fire": 1}) is False


def test_end_of_line_hyphens_in_context():
    doc = clean("A seven day cease-\nfire was agreed, and interna-\ntional monitors arrived.")
    assert doc.text == "A seven day cease-fire was agreed, and international monitors arrived."
    assert doc.repair_counts()["hyphen_kept"] == 1 and doc.repair_counts()["dehyphenated"] == 1
    doc = clean("a spaced dash -\nthen text")
    assert doc.text == "a spaced dash - then text"


# ----- missing spaces ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "raw, expected",
    [
        ("what U.S.Secretary of State said", "what U.S. Secretary of State said"),
        ("the U.N.Security Council met", "the U.N. Security Council met"),
        ("the U.S.-Russia deal", "the U.S.-Russia deal"),
        ("pressure on the U.S. and Russia", "pressure on the U.S. and Russia"),
        ("ten people were killed.The army denied it.", "ten people were killed. The army denied it."),
        ("see www.Example.com and Node.Js docs", "see www.Example.com and Node.Js docs"),
    ],
)
def test_missing_space_after_period(raw, expected):
    assert clean(raw).text == expected


# ----- captions and datelines ------------------------------------------------------------------
@pytest.mark.parametrize(
    "caption",
    [
        "Rescue workers at the site of air strikes in Aleppo, Sept. 21, 2016. Syrian Civil Defense / AP",
        "Photo: Reuters",
        "Getty Images",
        "Smoke rises over the city. Image: Genium.",
        "Demonstrators in Idlib. (Photo: AFP)",
    ],
)
def test_captions_are_separated(caption):
    body = "Russian jets struck the convoy, officials said on Tuesday."
    doc = clean(f"{caption}\n\n{body}\n")
    assert doc.text == body
    assert doc.metadata["captions"][0]["text"] == caption


def test_body_paragraph_mentioning_an_agency_is_not_a_caption():
    raw = "The ministry denied the report, a spokesman told Reuters\n\nIt said the figures were false."
    doc = clean(raw)
    assert "captions" not in doc.metadata
    assert "told Reuters" in doc.text


@pytest.mark.parametrize(
    "raw, dateline, start",
    [
        ("Friday, January 4, 2019\u00a0\n\n\nAn apartment building collapsed.", "Friday, January 4, 2019",
         "An apartment"),
        ("Published July 12 2016 A man carries an injured girl after an airstrike.", "Published July 12 2016",
         "A man carries"),
        ("BEIRUT (Reuters) - Syrian government forces advanced on Sunday.", "BEIRUT (Reuters) -", "Syrian government"),
        ("25-12-2014 30 militants were killed in clashes with Kurds.", "25-12-2014", "30 militants"),
    ],
)
def test_datelines_are_metadata(raw, dateline, start):
    doc = clean(raw)
    assert doc.metadata["dateline"]["text"] == dateline
    assert doc.text.startswith(start)


# ----- Unicode, newlines, encodings ------------------------------------------------------------
def test_unicode_normalisation():
    raw = "Erdog\u0306an\u00a0met\u200b the\u2009envoy\u00ad in \u201cAnkara\u201d \u2014 it\u2019s done."
    doc = clean(raw)
    assert doc.text == 'Erdo\u011fan met the envoy in "Ankara" \u2014 it\'s done.'
    counts = doc.repair_counts()
    assert counts["nfc"] == 1 and counts["space"] == 2 and counts["zero_width"] == 1
    assert counts["soft_hyphen"] == 1 and counts["quotes"] == 3
    kept = clean(raw, quotes="keep")
    assert "\u201cAnkara\u201d" in kept.text and "it\u2019s" in kept.text
    assert_offsets_exact(doc)


def test_crlf_and_bom_are_repaired_and_offsets_stay_in_the_raw_text():
    raw = "\ufeffAssad clearly had a motive\r\nto strike the convoy.\r\n\r\nIt is now Moscow's call.\r\n"
    doc = clean(raw)
    assert doc.text == "Assad clearly had a motive to strike the convoy.\n\nIt is now Moscow's call."
    assert doc.repair_counts()["bom"] == 1 and doc.repair_counts()["newline"] == 4
    i = doc.text.index("Moscow")
    assert raw[doc.raw_span(i, i + 6)[0] :].startswith("Moscow")
    assert doc.raw_line_col(i) == (4, 11)


def test_read_text_detects_cp1252(tmp_path):
    text = "The \u201cparallel universe\u201d cost \u20ac5 \u2014 Ch\u00e2teau"
    p = tmp_path / "article.txt"
    p.write_bytes(text.encode("cp1252"))
    assert read_text(p) == (text, "cp1252")
    doc = clean_file(p)
    assert doc.metadata["encoding"] == "cp1252"
    assert doc.text == 'The "parallel universe" cost \u20ac5 \u2014 Ch\u00e2teau'


def test_unreadable_path_names_the_file(tmp_path):
    with pytest.raises(OSError, match="missing.txt: cannot read the file"):
        read_text(tmp_path / "missing.txt")


def test_bad_quotes_option():
    with pytest.raises(ValueError, match="quotes"):
        clean("text", quotes="smart")


# ----- outputs ---------------------------------------------------------------------------------
def test_write_round_trips_the_offset_map(tmp_path, seed):
    paths = seed.write(tmp_path)
    assert paths["text"].read_text(encoding="utf-8") == seed.text + "\n"
    record = json.loads(paths["json"].read_text(encoding="utf-8"))
    offsets = []
    for clean_start, raw_start, length in record["offset_segments"]:
        assert clean_start == len(offsets)
        offsets.extend(range(raw_start, raw_start + length))
    assert offsets == seed.offsets
    assert record["repair_counts"] == seed.repair_counts()
    import pandas as pd

    repairs = pd.read_csv(paths["repairs"], keep_default_na=False)
    assert len(repairs) == len(seed.repairs)
    assert {"raw_line", "raw_col", "clean_start"} <= set(repairs.columns)


# ----- the rules file ----------------------------------------------------------------------------
def test_a_researchers_rules_file_is_used_instead_of_the_shipped_one(tmp_path):
    import yaml

    from helpers.text import CLEANING_RULES, language_problem

    raw = "Smoke over the town. Anna K / Daily Planet\n\nRussian jets struck the convoy, officials said."
    assert clean(raw).text == clean(raw, rules_path=CLEANING_RULES).text
    assert "Daily Planet" in clean(raw).text
    cfg = yaml.safe_load(CLEANING_RULES.read_text(encoding="utf-8"))
    cfg["agencies"].append("Daily Planet")
    cfg["language"]["min_words"] = 1
    mine = tmp_path / "cleaning.yml"
    mine.write_text(yaml.safe_dump(cfg, allow_unicode=True), encoding="utf-8")
    doc = clean(raw, rules_path=mine)
    assert doc.text == "Russian jets struck the convoy, officials said."
    assert doc.metadata["captions"][0]["text"] == "Smoke over the town. Anna K / Daily Planet"
    assert language_problem("Alep: frappes aériennes") == ""  # too short to judge with the shipped rules
    assert language_problem("Alep: frappes aériennes", rules_path=mine).startswith("not English")
