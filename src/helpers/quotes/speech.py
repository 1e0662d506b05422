"""The reported-speech vocabulary: reporting verbs and quotation marks, read from ``speech.yml``.

One file for every user; each entry names the users that read it (``USES``), so a user's
subset is a parameter, not a second list.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from helpers.paths import package_file

__all__ = ["SPEECH", "USES", "load_reporting_verbs", "load_marks"]

#: The reported-speech file shipped with the package.
SPEECH: Path = package_file("helpers.quotes", "speech.yml")
#: The users an entry of ``speech.yml`` can name.
USES = ("blame", "sentiment")


@lru_cache(maxsize=8)
def _read(path: str) -> dict:
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _check(use: str) -> None:
    if use not in USES:
        raise ValueError(f"use must be one of {USES}, not {use!r}")


def load_reporting_verbs(use: str, path: str | Path = SPEECH) -> frozenset[str]:
    """The reporting verbs (lemmas) of ``speech.yml`` that ``use`` reads."""
    _check(use)
    return frozenset(v for v, uses in _read(str(path))["reporting_verbs"].items() if use in uses)


def load_marks(use: str, path: str | Path = SPEECH) -> tuple[tuple[str, str], ...]:
    """The pairs of quotation marks (opening, closing) of ``speech.yml`` that ``use`` recognises."""
    _check(use)
    return tuple((m["open"], m["close"]) for m in _read(str(path))["quotation_marks"] if use in m["uses"])
