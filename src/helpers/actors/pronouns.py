"""The ``pronoun_resolver`` spaCy component: each pronoun linked to the mention it stands for.

It links he/she/him/her/his/hers, it/its and they/them/their/theirs to an antecedent, and a
first-person pronoun (I, me, my, we, us, our ...) inside a quotation to the quotation's speaker
when the quotation's sentence names one ('"We will appeal," she said', 'said Ms Ortiz'). It
runs on any parsed Doc (it needs the parser, the tagger and ``doc.ents``; after the
``actor_resolver`` it also reads the entities' catalog ids) and works left to right:

1. mentions and entities (:mod:`helpers.actors.pronoun_mentions`): names, noun phrases, grouped
   by repeated names and heads;
2. per pronoun, the compatible entities with a mention in the window and their features
   (:mod:`helpers.actors.pronoun_features`), scored by a logistic ranker trained on GAP
   (``pronoun_data/pronoun_ranker.npz``, built by ``scripts/train_pronouns.py``): the
   ``encoder`` model for he/she/him/her/his/hers (the features plus the sentence encoder's
   vectors, :mod:`helpers.actors.pronoun_encoder`; config ``encoder``), the ``syntax`` model for
   the others (and for all when ``encoder`` is false). The best candidate is linked when its score
   reaches ``min_score``; a link at least ``history_score`` sure gives the entity the pronoun's
   gender for the pronouns after it. "It" with no referent ("it is likely that ...", "it emerged
   that ...") is skipped;
3. first-person pronouns in quotations, to the speaker (through the speaker's own link when the
   speaker is a pronoun).

Output: ``doc.spans["pronouns"]`` (:data:`SPANS_KEY`), one span per linked pronoun, labelled
``ranker`` or ``speaker``; each span's ``span._.antecedent`` is a record ``{"start", "end"`` (token
offsets), ``"start_char", "end_char", "text", "chain"`` (the character offsets of every name and
noun phrase of the antecedent's entity), ``"score"}``. Everything is a plain value, so a Doc keeps
it through pickling and ``DocBin(store_user_data=True)``.

Settings are the factory's config (``nlp.add_pipe("pronoun_resolver", config={...})``): the data
files (a bare file name is one shipped in ``pronoun_data/``, anything else a path), the first-name
thresholds, the window, ``min_score`` and which use of :mod:`helpers.quotes` (its marks and attribution finder) to read.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
from spacy.attrs import LOWER, POS
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.symbols import PRON
from spacy.tokens import Doc, Span, Token

from helpers.actors.pronoun_encoder import WindowEncoder
from helpers.actors.pronoun_features import FEATURES, Candidate, DocIndex, Pronoun, feature_matrix
from helpers.actors.pronoun_mentions import Entity, Mention, PronounLexicon, find_mentions, group_entities
from helpers.actors.resolver import PRONOUN_SPANS
from helpers.paths import package_file
from helpers.quotes import Speech, document_attributions, load_speech, quotations
from helpers.text.doc_text import doc_text

__all__ = ["PronounResolver", "Ranker", "Settings", "DocState", "SPANS_KEY", "DEFAULT_CONFIG", "analyse", "data_path",
           "build_resolver"]

#: ``doc.spans`` key of the linked pronouns.
SPANS_KEY = PRONOUN_SPANS  # the key the actor resolver and the mention table read
DEFAULT_CONFIG = {
    "lexicon": "pronouns.yml",
    "first_names": "first_names.csv",
    "weights": "pronoun_ranker.npz",
    "encoder": True,  # he/she ranked with the sentence encoder's features too (False: syntax only, no torch)
    "name_share": 0.9,  # a first name is gendered when 90% of its bearers are of one sex
    "name_count": 100,  # ... and at least 100 people bear it
    "sentences_before": 3,  # candidates: mentions in the pronoun's sentence and the 3 before it
    "sentences_after": 0,
    "encoder_chars": 1000,  # the encoder reads at most this much of the window (whole sentences)
    "min_score": 0.1,  # no link below this score
    "history_score": 0.5,  # a link at least this sure gives its entity the pronoun's gender
    "speech": "quotes",  # the use in helpers.quotes' speech.yml whose quotation marks and finder vocabulary are read
}

@dataclass(frozen=True)
class Settings:
    """The resolver's settings (the factory config's, less the data files)."""

    sentences_before: int
    sentences_after: int
    encoder: bool
    encoder_chars: int
    min_score: float
    history_score: float


if not Span.has_extension("antecedent"):
    Span.set_extension("antecedent", default=None)


def data_path(name: str) -> Path:
    """A bare file name is shipped in ``helpers/actors/pronoun_data/``; anything else is a path."""
    if "/" in name or "\\" in name:
        return Path(name).expanduser()
    return package_file("helpers.actors", f"pronoun_data/{name}")


@dataclass(frozen=True)
class Ranker:
    """A logistic model over :data:`FEATURES` (and, for the ``encoder`` model, the
    :data:`~helpers.actors.pronoun_encoder.ENCODER_DIM` encoder columns after them): ``coef``,
    ``intercept``, on raw feature values (the training's standardisation folded in)."""

    coef: np.ndarray
    intercept: float
    metrics: dict

    @classmethod
    def load(cls, path: Path, model: str) -> Ranker:
        """The ``syntax`` or ``encoder`` model of a weights file written by ``scripts/train_pronouns.py``."""
        with np.load(path, allow_pickle=False) as z:
            names = tuple(str(n) for n in z["features"])
            if names != FEATURES:
                raise ValueError(f"{path}: trained on features {names}, the resolver computes {FEATURES}; "
                                 "rebuild it with scripts/train_pronouns.py")
            if f"{model}_coef" not in z:
                raise ValueError(f"{path} has no {model!r} model (it has syntax and encoder)")
            return cls(z[f"{model}_coef"].astype(float), float(z[f"{model}_intercept"]),
                       json.loads(str(z["metrics"])).get(model, {}))

    def scores(self, X: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-(X @ self.coef + self.intercept)))


