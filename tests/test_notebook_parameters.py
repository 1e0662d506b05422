"""The notebooks' papermill parameters work as their comments say (each run is a whole notebook: slow)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from helpers.paths import PROJECT_ROOT

pytestmark = pytest.mark.slow


def papermill(notebook: str, out_dir, **params) -> subprocess.CompletedProcess:
    args = [sys.executable, "-m", "papermill", "--cwd", str(PROJECT_ROOT / "notebooks"), "--kernel", "python3",
            "--log-level", "WARNING", "--no-progress-bar", "-p", "output_dir", str(out_dir)]
    for name, value in params.items():
        args += ["-p", name, str(value)]
    args += [str(PROJECT_ROOT / "notebooks" / notebook), str(out_dir / notebook)]
    return subprocess.run(args, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "PYTHONHASHSEED": "0"})


def test_blame_notebook_runs_without_the_evaluation(tmp_path):
    done = papermill("03-blame-attribution.ipynb", tmp_path, run_evaluation=False)
    assert done.returncode == 0, done.stderr[-2000:]
    written = sorted(p.name for p in tmp_path.glob("*.csv"))
    assert written == ["blame.csv", "blame_matrix.csv", "quotes.csv", "responsible.csv"]


def test_entity_notebook_takes_a_catalog_pack_folder(tmp_path):
    pack = PROJECT_ROOT / "src" / "helpers" / "catalogs" / "syria"  # the shipped pack, named by its folder
    done = papermill("02-entity-frequency.ipynb", tmp_path, catalog=str(pack), gold_path="")
    assert done.returncode == 0, done.stderr[-2000:]
    mentions = (tmp_path / "mentions.csv").read_text(encoding="utf-8")
    assert "russia" in mentions and "syrian_government" in mentions
