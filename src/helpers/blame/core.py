"""Blame attribution: who blames whom, for what, on whose word.

Sentence-level extraction on spaCy's dependency parse of a document processed by
:func:`helpers.actors.actor_pipeline`, with the cue lexicon in ``data/blame_lexicon.yml``
(PETRARCH2/CAMEO 11x verbs with their source/target slots, the PLOVER ACCUSE frames, the Liang et
al. blame keywords, extended). The guideline the rows follow is ``docs/annotation/blame.md``:

``kind``
    ``explicit`` (a blame word: "blamed the strike on Russia", "accusations against", "bears the
    responsibility for", "due to violations by"), ``agency`` (the text says the target did a
    harmful act: "Russian jets struck the convoy", "shelling by government forces"), or
    ``criticism`` (an evaluative attack on the target's conduct: "strains credulity", "had all
    the incentives to torpedo", "its intransigence").
``attribution``
    ``reported`` when a reporting frame puts the blame in a party's mouth (the subject of "said",
    "claimed", "accused", a "public case that", "according to", "as Moscow rushed to do"), the
    party being the ``blamer``; otherwise ``author``.
``stance``
    for reported blame, ``rejected`` when the author discredits it ("there were no grounds to
    assert"), ``endorsed`` when the author affirms it ("rightly"), else ``none``.

Every row carries its evidence: document, sentence, the cue's, the blamed's and the blamer's
character offsets in the clean text, and raw offsets when the clean document is given.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass, fields
from functools import cached_property, lru_cache
from pathlib import Path

import pandas as pd
import yaml
from spacy.tokens import Doc, Span, Token

from helpers.actors.entities import MENTIONS_KEY, Catalog, _strip
from helpers.paths import package_file

__all__ = ["BLAME_COLUMNS", "Lexicon", "extract_blame", "blame_table", "responsible", "RESPONSIBLE_COLUMNS"]

BLAME_COLUMNS = [
    "doc_id", "sent_id", "sentence", "blamer", "blamed", "blamer_root", "blamed_root", "blamer_id", "blamed_id",
    "kind", "attribution", "stance", "denied", "cue", "issue", "sent_start", "sent_end", "cue_start", "cue_end",
    "blamed_start", "blamed_end", "blamer_start", "blamer_end", "issue_start", "issue_end", "raw_cue_start",
    "raw_cue_end", "raw_sent_start", "raw_sent_end",
]
AUTHOR = "author"
_KIND_ORDER = {"explicit": 0, "agency": 1, "criticism": 2}
_NP_DEPS = {"compound", "amod", "poss", "nmod", "appos", "conj", "npadvmod", "cc", "case"}
_SUBJ = ("nsubj", "nsubjpass", "csubj")


def _split(value) -> frozenset[str]:
    if isinstance(value, str):
        return frozenset(value.split())
    return frozenset(value or ())


@dataclass(frozen=True)
class Lexicon:
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
    reporting_verbs: frozenset[str]
    reporting_nouns: frozenset[str]
    denial_verbs: frozenset[str]
    stance_rejected: tuple[str, ...]
    stance_endorsed: tuple[str, ...]
    pronouns: dict[str, frozenset[str]]
    member_nouns: frozenset[str] = frozenset()
    jurisdiction_verbs: frozenset[str] = frozenset()
    combat_nouns: frozenset[str] = frozenset()
    act_modifiers: frozenset[str] = frozenset()
    characterization_verbs: frozenset[str] = frozenset()
    characterization_words: frozenset[str] = frozenset()
    hypothetical_modals: frozenset[str] = frozenset()
    background_marks: frozenset[str] = frozenset()

    @classmethod
    def load(cls, path: str | Path | None = None) -> "Lexicon":
        return _load_lexicon(str(path or package_file("helpers.blame", "lexicon.yml")))

    def act_form(self, lower: str) -> bool:
        """Does the lower-cased word form name a harmful act ("airstrikes", "shelling"), as written
        or without a plural s? (The lemma is checked against ``agency_nouns`` separately.)"""
        return lower in self.agency_nouns or lower.rstrip("s") in self.agency_nouns

    @cached_property
    def responsibility_words(self) -> frozenset[str]:
        return self.responsibility_nouns | self.responsibility_adjectives

    @cached_property
    def criticism_phrase_heads(self) -> frozenset[str]:
        return frozenset(p[0] for p in self.criticism_phrases)

    @cached_property
    def cue_lemmas(self) -> frozenset[str]:
        """Every lemma a cue can have: a token whose lemma is not here, and whose form is not an
        act noun, starts no blame statement (:func:`_cues` skips it without looking further)."""
        return frozenset().union(self.explicit_verbs, self.explicit_nouns, self.responsibility_words,
                                 self.agency_verbs, self.agency_light_verbs, self.agency_nouns,
                                 self.characterization_verbs, self.criticism_verbs, self.criticism_nouns,
                                 self.criticism_adjectives, self.criticism_phrase_heads)


@lru_cache(maxsize=4)
def _load_lexicon(path: str) -> Lexicon:
    """Read the lexicon: word lists (strings or lists) become frozensets, phrase lists tuples of
    words, the frames stay mappings; every field of :class:`Lexicon` must be in the file."""
    with open(path, encoding="utf-8") as fh:
        d = yaml.safe_load(fh)
    phrases = {"causal_markers", "criticism_phrases"}
    kept = {"explicit_verbs", "explicit_nouns"}
    ordered = {"stance_rejected", "stance_endorsed"}
    values = {}
    for f in fields(Lexicon):
        if f.name not in d:
            raise ValueError(f"{path}: no entry {f.name!r}. Restore it with `git checkout -- data/blame_lexicon.yml`.")
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
    return Lexicon(**values)


# ------------------------------------------------------------------------------------------
# Mentions and noun phrases
# ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Mention:
    start: int  # token offsets
    end: int
    actor_id: str
    name: str
    root: str
    label: str
    start_char: int
    end_char: int


class _Doc:
    """A parsed document with its actor mentions indexed by token."""

    def __init__(self, doc: Doc, catalog: Catalog, lex: Lexicon):
        self.doc, self.cat, self.lex = doc, catalog, lex
        self.sent_starts = [s.start for s in doc.sents]
        info = doc.user_data.get(MENTIONS_KEY, {})
        self.mentions: list[_Mention] = []
        self.by_token: dict[int, _Mention] = {}
        self.groups: dict[int, _Mention] = {}
        names = {}
        for ent in doc.ents:
            meta = info.get((ent.start_char, ent.end_char), {})
            if meta.get("kind") == "group":  # nationalities: blamers/targets of explicit cues only
                name = _strip(ent.text, catalog)
                g = _Mention(ent.start, ent.end, "", name, name, ent.label_,
                             ent.start_char, ent.end_char)
                for i in range(ent.start, ent.end):
                    self.groups[i] = g
                continue
            if meta.get("kind") != "actor":
                continue
            aid = ent.ent_id_ if ent.ent_id_ in catalog else ""
            if aid:
                name, root = catalog.name(aid), catalog.name(catalog.root(aid))
            else:
                name = names.setdefault(ent.text, _strip(ent.text, catalog))
                root = name
            m = _Mention(ent.start, ent.end, aid, name, root, ent.label_, ent.start_char, ent.end_char)
            self.mentions.append(m)
            for i in range(ent.start, ent.end):
                self.by_token[i] = m

    # ----- noun phrases -----------------------------------------------------------------------
    def np_actors(self, head: Token | None) -> list[_Mention]:
        """Actors named in the noun phrase headed by ``head``: the head's own mention, and those
        reached through modifiers, possessors, appositions and coordination (not through
        prepositional phrases or clauses, which name other participants)."""
        if head is None:
            return []
        out: list[_Mention] = []
        stack, seen = [head], set()
        while stack:
            t = stack.pop()
            if t.i in seen:
                continue
            seen.add(t.i)
            m = self.by_token.get(t.i) or self.pronoun(t)
            if m is not None and m not in out:
                out.append(m)
            for c in t.children:
                if c.dep_ == "amod" and c.tag_ == "VBN":
                    continue  # "Britain-based monitor", "US-backed fighters": not who the phrase names
                if c.dep_ in _NP_DEPS:
                    stack.append(c)
                elif c.dep_ == "prep" and c.lower_ in ("of", "from") and t.lemma_.lower() in self.lex.member_nouns:
                    stack += [g for g in c.children if g.dep_ == "pobj"]  # "militants from X"
        return sorted(out, key=lambda m: m.start)

    def np_party(self, head: Token | None, phrase: bool = True) -> list[_Mention]:
        """For the roles of an explicit blame word (whose subject surely blames and whose object
        is surely blamed): the actors of the noun phrase, else a nationality in it ("a Saudi
        businessman"), else (``phrase``, for blamers) the phrase itself as an unnamed party ("a
        human rights group")."""
        found = self.np_actors(head)
        if found or head is None or head.pos_ not in ("NOUN", "PROPN"):
            return found
        left = [t for t in head.subtree if t.i <= head.i and t.dep_ not in ("det", "punct", "poss", "predet")]
        groups = [self.groups[t.i] for t in left if t.i in self.groups]
        if groups:
            return groups[:1]
        if not phrase:
            return []
        toks = [t for t in left if t.i >= min(x.i for x in left)] if left else [head]
        span = head.doc[toks[0].i : head.i + 1]
        return [_Mention(span.start, span.end, "", span.text, span.text, "NOUN", span.start_char, span.end_char)]

    def pronoun(self, t: Token) -> _Mention | None:
        """The actor a personal pronoun refers to: the nearest preceding actor of the right kind
        in this or the two previous sentences."""
        word = t.lower_
        lex = self.lex.pronouns
        if t.pos_ not in ("PRON", "DET") or not any(word in v for v in lex.values()):
            return None
        if word == "it" and t.dep_ in ("nsubj", "expl") and any(c.dep_ in ("ccomp", "xcomp") for c in t.head.children) \
                and t.head.lemma_ in ("be", "appear", "seem", "look", "remain"):
            return None  # expletive "it is hard to", "it appears that"
        k = bisect_right(self.sent_starts, t.i) - 1
        floor = self.sent_starts[max(0, k - 2)]
        for m in reversed(self.mentions):
            if m.end > t.i or m.start < floor:
                continue
            is_person = m.label == "PERSON"
            if word in lex["person"] and is_person:
                return m
            if word in lex["thing"] and not is_person:
                return m
            if word in lex["plural"] and not is_person:
                return m
        return None

    def agent_of_act(self, noun: Token) -> list[_Mention]:
        """Who did the act a noun names: "shelling by government forces", "Russia's strikes",
        "Russian airstrikes", "regime bombardment", "rockets fired by Russian jets"."""
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in ("by", "from"):  # "shelling by X", "rocket fire from X"
                objs = [g for g in c.children if g.dep_ == "pobj"]
                found = self.np_actors(objs[0]) if objs else []
                if found:
                    return found
            if c.dep_ == "acl" and c.pos_ == "VERB":
                agent = _pobj(_child(c, ("agent",)))
                if agent is not None:
                    return self.np_actors(agent)
        out = []
        for c in noun.children:
            if c.dep_ in ("poss", "compound", "amod", "nmod"):
                out += self.np_actors(c)
        if noun.i in self.by_token:
            out.append(self.by_token[noun.i])
        return out

    def subject(self, verb: Token) -> tuple[list[_Mention], Token | None]:
        """Actors of ``verb``'s subject, climbing through coordination, control and relative
        clauses when the verb has none of its own ("... and blocked aid", "the incentives to
        torpedo", "the U.S. which has failed")."""
        t = verb
        for _ in range(6):
            subj = next((c for c in t.children if c.dep_ in ("nsubj", "csubj")), None)
            if subj is not None:
                if subj.tag_ in ("WDT", "WP") and t.dep_ == "relcl":
                    return self.np_actors(t.head), t.head
                if self.is_act(subj):  # "shelling by government forces killed 12"
                    return self.agent_of_act(subj), subj
                return self.np_actors(subj), subj
            if t.dep_ in ("conj", "xcomp", "advcl") and t.head.i != t.i:
                t = t.head
            elif t.dep_ == "pcomp" and t.head.lower_ == "by":  # "did X by escalating ..."
                t = t.head.head
            elif t.dep_ == "amod" and t.head.dep_ == "pobj" and t.head.head.lower_ == "by":  # "by escalating levels"
                t = t.head.head.head
            elif t.dep_ in ("acl", "relcl") and t.head.i != t.i:
                head = t.head
                if head.dep_ in ("dobj", "attr", "pobj") and head.head.pos_ in ("VERB", "AUX"):
                    t = head.head  # "had all the incentives to torpedo": the haver
                else:
                    return self.np_actors(head), head  # "statements blaming Washington"
            else:
                break
        return [], None

    def is_act(self, t: Token) -> bool:
        return t.pos_ in ("NOUN", "PROPN") and (t.lemma_.lower() in self.lex.agency_nouns or self.lex.act_form(t.lower_))


def _negated(t: Token) -> bool:
    return any(c.dep_ == "neg" for c in t.children)


def _hypothetical(t: Token, lex: Lexicon) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in lex.hypothetical_modals for c in t.children)


