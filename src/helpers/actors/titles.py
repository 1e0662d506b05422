"""A person's title and name as one mention: "House Speaker Mike Johnson", "Supreme Court Justice
Sonia Sotomayor", "Speaker Johnson", "Gov. Kathy Hochul".

spaCy's NER leaves the title out of the person ("Mike Johnson") and often makes an organisation of
the institution in it ("House", "Supreme Court"), which then counts as an actor (and as a second
blamer). :func:`attach_titles` extends each person mention over the title written right before
it (a title of :class:`~helpers.actors.references.References`, or of the catalog, with the
capitalised words and the non-catalog organisation names right before the title) or inside it
(the NER's "Speaker Johnson"), drops the organisations it absorbed, and returns the role nouns
each title gives ("the speaker", "the judge"). A state, a nationality, a place or a catalog actor
before the title stays a mention of its own ("Russian Foreign Minister Sergei Lavrov": "Russian"
and "Foreign Minister Sergei Lavrov"; "Houston Mayor John Whitmire": "Houston" and "Mayor John
Whitmire"). Lower-case titles ("spokesman John Kirby") are not attached.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from helpers.actors.headlines import HEADLINES_KEY
from helpers.actors.references import References

__all__ = ["Titled", "attach_titles", "title_at"]

#: ``{(start_char, end_char): (number of title tokens at the mention's start, role nouns)}``.
Titled = dict[tuple[int, int], tuple[int, frozenset[str]]]
# Labels of entities a title may absorb (an institution's name); states, nationalities and
# places stay mentions of their own.
_ABSORBED_LABELS = {"ORG", "FAC"}


def title_at(doc: Doc, end: int, refs: References) -> tuple[int, tuple[str, ...]]:
    """The longest title of ``refs`` that ends right before token ``end``: ``(its number of tokens,
    its role nouns)``, or ``(0, ())``."""
    for n in range(min(refs.longest_title + 2, end), 0, -1):  # +2: "President-elect" is 3 tokens
        words = doc[end - n : end]
        roles = refs.titles.get(tuple(words.text.split()))
        if roles is not None and "\n" not in words.text and not any(t.is_space for t in words):
            return n, roles
    return 0, ()


def _modifier(tok) -> bool:
    """A capitalised word that belongs to the title after it ("House", "Interior", "Majority")."""
    return tok.is_alpha and (tok.is_title or tok.is_upper) and not tok.is_stop


def _inner_title(doc: Doc, span: Span, refs: References) -> tuple[int, set[str]]:
    """Title tokens the NER put at the start of a person ("Speaker Johnson"): the longest prefix
    made of capitalised modifiers and ending with a title, leaving at least one word of name."""
    best, roles = 0, set()
    for p in range(span.start + 1, span.end):
        n, r = title_at(doc, p, refs)
        if n and p - n >= span.start and all(_modifier(t) for t in doc[span.start : p - n]):
            best, roles = p - span.start, set(r)
    return best, roles


def _title_before(doc: Doc, end: int, refs: References, by_end: dict[int, Span], covered: set[int],
                  absorbable, headline: set[int]) -> tuple[int, set[str], list[Span]]:
    """The title written right before token ``end``: ``(its first token, its role nouns, the
    entities it absorbed)``; ``end`` itself when there is none. In a headline (tokens
    ``headline``), where every word is capitalised, no plain capitalised word joins the title
    ("Criticises" in "Governor Hochul Criticises Mayor Adams")."""
    n, roles = title_at(doc, end, refs)
    if not n or covered.intersection(range(end - n, end)):
        return end, set(), []
    start, found, absorbed = end - n, set(roles), []
    while start > 0:
        m, more = title_at(doc, start, refs)
        if m and not covered.intersection(range(start - m, start)):
            start -= m
            found.update(more)
            continue
        ent = by_end.get(start)
        if ent is not None:
            if not absorbable(ent):
                break
            absorbed.append(ent)
            start = ent.start
            continue
        if start - 1 in covered or start - 1 in headline or not _modifier(doc[start - 1]):
            break
        start -= 1
    return start, found, absorbed


def attach_titles(doc: Doc, spans: list[Span], info: dict, refs: References, is_catalog) -> tuple[list[Span], Titled]:
    """Extend person mentions over their titles (see the module docstring); return the spans and
    :data:`Titled` for the mentions with a title. ``is_catalog(span)``: is the span a catalog
    actor's (those are never absorbed)."""
    spans = sorted(spans, key=lambda s: s.start)
    by_end = {s.end: s for s in spans}
    covered = {i for s in spans for i in range(s.start, s.end)}

    def absorbable(ent: Span) -> bool:
        return ent.label_ in _ABSORBED_LABELS and not is_catalog(ent)

    headline = {i for h in doc.spans.get(HEADLINES_KEY, []) for i in range(h.start, h.end)}
    dropped: set[tuple[int, int]] = set()
    titled: Titled = {}
    out: list[Span] = []
    for s in spans:
        key = (s.start_char, s.end_char)
        if key in dropped or s.label_ != "PERSON" or info[key]["kind"] != "actor":
            out.append(s)
            continue
        inner, roles = _inner_title(doc, s, refs)
        start, more, absorbed = _title_before(doc, s.start, refs, by_end, covered, absorbable, headline)
        if start == s.start and not inner:
            out.append(s)
            continue
        roles |= more
        words = doc[start : s.start + inner]
        if len(words) > 1:  # "Interior Minister", "House Speaker": the whole title is a role noun too
            roles.add(" ".join(t.lower_ for t in words))
        for ent in absorbed:
            dropped.add((ent.start_char, ent.end_char))
            del info[(ent.start_char, ent.end_char)]
        new = Span(doc, start, s.end, "PERSON", span_id=s.id_)
        info[(new.start_char, new.end_char)] = info.pop(key)
        titled[(new.start_char, new.end_char)] = (s.start + inner - start, frozenset(roles))
        out.append(new)
    return [s for s in out if (s.start_char, s.end_char) not in dropped], titled
