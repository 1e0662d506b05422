"""The blame table: every blame statement of a document, one row per (sentence, blamer, blamed).

:func:`extract_blame` runs the registered cue extractors (:mod:`helpers.blame.cues`) on each
sentence, attributes each cue (:mod:`helpers.blame.attribution`), and keeps for each (sentence,
blamer, blamed) the row of the strongest kind (:data:`KIND_ORDER`); rows carry their evidence
as character offsets in the clean text, and raw offsets when the clean document is given.
Columns: :data:`helpers.schema.BLAME_COLUMNS`.
"""

from __future__ import annotations

import pandas as pd
from spacy.tokens import Doc

from helpers.actors import Catalog
from helpers.blame.attribution import attribute, reported_stance
from helpers.blame.cues import KIND_ORDER, Row, cue_finder
from helpers.blame.document import IMPLICIT, UNSTATED, BlameDoc, Mention, implicit_blamer
from helpers.blame.lexicon import Lexicon
from helpers.schema import BLAME_COLUMNS
from helpers.text.doc_text import doc_text

__all__ = ["AUTHOR", "IMPLICIT", "UNSTATED", "extract_blame", "blame_table", "implicit_blamer"]

#: The blamer of the author's own statements.
AUTHOR = "author"


def extract_blame(doc: Doc, doc_id: str, catalog: Catalog, lexicon: Lexicon, clean=None) -> list[dict]:
    """Blame rows (columns :data:`BLAME_COLUMNS`) for one document processed by the actor pipeline,
    sorted by sentence, cue offset, blamed and blamer (a unique key).

    ``catalog``: the catalog the actor pipeline used (:func:`helpers.actors.load_catalog`);
    ``lexicon``: the cue lexicon (``Lexicon.load(BLAME_LEXICON)``); ``clean``: the
    :class:`helpers.text.CleanDocument` the text came from, for raw offsets.
    """
    d = BlameDoc(doc, catalog, lexicon)
    find_cues = cue_finder(lexicon)
    out: dict[tuple, dict] = {}
    for sent_id, sent in enumerate(doc.sents):
        for row in find_cues(d, sent):
            if row.blamer:
                speakers, frame, denied = row.blamer, row.cue, row.denied
                stance = reported_stance(d, attribute(d, row.cue, sent)[1], sent)
            elif row.implicit == UNSTATED:  # "according to X, he allegedly ...": X only reports it
                speakers, frame, denied = [], None, row.denied
                stance = "none"
            else:
                speakers, frame, denied = attribute(d, row.cue, sent)
                denied = denied or row.denied
                stance = reported_stance(d, frame, sent) if speakers else "none"
            blamers = speakers or ([implicit_blamer(row.implicit)] if row.implicit else [None])  # unstated too
            for target in row.targets:
                for blamer in blamers:
                    if blamer is not None and row.family != "admission" and (
                            blamer.name == target.name or blamer.root == target.root == blamer.name):
                        continue
                    key = (sent_id, blamer.name if blamer else AUTHOR, target.name)
                    rec = _record(doc_id, sent_id, sent, row, target, blamer, stance, denied, clean)
                    old = out.get(key)
                    # the strongest kind; of one kind, a denial over the accusation it denies
                    # ("accuse X of fraud, a charge he denies": one denial row, as the guideline says)
                    if old is None or (KIND_ORDER[rec["kind"]], not rec["denied"]) < (
                            KIND_ORDER[old["kind"]], not old["denied"]):
                        out[key] = rec
    return sorted(out.values(), key=lambda r: (r["sent_id"], r["cue_start"], r["blamed"], r["blamer"]))


def _record(doc_id, sent_id, sent, row: Row, target: Mention, blamer: Mention | None, stance, denied, clean) -> dict:
    doc = sent.doc
    cue_end_tok = row.cue_end or row.cue.i + 1
    cue = doc[row.cue.i : cue_end_tok]
    issue = row.issue
    s, e = sent.start_char, sent.end_char
    text = sent.text
    s_strip = s + len(text) - len(text.lstrip())
    e_strip = e - (len(text) - len(text.rstrip()))
    rec = {
        "doc_id": doc_id, "sent_id": sent_id, "sentence": text.strip(),  # = doc.text[s_strip:e_strip]
        "blamer": blamer.name if blamer else AUTHOR, "blamed": target.name,
        "blamer_root": blamer.root if blamer else AUTHOR, "blamed_root": target.root,
        "blamer_id": blamer.actor_id if blamer else "", "blamed_id": target.actor_id,
        "kind": row.kind, "cue_family": row.family, "attribution": "reported" if blamer else AUTHOR,
        "blamer_implicit": bool(blamer and blamer.actor_id.startswith(IMPLICIT) and blamer.start_char < 0),
        "stance": stance if blamer else "none", "denied": bool(denied),
        "cue": cue.text, "issue": issue.text if issue is not None else "",
        "blamer_text": doc_text(doc)[blamer.start_char:blamer.end_char] if blamer and blamer.start_char >= 0 else "",
        "blamed_text": doc_text(doc)[target.start_char:target.end_char] if target.start_char >= 0 else "",
        "sent_start": s_strip, "sent_end": e_strip, "cue_start": cue.start_char, "cue_end": cue.end_char,
        "blamed_start": target.start_char, "blamed_end": target.end_char,
        "blamer_start": blamer.start_char if blamer else -1, "blamer_end": blamer.end_char if blamer else -1,
        "issue_start": issue.start_char if issue is not None else -1,
        "issue_end": issue.end_char if issue is not None else -1,
    }
    if clean is not None:
        rec["raw_cue_start"], rec["raw_cue_end"] = clean.raw_span(cue.start_char, cue.end_char)
        rec["raw_sent_start"], rec["raw_sent_end"] = clean.raw_span(s_strip, e_strip)
        for role, m in (("blamer", blamer), ("blamed", target)):
            span = clean.raw_span(m.start_char, m.end_char) if m is not None and m.start_char >= 0 else (-1, -1)
            rec[f"raw_{role}_start"], rec[f"raw_{role}_end"] = span
    else:
        for col in ("cue", "sent", "blamer", "blamed"):
            rec[f"raw_{col}_start"] = rec[f"raw_{col}_end"] = -1
    return rec


def blame_table(docs, catalog: Catalog, lexicon: Lexicon, clean_docs=None) -> pd.DataFrame:
    """The blame table for ``(doc_id, spacy_doc)`` pairs, sorted by document, sentence and cue
    (``clean_docs``: ``{doc_id: CleanDocument}``, for raw offsets)."""
    rows = []
    for doc_id, doc in docs:
        rows += extract_blame(doc, doc_id, catalog, lexicon, (clean_docs or {}).get(doc_id))
    table = pd.DataFrame(rows, columns=BLAME_COLUMNS)
    return table.sort_values(["doc_id", "sent_id", "cue_start", "blamed", "blamer"], ignore_index=True)

