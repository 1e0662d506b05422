"""Resumable runs (issue 13): a run killed mid-way and resumed writes the tables an
uninterrupted run writes, byte for byte, in CSV and in Parquet."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pandas as pd
import pytest

from helpers.corpus import TABLES, TableWriter
from helpers.corpus.readers import InputError
from helpers.corpus.writers import PARTIAL
from helpers.evaluation.datasets import load_wikinews
from helpers.schema import empty_tables


def _batch(k: int) -> dict[str, pd.DataFrame]:
    tables = empty_tables()
    tables["documents"] = pd.DataFrame({"doc_id": [f"d{k}a", f"d{k}b"], "n_words": [k, k + 1],
                                        "error": ["", "not English (2% ...)" if k == 2 else ""]})
    return tables


def _tables(out) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if not p.name.startswith(".")}


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_a_writer_resumes_after_its_last_complete_batch(tmp_path, fmt):
    run = {"inputs": "x", "batch_size": 2}
    with TableWriter(tmp_path / "ref", fmt, run=run) as w:
        for k in range(5):
            w.write(_batch(k))
        w.close()
    try:  # interrupted after three batches, and in the middle of the fourth
        with TableWriter(tmp_path / "out", fmt, run=run) as w:
            for k in range(3):
                w.write(_batch(k))
            (tmp_path / "out" / PARTIAL / "00000003.tmp").mkdir()
            raise KeyboardInterrupt
    except KeyboardInterrupt:
        pass
    assert _tables(tmp_path / "out") == {}
    with pytest.raises(InputError, match="differs from this one in batch_size; run without --resume"):
        TableWriter(tmp_path / "out", fmt, run={**run, "batch_size": 3}, resume=True)
    w = TableWriter(tmp_path / "out", fmt, run=run, resume=True)
    assert w.batches_done == 3 and not w.discarded
    for k in range(3, 5):
        w.write(_batch(k))
    w.close()
    assert _tables(tmp_path / "out") == _tables(tmp_path / "ref")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(f"{t}.{fmt}" for t in TABLES)


def test_without_resume_an_unfinished_run_is_discarded_and_a_live_one_refused(tmp_path):
    w = TableWriter(tmp_path, "csv", run={"a": 1})
    w.write(_batch(0))
    with pytest.raises(InputError, match=r"another analysis \(process \d+\) is writing"):
        (tmp_path / PARTIAL / "lock").write_text("1")  # pid 1 is alive and not us
        TableWriter(tmp_path, "csv", run={"a": 1})
    (tmp_path / PARTIAL / "lock").write_text(str(os.getpid()))
    again = TableWriter(tmp_path, "csv", run={"a": 1})
    assert again.discarded and again.batches_done == 0


def _analyze(corpus, out, fmt, *extra):
    return ["analyze", str(corpus), "--out", str(out), "--no-sentiment", "--batch-size", "2", "--format", fmt, *extra]


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_a_killed_run_resumed_writes_the_tables_of_an_uninterrupted_one(tmp_path, cli, fmt):
    """Only the killed run is a process of its own (it gets SIGKILL); the reference, the refused
    and the resumed runs are the same command run in this process."""
    corpus = tmp_path / "corpus.csv"
    news = load_wikinews().head(16)  # eight batches of two
    pd.DataFrame({"id": news["doc_id"], "text": news["text"]}).to_csv(corpus, index=False)
    ref = cli(*_analyze(corpus, tmp_path / "ref", fmt, "--quiet"))
    assert ref.returncode == 0, ref.stderr
    out = tmp_path / "out"
    run = subprocess.Popen([sys.executable, "-m", "helpers", *_analyze(corpus, out, fmt, "--quiet")],
                           stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and not (out / PARTIAL / "00000003").exists():
        time.sleep(0.05)
    run.send_signal(signal.SIGKILL)
    run.wait()
    done = sorted(p.name for p in (out / PARTIAL).iterdir() if p.name.isdigit())
    assert 4 <= len(done) < 8 and _tables(out) == {}, "the run was not killed mid-way"
    changed = cli(*_analyze(corpus, out, fmt, "--resume", "--batch-size", "3"))
    assert changed.returncode == 2 and "differs from this one in batch_size" in changed.stderr
    resumed = cli(*_analyze(corpus, out, fmt, "--resume"))
    assert resumed.returncode == 0, resumed.stderr
    assert "kept from the interrupted run" in resumed.stderr
    assert _tables(out) == _tables(tmp_path / "ref")
    assert not (out / PARTIAL).exists()
