"""Document level: the actor a document most holds responsible, from its blame rows.

:data:`WEIGHTS` says how much each row counts, :func:`neutral_source` which blamers report facts
rather than take sides, :func:`responsible` sums per document (columns
:data:`helpers.schema.RESPONSIBLE_COLUMNS`).
"""

from __future__ import annotations

import math

import pandas as pd

from helpers.actors import Catalog
from helpers.blame.cues import KIND_WEIGHTS
from helpers.schema import RESPONSIBLE_COLUMNS

__all__ = ["WEIGHTS", "neutral_source", "responsible"]

#: How much each blame row counts toward a document's ``responsible`` actor (documented in the
#: README and ``docs/annotation/blame.md``): what the text states the actor did or explicitly
#: blames it for counts fully, criticism less; a party's own claim counts less than the
#: author's, a claim the author rejects or a party's denial not at all; the headline and lead
#: count double. The weight of each kind (``"kind"``) is the one it was registered with
#: (:data:`helpers.blame.cues.KIND_WEIGHTS`: explicit 1.0, agency 1.0, criticism 0.4).
#:
#: ``min_weight``: the least evidence on which a document holds an actor responsible, the weight
#: of a party's claim in the headline or lead (``lead_factor`` x the reported weight, 2 x 0.6 =
#: 1.2); two claims in the body, or one statement by the author in the headline or lead, reach
#: it. A single statement in the body (1.0) does not: in a news report what is said once after
#: the lead is background (an earlier siege, the war's origins, a raid elsewhere), not the event
#: the article reports, and a document with no more than that answers '' (the text does not
#: say) rather than guess.
#:
#: ``neutral_agency``: a harmful act reported by a *neutral source* counts as the author's word.
#: A monitor's or aid agency's casualty report ("the Syrian Observatory for Human Rights said
#: regime shelling killed 12") is how wire copy sources its facts, not a party's accusation;
#: the discount for reported blame exists because a party to a conflict has an interest in
#: blaming its enemy. Neutral sources are catalog actors whose top actor (``Catalog.root``) is
#: of a type in ``neutral_types`` (NGOs, independent media: a state outlet such as SANA rolls up
#: to its government and stays a party) or is one of ``neutral_roots`` (the UN system and the
#: OPCW; political and military alliances such as NATO, the EU or the Arab League take sides
#: and are not neutral). Only ``agency`` rows: an NGO's explicit accusation or criticism is
#: still a judgement and keeps the reported weight.
WEIGHTS = {
    "kind": KIND_WEIGHTS,
    "attribution": {"author": 1.0, "reported": 0.6},
    "stance": {"endorsed": 1.0 / 0.6, "none": 1.0, "rejected": 0.0},
    "lead_sentences": 2,
    "lead_factor": 2.0,
    "min_weight": 1.2,
    "neutral_agency": 1.0,
    "neutral_types": ("ngo", "media"),
    "neutral_roots": ("united_nations", "opcw"),
}


def neutral_source(actor_id, catalog: Catalog, weights: dict = WEIGHTS) -> bool:
    """Is the catalog actor ``actor_id`` a neutral source (see :data:`WEIGHTS`): a monitor, NGO,
    independent outlet or UN body, not a party or a party's organ?"""
    w = weights
    if not isinstance(actor_id, str) or actor_id not in catalog:
        return False
    root = catalog.root(actor_id)
    return catalog.actors[root].type in w["neutral_types"] or root in w["neutral_roots"]


def responsible(blame: pd.DataFrame, doc_ids, catalog: Catalog, weights: dict = WEIGHTS,
                by: str = "blamed_root") -> pd.DataFrame:
    """Per document: the actor it most holds responsible (``by``, default the rolled-up actor),
    its share of the document's blame weight (``responsible_score``, 0-1) and the weight itself;
    empty when the document's blame weight is below ``min_weight`` (the text does not say).

    Rows are weighted by :data:`WEIGHTS`; agency reported by a neutral source (a monitor, an NGO,
    a UN body: :func:`neutral_source`) counts as the author's. Ties go to the actor blamed first
    in the text: news is written in the inverted pyramid, the event the article reports comes
    first and background after it.

    ``doc_ids``: the documents to answer for, in that order (one with no rows answers ''), or
    None for every document in ``blame``; ``catalog``: the catalog the rows' actor ids are from.
    """
    w, cat = weights, catalog
    neutral_ids: dict[str, bool] = {}
    per_doc: dict = {}  # every document in ``blame``, even one whose rows are all denials
    # plain Python over the rows: a corpus run calls this once per document, where pandas'
    # per-call overhead would cost more than the arithmetic
    columns = ["doc_id", "sent_id", "cue_start", "attribution", "kind", "stance", "denied", by]
    values = [blame[c].tolist() for c in columns] if len(blame) else [[] for _ in columns]
    blamer_ids = blame["blamer_id"].tolist() if "blamer_id" in blame.columns else [""] * len(blame)
    for doc_id, sent_id, cue_start, attribution, kind, stance, denied, actor, blamer_id in zip(*values, blamer_ids):
        rows_of_doc = per_doc.setdefault(doc_id, [])
        if bool(denied) or actor is None or (isinstance(actor, float) and actor != actor):
            continue  # a party's denial is not blame; a row without an actor counts for no one
        neutral = attribution == "reported" and kind == "agency" and isinstance(blamer_id, str)
        if neutral:
            if blamer_id not in neutral_ids:
                neutral_ids[blamer_id] = neutral_source(blamer_id, cat, w)
            neutral = neutral_ids[blamer_id]
        # the order a duplicate is kept in: the author's word, a neutral source's, a party's
        source = (0 if attribution != "reported" else 2) - int(neutral)
        weight = (w["kind"][kind] * (w["neutral_agency"] if neutral else w["attribution"][attribution])
                  * w["stance"][stance] * (w["lead_factor"] if sent_id < w["lead_sentences"] else 1.0))
        rows_of_doc.append((sent_id, cue_start, source, actor, weight))
    rows = []
    for doc_id in (doc_ids if doc_ids is not None else sorted(per_doc)):
        # text order; one statement reported by two sources ("the Observatory's head Rami Abdel
        # Rahman said") counts once
        seen, kept = set(), []
        for sent_id, cue_start, _, actor, weight in sorted(per_doc.get(doc_id, []), key=lambda r: r[:3]):
            if (sent_id, cue_start, actor) not in seen:
                seen.add((sent_id, cue_start, actor))
                kept.append((actor, weight))
        first: dict = {}
        totals: dict = {}
        for i, (actor, weight) in enumerate(kept):
            first.setdefault(actor, i)
            totals.setdefault(actor, []).append(weight)
        per = {a: math.fsum(ws) for a, ws in totals.items()}
        per = {a: v for a, v in per.items() if v > 0}
        top = max(per.values(), default=0.0)
        if not per or top < w["min_weight"] - 1e-9:
            rows.append({"doc_id": doc_id, "responsible": "", "responsible_score": 0.0,
                         "responsible_weight": round(float(top), 3)})
            continue
        # ties: the actor blamed first (rows are in text order)
        best = min(per, key=lambda a: (-round(per[a], 9), first[a], a))
        rows.append({"doc_id": doc_id, "responsible": best,
                     "responsible_score": round(per[best] / math.fsum(per.values()), 3),
                     "responsible_weight": round(float(per[best]), 3)})
    return pd.DataFrame(rows, columns=RESPONSIBLE_COLUMNS)
