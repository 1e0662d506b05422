"""The seed article is raw data: it must never change."""

import hashlib

from helpers.paths import SEED_ARTICLE, SEEDS_DIR

SEED_SHA256 = "ec5bd91bc44bc07918ac0fc2e45dfe93f839fd4a64ac0c740920598be1b01651"


def test_seed_is_byte_identical_to_the_source():
    assert hashlib.sha256(SEED_ARTICLE.read_bytes()).hexdigest() == SEED_SHA256


def test_seed_provenance_is_documented():
    source = (SEEDS_DIR / "SOURCE.md").read_text(encoding="utf-8")
    assert SEED_ARTICLE.name in source
    assert "Moscow Times" in source
    assert "Why Is Moscow Bombing Its Way Out of Cooperation With U.S. in Syria?" in source
    assert SEED_SHA256 in source
