"""Pronoun coreference measured on GAP (Webster et al., TACL 2018), with GAP's own scorer.

GAP's development (2,000 examples) and validation (454) files are vendored in
``data/external/gap/`` with the dataset's ``gap_scorer.py``; see its ``SOURCE.md``. Each example
is a Wikipedia paragraph, one pronoun (by character offset) and two names A and B, each marked as
the pronoun's antecedent or not. The snippet setting is used: the URL is never read, except to
keep paragraphs of one page in one fold.

- :func:`load_gap`: a split as a frame.
- :func:`predict`: runs the ``pronoun_resolver`` on parsed snippets and decides A, B or neither
  from the antecedent it chose: an antecedent overlapping A (or B), or else whose entity has a
  mention overlapping only one of them. Rows in GAP's system format (``ID, A-coref, B-coref``).
- :func:`training_rows`: the ranker's feature rows for each example's pronoun and their labels
  (the entity holding a true name is positive; the entity of a false name, and any other when one
  name is true, negative); :func:`fit_ranker` fits the logistic ranker on them.
- :func:`cross_validated`: out-of-fold predictions (folds grouped by page, trained on the other
  folds plus any extra rows given) and a ``nearest compatible antecedent`` baseline.
- :func:`score`, :func:`gap_scores` (with a bootstrap interval of overall F1 over examples):
  GAP's ``gap_scorer`` (its ``calculate_scores`` and ``Scores``, imported from the vendored copy;
  its file reader, written for Python 2, is replaced by :func:`annotations`).
"""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
from spacy.tokens import Doc

from helpers import paths
from helpers.actors.pronoun_features import FEATURES
from helpers.actors.pronouns import SPANS_KEY, PronounResolver, Ranker, build_resolver
from helpers.evaluation.metrics import bootstrap_ci
from helpers.evaluation.results import result_row

__all__ = ["GAP_DIR", "GAP_FILES", "PUBLISHED_GAP", "RANKER_C", "GapEvaluation", "load_gap", "gap_scorer",
           "annotations", "score", "gap_scores", "predict", "training_rows", "fit_ranker", "cross_validated",
           "nearest_ranker", "parse_gap", "evaluate_gap", "write_predictions", "read_predictions", "gap_results",
           "scores_frame"]

GAP_DIR = "data/external/gap"
GAP_FILES = {"development": "gap-development.tsv", "validation": "gap-validation.tsv"}
#: Webster et al. 2018, Table 6 (GAP test set, snippet context): F1 x 100.
PUBLISHED_GAP = {"parallelism baseline (test set)": 0.669, "BERT ensemble, GPU (test set)": 0.925,
                 "humans (test set)": 0.966}


def load_gap(split: str) -> pd.DataFrame:
    """GAP's ``development`` or ``validation`` file: its 11 columns, offsets as ints, corefs as bools."""
    df = pd.read_csv(paths.PROJECT_ROOT / GAP_DIR / GAP_FILES[split], sep="\t", dtype=str, keep_default_na=False,
                     quoting=3)
    for col in ("Pronoun-offset", "A-offset", "B-offset"):
        df[col] = df[col].astype(int)
    for col in ("A-coref", "B-coref"):
        df[col] = df[col].str.upper().eq("TRUE")
    return df


