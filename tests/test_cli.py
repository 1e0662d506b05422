"""The command line, run as users run it."""

import subprocess
import sys

import pandas as pd

from helpers.paths import SEED_ARTICLE

from .conftest import FIXTURES


def run(*args):
    return subprocess.run([sys.executable, "-m", "helpers", *args], capture_output=True, text=True)


def test_clean_writes_each_document_and_a_report(tmp_path):
    result = run("clean", str(SEED_ARTICLE), str(FIXTURES), "--out", str(tmp_path), "--quiet")
    assert result.returncode == 0, result.stderr
    n_docs = 1 + len(list(FIXTURES.glob("*.txt")))
    assert len(list(tmp_path.glob("*.clean.txt"))) == n_docs
    report = pd.read_csv(tmp_path / "cleaning_report.csv")
    seed = report[report.doc_id == SEED_ARTICLE.stem].set_index("kind")["count"]
    assert seed["page_break"] == 1 and seed["caption"] == 1
    assert (tmp_path / f"{SEED_ARTICLE.stem}.clean.txt").read_text(encoding="utf-8").startswith("It is hard")


def test_missing_path_is_a_one_line_error(tmp_path):
    result = run("clean", str(tmp_path / "nope.txt"), "--out", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.strip() == f"error: {tmp_path / 'nope.txt'}: no such file or folder. Check the path."
    assert "Traceback" not in result.stderr


def test_unknown_option_fails_without_traceback(tmp_path):
    result = run("clean", str(SEED_ARTICLE), "--out", str(tmp_path), "--bogus")
    assert result.returncode == 2
    assert "unrecognized arguments: --bogus" in result.stderr and "Traceback" not in result.stderr