@dataclass
class DocState:
    """What the resolver knows of a Doc before linking: mentions, entities, sentences, quotations."""

    doc: Doc
    text: str  #: ``doc.text`` (spaCy joins the tokens' text at each call)
    mentions: list[Mention]
    entities: list[Entity]
    index: DocIndex
    sents: list[Span]
    sent_of: list[int]  #: sentence index of each token
    in_quote: list[bool]  #: is each token inside a quotation
    quotes: list[tuple[int, int, int]]  #: (opening mark, start, end) character offsets
    windows: WindowEncoder | None = None  #: the encoder's vectors, for the ``encoder`` model
    chains: dict[int, list[list[int]]] = field(default_factory=dict)  #: cache of :meth:`chain`

    def pronoun(self, i: int, lex: PronounLexicon) -> Pronoun:
        return Pronoun(i, lex.third_person[self.doc[i].lower_], self.sent_of[i], self.in_quote[i])

    def chain(self, entity: int) -> list[list[int]]:
        """The character offsets of every mention of ``entity`` (a new list at each call)."""
        if entity not in self.chains:
            doc = self.doc
            self.chains[entity] = [[doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1])]
                                   for m in self.entities[entity].mentions]
        return [list(c) for c in self.chains[entity]]


def _pronoun_tokens(doc: Doc, words: Iterable[str]) -> list[int]:
    """The indices of the tokens tagged PRON whose lower-case form is one of ``words``."""
    if not len(doc):
        return []
    lower, pos = doc.to_array([LOWER, POS]).T
    ids = np.array([get_string_id(w) for w in words], dtype=np.uint64)
    return np.flatnonzero(np.isin(lower, ids) & (pos == PRON)).tolist()


def analyse(doc: Doc, lex: PronounLexicon, marks: tuple[tuple[str, str], ...]) -> DocState:
    mentions = find_mentions(doc, lex)
    entities = group_entities(doc, mentions)
    sents = list(doc.sents)
    sent_of = [0] * len(doc)
    for k, sent in enumerate(sents):
        sent_of[sent.start:sent.end] = [k] * (sent.end - sent.start)
    text = doc_text(doc)
    quotes = [(q.opened, q.start, q.end) for q in quotations(text, marks, by_context=True, paragraphs=True)]
    in_quote = [False] * len(doc)
    for _, start, end in quotes:
        span = doc.char_span(start, end, alignment_mode="expand")
        for i in range(span.start, span.end) if span is not None else ():
            in_quote[i] = True
    index = DocIndex(doc, mentions, entities, sent_of, [s.start for s in sents])
    return DocState(doc, text, mentions, entities, index, sents, sent_of, in_quote, quotes)


