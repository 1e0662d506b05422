"""Word knowledge for hyphenation, glued sentences and definite noun phrases.

Owns the English word-frequency look-up (:func:`zipf`, wordfreq), :data:`KNOWN_WORD_ZIPF`,
:func:`keep_hyphen` (is an end-of-line hyphen a compound's or the typesetter's?) and the
document's own word counts (:func:`count_words`).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

__all__ = ["KNOWN_WORD_ZIPF", "DEFINITE_DETERMINERS", "zipf", "is_word", "keep_hyphen", "count_words"]

#: A word is "known" from this Zipf frequency on (about once per 3 million words).
KNOWN_WORD_ZIPF = 2.5
#: English determiners that make a noun phrase definite ("the judge", "this ministry").
DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """English Zipf frequency of ``word`` (wordfreq's 'best' list); 0 when unknown."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def is_word(word: str) -> bool:
    """A known English word (Zipf frequency at least :data:`KNOWN_WORD_ZIPF`), in any case."""
    return zipf(word.lower()) >= KNOWN_WORD_ZIPF


def keep_hyphen(left: str, right: str, doc_words: Counter | None = None) -> bool:
    """Decide whether ``left-`` + line break + ``right`` is a compound (keep the hyphen).

    1. The document's own usage wins: if it writes ``left-right`` (or ``leftright``) elsewhere.
    2. A right part in capitals ("anti-\\nAmerican", "U.S.-\\nRussia") keeps the hyphen.
    3. If the joined word is a known English word and either part is not, the hyphen was the
       typesetter's ("interna-tional"): drop it. If both parts are words too ("some-thing",
       "cease-fire"), drop it only when the joined word is at least as frequent as the rarer part.
    4. Otherwise keep it: a hyphen wrongly kept loses nothing; one wrongly dropped does.
    """
    joined, hyphened = (left + right).lower(), f"{left}-{right}".lower()
    if doc_words:
        if doc_words.get(hyphened, 0) > doc_words.get(joined, 0):
            return True
        if doc_words.get(joined, 0) > doc_words.get(hyphened, 0):
            return False
    if right[:1].isupper() or not left[-1:].isalpha():
        return True
    zj = zipf(joined)
    if zj < KNOWN_WORD_ZIPF:
        return True
    zl, zr = zipf(left.lower()), zipf(right.lower())
    if zl < KNOWN_WORD_ZIPF or zr < KNOWN_WORD_ZIPF:
        return False
    return zj < min(zl, zr)


_WORD_RX = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def count_words(text: str) -> Counter:
    """Lower-cased words and hyphenated compounds written on one line in ``text``."""
    c: Counter = Counter()
    for m in _WORD_RX.finditer(text):
        w = m.group().lower()
        c[w] += 1
    return c
