"""A plain (non-editable) ``pip install .`` works: package data ship in the wheel and nothing at
run time reads the checkout.

The package is installed into a scratch venv, with no network and no re-download: the venv sees the
test environment's site-packages through a ``.pth`` line (so the pinned dependencies are reused),
but not the editable install of this project (a ``.pth`` in a path added by a ``.pth`` line is not
processed, so ``src/`` never lands on ``sys.path``). ``analyze`` then runs on a copy of the seed
from a folder outside the checkout, with ``HELPERS_PROJECT_ROOT`` unset.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pandas as pd
import pytest

from helpers.paths import SEED_ARTICLE
from helpers.schema import TABLES

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
#: What `pip install .` needs from the checkout (pyproject's readme and licence, the package).
SOURCE_FILES = ("pyproject.toml", "README.md", "LICENSE")


def _env(cwd: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("HELPERS_PROJECT_ROOT", "PYTHONPATH", "VIRTUAL_ENV")}
    env.update(PYTHONHASHSEED="0", PYTHONNOUSERSITE="1", PWD=str(cwd))
    return env


def _run(args: list, cwd: Path, timeout: float = 600) -> subprocess.CompletedProcess:
    proc = subprocess.run([str(a) for a in args], cwd=cwd, env=_env(cwd), capture_output=True, text=True,
                          timeout=timeout)
    assert proc.returncode == 0, f"{' '.join(map(str, args))} failed ({proc.returncode}):\n{proc.stderr[-4000:]}"
    return proc


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    """Python of a scratch venv holding a non-editable install of a copy of the checkout."""
    base = tmp_path_factory.mktemp("install")
    source = base / "source"
    source.mkdir()
    for name in SOURCE_FILES:
        shutil.copy2(ROOT / name, source / name)
    shutil.copytree(ROOT / "src", source / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    venv = base / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", venv], cwd=base)
    python = venv / "bin" / "python"
    site = Path(_run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], cwd=base)
                .stdout.strip())
    # The test environment's packages (the pinned dependencies, pip, setuptools), after the venv's own.
    (site / "_test_env_packages.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    # --ignore-installed: the editable install's metadata is visible through the .pth line; leave it alone.
    _run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-index", "--no-deps",
          "--no-build-isolation", "--ignore-installed", "."], cwd=source)
    return python


def test_installed_package_is_the_copy_in_the_scratch_venv(scratch):
    probe = ("import helpers, helpers.paths, sys; print(helpers.__file__); "
             "print(any(p.rstrip('/').endswith('/src') for p in sys.path))")
    out = _run([scratch, "-c", probe], cwd=scratch.parents[2]).stdout.split()
    assert Path(out[0]).is_relative_to(scratch.parents[1]), f"helpers imported from {out[0]}, not the scratch venv"
    assert "site-packages" in Path(out[0]).parts
    assert out[1] == "False", "a src/ folder is on sys.path of the scratch venv"


def _analyze(python: Path, work: Path, *options: str) -> dict[str, pd.DataFrame]:
    work.mkdir()
    seed = work / SEED_ARTICLE.name
    shutil.copy2(SEED_ARTICLE, seed)
    out = work / "tables"
    _run([python, "-m", "helpers", "analyze", seed.name, "--out", out, "--quiet", *options], cwd=work)
    missing = [t for t in TABLES if not (out / f"{t}.csv").is_file()]
    assert not missing, f"tables not written: {missing} (in {sorted(p.name for p in out.iterdir())})"
    return {t: pd.read_csv(out / f"{t}.csv", keep_default_na=False) for t in TABLES}


def test_analyze_runs_from_the_installed_package_outside_the_checkout(scratch, tmp_path):
    """The whole default analysis (the learned sentiment included) from the installed package gives
    the editable checkout's tables (same seed, also read from outside the checkout)."""
    tables = _analyze(scratch, tmp_path / "installed")
    assert len(tables["documents"]) == 1
    assert tables["documents"]["error"].eq("").all(), tables["documents"]["error"].tolist()
    assert len(tables["mentions"]) > 0
    assert len(tables["blame"]) > 0
    sentences = tables["sentences"]
    assert len(sentences) > 0
    assert pd.to_numeric(sentences["sentiment"]).notna().all()
    assert len(tables["actor_sentiment"]) > 0
    editable = _analyze(Path(sys.executable), tmp_path / "editable")
    for name in TABLES:
        pd.testing.assert_frame_equal(tables[name], editable[name], obj=name)
