"""Shared fixtures: the seed, the vendored real articles (tests/fixtures/SOURCE.md), the
command line run in this process (``cli``).

Pipelines, catalogs and resources are loaded once per process by the package itself
(:func:`helpers.nlp.load_nlp`, :func:`helpers.actors.actor_pipeline`,
:func:`helpers.resources.load_resources`), so every test module that asks for them shares them.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from helpers.paths import SEED_ARTICLE

FIXTURES = Path(__file__).parent / "fixtures"
REAL_ARTICLES = sorted(FIXTURES.glob("*.txt"))


@pytest.fixture(scope="session")
def seed_raw() -> str:
    return SEED_ARTICLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def real_articles() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in REAL_ARTICLES}


@pytest.fixture
def cli(capsys):
    """``cli(*args)``: ``python -m helpers *args`` run in this process by :func:`helpers.cli.main`,
    returned as :func:`subprocess.run` returns it (``returncode``, ``stdout``, ``stderr``).

    No interpreter start and no pipeline load per call: for tests of what the command does. What
    only a real process shows (a signal, the hash seed, the ``__main__`` entry point) keeps
    ``subprocess.run``; ``tests/cli/test_cli.py`` runs the command as users run it.
    """
    from helpers.cli import main

    def run(*args) -> subprocess.CompletedProcess:
        argv = [str(a) for a in args]
        capsys.readouterr()  # drop what the test printed before
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse: --help, usage errors
            code = exc.code
        out, err = capsys.readouterr()
        return subprocess.CompletedProcess(["python", "-m", "helpers", *argv], code, out, err)

    return run
