"""The attribution frames: one small function per way English news attributes content to a source.

Each frame reads one parsed spaCy ``Doc`` and the finder's vocabulary (:class:`~helpers.quotes.speech.Speech`)
and yields :class:`Frame` s, token-level: the cue, the speaker's head (``None``: no speaker, "it
was reported that"), the content's first and last token. :func:`helpers.quotes.find_attributions`
runs them all, joins quotations to them and turns them into character offsets.

- :func:`verb_frames`: a reporting verb and its clause or complement: "X said (that) ...",
  "... , X said", "..., said X", "the plan, officials said, would ...", "X told reporters ...",
  "X accused Y of ...", "X denied ...", "..., saying ...", and the passive "it was reported that".
- :func:`according_frames`: "according to X, ...".
- :func:`channel_frames`: a channel of speech with no reporting verb: "In a statement, X condemned ...".
- :func:`colon_frames`: "Name: ..." (transcripts, headlines) and "X put it bluntly: \"...\"".
- :func:`noun_frames`: a reporting noun and its clause: "X's claim that ...", "a warning by X that ...".
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, NamedTuple

from helpers.quotes.speech import Speech
from helpers.text.doc_text import doc_text

if TYPE_CHECKING:  # spaCy (and torch under it) loads with the pipeline, not with helpers.quotes
    from spacy.tokens import Doc, Token

__all__ = ["Frame", "verb_frames", "according_frames", "channel_frames", "colon_frames", "noun_frames", "speaker_of",
           "FRAMES"]

#: Dependencies of a reporting verb's content clause.
CLAUSE_DEPS = ("ccomp", "csubjpass")
#: Dependencies of a reporting verb's other complements ("accused Y of ...", "warned of ...").
COMPLEMENT_DEPS = ("dobj", "xcomp", "prep", "dative", "oprd", "attr", "advcl", "acomp")
#: Pronouns that are no speaker ("it was reported that", "there were claims").
EXPLETIVES = frozenset({"it", "there"})
#: Entity labels of a speaker named before a colon ("Matthews: ...").
NAME_LABELS = frozenset({"PERSON", "ORG", "NORP"})
#: Prepositions of a channel of speech ("in a statement", "during an interview").
CHANNEL_PREPS = frozenset({"in", "during", "at", "on", "via"})


class Frame(NamedTuple):
    """One attribution found in the parse (token indices; ``speaker`` -1 when none)."""

    cue_start: int
    cue_end: int  #: exclusive
    speaker: int  #: the speaker's head token, -1 when none
    content_start: int
    content_end: int  #: exclusive
    pattern: str


def _lowercase(t: Token, headlines: list[tuple[int, int]]) -> bool:
    """A verb written in lower case, first in its sentence or in a Title Case headline (the
    ``headlines`` token ranges): "Said" elsewhere is a name."""
    return t.text[:1].islower() or t.is_sent_start or any(a <= t.i < b for a, b in headlines)


def _headlines(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the document's headline paragraphs (``doc.spans["headlines"]``)."""
    from helpers.actors.headlines import HEADLINES_KEY  # here: importing helpers.quotes loads no pipeline code

    return [(s.start, s.end) for s in doc.spans.get(HEADLINES_KEY, [])]


