"""The attribution finder: who is reported to say (or think, claim, deny) what, in one parsed document.

:func:`find_attributions` runs the frames of :mod:`helpers.quotes.frames` over a spaCy ``Doc``,
joins the quotations of the text (:func:`helpers.quotes.quotations`) to them and returns
:class:`Attribution` s in character offsets:

1. every frame gives one attribution (a colon's content stops before the next sentence with a
   frame of its own), but for a cue inside a quotation ("I think", "as I said"
   in a quoted speaker's words: they are the quotation's); of frames with overlapping cues the
   first one found wins (verbs, then "according to", channels, nouns);
2. a quotation that overlaps an attribution's content, or is separated from it only by
   punctuation and the reporting clause (``"A," she said, "B."``), joins that content, so a
   quotation running over several sentences is one attribution;
3. a quotation of at least :data:`MIN_QUOTE_WORDS` words left without a frame (and not a title)
   continues the last attribution with a speaker: in its paragraph, it joins that attribution's
   content ("A," she said, turning to the crowd. "B."); opening a paragraph, it is a row of its
   own with that speaker when the attribution in the previous paragraph quoted too: news names
   a speaker once and goes on quoting (``pattern`` ``continuation``, no cue);
4. ``kind`` is ``direct`` when the content is all inside quotation marks, ``mixed`` when part of
   it is, ``indirect`` otherwise.

Nothing here knows actors: :func:`helpers.quotes.table.quote_rows` resolves speakers.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING, NamedTuple

from helpers.quotes.finder import PARAGRAPH_BREAK, quotations
from helpers.quotes.frames import FRAMES, Frame
from helpers.quotes.speech import Speech
from helpers.text.doc_text import doc_text

if TYPE_CHECKING:  # spaCy (and torch under it) loads with the pipeline, not with helpers.quotes
    from spacy.tokens import Doc, Token

__all__ = ["Attribution", "find_attributions", "document_attributions", "attributions_holding", "speaker_span",
           "quoted_spans", "content_kind", "KINDS", "MIN_QUOTE_WORDS", "ATTRIBUTIONS_KEY"]

#: Where :func:`document_attributions` keeps a document's attributions (``doc.user_data``).
ATTRIBUTIONS_KEY = "helpers.quotes.attributions"

#: The values of :attr:`Attribution.kind`.
KINDS = ("direct", "indirect", "mixed")
#: The fewest words of a quotation with no frame that continues an earlier speaker (shorter
#: ones are scare quotes, titles and names: "the so-called "peace plan"").
MIN_QUOTE_WORDS = 4
#: The most tokens between a quotation and a content it joins (the reporting clause between).
MAX_GAP_TOKENS = 12
#: Dependencies left out of a speaker's words ("Jane Smith, a spokeswoman, who ...": "Jane Smith").
_SPEAKER_DROP = frozenset({"relcl", "acl", "appos", "punct", "advcl", "parataxis", "cc", "conj", "case"})


class Attribution(NamedTuple):
    """One attribution, in character offsets of ``doc.text`` (-1 when absent)."""

    cue_start: int
    cue_end: int
    speaker_start: int
    speaker_end: int
    speaker_head: int  #: token index of the speaker's head, -1 when none
    content_start: int
    content_end: int
    kind: str  #: direct, indirect or mixed
    pattern: str  #: verb, according, channel, noun or continuation
    sent: int  #: token index of the first token of the cue's sentence (of the content's, with no cue)


def speaker_span(head: Token) -> tuple[int, int]:
    """Token range ``[start, end)`` of the words naming the speaker headed by ``head``: its noun
    phrase without appositions, relative clauses and coordination."""
    keep, stack = [], [head]
    while stack:
        t = stack.pop()
        keep.append(t.i)
        stack.extend(c for c in t.children if c.dep_ not in _SPEAKER_DROP)
    return min(keep), max(keep) + 1


def _chars(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def _gap_ok(doc: Doc, lo: int, hi: int, allowed: set[int]) -> bool:
    """Are the tokens ``[lo, hi)`` between a content and a quotation only punctuation, spaces and
    the reporting clause (``allowed``), within one paragraph?"""
    if hi - lo > MAX_GAP_TOKENS:
        return False
    return all((doc[k].is_punct or doc[k].is_space or k in allowed) and PARAGRAPH_BREAK not in doc[k].text
               for k in range(lo, hi))


def _quoted_share(text: str, start: int, end: int, quoted: list[tuple[int, int]]) -> tuple[int, int]:
    """(letters and digits of ``text[start:end]`` inside ``quoted`` spans, all of them); the spans
    are clipped to the content and merged, so a character counts once however many hold it."""
    inside, reach = 0, start
    for a, b in sorted((max(a, start), min(b, end)) for a, b in quoted):
        a = max(a, reach)
        if a < b:
            inside += _alnum(text, a, b)
            reach = b
    return inside, _alnum(text, start, end)


def _alnum(text: str, a: int, b: int) -> int:
    return sum(map(str.isalnum, text[a:b]))


def quoted_spans(text: str, marks) -> list[tuple[int, int]]:
    """``(start, end)`` of each quotation of ``text`` with its marks (marks open or close by
    context; one left open ends with its paragraph): what :func:`content_kind` reads."""
    spans = [(q.opened, q.end + 1 if q.end < len(text) and not text.startswith(PARAGRAPH_BREAK, q.end) else q.end)
             for q in quotations(text, marks, by_context=True, paragraphs=True)]
    return [(a, b) for a, b in spans if b > a]


def content_kind(text: str, start: int, end: int, quoted: list[tuple[int, int]],
                 clause: list[tuple[int, int]] = ()) -> str:
    """direct, mixed or indirect: how much of the content ``text[start:end]`` (less its reporting
    ``clause``, inside when a quotation is split by it) is in the ``quoted`` spans."""
    clause = list(clause)
    inside, total = _quoted_share(text, start, end, [q for q in quoted if q[0] < end and q[1] > start] + clause)
    inside -= _quoted_share(text, start, end, clause)[0]
    total -= _quoted_share(text, start, end, clause)[0]
    if not inside:
        return "indirect"
    return "direct" if inside == total else "mixed"


def _quoted(doc: Doc, f: Frame, quotes: list[tuple[int, int]]) -> bool:
    """Is the frame's cue inside a quotation ("I think", "as I said" in a quoted speaker's words)?
    Those words belong to the quotation's own attribution."""
    c = doc[f.cue_start].idx
    return any(a < c < b for a, b in quotes)


