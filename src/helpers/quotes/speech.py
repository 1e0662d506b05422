"""The reported-speech vocabulary: reporting verbs and quotation marks, read from ``speech.yml``.

One file for every user: one list of reporting verbs (the attribution finder's); each pair of
quotation marks names the users that recognise it (``USES``: clean text or raw sentences).
:func:`load_speech` gathers what the attribution finder reads (:class:`Speech`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from helpers.datafiles import read_yaml
from helpers.paths import package_file

__all__ = ["SPEECH", "USES", "Speech", "load_speech", "load_reporting_verbs", "load_marks"]

#: The reported-speech file shipped with the package.
SPEECH: Path = package_file("helpers.quotes", "speech.yml")
#: The users an entry of ``speech.yml`` can name.
USES = ("blame", "sentiment", "quotes")


@lru_cache(maxsize=8)
def _read(path: str) -> dict:
    return read_yaml(path)


def _check(use: str) -> None:
    if use not in USES:
        raise ValueError(f"use must be one of {USES}, not {use!r}")


def load_reporting_verbs(path: str | Path = SPEECH) -> frozenset[str]:
    """The reporting verbs (lemmas) of ``speech.yml``: the attribution finder's one list."""
    return frozenset(_read(str(path))["reporting_verbs"])


def load_marks(use: str, path: str | Path = SPEECH) -> tuple[tuple[str, str], ...]:
    """The pairs of quotation marks (opening, closing) of ``speech.yml`` that ``use`` recognises."""
    _check(use)
    return tuple((m["open"], m["close"]) for m in _read(str(path))["quotation_marks"] if use in m["uses"])


@dataclass(frozen=True)
class Speech:
    """What the attribution finder (:func:`helpers.quotes.find_attributions`) reads: the reporting
    verbs, those that attribute only a clause, those that attribute only in one frame
    (``{lemma: {"particles": [...], "preps": [...], "predicate": bool}}``), the reporting and
    channel nouns, the quotation marks."""

    verbs: frozenset[str]
    clause_only: frozenset[str]
    frame_only: dict
    addressee: frozenset[str]  #: verbs whose first object is the addressee ("told reporters")
    aspect: frozenset[str]  #: verbs whose infinitive is no content ("continued to attack")
    nouns: frozenset[str]
    channels: frozenset[str]
    marks: tuple[tuple[str, str], ...]


def load_speech(use: str, path: str | Path = SPEECH) -> Speech:
    """The :class:`Speech` of ``speech.yml``: its verbs, ``use``'s marks (with its clause-only
    and frame-only verbs, reporting nouns and channel nouns); one object per use and file in a
    process, so a document's attributions are found once (:func:`helpers.quotes.document_attributions`)."""
    return _load_speech(use, str(Path(path).resolve()))


@lru_cache(maxsize=8)
def _load_speech(use: str, path: str) -> Speech:
    d = _read(path)
    return Speech(load_reporting_verbs(path), frozenset(d["clause_only"]), d["frame_only"],
                  frozenset(d["addressee_verbs"]), frozenset(d["aspect_verbs"]),
                  frozenset(d["reporting_nouns"]),
                  frozenset(d["channel_nouns"]), load_marks(use, path))
