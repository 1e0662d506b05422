"""The cleaning rules: caption, credit, media-file and dateline patterns, and continuation words.

Owns :data:`CLEANING_RULES` (the rules file shipped with the package, ``cleaning.yml``), the
compiled :class:`Rules` (:func:`load_rules`) and the language-check thresholds
(:func:`language_thresholds`). The patterns are data: edit the YAML, not code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from helpers.datafiles import read_yaml
from helpers.paths import package_file

__all__ = ["CLEANING_RULES", "Rules", "load_rules", "language_thresholds"]

#: The caption/dateline/language rules shipped with the package (``helpers/text/cleaning.yml``).
CLEANING_RULES: Path = package_file("helpers.text", "cleaning.yml")


@dataclass(frozen=True)
class Rules:
    caption_end: re.Pattern
    caption_only: re.Pattern
    caption_max_words: int
    media_file: re.Pattern
    dateline_paragraph: re.Pattern
    leading_date: tuple[re.Pattern, ...]
    wire_dateline: tuple[re.Pattern, ...]
    continuation_words: frozenset[str]


@lru_cache(maxsize=None)
def load_rules(path: str | Path = CLEANING_RULES) -> Rules:
    """Compile the caption/dateline rules of the rules file ``path``."""
    p = Path(path)
    cfg = read_yaml(p)
    fill = {
        "month": "(?:" + "|".join(sorted(map(re.escape, cfg["months"]), key=len, reverse=True)) + ")",
        "weekday": "(?:" + "|".join(sorted(map(re.escape, cfg["weekdays"]), key=len, reverse=True)) + ")",
    }

    def fmt(s: str) -> str:
        return s.replace("{month}", fill["month"]).replace("{weekday}", fill["weekday"])

    agencies = "|".join(sorted(map(re.escape, cfg["agencies"]), key=len, reverse=True))
    labels = "|".join(sorted(map(re.escape, cfg["credit_labels"]), key=len, reverse=True))
    # "... Syrian Civil Defense White Helmets / AP", "Photo: Reuters", "(Image: Genium.)"
    caption_end = re.compile(
        rf"(?:(?:^|\s)[^\s/][^/\n]{{0,80}}\s?/\s?(?:{agencies})|(?:^|[\s(])(?:{labels})\s?(?::|by)\s[^\n]{{1,80}})\.?\)?$"
    )
    caption_only = re.compile(rf"^\(?(?:{agencies})(?: Photo)?\)?\.?$")
    return Rules(
        caption_end=caption_end,
        caption_only=caption_only,
        caption_max_words=int(cfg["caption_max_words"]),
        media_file=re.compile(cfg["media_file_pattern"]),
        dateline_paragraph=re.compile("^(?:" + "|".join(fmt(p) for p in cfg["dateline_paragraphs"]) + ")$"),
        leading_date=tuple(re.compile("^" + fmt(p) + r"(?=\s|$)") for p in cfg["leading_dates"]),
        wire_dateline=tuple(re.compile("^" + fmt(p)) for p in cfg["wire_datelines"]),
        continuation_words=frozenset(w.lower() for w in cfg["continuation_words"].split()),
    )


@lru_cache(maxsize=None)
def language_thresholds(path: str | Path = CLEANING_RULES) -> tuple[int, float]:
    """``(min_words, min_function_word_share)`` from the ``language`` section of the rules file
    ``path`` (read once per process)."""
    p = Path(path)
    cfg = read_yaml(p)["language"]
    return int(cfg["min_words"]), float(cfg["min_function_word_share"])
