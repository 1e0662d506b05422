"""Resources of the blame tests: the syria catalog, its actor pipeline and the shipped lexicon."""

from __future__ import annotations

import pytest

from helpers.actors import actor_pipeline, load_catalog
from helpers.blame import BLAME_LEXICON, Lexicon, blame_table


@pytest.fixture(scope="session")
def catalog():
    return load_catalog(["syria"])


@pytest.fixture(scope="session")
def lexicon():
    return Lexicon.load(BLAME_LEXICON)


@pytest.fixture(scope="session")
def nlp(catalog):
    return actor_pipeline(catalog)


@pytest.fixture(scope="session")
def rows(nlp, catalog, lexicon):
    """``rows(text)``: the blame table of one text."""
    return lambda text: blame_table([("t", nlp(text))], catalog, lexicon)


def triples(table):
    return {(r.blamer, r.blamed, r.kind, r.attribution) for r in table.itertuples()}