def _pleonastic(tok: Token) -> bool:
    """"It" standing for no referent: "it is likely that ...", "it emerged that ...", "it rained"."""
    if tok.lower_ != "it":
        return False
    if tok.dep_ == "expl":
        return True
    head = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    clause = any(c.dep_ in ("ccomp", "xcomp", "csubj") and c.i > head.i for c in head.children)
    return clause and (head.lemma_ in ("be", "seem", "appear", "become", "remain", "emerge", "happen")
                       or any(c.dep_ == "acomp" for c in head.children))


def _shown(mentions: list[Mention], ref: Mention, i: int) -> Mention:
    """The antecedent a link records: the entity's last name before the pronoun ("Ana Ortiz" of
    "Ana Ortiz, the mayor, ... she"), else the mention the ranker scored."""
    names = [m for m in mentions if m.kind == "name" and m.end <= i]
    return names[-1] if names else ref


def _record(doc: Doc, start: int, end: int, chain: list[list[int]], score: float) -> dict:
    span = doc[start:end]
    return {"start": start, "end": end, "start_char": span.start_char, "end_char": span.end_char, "text": span.text,
            "chain": chain, "score": round(float(score), 4)}


class PronounResolver:
    """The component (build it with ``nlp.add_pipe("pronoun_resolver")``)."""

    def __init__(self, lexicon: PronounLexicon, ranker: Ranker, speech: Speech, settings: Settings,
                 encoder_ranker: Ranker | None = None):
        self.lexicon, self.ranker, self.speech, self.settings = lexicon, ranker, speech, settings
        self.marks = speech.marks
        self.encoder_ranker = encoder_ranker

    def with_ranker(self, ranker: Ranker, encoder: bool) -> PronounResolver:
        """The same resolver with another ranker (a fold's, a baseline): the ranker of gendered
        pronouns when ``encoder``, of every pronoun otherwise."""
        if encoder:
            return PronounResolver(self.lexicon, self.ranker, self.speech, self.settings, ranker)
        return PronounResolver(self.lexicon, ranker, self.speech, replace(self.settings, encoder=False))

    def uses_encoder(self, pron: Pronoun) -> bool:
        """The encoder model ranks he/she/him/her/his/hers (it was trained on them only); the
        syntax model ranks every other pronoun, and all of them when the encoder is off."""
        return self.settings.encoder and pron.form.gender is not None

    def state(self, doc: Doc) -> DocState:
        state = analyse(doc, self.lexicon, self.marks)
        if self.settings.encoder:
            st = self.settings
            state.windows = WindowEncoder(doc, state.text, state.sents, st.sentences_before, st.sentences_after,
                                          st.encoder_chars)
        return state

    def __call__(self, doc: Doc) -> Doc:
        state = self.state(doc)
        links: dict[int, tuple[str, dict]] = {}
        history: dict[int, str] = {}
        for i in _pronoun_tokens(doc, self.lexicon.third_person):
            if not _pleonastic(doc[i]) and (found := self.link(state, state.pronoun(i, self.lexicon), history)):
                cand, score = found
                shown = _shown(state.entities[cand.entity].mentions, cand.ref, i)
                links[i] = ("ranker", _record(doc, shown.start, shown.end, state.chain(cand.entity), score))
        self._link_speakers(state, links)
        spans = []
        for i in sorted(links):
            span = Span(doc, i, i + 1, label=links[i][0])
            span._.antecedent = links[i][1]
            spans.append(span)
        doc.spans[SPANS_KEY] = spans
        return doc

    def candidates(self, state: DocState, pron: Pronoun, history: dict[int, str]) -> list[Candidate]:
        return state.index.candidates(pron, history, self.settings.sentences_before, self.settings.sentences_after)

    def rows(self, state: DocState, pron: Pronoun, cands: list[Candidate]) -> np.ndarray:
        """What the ranker reads: the features of each candidate (and the encoder's columns)."""
        X = feature_matrix(state.doc, pron, cands, state.index, state.in_quote)
        return np.hstack([X, state.windows.rows(pron, cands)]) if self.uses_encoder(pron) else X

    def link(self, state: DocState, pron: Pronoun, history: dict[int, str]) -> tuple[Candidate, float] | None:
        """The best candidate of ``pron`` and its score, or None. A confident link of a gendered
        pronoun gives its entity that gender for the pronouns after it."""
        cands = self.candidates(state, pron, history)
        if not cands:
            return None
        ranker = self.encoder_ranker if self.uses_encoder(pron) else self.ranker
        p = ranker.scores(self.rows(state, pron, cands))
        # highest score; ties to the nearer reference mention, then to the earlier entity
        best = min(range(len(cands)), key=lambda k: (-p[k], abs(pron.i - cands[k].ref.start), cands[k].entity))
        if p[best] < self.settings.min_score:
            return None
        if pron.form.gender and p[best] >= self.settings.history_score:
            history[cands[best].entity] = pron.form.gender
        return cands[best], float(p[best])

    # ----- first person in quotations ----------------------------------------------------------
    def _speaker_record(self, state: DocState, speaker: Token, links: dict) -> dict:
        if speaker.i in links:
            return links[speaker.i][1]
        m = next((m for m in state.mentions if m.start <= speaker.i < m.end), None)
        if m is not None:
            return _record(state.doc, m.start, m.end, state.chain(m.entity), 1.0)
        return _record(state.doc, speaker.left_edge.i, speaker.i + 1, [], 1.0)

    def _link_speakers(self, state: DocState, links: dict) -> None:
        """I, me, we, us ... inside a quotation stand for the speaker of the attribution whose
        content holds it (:func:`helpers.quotes.document_attributions`: the quotes table's finder,
        whose rows the document keeps for the quotes table and blame)."""
        if not state.quotes:
            return
        first = [state.doc[i] for i in _pronoun_tokens(state.doc, self.lexicon.first_person)]
        quoted = [t for t in first if state.in_quote[t.i]]
        if not quoted:
            return
        for att in document_attributions(state.doc, self.speech):
            if att.speaker_head < 0 or att.kind == "indirect":
                continue
            speaker = state.doc[att.speaker_head]
            if speaker.lower_ in self.lexicon.first_person:
                continue
            inside = [t for t in quoted if att.content_start <= t.idx < att.content_end and t.i not in links]
            if inside:
                record = self._speaker_record(state, speaker, links)
                for t in inside:
                    links[t.i] = ("speaker", record)


