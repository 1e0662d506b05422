"""Who is who when a blame table is scored against the news gold (guideline version 2): the
parties of both sides and the one-to-one matching of statements within a sentence.

A gold or pipeline blamer/blamed becomes a :class:`Party` (a kind and a key), and
:func:`same_party` says whether a gold party is right for a pipeline party:

===================== =====================================================================
gold                  right for a pipeline party that is
===================== =====================================================================
catalog id            a catalog actor (``*_id`` in the catalog) with the same top of the
                      hierarchy (:meth:`Catalog.root`), as :mod:`helpers.evaluation.blame`
                      compares actors rolled up
``new:<Name>``        a document actor (``*_id`` ``doc:<name>``, or empty with a name the
                      document's mention table gives a document actor) whose display name is
                      ``Name`` or shares its last word (the surname) with it, case and a
                      leading "the" aside, unless both have other words that disagree (first
                      words with different initials, neither name's words inside the other's:
                      "Ana Ruiz" is not "Maria Ruiz", "Democratic Party" not "Republican Party")
``implicit:X``        ``*_id`` ``implicit:X``, or a party that is not a catalog actor whose
                      display name ends in a noun standing for X (``implicit_blamers.yml``: the
                      guideline's list, "police", "a federal judge"); never another X
``author``            the blamer ``author`` (the author's own blame)
``unnamed``           a blamer that is no actor: empty id, not ``author``, not a document actor
``unstated``          the blamer ``unstated`` (id or name) or an empty blamer; never ``author``
                      (the guideline: the author does not blame a denier)
===================== =====================================================================

When the document actors are not known (a table scored alone, without the mention table), a
pipeline party with an empty id is taken as either a document actor or an unnamed one.

:func:`match_statements` pairs gold statements and pipeline rows of the same document and
sentence one to one: the most pairs with both blamer and blamed right, and among those the
most whose cues overlap (so that a row goes to the statement of its own cue).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from helpers.actors.document_actors import DOC_KEY_PREFIX
from helpers.datafiles import read_yaml
from helpers.paths import package_file

__all__ = ["IMPLICIT_BLAMERS", "Party", "load_implicit_nouns", "gold_party", "pred_party", "same_name",
           "same_party", "match_statements"]

#: The guideline's implicit institutions and the nouns standing for each (package data).
IMPLICIT_BLAMERS: Path = package_file("helpers.evaluation", "implicit_blamers.yml")

_LEADING = ("the", "a", "an")


@dataclass(frozen=True)
class Party:
    """A blamer or blamed: ``kind`` (catalog, doc, implicit, author, unnamed, unstated, or
    doc_or_unnamed when the document actors are unknown) and ``key`` (the root catalog id, the
    display name or the institution; empty for author, unnamed and unstated)."""

    kind: str
    key: str = ""


@lru_cache(maxsize=None)
def load_implicit_nouns(path: str | Path) -> dict[str, frozenset[str]]:
    """``{institution: nouns}`` from ``path`` (e.g. :data:`IMPLICIT_BLAMERS`)."""
    data = read_yaml(path)
    return {name: frozenset(str(words).split()) for name, words in data.items()}


def gold_party(value: str, catalog) -> Party:
    """A gold ``blamer``/``blamed`` value as a :class:`Party`."""
    if value in ("author", "unnamed", "unstated"):
        return Party(value)
    if value.startswith("implicit:"):
        return Party("implicit", value.split(":", 1)[1])
    if value.startswith("new:"):
        return Party("doc", value.split(":", 1)[1])
    return Party("catalog", catalog.root(value) if value in catalog else value)


def pred_party(name: str, actor_id: str, catalog, doc_actors: frozenset[str] | None) -> Party:
    """A pipeline ``blamer``/``blamed`` (display ``name``, ``actor_id``) as a :class:`Party`;
    ``doc_actors``: the display names of the document's document actors (None: unknown)."""
    actor_id, name = actor_id or "", name or ""
    if actor_id.startswith("implicit:"):
        return Party("implicit", actor_id.split(":", 1)[1])
    if actor_id.startswith(DOC_KEY_PREFIX):
        return Party("doc", name or actor_id.removeprefix(DOC_KEY_PREFIX))
    if actor_id:
        return Party("catalog", catalog.root(actor_id) if actor_id in catalog else actor_id)
    if name == "author":
        return Party("author")
    if name in ("unstated", ""):
        return Party("unstated")
    if doc_actors is None:
        return Party("doc_or_unnamed", name)
    return Party("doc", name) if name in doc_actors else Party("unnamed", name)


