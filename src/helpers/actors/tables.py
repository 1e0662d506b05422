"""Tables of the mentions the actor pipeline found, and summaries of them.

:func:`mention_table` has one row per entity mention (columns :data:`MENTION_COLUMNS`) with the
evidence of each: document, sentence, clean character offsets, and raw offsets when the
document came from :mod:`helpers.text`; each row's actor key, how the text names the actor
(``via``) and the mention it refers back to, and the rows of the pronouns a pronoun component
linked (:func:`pronoun_rows`). :func:`actor_frequency`, :func:`surface_frequency`,
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
from helpers.actors.resolver import MENTIONS_KEY, PRONOUNS_KEY
from helpers.schema import MENTION_COLUMNS

__all__ = ["MENTION_COLUMNS", "mention_table", "pronoun_rows", "actor_frequency", "surface_frequency",
           "label_frequency", "cooccurrence", "raw_mention_table", "display_spans", "most_disputed_paragraph",
           "reading", "chain_spans", "most_linked_paragraph"]


def _antecedent(meta: dict, clean) -> tuple[int, int, int, int]:
    """The clean and raw offsets of the mention ``meta`` refers back to, -1 when none."""
    ante = meta.get("antecedent")
    if not ante:
        return -1, -1, -1, -1
    raw = clean.raw_span(*ante) if clean is not None else (-1, -1)
    return int(ante[0]), int(ante[1]), *raw


def mention_table(docs, catalog: Catalog, clean_docs=None):
    """One row per entity mention (columns :data:`MENTION_COLUMNS`), sorted by document and offset.

    ``docs``: ``(doc_id, spacy_doc)`` pairs processed by :func:`actor_pipeline`.
    ``clean_docs``: optional ``{doc_id: CleanDocument}`` to add raw offsets (else -1).
    ``actor`` is the catalog display name, or the document actor's canonical name (its longest
    form in the document) outside the catalog; ``parent`` and ``root`` are display names along
    the catalog hierarchy (the actor itself when top-level); ``actor_key`` the catalog id or
    ``doc:<name>``; ``via`` how the text names it (name, alias, title, description, pronoun);
    ``antecedent_start``/``_end`` and their ``raw_`` forms the mention it refers back to (-1 when
    none). Pronouns are rows when a pronoun component has linked them (:func:`pronoun_rows`).
    """
    cat = catalog
    rows = []
    for doc_id, doc in docs:
        info = doc.user_data.get(MENTIONS_KEY, {})
        sent_starts = [s.start for s in doc.sents]
        clean = (clean_docs or {}).get(doc_id)
        by_offsets = {}
        for ent in doc.ents:
            key = (ent.start_char, ent.end_char)
            meta = info.get(key, {"kind": "other", "source": "ner"})
            aid = ent.ent_id_ if ent.ent_id_ in cat else ""
            if aid:
                lineage = cat.lineage(aid)
                actor, parent, root = cat.name(aid), cat.name(lineage[min(1, len(lineage) - 1)]), cat.name(lineage[-1])
            else:
                actor = parent = root = meta.get("name") or strip_name(ent.text, cat)
            raw_start, raw_end = clean.raw_span(*key) if clean is not None else (-1, -1)
            a_start, a_end, raw_a_start, raw_a_end = _antecedent(meta, clean)
            row = {
                "doc_id": doc_id, "sent_id": bisect_right(sent_starts, ent.start) - 1,
                "start_char": ent.start_char, "end_char": ent.end_char, "raw_start": raw_start,
                "raw_end": raw_end, "text": ent.text, "label": ent.label_, "kind": meta["kind"],
                "actor": actor, "actor_id": aid, "actor_key": meta.get("key", aid), "parent": parent, "root": root,
                "source": meta["source"], "via": meta.get("via", "name"), "antecedent_start": a_start,
                "antecedent_end": a_end, "raw_antecedent_start": raw_a_start, "raw_antecedent_end": raw_a_end,
            }
            rows.append(row)
            by_offsets[key] = row
        rows += pronoun_rows(doc, by_offsets, sent_starts, clean)
    table = pd.DataFrame(rows, columns=MENTION_COLUMNS)
    return table.sort_values(["doc_id", "start_char", "end_char"], ignore_index=True)


def pronoun_rows(doc: Doc, by_offsets: dict, sent_starts: list[int], clean) -> list[dict]:
    """Rows of the pronouns a pronoun component linked to an entity: the entries of
    ``doc.user_data[PRONOUNS_KEY]`` (``{(pronoun start_char, end_char): (start_char, end_char)}``,
    written by the ``pronoun_links`` component; chunked documents keep it) naming their antecedent,
    an entity of ``doc.ents`` or another linked pronoun. A pronoun row is its antecedent's actor
    (``via`` pronoun, ``source`` pronoun, the antecedent's offsets); an unlinked pronoun, or one whose chain ends at no
    entity, has no row. ``by_offsets``: the entity rows of ``doc`` by their offsets."""
    links = doc.user_data.get(PRONOUNS_KEY, {})
    rows = []
    for key in sorted(links):
        span = doc.char_span(*key)
        ante, seen = links.get(key), {key}
        while ante is not None and tuple(ante) not in by_offsets and tuple(ante) not in seen:
            seen.add(tuple(ante))
            ante = links.get(tuple(ante))  # a pronoun whose antecedent is a pronoun: follow the chain
        if ante is None or tuple(ante) not in by_offsets:
            continue
        ent = by_offsets[tuple(ante)]
        link = links[key]
        raw = clean.raw_span(*key) if clean is not None else (-1, -1)
        raw_link = clean.raw_span(*link) if clean is not None else (-1, -1)
        rows.append({**ent, "sent_id": bisect_right(sent_starts, span.start) - 1, "start_char": key[0],
                     "end_char": key[1], "raw_start": raw[0], "raw_end": raw[1], "text": span.text,
                     "source": "pronoun", "via": "pronoun", "antecedent_start": int(link[0]),
                     "antecedent_end": int(link[1]), "raw_antecedent_start": raw_link[0],
                     "raw_antecedent_end": raw_link[1]})
    return rows


def _counted(mentions, kinds, pronouns: bool):
    """The rows of ``kinds``, without pronoun rows unless ``pronouns``."""
    m = mentions[mentions["kind"].isin(kinds)]
    if not pronouns and "via" in m:
        m = m[m["via"] != "pronoun"]
    return m


def actor_frequency(mentions, by: str = "actor", kinds=("actor",), *, pronouns: bool = False):
    """Mentions per actor (``by="actor"``) or rolled up to the top of the hierarchy (``by="root"``).

    ``pronouns``: count the pronouns linked to an actor as its mentions (default: names,
    titles and descriptions only). Sorted by count (descending), then name; ties broken by name
    so the order is stable.
    """
    m = _counted(mentions, kinds, pronouns)
    out = m.groupby(by).agg(mentions=("text", "size"), documents=("doc_id", "nunique"),
                            surface_forms=("text", "nunique")).reset_index()
    return out.sort_values(["mentions", by], ascending=[False, True], ignore_index=True)


def surface_frequency(mentions, kinds=("actor",), by: str = "root", *, pronouns: bool = False):
    """Mentions per (actor, surface form), for stacked bars: which words stood for each actor
    (``pronouns``: as in :func:`actor_frequency`)."""
    m = _counted(mentions, kinds, pronouns)
    out = m.groupby([by, "text"]).size().rename("mentions").reset_index()
    return out.sort_values([by, "mentions", "text"], ascending=[True, False, True], ignore_index=True)


def label_frequency(mentions):
    """Mentions per spaCy label and kind."""
    out = mentions.groupby(["label", "kind"]).size().rename("mentions").reset_index()
    return out.sort_values(["mentions", "label", "kind"], ascending=[False, True, True], ignore_index=True)


def cooccurrence(mentions, actors=None, by: str = "root", unit: str = "sent_id", *, pronouns: bool = False):
    """Symmetric actor x actor matrix: in how many sentences (``unit``) both are mentioned
    (``pronouns``: a pronoun counts as its actor's mention, as in :func:`actor_frequency`)."""
    m = _counted(mentions, ("actor",), pronouns)
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
                         "actor_key": "", "parent": name, "root": name, "source": "spacy", "via": "name",
                         "antecedent_start": -1, "antecedent_end": -1, "raw_antecedent_start": -1,
                         "raw_antecedent_end": -1})
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


