"""`make bench` (scripts/bench.py): a --quick run writes every figure, with sane values.

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


@pytest.fixture(scope="module")
def quick(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("bench") / "bench.json"
    done = subprocess.run([sys.executable, str(PROJECT_ROOT / "scripts" / "bench.py"), "--quick", "--out", str(out)],
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    assert "PASS" in done.stdout or "MISS" in done.stdout
    return json.loads(Path(out).read_text(encoding="utf-8"))


@pytest.mark.slow
def test_quick_run_writes_every_figure(quick):
    assert set(quick) >= {"machine", "settings", "throughput", "speedup", "sentiment", "memory", "targets_met"}
    t, s, m = quick["throughput"], quick["speedup"], quick["memory"]
    for key in ("bare_words_per_s", "analyze_words_per_s", "ratio", "cpu_ratio", "bare_seconds", "analyze_seconds"):
        assert t[key] > 0, key
    assert t["docs"] == 20 and t["words"] > 1000 and "_texts" not in t
    for key in ("speedup", "bare_speedup", "analyze_1_seconds", "analyze_n_seconds", "bare_1_seconds",
                "bare_n_seconds"):
        assert s[key] > 0, key
    assert [r["docs"] for r in m["runs"]] == [20, 40] and m["ratio"] > 0
    assert all(r["peak_rss_mb"] >= r["self_mb"] > 0 and r["failed"] == 0 and r["words"] > 0 for r in m["runs"])
    for mode in ("none", "rules", "model"):
        assert quick["sentiment"][mode]["words_per_s"] > 0
    assert quick["sentiment"]["none"]["words"] == quick["sentiment"]["model"]["words"]


@pytest.mark.slow
def test_targets_are_recorded_with_their_verdicts(quick):
    for key, target in bench.TARGETS.items():
        section = {"throughput_ratio": "throughput", "speedup": "speedup", "memory_ratio": "memory"}[key]
        assert quick[section]["target"] == target and isinstance(quick[section]["met"], bool)
    assert quick["targets_met"] == all(quick[k]["met"] for k in ("throughput", "speedup", "memory"))
    assert len(quick["machine"]["load_before"]) == 3 and quick["machine"]["cpus"] >= 1
