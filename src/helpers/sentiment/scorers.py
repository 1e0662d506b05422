"""The sentiment scorer interface, its two implementations and the registry of methods.

Owns what "a sentiment method" is. A :class:`SentimentScorer` has a ``name`` and scores
sentences (:meth:`~SentimentScorer.score_sentences`, floats in [-1, 1]) and targets inside
sentences (:meth:`~SentimentScorer.score_targets`, ``(label, score)`` with label in
:data:`LABELS`); from those two it scores a document's tables
(:meth:`~SentimentScorer.score_document`), which is what :mod:`helpers.corpus` calls. Two
implementations ship: ``"rules"`` (:class:`RulesScorer`, the lexicon and rules, no model) and
``"model"`` (:class:`ModelScorer`, the learned heads over the frozen encoder, one encoder pass per
document). :data:`SCORERS` maps each method name to a factory, :func:`load_scorer` is the one
place a method name is checked, and :func:`register_scorer` adds another method without touching
any other module. The module-level functions (:func:`score_sentences`, :func:`target_sentiments`,
...) are the shipped scorers' readings for one-off use.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Callable, Sequence

import numpy as np
import pandas as pd

from helpers.sentiment.features import (
    TARGET_RULE_FEATURES,
    SentimentRules,
    check_items,
    encode_targets,
    load_sentiment_rules,
    rule_readings,
    sentence_features,
    sentence_rule_matrix,
    target_features,
    target_rule_features,
)
from helpers.sentiment.linear import LABELS, LinearModel, SentimentModels, load_models
from helpers.sentiment.rules import vader_label
from helpers.sentiment.tables import mention_items, with_sentence_scores, with_target_readings

__all__ = ["SentimentScorer", "RulesScorer", "ModelScorer", "SCORERS", "register_scorer", "load_scorer",
           "sentence_scores_from_features", "target_predictions_from_features", "rule_target_readings",
           "score_sentences", "sentence_sentiment", "target_sentiments", "target_sentiment", "rule_target_sentiment"]

Item = tuple[str, int, int]
Reading = tuple[str, float]


class SentimentScorer(ABC):
    """A sentiment method. Implement ``name``, :meth:`score_sentences` and :meth:`score_targets`;
    :meth:`score_texts` (both at once) and :meth:`score_document` (a document's tables) follow
    from them, and :meth:`score_texts` may be overridden when one pass can serve both."""

    #: the method's name, the key of :data:`SCORERS` it is registered under
    name: str = ""

    @abstractmethod
    def score_sentences(self, texts: Sequence[str]) -> list[float]:
        """One score in [-1, 1] per text (-1 very negative, +1 very positive)."""

    @abstractmethod
    def score_targets(self, items: Sequence[Item], parsed: dict | None = None) -> list[Reading]:
        """The tone each ``(sentence, start, end)`` item's sentence expresses toward
        ``sentence[start:end]``: ``(label, score)``, label in :data:`LABELS`, score in [-1, 1].
        ``parsed``: optional ``{sentence: spaCy Doc of that text}`` already parsed."""

    def score_texts(self, texts: Sequence[str], items: Sequence[Item],
                    parsed: dict | None = None) -> tuple[list[float], list[Reading]]:
        """The sentence scores of ``texts`` and the readings of ``items`` (targets in them)."""
        return (self.score_sentences(texts) if len(texts) else [],
                self.score_targets(items, parsed) if len(items) else [])

    def score_document(self, sentences: pd.DataFrame, mentions: pd.DataFrame,
                       parsed: dict | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
        """A document's tables scored: (``sentences`` with ``sentiment`` and ``vader``, the actor
        mentions inside a sentence with ``target_label`` and ``target_score``), scores rounded to
        4 decimals. ``sentences``: the ``sentences`` table's columns up to ``text``;
        ``mentions``: the ``mentions`` table; ``parsed``: ``{sentence text: spaCy Doc}``."""
        items, targets = mention_items(mentions, sentences)
        scores, readings = self.score_texts(sentences["text"].tolist(), items, parsed)
        return with_sentence_scores(sentences, scores), with_target_readings(targets, readings)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r}>"


# ------------------------------------------------------------------------------------------
# Readings from feature matrices
# ------------------------------------------------------------------------------------------
def sentence_scores_from_features(X: np.ndarray, model: LinearModel) -> np.ndarray:
    """The sentence head's scores of :func:`~helpers.sentiment.features.sentence_features` rows, clipped to [-1, 1]."""
    return np.clip(model.decision(X)[:, 0], -1.0, 1.0)


def target_predictions_from_features(X: np.ndarray, model: LinearModel) -> list[Reading]:
    """The target head's ``(label, P(positive) - P(negative))`` of
    :func:`~helpers.sentiment.features.target_features` rows."""
    P = model.proba(X)
    return [(LABELS[int(np.argmax(p))], float(np.clip(p[2] - p[0], -1.0, 1.0))) for p in P]


def rule_target_readings(rule_features: np.ndarray) -> list[Reading]:
    """A model-free target reading from the rule features alone (``TARGET_RULE_FEATURES`` rows):
    the target's role decides when an evaluative predicate gives it one; otherwise the lexicon
    score of the words near it, with VADER's neutral band."""
    idx = {n: i for i, n in enumerate(TARGET_RULE_FEATURES)}
    out = []
    for f in rule_features:
        if f[idx["role"]]:
            score = float(f[idx["role"]]) * 0.6
        else:
            score = float(f[idx["rule_near"]] + 0.5 * f[idx["mention_valence"]])
        score = float(np.clip(score, -1, 1))
        out.append((vader_label(score), score))
    return out