def _words(name: str) -> list[str]:
    words = [w.removesuffix("'s").removesuffix("’s") for w in re.findall(r"[\w'’.-]+", name.lower())]
    words = [w.strip(".-'’") for w in words]
    words = [w for w in words if w]
    while words and words[0] in _LEADING:
        words = words[1:]
    return words


def same_name(gold: str, pred: str) -> bool:
    """Do a gold ``new:`` name and a pipeline display name name the same actor (the table in the
    module docstring)?"""
    a, b = _words(gold), _words(pred)
    if not a or not b:
        return False
    if a == b:
        return True
    if a[-1] != b[-1]:
        return False
    return len(a) == 1 or len(b) == 1 or set(a) <= set(b) or set(b) <= set(a) or a[0][0] == b[0][0]


def _names_institution(name: str, nouns: frozenset[str]) -> bool:
    words = _words(name)
    return bool(words) and words[-1] in nouns


def same_party(gold: Party, pred: Party, implicit_nouns: dict[str, frozenset[str]]) -> bool:
    """Is the gold party right for the pipeline party (the module docstring's table)?"""
    if gold.kind in ("author", "unstated"):
        return pred.kind == gold.kind
    if gold.kind == "unnamed":
        return pred.kind in ("unnamed", "doc_or_unnamed")
    if gold.kind == "catalog":
        return pred.kind == "catalog" and pred.key == gold.key
    if gold.kind == "doc":
        return pred.kind in ("doc", "doc_or_unnamed") and same_name(gold.key, pred.key)
    if gold.kind == "implicit":
        if pred.kind == "implicit":
            return pred.key == gold.key
        nouns = implicit_nouns.get(gold.key, frozenset())
        return pred.kind in ("doc", "unnamed", "doc_or_unnamed") and _names_institution(pred.key, nouns)
    return False


def _assign(right: np.ndarray, overlap: np.ndarray) -> list[tuple[int, int]]:
    """The pairs of a maximum matching of ``right`` (gold x pred booleans), the most cue
    overlaps among maximum matchings (ties broken the same way on every run)."""
    from scipy.optimize import linear_sum_assignment

    big = min(right.shape) + 1  # one more pair always outweighs every overlap bonus
    weight = np.where(right, big + overlap.astype(int), 0)
    rows, cols = linear_sum_assignment(weight, maximize=True)
    return [(int(i), int(j)) for i, j in zip(rows, cols) if right[i, j]]


def match_statements(gold: pd.DataFrame, gold_parties: list[tuple[Party, Party]], pred: pd.DataFrame,
                     pred_parties: list[tuple[Party, Party]],
                     implicit_nouns: dict[str, frozenset[str]]) -> pd.DataFrame:
    """One-to-one pairs (``gold_i``, ``pred_i``: positions in ``gold`` and ``pred``) of statements
    in the same document and sentence (``doc_id``, ``sent_id``) whose blamer and blamed are both
    right (:func:`same_party`); ``*_parties``: each row's (blamer, blamed). Both frames have
    ``cue_start`` and ``cue_end``. Sorted by ``gold_i``."""
    pairs = []
    pred_groups = pred.reset_index(drop=True).groupby(["doc_id", "sent_id"], sort=True).indices
    for key, g_idx in gold.reset_index(drop=True).groupby(["doc_id", "sent_id"], sort=True).indices.items():
        p_idx = pred_groups.get(key)
        if p_idx is None:
            continue
        right = np.array([[same_party(gold_parties[i][0], pred_parties[j][0], implicit_nouns)
                           and same_party(gold_parties[i][1], pred_parties[j][1], implicit_nouns)
                           for j in p_idx] for i in g_idx], dtype=bool)
        gs, ge = gold.cue_start.to_numpy()[g_idx], gold.cue_end.to_numpy()[g_idx]
        ps, pe = pred.cue_start.to_numpy()[p_idx], pred.cue_end.to_numpy()[p_idx]
        overlap = (gs[:, None] < pe[None, :]) & (ps[None, :] < ge[:, None])
        pairs += [(int(g_idx[i]), int(p_idx[j])) for i, j in _assign(right, overlap)]
    return pd.DataFrame(sorted(pairs), columns=["gold_i", "pred_i"], dtype=int)
