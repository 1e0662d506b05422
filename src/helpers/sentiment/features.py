"""The feature matrices of the learned heads: the embedding, then named rule features.

Owns what a sentence and a target inside a sentence become before a linear head reads them:
:func:`sentence_features` (the sentence embedding, then :data:`SENTENCE_RULE_FEATURES`) and
:func:`target_features` (the embeddings of the sentence and of the target's tokens in context,
then :data:`TARGET_RULE_FEATURES`: the lexicon score of its clause and of the words near it, its
role as agent or patient of an evaluative predicate, whether it is the speaker of reported speech
or inside a quotation). The rule features are always the last columns of a matrix, in the order
of their names: read them by name with :func:`rule_part` and :func:`rule_column`. The rules read
each text once (:func:`rule_readings`) for both. The model-free resources they need travel
together as :class:`SentimentRules`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import numpy as np

from helpers.quotes import SPEECH, Speech, document_attributions, load_speech
from helpers.sentiment.encoder import encode, encode_spans
from helpers.sentiment.lexicons import LEXICON_PATH, PREDICATES_PATH, RULES_PATH, load_predicates
from helpers.sentiment.rules import RuleScorer, Token, load_rule_scorer, normalize, vader_score

__all__ = ["SENTENCE_RULE_FEATURES", "TARGET_RULE_FEATURES", "TARGET_WINDOW_CHARS", "SentimentRules",
           "load_sentiment_rules", "RuleReading", "rule_reading", "rule_readings", "sentence_rule_features",
           "sentence_rule_matrix", "sentence_features",
           "target_rule_features", "target_features", "encode_targets", "check_items", "rule_part", "rule_column"]

#: The hand-made sentence features, the last columns of :func:`sentence_features`.
SENTENCE_RULE_FEATURES = ("rule_score", "vader_score", "rule_positive", "rule_negative")
#: The hand-made target features, the last columns of :func:`target_features`.
TARGET_RULE_FEATURES = (
    "rule_sentence", "vader_sentence", "rule_near", "rule_clause", "rule_other", "role",
    "role_neg", "role_pos", "is_speaker", "in_quote", "mention_valence",
)
#: A long sentence is cut to this many characters around the target before encoding.
TARGET_WINDOW_CHARS = 600

Item = tuple[str, int, int]


@dataclass
class SentimentRules:
    """The model-free resources of the features: the rule scorer (lexicon, composition rules,
    quotation marks), the evaluative predicates and the attribution finder's vocabulary (a
    target that is the speaker of an attribution is ``is_speaker``)."""

    scorer: RuleScorer
    predicates: dict[str, tuple[int, int]]
    speech: Speech


def load_sentiment_rules(lexicon_path: str | Path = LEXICON_PATH, rules_path: str | Path = RULES_PATH,
                         predicates_path: str | Path = PREDICATES_PATH,
                         speech_path: str | Path = SPEECH) -> SentimentRules:
    """The rule resources of these files (each read once per process)."""
    return SentimentRules(load_rule_scorer(lexicon_path, rules_path, speech_path), load_predicates(predicates_path),
                          load_speech("quotes", speech_path))


def rule_part(X: np.ndarray, names: tuple[str, ...]) -> np.ndarray:
    """The rule-feature columns of a feature matrix whose last columns are ``names``, in that order
    (``SENTENCE_RULE_FEATURES`` or ``TARGET_RULE_FEATURES``)."""
    return X[:, X.shape[1] - len(names):]


def rule_column(X: np.ndarray, names: tuple[str, ...], name: str) -> np.ndarray:
    """The column of rule feature ``name`` of a feature matrix whose last columns are ``names``."""
    return X[:, X.shape[1] - len(names) + names.index(name)]


# ------------------------------------------------------------------------------------------
# Sentences
# ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class RuleReading:
    """What the rules read in one text, once for its sentence and target features: its tokens
    with their valences, quoted words at full weight (``valences(text, quoted_weight=1.0)``),
    and its ``SENTENCE_RULE_FEATURES``."""

    tokens: list[Token]
    features: tuple[float, float, float, float]


def rule_reading(text: str, rules: SentimentRules) -> RuleReading:
    """The :class:`RuleReading` of ``text`` (one pass of the rules; the rule score counts quoted
    words at the rules' weight, the target features at full weight)."""
    toks = rules.scorer.valences(text, quoted_weight=1.0)
    values = rules.scorer.quoted_weighted(toks)
    pos = sum(v for v in values if v > 0)
    neg = -sum(v for v in values if v < 0)
    return RuleReading(toks, (rules.scorer.compound(values, text), vader_score(text), normalize(pos), normalize(neg)))


def rule_readings(texts: Iterable[str], rules: SentimentRules) -> dict[str, RuleReading]:
    """``{text: its RuleReading}`` for each distinct text."""
    return {t: rule_reading(t, rules) for t in dict.fromkeys(texts)}


def sentence_rule_features(text: str, rules: SentimentRules) -> list[float]:
    """The hand-made sentence features (``SENTENCE_RULE_FEATURES``) of one text."""
    return list(rule_reading(text, rules).features)


def sentence_rule_matrix(texts: list[str], rules: SentimentRules,
                         readings: dict[str, RuleReading] | None = None) -> np.ndarray:
    """:func:`sentence_rule_features` of each text, one row each (float32); ``readings``: the
    texts' :func:`rule_readings`, if already computed."""
    readings = rule_readings(texts, rules) if readings is None else readings
    return np.array([readings[t].features for t in texts], dtype=np.float32).reshape(
        len(texts), len(SENTENCE_RULE_FEATURES))


def sentence_features(texts: list[str], rules: SentimentRules, batch_size: int = 32) -> np.ndarray:
    """Features of the sentence model: the embedding, then the rule features."""
    texts = [t if isinstance(t, str) else "" for t in texts]
    emb, _ = encode(texts, batch_size=batch_size)
    return np.hstack([emb, sentence_rule_matrix(texts, rules)])


# ------------------------------------------------------------------------------------------
# Targets
# ------------------------------------------------------------------------------------------
def check_items(items: Iterable) -> list[Item]:
    """``items`` as ``(sentence, start, end)`` with int offsets; a span outside its sentence or a
    sentence that is not a str raises."""
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


def _is_speaker(doc, start: int, end: int, speech: Speech) -> int:
    """1 when the target's characters overlap the speaker of one of the sentence's attributions
    (:func:`helpers.quotes.document_attributions`, the quotes table's finder), else 0."""
    return int(any(a.speaker_start < end and start < a.speaker_end for a in document_attributions(doc, speech)))


def _role(doc, start: int, end: int, predicates: dict) -> int:
    """The tone toward the target from its role as agent/patient of an evaluative predicate."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return 0
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
        return 0
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
            return 0
        return tone[0] if role == "agent" else tone[1]
    return 0


def target_rule_features(items: list[Item], rules: SentimentRules, parsed: dict | None = None,
                         readings: dict[str, RuleReading] | None = None) -> np.ndarray:
    """The hand-made target features (``TARGET_RULE_FEATURES``) for each (sentence, start, end).

    ``parsed``: optional ``{sentence: spaCy Doc of exactly that text}`` (e.g. the sentences of
    a document already parsed, ``span.as_doc()``), so nothing is parsed twice; sentences not
    in it are parsed here. ``readings``: the sentences' :func:`rule_readings`, if already
    computed."""
    from helpers.nlp import load_nlp

    uniq = list(dict.fromkeys(s for s, _, _ in items))
    # a parsed sentence may carry its last token's trailing space; offsets from 0 are the same
    docs = {s: parsed[s] for s in uniq if parsed and s in parsed and parsed[s].text.rstrip() == s}
    todo = [s for s in uniq if s not in docs]
    if todo:
        docs.update(zip(todo, load_nlp(("ner",)).pipe(todo, batch_size=64)))
    missing = [s for s in uniq if readings is None or s not in readings]
    readings = {**(readings or {}), **rule_readings(missing, rules)}
    out = np.zeros((len(items), len(TARGET_RULE_FEATURES)), dtype=np.float32)
    for i, (s, a, b) in enumerate(items):
        toks = readings[s].tokens
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
        role = _role(docs[s], a, b, rules.predicates)
        speaker = _is_speaker(docs[s], a, b, rules.speech)
        in_quote = float(bool(inside) and all(toks[k].quoted for k in inside))
        rule, vader = readings[s].features[:2]
        out[i] = [rule, vader, normalize(near), normalize(clause), normalize(other),
                  role, float(role < 0), float(role > 0), speaker, in_quote, normalize(mention)]
    return out


def encode_targets(items: list[Item], texts=(), batch_size: int = 32):
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


def target_features(items: list[Item], rules: SentimentRules, batch_size: int = 32,
                    parsed: dict | None = None) -> np.ndarray:
    """Features of the target model: sentence and target embeddings, then the rule features.

    A (cropped) sentence with several targets is encoded once. ``parsed``: optional
    ``{sentence: spaCy Doc}`` already parsed (see :func:`target_rule_features`)."""
    _, _, S, T = encode_targets(items, (), batch_size)
    return np.hstack([S, T, target_rule_features(items, rules, parsed)])
