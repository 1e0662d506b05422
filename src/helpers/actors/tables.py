"""Tables of the mentions the actor pipeline found, and summaries of them.

:func:`mention_table` has one row per entity mention (columns :data:`MENTION_COLUMNS`) with the
evidence of each: document, sentence, clean character offsets, and raw offsets when the
document came from :mod:`helpers.text`. :func:`actor_frequency`, :func:`surface_frequency`,
:func:`label_frequency`, :func:`cooccurrence` and :func:`reading` summarise it;
:func:`raw_mention_table` is the same table for a plain spaCy pipeline (a baseline) and
:func:`display_spans` the entities of a passage for :func:`helpers.viz.charts.entity_html`;
:func:`most_disputed_paragraph` picks the passage where plain spaCy and the catalog differ most.
"""

from __future__ import annotations

from bisect import bisect_right

import pandas as pd
from spacy.tokens import Doc

from helpers.actors.catalog import Catalog, strip_name
from helpers.actors.resolver import MENTIONS_KEY
from helpers.schema import MENTION_COLUMNS

__all__ = ["MENTION_COLUMNS", "mention_table", "actor_frequency", "surface_frequency", "label_frequency",
           "cooccurrence", "raw_mention_table", "display_spans", "most_disputed_paragraph", "reading"]


def _normalised_names(doc: Doc, cat: Catalog) -> dict[tuple[int, int], str]:
    """Names for entities outside the catalog; a person's surname maps to their full name."""
    names: dict[tuple[int, int], str] = {}
    full_by_last: dict[str, str] = {}
    for ent in doc.ents:
        name = strip_name(ent.text, cat)
        if ent.label_ == "PERSON" and not ent.ent_id_:
            parts = name.split()
            if len(parts) > 1:
                full_by_last.setdefault(parts[-1], name)
            elif name in full_by_last:
                name = full_by_last[name]
        names[(ent.start_char, ent.end_char)] = name
    return names


def mention_table(docs, catalog: Catalog, clean_docs=None):
    """One row per entity mention (columns :data:`MENTION_COLUMNS`), sorted by document and offset.

    ``docs``: ``(doc_id, spacy_doc)`` pairs processed by :func:`actor_pipeline`.
    ``clean_docs``: optional ``{doc_id: CleanDocument}`` to add raw offsets (else -1).
    ``actor`` is the catalog display name, or the normalised name outside the catalog; ``parent``
    and ``root`` are display names along the catalog hierarchy (the actor itself when top-level).
    """
    cat = catalog
    rows = []
    for doc_id, doc in docs:
        info = doc.user_data.get(MENTIONS_KEY, {})
        names = _normalised_names(doc, cat)
        sent_starts = [s.start for s in doc.sents]
        clean = (clean_docs or {}).get(doc_id)
        for ent in doc.ents:
            key = (ent.start_char, ent.end_char)
            meta = info.get(key, {"kind": "other", "source": "ner"})
            aid = ent.ent_id_ if ent.ent_id_ in cat else ""
            if aid:
                lineage = cat.lineage(aid)
                actor, parent, root = cat.name(aid), cat.name(lineage[min(1, len(lineage) - 1)]), cat.name(lineage[-1])
            else:
                actor = parent = root = names[key]
            raw_start, raw_end = clean.raw_span(*key) if clean is not None else (-1, -1)
            rows.append({
                "doc_id": doc_id, "sent_id": bisect_right(sent_starts, ent.start) - 1,
                "start_char": ent.start_char, "end_char": ent.end_char, "raw_start": raw_start,
                "raw_end": raw_end, "text": ent.text, "label": ent.label_, "kind": meta["kind"],
                "actor": actor, "actor_id": aid, "parent": parent, "root": root, "source": meta["source"],
            })
    table = pd.DataFrame(rows, columns=MENTION_COLUMNS)
    return table.sort_values(["doc_id", "start_char", "end_char"], ignore_index=True)


def actor_frequency(mentions, by: str = "actor", kinds=("actor",)):
    """Mentions per actor (``by="actor"``) or rolled up to the top of the hierarchy (``by="root"``).

    Sorted by count (descending), then name; ties broken by name so the order is stable.
    """
    m = mentions[mentions["kind"].isin(kinds)]
    out = m.groupby(by).agg(mentions=("text", "size"), documents=("doc_id", "nunique"),
                            surface_forms=("text", "nunique")).reset_index()
    return out.sort_values(["mentions", by], ascending=[False, True], ignore_index=True)


def surface_frequency(mentions, kinds=("actor",), by: str = "root"):
    """Mentions per (actor, surface form), for stacked bars: which words stood for each actor."""
    m = mentions[mentions["kind"].isin(kinds)]
    out = m.groupby([by, "text"]).size().rename("mentions").reset_index()
    return out.sort_values([by, "mentions", "text"], ascending=[True, False, True], ignore_index=True)


def label_frequency(mentions):
    """Mentions per spaCy label and kind."""
    out = mentions.groupby(["label", "kind"]).size().rename("mentions").reset_index()
    return out.sort_values(["mentions", "label", "kind"], ascending=[False, True, True], ignore_index=True)


