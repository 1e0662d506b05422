"""Shared fixtures: the seed and the vendored real articles (tests/fixtures/SOURCE.md)."""

from __future__ import annotations

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