# ------------------------------------------------------------------------------------------
# The two shipped scorers
# ------------------------------------------------------------------------------------------
class RulesScorer(SentimentScorer):
    """``"rules"``: the rule score of each sentence and the rule reading of each target (no
    model; fast, transparent, less accurate: notebook 06)."""

    name = "rules"

    def __init__(self, rules: SentimentRules):
        self.rules = rules

    def score_sentences(self, texts: Sequence[str]) -> list[float]:
        return [self.rules.scorer.score(t) for t in texts]

    def score_targets(self, items: Sequence[Item], parsed: dict | None = None) -> list[Reading]:
        items = check_items(items)
        return rule_target_readings(target_rule_features(items, self.rules, parsed))


class ModelScorer(SentimentScorer):
    """``"model"``: the learned heads (``models``) over the frozen encoder and the rule features
    (``rules``); at most ``batch_size`` texts per encoder batch (speed only: a text's scores do not
    depend on the texts it is batched with). :meth:`score_texts` encodes every distinct text once
    for both heads and reads it once with the rules, so a document costs one encoder pass over its
    sentences."""

    name = "model"

    def __init__(self, models: SentimentModels, rules: SentimentRules, batch_size: int = 32):
        self.models = models
        self.rules = rules
        self.batch_size = batch_size

    def score_sentences(self, texts: Sequence[str]) -> list[float]:
        if not texts:
            return []
        X = sentence_features(list(texts), self.rules, self.batch_size)
        return [float(x) for x in sentence_scores_from_features(X, self.models.sentence)]

    def score_targets(self, items: Sequence[Item], parsed: dict | None = None) -> list[Reading]:
        items = check_items(items)
        if not items:
            return []
        return target_predictions_from_features(target_features(items, self.rules, self.batch_size, parsed),
                                                self.models.target)

    def score_texts(self, texts: Sequence[str], items: Sequence[Item],
                    parsed: dict | None = None) -> tuple[list[float], list[Reading]]:
        """As the separate scorers, in one encoder pass and one pass of the rules per distinct text."""
        items = check_items(items)
        texts = [t if isinstance(t, str) else "" for t in texts]
        emb, where, S, T = encode_targets(items, texts, self.batch_size)
        readings = rule_readings(texts + [s for s, _, _ in items], self.rules)
        scores: list[float] = []
        if texts:
            X = np.hstack([emb[[where[t] for t in texts]], sentence_rule_matrix(texts, self.rules, readings)])
            scores = [float(x) for x in sentence_scores_from_features(X, self.models.sentence)]
        targets: list[Reading] = []
        if items:
            X = np.hstack([S, T, target_rule_features(items, self.rules, parsed, readings)])
            targets = target_predictions_from_features(X, self.models.target)
        return scores, targets


# ------------------------------------------------------------------------------------------
# The registry: the one place a method name is checked
# ------------------------------------------------------------------------------------------
def _rules_scorer() -> RulesScorer:
    return RulesScorer(load_sentiment_rules())


def _model_scorer() -> ModelScorer:
    return ModelScorer(load_models(), load_sentiment_rules())


#: Sentiment methods: name -> a factory of its scorer (built from the shipped data files).
SCORERS: dict[str, Callable[[], SentimentScorer]] = {"model": _model_scorer, "rules": _rules_scorer}


def register_scorer(name: str, factory: Callable[[], SentimentScorer]) -> None:
    """Make ``load_scorer(name)`` return ``factory()``. A worker process (``n_process``, Dask)
    rebuilds its scorer by name, so register in a module the workers import too."""
    if not isinstance(name, str) or not name or name == "none":
        raise ValueError(f"a sentiment method needs a name other than 'none', got {name!r}")
    SCORERS[name] = factory


def load_scorer(method: str) -> SentimentScorer:
    """The scorer of sentiment method ``method``, one of :data:`SCORERS` (``"model"``, ``"rules"``)."""
    if method not in SCORERS:
        raise ValueError(f"unknown sentiment method {method!r}: use one of {', '.join(SCORERS)}")
    return SCORERS[method]()


# ------------------------------------------------------------------------------------------
# The shipped scorers' readings, for one-off use
# ------------------------------------------------------------------------------------------
def score_sentences(texts: list[str], batch_size: int = 32) -> list[float]:
    """The learned sentence scores in [-1, 1] (``"model"``), for many sentences at once (batched)."""
    return ModelScorer(load_models(), load_sentiment_rules(), batch_size).score_sentences(texts)


def sentence_sentiment(text: str) -> float:
    """The tone of one sentence in [-1, 1] (-1 very negative, +1 very positive).

    The scale is the human one of the training data (mean rating on -4..+4) divided by 4, so
    0.25 is what raters called "slightly positive" (+1). For many sentences use
    :func:`score_sentences`, which batches the encoder.
    """
    return score_sentences([text])[0]


def target_sentiments(items: list[Item], batch_size: int = 32, parsed: dict | None = None) -> list[Reading]:
    """:func:`target_sentiment` for many (sentence, start, end) items at once (batched; each
    sentence encoded once; ``parsed`` as in :meth:`SentimentScorer.score_targets`)."""
    return ModelScorer(load_models(), load_sentiment_rules(), batch_size).score_targets(items, parsed)


def target_sentiment(sentence: str, start: int, end: int) -> Reading:
    """The tone ``sentence`` expresses toward ``sentence[start:end]``: (label, score in [-1, 1]).

    Not the sentence's overall tone: in "Washington blamed Moscow for the collapse" the target
    Moscow is negative. ``score`` is P(positive) - P(negative) under the model.
    """
    return target_sentiments([(sentence, start, end)])[0]


def rule_target_sentiment(items: list[Item], parsed: dict | None = None) -> list[Reading]:
    """The model-free target reading (``"rules"``, :func:`rule_target_readings`) of each item."""
    return RulesScorer(load_sentiment_rules()).score_targets(items, parsed)