def _passive(t: Token, reduced: bool = False) -> bool:
    """A passive verb; with ``reduced``, also a participle modifying a noun ("31 people killed in
    shelling")."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in t.children) or (reduced and t.tag_ == "VBN" and t.dep_ == "acl")


def _child(t: Token, deps: tuple[str, ...], word: str | None = None) -> Token | None:
    for c in t.children:
        if c.dep_ in deps and (word is None or c.lower_ == word):
            return c
    return None


def _pobj(prep: Token | None) -> Token | None:
    if prep is None:
        return None
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)


def _span_of(d: "_Doc", t: Token | None) -> Span | None:
    """The phrase headed by ``t`` (an issue span); a relative pronoun stands for its antecedent."""
    if t is None:
        return None
    if t.tag_ in ("WDT", "WP") and t.head.dep_ == "relcl":
        antecedent = _antecedent(d, t.head)
        if antecedent is not None:
            return antecedent
    toks = list(t.subtree)
    return t.doc[toks[0].i : toks[-1].i + 1]


def _antecedent(d: "_Doc", relcl: Token) -> Span | None:
    """The noun phrase a relative clause modifies, without the clause: for "The air strike on the
    UN convoy near Aleppo, which Washington blamed on ...", "The air strike on the UN convoy near
    Aleppo". The parser often attaches the clause to the last noun ("Aleppo"), so unless that noun
    is an act ("attack", "shelling": what blame is for), the phrase is taken from the noun its
    prepositional phrases hang from, up to the first act noun."""
    n = relcl.head
    if n.pos_ not in ("NOUN", "PROPN"):
        return None
    while (not d.is_act(n) and n.dep_ == "pobj" and n.head.dep_ == "prep"
           and n.head.head.pos_ in ("NOUN", "PROPN")):
        n = n.head.head
    start, end = n.left_edge.i, relcl.left_edge.i
    while end > start and (n.doc[end - 1].is_punct or n.doc[end - 1].is_space):
        end -= 1
    return n.doc[start:end] if end > start else None


# ------------------------------------------------------------------------------------------
# Extraction
# ------------------------------------------------------------------------------------------
@dataclass
class _Row:
    kind: str
    cue: Token
    targets: list[_Mention]
    blamer: list[_Mention] | None = None  # explicit verbs: their own subject
    issue: Span | None = None
    cue_end: int | None = None  # token index after the cue (multi-word cues)


def _adjacent_acts(d: _Doc, sent: Span) -> list[_Row]:
    """Parse-independent agency: an actor right before an act noun ("Syrian government shelling",
    "Russian airstrikes", "regime barrel bomb attacks") or right after "<act> by" ("airstrikes by
    Russian forces"). Text without commas (FA-KES) often defeats the parser on exactly these.
    Before the act only catalog actors count: without the parse, an uncatalogued name there is
    as often a weapon ("Katyusha rockets"), a byline or a headline fragment as a party; after
    "<act> by" any actor does (the preposition marks the agent)."""
    rows, nouns, doc = [], d.lex.agency_nouns, d.doc
    acts = set()
    for t in sent:  # an act noun by its form, or by its lemma unless capitalised past the sentence start
        if d.lex.act_form(t.lower_) or ((not t.is_title or t.i > sent.start) and t.lemma_.lower() in nouns):
            acts.add(t.i)
    # only catalog actors before the act: the position is also where bylines, places, weapons
    # and headline fragments stand ("Najla Habriri \"Chemical\" Massacre", "Katyusha rockets").
    # Mentions in text order (a set of them would iterate in hash order, which changes with
    # PYTHONHASHSEED and would change which of two rows for the same pair is kept).
    for m in (m for m in d.mentions if sent.start <= m.start < sent.end and m.actor_id):
        j = m.end
        # skip modifiers of the act ("barrel bomb", "air", "deadly", "overnight"), not other nouns
        # ("Syria evacuees bombing": the evacuees are not an act)
        while j < sent.end and j - m.end <= 3 and j not in acts and j not in d.by_token and (
                doc[j].pos_ == "ADJ" or doc[j].lower_ in d.lex.act_modifiers or doc[j].text == "-"):
            j += 1
        if j < sent.end and j in acts and not _negated(doc[j]) and not _under_explicit(d, doc[j]):
            rows.append(_Row("agency", doc[j], [m]))
    for i in sorted(acts):
        if i + 1 < sent.end and doc[i + 1].lower_ == "by" and not _under_explicit(d, doc[i]):
            for k in range(i + 2, min(i + 6, sent.end)):
                if k in d.by_token:
                    rows.append(_Row("agency", doc[i], [d.by_token[k]]))
                    break
    return rows


def _cues(d: _Doc, sent: Span) -> list[_Row]:
    lex, rows = d.lex, _adjacent_acts(d, sent)
    for t in sent:
        lemma = t.lemma_.lower()
        if lemma not in lex.cue_lemmas and not lex.act_form(t.lower_):
            continue  # no cue here (most tokens): see Lexicon.cue_lemmas
        if t.pos_ == "VERB" and lemma in lex.explicit_verbs and not _negated(t):
            rows += _explicit_verb(d, t, lex.explicit_verbs[lemma] or {})
        elif t.pos_ in ("NOUN", "PROPN") and lemma in lex.explicit_nouns:
            rows += _explicit_noun(d, t, lex.explicit_nouns[lemma] or {})
        if lemma in lex.responsibility_words:
            rows += _responsibility(d, t)
        if t.pos_ == "VERB" and not _negated(t) and not _hypothetical(t, lex):
            if lemma in lex.agency_verbs:
                rows += _agency_verb(d, t)
            elif lemma in lex.agency_light_verbs:
                obj = _child(t, ("dobj",))
                if obj is not None and d.is_act(obj):
                    subj, _ = d.subject(t)
                    rows.append(_Row("agency", t, subj, issue=_span_of(d, obj)))
        if d.is_act(t) and t.dep_ not in ("nsubj", "nsubjpass") and not _under_explicit(d, t):
            rows += _agency_noun(d, t)
        if not _negated(t):
            rows += _criticism(d, t)
    return rows


def _explicit_verb(d: _Doc, v: Token, frame: dict) -> list[_Row]:
    issue_preps = set(str(frame.get("issue", "")).split())
    target_preps = set(str(frame.get("target_preps", "")).split())
    issue = None
    for c in v.children:
        if c.dep_ == "prep" and c.lower_ in issue_preps:
            issue = _span_of(d, _pobj(c)) or issue
    if _passive(v):
        targets = d.np_party(_child(v, ("nsubjpass",)), phrase=False)
        agent = _pobj(_child(v, ("agent",)))
        if agent is None:  # the "by" phrase attached further down: "accused of misusing funds ... by officials"
            by = next((t for t in v.subtree if t.dep_ in ("agent", "prep") and t.lower_ == "by" and t.i > v.i), None)
            agent = _pobj(by)
        blamer = d.np_party(agent) if agent is not None else []
        if not blamer and v.lemma_.lower() in d.lex.jurisdiction_verbs:  # "arrested in Lebanon"
            blamer = d.np_actors(_pobj(_child(v, ("prep",), "in"))) or []
    else:
        subj, subj_tok = d.subject(v)
        blamer = subj or d.np_party(subj_tok)
        targets = []
        for c in v.children:
            if c.dep_ == "prep" and c.lower_ in target_preps:  # "blamed C on B"
                targets = d.np_party(_pobj(c), phrase=False)
                issue = _span_of(d, _child(v, ("dobj",)))
        if not targets:
            obj = _child(v, ("dobj",))
            if obj is None:  # "denounced as an ugly crime Serbia's suppression of ..."
                as_obj = _pobj(_child(v, ("prep",), "as"))
                obj = _child(as_obj, ("appos",)) if as_obj is not None else None
            if obj is not None and d.is_act(obj):  # "condemned the bombing by X"
                targets = d.agent_of_act(obj)
                issue = issue or _span_of(d, obj)
            else:
                targets = d.np_party(obj, phrase=False) if obj is not None else []
        if not targets and issue is not None and d.is_act(issue.root):  # "complained over Israeli raids"
            targets = d.agent_of_act(issue.root)
        if not targets and v.dep_ in ("xcomp", "advcl"):  # "summoned the ambassador to complain"
            targets = d.np_party(_child(v.head, ("dobj",)), phrase=False)
        if not targets and v.dep_ in ("acl", "parataxis", "advcl") and v.sent.root.i < v.i:
            # post-posed frame: "Croatian authorities are failing ..., a rights group protested"
            targets = d.np_actors(_child(v.sent.root, ("nsubj", "nsubjpass")))
    return [_Row("explicit", v, targets, blamer=blamer, issue=issue)] if targets else []


def _explicit_noun(d: _Doc, n: Token, frame: dict) -> list[_Row]:
    targets, issue = [], None
    target_preps, issue_preps = str(frame.get("target_preps", "")).split(), str(frame.get("issue", "")).split()
    for c in n.children:
        if c.dep_ == "prep" and c.lower_ in target_preps:
            obj = _pobj(c)
            targets = d.agent_of_act(obj) if obj is not None and d.is_act(obj) else d.np_actors(obj)
        elif c.dep_ == "prep" and c.lower_ in issue_preps:
            issue = _span_of(d, _pobj(c))
    if not targets:
        return []
    blamer = []
    for c in n.children:
        if c.dep_ in ("poss", "amod", "compound"):
            blamer += d.np_actors(c)
    gov = n.head.head if n.dep_ == "pobj" and n.head.dep_ == "prep" else n.head
    if not blamer and n.dep_ in ("dobj", "attr", "pobj") and gov.pos_ == "VERB":
        subj, subj_tok = d.subject(gov)  # "Moscow leveled accusations against", "called for sanctions against"
        blamer = subj or d.np_party(subj_tok)
    return [_Row("explicit", n, targets, blamer=blamer, issue=issue)]


def _responsibility(d: _Doc, t: Token) -> list[_Row]:
    """ "B bears the responsibility for C", "B is responsible for C", "hold B responsible"."""
    lex = d.lex
    issue = None
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ == "for":
            issue = _span_of(d, _pobj(c))
    # climb "the brunt of the responsibility" -> "brunt"
    head = t
    while head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ == "NOUN":
        head = head.head.head
    if t.pos_ == "NOUN" and head.dep_ == "dobj" and head.head.lemma_ in lex.responsibility_verbs and not _negated(head.head):
        subj, _ = d.subject(head.head)
        return [_Row("explicit", t, subj, issue=issue)] if subj else []
    if t.pos_ == "ADJ" and t.lemma_ in lex.responsibility_adjectives:
        gov = t.head
        if t.dep_ in ("acomp", "attr") and gov.lemma_ == "be" and not _negated(gov):
            subj, _ = d.subject(gov)
            return [_Row("explicit", t, subj, issue=issue)] if subj else []
        if t.dep_ in ("oprd", "ccomp", "xcomp", "advcl") and gov.lemma_ == "hold" and not _negated(gov):
            targets = d.np_actors(_child(gov, ("dobj",)) or _child(t, ("nsubj",)))
            blamer, _ = d.subject(gov)
            return [_Row("explicit", t, targets, blamer=blamer, issue=issue)] if targets else []
    return []


def _agency_verb(d: _Doc, v: Token) -> list[_Row]:
    lex = d.lex
    issue = _span_of(d, _child(v, ("dobj",)))
    if _passive(v, reduced=True):
        agent = _pobj(_child(v, ("agent",)))
        if agent is not None:
            targets = d.agent_of_act(agent) if d.is_act(agent) else d.np_actors(agent)
            return [_Row("agency", v, targets, issue=_span_of(d, _child(v, ("nsubjpass",))))] if targets else []
        if v.lemma_ in lex.victim_verbs:  # "12 were killed in a Russian airstrike"
            for c in v.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "by", "during"):
                    obj = _pobj(c)
                    if obj is not None and d.is_act(obj):
                        targets = d.agent_of_act(obj)
                        if targets:
                            return [_Row("agency", obj, targets, issue=_span_of(d, _child(v, ("nsubjpass",))))]
                    if obj is not None and obj.lemma_.lower() in lex.combat_nouns:  # "killed in clashes with IS"
                        targets = d.np_actors(_pobj(_child(obj, ("prep",), "with")))
                        if targets:
                            return [_Row("agency", obj, targets, issue=_span_of(d, _child(v, ("nsubjpass",))))]
        return []
    if v.lemma_ in ("die",):
        return []
    subj, _ = d.subject(v)
    return [_Row("agency", v, subj, issue=issue)] if subj else []


def _agency_noun(d: _Doc, n: Token) -> list[_Row]:
    """An act noun whose agent is named: "shelling by government forces", "Russian airstrikes"."""
    agents = [m for m in d.agent_of_act(n) if not (m.start <= n.i < m.end)]
    if not agents:
        return []
    kind = "explicit" if _causal(d, n) else "agency"
    of = _pobj(_child(n, ("prep",), "of")) or _pobj(_child(n, ("prep",), "on"))
    return [_Row(kind, n, agents, issue=_span_of(d, of))]


def _under_explicit(d: _Doc, n: Token) -> bool:
    """Is this act noun what an explicit cue is about ("condemned the airstrikes by X")?"""
    for a in n.ancestors:
        if a.lemma_.lower() in d.lex.explicit_verbs or a.lemma_.lower() in d.lex.explicit_nouns:
            return True
        if a.pos_ == "VERB":
            return False
    return False


def _causal(d: _Doc, n: Token) -> bool:
    """Is the act noun governed by "due to", "because of", "caused by", "result of" ...?"""
    left = [t.lower_ for t in d.doc[max(0, n.left_edge.i - 4) : n.left_edge.i]]
    return any(tuple(left[-len(m):]) == m for m in d.lex.causal_markers)


def _characterization(d: _Doc, v: Token) -> list[_Row]:
    """ "X labelled Soleimani as a terrorist", "named the PKK and YPG as terrorists", "what Kerry
    described as a \"parallel universe\"": the subject criticises the object when the "as"
    phrase is quoted or names a wrong (``characterization_words``)."""
    as_prep = _child(v, ("prep",), "as")
    label = _pobj(as_prep) if as_prep is not None else None
    if label is None:
        return []
    words = {t.lower_ for t in label.subtree} | {t.lemma_.lower() for t in label.subtree}
    quoted = any(t.text == '"' for t in d.doc[as_prep.i : label.right_edge.i + 2])
    if not (quoted or words & d.lex.characterization_words):
        return []
    obj = _child(v, ("dobj",))
    if obj is not None and obj.tag_ in ("WP", "WDT") and v.dep_ in ("ccomp", "dobj", "relcl"):
        targets, _ = d.subject(v.head)  # "creating what Kerry described as ...": what the version created
    else:
        targets = d.np_actors(obj)
    if not targets:
        return []
    subj, subj_tok = d.subject(v)
    return [_Row("criticism", v, targets, blamer=subj or d.np_party(subj_tok), issue=_span_of(d, label))]


def _criticism(d: _Doc, t: Token) -> list[_Row]:
    lex = d.lex
    lemma = t.lemma_.lower()
    if t.pos_ == "VERB" and lemma in lex.characterization_verbs:
        return _characterization(d, t)
    if t.pos_ == "VERB" and lemma in lex.criticism_verbs:
        if lemma in ("fail", "refuse") and _child(t, ("xcomp",)) is None:
            return []
        subj, _ = d.subject(t)
        obj = _child(t, ("dobj", "xcomp"))
        if obj is None:  # "to overdramatize and distort a typical incident": the conjoined verb's object
            conj = _child(t, ("conj",))
            obj = _child(conj, ("dobj",)) if conj is not None and conj.pos_ == "VERB" else None
        return [_Row("criticism", t, subj, issue=_span_of(d, obj))] if subj else []
    if t.pos_ == "NOUN" and lemma in lex.criticism_nouns:
        targets, issue = [], None
        for c in t.children:
            if c.dep_ in ("poss", "amod", "compound"):
                targets += d.np_actors(c)
            elif c.dep_ == "prep" and c.lower_ == "of":  # "a capitulation of the U.S. policy in Syria"
                targets += d.np_actors(_pobj(c))
                issue = _span_of(d, _pobj(c))
        return [_Row("criticism", t, targets, issue=issue)] if targets else []
    if t.pos_ == "ADJ" and lemma in lex.criticism_adjectives and t.dep_ in ("acomp", "attr") and t.head.lemma_ == "be":
        subj = _child(t.head, ("nsubj",))
        if subj is not None:
            targets = d.np_actors(subj) or (d.agent_of_act(subj) if d.is_act(subj) else [])
            return [_Row("criticism", t, targets, issue=_span_of(d, subj))] if targets else []
    if t.pos_ == "VERB" and lemma in lex.criticism_phrase_heads:
        for phrase in lex.criticism_phrases:
            words = tuple(x.lower_ for x in t.doc[t.i : t.i + len(phrase)])
            if words[1:] == phrase[1:] and t.lemma_.lower() == phrase[0]:
                subj = _child(t, ("nsubj",))
                targets = d.np_actors(subj)
                if subj is not None and not targets:
                    for c in subj.children:  # "the version of events" of the ministry
                        if c.dep_ in ("poss",):
                            targets += d.np_actors(c)
                return [_Row("criticism", t, targets, issue=_span_of(d, subj), cue_end=t.i + len(phrase))] if targets else []
    return []


# ----- attribution --------------------------------------------------------------------------
def _attribution(d: _Doc, cue: Token, sent: Span) -> tuple[list[_Mention], Token | None, bool]:
    """(speakers, the reporting word, denied) for the blame at ``cue``; no speakers: the author."""
    lex = d.lex
    t = cue
    while t.head.i != t.i:
        child, t = t, t.head
        if child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in lex.background_marks for c in child.children):
            break  # "announced it had agreed ... after Turkey began an offensive": the author's framing
        lemma = t.lemma_.lower()
        if t.pos_ in ("VERB", "AUX") and lemma in lex.reporting_verbs and _lowercase(t) and child.dep_ in (
                "ccomp", "xcomp", "parataxis", "dobj", "advcl", "conj", "prep", "pcomp"):
            speakers, _ = d.subject(t)
            if not speakers:  # "to assert, as Moscow rushed to do, that ..."
                for c in t.children:
                    if c.dep_ == "advcl" and any(g.lower_ == "as" for g in c.children):
                        speakers, _ = d.subject(c)
            if speakers:
                return speakers, t, lemma in lex.denial_verbs
        if t.pos_ == "NOUN" and lemma in lex.reporting_nouns and child.dep_ in ("acl", "ccomp", "relcl", "appos", "prep"):
            speakers = []
            for c in t.children:
                if c.dep_ in ("poss", "amod", "compound"):
                    speakers += d.np_actors(c)
            if not speakers and t.head.pos_ == "VERB":
                speakers, _ = d.subject(t.head)
            if speakers:
                return speakers, t, False
    for tok in sent:  # "according to the ministry"
        if tok.lower_ == "according":
            to = _child(tok, ("prep",), "to")
            speakers = d.np_actors(_pobj(to))
            if speakers:
                return speakers, tok, False
    quoted = _quote_speaker(d, cue)
    if quoted:
        return quoted
    # A "that" clause holding the cue after a reporting verb the parser attached elsewhere:
    # "There were no grounds to assert, as Moscow rushed to do, that the planes targeted ..."
    clause = next((a for a in [cue, *cue.ancestors] if a.pos_ in ("VERB", "AUX")
                   and any(c.dep_ == "mark" and c.lower_ == "that" for c in a.children)), None)
    if clause is not None:
        for tok in sent:
            if tok.i < clause.i and tok.pos_ == "VERB" and tok.lemma_.lower() in lex.reporting_verbs and _lowercase(tok):
                speakers, _ = d.subject(tok) if tok.dep_ not in ("relcl", "acl") else ([], None)
                if not speakers:  # the "as X did" clause names who asserted it
                    for v in sent:
                        if v.pos_ == "VERB" and v.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in v.children):
                            speakers, _ = d.subject(v)
                            if speakers:
                                break
                if speakers:
                    return speakers, tok, tok.lemma_.lower() in lex.denial_verbs
    return [], None, False


def _quote_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans between paired double quotes (the clean body uses ASCII quotes)."""
    cached = doc.user_data.get("helpers.quotes")
    if cached is None:
        text, cached, opened = doc.text, [], None
        for m in re.finditer('"|\n\n', text):
            i = m.start()
            if m.group() != '"':  # a quotation left open runs to the end of its paragraph
                if opened is not None:
                    cached.append((opened, i))
                    opened = None
                continue
            before = text[i - 1] if i else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            opening = (before.isspace() or before in "([{:;,-\u2014") and not after.isspace()
            if opening and opened is None:
                opened = i
            elif not opening and opened is not None:
                cached.append((opened, i))
                opened = None
        if opened is not None:
            cached.append((opened, len(text)))
        doc.user_data["helpers.quotes"] = cached
    return cached


def _quote_speaker(d: _Doc, cue: Token):
    """For a cue inside a quotation: the party the quote is attributed to, by a reporting verb
    in the sentence where the quote opens ("X said in a statement, \"...") or where it closes
    ("...\", X said")."""
    c = cue.idx
    span = next(((a, b) for a, b in _quote_spans(d.doc) if a < c < b), None)
    if span is None:
        return None
    lex = d.lex
    for anchor in (span[0], span[1]):
        sent = d.doc.char_span(anchor, anchor + 1, alignment_mode="expand")
        if sent is None:
            continue
        sent = sent.sent
        verbs = [t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in lex.reporting_verbs and _lowercase(t)
                 and not (span[0] < t.idx < span[1])]
        for v in sorted(verbs, key=lambda t: abs(t.idx - anchor)):
            speakers, _ = d.subject(v)
            if speakers:
                return speakers, v, v.lemma_.lower() in lex.denial_verbs
        # "In a statement released ..., the Department of Defense justified the strike: \"..."
        if any(t.lemma_.lower() in lex.reporting_nouns for t in sent if t.idx < span[0]):
            speakers, _ = d.subject(sent.root)
            if speakers:
                return speakers, sent.root, False
    return None


def _lowercase(t: Token) -> bool:
    """A verb written in lower case (or first in its sentence): "Said" mid-sentence is a name."""
    return t.text[:1].islower() or t.is_sent_start


def _stance(d: _Doc, frame: Token | None, sent: Span) -> str:
    if frame is None:
        return "none"
    window = {frame.i} | {a.i for a in frame.ancestors} | {c.i for a in [frame, *frame.ancestors] for c in a.children}
    text = " ".join(t.lower_ for t in sent if t.i in window or t.i < frame.i)
    if any(re.search(rf"\b{re.escape(m)}\b", text) for m in d.lex.stance_rejected):
        return "rejected"
    if any(re.search(rf"\b{re.escape(m)}\b", text) for m in d.lex.stance_endorsed):
        return "endorsed"
    return "none"


def extract_blame(doc: Doc, doc_id: str, catalog: Catalog | None = None, lexicon: Lexicon | None = None,
                  clean=None) -> list[dict]:
    """Blame rows (columns :data:`BLAME_COLUMNS`) for one document processed by the actor pipeline,
    sorted by sentence, cue offset, blamed and blamer (a unique key).

    ``clean``: the :class:`helpers.text.CleanDocument` the text came from, for raw offsets.
    """
    d = _Doc(doc, catalog or Catalog.load(), lexicon or Lexicon.load())
    out: dict[tuple, dict] = {}
    for sent_id, sent in enumerate(doc.sents):
        for row in _cues(d, sent):
            if row.blamer:
                speakers, frame, denied = row.blamer, row.cue, False
                stance = _stance(d, _attribution(d, row.cue, sent)[1], sent)
            else:
                speakers, frame, denied = _attribution(d, row.cue, sent)
                stance = _stance(d, frame, sent) if speakers else "none"
            blamers = speakers or [None]
            for target in row.targets:
                for blamer in blamers:
                    if blamer is not None and (blamer.name == target.name or blamer.root == target.root == blamer.name):
                        continue
                    key = (sent_id, blamer.name if blamer else AUTHOR, target.name)
                    rec = _record(doc_id, sent_id, sent, row, target, blamer, stance, denied, clean)
                    old = out.get(key)
                    if old is None or _KIND_ORDER[rec["kind"]] < _KIND_ORDER[old["kind"]]:
                        out[key] = rec
    return sorted(out.values(), key=lambda r: (r["sent_id"], r["cue_start"], r["blamed"], r["blamer"]))


def _record(doc_id, sent_id, sent, row: _Row, target: _Mention, blamer: _Mention | None, stance, denied, clean) -> dict:
    doc = sent.doc
    cue_end_tok = row.cue_end or row.cue.i + 1
    cue = doc[row.cue.i : cue_end_tok]
    issue = row.issue
    s, e = sent.start_char, sent.end_char
    text = sent.text
    s_strip = s + len(text) - len(text.lstrip())
    e_strip = e - (len(text) - len(text.rstrip()))
    rec = {
        "doc_id": doc_id, "sent_id": sent_id, "sentence": text.strip(),  # = doc.text[s_strip:e_strip]
        "blamer": blamer.name if blamer else AUTHOR, "blamed": target.name,
        "blamer_root": blamer.root if blamer else AUTHOR, "blamed_root": target.root,
        "blamer_id": blamer.actor_id if blamer else "", "blamed_id": target.actor_id,
        "kind": row.kind, "attribution": "reported" if blamer else AUTHOR,
        "stance": stance if blamer else "none", "denied": bool(denied),
        "cue": cue.text, "issue": issue.text if issue is not None else "",
        "sent_start": s_strip, "sent_end": e_strip, "cue_start": cue.start_char, "cue_end": cue.end_char,
        "blamed_start": target.start_char, "blamed_end": target.end_char,
        "blamer_start": blamer.start_char if blamer else -1, "blamer_end": blamer.end_char if blamer else -1,
        "issue_start": issue.start_char if issue is not None else -1, "issue_end": issue.end_char if issue is not None else -1,
    }
    if clean is not None:
        rec["raw_cue_start"], rec["raw_cue_end"] = clean.raw_span(cue.start_char, cue.end_char)
        rec["raw_sent_start"], rec["raw_sent_end"] = clean.raw_span(s_strip, e_strip)
    else:
        rec["raw_cue_start"] = rec["raw_cue_end"] = rec["raw_sent_start"] = rec["raw_sent_end"] = -1
    return rec


def blame_table(docs, catalog: Catalog | None = None, lexicon: Lexicon | None = None, clean_docs=None) -> pd.DataFrame:
    """The blame table for ``(doc_id, spacy_doc)`` pairs, sorted by document, sentence and cue."""
    cat, lex = catalog or Catalog.load(), lexicon or Lexicon.load()
    rows = []
    for doc_id, doc in docs:
        rows += extract_blame(doc, doc_id, cat, lex, (clean_docs or {}).get(doc_id))
    table = pd.DataFrame(rows, columns=BLAME_COLUMNS)
    return table.sort_values(["doc_id", "sent_id", "cue_start", "blamed", "blamer"], ignore_index=True)


# ------------------------------------------------------------------------------------------
# Document level
# ------------------------------------------------------------------------------------------
RESPONSIBLE_COLUMNS = ["doc_id", "responsible", "responsible_score", "responsible_weight"]

#: How much each blame row counts toward a document's ``responsible`` actor (documented in the
#: README and ``docs/annotation/blame.md``): what the text states the actor did or explicitly
#: blames it for counts fully, criticism less; a party's own claim counts less than the
#: author's, a claim the author rejects or a party's denial not at all; the headline and lead
#: count double.
#:
#: ``min_weight``: the least evidence on which a document holds an actor responsible, the weight
#: of a party's claim in the headline or lead (``lead_factor`` x the reported weight, 2 x 0.6 =
#: 1.2); two claims in the body, or one statement by the author in the headline or lead, reach
#: it. A single statement in the body (1.0) does not: in a news report what is said once after
#: the lead is background (an earlier siege, the war's origins, a raid elsewhere), not the event
#: the article reports, and a document with no more than that answers '' (the text does not
#: say) rather than guess.
#:
#: ``neutral_agency``: a harmful act reported by a *neutral source* counts as the author's word.
#: A monitor's or aid agency's casualty report ("the Syrian Observatory for Human Rights said
#: regime shelling killed 12") is how wire copy sources its facts, not a party's accusation;
#: the discount for reported blame exists because a party to a conflict has an interest in
#: blaming its enemy. Neutral sources are catalog actors whose top actor (``Catalog.root``) is
#: of a type in ``neutral_types`` (NGOs, independent media: a state outlet such as SANA rolls up
#: to its government and stays a party) or is one of ``neutral_roots`` (the UN system and the
#: OPCW; political and military alliances such as NATO, the EU or the Arab League take sides
#: and are not neutral). Only ``agency`` rows: an NGO's explicit accusation or criticism is
#: still a judgement and keeps the reported weight.
WEIGHTS = {
    "kind": {"explicit": 1.0, "agency": 1.0, "criticism": 0.4},
    "attribution": {"author": 1.0, "reported": 0.6},
    "stance": {"endorsed": 1.0 / 0.6, "none": 1.0, "rejected": 0.0},
    "lead_sentences": 2,
    "lead_factor": 2.0,
    "min_weight": 1.2,
    "neutral_agency": 1.0,
    "neutral_types": ("ngo", "media"),
    "neutral_roots": ("united_nations", "opcw"),
}


def neutral_source(actor_id, catalog: Catalog, weights: dict | None = None) -> bool:
    """Is the catalog actor ``actor_id`` a neutral source (see :data:`WEIGHTS`): a monitor, NGO,
    independent outlet or UN body, not a party or a party's organ?"""
    w = weights or WEIGHTS
    if not isinstance(actor_id, str) or actor_id not in catalog:
        return False
    root = catalog.root(actor_id)
    return catalog.actors[root].type in w["neutral_types"] or root in w["neutral_roots"]


def responsible(blame: pd.DataFrame, doc_ids=None, weights: dict | None = None, by: str = "blamed_root",
                catalog: Catalog | None = None) -> pd.DataFrame:
    """Per document: the actor it most holds responsible (``by``, default the rolled-up actor),
    its share of the document's blame weight (``responsible_score``, 0-1) and the weight itself;
    empty when the document's blame weight is below ``min_weight`` (the text does not say).

    Rows are weighted by :data:`WEIGHTS`; agency reported by a neutral source (a monitor, an NGO,
    a UN body: :func:`neutral_source`) counts as the author's. Ties go to the actor blamed first
    in the text: news is written in the inverted pyramid, the event the article reports comes
    first and background after it.
    """
    w = weights or WEIGHTS
    cat = catalog or Catalog.load()
    neutral_ids: dict[str, bool] = {}
    per_doc: dict = {}  # every document in ``blame``, even one whose rows are all denials
    # plain Python over the rows: a corpus run calls this once per document, where pandas'
    # per-call overhead would cost more than the arithmetic
    columns = ["doc_id", "sent_id", "cue_start", "attribution", "kind", "stance", "denied", by]
    values = [blame[c].tolist() for c in columns] if len(blame) else [[] for _ in columns]
    blamer_ids = blame["blamer_id"].tolist() if "blamer_id" in blame.columns else [""] * len(blame)
    for doc_id, sent_id, cue_start, attribution, kind, stance, denied, actor, blamer_id in zip(*values, blamer_ids):
        rows_of_doc = per_doc.setdefault(doc_id, [])
        if bool(denied) or actor is None or (isinstance(actor, float) and actor != actor):
            continue  # a party's denial is not blame; a row without an actor counts for no one
        neutral = attribution == "reported" and kind == "agency" and isinstance(blamer_id, str)
        if neutral:
            if blamer_id not in neutral_ids:
                neutral_ids[blamer_id] = neutral_source(blamer_id, cat, w)
            neutral = neutral_ids[blamer_id]
        # the order a duplicate is kept in: the author's word, a neutral source's, a party's
        source = (0 if attribution != "reported" else 2) - int(neutral)
        weight = (w["kind"][kind] * (w["neutral_agency"] if neutral else w["attribution"][attribution])
                  * w["stance"][stance] * (w["lead_factor"] if sent_id < w["lead_sentences"] else 1.0))
        rows_of_doc.append((sent_id, cue_start, source, actor, weight))
    rows = []
    for doc_id in (doc_ids if doc_ids is not None else sorted(per_doc)):
        # text order; one statement reported by two sources ("the Observatory's head Rami Abdel
        # Rahman said") counts once
        seen, kept = set(), []
        for sent_id, cue_start, _, actor, weight in sorted(per_doc.get(doc_id, []), key=lambda r: r[:3]):
            if (sent_id, cue_start, actor) not in seen:
                seen.add((sent_id, cue_start, actor))
                kept.append((actor, weight))
        first: dict = {}
        totals: dict = {}
        for i, (actor, weight) in enumerate(kept):
            first.setdefault(actor, i)
            totals.setdefault(actor, []).append(weight)
        per = {a: math.fsum(ws) for a, ws in totals.items()}
        per = {a: v for a, v in per.items() if v > 0}
        top = max(per.values(), default=0.0)
        if not per or top < w["min_weight"] - 1e-9:
            rows.append({"doc_id": doc_id, "responsible": "", "responsible_score": 0.0,
                         "responsible_weight": round(float(top), 3)})
            continue
        # ties: the actor blamed first (rows are in text order)
        best = min(per, key=lambda a: (-round(per[a], 9), first[a], a))
        rows.append({"doc_id": doc_id, "responsible": best, "responsible_score": round(per[best] / math.fsum(per.values()), 3),
                     "responsible_weight": round(float(per[best]), 3)})
    return pd.DataFrame(rows, columns=RESPONSIBLE_COLUMNS)
