"""A parsed document as the cue extractors see it: actor mentions indexed by token, the actors of
noun phrases, pronouns, agents of acts and subjects (:class:`BlameDoc`), and small helpers on
spaCy's dependency parse (negation, passives, a token's child or prepositional object, the phrase
a token heads)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from helpers.actors import MENTIONS_KEY, PRONOUNS_KEY, Catalog, strip_name
from helpers.blame.groups import Groups
from helpers.blame.lexicon import Lexicon

__all__ = ["Mention", "BlameDoc", "IMPLICIT", "UNSTATED", "implicit_blamer", "negated",
           "hypothetical", "questioned", "unasserted", "passive", "first_child", "pobj", "span_of"]

_NP_DEPS = {"compound", "amod", "poss", "nmod", "appos", "conj", "npadvmod", "cc", "case"}
#: Modifiers of a person's name (and title) that name an affiliation, not another party.
_AFFILIATION_DEPS = {"compound", "amod", "nmod", "npadvmod"}


@dataclass(frozen=True)
class Mention:
    """An actor named in the text (or, for explicit cues, a nationality or an unnamed party)."""

    start: int  # token offsets
    end: int
    actor_id: str
    name: str
    root: str
    label: str
    start_char: int
    end_char: int


#: The id prefix of an implicit blamer: the institution an agentless legal act implies, or an
#: institution the text names only by a common noun ("police", "prosecutors").
IMPLICIT = "implicit:"
#: ``Row.implicit`` of an accusation whose accuser the text does not state ("was accused of"):
#: the blamer ``unstated`` (no id), as the annotation guideline writes it.
UNSTATED = "unstated"


def implicit_blamer(institution: str, span: Span | None = None) -> Mention:
    """The blamer an agentless act implies (``implicit:<institution>``, no words: offsets -1), or
    the institution a common noun names (``span``: its words); ``unstated``: no id."""
    aid = "" if institution == UNSTATED else IMPLICIT + institution
    if span is None:
        return Mention(-1, -1, aid, institution, institution, "IMPLICIT", -1, -1)
    return Mention(span.start, span.end, aid, institution, institution, "IMPLICIT", span.start_char, span.end_char)


class BlameDoc:
    """A parsed document with its actor mentions indexed by token."""

    def __init__(self, doc: Doc, catalog: Catalog, lex: Lexicon):
        self.doc, self.cat, self.lex = doc, catalog, lex
        self.sent_starts = [s.start for s in doc.sents]
        info = doc.user_data.get(MENTIONS_KEY, {})
        self.mentions: list[Mention] = []
        self.by_token: dict[int, Mention] = {}
        self.groups: dict[int, Mention] = {}
        names = {}
        for ent in doc.ents:
            meta = info.get((ent.start_char, ent.end_char), {})
            if meta.get("kind") == "group":  # nationalities: blamers/targets of explicit cues only
                name = strip_name(ent.text, catalog)
                g = Mention(ent.start, ent.end, "", name, name, ent.label_,
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
                # a document actor: its canonical name ("Mike Johnson" for "Speaker Johnson")
                name = meta.get("name") or names.setdefault(ent.text, strip_name(ent.text, catalog))
                root = name
            m = Mention(ent.start, ent.end, aid, name, root, ent.label_, ent.start_char, ent.end_char)
            self.mentions.append(m)
            for i in range(ent.start, ent.end):
                self.by_token[i] = m
        self._mention_starts = [m.start for m in self.mentions]  # in text order, as doc.ents
        #: the pronoun resolver's links (pronoun offsets -> antecedent offsets), when the pipeline has one
        self.links: dict | None = doc.user_data.get(PRONOUNS_KEY)
        self._by_offsets = {(m.start_char, m.end_char): m for m in self.mentions}
        #: common nouns of institutions ("police", "prosecutors") -> the institution (lexicon ``institution_nouns``)
        self.institutions: dict[str, str] = lex.extra["institution_nouns"]
        #: groups of actors named together and the plural references to them (helpers.blame.groups)
        self.plural = Groups(doc, self.mentions, lex)

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        """The actor mentions that start at a token in ``[start, end)``, in text order (found by
        bisection: a sentence's mentions cost nothing per other sentence of the document)."""
        return self.mentions[bisect_left(self._mention_starts, start) : bisect_left(self._mention_starts, end)]

    # ----- noun phrases -----------------------------------------------------------------------
    def np_actors(self, head: Token | None) -> list[Mention]:
        """Actors named in the noun phrase headed by ``head``: the head's own mention, and those
        reached through modifiers, possessors, appositions and coordination (not through
        prepositional phrases or clauses, which name other participants, nor through the
        modifiers of a person's name and title, which name the person's affiliation: "US
        Secretary of State Mike Pompeo", "German Chancellor Angela Merkel" are the person)."""
        if head is None:
            return []
        named = self.appositive_people(head)
        if named:
            return named
        out: list[Mention] = []
        stack, seen = [head], set()
        while stack:
            t = stack.pop()
            if t.i in seen:
                continue
            seen.add(t.i)
            out += [m for m in self.refs(t) if m not in out]
            person = t.i in self.by_token and self.by_token[t.i].label == "PERSON"
            for c in t.children:
                if c.dep_ == "amod" and c.tag_ == "VBN":
                    continue  # "Britain-based monitor", "US-backed fighters": not who the phrase names
                if person and c.dep_ in _AFFILIATION_DEPS:
                    continue  # "US Secretary of State Mike Pompeo": the person, whose title names a state
                if c.dep_ in _NP_DEPS:
                    stack.append(c)
                elif c.dep_ == "prep" and c.lower_ in ("of", "from") and t.lemma_.lower() in self.lex.member_nouns:
                    stack += [g for g in c.children if g.dep_ == "pobj"]  # "militants from X"
        return sorted(out, key=lambda m: m.start)

    def appositive_people(self, head: Token) -> list[Mention]:
        """The people a phrase headed by a nationality or an office names in apposition: "An
        Australian, Brenton Tarrant", "two Cabinet officers, Wilbur Ross and William Barr", "the
        general manager of Abu Dhabi Media, Dr Ali bin Tamim" (the parser hangs the name on the
        employer), or in a capitalised title the parser splits at its preposition ("US Ambassador
        to Germany Richard Grenell"). The nationality, employer or state is the person's
        affiliation, not a second party. Empty for other phrases."""
        own = self.by_token.get(head.i)
        if head.pos_ not in ("NOUN", "PROPN") or (own is not None and own.label != "NORP"):
            return []
        found = [c for c in head.children if c.dep_ == "appos"]
        if head.lemma_.lower() in self.lex.words("office_nouns"):
            for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "to", "at", "for")):
                employer = pobj(prep)
                if employer is None:
                    continue
                found += [c for c in employer.children if c.dep_ == "appos"]
                if head.is_title and not any(t.dep_ == "det" or t.is_punct for t in head.doc[head.i : employer.i]):
                    found.append(employer)  # a title run: "Ambassador to Germany Richard Grenell"
        for name in found:
            if name.left_edge.i > 0 and self.doc[name.left_edge.i - 1].text == "(":
                continue  # "(MASSOB)": an acronym in brackets, not a person in apposition
            names = [name, *(c for c in name.children if c.dep_ == "conj")]
            people = [self.by_token[c.i] for c in names if c.i in self.by_token]
            if people and all(m.label == "PERSON" for m in people):
                return sorted(dict.fromkeys(people), key=lambda m: m.start)
        return []

    def np_party(self, head: Token | None, phrase: bool = True) -> list[Mention]:
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
        institution = self.institution(head)
        if institution is not None:
            return [institution]
        if not phrase:
            return []
        toks = [t for t in left if t.i >= min(x.i for x in left)] if left else [head]
        span = head.doc[toks[0].i : head.i + 1]
        return [Mention(span.start, span.end, "", span.text, span.text, "NOUN", span.start_char, span.end_char)]

    def institution(self, head: Token | None) -> Mention | None:
        """The institution a common noun names ("police", "the prosecutors", "a federal judge"):
        ``implicit:<institution>`` with the noun phrase's words, or ``None``."""
        if head is None or head.pos_ not in ("NOUN", "PROPN"):
            return None
        inst = self.institutions.get(head.lemma_.lower()) or self.institutions.get(head.lower_)
        if inst is None:
            return None
        left = [t for t in head.subtree if t.i <= head.i and t.dep_ not in ("punct",)]
        return implicit_blamer(inst, head.doc[min(t.i for t in left) : head.i + 1])

    def refs(self, t: Token) -> list[Mention]:
        """The actors token ``t`` names or refers to: its mention (a family name in the plural, "the
        Turpins": each member), a plural pronoun or definite plural description's group ("they",
        "both parents", :mod:`helpers.blame.groups`), else a pronoun's actor; members and pronouns
        carry the words in this sentence."""
        m = self.by_token.get(t.i)
        if m is not None:
            family = self.plural.family(m)
            return [m] if family is None else self._as(family, m.start, m.end)
        described = self.plural.for_description(t)
        group = self._plural_pronoun(t) or (described.members if described else ())
        if group:
            start = t.i if t.pos_ == "PRON" else min(c.i for c in t.subtree if c.i <= t.i)
            return self._as(group, start, t.i + 1)
        p = self.pronoun(t)
        return [] if p is None else [p]

    def _as(self, members: tuple, start: int, end: int) -> list[Mention]:
        """``members`` with the offsets of the words that refer to them (tokens ``[start, end)``)."""
        span = self.doc[start:end]
        return [Mention(start, end, m.actor_id, m.name, m.root, m.label, span.start_char, span.end_char)
                for m in members]

    def _plural_pronoun(self, t: Token) -> tuple:
        """The members of the group a plural pronoun refers to: the family its resolved antecedent
        names, or a group nearer than that antecedent (:meth:`Groups.for_pronoun`); else ()."""
        if t.pos_ != "PRON" or t.lower_ not in self.lex.pronouns["plural"]:
            return ()
        ante = self._resolved(t) if self.links is not None else None
        if ante is not None and self.plural.family(ante):
            return self.plural.family(ante)
        link = self.links.get((t.idx, t.idx + len(t))) if self.links is not None else None
        span = None if link is None else self.doc.char_span(link[0], link[1], alignment_mode="expand")
        described = None if span is None else self.plural.for_description(span.root)
        if described is not None:  # "The two men were charged. A judge convicted them."
            return described.members
        k = bisect_right(self.sent_starts, t.i) - 1
        group = self.plural.for_pronoun(t, None if link is None else link[1], self.sent_starts[max(0, k - 1)])
        return () if group is None else group.members

    def pronoun(self, t: Token) -> Mention | None:
        """The actor a personal pronoun refers to, as a mention with the pronoun's own offsets (the
        words in this sentence): the pronoun resolver's link, followed through pronouns to a named
        actor, when the pipeline has a pronoun resolver (the actor pipeline does); else the nearest
        preceding actor of the right kind in this or the two previous sentences."""
        if self.links is not None:
            return self._linked(t)
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

    def _linked(self, t: Token) -> Mention | None:
        m = self._resolved(t)
        if m is None:
            return None
        return Mention(t.i, t.i + 1, m.actor_id, m.name, m.root, m.label, t.idx, t.idx + len(t))

    def _resolved(self, t: Token) -> Mention | None:
        """The actor mention the pronoun resolver's links lead ``t`` to (through pronouns), or None."""
        key, seen = (t.idx, t.idx + len(t)), set()
        ante = self.links.get(key)
        while ante is not None and tuple(ante) not in self._by_offsets and tuple(ante) not in seen:
            seen.add(tuple(ante))
            ante = self.links.get(tuple(ante))  # a pronoun whose antecedent is a pronoun
        return self._by_offsets.get(tuple(ante)) if ante is not None else None

    def agent_of_act(self, noun: Token) -> list[Mention]:
        """Who did the act a noun names: "shelling by government forces", "Russia's strikes",
        "Russian airstrikes", "regime bombardment", "rockets fired by Russian jets"; not the
        possessor of an act whose possessor is its victim ("her murder", but "the US' killing of X":
        ``patient_possessor_nouns``)."""
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in ("by", "from"):  # "shelling by X", "rocket fire from X"
                objs = [g for g in c.children if g.dep_ == "pobj"]
                found = self.np_actors(objs[0]) if objs else []
                if found:
                    return found
            if c.dep_ == "acl" and c.pos_ == "VERB":
                agent = pobj(first_child(c, ("agent",)))
                if agent is not None:
                    return self.np_actors(agent)
        out = []
        victim_first = (noun.lemma_.lower() in self.lex.words("patient_possessor_nouns")
                        and first_child(noun, ("prep",), "of") is None)  # "the US' killing of X": agent
        for c in noun.children:
            if c.dep_ == "poss" and victim_first:
                continue  # "her murder", "Kennedy's assassination": the possessor is the victim
            if c.dep_ in ("poss", "compound", "amod", "nmod"):
                out += self.np_actors(c)
        if noun.i in self.by_token:
            out.append(self.by_token[noun.i])
        return out

    def subject(self, verb: Token) -> tuple[list[Mention], Token | None]:
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
        return t.pos_ in ("NOUN", "PROPN") and (t.lemma_.lower() in self.lex.agency_nouns
                                                 or self.lex.act_form(t.lower_))