def build_resolver(config: dict, ranker: Ranker | None = None) -> PronounResolver:
    """A resolver of ``config`` (the factory's keys, :data:`DEFAULT_CONFIG`'s by default) with its
    weights file's ranker, or with ``ranker`` (training, baselines)."""
    c = {**DEFAULT_CONFIG, **config}
    lex = PronounLexicon.load(data_path(c["lexicon"]), data_path(c["first_names"]), c["name_share"], c["name_count"])
    settings = Settings(c["sentences_before"], c["sentences_after"], c["encoder"], c["encoder_chars"], c["min_score"],
                        c["history_score"])
    encoder_ranker = None
    if ranker is None:
        ranker = Ranker.load(data_path(c["weights"]), "syntax")
        encoder_ranker = Ranker.load(data_path(c["weights"]), "encoder") if c["encoder"] else None
    return PronounResolver(lex, ranker, load_speech(c["speech"]), settings, encoder_ranker)


@Language.factory("pronoun_resolver", default_config=DEFAULT_CONFIG)
def make_pronoun_resolver(nlp: Language, name: str, lexicon: str, first_names: str, weights: str, encoder: bool,
                          name_share: float, name_count: int, sentences_before: int, sentences_after: int,
                          encoder_chars: int, min_score: float, history_score: float, speech: str) -> PronounResolver:
    """The ``pronoun_resolver`` component with the data files and settings of its config."""
    return build_resolver({"lexicon": lexicon, "first_names": first_names, "weights": weights, "encoder": encoder,
                           "name_share": name_share, "name_count": name_count, "sentences_before": sentences_before,
                           "sentences_after": sentences_after, "encoder_chars": encoder_chars,
                           "min_score": min_score, "history_score": history_score, "speech": speech})
