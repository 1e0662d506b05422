"""The blame cue lexicon: the words and frames every cue extractor reads (``lexicon.yml``).

:data:`BLAME_LEXICON` is the lexicon shipped with the package; :meth:`Lexicon.load` reads one
(the path is always passed: the lexicon is a resource, chosen by the caller). Reported speech is
not in it: whose word a blame statement is comes from the attribution finder of
:mod:`helpers.quotes` (the quotes table's), whose vocabulary, read from :data:`helpers.quotes.SPEECH`,
the lexicon carries as :attr:`Lexicon.speech`.

An entry the :class:`Lexicon` has no field for (the words of a new cue kind, say) is kept in
:attr:`Lexicon.extra` and read with :meth:`Lexicon.words`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import cached_property, lru_cache
from pathlib import Path

from helpers.datafiles import read_yaml
from helpers.paths import package_file
from helpers.quotes import SPEECH, Speech, load_speech

__all__ = ["BLAME_LEXICON", "Lexicon"]

#: The blame lexicon shipped with the package.
BLAME_LEXICON: Path = package_file("helpers.blame", "lexicon.yml")

#: Fields read from the reported-speech file (:mod:`helpers.quotes`), not from the lexicon.
_SPEECH_FIELDS = ("speech",)
#: Entries an older lexicon had that now live in the reported-speech file.
_MOVED = ("reporting_verbs", "reporting_nouns", "quotation_marks")


def _split(value) -> frozenset[str]:
    if isinstance(value, str):
        return frozenset(value.split())
    return frozenset(value or ())


@dataclass(frozen=True)
class Lexicon:
    """The entries of ``lexicon.yml`` (word lists as frozensets, phrases as word tuples, frames as
    mappings), the attribution finder's vocabulary of ``helpers/quotes/speech.yml`` (``speech``),
    and any other entry of the file in :attr:`extra`."""

    explicit_verbs: dict
    explicit_nouns: dict
    responsibility_nouns: frozenset[str]
    responsibility_adjectives: frozenset[str]
    responsibility_verbs: frozenset[str]
    causal_markers: tuple[tuple[str, ...], ...]
    agency_verbs: frozenset[str]
    agency_nouns: frozenset[str]
    agency_light_verbs: frozenset[str]
    victim_verbs: frozenset[str]
    criticism_verbs: frozenset[str]
    criticism_nouns: frozenset[str]
    criticism_adjectives: frozenset[str]
    criticism_phrases: tuple[tuple[str, ...], ...]
    denial_verbs: frozenset[str]
    stance_rejected: tuple[str, ...]
    stance_endorsed: tuple[str, ...]
    pronouns: dict[str, frozenset[str]]
    member_nouns: frozenset[str]
    jurisdiction_verbs: frozenset[str]
    combat_nouns: frozenset[str]
    act_modifiers: frozenset[str]
    characterization_verbs: frozenset[str]
    characterization_words: frozenset[str]
    hypothetical_modals: frozenset[str]
    background_marks: frozenset[str]
    #: the attribution finder's vocabulary (:func:`helpers.quotes.load_speech`, ``quotes``): a blame
    #: statement inside reported content is the speaker's (:mod:`helpers.blame.attribution`)
    speech: Speech
    #: entries of the file with no field here (a new cue kind's words): word lists as frozensets,
    #: mappings as they are
    extra: dict = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | Path, speech: str | Path = SPEECH) -> "Lexicon":
        """Read the lexicon file ``path`` (e.g. :data:`BLAME_LEXICON`), with the attribution
        finder's vocabulary of the reported-speech file ``speech``; loaded once per process."""
        return _load_lexicon(str(path), str(speech))

    def act_form(self, lower: str) -> bool:
        """Does the lower-cased word form name a harmful act ("airstrikes", "shelling"), as written
        or without a plural s? (The lemma is checked against ``agency_nouns`` separately.)"""
        return lower in self.agency_nouns or lower.rstrip("s") in self.agency_nouns

    def words(self, name: str) -> frozenset[str]:
        """The words of the entry ``name``: a field or property of the lexicon, or an entry of
        :attr:`extra` (a mapping's keys)."""
        value = getattr(self, name) if name in self._attributes() else self.extra[name]
        return frozenset(value)

    @classmethod
    @lru_cache(maxsize=None)
    def _attributes(cls) -> frozenset[str]:
        return frozenset(f.name for f in fields(cls)) | frozenset(
            k for k, v in vars(cls).items() if isinstance(v, cached_property))

    @cached_property
    def responsibility_words(self) -> frozenset[str]:
        return self.responsibility_nouns | self.responsibility_adjectives

    @cached_property
    def criticism_phrase_heads(self) -> frozenset[str]:
        return frozenset(p[0] for p in self.criticism_phrases)


@lru_cache(maxsize=4)
def _load_lexicon(path: str, speech: str) -> Lexicon:
    """Read the lexicon: word lists (strings or lists) become frozensets, phrase lists tuples of
    words, the frames stay mappings; every field of :class:`Lexicon` must be in the file (but
    ``speech``, from the reported-speech file)."""
    d = read_yaml(path)
    phrases = {"causal_markers", "criticism_phrases"}
    kept = {"explicit_verbs", "explicit_nouns"}
    ordered = {"stance_rejected", "stance_endorsed"}
    for name in _MOVED:
        if name in d:
            raise ValueError(f"{path}: {name!r} is read from {speech} (helpers.quotes, the attribution finder "
                             "shared by the quotes table, blame and sentiment), not from the blame lexicon: move "
                             "the entries there (marked `quotes`).")
    values = {"speech": load_speech("quotes", speech)}
    names = {f.name for f in fields(Lexicon)}
    for f in fields(Lexicon):
        if f.name in _SPEECH_FIELDS or f.name == "extra":
            continue
        if f.name not in d:
            raise ValueError(f"{path}: no entry {f.name!r}. "
                             "Restore it with `git checkout -- src/helpers/blame/lexicon.yml`.")
        v = d[f.name]
        if f.name in kept:
            values[f.name] = v
        elif f.name in phrases:
            values[f.name] = tuple(tuple(p.split()) for p in v)
        elif f.name in ordered:
            values[f.name] = tuple(v)
        elif f.name == "pronouns":
            values[f.name] = {k: _split(x) for k, x in v.items()}
        else:
            values[f.name] = _split(v)
    values["extra"] = {k: v if isinstance(v, dict) else _split(v) for k, v in d.items() if k not in names}
    return Lexicon(**values)
