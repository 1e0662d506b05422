"""The blame table (helpers.blame.table) with explicit resources, its evidence offsets, and its
agreement with the PLOVER gold sentences and the seed's annotated gold; the lexicon it reads."""

from __future__ import annotations

import inspect

import pytest

from helpers.blame import BLAME_COLUMNS, BLAME_LEXICON, Lexicon, blame_table, extract_blame, neutral_source, responsible
from helpers.evaluation import blame_gold_frame, blame_pred_frame, load_blame_gold, score_blame
from helpers.paths import DATA_DIR, SEED_ARTICLE
from helpers.quotes import load_speech
from helpers.schema import BLAME_COLUMNS as SCHEMA_BLAME_COLUMNS
from helpers.text import clean_file


def test_resources_are_parameters_without_defaults():
    for fn, names in ((extract_blame, ("catalog", "lexicon")), (blame_table, ("catalog", "lexicon")),
                      (responsible, ("doc_ids", "catalog")), (neutral_source, ("catalog",))):
        params = inspect.signature(fn).parameters
        for name in names:
            assert params[name].default is inspect.Parameter.empty, (fn.__name__, name)
    assert BLAME_COLUMNS is SCHEMA_BLAME_COLUMNS


def test_evidence_offsets_point_at_the_cue_and_the_target(nlp, catalog, lexicon):
    clean_doc = clean_file(SEED_ARTICLE)
    t = blame_table([(clean_doc.doc_id, nlp(clean_doc.text))], catalog, lexicon,
                    clean_docs={clean_doc.doc_id: clean_doc})
    assert list(t.columns) == BLAME_COLUMNS
    for r in t.itertuples():
        assert clean_doc.text[r.cue_start : r.cue_end] == r.cue
        assert clean_doc.text[r.sent_start : r.sent_end] == r.sentence
        assert r.sent_start <= r.cue_start < r.sent_end
        raw_cue = clean_doc.raw[r.raw_cue_start : r.raw_cue_end]
        assert " ".join(raw_cue.split()) == r.cue or "-\n" in raw_cue


def test_plover_gold_sentences_source_and_target(nlp, catalog, lexicon):
    from helpers.evaluation import evaluate_plover

    path = DATA_DIR / "external" / "blame_lexicons" / "plover_gsr_disapprove_16.jsonl"
    result = evaluate_plover(nlp, catalog, lexicon, path)
    assert len(result) == 16
    assert result.right.sum() >= 14, f"PLOVER source and target both right in {result.right.sum()}/16"


def test_seed_against_the_annotated_gold(nlp, catalog, lexicon):
    gold = load_blame_gold(DATA_DIR / "gold" / "blame.jsonl")[:1]
    doc = nlp(gold[0]["text"])
    pred = blame_table([(gold[0]["doc_id"], doc)], catalog, lexicon)
    sents = {gold[0]["doc_id"]: [(s.start_char, s.end_char) for s in doc.sents]}
    scores = score_blame(blame_gold_frame(gold, sents, catalog), blame_pred_frame(pred)).set_index("subset")
    assert scores.loc["all", "precision"] >= 0.85
    assert scores.loc["kind=explicit", "recall"] == 1.0  # every explicit blame, right blamer and target
    assert scores.loc["attribution=reported", "recall"] == 1.0  # and every reported one


def test_the_lexicon_reads_the_attribution_finders_words_from_helpers_quotes(lexicon):
    assert lexicon.speech is load_speech("quotes")
    assert not hasattr(lexicon, "reporting_verbs")
    assert lexicon.words("explicit_verbs") >= {"accuse", "blame"}
    assert lexicon.words("criticism_phrase_heads") >= {"strains", "defies"}


def test_a_lexicon_needs_every_entry_and_keeps_new_ones(tmp_path):
    text = BLAME_LEXICON.read_text(encoding="utf-8")
    extended = tmp_path / "extended.yml"
    extended.write_text(text + "\ntoy_verbs: meet greet\ntoy_frames:\n  meet: {issue: \"over\"}\n", encoding="utf-8")
    lex = Lexicon.load(extended)
    assert lex.words("toy_verbs") == {"meet", "greet"} and lex.extra["toy_frames"] == {"meet": {"issue": "over"}}
    assert lex.agency_nouns == Lexicon.load(BLAME_LEXICON).agency_nouns
    missing = tmp_path / "missing.yml"
    missing.write_text(text.replace("denial_verbs:", "denial_verbs_gone:"), encoding="utf-8")
    with pytest.raises(ValueError, match="no entry 'denial_verbs'"):
        Lexicon.load(missing)
    stale = tmp_path / "stale.yml"
    stale.write_text(text + "\nreporting_verbs: say\n", encoding="utf-8")
    with pytest.raises(ValueError, match="helpers.quotes"):
        Lexicon.load(stale)
