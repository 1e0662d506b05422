"""Whose act an admission or denial cue reports, and what it is about: helpers shared by the
admission and denial families (:mod:`helpers.blame.cues.admission`, :mod:`helpers.blame.cues.denial`).

:func:`owners` (the actors whose act a verb is; a spokesperson stands for its organisation),
:func:`about_owners` (is a clause about their own act), :func:`names_wrong` (do words name a wrong),
:func:`phrase` (a noun phrase without its clauses), :func:`withheld` and :func:`refused` (an act not
done), :func:`own_words` (a party's word about itself), :func:`plea` (guilty or not guilty) and
:func:`complement` (what a plea or apology is about), :func:`reported_own_act` (a party's report of
its own act). Reads the lexicon's ``spokesperson_nouns``, ``counsel_nouns``,
``wrongdoing_words``, ``accusation_nouns``, ``refusal_verbs``, ``first_person``, ``plea_*``,
``own_act_report_verbs`` and
the blame lexicon's act, agency, criticism and responsibility words. Registers no cue.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from helpers.blame.attribution import attribute
from helpers.blame.document import BlameDoc, Mention, first_child, hypothetical, negated, passive, pobj, span_of

__all__ = ["owners", "speaking_for", "about_owners", "names_wrong", "phrase", "withheld", "refused", "own_words",
           "plea", "complement", "issue_of", "roots", "reported_own_act"]

#: Dependents that start a clause of their own inside a phrase (:func:`phrase` leaves them out).
_CLAUSE_DEPS = frozenset({"acl", "relcl", "advcl", "ccomp", "xcomp", "parataxis", "punct"})


def owners(d: BlameDoc, verb: Token) -> list[Mention]:
    """The actors whose act ``verb`` is: its subject's, or for a spokesperson the organisation it
    speaks for ("Kremlin spokesman Dmitry Peskov denied": Russia), for a lawyer the client ("Dunn's
    lawyer denied": Dunn)."""
    found, subj = d.subject(verb)
    return found if subj is None else speaking_for(d, subj, found)


def speaking_for(d: BlameDoc, subj: Token, found: list[Mention]) -> list[Mention]:
    """Whom the phrase ``subj`` (whose actors are ``found``) speaks for: a lawyer's client ("Ana
    Ruiz, Dunn's lawyer", "a lawyer for Dunn"), a spokesperson's organisation, else ``found``."""
    counsel = [t for t in phrase(subj) if t.lemma_.lower() in d.lex.words("counsel_nouns")]
    clients = [m for t in counsel for c in t.children if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "for")
               for m in d.np_actors(c if c.dep_ == "poss" else pobj(c))]
    if clients:
        return sorted(dict.fromkeys(clients), key=lambda m: m.start)
    spokes = [t for t in phrase(subj) if t.lemma_.lower() in d.lex.words("spokesperson_nouns")]
    orgs: list[Mention] = []
    for t in spokes:  # "Kremlin spokesman", "a spokeswoman for Acme", "the company's spokesman"
        for_ = pobj(first_child(t, ("prep",), "for")) or pobj(first_child(t, ("prep",), "of"))
        orgs += [m for m in d.np_actors(t) + d.np_actors(for_) if m.label != "PERSON" and m not in orgs]
    return orgs or found


def roots(actors: Iterable[Mention]) -> set[str]:
    return {m.root for m in actors}


def about_owners(d: BlameDoc, clause: Token, own: list[Mention]) -> bool:
    """Is the clause headed by ``clause`` about an act of the ``own`` actors: its subject names
    them ("that its jets had bombed", "he had misled"), or it has none (a gerund: "taking the
    money"; an expletive "there"), or it is a passive without a "by" agent of another actor?"""
    if passive(clause):
        agent = pobj(first_child(clause, ("agent",)))
        return agent is None or bool(roots(d.np_actors(agent)) & roots(own))
    subj = first_child(clause, ("nsubj", "csubj"))
    if subj is None:
        return True
    actors = d.agent_of_act(subj) if d.is_act(subj) else d.np_actors(subj)
    return bool(roots(actors) & roots(own))


def names_wrong(d: BlameDoc, tokens: Iterable[Token]) -> bool:
    """Does any of ``tokens`` name a wrong: a harmful act, a wrongdoing, a fault or an accusation
    (the lexicon's act, agency, criticism, responsibility and ``wrongdoing_words``)?"""
    lex = d.lex
    wrongs = (lex.words("wrongdoing_words") | lex.agency_verbs | lex.criticism_verbs | lex.criticism_nouns
              | lex.criticism_adjectives | lex.responsibility_words | lex.words("accusation_nouns"))
    return any(d.is_act(t) or t.lemma_.lower() in wrongs or t.lower_ in wrongs for t in tokens)


