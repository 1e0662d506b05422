"""Sentiment columns of the suite's tables: sentences, mentions, documents, actors.

Owns how scores become table columns: the actor mentions as target items
(:func:`mention_items`), a sentence table with ``sentiment`` and ``vader``
(:func:`add_sentence_sentiment`), the mentions with ``target_label`` and ``target_score``
(:func:`mention_sentiment`), a document's length-weighted tone (:func:`document_sentiment`), the
``actor_sentiment`` table (:func:`actor_sentiment`, columns from :mod:`helpers.schema`) and the tone
toward the parties of each blame statement (:func:`blame_tone`, notebook 04). Which
scorer produces the numbers is the caller's choice: a :class:`helpers.sentiment.SentimentScorer`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

import numpy as np
import pandas as pd

from helpers.schema import ACTOR_SENTIMENT_COLUMNS
from helpers.sentiment.linear import LABELS
from helpers.sentiment.rules import vader_score

if TYPE_CHECKING:  # pragma: no cover
    from helpers.sentiment.scorers import SentimentScorer

__all__ = ["ACTOR_SENTIMENT_COLUMNS", "mention_items", "with_sentence_scores", "with_target_readings",
           "add_sentence_sentiment", "mention_sentiment", "document_sentiment", "actor_sentiment", "blame_tone",
           "BLAME_TONE_COLUMNS"]

#: The columns of :func:`blame_tone`.
BLAME_TONE_COLUMNS = ["actor", "role", "tone"]


def mention_items(mentions: pd.DataFrame, sentences: pd.DataFrame) -> tuple[list[tuple[str, int, int]], pd.DataFrame]:
    """The actor mentions that lie inside a sentence, as ``(sentence, start, end)`` items (offsets
    within the sentence), and those mentions' rows (same order). Pronoun rows (``via`` pronoun)
    are not targets: a sentence's tone toward "he" was never measured (the target head was
    trained on named targets)."""
    bounds = {(doc_id, sent_id): (int(a), int(b), text) for doc_id, sent_id, a, b, text in zip(
        sentences["doc_id"], sentences["sent_id"], sentences["start_char"], sentences["end_char"], sentences["text"])}
    items, keep = [], []
    vias = mentions["via"] if "via" in mentions else [""] * len(mentions)
    for i, (kind, via, doc_id, sent_id, a, b) in enumerate(zip(
            mentions["kind"], vias, mentions["doc_id"], mentions["sent_id"], mentions["start_char"],
            mentions["end_char"])):
        s = bounds.get((doc_id, sent_id)) if kind == "actor" and via != "pronoun" else None
        if s is not None and a >= s[0] and b <= s[1]:
            items.append((s[2], int(a) - s[0], int(b) - s[0]))
            keep.append(i)
    return items, mentions.iloc[keep].reset_index(drop=True)


def with_sentence_scores(sentences: pd.DataFrame, scores: Sequence[float]) -> pd.DataFrame:
    """``sentences`` with ``sentiment`` (``scores``, one per row) and ``vader`` (the baseline),
    both rounded to 4 decimals."""
    out = sentences.copy()
    texts = out["text"].tolist()
    out["sentiment"] = np.round(scores, 4) if texts else []
    out["vader"] = np.round([vader_score(t) for t in texts], 4) if texts else []
    return out


def with_target_readings(targets: pd.DataFrame, readings: Sequence[tuple[str, float]]) -> pd.DataFrame:
    """``targets`` (rows of :func:`mention_items`) with ``target_label`` and ``target_score``
    (rounded to 4 decimals) of ``readings``, one ``(label, score)`` per row."""
    return targets.assign(target_label=[lab for lab, _ in readings],
                          target_score=np.round([sc for _, sc in readings], 4))


def add_sentence_sentiment(sentences: pd.DataFrame, scorer: SentimentScorer) -> pd.DataFrame:
    """``sentences`` (the ``sentences.csv`` columns) with ``sentiment`` (``scorer``'s sentence
    scores; the ``"rules"`` scorer is about 50 times faster than ``"model"`` and less accurate, see
    notebook 06) and ``vader`` (the baseline), both in [-1, 1] and rounded to 4 decimals."""
    texts = sentences["text"].tolist()
    return with_sentence_scores(sentences, scorer.score_sentences(texts) if texts else [])


def mention_sentiment(mentions: pd.DataFrame, sentences: pd.DataFrame, scorer: SentimentScorer,
                      parsed: dict | None = None) -> pd.DataFrame:
    """Target sentiment of every actor mention, in its sentence: ``mentions`` (kind actor only)
    with ``target_label`` and ``target_score`` from ``scorer``.
    ``parsed``: optional ``{sentence text: spaCy Doc}`` so sentences are not parsed again."""
    items, m = mention_items(mentions, sentences)
    return with_target_readings(m, scorer.score_targets(items, parsed) if items else [])


def document_sentiment(sentences: pd.DataFrame) -> pd.DataFrame:
    """Per document, the mean of its sentences' ``sentiment`` weighted by their length in words
    (a one-sentence document gets that sentence's score)."""
    groups = sentences.groupby("doc_id", sort=True)
    scores = sentences["sentiment"].to_numpy(dtype=float)
    words = np.array([max(len(t.split()), 1) for t in sentences["text"]], dtype=np.int64)
    ids = groups.size().index
    values = [float(np.average(scores[groups.indices[d]], weights=words[groups.indices[d]])) for d in ids]
    return pd.DataFrame({"doc_id": ids.to_numpy(), "sentiment": np.round(values, 4)})


def actor_sentiment(scored: pd.DataFrame, by: str = "root", n_boot: int = 1000, seed: int = 0) -> pd.DataFrame:
    """Per document and actor (``by``: rolled-up ``root`` or ``actor``): the mean target score of
    its mentions with a 95% percentile bootstrap interval over mentions (fixed ``seed``), and the
    share of negative, neutral and positive mentions. Sorted by document, mentions, actor."""
    rng = np.random.default_rng(seed)
    groups = scored.groupby(["doc_id", by], sort=True)
    all_scores = scored["target_score"].to_numpy(dtype=float)
    all_labels = scored["target_label"].to_numpy(dtype=object)
    rows = []
    for doc_id, actor in groups.size().index:  # in sorted order; rows whose key is missing are left out
        idx = groups.indices[(doc_id, actor)]
        scores = all_scores[idx]
        boots = rng.choice(scores, size=(n_boot, len(scores)), replace=True).mean(axis=1)
        lo, hi = np.quantile(boots, [0.025, 0.975])
        labels = [lab for lab in all_labels[idx] if not pd.isna(lab)]
        rows.append({"doc_id": doc_id, "actor": actor, "mentions": len(scores),
                     "sentiment": round(float(scores.mean()), 4),
                     "ci_low": round(float(lo), 4), "ci_high": round(float(hi), 4),
                     **{lab: round(labels.count(lab) / len(labels), 4) if labels else 0.0 for lab in LABELS}})
    out = pd.DataFrame(rows, columns=ACTOR_SENTIMENT_COLUMNS)
    return out.sort_values(["doc_id", "mentions", "actor"], ascending=[True, False, True], ignore_index=True)


def blame_tone(blame: pd.DataFrame, scored: pd.DataFrame) -> pd.DataFrame:
    """The tone toward the parties of each blame statement: the ``target_score`` of the blamed's
    mention (role ``blamed``) and of the blamer's (role ``blamer``, when the blamer is a party in the
    text, ``blamer_start >= 0``, not the author), with the party rolled up (``blamed_root``,
    ``blamer_root``).

    ``blame``: a :func:`helpers.blame.blame_table`; ``scored``: :func:`mention_sentiment` of the same
    documents' mentions. Every blamed row comes first, then every blamer row, each in the blame
    table's order; a party whose mention has no score (not an actor mention inside a sentence) is
    left out. Columns :data:`BLAME_TONE_COLUMNS`."""
    tone = scored.set_index(["doc_id", "start_char"])["target_score"]
    rows = [{"actor": r.blamed_root, "role": "blamed", "tone": tone.get((r.doc_id, r.blamed_start))}
            for r in blame.itertuples()]
    rows += [{"actor": r.blamer_root, "role": "blamer", "tone": tone.get((r.doc_id, r.blamer_start))}
             for r in blame.itertuples() if r.blamer_start >= 0]
    return pd.DataFrame(rows, columns=BLAME_TONE_COLUMNS).dropna().reset_index(drop=True)
