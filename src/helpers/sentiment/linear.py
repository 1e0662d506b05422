"""The learned heads: standardised linear models, how they are fitted, and ``sentiment.npz``.

Owns :class:`LinearModel` (standardised features -> linear scores, or class probabilities), the
two fits (:func:`fit_sentence_model`, ridge regression of the sentence rating;
:func:`fit_target_model`, multinomial logistic regression of the target label) with their
regularisation grids, and the weights file :data:`MODEL_PATH` (numpy arrays and a JSON string,
read without pickle; built by ``scripts/train_sentiment.py``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from helpers.sentiment.lexicons import DATA_PACKAGE

__all__ = ["LABELS", "LinearModel", "SentimentModels", "MODEL_FILE", "MODEL_PATH", "MODEL_HINT", "RULE_FEATURE_BOOST",
           "SENTENCE_ALPHAS", "TARGET_CS", "TARGET_C", "fit_sentence_model", "fit_target_model", "load_models",
           "save_models"]

#: Target labels, in the order of the target model's classes.
LABELS: tuple[str, str, str] = ("negative", "neutral", "positive")
MODEL_FILE = "sentiment.npz"
#: The shipped weights of the two learned heads (read by :func:`load_models`).
MODEL_PATH = Path(str(resources.files(DATA_PACKAGE).joinpath(MODEL_FILE)))
MODEL_HINT = (
    "src/helpers/sentiment/data/sentiment.npz is missing: it ships with the package "
    "(`git checkout -- src/helpers/sentiment/data/sentiment.npz`), or rebuild it with "
    "`python scripts/train_sentiment.py`."
)

#: Weight of the hand-made features relative to one embedding dimension after standardising:
#: a few features among hundreds of dimensions get a larger scale, so the penalty treats them
#: as the strong, low-dimensional evidence they are.
RULE_FEATURE_BOOST = 4.0
SENTENCE_ALPHAS = tuple(float(a) for a in np.logspace(0, 4, 13))
#: Inverse regularisation strengths tried for the target model (chosen by inner grouped CV).
TARGET_CS = (0.001, 0.003, 0.01)
TARGET_C = 0.003


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
        """The linear scores of each row of ``X``: each the sum of that row's products, so a row's
        score does not depend on the other rows (a matrix product's summation order does)."""
        Z = (np.asarray(X, dtype=np.float64) - self.mean) / self.scale
        return np.stack([(Z * c).sum(axis=1) for c in self.coef], axis=1) + self.intercept

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
    """The two learned heads and the ``meta`` they were written with."""

    sentence: LinearModel
    target: LinearModel
    meta: dict


@lru_cache(maxsize=2)
def load_models(path: str | Path = MODEL_PATH) -> SentimentModels:
    """The fitted weights (``sentiment.npz``: numpy arrays only, no pickle), read once per process."""
    p = Path(path)
    if not p.is_file():
        raise FileNotFoundError(MODEL_HINT)
    with np.load(p, allow_pickle=False) as d:
        meta = json.loads(str(d["meta"]))
        return SentimentModels(LinearModel.from_arrays(d, "sentence"), LinearModel.from_arrays(d, "target"), meta)


def save_models(path: str | Path, sentence: LinearModel, target: LinearModel, meta: dict) -> None:
    """Write the two heads and ``meta`` (a JSON string, keys sorted) to ``path`` (``.npz``)."""
    arrays = {**sentence.arrays("sentence"), **target.arrays("target"),
              "meta": np.array(json.dumps(meta, sort_keys=True))}
    np.savez_compressed(path, **arrays)
