"""A state's name inside the name of one of its institutions: "the United States House of
Representatives", "the United States Supreme Court", "the Parliament of Iraq".

The rulers mark a catalog state's name wherever it stands, so the NER cannot take the rest of
the institution's name with it: it finds "House of Representatives" or "the Parliament of", or
nothing. A *named* institution of a state is its own actor under its full name (annotation
guideline ``entities.md`` version 2: "new:US House of Representatives"), so
:func:`join_institution_names` makes the state's name and the capitalised words of the
institution's name one ORG mention, an actor of its document (source ``state-institution``),
when the words are:

- the state's name, then capitalised words (with "of", "and", "for" between them) holding a word
  of ``institution_words`` (references.yml) that ends them or is followed only by an "of ..."
  complement ("House of Representatives", "Supreme Court"): "United States House of
  Representatives"; not "US Senate Majority Leader Mitch McConnell" (a title and a person);
- an organisation the NER found that ends in "of" or right before "of", holding such a word,
  then the state's name: "Parliament of Iraq", "Supreme Court of Pakistan".

The same join makes a state's name and capitalised words ending in one of
``organisation_words`` (references.yml) the name of an organisation that is not the state:
"Japan Airlines", "Iran Air", "China Daily", "USA Today" (source ``state-organisation``), unless
the parse does not put the state's name under those words ("in northern Syria Today", a date) or
the last word modifies a noun after it ("Syria Air strikes"). There the state is not named: "USA
Today reported" is not the United States speaking.

Words a catalog pack describes as the state's own institution ("the Foreign Ministry of Iraq",
"Zimbabwe Army") make the mention that catalog actor (``iraq_foreign_ministry``). The entry in
``info`` keeps the state it names (``"state"``: token start, actor id, offsets), which
:mod:`helpers.actors.descriptions` counts as named there ("the United States House of
Representatives ... the administration"). A demonym ("Iraqi Parliament") is not joined: the
descriptions pass reads it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from helpers.actors.catalog import Catalog

__all__ = ["SOURCE", "ORGANISATION_SOURCE", "join_institution_names"]

#: The ``source`` of a joined mention in the mention table: an institution of the state, and an
#: organisation whose name begins with the state's.
SOURCE = "state-institution"
ORGANISATION_SOURCE = "state-organisation"
_CONNECTORS = frozenset({"of", "and", "for"})


def _off(s: Span) -> tuple[int, int]:
    return (s.start_char, s.end_char)


def _is_state(s: Span, cat: Catalog, names) -> bool:
    actor = names.actors.get(s.start, "")
    return s.label_ == "GPE" and actor in cat.actors and cat.actors[actor].type == "state"


def _capitalised(tok) -> bool:
    return tok.is_alpha and tok.text[:1].isupper()


def _run(doc: Doc, start: int, free) -> int:
    """The end of the capitalised words (with connectors between them) from token ``start``,
    within its sentence, over tokens ``free(i)`` allows."""
    end, j, stop = start, start, doc[start].sent.end if start < len(doc) else start
    while j < stop and free(j):
        tok = doc[j]
        if _capitalised(tok):
            end = j = j + 1
        elif tok.lower_ in _CONNECTORS and j + 1 < stop and free(j + 1) and _capitalised(doc[j + 1]):
            j += 1
        else:
            break
    return end


def _institution(words: list[str], state: str, cat: Catalog, institution_words: frozenset[str]) -> str | None:
    """The actor the words of an institution's name make of the ``state`` named with them: the
    state's own institution a pack describes by them ("Foreign Ministry", "Army"); "" (a document
    actor) when they name an institution (:func:`_names_institution`); None when neither."""
    described = cat.descriptions.get(tuple(words))
    if described:
        family = cat.family(state)
        return next((c for c in described if c in family), None)
    return "" if _names_institution(words, institution_words) else None


def _names_institution(words: list[str], institution_words: frozenset[str]) -> bool:
    """Do these words (lower case) name an institution: an institution word last, or followed
    only by an "of ..." complement?"""
    for k, w in enumerate(words):
        if w in institution_words and (k == len(words) - 1 or words[k + 1] == "of"):
            return True
    return False


def _modifies_next(tok, end: int) -> bool:
    """Is ``tok`` a modifier of a noun after the words (a headline run into its lead: "... in Syria
    Air strikes on two hospitals")? Then it does not end an organisation's name."""
    return tok.dep_ in ("compound", "amod") and tok.head.i >= end


def _organisation_before(doc: Doc, s: Span, owner: dict) -> Span | None:
    """The organisation the NER found right before "of" + ``s`` ("the Parliament of" or "the
    Parliament", then "of Iraq"), or None."""
    i = s.start - 1
    if i < 1 or doc[i].lower_ != "of":
        return None
    org = owner.get(i) or owner.get(i - 1)
    if org is None or org is s or org.label_ != "ORG" or org.id_ or org.end > s.start:
        return None
    return org


def join_institution_names(doc: Doc, spans: list[Span], info: dict, cat: Catalog, names,
                           institution_words: frozenset[str], organisation_words: frozenset[str]) -> list[Span]:
    """``spans`` with each state's name inside an institution's or an organisation's name joined
    to it (see the module docstring); ``info`` gets the joined mentions' entries; ``names``: the
    :class:`~helpers.actors.resolver.Names` of the incoming entities."""
    spans = sorted(spans, key=lambda s: s.start)
    owner = {i: s for s in spans for i in range(s.start, s.end)}

    def loose(i: int) -> bool:
        """A word in no mention, in an organisation the NER found, or an organisation word the NER
        took alone for something else ("USA Today": "Today" a date)."""
        s = owner.get(i)
        if s is None:
            return True
        return not s.id_ and (s.label_ == "ORG" or (len(s) == 1 and s.root.lower_ in organisation_words))

    joined: list[tuple[int, int, list[Span], str, Span | None]] = []  # the state, None for an organisation
    for s in spans:
        if not _is_state(s, cat, names):
            continue
        state = names.actors[s.start]
        end = _run(doc, s.end, loose)
        words = [t.lower_ for t in doc[s.end : end]]
        inside = sorted({owner[i] for i in range(s.end, end) if i in owner}, key=lambda o: o.start)
        if words and all(o.end <= end for o in inside):
            actor = _institution(words, state, cat, institution_words)
            if actor is not None:
                joined.append((s.start, end, [s, *inside], actor, s))
                continue
            if words[-1] in organisation_words and s.end <= s.root.head.i < end \
                    and not _modifies_next(doc[end - 1], end):
                joined.append((s.start, end, [s, *inside], "", None))
                continue
        org = _organisation_before(doc, s, owner)
        if org is not None:
            head = [t.lower_ for t in doc[org.start : s.start - 1] if not t.is_stop]
            actor = _institution(head, state, cat, institution_words) if head else None
            if actor is not None:
                joined.append((org.start, s.end, [org, s], actor, s))
    if not joined:
        return spans
    drop = {id(o) for j in joined for o in j[2]}
    out = [s for s in spans if id(s) not in drop]
    for start, end, parts, actor, state in joined:
        while doc[start].lower_ == "the":
            start += 1
        for o in parts:
            info.pop(_off(o), None)
        span = Span(doc, start, end, cat.actors[actor].label if actor else "ORG", span_id=actor)
        if state is None:
            info[_off(span)] = {"kind": "actor", "source": ORGANISATION_SOURCE}
        else:
            info[_off(span)] = {"kind": "actor", "source": SOURCE,
                                "state": (state.start, names.actors[state.start], _off(state))}
        out.append(span)
    return sorted(out, key=lambda s: s.start)
