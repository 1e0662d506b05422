"""VADER, and VADER with the project's lexicon and composition rules (no model).

Owns the two model-free sentence scorers: :func:`vader_score`, VADER's compound score (Hutto &
Gilbert, ICWSM 2014; package ``vaderSentiment``, unchanged), the documented baseline; and
:class:`RuleScorer`, VADER's algorithm with the project's lexicon, clause-wide negation, contrast,
hedges and quotations (whose words belong to the quoted speaker), all read from data files
(:mod:`helpers.sentiment.lexicons`, quotation marks from :mod:`helpers.quotes`).
:func:`load_rule_scorer` builds the shipped one once per process.
"""

from __future__ import annotations

import math
import re
import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np

from helpers.quotes import SPEECH, load_marks, quotation_spans
from helpers.sentiment.lexicons import LEXICON_PATH, RULES_PATH, Lexicon, load_lexicon, load_rules

__all__ = ["VADER_THRESHOLD", "vader_score", "vader_label", "normalize", "Token", "RuleScorer", "load_rule_scorer",
           "rule_score"]

#: VADER's usual thresholds for a 3-class label from the compound score.
VADER_THRESHOLD = 0.05

_PUNCT = string.punctuation + "\u201c\u201d\u2018\u2019\u2014\u2013\u2026"


@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@lru_cache(maxsize=8192)
def vader_score(text: str) -> float:
    """VADER's compound score of ``text`` in [-1, 1] (vaderSentiment 3.3.2, unchanged); the
    scores of the last 8,192 distinct texts are kept, so the features and the tables that all
    report it compute it once per sentence."""
    return float(_vader().polarity_scores(text)["compound"])


def vader_label(score: float) -> str:
    """VADER's usual 3-class reading of a compound score (|score| < 0.05 is neutral)."""
    return "positive" if score >= VADER_THRESHOLD else "negative" if score <= -VADER_THRESHOLD else "neutral"


def normalize(x: float, alpha: float = 15.0) -> float:
    """VADER's normalisation of a valence sum into (-1, 1)."""
    return x / math.sqrt(x * x + alpha)


@dataclass
class Token:
    """A whitespace token of the text with its clean character offsets and its valence."""

    start: int
    end: int
    text: str
    norm: str
    valence: float = 0.0
    clause: int = 0
    quoted: bool = False


class _SentiText:
    """What VADER's ``sentiment_valence`` needs from its own SentiText."""

    def __init__(self, words: list[str]):
        from vaderSentiment.vaderSentiment import allcap_differential

        self.words_and_emoticons = words
        self.is_cap_diff = allcap_differential(words)