def speaker_of(verb: Token) -> Token | None:
    """The head of ``verb``'s speaker: its subject, through coordination, control, a participle
    ("..., saying") and relative clauses ("Smith, who said"); the agent of a passive ("was told
    by X"); the subject of an "as" clause on a verb with none ("to assert, as Moscow rushed to
    do, that"); ``None`` for an expletive ("it was reported") or when there is none."""
    t = verb
    for _ in range(5):
        if not any(c.dep_ in ("nsubj", "csubj", "nsubjpass", "agent") for c in t.children):
            for c in t.children:  # "to assert, as Moscow rushed to do, that ...": the "as" clause's subject
                subj = _as_subject(c)
                if subj is not None:
                    return subj
        for c in t.children:
            if c.dep_ in ("nsubj", "csubj"):
                if c.tag_ in ("WP", "WDT") and t.dep_ == "relcl":
                    return t.head
                return None if c.lower_ in EXPLETIVES else c
            if c.dep_ == "nsubjpass":
                return None  # "it was reported that", "X is said to have ..."
            if c.dep_ == "agent":
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return obj
        if t.dep_ in ("conj", "xcomp", "advcl", "pcomp") and t.head.i != t.i:
            t = t.head if t.dep_ != "pcomp" else t.head.head
        elif t.dep_ == "acl" and t.head.pos_ in ("NOUN", "PROPN"):
            return t.head  # "a spokesman speaking on condition of anonymity"
        else:
            return None
    return None


def _edges(t: Token) -> tuple[int, int]:
    return t.left_edge.i, t.right_edge.i + 1


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without leading or trailing spaces and punctuation other than quotation marks."""
    while start < end and (doc[start].is_space or (doc[start].is_punct and not doc[start].is_quote)):
        start += 1
    while end > start and (doc[end - 1].is_space or (doc[end - 1].is_punct and not doc[end - 1].is_quote)):
        end -= 1
    return start, end


def _circumstance(prep: Token, speech: Speech) -> bool:
    """A prepositional phrase of time, place or channel, not content: "on Tuesday", "in a
    statement", "at a rally", "after the vote" (but "commented on the ruling" is content)."""
    if prep.lower_ in ("after", "before", "since", "during", "via", "at", "in"):
        return True
    obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    return obj is None or obj.ent_type_ in ("DATE", "TIME") or obj.lemma_.lower() in speech.channels


def _content(verb: Token, speech: Speech, speaker: Token | None) -> tuple[int, int] | None:
    """The content of a reporting verb: its clause, else (not for clause-only verbs) its
    complements after the addressee; else, for a verb set in another clause ("the plan,
    officials said, would cost ...", "as the minister noted, the talks failed"), that clause."""
    lemma = verb.lemma_.lower()
    clauses = [c for c in verb.children if c.dep_ in CLAUSE_DEPS and c.i != getattr(speaker, "i", -1)]
    if clauses:
        return min(_edges(c)[0] for c in clauses), max(_edges(c)[1] for c in clauses)
    if verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX"):
        return _edges(verb.head)
    if (verb.dep_ == "advcl" and verb.head.pos_ in ("VERB", "AUX")
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
            and not any(c.dep_ in COMPLEMENT_DEPS and c.i > verb.i for c in verb.children)):
        return _edges(verb.head)  # "As the minister noted, the talks failed." (not "as they announced an offensive")
    if lemma in speech.clause_only:
        return None
    if lemma in speech.aspect and any(c.dep_ == "xcomp" for c in verb.children):
        return None  # "continued to attack others": an aspect, not speech
    comps = [c for c in verb.children if c.dep_ in COMPLEMENT_DEPS and c.i > verb.i]
    if lemma in speech.addressee and comps and comps[0].dep_ in ("dobj", "dative"):
        comps = comps[1:]  # "told reporters", "warned residents": the addressee
    comps = [c for c in comps if not (c.dep_ == "prep" and _circumstance(c, speech))
             and not (c.dep_ == "advcl" and c.tag_ != "VBG")]
    if not comps:
        return None
    return _edges(comps[0])[0], max(_edges(c)[1] for c in comps)


def _stray_clause(verb: Token) -> Token | None:
    """A "that" clause right after ``verb`` in its sentence that the parser attached elsewhere
    (the head of a clause marked "that" whose own head is not ``verb``), or ``None``."""
    for t in verb.doc[verb.i + 1 : verb.sent.end]:
        if t.dep_ == "mark" and t.lower_ == "that" and t.head.i > verb.i and t.head.dep_ in ("advcl", "ccomp"):
            return t.head if t.head.head.i != verb.i else None
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("advcl", "xcomp", "aux") and t.i != verb.i:
            return None
    return None