@lru_cache(maxsize=1)
def gap_scorer():
    """GAP's ``gap_scorer`` module, imported from the vendored copy (it imports ``constants`` beside it)."""
    folder = str(paths.PROJECT_ROOT / GAP_DIR)
    if folder not in sys.path:
        sys.path.insert(0, folder)
    spec = importlib.util.spec_from_file_location("gap_scorer", Path(folder) / "gap_scorer.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class _Items(dict):
    """A dict with Python 2's ``iteritems``, which ``gap_scorer.calculate_scores`` calls."""

    def iteritems(self):
        return iter(sorted(self.items()))


def annotations(frame: pd.DataFrame, gold: bool) -> _Items:
    """``gap_scorer.Annotation`` per example ID, as its ``read_annotations`` builds them."""
    gs = gap_scorer()
    out = _Items()
    for row in frame.to_dict("records"):
        a = gs.Annotation()
        a.name_a_coref, a.name_b_coref = bool(row["A-coref"]), bool(row["B-coref"])
        if gold:
            a.gender = gs.PRONOUNS[row["Pronoun"].lower()]
        out[row["ID"]] = a
    return out


def score(gold: pd.DataFrame, system: pd.DataFrame) -> dict:
    """GAP's scores: recall, precision, F1 (0-1) overall, masculine and feminine; bias F/M; the counts."""
    gs = gap_scorer()
    scores = gs.calculate_scores(annotations(gold, True), annotations(system, False))
    out = {}
    for key, name in ((None, "overall"), (gs.Gender.MASCULINE, "masculine"), (gs.Gender.FEMININE, "feminine")):
        s = scores.get(key, gs.Scores())
        out[name] = {"recall": s.recall() / 100, "precision": s.precision() / 100, "f1": s.f1() / 100,
                     "tp": s.true_positives, "fp": s.false_positives, "fn": s.false_negatives,
                     "tn": s.true_negatives}
    m, f = out["masculine"]["f1"], out["feminine"]["f1"]
    out["bias"] = f / m if m and f else float("nan")
    out["n"] = len(gold)
    return out


def gap_scores(gold: pd.DataFrame, system: pd.DataFrame, n: int = 1000, seed: int = 0) -> dict:
    """:func:`score` with a percentile bootstrap interval of overall F1 over examples (``f1_ci``)."""
    out = score(gold, system)
    gs = gap_scorer()
    per = []
    sys_ann = annotations(system, False)
    for ex_id, g in annotations(gold, True).items():
        s = gs.calculate_scores(_Items({ex_id: g}), _Items({ex_id: sys_ann[ex_id]}))[None]
        per.append((s.true_positives, s.false_positives, s.false_negatives))
    counts = pd.DataFrame(per, columns=["tp", "fp", "fn"])

    def f1(sample: pd.DataFrame) -> float:
        tp, fp, fn = sample.tp.sum(), sample.fp.sum(), sample.fn.sum()
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    out["overall"]["f1_ci"] = bootstrap_ci(counts, f1, n=n, seed=seed)
    return out


# ----- predictions -------------------------------------------------------------------------------
def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _decide(record: dict | None, a: tuple[int, int], b: tuple[int, int]) -> tuple[bool, bool]:
    if record is None:
        return False, False
    ante = (record["start_char"], record["end_char"])
    if _overlaps(ante, a) or _overlaps(ante, b):
        return _overlaps(ante, a), _overlaps(ante, b)
    in_a = any(_overlaps(tuple(c), a) for c in record["chain"])
    in_b = any(_overlaps(tuple(c), b) for c in record["chain"])
    return in_a and not in_b, in_b and not in_a


def _spans(row) -> tuple[tuple[int, int], tuple[int, int]]:
    a, b = row["A-offset"], row["B-offset"]
    return (a, a + len(row["A"])), (b, b + len(row["B"]))


def predict(frame: pd.DataFrame, docs: list[Doc], resolver: PronounResolver) -> pd.DataFrame:
    """GAP system rows (``ID, A-coref, B-coref``) from ``resolver`` run on each parsed snippet."""
    rows = []
    for (_, row), doc in zip(frame.iterrows(), docs):
        doc = resolver(doc)
        found = [s for s in doc.spans[SPANS_KEY] if s.start_char == row["Pronoun-offset"]]
        a_true, b_true = _decide(found[0]._.antecedent if found else None, *_spans(row))
        rows.append({"ID": row["ID"], "A-coref": a_true, "B-coref": b_true})
    return pd.DataFrame(rows, columns=["ID", "A-coref", "B-coref"])


# ----- training --------------------------------------------------------------------------------
def _labels(doc: Doc, row, entities, cands) -> list[int]:
    """1 for the entity holding a true name, 0 for one holding a false name or any other when a
    name is true, -1 (unknown) for others when neither name is."""
    a, b = _spans(row)
    out = []
    for c in cands:
        spans = [(doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1])) for m in entities[c.entity].mentions]
        has_a, has_b = any(_overlaps(s, a) for s in spans), any(_overlaps(s, b) for s in spans)
        if (has_a and row["A-coref"]) or (has_b and row["B-coref"]):
            out.append(1)
        else:
            out.append(0 if has_a or has_b or row["A-coref"] or row["B-coref"] else -1)
    return out