class RuleScorer:
    """VADER's word valences and scoring with the project's lexicon and composition rules.

    Phrases of the lexicon become one token ("death knell" -> ``death_knell``) before VADER's
    word-level rules (boosters, its three-word negation, capitals) run; then the project's
    rules re-weight the token valences: clause-wide negation, contrast markers, hedges and
    quotations (``rules``; ``marks``: the quotation marks, pairs of opening and closing). The
    sentence score is VADER's normalisation of the sum.
    """

    def __init__(self, lexicon: Lexicon, rules: dict, marks: Sequence[tuple[str, str]]):
        from vaderSentiment.vaderSentiment import NEGATE, SentimentIntensityAnalyzer

        self.lexicon = lexicon
        self.rules = rules
        self.marks = tuple(marks)
        self.analyzer = SentimentIntensityAnalyzer()
        # The project's entries replace VADER's (exact words first, then stems: "offensive*"
        # re-scores VADER's "offensive" and "offensives"); words neither lists are looked up
        # against the stems when first seen (see ``valences``).
        for word in list(self.analyzer.lexicon):
            value = self.lexicon.word_valence(word)
            if value is not None:
                self.analyzer.lexicon[word] = value
        self.analyzer.lexicon.update(self.lexicon.words)
        self._negate = set(NEGATE)
        self._phrase_index: dict[str, list] = {}
        self._phrase_stem_first = [p for p in self.lexicon.phrases if p[0][0].endswith("*")]
        for p in self.lexicon.phrases:
            if not p[0][0].endswith("*"):
                self._phrase_index.setdefault(p[0][0], []).append(p)
        r = self.rules
        self._bound_punct = tuple(r["clause_boundaries"]["punctuation"])
        self._bound_words = set(r["clause_boundaries"]["words"])
        neg = r["negation"]
        self._neg_scalar = float(neg["scalar"])
        self._neg_scope = int(neg["max_scope"])
        self._vader_window = int(neg["vader_window"])
        self._neg_triggers = [tuple(t) for t in neg["triggers"]]
        self._adversative = {tuple(k.split()): tuple(v) for k, v in r["contrast"]["adversative"].items()}
        con = r["contrast"]["concessive"]
        self._concessive = [tuple(m.split()) for m in con["markers"]]
        self._conceded_w = float(con["conceded_weight"])
        self._main_w = float(con["main_weight"])
        self._hedges = [tuple(h.split()) for h in r["hedges"]["words"]]
        self._hedge_w = float(r["hedges"]["weight"])
        self._quoted_w = float(r["quotes"]["quoted_weight"])

    # -- tokens ---------------------------------------------------------------------------
    def tokens(self, text: str) -> list[Token]:
        """Whitespace tokens (phrases merged) with offsets, clause ids, quotation flags."""
        raw = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", text)]
        norms = [t.strip(_PUNCT).lower() or t for _, _, t in raw]
        toks: list[Token] = []
        i = 0
        while i < len(raw):
            n = self._phrase_at(norms, i)
            if n:
                s, e = raw[i][0], raw[i + n - 1][1]
                phrase = "_".join(norms[i:i + n])
                toks.append(Token(s, e, text[s:e], phrase))
                i += n
            else:
                toks.append(Token(raw[i][0], raw[i][1], raw[i][2], norms[i]))
                i += 1
        self._mark_clauses(toks)
        self._mark_quotes(text, toks)
        return toks

    def _phrase_at(self, norms: list[str], i: int) -> int:
        lex = self.lexicon
        first = norms[i]
        cands = self._phrase_index.get(first, [])
        if self._phrase_stem_first:
            cands = sorted(cands + [p for p in self._phrase_stem_first if lex.part_matches(p[0][0], first)],
                           key=lambda p: -len(p[0]))
        for parts, value in cands:
            n = len(parts)
            if i + n <= len(norms) and all(lex.part_matches(p, w) for p, w in zip(parts, norms[i:i + n])):
                self.analyzer.lexicon["_".join(norms[i:i + n])] = value
                return n
        return 0

    def _mark_clauses(self, toks: list[Token]) -> None:
        clause = 0
        for k, t in enumerate(toks):
            if k and t.norm in self._bound_words:
                clause += 1
            t.clause = clause
            if t.text.endswith(self._bound_punct) or t.text in self._bound_punct:
                clause += 1

    def _mark_quotes(self, text: str, toks: list[Token]) -> None:
        spans = quotation_spans(text, self.marks)
        if not spans:
            return
        for t in toks:
            mid = (t.start + t.end) / 2
            t.quoted = any(s <= mid < e for s, e in spans)

    # -- valences -------------------------------------------------------------------------
    def valences(self, text: str, quoted_weight: float | None = None) -> list[Token]:
        """Tokens of ``text`` with their valence after VADER's and the project's rules
        (``quoted_weight``: the weight of quoted words, ``None`` for the rules' own)."""
        from vaderSentiment.vaderSentiment import BOOSTER_DICT

        toks = self.tokens(text)
        words = []
        for t in toks:
            w = t.text.strip(_PUNCT) if len(t.text.strip(_PUNCT)) > 2 else t.text
            if "_" in t.norm:  # a merged phrase
                w = t.norm.upper() if t.text.isupper() else t.norm
            elif t.norm not in self.analyzer.lexicon and t.norm not in BOOSTER_DICT:
                v = self.lexicon.word_valence(t.norm)
                if v is not None:
                    self.analyzer.lexicon[t.norm] = v
            words.append(w)
        st = _SentiText(words)
        sentiments: list[float] = []
        for i, item in enumerate(words):
            if item.lower() in BOOSTER_DICT or (
                i < len(words) - 1 and item.lower() == "kind" and words[i + 1].lower() == "of"
            ):
                sentiments.append(0.0)
                continue
            sentiments = self.analyzer.sentiment_valence(0.0, st, item, i, sentiments)
        v = np.asarray(sentiments, dtype=float)
        norms = [t.norm for t in toks]
        where = self._positions(norms)
        self._negation(norms, where, toks, v)
        self._contrast(norms, where, toks, v)
        self._hedge(norms, where, toks, v)
        qw = self._quoted_w if quoted_weight is None else quoted_weight
        if qw != 1.0:
            for k, t in enumerate(toks):
                if t.quoted:
                    v[k] *= qw
        for t, x in zip(toks, v):
            t.valence = float(x)
        return toks

    @staticmethod
    def _matches(norms: list[str], seq: tuple[str, ...], where: dict[str, list[int]]) -> list[int]:
        """End indices of each occurrence of the word sequence ``seq`` in ``norms`` (ascending);
        ``where``: each word's positions in ``norms`` (:meth:`_positions`). A lone "n't" also
        matches a word ending in it ("didn't")."""
        n = len(seq)
        if n == 1 and seq[0] == "n't":
            return [i for i, w in enumerate(norms) if w.endswith("n't")]
        return [i + n - 1 for i in where.get(seq[0], ()) if i + n <= len(norms) and tuple(norms[i:i + n]) == seq]

    @staticmethod
    def _positions(norms: list[str]) -> dict[str, list[int]]:
        where: dict[str, list[int]] = {}
        for i, w in enumerate(norms):
            where.setdefault(w, []).append(i)
        return where

    def _negation(self, norms, where, toks, v) -> None:
        vader_neg = {i for i, w in enumerate(norms) if w in self._negate or w.endswith("n't")}
        flipped: set[int] = set()
        for seq in self._neg_triggers:
            for end in self._matches(norms, seq, where):
                start = end - len(seq) + 1
                clause = toks[end].clause
                for j in range(end + 1, min(len(toks), end + 1 + self._neg_scope)):
                    if toks[j].clause != clause:
                        break
                    if j in flipped:
                        continue
                    # VADER itself negated words up to three tokens after its negators
                    if any(0 < j - k <= self._vader_window for k in vader_neg if start <= k <= end):
                        flipped.add(j)
                        continue
                    if v[j]:
                        v[j] *= self._neg_scalar
                    flipped.add(j)

    def _contrast(self, norms, where, toks, v) -> None:
        for marker in self._concessive:
            hits = self._matches(norms, marker, where)
            if not hits:
                continue
            end = hits[0]
            start = end - len(marker) + 1
            clause_end = len(toks)
            for j in range(end + 1, len(toks)):
                if toks[j - 1].text.endswith(","):
                    clause_end = j
                    break
            for j in range(len(toks)):
                v[j] *= self._conceded_w if start <= j < clause_end else self._main_w
            return
        for marker, (before, after) in self._adversative.items():
            hits = self._matches(norms, marker, where)
            if hits:
                m = hits[0]
                for j in range(len(toks)):
                    if j < m - len(marker) + 1:
                        v[j] *= before
                    elif j > m:
                        v[j] *= after
                return

    def _hedge(self, norms, where, toks, v) -> None:
        clauses = set()
        for h in self._hedges:
            for end in self._matches(norms, h, where):
                clauses.add(toks[end].clause)
        for j, t in enumerate(toks):
            if t.clause in clauses:
                v[j] *= self._hedge_w

    # -- scores ---------------------------------------------------------------------------
    def compound(self, toks: list[Token] | list[float], text: str) -> float:
        """VADER's compound score (normalisation and punctuation emphasis) of the valences of
        ``toks``, the tokens of ``text`` (or of those valences, one per token)."""
        if not toks:
            return 0.0
        values = [t if isinstance(t, float) else t.valence for t in toks]
        return float(self.analyzer.score_valence(values, text)["compound"])

    def quoted_weighted(self, toks: list[Token]) -> list[float]:
        """The valences of ``toks`` (from ``valences(text, quoted_weight=1.0)``) with the quoted
        words at the rules' weight: those of ``valences(text)``, without computing them again."""
        return [t.valence * self._quoted_w if t.quoted and self._quoted_w != 1.0 else t.valence for t in toks]

    def score(self, text: str, quoted_weight: float | None = None) -> float:
        """Compound score in [-1, 1] of ``text`` (VADER's normalisation and punctuation emphasis)."""
        return self.compound(self.valences(text, quoted_weight), text)


def load_rule_scorer(lexicon_path: str | Path = LEXICON_PATH, rules_path: str | Path = RULES_PATH,
                     speech_path: str | Path = SPEECH) -> RuleScorer:
    """The rule scorer of the lexicon, rules and (sentiment's) quotation marks of these files,
    built once per process and files."""
    return _rule_scorer(str(lexicon_path), str(rules_path), str(speech_path))


@lru_cache(maxsize=4)
def _rule_scorer(lexicon_path: str, rules_path: str, speech_path: str) -> RuleScorer:
    return RuleScorer(load_lexicon(lexicon_path), load_rules(rules_path), load_marks("sentiment", speech_path))


def rule_score(text: str) -> float:
    """The rule-based score of ``text`` in [-1, 1]: VADER with the project's lexicon and rules
    (the shipped files, :func:`load_rule_scorer`)."""
    return load_rule_scorer().score(text)
