"""Links between the mentions of one document, used by the ``actor_resolver`` component.

- An acronym the document defines ("Cessation of Hostilities (CoH)") takes the label and actor
  of its long form (the actor only from an entity that spells most of its initials), or is
  dropped when the long form is no entity.
- A later entity that is the surname of a person named earlier is that person (the first one
  named here; when several share it, :mod:`helpers.actors.document_actors` chooses among them).

Both record the mention they were linked to (the long form, the full name) as ``"long_form"``
(its character offsets) in the mention's entry of ``info``; :mod:`helpers.actors.document_actors`
reads it as the mention's antecedent.

A span's actor is its own id, ``span.id_``, not ``span.ent_id_`` (the root token's, still the
rulers' pattern id here: see :mod:`helpers.actors.resolver`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from helpers.actors.catalog import Catalog, strip_name

__all__ = ["acronym_definitions", "apply_acronyms", "surname_coreference", "untagged_surnames"]


def surname_coreference(doc: Doc, spans: list[Span], cat: Catalog, info: dict, aliases: frozenset[int]) -> list[Span]:
    """A later entity that is the surname of a person named earlier is that person, whatever
    label the NER gave it ("Nancy Pelosi ... Pelosi's grandchildren" tagged EVENT), or whatever
    seat or demonym its name also is ("Sudesh Amman ... Amman"); but not an entity whose first
    token is in ``aliases`` (the rulers marked it as a catalog alias: "Jordan", "Assad"). A
    capitalised proper noun the NER left untagged (and not part of a longer name) is that person
    too when exactly one person of the document has the surname, named before or after ("Navalny
    is an outspoken critic", with "Alexei Navalny" named): :func:`untagged_surnames`."""
    surnames: dict[str, Span] = {}
    out = []
    for s in sorted(spans, key=lambda s: s.start):
        name = strip_name(s.text, cat)
        if s.label_ == "PERSON" and len(name.split()) > 1:
            surnames.setdefault(name.split()[-1], s)
        elif s.label_ != "PERSON" and s.start not in aliases and name in surnames:
            full = surnames[name]
            s = Span(doc, s.start, s.end, "PERSON", span_id=full.id_)
            info[(s.start_char, s.end_char)] = {"kind": "actor", "source": "surname",
                                                "long_form": (full.start_char, full.end_char)}
        out.append(s)
    return untagged_surnames(doc, out, cat, info)


def untagged_surnames(doc: Doc, spans: list[Span], cat: Catalog, info: dict) -> list[Span]:
    """``spans`` (sorted, not overlapping) and a PERSON span for each untagged token that is the
    last word of exactly one person's name in the document (see :func:`surname_coreference`): of
    one full name ("Amy Berman Jackson", whatever "Judge Jackson" mentions there are), or, with no
    full name ending in it, of one name of a word ("Judge Jackson" alone)."""
    people: dict[str, dict[str, Span]] = {}
    for s in spans:
        name = strip_name(s.text, cat)
        if s.label_ == "PERSON" and name:
            people.setdefault(name.split()[-1], {}).setdefault(name, s)
    unique = {}
    for word, who in people.items():
        full = [n for n in who if len(n.split()) > 1]
        if len(full) == 1 or (not full and len(who) == 1):
            unique[word] = who[full[0] if full else next(iter(who))]
    if not unique:
        return spans
    tagged = {i for s in spans for i in range(s.start, s.end)}
    added = []
    for t in doc:
        if (t.i in tagged or t.text not in unique or t.pos_ != "PROPN" or t.dep_ == "compound"
                or not t.is_title):
            continue
        full = unique[t.text]
        added.append(Span(doc, t.i, t.i + 1, "PERSON", span_id=full.id_))
        info[(t.idx, t.idx + len(t))] = {"kind": "actor", "source": "surname",
                                         "long_form": (full.start_char, full.end_char)}
    return sorted(spans + added, key=lambda s: s.start) if added else spans


# ----- acronyms ---------------------------------------------------------------------------------
def acronym_definitions(doc: Doc) -> dict[str, tuple[int, int]]:
    """``{"CoH": (start, end)}`` for each "Long Form (ACR)" the document defines."""
    found = {}
    for i in range(1, len(doc) - 2):
        if doc[i].text != "(" or doc[i + 2].text != ")":
            continue
        acr = doc[i + 1].text
        letters = [c for c in acr if c.isalpha()]
        if len(letters) < 2 or sum(c.isupper() for c in letters) < 2:
            continue
        caps = [c.lower() for c in acr if c.isupper()]
        # walk back over capitalised words (and lower-case function words) spelling the initials
        j, initials = i - 1, []
        while j >= 0 and len(initials) < len(caps) and (doc[j].is_title or doc[j].is_upper or doc[j].is_stop):
            if doc[j].is_title or doc[j].is_upper:
                initials.insert(0, doc[j].text[0].lower())
            j -= 1
        if initials == caps:
            found.setdefault(acr, (j + 1, i))
    return found


def _initial_words(doc: Doc, start: int, end: int) -> list[int]:
    """The tokens of ``doc[start:end]`` that give an acronym its letters (capitalised words)."""
    return [j for j in range(start, end) if doc[j].is_title or doc[j].is_upper]


def _spells_most(doc: Doc, span: Span, start: int, end: int) -> bool:
    """Does ``span`` hold more than half of the initial words of the long form ``doc[start:end]``?"""
    words = _initial_words(doc, start, end)
    return 2 * sum(span.start <= j < span.end for j in words) > len(words)


def apply_acronyms(doc: Doc, spans: list[Span], acronyms: dict, info: dict) -> tuple[list[Span], list[Span]]:
    if not acronyms:
        return spans, []
    # an entity the NER ran into the definition ("The Cessation of Hostilities (CoH") ends before "("
    for k, s in enumerate(spans):
        for start, paren in acronyms.values():
            if s.start < paren < s.end:
                meta = info.pop((s.start_char, s.end_char))
                s = spans[k] = Span(doc, s.start, paren, s.label_, span_id=s.id_)
                info[(s.start_char, s.end_char)] = meta
    kept, dropped = [], []
    for s in spans:
        if s.text in acronyms and len(s) == 1:
            start, end = acronyms[s.text]
            longs = [o for o in spans if o.start < end and o.end > start and o is not s]
            if not longs:
                dropped.append(s)
                continue
            lf = longs[0]
            # an entity spelling at most half the initials is only part of the long form ("London"
            # in "Transport for London (TfL)", "Syria" in "Syria Live Network (SLN)"): it lends the
            # acronym its label but not its actor
            spelled = _spells_most(doc, lf, start, end)
            new = Span(doc, s.start, s.end, lf.label_, span_id=lf.id_ if spelled else "")
            meta = dict(info[(lf.start_char, lf.end_char)], source="acronym")
            meta.pop("long_form", None)
            if spelled:  # the acronym is another name of the long form's actor
                meta["long_form"] = (lf.start_char, lf.end_char)
            info[(new.start_char, new.end_char)] = meta
            kept.append(new)
        else:
            kept.append(s)
    return kept, dropped