def reading(mentions, top: int = 3, by: str = "root", *, pronouns: bool = False) -> str:
    """A short, data-generated reading of the counts: the top actors with the words that stood
    for them, and the pair mentioned together in most sentences (``pronouns``: as in
    :func:`actor_frequency`)."""
    freq = actor_frequency(mentions, by=by, pronouns=pronouns).head(top)
    surface = surface_frequency(mentions, by=by, pronouns=pronouns)
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
        cooc = cooccurrence(mentions, names, by=by, pronouns=pronouns)
        pairs = [(cooc.loc[a, b], a, b) for i, a in enumerate(names) for b in names[i + 1 :]]
        n, a, b = max(pairs, key=lambda t: (t[0], -names.index(t[1]), -names.index(t[2])))
        text += f" {a} and {b} are mentioned together in {n} sentences, more than any other pair of them."
    return text


def chain_spans(mentions: pd.DataFrame, start: int, end: int) -> list[dict]:
    """The actor mentions of one document's ``mentions`` inside characters ``[start, end)``, pronouns
    included, each labelled by its actor (offsets relative to ``start``), for
    :func:`helpers.viz.charts.entity_html`: one colour per actor shows its coreference chain."""
    m = mentions[(mentions["kind"] == "actor") & (mentions["start_char"] >= start) & (mentions["end_char"] <= end)]
    return [{"start": int(a) - start, "end": int(b) - start, "label": actor}
            for a, b, actor in zip(m["start_char"], m["end_char"], m["actor"])]


def most_linked_paragraph(mentions: pd.DataFrame, paragraphs: list[tuple[int, int]]) -> tuple[int, int]:
    """The paragraph ``(start, end)`` with the most actor mentions that refer back to another
    (a pronoun, a description, a title or an alias with an antecedent); the first on ties."""
    linked = mentions[(mentions["kind"] == "actor") & (mentions["antecedent_start"] >= 0)]
    starts = linked["start_char"].tolist()
    counts = [sum(a <= x < b for x in starts) for a, b in paragraphs]
    return paragraphs[max(range(len(paragraphs)), key=lambda k: (counts[k], -k))]