def cooccurrence(mentions, actors=None, by: str = "root", unit: str = "sent_id"):
    """Symmetric actor x actor matrix: in how many sentences (``unit``) both are mentioned."""
    m = mentions[mentions["kind"] == "actor"]
    if actors is not None:
        m = m[m[by].isin(actors)]
    units = m.groupby(["doc_id", unit])[by].apply(lambda s: sorted(set(s)))
    names = sorted(set(m[by])) if actors is None else list(actors)
    mat = pd.DataFrame(0, index=names, columns=names)
    for group in units:
        for a in group:
            for b in group:
                mat.loc[a, b] += 1
    return mat


def raw_mention_table(docs, catalog: Catalog):
    """Mention table of a plain spaCy pipeline (no catalog), for comparison: ``kind`` is ``"raw"``,
    ``actor`` and ``root`` are the entity's normalised text (``catalog``: its strip words)."""
    cat = catalog
    rows = []
    for doc_id, doc in docs:
        sent_starts = [s.start for s in doc.sents]
        for ent in doc.ents:
            name = strip_name(ent.text, cat)
            rows.append({"doc_id": doc_id, "sent_id": bisect_right(sent_starts, ent.start) - 1,
                         "start_char": ent.start_char, "end_char": ent.end_char, "raw_start": -1, "raw_end": -1,
                         "text": ent.text, "label": ent.label_, "kind": "raw", "actor": name, "actor_id": "",
                         "parent": name, "root": name, "source": "spacy"})
    return pd.DataFrame(rows, columns=MENTION_COLUMNS).sort_values(["doc_id", "start_char"], ignore_index=True)


def display_spans(doc: Doc, start: int, end: int, catalog: Catalog) -> list[dict]:
    """Entities of ``doc`` inside characters ``[start, end)``, offsets relative to ``start``, for
    :func:`helpers.viz.charts.entity_html`. With the actor pipeline, an actor is labelled by the actor it
    rolls up to ("Russia"), a place "PLACE", anything else by its spaCy label; with a plain
    pipeline, by the spaCy label (``catalog`` is then unused)."""
    cat = catalog
    info = doc.user_data.get(MENTIONS_KEY)
    out = []
    for ent in doc.ents:
        if ent.start_char < start or ent.end_char > end:
            continue
        label = ent.label_
        if info is not None:
            kind = info.get((ent.start_char, ent.end_char), {}).get("kind")
            if kind == "actor" and ent.ent_id_ in cat:
                label = cat.name(cat.root(ent.ent_id_))
            elif kind == "place":
                label = "PLACE"
        out.append({"start": ent.start_char - start, "end": ent.end_char - start, "label": label})
    return out


def most_disputed_paragraph(raw_doc: Doc, doc: Doc, catalog: Catalog,
                            paragraphs: list[tuple[int, int]]) -> tuple[int, int]:
    """The paragraph ``(start, end)`` where plain spaCy (``raw_doc``) and the actor pipeline of
    ``catalog`` (``doc``, the same text) disagree most, to show them side by side.

    A paragraph's disagreement is the number of entity spans only one of them finds, plus plain
    spaCy's PERSON and LANGUAGE entities there (labels whose mistakes the comparison is meant to
    show: on the seed, "CoH" and "Ahrar al-Sham" as PERSON). Ties go to the earliest paragraph.
    """
    def key(paragraph: tuple[int, int]) -> tuple[int, int]:
        return _disagreement(raw_doc, doc, catalog, *paragraph), -paragraph[0]

    return max(paragraphs, key=key)


def _disagreement(raw_doc: Doc, doc: Doc, catalog: Catalog, start: int, end: int) -> int:
    before = {(s["start"], s["end"], s["label"]) for s in display_spans(raw_doc, start, end, catalog)}
    after = {(s["start"], s["end"]) for s in display_spans(doc, start, end, catalog)}
    return len({(s, e) for s, e, _ in before} ^ after) + sum(lab in ("PERSON", "LANGUAGE") for *_, lab in before)


def reading(mentions, top: int = 3, by: str = "root") -> str:
    """A short, data-generated reading of the counts: the top actors with the words that stood
    for them, and the pair mentioned together in most sentences."""
    freq = actor_frequency(mentions, by=by).head(top)
    surface = surface_frequency(mentions, by=by)
    parts = []
    for r in freq.itertuples():
        words = surface[surface[by] == getattr(r, by)].head(4)["text"].tolist()
        more = r.surface_forms - len(words)
        forms = ", ".join(words) + (f" and {more} more" if more > 0 else "")
        parts.append(f"{getattr(r, by)} ({r.mentions} mentions; {forms})")
    text = parts[0] + " is the most mentioned actor" if parts else "No actor is mentioned"
    if len(parts) > 1:
        text += ", ahead of " + " and ".join(parts[1:])
    text += "."
    names = freq[by].tolist()
    if len(names) > 1:
        cooc = cooccurrence(mentions, names, by=by)
        pairs = [(cooc.loc[a, b], a, b) for i, a in enumerate(names) for b in names[i + 1 :]]
        n, a, b = max(pairs, key=lambda t: (t[0], -names.index(t[1]), -names.index(t[2])))
        text += f" {a} and {b} are mentioned together in {n} sentences, more than any other pair of them."
    return text