def phrase(t: Token) -> list[Token]:
    """The tokens of the noun phrase ``t`` heads, without the clauses hanging from it ("support for
    any military action as they seek ways to halt the offensive": not the offensive)."""
    out, stack = [], [t]
    while stack:
        x = stack.pop()
        out.append(x)
        stack += [c for c in x.children if c.dep_ not in _CLAUSE_DEPS]
    return sorted(out, key=lambda x: x.i)


def withheld(d: BlameDoc, verb: Token) -> bool:
    """Is the act of ``verb`` not done: negated ("did not admit"), hypothetical ("would admit"),
    or refused (:func:`refused`)?"""
    return negated(verb) or hypothetical(verb, d.lex) or refused(d, verb)


def refused(d: BlameDoc, verb: Token) -> bool:
    """Is ``verb`` the complement of a refusal or a negated verb ("refused to apologise", "did not
    want to admit")?"""
    head = verb.head
    return verb.dep_ == "xcomp" and (head.lemma_.lower() in d.lex.words("refusal_verbs") or negated(head))


def own_words(d: BlameDoc, verb: Token, own: list[Mention]) -> bool:
    """Is the clause of ``verb`` the ``own`` actors' word about themselves, reported and not under
    a denial: a first-person subject in reported words ("'We bear responsibility,' the minister
    said"), or a named subject that a named speaker is part of ("Russia bears responsibility, Lavrov
    said")? Not "denied it was responsible", nor a third-person pronoun on either side ("they said
    Moscow was responsible"): resolving pronouns is too unsure for a party's blame of itself."""
    subj = first_child(verb, ("nsubj",))
    first = subj is not None and subj.lower_ in d.lex.words("first_person")
    if subj is None or (subj.pos_ == "PRON" and not first):
        return False
    speakers, _, denied = attribute(d, verb, verb.sent)
    if denied or not speakers:
        return False
    named = [m for m in speakers if d.doc[m.start].pos_ != "PRON"]
    return first or bool(roots(named) & roots(own))


def plea(d: BlameDoc, verb: Token) -> tuple[Token, str] | None:
    """A plea: (its word, ``admission`` or ``denial``) for "pleaded guilty", "pleaded not guilty",
    "pleaded innocent" (``plea_words``); none when the plea is not made ("did not plead guilty",
    "would plead guilty")."""
    words = d.lex.extra["plea_words"]
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in d.lex.words("plea_verbs") or passive(verb):
        return None
    word = next((c for c in verb.children if c.lower_ in words and c.i > verb.i), None)
    if word is None:
        return None
    before = d.doc[word.i - 1]
    not_word = before.i > verb.i and before.dep_ == "neg"  # "pleaded not guilty": "not" hangs on either word
    if (negated(verb) and not not_word) or hypothetical(verb, d.lex) or refused(d, verb):
        return None
    family = words[word.lower_]
    if not_word or negated(word):
        family = "denial" if family == "admission" else "admission"
    return word, family


def complement(d: BlameDoc, verb: Token, preps: tuple[str, ...]) -> Span | None:
    """What a plea or apology is about: the phrase of its first ``preps`` preposition, on the verb,
    a dependent or a prepositional object of it ("pleaded guilty to fraud", "apologised to the
    families for the delays")."""
    near = [verb, *verb.children, *(pobj(c) for c in verb.children if c.dep_ == "prep")]
    for t in (t for t in near if t is not None):
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in preps and pobj(c) is not None:
                return issue_of(d, pobj(c))
    return None


def issue_of(d: BlameDoc, head: Token | None) -> Span | None:
    """The phrase headed by ``head``, without a leading "that"."""
    span = span_of(d, head)
    if span is not None and len(span) > 1 and span[0].dep_ == "mark":
        return span[1:]
    return span


def reported_own_act(d: BlameDoc, verb: Token, doers: list[Mention]) -> Token | None:
    """The reporting verb (``own_act_report_verbs``) whose reported clause is ``verb`` when its
    owner (:func:`owners`: the speaker, or the organisation a spokesperson speaks for) is one of
    the ``doers``: "the group said it had carried out the attack", "a Hamas spokesman said they
    fired the rockets"; ``None`` for another party's act ("Hamas said Israel struck")."""
    t = verb
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if t.dep_ != "ccomp" or not doers:
        return None
    report = t.head
    if report.lemma_.lower() not in d.lex.words("own_act_report_verbs") or withheld(d, report):
        return None
    return report if roots(owners(d, report)) & roots(doers) else None
