"""The sentiment data files shipped in ``helpers/sentiment/data/``, and their readers.

Owns where the project's sentiment data live and how they are read: the lexicon
(``lexicon.csv``: words, ``stem*`` entries and phrases with their valence), the composition rules
(``rules.yml``: negation, contrast, hedges, the weight of quoted words) and the evaluative
predicates (``predicates.csv``: the tone a verb gives its agent and its patient). The reporting
verbs and the quotation marks are :mod:`helpers.quotes`' (one list for blame and sentiment).
Each reader takes its file as a parameter whose default is a named constant below, and is cached.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from helpers.datafiles import read_yaml
from helpers.paths import package_file

__all__ = ["DATA_PACKAGE", "LEXICON_PATH", "RULES_PATH", "PREDICATES_PATH", "Lexicon", "load_lexicon", "load_rules",
           "load_predicates"]

#: The package holding the sentiment data files.
DATA_PACKAGE = "helpers.sentiment.data"
LEXICON_FILE = "lexicon.csv"
RULES_FILE = "rules.yml"
PREDICATES_FILE = "predicates.csv"
#: The project's lexicon (comment lines start with ``#``).
LEXICON_PATH: Path = package_file(DATA_PACKAGE, LEXICON_FILE)
#: The composition rules: clause boundaries, negation, contrast, hedges, quoted words.
RULES_PATH: Path = package_file(DATA_PACKAGE, RULES_FILE)
#: The evaluative predicates: lemma -> tone toward its agent and toward its patient.
PREDICATES_PATH: Path = package_file(DATA_PACKAGE, PREDICATES_FILE)


@dataclass
class Lexicon:
    """The project's lexicon: exact words, word stems (``torpedo*``) and phrases."""

    words: dict[str, float] = field(default_factory=dict)
    stems: dict[str, float] = field(default_factory=dict)
    #: phrases as tuples of (word or ``stem*``), longest first, with their valence
    phrases: list[tuple[tuple[str, ...], float]] = field(default_factory=list)
    max_suffix: int = 6

    def word_valence(self, word: str) -> float | None:
        """Valence of one lower-case word, or None when the lexicon does not list it."""
        if word in self.words:
            return self.words[word]
        for k in range(len(word), max(0, len(word) - self.max_suffix - 1), -1):
            v = self.stems.get(word[:k])
            if v is not None:
                return v
        return None

    def part_matches(self, part: str, word: str) -> bool:
        """Does ``word`` match one part of a phrase (a word, or a ``stem*`` with a short ending)?"""
        if part.endswith("*"):
            stem = part[:-1]
            return word.startswith(stem) and len(word) - len(stem) <= self.max_suffix
        return part == word


def _csv_rows(path: str | Path) -> list[dict]:
    """The rows of a CSV file whose comment lines start with ``#``."""
    with open(path, encoding="utf-8") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


@lru_cache(maxsize=4)
def load_lexicon(path: str | Path = LEXICON_PATH) -> Lexicon:
    """Read the lexicon (``lexicon.csv``: ``term,valence``; a term ending in ``*`` is a stem,
    one of several words a phrase)."""
    lex = Lexicon()
    for row in _csv_rows(path):
        term = row["term"].strip().lower()
        value = float(row["valence"])
        parts = tuple(term.split())
        if len(parts) > 1:
            lex.phrases.append((parts, value))
        elif term.endswith("*"):
            lex.stems[term[:-1]] = value
        else:
            lex.words[term] = value
    lex.phrases.sort(key=lambda p: -len(p[0]))
    return lex


@lru_cache(maxsize=4)
def load_rules(path: str | Path = RULES_PATH) -> dict:
    """Read the composition rules (``rules.yml``: negation, contrast, hedges, quoted words)."""
    return read_yaml(path)


@lru_cache(maxsize=4)
def load_predicates(path: str | Path = PREDICATES_PATH) -> dict[str, tuple[int, int]]:
    """Read the evaluative predicates (``predicates.csv``): lemma -> (tone toward agent, toward patient)."""
    return {r["lemma"].strip().lower(): (int(r["agent"]), int(r["patient"])) for r in _csv_rows(path)}