def _as_subject(clause: Token) -> Token | None:
    """The subject of ``clause`` when it is an "as" clause ("as Moscow rushed to do"), else ``None``."""
    if clause.dep_ != "advcl" or not any(g.dep_ == "mark" and g.lower_ == "as" for g in clause.children):
        return None
    subj = next((g for g in clause.children if g.dep_ == "nsubj"), None)
    return subj if subj is not None and subj.lower_ not in EXPLETIVES else None


def _as_clause_subject(sent, lo: int, hi: int) -> Token | None:
    """The subject of an "as" clause between tokens ``lo`` and ``hi`` of ``sent``."""
    return next((s for t in sent if lo < t.i < hi and (s := _as_subject(t)) is not None), None)


def _in_frame(verb: Token, frame: dict) -> bool:
    """Is ``verb`` in its speech frame: with one of its particles ("pointed out"), prepositions
    ("called for", "described X as") or, with ``predicate``, an object's predicate ("called the
    plan a disaster")?"""
    for c in verb.children:
        if c.dep_ == "prt" and c.lower_ in frame["particles"]:
            return True
        if c.dep_ == "prep" and c.lower_ in frame["preps"] and not any(
                g.ent_type_ in ("DATE", "TIME") for g in c.children):  # "called a meeting for Friday"
            return True
        if c.dep_ == "dobj" and any(g.dep_ == "prep" and g.lower_ == "as" and "as" in frame["preps"]
                                    for g in c.children):
            return True  # "described the plan as reckless"
        if frame["predicate"] and c.dep_ in ("oprd", "ccomp", "xcomp"):
            return True
    return False


def verb_frames(doc: Doc, speech: Speech) -> Iterator[Frame]:
    """Reporting verbs with their speaker and content (see the module docstring). A verb with a
    speaker and no content in the parse ("..." he told the BBC in May.) comes with content
    ``(-1, -1)``: the quotation beside it becomes its content, or it is dropped."""
    headlines = _headlines(doc)
    for t in doc:
        if t.pos_ not in ("VERB", "AUX") or t.lemma_.lower() not in speech.verbs or not _lowercase(t, headlines):
            continue
        if t.dep_ == "amod" or (t.tag_ == "VBN" and t.dep_ == "acl"):
            continue  # "the reported deaths", "the statement issued on Monday"
        if t.lemma_.lower() in speech.frame_only and not _in_frame(t, speech.frame_only[t.lemma_.lower()]):
            continue  # "called a meeting", "described the scene": not their speech frame
        speaker = speaker_of(t)
        span = _content(t, speech, speaker)
        if span is None:
            stray = _stray_clause(t)
            if stray is not None:  # "no grounds to assert, as Moscow rushed to do, that ..."
                span = _edges(stray)
                speaker = speaker or _as_clause_subject(t.sent, t.i, stray.i)
        if span is None and (speaker is None or t.lemma_.lower() in speech.clause_only):
            continue
        span = span or (-1, -1)
        end = t.i + 1
        if any(c.dep_ == "prt" and c.i == end for c in t.children):
            end += 1  # "pointed out"
        yield Frame(t.i, end, speaker.i if speaker is not None else -1, *span, "verb")


def according_frames(doc: Doc, speech: Speech) -> Iterator[Frame]:
    """"According to X": the cue the two words, the speaker X, the content the rest of the clause."""
    for t in doc:
        if t.lower_ != "according":
            continue
        to = next((c for c in t.children if c.lower_ == "to"), None)
        obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if obj is None:
            continue
        sent = t.sent
        a, b = _edges(t)
        head = t.head if t.head.i != t.i else t
        lo, hi = _edges(head)
        lo, hi = max(lo, sent.start), min(hi, sent.end)
        if a <= lo:  # the phrase opens the clause: the content follows it
            lo = b
        elif b >= hi:  # the phrase closes it
            hi = a
        lo, hi = _trim(doc, lo, hi)
        if hi > lo:
            yield Frame(t.i, to.i + 1, obj.i, lo, hi, "according")