def negated(t: Token) -> bool:
    return any(c.dep_ == "neg" for c in t.children)


def questioned(t: Token) -> bool:
    """Is ``t`` in a sentence that asks (ends with a question mark, inside a closing quote or not)?"""
    return t.sent.text.rstrip().rstrip('"').endswith("?")


def unasserted(v: Token, lex: Lexicon) -> bool:
    """Is the verb (or predicate) ``v`` not asserted: negated, under a modal or condition
    (:func:`hypothetical`), or asked (:func:`questioned`)?"""
    return negated(v) or hypothetical(v, lex) or questioned(v)


def lacks_particle(t: Token, lex: Lexicon) -> bool:
    """Is ``t`` a verb of the lexicon's ``particle_verbs`` without one of its particles ("covered
    the story", "stepped in"), so no cue?"""
    needed = lex.extra["particle_verbs"].get(t.lemma_.lower())
    return needed is not None and not any(c.dep_ in ("prt", "advmod") and c.lower_ in needed for c in t.children)


def attacks_in_words(v: Token, lex: Lexicon) -> bool:
    """Does an attack verb attack a statement, decision or process in words ("attacked the
    proclamation", "assailed the inquiry": ``verbal_attack_verbs`` with an object of
    ``verbal_attack_objects``)? Then it is criticism
    (:func:`helpers.blame.cues.criticism.verbal_attack`), not agency."""
    obj = first_child(v, ("dobj",)) if not passive(v) else first_child(v, ("nsubjpass",))
    return (v.lemma_.lower() in lex.words("verbal_attack_verbs") and obj is not None
            and obj.lemma_.lower() in lex.words("verbal_attack_objects"))


