"""The language check: is a document English enough to analyse?

Owns :func:`english_share` (the share of English function words) and :func:`language_problem`
(the thresholds are the ``language`` section of :data:`~helpers.text.rules.CLEANING_RULES`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from helpers.text.rules import CLEANING_RULES, language_thresholds

__all__ = ["english_share", "language_problem"]


@lru_cache(maxsize=1)
def _english_function_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def english_share(text: str, max_words: int = 2000) -> tuple[float, int]:
    """``(share, n)``: the share of the first ``max_words`` words that are English function
    words (spaCy's English stop-word list), and how many words were looked at. English news
    prose is around 0.4-0.5; French, German, Spanish, Russian or Arabic text is far below
    (the thresholds are in ``cleaning.yml``, ``language``)."""
    words = re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", text[: max_words * 12].lower())[:max_words]
    if not words:
        return 0.0, 0
    stop = _english_function_words()
    return sum(w in stop for w in words) / len(words), len(words)


def language_problem(text: str, rules_path: str | Path = CLEANING_RULES) -> str:
    """An error message when ``text`` is long enough to judge and is not English, else ``""``."""
    min_words, min_share = language_thresholds(str(rules_path))
    share, n = english_share(text)
    if n >= min_words and share < min_share:
        return (f"not English ({share:.0%} of {n} words are English function words; English news prose has "
                f"about 40-50%): not analysed")
    return ""
