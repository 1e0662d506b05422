"""The registry of blame cue kinds and their extractors.

A *kind* (``explicit``, ``agency``, ``criticism``) has a place in :data:`KIND_ORDER` (0 the
strongest: when two cues blame the same target for the same blamer in one sentence, the row of
the stronger kind is kept) and a weight toward a document's ``responsible`` actor
(:data:`KIND_WEIGHTS`, read by :data:`helpers.blame.WEIGHTS`). An *extractor* finds the cues of
its kind: a function of the :class:`~helpers.blame.document.BlameDoc` and a token (``scope=
"token"``) or a sentence (``scope="sentence"``) returning :class:`Row` s. It names the lexicon
entries whose words trigger it (``triggers``): a token whose lemma is in none of them, and whose
form is not an act noun (:meth:`~helpers.blame.lexicon.Lexicon.act_form`), is skipped without
asking any extractor.

A row also has a cue *family* (``accusation``, ``agency``, ``criticism``, ``legal``,
``admission``, ``denial``: the guideline's, ``docs/annotation/blame.md``): the row's own, else its
extractor's (``extractor(family=...)``), else its kind's (``register(..., family=...)``). The
kind decides weight and order; the family says what the cue does.

Extractors run sentence-scoped ones first, then token by token; within each, by kind order, then
in the order they were registered. So a kind is declared and its extractors registered in one
module::

    TOY = register("toy", order=3, weight=0.5)

    @TOY.extractor(triggers=("toy_verbs",))          # an entry of lexicon.yml
    def toy_verb(d, t):
        if t.pos_ == "VERB" and t.lemma_.lower() in d.lex.words("toy_verbs"):
            subj, _ = d.subject(t)
            return [Row("toy", t, subj)] if subj else []
        return []
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from spacy.tokens import Span, Token

from helpers.blame.document import BlameDoc, Mention
from helpers.blame.lexicon import Lexicon

__all__ = ["Row", "Kind", "Extractor", "KINDS", "KIND_ORDER", "KIND_WEIGHTS", "register", "unregister",
           "cue_lemmas", "cue_finder"]

SCOPES = ("token", "sentence")


@dataclass
class Row:
    """A cue found in a sentence: its kind, cue token, the actors it blames and, when the cue
    names them, its blamers (explicit verbs: their own subject) and the issue."""

    kind: str
    cue: Token
    targets: list[Mention]
    blamer: list[Mention] | None = None  # explicit verbs: their own subject
    issue: Span | None = None
    cue_end: int | None = None  # token index after the cue (multi-word cues)
    family: str = ""  # the cue family (accusation, legal, ...); empty: the extractor's or the kind's
    implicit: str = ""  # the institution an agentless legal act implies ("police"), when no blamer is named
    denied: bool = False  # a denial: the blamed rejects the blame (the table's ``denied``)


@dataclass(frozen=True)
class Extractor:
    """A function finding cues of ``kind`` in a token or a sentence (``scope``)."""

    kind: str
    find: Callable[[BlameDoc, Token | Span], list[Row]]
    triggers: tuple[str, ...]
    scope: str
    family: str


@dataclass(frozen=True)
class Kind:
    """A cue kind: its place in the kind order, its weight, its extractors (:meth:`extractor`)."""

    name: str
    order: int
    weight: float
    family: str  #: the family of its extractors' rows unless an extractor or a row says otherwise
    _extractors: list[Extractor] = field(default_factory=list, compare=False, repr=False)

    def extractor(self, *, triggers: tuple[str, ...] = (), scope: str = "token", family: str = ""):
        """Decorator: register the function as an extractor of this kind (its rows of cue family
        ``family``, or of the kind's family)."""
        if scope not in SCOPES:
            raise ValueError(f"scope must be one of {SCOPES}, not {scope!r}")

        def add(find):
            self._extractors.append(Extractor(self.name, find, tuple(triggers), scope, family or self.family))
            return find

        return add


#: Every registered kind by name.
KINDS: dict[str, Kind] = {}
#: ``{kind: place}``, 0 the strongest, in that order (the one kind order: evaluation reads it too).
KIND_ORDER: dict[str, int] = {}
#: ``{kind: weight}`` toward ``responsible`` (``helpers.blame.WEIGHTS["kind"]`` is this mapping).
KIND_WEIGHTS: dict[str, float] = {}


def _refresh() -> None:
    """Refill the public mappings in kind order (in place: importers keep the same objects)."""
    kinds = sorted(KINDS.values(), key=lambda k: k.order)
    KIND_ORDER.clear()
    KIND_ORDER.update((k.name, k.order) for k in kinds)
    KIND_WEIGHTS.clear()
    KIND_WEIGHTS.update((k.name, k.weight) for k in kinds)


def register(name: str, order: int, weight: float, family: str = "") -> Kind:
    """Declare the cue kind ``name`` (its place in :data:`KIND_ORDER`, its weight toward
    ``responsible``, the cue family of its rows: ``family``, else the kind's name); register its
    extractors with the returned kind's ``extractor`` decorator."""
    old = KINDS.get(name)
    if old is not None:
        raise ValueError(f"cue kind {name!r} is already registered (order {old.order}, weight {old.weight})")
    taken = next((k.name for k in KINDS.values() if k.order == order), None)
    if taken is not None:
        raise ValueError(f"cue kind {taken!r} already has order {order}: give {name!r} another place")
    kind = Kind(name, order, float(weight), family or name)
    KINDS[name] = kind
    _refresh()
    return kind


def unregister(name: str) -> None:
    """Remove the cue kind ``name`` and its extractors (for experiments and tests)."""
    del KINDS[name]
    _refresh()


def _extractors(scope: str) -> list[Extractor]:
    """The extractors of ``scope`` in the order they run: by kind order, then registration."""
    return [e for k in sorted(KINDS.values(), key=lambda k: k.order) for e in k._extractors if e.scope == scope]


def cue_lemmas(lex: Lexicon) -> frozenset[str]:
    """Every lemma a token-scoped cue can have (the words of every extractor's ``triggers``): a
    token whose lemma is not here, and whose form is not an act noun, starts no blame statement."""
    return frozenset().union(*(lex.words(name) for e in _extractors("token") for name in e.triggers))


def _with_family(rows: list[Row], family: str) -> list[Row]:
    """``rows`` with the extractor's cue family where a row names none."""
    for r in rows:
        r.family = r.family or family
    return rows


#: Entity labels of names of organisations, places, events and works: a capitalised word inside
#: one of these names is part of the name, not a cue.
NAME_LABELS = frozenset({"ORG", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"})


def _in_a_name(t: Token, sent: Span) -> bool:
    """Is ``t`` a capitalised word inside a multi-word name (not the sentence's first word)?"""
    if not t.ent_type_ or t.ent_type_ not in NAME_LABELS or not t.is_title or t.i == sent.start:
        return False
    return t.ent_iob_ == "I" or (t.i + 1 < len(t.doc) and t.doc[t.i + 1].ent_iob_ == "I")


def cue_finder(lex: Lexicon) -> Callable[[BlameDoc, Span], list[Row]]:
    """The cues of a sentence, by every registered extractor: ``find(d, sent) -> [Row, ...]``
    (sentence-scoped extractors first, then token by token, each in kind order)."""
    per_sentence, per_token, gate = _extractors("sentence"), _extractors("token"), cue_lemmas(lex)

    def find(d: BlameDoc, sent: Span) -> list[Row]:
        rows: list[Row] = []
        for e in per_sentence:
            rows += _with_family(e.find(d, sent), e.family)
        for t in sent:
            if t.lemma_.lower() not in gate and not lex.act_form(t.lower_):
                continue  # no cue here (most tokens)
            if _in_a_name(t, sent):
                continue  # "Capitol Hill Occupied Protests", "the Armed Attack Review Board"
            for e in per_token:
                rows += _with_family(e.find(d, t), e.family)
        return rows

    return find