def _unique(frames: list[Frame]) -> list[Frame]:
    """The frames whose cue overlaps no earlier-found frame's cue (and no two frames of one cue)."""
    taken: set[int] = set()
    out = []
    for f in frames:
        cue = set(range(f.cue_start, f.cue_end))
        if cue & taken:
            continue
        taken |= cue
        out.append(f)
    return out


def find_attributions(doc: Doc, speech: Speech) -> list[Attribution]:
    """The attributions of ``doc`` (parsed, with sentence boundaries), in text order of content
    (see the module docstring)."""
    text = doc_text(doc)
    quotes = quoted_spans(text, speech.marks)
    frames = _unique([f for frame in FRAMES for f in frame(doc, speech) if not _quoted(doc, f, quotes)])
    items = []  # [cue_start, cue_end, speaker_head, content_start, content_end (tokens), pattern]
    for f in frames:
        items.append([f.cue_start, f.cue_end, f.speaker, f.content_start, f.content_end, f.pattern])
    _stop_colons(doc, items)
    starts = [t.idx for t in doc]

    def tok(c: int) -> int:
        return max(0, bisect_right(starts, c) - 1)

    orphans, clauses = [], [_clause(doc, it, speech) for it in items]  # cue and speaker: fixed below
    for qa, qb in sorted(quotes):
        ta, tb = tok(qa), tok(qb - 1) + 1
        best, best_gap = None, None
        for it, clause in zip(items, clauses):
            cs, ce = (it[3], it[4]) if it[3] >= 0 else (min(clause), max(clause) + 1)
            if ta < ce and tb > cs:
                gap = 0
            elif tb <= cs:
                gap = cs - tb if _gap_ok(doc, tb, cs, clause) else None
            else:
                gap = ta - ce if _gap_ok(doc, ce, ta, clause) else None
            if gap is not None and (best_gap is None or gap < best_gap):
                best, best_gap = it, gap
        if best is not None:
            best[3], best[4] = (min(best[3], ta), max(best[4], tb)) if best[3] >= 0 else (ta, tb)
        else:
            orphans.append((ta, tb))
    items = [it for it in items if it[3] >= 0]
    for ta, tb in orphans:
        prev, new_paragraph = _continued(doc, text, items, quotes, ta, tb)
        if prev is not None and new_paragraph:
            items.append([-1, -1, prev[2], ta, tb, "continuation"])
        elif prev is not None:  # "A," she said, turning to the crowd. "B.": one attribution
            prev[4] = max(prev[4], tb)
    out = []
    for cs_tok, ce_tok, spk, a, b, pattern in items:
        a, b = _strip(doc, a, b)
        if b <= a:
            continue
        content = _chars(doc, a, b)
        cue = _chars(doc, cs_tok, ce_tok) if cs_tok >= 0 else (-1, -1)
        speaker = _chars(doc, *speaker_span(doc[spk])) if spk >= 0 else (-1, -1)
        sent = doc[cs_tok if cs_tok >= 0 else a].sent.start
        clause = [_chars(doc, k, k + 1) for k in _clause(doc, [cs_tok, ce_tok, spk], speech)] if cs_tok >= 0 else []
        kind = content_kind(text, *content, quotes, clause)
        out.append(Attribution(*cue, *speaker, spk, *content, kind, pattern, sent))
    return sorted(out, key=lambda r: (r.content_start, r.content_end, r.cue_start))


