"""Contextual features of a pronoun and its candidates, from the suite's frozen sentence encoder.

The pronoun ranker's ``encoder`` model (:mod:`helpers.actors.pronouns`) adds to the features of
:mod:`helpers.actors.pronoun_features` the element-wise product of two vectors: the pronoun's and
the candidate's reference mention's hidden states (all-MiniLM-L6-v2, the layers
:data:`WINDOW_LAYERS`, mean-pooled over their word pieces by
:func:`helpers.sentiment.encoder.span_mean`, as the sentiment heads pool a span). The text encoded
is the pronoun's window: its sentence and the ``sentences_before`` sentences before it (dropping
the earliest while the window is longer than ``max_chars``) and ``sentences_after`` after it.
A window is encoded once per Doc, whatever the number of pronouns in it, and a span's vector in
it pooled once; its vectors depend on its own text only.
``torch`` is imported on first use (through :mod:`helpers.sentiment.encoder`).
"""

from __future__ import annotations

import numpy as np
from spacy.tokens import Doc, Span

from helpers.actors.pronoun_features import Candidate, Pronoun

__all__ = ["WINDOW_LAYERS", "ENCODER_DIM", "window", "WindowEncoder"]

#: The encoder's hidden layers the ranker reads (those the ``encoder`` model was trained on; the
#: sentiment heads read their own, :data:`helpers.sentiment.encoder.ENCODER_LAYERS`).
WINDOW_LAYERS = (4, 5)
#: Columns the encoder adds (384 per layer of ``WINDOW_LAYERS``).
ENCODER_DIM = 384 * len(WINDOW_LAYERS)


def window(sents: list[Span], sentence: int, before: int, after: int, max_chars: int) -> tuple[int, int]:
    """Character offsets of the pronoun's window (see the module docstring)."""
    first, last = max(0, sentence - before), min(len(sents) - 1, sentence + after)
    while first < sentence and sents[last].end_char - sents[first].start_char > max_chars:
        first += 1
    return sents[first].start_char, sents[last].end_char


class WindowEncoder:
    """The encoder rows of a Doc's pronouns and candidates, each window encoded once and each
    span's vector in a window pooled once."""

    def __init__(self, doc: Doc, text: str, sents: list[Span], before: int, after: int, max_chars: int):
        self.doc, self.text, self.sents = doc, text, sents
        self.before, self.after, self.max_chars = before, after, max_chars
        self._states: dict[tuple[int, int], tuple[np.ndarray, np.ndarray]] = {}
        self._pooled: dict[tuple[int, int, int, int], np.ndarray] = {}

    def _window_states(self, start: int, end: int) -> tuple[np.ndarray, np.ndarray]:
        if (start, end) not in self._states:
            from helpers.sentiment.encoder import load_encoder

            (states,), (offsets,) = load_encoder().token_states([self.text[start:end]], WINDOW_LAYERS)
            self._states[start, end] = states, offsets + start
        return self._states[start, end]

    def _vector(self, window: tuple[int, int], start: int, end: int) -> np.ndarray:
        """The pooled vector of the characters ``start:end`` in ``window``."""
        key = (*window, start, end)
        if key not in self._pooled:
            from helpers.sentiment.encoder import span_mean

            self._pooled[key] = span_mean(*self._window_states(*window), start, end)
        return self._pooled[key]

    def rows(self, pron: Pronoun, cands: list[Candidate]) -> np.ndarray:
        """``len(cands) x ENCODER_DIM``: the pronoun's vector times each candidate mention's."""
        win = window(self.sents, pron.sentence, self.before, self.after, self.max_chars)
        tok = self.doc[pron.i]
        p = self._vector(win, tok.idx, tok.idx + len(tok))
        refs = [self.doc[c.ref.start:c.ref.end] for c in cands]
        return np.vstack([p * self._vector(win, r.start_char, r.end_char) for r in refs])