def hypothetical(t: Token, lex: Lexicon) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in lex.hypothetical_modals for c in t.children)


def passive(t: Token, reduced: bool = False) -> bool:
    """A passive verb; with ``reduced``, also a participle modifying a noun ("31 people killed in
    shelling")."""
    return (any(c.dep_ in ("nsubjpass", "auxpass") for c in t.children)
            or (reduced and t.tag_ == "VBN" and t.dep_ == "acl"))


def first_child(t: Token, deps: tuple[str, ...], word: str | None = None) -> Token | None:
    for c in t.children:
        if c.dep_ in deps and (word is None or c.lower_ == word):
            return c
    return None


def pobj(prep: Token | None) -> Token | None:
    if prep is None:
        return None
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)


def span_of(d: BlameDoc, t: Token | None) -> Span | None:
    """The phrase headed by ``t`` (an issue span); a relative pronoun stands for its antecedent."""
    if t is None:
        return None
    if t.tag_ in ("WDT", "WP") and t.head.dep_ == "relcl":
        antecedent = _antecedent(d, t.head)
        if antecedent is not None:
            return antecedent
    toks = list(t.subtree)
    while len(toks) > 1 and toks[-1].is_space:  # a paragraph break the parse ran over
        toks.pop()
    while len(toks) > 1 and toks[0].is_space:
        toks.pop(0)
    return t.doc[toks[0].i : toks[-1].i + 1]


def _antecedent(d: BlameDoc, relcl: Token) -> Span | None:
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

