"""`make bench` (scripts/bench.py): the sample and paragraphs it times, and a --quick run that
writes every figure of the issue's table, with sane values.

Timings are not checked against their targets here: they depend on the machine and its load.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.paths import PROJECT_ROOT

_spec = importlib.util.spec_from_file_location("bench", PROJECT_ROOT / "scripts" / "bench.py")
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)


def test_the_sample_is_seeded_streamed_and_has_distinct_ids():
    articles = [("a", "one text"), ("b", "another text"), ("c", "a third")]
    first = [d.doc_id for d in bench.sample_documents(50, seed=0, articles=articles)]
    assert first == [d.doc_id for d in bench.sample_documents(50, seed=0, articles=articles)]
    assert len(set(first)) == 50 and {i.split("~")[0] for i in first} == {"a", "b", "c"}
    assert first[:10] == [d.doc_id for d in bench.sample_documents(10, seed=0, articles=articles)]  # 1k starts 10k
    assert not isinstance(bench.sample_documents(5, articles=articles), list)


def test_slices_cover_the_sample_in_order():
    items = list(range(10))
    assert bench.slices(items, 3) == [[0, 1, 2], [3, 4, 5, 6], [7, 8, 9]]
    assert bench.slices(items, 1) == [items]
    assert bench.slices(items[:2], 5) == [[0], [1]]  # never an empty slice


def test_linearity_paragraphs_are_real_distinct_and_seeded():
    texts = sorted(PROJECT_ROOT.joinpath("tests", "fixtures").glob("*.txt"))
    articles = [(p.stem, p.read_text(encoding="utf-8")) for p in texts]
    paragraphs = bench.real_paragraphs(articles, 3000, seed=0)
    assert sum(len(p) + 2 for p in paragraphs) >= 3000 > sum(len(p) + 2 for p in paragraphs[:-1])
    assert len(set(paragraphs)) == len(paragraphs) and all(100 <= len(p) <= 1500 for p in paragraphs)
    assert all(any(p[:40] in text for _, text in articles) for p in paragraphs)  # from the articles
    assert paragraphs == bench.real_paragraphs(articles, 3000, seed=0)
    with pytest.raises(ValueError, match="fewer than"):
        bench.real_paragraphs(articles[:1], 10**7, seed=0)


@pytest.fixture(scope="module")
def quick(tmp_path_factory) -> tuple[dict, str]:
    out = tmp_path_factory.mktemp("bench") / "bench.json"
    done = subprocess.run([sys.executable, str(PROJECT_ROOT / "scripts" / "bench.py"), "--quick", "--out", str(out)],
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    return json.loads(Path(out).read_text(encoding="utf-8")), done.stdout


@pytest.mark.slow
def test_quick_run_prints_the_table_of_every_run(quick):
    result, stdout = quick
    assert "| run | words/s | ratio to en_core_web_sm |" in stdout
    for label in bench.RUNS.values():
        assert f"| {label} | " in stdout, label
    assert "2 processes (incl. start-up)" in stdout and "WARNING" not in stdout
    assert stdout.count("| met |") + stdout.count("| missed |") == 4  # every target measured in --quick


@pytest.mark.slow
def test_quick_run_writes_every_figure(quick):
    result, _ = quick
    assert set(result) >= {"machine", "settings", "throughput", "linearity", "parallel", "memory", "targets",
                           "targets_met", "seconds"}
    t = result["throughput"]
    assert list(t["rows"]) == list(bench.RUNS) and t["docs"] == 12 and t["words"] > 1000 and t["same_words"]
    for row in t["rows"].values():
        assert row["words_per_s"] > 0 and row["seconds"] > 0 and row["cpu_seconds"] > 0 and row["ratio"] > 0
    assert t["rows"]["spacy"]["ratio"] == 1.0
    assert all(t["rows"][m]["analyze_words"] == t["words"] and t["rows"][m]["failed"] == 0 for m in bench.SENTIMENTS)
    assert t["valid"] and result["linearity"]["valid"] and result["parallel"]["valid"]
    lin = result["linearity"]
    assert lin["chars"]["4N"] >= 4 * lin["chars"]["N"] and lin["paragraphs"] >= 1
    for key in ("spacy", "none", "model"):
        assert lin[key]["ratio"] > 0 and lin[key]["seconds_N"] > 0, key
    assert lin["model"]["words_4N"] == 4 * lin["model"]["words_N"] > 0 and lin["model"]["error_4N"] == ""
    par = result["parallel"]
    assert par["words"] == t["words"] and par["failed"] == 0 and par["speedup"] > 0 and par["n_process"] == 2
    assert par["worker_startup"]["seconds"] >= par["worker_startup"]["load_seconds"] > 0
    assert len(par["worker_peak_rss_mb"]) == 2 and par["worker_peak_rss_mb"][0] > 100  # psutil is in the lock
    m = result["memory"]
    assert m["measured"] and [r["docs"] for r in m["runs"]] == [20, 40] and m["ratio"] > 0
    for r in m["runs"]:
        assert r["peak_rss_mb"] >= r["self_mb"] > 0 and r["largest_worker_mb"] > 0, r
        assert r["failed"] == 0 and r["words"] > 0, r


@pytest.mark.slow
def test_targets_are_recorded_with_their_verdicts(quick):
    result, _ = quick
    assert [x["key"] for x in result["targets"]] == list(bench.TARGETS)
    assert all(isinstance(x["met"], bool) and x["value"] > 0 and x["valid"] for x in result["targets"])
    assert result["throughput"]["target"] == bench.TARGETS["model_ratio"]
    assert result["linearity"]["target"] == bench.TARGETS["linearity"]
    assert result["parallel"]["target"] == bench.TARGETS["speedup"]
    assert result["memory"]["target"] == bench.TARGETS["memory_ratio"]
    assert result["targets_met"] == all(x["met"] for x in result["targets"])
    m = result["machine"]
    assert len(m["load_start"]) == 3 and len(m["load_end"]) == 3 and m["cpus"] >= 1


def test_an_unmeasured_memory_target_is_said_so():
    result = {"throughput": {"rows": {"model": {"ratio": 0.5}}, "valid": True, "met": False},
              "linearity": {"paragraphs": 80, "model": {"ratio": 4.1}, "valid": True, "met": True},
              "parallel": {"n_process": 2, "speedup": 1.8, "valid": False, "met": True},
              "memory": {"measured": False}}
    found = bench.targets(result)
    assert [(x["key"], x["met"]) for x in found] == [("model_ratio", False), ("linearity", True), ("speedup", False),
                                                     ("memory_ratio", None)]
    assert [bench._verdict(x).split(" ")[0] for x in found] == ["missed", "met", "missed:", "not"]
    assert "documents failed" in bench._verdict(found[2]) and "--memory" in bench._verdict(found[3])