def channel_frames(doc: Doc, speech: Speech) -> Iterator[Frame]:
    """A channel of speech ("in a statement", "during an interview") on a verb that is no
    reporting verb: the phrase is the cue, the verb's subject the speaker, its predicate the content."""
    for t in doc:
        if t.dep_ != "prep" or t.lower_ not in CHANNEL_PREPS:
            continue
        obj = next((c for c in t.children if c.dep_ == "pobj"), None)
        verb = t.head
        if obj is None or obj.lemma_.lower() not in speech.channels or verb.pos_ not in ("VERB", "AUX"):
            continue
        if verb.lemma_.lower() in speech.verbs:
            continue  # "said in a statement": the verb frame
        speaker = speaker_of(verb)
        if speaker is None:
            continue
        a, b = _edges(t)
        lo = max(speaker.right_edge.i + 1, verb.i) if speaker.i < verb.i else verb.i
        hi = verb.right_edge.i + 1
        lo, hi = _trim(doc, lo, hi)
        if a >= lo and b <= hi and a == lo:
            lo = b
        if hi > lo:
            yield Frame(a, b, speaker.i, lo, hi, "channel")


def colon_frames(doc: Doc, speech: Speech) -> Iterator[Frame]:
    """A colon that attributes what follows it, to the end of its paragraph: after a speaker's name
    opening a sentence (a transcript's "Matthews: Well, ...", a headline's "Sanders: 'Not A
    Radical Idea'": a name the NER tagged, no verb), or after a clause whose subject is the speaker
    when a quotation opens right after it ("Clinton put it bluntly: \"We will win.\"")."""
    text = doc_text(doc)
    for t in doc:
        if t.text != ":":
            continue
        before = [x for x in doc[t.sent.start : t.i] if not x.is_space]
        after = next((x for x in doc[t.i + 1 :] if not x.is_space), None)
        if not before or after is None:
            continue
        end = text.find("\n\n", t.idx)
        end = len(text) if end < 0 else end
        last = next((k for k in range(after.i, len(doc)) if doc[k].idx >= end), len(doc))
        verbs = [x for x in before if x.pos_ in ("VERB", "AUX")]
        if not verbs and len(before) <= 6 and before[-1].ent_type_ in NAME_LABELS:
            yield Frame(t.i, t.i + 1, before[-1].i, after.i, last, "colon")
        elif verbs and after.is_quote and verbs[-1].lemma_.lower() not in speech.verbs:
            speaker = speaker_of(verbs[-1])
            if speaker is not None:
                yield Frame(t.i, t.i + 1, speaker.i, after.i, last, "colon")


def noun_frames(doc: Doc, speech: Speech) -> Iterator[Frame]:
    """A reporting noun with a "that" clause and a speaker: "the ministry's claim that ...", "a
    warning by the police that ...", "X built a case that ..." (the subject of the verb whose
    object the noun is); a noun with no speaker is no row."""
    for t in doc:
        if t.pos_ != "NOUN" or t.lemma_.lower() not in speech.nouns:
            continue
        clause = next((c for c in t.children if c.dep_ in ("acl", "ccomp", "appos") and c.i > t.i
                       and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)
        if clause is None:
            continue
        speaker = next((c for c in t.children if c.dep_ == "poss"), None)
        if speaker is None:
            by = next((c for c in t.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
            speaker = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
        if speaker is None and t.dep_ in ("dobj", "attr") and t.head.pos_ in ("VERB", "AUX"):
            speaker = speaker_of(t.head)  # "started building a public case that ...": the builder
        if speaker is None:
            continue
        yield Frame(t.i, t.i + 1, speaker.i, *_edges(clause), "noun")


#: The frames :func:`helpers.quotes.find_attributions` runs, in order (an earlier frame's cue wins).
FRAMES = (verb_frames, according_frames, channel_frames, colon_frames, noun_frames)