def _stop_colons(doc: Doc, items: list) -> None:
    """A colon's content runs to its paragraph's end, but stops before the first later sentence
    that has a frame of its own (a transcript's next turn, or running text after a headline
    "Name: ..." in a document without paragraph breaks)."""
    for it in items:
        if it[5] != "colon":
            continue
        own = doc[it[0]].sent.end
        later = [doc[o[0]].sent.start for o in items if o is not it and own <= o[0] < it[4]]
        if later:
            it[4] = max(own, min(later))


def document_attributions(doc: Doc, speech: Speech) -> list[Attribution]:
    """:func:`find_attributions` of ``doc``, found once per document and vocabulary (kept in
    ``doc.user_data``): the quotes table and blame's attribution read the same rows."""
    return _indexed(doc, speech)[1]


def attributions_holding(doc: Doc, speech: Speech, c: int) -> list[Attribution]:
    """The attributions of :func:`document_attributions` whose content holds character ``c``, in
    their order there; found by bisection on the contents' starts (no scan of the document's
    attributions per word: blame asks for every cue)."""
    _, atts, starts, longest = _indexed(doc, speech)
    lo, hi = bisect_left(starts, c - longest), bisect_right(starts, c)
    return [a for a in atts[lo:hi] if c < a.content_end]


def _indexed(doc: Doc, speech: Speech) -> tuple:
    """(id of ``speech``, the attributions, their content starts, the longest content's length)."""
    cached = doc.user_data.get(ATTRIBUTIONS_KEY)
    if cached is None or cached[0] != id(speech):
        atts = find_attributions(doc, speech)
        cached = (id(speech), atts, [a.content_start for a in atts],
                  max((a.content_end - a.content_start for a in atts), default=0))
        doc.user_data[ATTRIBUTIONS_KEY] = cached
    return cached


def _clause(doc: Doc, item: list, speech: Speech) -> set[int]:
    """The tokens of an attribution's reporting clause: its cue and its speaker's words (and the
    adverbs and time phrases on the cue, "she said on Tuesday", and the addressee of "told
    reporters")."""
    out = set(range(item[0], item[1]))
    if item[2] >= 0:
        out |= set(range(*speaker_span(doc[item[2]])))
    if item[0] >= 0:
        verb = doc[item[0]]
        deps = {"advmod", "npadvmod", "prep", "aux", "neg"} | (
            {"dative", "dobj"} if verb.lemma_.lower() in speech.addressee else set())
        for c in verb.children:
            if c.dep_ in deps and not c.is_quote:
                out |= {t.i for t in c.subtree}
    return out


def _strip(doc: Doc, a: int, b: int) -> tuple[int, int]:
    while a < b and (doc[a].is_space or (doc[a].is_punct and not doc[a].is_quote)):
        a += 1
    while b > a and (doc[b - 1].is_space or (doc[b - 1].is_punct and not doc[b - 1].is_quote and doc[b - 1].text
                                                not in ".?!")):
        b -= 1
    return a, b


def _continued(doc: Doc, text: str, items: list, quoted: list[tuple[int, int]], ta: int,
               tb: int) -> tuple[list | None, bool]:
    """(the attribution a quotation with no frame continues, whether it opens a new paragraph):
    the last attribution with a speaker whose content ends before it, in its paragraph, or in the
    previous paragraph when the quotation opens its own, where that content holds a quotation
    too. ``None`` for a quotation of fewer than :data:`MIN_QUOTE_WORDS` words or a title (every
    longer word capitalised: "Guardians of the Galaxy"), or when there is no such attribution."""
    words = [t for t in doc[ta:tb] if t.is_alpha]
    if len(words) < MIN_QUOTE_WORDS or all(t.text[0].isupper() for t in words if len(t) > 3):
        return None, False
    start = doc[ta].idx
    para = text.rfind(PARAGRAPH_BREAK, 0, start)
    opens_paragraph = not text[para + 2 if para >= 0 else 0 : start].strip()
    floor = para if not opens_paragraph else text.rfind(PARAGRAPH_BREAK, 0, max(para, 0))
    before = [it for it in items if it[3] >= 0 and it[4] <= ta and doc[it[4] - 1].idx > floor]
    if not before:
        return None, opens_paragraph
    prev = max(before, key=lambda it: it[4])
    a, b = doc[prev[3]].idx, doc[prev[4] - 1].idx
    if prev[2] < 0 or (opens_paragraph and not any(qa < b and qb > a for qa, qb in quoted)):
        return None, opens_paragraph
    return prev, opens_paragraph