def training_rows(frame: pd.DataFrame, docs: list[Doc], resolver: PronounResolver) -> tuple[pd.DataFrame, np.ndarray]:
    """What the ranker of ``resolver`` reads for each example's pronoun and its candidates
    (``resolver.rows``, with no gender from earlier pronouns), and ``(ID, label)`` per row
    (label 1, 0, or -1 when GAP does not tell)."""
    keys, parts = [], []
    for (_, row), doc in zip(frame.iterrows(), docs):
        tok = doc.char_span(row["Pronoun-offset"], row["Pronoun-offset"] + len(row["Pronoun"]))
        if tok is None or len(tok) != 1 or tok[0].lower_ not in resolver.lexicon.third_person:
            continue
        state = resolver.state(doc)
        pron = state.pronoun(tok.start, resolver.lexicon)
        cands = resolver.candidates(state, pron, {})
        if cands:
            parts.append(resolver.rows(state, pron, cands))
            keys += [(row["ID"], label) for label in _labels(doc, row, state.entities, cands)]
    return pd.DataFrame(keys, columns=["ID", "label"]), np.vstack(parts)


def fit_ranker(keys: pd.DataFrame, X: np.ndarray, C: float) -> Ranker:
    """A logistic ranker fitted on the labelled rows (standardised columns, L2 penalty ``C``;
    lbfgs, deterministic), the standardisation folded into the returned coefficients."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    known = keys.label.to_numpy() >= 0
    scaler = StandardScaler().fit(X[known])
    model = LogisticRegression(C=C, max_iter=5000).fit(scaler.transform(X[known]), keys.label.to_numpy()[known])
    coef = model.coef_[0] / scaler.scale_
    return Ranker(coef, float(model.intercept_[0] - coef @ scaler.mean_), {"C": C, "rows": int(known.sum())})


def nearest_ranker() -> Ranker:
    """The baseline (syntax columns): the nearest compatible antecedent before the pronoun, else the
    first after it."""
    coef = np.zeros(len(FEATURES))
    coef[FEATURES.index("nearest")] = 4.0
    coef[FEATURES.index("log_distance")] = -0.01
    coef[FEATURES.index("after_log_distance")] = -1.0
    return Ranker(coef, 0.0, {"baseline": "nearest"})


def cross_validated(frame: pd.DataFrame, docs: list[Doc], keys: pd.DataFrame, X: np.ndarray,
                    resolver: PronounResolver, C: float, folds: int = 5,
                    extra: tuple[pd.DataFrame, np.ndarray] | None = None) -> pd.DataFrame:
    """Out-of-fold predictions of ``frame``: folds grouped by page (the URL), each predicted by
    ``resolver`` with a ranker fitted on the other folds' rows (``keys``, ``X``: from
    :func:`training_rows` with the same resolver) plus the ``extra`` rows (another split's)."""
    from sklearn.model_selection import GroupKFold

    out = []
    for train, test in GroupKFold(n_splits=folds).split(frame, groups=frame["URL"]):
        mask = keys.ID.isin(set(frame["ID"].iloc[train])).to_numpy()
        fk, fX = keys[mask], X[mask]
        if extra is not None:
            fk, fX = pd.concat([fk, extra[0]], ignore_index=True), np.vstack([fX, extra[1]])
        fold = resolver.with_ranker(fit_ranker(fk, fX, C), resolver.settings.encoder)
        out.append(predict(frame.iloc[test], [docs[i] for i in test], fold))
    return pd.concat(out, ignore_index=True).set_index("ID").loc[frame["ID"]].reset_index()


#: The ranker's L2 penalty per model (inverse strength, on standardised columns), chosen on GAP
#: validation with the ranker trained on development (never on the development figures).
RANKER_C = {"syntax": 1.0, "encoder": 0.003}


@dataclass
class GapEvaluation:
    """Out-of-fold predictions and GAP scores of both splits, for one model (``syntax`` or
    ``encoder``), with the baseline's; ``rows``: each split's training rows (:func:`training_rows`)."""

    model: str
    frames: dict[str, pd.DataFrame]
    rows: dict[str, tuple[pd.DataFrame, np.ndarray]]
    predictions: dict[str, pd.DataFrame]
    scores: dict[str, dict]
    baseline: dict[str, dict]


def parse_gap() -> dict[str, list[Doc]]:
    """Each split's snippets parsed by the plain English pipeline (:func:`helpers.nlp.load_nlp`)."""
    from helpers.nlp import load_nlp

    nlp = load_nlp()
    return {s: list(nlp.pipe(load_gap(s)["Text"], batch_size=64)) for s in GAP_FILES}


def evaluate_gap(model: str, docs: dict[str, list[Doc]] | None = None, folds: int = 5, n: int = 1000,
                 seed: int = 0) -> GapEvaluation:
    """The ``pronoun_resolver`` (its default config, ``model`` = ``syntax`` or ``encoder``) on
    GAP development and validation, each snippet parsed by ``en_core_web_sm``, never scored by a
    ranker trained on it: development out of fold (``folds`` folds grouped by page, each ranker
    trained on the other folds and on validation), validation by a ranker trained on development.
    Scores by :func:`gap_scores`; baseline: the nearest compatible antecedent. ``docs``: from
    :func:`parse_gap` (parsed here when not given). A few minutes."""
    docs = docs if docs is not None else parse_gap()
    resolver = build_resolver({"encoder": model == "encoder"}, nearest_ranker())
    frames = {s: load_gap(s) for s in GAP_FILES}
    rows = {s: training_rows(frames[s], docs[s], resolver) for s in GAP_FILES}
    C = RANKER_C[model]
    dev, val = "development", "validation"
    trained_on_dev = resolver.with_ranker(fit_ranker(*rows[dev], C), resolver.settings.encoder)
    predictions = {dev: cross_validated(frames[dev], docs[dev], *rows[dev], resolver, C, folds, extra=rows[val]),
                   val: predict(frames[val], docs[val], trained_on_dev)}
    nearest = resolver.with_ranker(nearest_ranker(), False)
    return GapEvaluation(model, frames, rows, predictions,
                         {s: gap_scores(frames[s], predictions[s], n, seed) for s in GAP_FILES},
                         {s: score(frames[s], predict(frames[s], docs[s], nearest)) for s in GAP_FILES})


def write_predictions(predictions: pd.DataFrame, path: str | Path) -> None:
    """``predictions`` in GAP's system format: ``ID<TAB>A-coref<TAB>B-coref``, TRUE/FALSE, no header."""
    with open(path, "w", encoding="utf-8", newline="") as fh:
        for row in predictions.itertuples(index=False):
            fh.write(f"{row[0]}\t{str(bool(row[1])).upper()}\t{str(bool(row[2])).upper()}\n")


def read_predictions(path: str | Path) -> pd.DataFrame:
    """A system file in GAP's format (as ``gap_scorer.read_annotations`` reads it)."""
    df = pd.read_csv(path, sep="\t", header=None, names=["ID", "A-coref", "B-coref"], dtype=str, quoting=3)
    for col in ("A-coref", "B-coref"):
        df[col] = df[col].str.lower().eq("true")
    return df


def gap_results(evaluation: GapEvaluation) -> list[dict]:
    """Rows of the results table (:func:`helpers.evaluation.result_row`): overall F1 per split."""
    rows = []
    for split in GAP_FILES:
        sc = evaluation.scores[split]
        rows.append(result_row("pronoun coreference", f"GAP {split}", sc["n"], f"{sc['n']} examples",
                               f"F1 (GAP scorer, bias F/M {sc['bias']:.2f})", sc["overall"]["f1"],
                               sc["overall"]["f1_ci"],
                               {"nearest compatible antecedent": evaluation.baseline[split]["overall"]["f1"]},
                               PUBLISHED_GAP))
    return rows


def scores_frame(evaluation: GapEvaluation) -> pd.DataFrame:
    """One row per split and group (overall, masculine, feminine): recall, precision, F1; bias F/M."""
    out = []
    for split, sc in evaluation.scores.items():
        for group in ("overall", "masculine", "feminine"):
            g = sc[group]
            out.append({"model": evaluation.model, "split": split, "group": group, "n": sc["n"],
                        "recall": g["recall"], "precision": g["precision"], "f1": g["f1"],
                        "f1_low": g["f1_ci"][0] if "f1_ci" in g else np.nan,
                        "f1_high": g["f1_ci"][1] if "f1_ci" in g else np.nan, "bias": sc["bias"],
                        "baseline_f1": evaluation.baseline[split][group]["f1"]})
    return pd.DataFrame(out)
