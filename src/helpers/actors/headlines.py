"""Entities of Title Case and ALL CAPS headlines: the ``headline_entities`` component.

spaCy's NER reads capital letters as a sign of names, so in "Syrian Army Kills Dozens of Rebels
in Adra Ambush" it takes "Rebels" for a place, and in an ALL CAPS headline it runs one
organisation over four words. This component, placed after the NER, finds headline-like
paragraphs (:func:`headlines`: one paragraph of at most ``max_words`` words, not ending in a full
stop, whose words outside the stop-word list are capitalised in at least ``min_capitalised`` of
cases), writes each one as a sentence-cased copy (:func:`sentence_cased`) and runs the entity
components named in ``rerun`` (the NER and the rulers before it) on the copy; the copy's entities
replace the headline's, token for token (the copy has the same tokens, only their case differs).

Each word's case comes from the document itself, without any list of names (:func:`body_case`):

- a run of capitalised words that the body writes the same way is a name and stays as written
  ("International Space Station");
- otherwise a word takes the form that words of its stem (the word less the first of
  ``suffixes`` it ends with: "kills", "killed") take most often inside sentences of the body,
  lower case on a tie (a capital may come from a title or from a name the word is part of, lower
  case never from a name);
- a word the body does not show is lower-cased if it is a stop word; an ALL CAPS English word
  becomes Capitalised; anything else keeps its case as written (a name unseen in the body stays
  a name).

Settings are the factory config, so ``nlp.config`` records them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from helpers.text.sentences import paragraph_spans
from helpers.text.words import is_word

__all__ = ["HeadlineEntities", "BodyCase", "headlines", "sentence_cased", "body_case"]


#: ``doc.spans`` key of the headline-like paragraphs (where every word is capitalised, so
#: capitals say nothing about names: :mod:`helpers.actors.titles` reads it).
HEADLINES_KEY = "headlines"

def _has_letter(text: str) -> bool:
    return any(c.isalpha() for c in text)


def _words(doc: Doc, start: int, end: int, limit: int | None = None) -> list[Token]:
    """The tokens of ``doc[start:end]`` with a letter; when there are more than ``limit``, the
    first ``limit + 1`` of them (enough to tell the span is too long)."""
    words = []
    for tok in doc[start:end]:
        if _has_letter(tok.text):
            words.append(tok)
            if limit is not None and len(words) > limit:
                break
    return words


def _capitalised(words: list[Token], stop_words: set[str], min_capitalised: float) -> bool:
    """Are at least two, and at least ``min_capitalised`` of, the ``words`` outside the stop
    words capitalised (Title Case or ALL CAPS)?"""
    content = [t for t in words if t.lower_ not in stop_words]
    capitalised = sum(t.text[0].isupper() for t in content)
    return bool(content) and capitalised >= 2 and capitalised >= min_capitalised * len(content)


def headlines(doc: Doc, stop_words: set[str], max_words: int, min_capitalised: float) -> list[tuple[int, int]]:
    """Token spans of the headline-like paragraphs of ``doc``."""
    found = []
    for start, end in paragraph_spans(doc):
        if doc[end - 1].text.endswith("."):
            continue
        words = _words(doc, start, end, max_words)
        if 2 <= len(words) <= max_words and _capitalised(words, stop_words, min_capitalised):
            found.append((start, end))
    return found


@dataclass(frozen=True)
class BodyCase:
    """How the body of a document writes words: ``forms`` counts the forms (``lower``, ``upper``,
    ``title`` or the mixed form itself) of each stem among the words that do not start a
    sentence; ``text`` is the document's text with what is not body blanked."""

    forms: dict[str, Counter]
    text: str


def body_case(doc: Doc, skip: list[tuple[int, int]], stop_words: set[str], min_capitalised: float,
              suffixes: list[str]) -> BodyCase:
    """The :class:`BodyCase` of ``doc`` outside the token spans ``skip`` and outside sentences
    capitalised like a headline (a title repeated in the text, a list of names: they tell nothing
    of case); the stem of a word is its lower case less the first of ``suffixes`` it ends with
    ("kills", "killed" give "kill")."""
    skip = sorted(skip + [(s.start, s.end) for s in doc.sents
                          if _capitalised(_words(doc, s.start, s.end), stop_words, min_capitalised)])
    skipped = {i for s, e in skip for i in range(s, e)}
    forms: dict[str, Counter] = {}
    for tok in doc:
        if tok.i in skipped or tok.is_sent_start or not _has_letter(tok.text):
            continue
        forms.setdefault(_stem(tok.lower_, suffixes), Counter())[_shape(tok.text)] += 1
    chars = list(doc.text)
    for tok in doc:
        if tok.i in skipped:
            chars[tok.idx : tok.idx + len(tok)] = " " * len(tok)
    return BodyCase(forms, "".join(chars))


def _names_in_body(doc: Doc, start: int, end: int, body: str) -> set[int]:
    """Tokens of ``doc[start:end]`` in a run of two or more capitalised words that the body
    writes the same way ("International Space Station"): the longest such runs, from the left."""
    kept: set[int] = set()
    i = start
    while i < end:
        j = i
        while j < end and doc[j].text[:1].isupper():
            j += 1
        found = next((stop for stop in range(j, i + 1, -1) if re.search(
            r"(?<!\w)" + re.escape(doc[i:stop].text) + r"(?!\w)", body)), None)
        if found:
            kept.update(range(i, found))
        i = found or i + 1
    return kept


