"""The forward pass of all-MiniLM-L6-v2 (a 6-layer BERT), written out, with int8 linear layers.

Owns how token ids become hidden states: :class:`MiniLM`, built from the encoder's safetensors
weights by :func:`load_minilm`. Three choices make it fast on a CPU and its results independent of
what else is in a batch:

- **packed batches**: the tokens of all texts of a batch are rows of one matrix (no padding); the
  linear layers, layer norms and GELU work row by row, attention text by text (texts whose
  lengths round up to the same multiple of :data:`ATTENTION_BUCKET` together, each padded to that
  width and masked, so each is computed exactly as it would be alone);
- **int8 linear layers** (``quantized=True``): weights quantised once per output channel
  (symmetric, scale = max |w| / :data:`WEIGHT_LEVELS`), each activation row quantised on the fly
  (scale = max |x| / 127), products summed exactly in int32 (``torch._int_mm``), then rescaled. A
  row's result depends on that row only, so a text's states are bit-identical whatever batch it
  is in. With the packing, about 7 times faster than ``transformers``' float32 model on one core.
  ``quantized=False`` is the float32 model (the reference: equal to ``transformers``'
  ``BertModel`` to about 1e-6);
- **no framework**: plain ``torch`` tensor operations, no autograd, no ``transformers``.

``torch`` is imported with this module: import it only when an encoder is needed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import torch
import torch.nn.functional as F

__all__ = ["MiniLM", "QuantizedLinear", "FloatLinear", "load_minilm", "quantize_rows"]

#: all-MiniLM-L6-v2's shape (its config.json); :func:`load_minilm` checks the weights against it.
HIDDEN, HEADS, LAYERS, INTERMEDIATE, LN_EPS = 384, 12, 6, 1536, 1e-12
HEAD_DIM = HIDDEN // HEADS
#: Weights are quantised to [-63, 63] (7 bits): on a CPU without VNNI instructions, int8 products
#: go through 16-bit pair sums that saturate when both operands use 8 bits (oneDNN's AVX2 and
#: AVX-512 kernels: ``torch._int_mm`` is then wrong), not when one of them uses 7.
WEIGHT_LEVELS = 63
#: Attention runs on groups of texts whose lengths round up to the same multiple of this.
ATTENTION_BUCKET = 8


def quantize_rows(x: torch.Tensor, levels: int = 127) -> tuple[torch.Tensor, torch.Tensor]:
    """Symmetric int8 quantisation of each row of ``x``: ``(q, scale)`` with ``x ~ q * scale``,
    ``q`` in [-levels, levels], ``scale`` of shape (rows, 1) = max |row| / levels (an all-zero
    row gets a tiny scale)."""
    scale = torch.maximum(x.amax(1, keepdim=True), x.amin(1, keepdim=True).neg_()).clamp_(min=1e-12).div_(levels)
    return torch.div(x, scale).round_().to(torch.int8), scale


@dataclass(frozen=True)
class QuantizedLinear:
    """``x @ weight.T + bias`` with int8 weights (per output channel) and int8 activation rows."""

    weight: torch.Tensor  # (in, out) int8, contiguous
    scale: torch.Tensor  # (out,) float32
    bias: torch.Tensor  # (out,) float32

    @classmethod
    def from_float(cls, weight: torch.Tensor, bias: torch.Tensor) -> "QuantizedLinear":
        q, scale = quantize_rows(weight.float(), WEIGHT_LEVELS)
        return cls(q.t().contiguous(), scale[:, 0].contiguous(), bias.float())

    def __call__(self, x: torch.Tensor) -> torch.Tensor:
        q, sx = quantize_rows(x)
        return torch._int_mm(q, self.weight).float().mul_(self.scale).mul_(sx).add_(self.bias)


@dataclass(frozen=True)
class FloatLinear:
    """``x @ weight.T + bias`` in float32 (the reference model)."""

    weight: torch.Tensor  # (in, out) float32, contiguous
    bias: torch.Tensor

    @classmethod
    def from_float(cls, weight: torch.Tensor, bias: torch.Tensor) -> "FloatLinear":
        return cls(weight.float().t().contiguous(), bias.float())

    def __call__(self, x: torch.Tensor) -> torch.Tensor:
        return torch.addmm(self.bias, x, self.weight)


@dataclass(frozen=True)
class _Layer:
    qkv: QuantizedLinear | FloatLinear  # query, key and value in one product
    out: QuantizedLinear | FloatLinear
    norm1: tuple[torch.Tensor, torch.Tensor]
    up: QuantizedLinear | FloatLinear
    down: QuantizedLinear | FloatLinear
    norm2: tuple[torch.Tensor, torch.Tensor]


class MiniLM:
    """all-MiniLM-L6-v2's embeddings and six transformer layers (BERT), inference only.

    :meth:`states` maps token ids (each text's ``[CLS] ... [SEP]`` ids) to the hidden states of
    the requested layers (0 = embeddings), concatenated."""

    def __init__(self, weights: dict[str, torch.Tensor], quantized: bool = True):
        w = {k.removeprefix("bert."): v.float() for k, v in weights.items()}
        _check_shapes(w)
        linear = QuantizedLinear if quantized else FloatLinear
        self.quantized = quantized
        self.word = w["embeddings.word_embeddings.weight"]
        self.position = w["embeddings.position_embeddings.weight"]
        self.token_type = w["embeddings.token_type_embeddings.weight"][0]
        self.norm = (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        self.layers = []
        for i in range(LAYERS):
            p = f"encoder.layer.{i}."
            qkv = [p + f"attention.self.{n}." for n in ("query", "key", "value")]
            self.layers.append(_Layer(
                qkv=linear.from_float(torch.cat([w[n + "weight"] for n in qkv]),
                                      torch.cat([w[n + "bias"] for n in qkv])),
                out=linear.from_float(w[p + "attention.output.dense.weight"], w[p + "attention.output.dense.bias"]),
                norm1=(w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"]),
                up=linear.from_float(w[p + "intermediate.dense.weight"], w[p + "intermediate.dense.bias"]),
                down=linear.from_float(w[p + "output.dense.weight"], w[p + "output.dense.bias"]),
                norm2=(w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"]),
            ))

    @property
    def max_tokens(self) -> int:
        return int(self.position.shape[0])

    def states(self, ids: list[list[int]], layers: tuple[int, ...]) -> list[torch.Tensor]:
        """The hidden states of ``layers`` (concatenated: ``len(layers) * 384`` columns) of each
        token of each text of ``ids``, one (tokens, columns) tensor per text, in input order; the
        layers after the last one asked for are not computed. Call under
        ``torch.inference_mode()``. Texts are packed longest-last; each text's rows do not depend
        on the others."""
        if not ids:
            return []
        order = sorted(range(len(ids)), key=lambda i: (len(ids[i]), i))
        packed = [ids[i] for i in order]
        lengths = [len(x) for x in packed]
        if lengths[0] < 1 or lengths[-1] > self.max_tokens:
            raise ValueError(f"every text needs 1 to {self.max_tokens} token ids")
        tokens = torch.tensor([t for x in packed for t in x], dtype=torch.long)
        positions = torch.cat([torch.arange(n) for n in lengths])
        h = F.layer_norm(self.word[tokens] + self.position[positions] + self.token_type, (HIDDEN,), *self.norm, LN_EPS)
        groups = _attention_groups(lengths)
        out = [h] if 0 in layers else []
        for k, layer in enumerate(self.layers[:max(layers)], 1):
            h = _layer(layer, h, groups)
            if k in layers:
                out.append(h)
        rows = torch.split(torch.cat(out, 1), lengths)
        result: list[torch.Tensor] = [torch.empty(0)] * len(ids)
        for i, r in zip(order, rows):
            result[i] = r
        return result


@dataclass(frozen=True)
class _Group:
    """Texts whose lengths round up to the same multiple of :data:`ATTENTION_BUCKET`: their rows
    ``first .. first + rows``, gathered (``gather``) into ``texts`` x ``width`` slots, each text
    padded with copies of its last row that ``mask`` hides from attention; ``keep``: the slots of
    real rows, in row order (None when no text is padded)."""

    first: int
    rows: int
    texts: int
    width: int
    gather: torch.Tensor | None
    keep: torch.Tensor | None
    mask: torch.Tensor | None


def _attention_groups(lengths: list[int]) -> list[_Group]:
    """The attention groups of sorted ``lengths``: a text's width is its length rounded up to a
    multiple of ATTENTION_BUCKET, so what is computed for it does not depend on the other texts."""
    groups, first, k = [], 0, 0
    while k < len(lengths):
        width = -(-lengths[k] // ATTENTION_BUCKET) * ATTENTION_BUCKET
        j = k
        while j < len(lengths) and lengths[j] <= width:
            j += 1
        part = lengths[k:j]
        rows = sum(part)
        if all(n == width for n in part):
            groups.append(_Group(first, rows, j - k, width, None, None, None))
        else:
            starts = [first + sum(part[:i]) for i in range(len(part))]
            gather = [s + min(t, n - 1) for s, n in zip(starts, part) for t in range(width)]
            keep = [i * width + t for i, n in enumerate(part) for t in range(n)]
            mask = torch.zeros(len(part), 1, 1, width)
            for i, n in enumerate(part):
                mask[i, :, :, n:] = float("-inf")
            groups.append(_Group(first, rows, j - k, width, torch.tensor(gather), torch.tensor(keep), mask))
        first += rows
        k = j
    return groups


def _attention(qkv: torch.Tensor, groups: list[_Group]) -> torch.Tensor:
    """Self-attention of each text over its own tokens (rows of ``qkv``: query, key, value)."""
    context = torch.empty(qkv.shape[0], HIDDEN)
    scale = 1.0 / math.sqrt(HEAD_DIM)
    for g in groups:
        part = qkv[g.first:g.first + g.rows] if g.gather is None else qkv.index_select(0, g.gather)
        # (3, texts, heads, width, head_dim), contiguous: the kernels see the same layout for a
        # text alone and among others of its width
        q, k, v = part.view(g.texts, g.width, 3, HEADS, HEAD_DIM).permute(2, 0, 3, 1, 4).contiguous()
        scores = torch.matmul(q, k.transpose(-1, -2)).mul_(scale)
        if g.mask is not None:
            scores.add_(g.mask)
        out = torch.matmul(torch.softmax(scores, -1), v).transpose(1, 2).reshape(g.texts * g.width, HIDDEN)
        context[g.first:g.first + g.rows] = out if g.keep is None else out.index_select(0, g.keep)
    return context


def _layer(layer: _Layer, h: torch.Tensor, groups: list[_Group]) -> torch.Tensor:
    h = F.layer_norm(h + layer.out(_attention(layer.qkv(h), groups)), (HIDDEN,), *layer.norm1, LN_EPS)
    return F.layer_norm(h + layer.down(F.gelu(layer.up(h))), (HIDDEN,), *layer.norm2, LN_EPS)


def _check_shapes(w: dict[str, torch.Tensor]) -> None:
    want = {"embeddings.LayerNorm.weight": (HIDDEN,),
            f"encoder.layer.{LAYERS - 1}.intermediate.dense.weight": (INTERMEDIATE, HIDDEN)}
    if (any(k not in w or tuple(w[k].shape) != shape for k, shape in want.items())
            or f"encoder.layer.{LAYERS}.output.dense.weight" in w):
        raise ValueError(f"these weights are not all-MiniLM-L6-v2's ({LAYERS} layers, hidden size {HIDDEN}, "
                         f"intermediate size {INTERMEDIATE})")


def load_minilm(path: str | Path, quantized: bool = True) -> MiniLM:
    """The model of the safetensors file ``path`` (read without pickle)."""
    from safetensors.torch import load_file

    if not hasattr(torch, "_int_mm"):  # pragma: no cover - depends on the torch build
        raise OSError("this torch has no torch._int_mm (int8 matrix products): install torch==2.13.0 (`make setup`)")
    return MiniLM(load_file(str(path)), quantized=quantized)
