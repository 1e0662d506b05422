"""The command line: in this process (``cli``, fast), and as users run it (``run``, a new Python
process: the help, and one error whose line and exit status must come through ``python -m helpers``)."""

import shutil
import subprocess
import sys

import pandas as pd
import pytest

from helpers.cli import main
from helpers.paths import SEED_ARTICLE

from ..conftest import FIXTURES

#: End-to-end runs: `make test` runs them, `make test-fast` leaves them out (pyproject.toml).
pytestmark = pytest.mark.integration


def run(*args):
    return subprocess.run([sys.executable, "-m", "helpers", *args], capture_output=True, text=True)


def test_clean_writes_each_document_and_a_report(tmp_path, cli):
    result = cli("clean", str(SEED_ARTICLE), str(FIXTURES), "--out", str(tmp_path), "--quiet")
    assert result.returncode == 0, result.stderr
    n_docs = 1 + len(list(FIXTURES.glob("*.txt")))
    assert len(list(tmp_path.glob("*.clean.txt"))) == n_docs
    report = pd.read_csv(tmp_path / "cleaning_report.csv")
    seed = report[report.doc_id == SEED_ARTICLE.stem].set_index("kind")["count"]
    assert seed["page_break"] == 1 and seed["caption"] == 1
    assert (tmp_path / f"{SEED_ARTICLE.stem}.clean.txt").read_text(encoding="utf-8").startswith("It is hard")


def test_missing_path_is_a_one_line_error(tmp_path, cli):
    result = cli("clean", str(tmp_path / "nope.txt"), "--out", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.strip() == f"error: {tmp_path / 'nope.txt'}: no such file or folder. Check the path."
    assert "Traceback" not in result.stderr


def test_unknown_option_fails_without_traceback(tmp_path, cli):
    result = cli("clean", str(SEED_ARTICLE), "--out", str(tmp_path), "--bogus")
    assert result.returncode == 2
    assert "unrecognized arguments: --bogus" in result.stderr and "Traceback" not in result.stderr


def test_analyze_help_names_the_catalog_option_and_its_default():
    result = run("analyze", "--help")
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    assert "--catalog NAMES_OR_PATHS" in text and "pack folder paths (default: world" in text
    assert "--sentiment METHOD" in text and "same as --sentiment none" in text


def test_no_sentiment_is_sentiment_none_and_the_defaults_are_world_and_model():
    from helpers.cli import build_parser

    parse = build_parser().parse_args
    default = parse(["analyze", "x.txt", "--out", "o"])
    assert (default.catalog, default.sentiment) == ("world", "model")
    assert parse(["analyze", "x.txt", "--out", "o", "--no-sentiment"]).sentiment == "none"
    assert parse(["analyze", "x.txt", "--out", "o", "--sentiment", "rules"]).sentiment == "rules"


def test_a_bad_catalog_pack_or_sentiment_method_is_a_one_line_error(tmp_path, capsys):
    from helpers.cli import main

    (tmp_path / "not_a_pack").mkdir()
    cases = [
        (["--catalog", "syria," + str(tmp_path / "missing")], "no such catalog pack folder"),
        (["--catalog", str(tmp_path / "not_a_pack")], "not a catalog pack (no pack.yml)"),
        (["--catalog", " , "], "no catalog pack"),
        (["--sentiment", "magic"], "unknown sentiment method 'magic'"),
    ]
    for extra, expected in cases:  # in this process (fast), then once as users run it
        assert main(["analyze", str(SEED_ARTICLE), "--out", str(tmp_path / "out"), "--quiet", *extra]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("error: ") and expected in err, err
    result = run("analyze", str(SEED_ARTICLE), "--out", str(tmp_path / "out"), "--quiet", "--catalog", "atlantis")
    assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("error: unknown catalog pack 'atlantis'") and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_run_ends_with_its_errors_by_kind_and_fails_only_if_nothing_was_analysed(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(FIXTURES / "wikinews_000.txt", corpus / "news.txt")
    shutil.copy(FIXTURES / "non_english" / "de.txt", corpus / "de.txt")
    shutil.copy(FIXTURES / "non_english" / "fr.txt", corpus / "fr.txt")
    (corpus / "scan.txt").write_bytes(b"%PDF-1.4\x00\x01\x02 not a text")
    assert main(["analyze", str(corpus), "--out", str(tmp_path / "out"), "--no-sentiment"]) == 0
    err = capsys.readouterr().err
    assert "analysed 4 document(s)" in err
    assert "3 with errors: 2 not English, 1 not text (see documents.csv, column error)" in err
    (corpus / "news.txt").unlink()
    assert main(["analyze", str(corpus), "--out", str(tmp_path / "out"), "--no-sentiment", "--quiet"]) == 1
    assert capsys.readouterr().err.startswith("error: no document could be analysed (3 in the input)")