def _shape(text: str) -> str:
    """``lower``, ``upper`` or ``title`` (first letter capital), or the form itself when mixed."""
    if text.islower():
        return "lower"
    if text.isupper():
        return "upper"
    if text[:1].isupper() and text[1:].islower():
        return "title"
    return text


def _stem(word: str, suffixes: list[str]) -> str:
    for suffix in suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _cased(tok: Token, evidence: dict[str, Counter], stop_words: set[str], suffixes: list[str],
           all_caps: bool) -> str:
    """``tok``'s text in the case the body gives it (see the module's docstring)."""
    text = tok.text
    if not _has_letter(text):
        return text
    forms = evidence.get(_stem(tok.lower_, suffixes))
    if forms:  # the most frequent form; on a tie lower case, as a name is never written in it
        best = min(forms, key=lambda f: (-forms[f], f != "lower", f != _shape(text), f))
        return {"lower": text.lower(), "upper": text.upper(), "title": text[:1].upper() + text[1:].lower()}.get(
            best, best if best.lower() == tok.lower_ else text)
    if tok.lower_ in stop_words and (all_caps or not text.isupper()):
        return text.lower()
    if all_caps and text.isupper() and len(text) > 1 and is_word(text):
        return text[:1] + text[1:].lower()
    return text


def sentence_cased(doc: Doc, start: int, end: int, body: BodyCase, stop_words: set[str],
                   suffixes: list[str]) -> list[str]:
    """The words of ``doc[start:end]`` in sentence case: names the body writes alike as written,
    other words in the body's case, the first capitalised ("135 Civilians Killed" becomes "135
    civilians killed")."""
    all_caps = all(t.text.isupper() for t in _words(doc, start, end))
    names = _names_in_body(doc, start, end, body.text)
    words = [t.text if t.i in names else _cased(t, body.forms, stop_words, suffixes, all_caps)
             for t in doc[start:end]]
    first = next((k for k, t in enumerate(doc[start:end]) if any(c.isalnum() for c in t.text)), None)
    if first is not None:  # the first word, after markup only ("## Title"), not after a number
        words[first] = words[first][:1].upper() + words[first][1:]
    return words


class HeadlineEntities:
    """Re-recognise the entities of headline-like paragraphs on a sentence-cased copy."""

    def __init__(self, nlp: Language, rerun: list[str], max_words: int, min_capitalised: float,
                 suffixes: list[str]):
        self.nlp, self.rerun = nlp, list(rerun)
        self.max_words, self.min_capitalised, self.suffixes = max_words, min_capitalised, list(suffixes)
        self.stop_words = set(nlp.Defaults.stop_words)

    def __call__(self, doc: Doc) -> Doc:
        spans = headlines(doc, self.stop_words, self.max_words, self.min_capitalised)
        doc.spans[HEADLINES_KEY] = [Span(doc, start, end) for start, end in spans]
        if not spans:
            return doc
        body = body_case(doc, spans, self.stop_words, self.min_capitalised, self.suffixes)
        ents = list(doc.ents)
        for start, end in spans:
            words = sentence_cased(doc, start, end, body, self.stop_words, self.suffixes)
            if words != [t.text for t in doc[start:end]]:
                ents = _replace(doc, ents, start, end, self._entities(doc, start, end, words))
        doc.set_ents(ents)
        return doc

    def _entities(self, doc: Doc, start: int, end: int, words: list[str]) -> list[Span]:
        """The entities the ``rerun`` components find in the copy, as spans of ``doc``."""
        copy = Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc[start:end]])
        for name in self.rerun:
            copy = self.nlp.get_pipe(name)(copy)
        return [Span(doc, start + e.start, start + e.end, e.label, kb_id=e.kb_id, span_id=e.id) for e in copy.ents]


def _replace(doc: Doc, ents: list[Span], start: int, end: int, new: list[Span]) -> list[Span]:
    """``ents`` with those inside ``[start, end)`` replaced by ``new``; an entity reaching outside
    the span is kept, and new ones overlapping it are dropped."""
    outside = [e for e in ents if e.end <= start or e.start >= end]
    crossing = [e for e in ents if e.start < end and e.end > start and (e.start < start or e.end > end)]
    taken = {i for e in crossing for i in range(e.start, e.end)}
    kept = [e for e in new if not taken.intersection(range(e.start, e.end))]
    return sorted(outside + crossing + kept, key=lambda e: e.start)


@Language.factory(
    "headline_entities",
    default_config={"rerun": ["ner"], "max_words": 30, "min_capitalised": 0.75,
                    "suffixes": ["ing", "ies", "es", "ed", "s", "e", "y"]},
)
def make_headline_entities(nlp: Language, name: str, rerun: list[str], max_words: int, min_capitalised: float,
                           suffixes: list[str]) -> HeadlineEntities:
    """The ``headline_entities`` component (after the NER); ``rerun`` names the entity components
    to run on a headline's sentence-cased copy, in order."""
    return HeadlineEntities(nlp, rerun, max_words, min_capitalised, suffixes)
