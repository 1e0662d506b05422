"""The sentiment package's data: import cost, vendored development data, the lexicon and rules
files, and the shipped weights' provenance (helpers.sentiment)."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys

import numpy as np
import pytest

from helpers import sentiment as S
from helpers.paths import DATA_DIR, package_file


def test_import_prints_nothing_and_loads_no_model():
    code = ("import sys, helpers.sentiment; assert 'torch' not in sys.modules and 'transformers' not in sys.modules"
            " and 'sklearn' not in sys.modules")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr
    assert res.stdout == "" and res.stderr == ""


@pytest.mark.parametrize("folder, name", [("vader_nyt_editorials", "dev.tsv"), ("newsmtsc", "train.jsonl")])
def test_vendored_data_matches_its_source_md(folder, name):
    d = DATA_DIR / "external" / folder
    source = (d / "SOURCE.md").read_text(encoding="utf-8")
    digest = hashlib.sha256((d / name).read_bytes()).hexdigest()
    assert digest in source
    for word in ("MIT", "development split", "licence"):
        assert word in source


def test_vendored_data_loads():
    from helpers.evaluation import load_newsmtsc, load_nyt

    nyt = load_nyt()
    assert len(nyt) == 2189 and nyt.mean_rating.between(-4, 4).all()
    mt = load_newsmtsc()
    assert len(mt) == 8739 and mt.sentence_id.nunique() == 7758
    assert set(mt.label) == set(S.LABELS)
    assert all(s[a:b] == m for s, a, b, m in zip(mt.sentence, mt.start, mt.end, mt.mention))


def test_lexicon_and_rules_are_data_with_provenance():
    for path in (S.LEXICON_PATH, S.PREDICATES_PATH, S.RULES_PATH):
        head = path.read_text(encoding="utf-8").splitlines()[0]
        assert head.startswith("#") and "helpers.sentiment" in head
    assert package_file("helpers.sentiment.data", "SOURCE.md").is_file()
    lex = S.load_lexicon()
    assert lex.word_valence("torpedoed") < 0 and lex.word_valence("intransigence") < 0
    assert lex.word_valence("executive") is None  # a stem matches short endings only
    assert any(parts == ("death", "knell") for parts, _ in lex.phrases)
    assert S.load_predicates()["blame"] == (0, -1)


def test_quotes_and_reporting_verbs_come_from_helpers_quotes():
    from helpers.quotes import load_marks, load_speech

    rules = S.load_sentiment_rules()
    assert rules.scorer.marks == load_marks("sentiment")
    assert rules.speech is load_speech("quotes")  # is_speaker: the quotes table's finder
    assert {"say", "deny", "tweet"} <= rules.speech.verbs
    assert "pairs" not in S.load_rules()["quotes"]  # one list of quotation marks, in helpers.quotes


def test_model_artefact_is_small_numpy_with_its_provenance():
    path = S.MODEL_PATH
    assert path.stat().st_size < 2_000_000
    with np.load(path, allow_pickle=False) as d:  # no pickled objects
        meta = json.loads(str(d["meta"]))
    assert meta["built_by"].startswith("python scripts/train_sentiment.py")
    # the weights were fitted on features of today's data, lexicon and rules: change one of
    # them and `python scripts/train_sentiment.py` must be run again
    digests = S.data_digests()
    assert set(meta["data"]) == set(digests)
    for name, digest in meta["data"].items():
        assert digests[name] == digest, f"{name} changed since training"
    m = meta["metrics"]
    assert m["nyt_project_r_oof"] > m["nyt_vader_r"]
    assert m["newsmtsc_project_macro_f1_oof"] > m["newsmtsc_vader_macro_f1"]
    assert "sentiment.npz" in package_file("helpers.sentiment.data", "MODEL.md").read_text(encoding="utf-8")
