"""Criticism: an evaluative attack on the target's conduct ("strains credulity", "had all the
incentives to torpedo", "its intransigence", "the statements were outrageous", "labelled X as a
terrorist"; a quoted label only when it does not praise, :func:`praising`). Owns the family's
shared :func:`judged_actors` (who a judged phrase blames: a named person, not the state that
describes him; a victim's fate blames its doer, never the victim). Reads the lexicon's
``criticism_*``, ``characterization_*`` and ``fate_nouns`` entries."""

from __future__ import annotations

from spacy.tokens import Span, Token

from helpers.blame.cues.registry import Row, register
from helpers.blame.cues.speakers import reporting
from helpers.blame.document import (
    BlameDoc,
    Mention,
    attacks_in_words,
    first_child,
    lacks_particle,
    negated,
    passive,
    pobj,
    span_of,
)

CRITICISM = register("criticism", order=2, weight=0.4)


@CRITICISM.extractor(triggers=("characterization_verbs", "criticism_verbs", "criticism_nouns",
                               "criticism_adjectives", "criticism_phrase_heads"))
def criticism(d: BlameDoc, t: Token) -> list[Row]:
    """A criticism word, not negated."""
    return [] if negated(t) else _criticism(d, t)


@CRITICISM.extractor(triggers=("verbal_attack_verbs",))
def verbal_attack(d: BlameDoc, t: Token) -> list[Row]:
    """ "Erdogan attacked the proclamation by Trump", "Republicans attacked Pelosi's inquiry": an
    attack verb whose object is a statement, decision or process (``verbal_attack_objects``)
    criticises whoever it belongs to (:func:`judged_actors`); the subject (or "by" agent) is the critic."""
    if t.pos_ != "VERB" or negated(t) or not attacks_in_words(t, d.lex):
        return []
    if passive(t):
        held, blamer = first_child(t, ("nsubjpass",)), d.np_party(pobj(first_child(t, ("agent",))))
    else:
        (subj, subj_tok), held = d.subject(t), first_child(t, ("dobj",))
        blamer = subj or d.np_party(subj_tok)
    targets = judged_actors(d, held)
    return [Row("criticism", t, targets, blamer=blamer, issue=span_of(d, held))] if targets and blamer else []


def _characterization(d: BlameDoc, v: Token) -> list[Row]:
    """ "X labelled Soleimani as a terrorist", "named the PKK and YPG as terrorists", "what Kerry
    described as a \"parallel universe\"": the subject criticises the object when the "as"
    phrase is quoted or names a wrong (``characterization_words``)."""
    obj = first_child(v, ("dobj",))
    as_prep = first_child(v, ("prep",), "as") or (first_child(obj, ("prep",), "as") if obj is not None else None)
    # "as" under the object: a common misparse; an adjective under "as": "as 'knife-obsessed'"
    label = None if as_prep is None else pobj(as_prep) or first_child(as_prep, ("amod", "acomp"))
    if label is None:
        return []
    words = {t.lower_ for t in label.subtree} | {t.lemma_.lower() for t in label.subtree}
    quoted = any(t.text == '"' for t in d.doc[as_prep.i : label.right_edge.i + 2])
    if not (quoted and not praising(span_of(d, label)) or words & d.lex.characterization_words):
        return []
    if passive(v):
        return _passive_characterization(d, v, label)
    if obj is not None and obj.tag_ in ("WP", "WDT") and v.dep_ in ("ccomp", "dobj", "relcl"):
        targets, _ = d.subject(v.head)  # "creating what Kerry described as ...": what the version created
    else:
        targets = d.np_actors(obj)
    if not targets:
        return []
    subj, subj_tok = d.subject(v)
    return [Row("criticism", v, targets, blamer=subj or d.np_party(subj_tok), issue=span_of(d, label))]


def _passive_characterization(d: BlameDoc, v: Token, label: Token) -> list[Row]:
    """ "Ali, who was described as 'reckless' by police", "the minister was branded a traitor by
    the opposition": the subject (a relative pronoun's antecedent) is criticised by the "by" agent
    only (an agentless "was described as" is the author's report of nobody's words: no row)."""
    agent = pobj(first_child(v, ("agent",)))
    subj = first_child(v, ("nsubjpass",))
    if agent is None or subj is None:
        return []
    if subj.tag_ in ("WP", "WDT") and v.dep_ == "relcl":
        subj = v.head
    targets, blamer = d.np_actors(subj), d.np_party(agent)
    if not targets or not blamer:
        return []
    return [Row("criticism", v, targets, blamer=blamer, issue=span_of(d, label))]


def label_tone(label: Span | None) -> str:
    """VADER's reading of a quoted label's words: "positive", "negative" or "neutral" (VADER's
    usual threshold; "neutral" for no label). A quoted label criticises only when it does not
    praise ("a 'parallel universe'", "a 'stunt'"; not "a 'guiding force'"), and one that names no
    wrong criticises only when it is negative ("termed her a 'corrupt oaf'")."""
    from helpers.sentiment.rules import vader_label, vader_score  # the sentiment stage's VADER

    return "neutral" if label is None else vader_label(vader_score(label.text))


def praising(label: Span | None) -> bool:
    """Is a quoted label praise (:func:`label_tone` positive: "a guiding force", "a true patriot")?"""
    return label_tone(label) == "positive"


def _criticism(d: BlameDoc, t: Token) -> list[Row]:
    lex = d.lex
    lemma = t.lemma_.lower()
    if t.pos_ == "VERB" and lemma in lex.characterization_verbs:
        return _characterization(d, t)
    if t.pos_ == "VERB" and lemma in lex.criticism_verbs:
        if lemma in ("fail", "refuse") and first_child(t, ("xcomp",)) is None:
            return []
        if lacks_particle(t, lex):
            return []  # "covered up the abuse", not "covered the story"
        subj, _ = d.subject(t)
        obj = first_child(t, ("dobj", "xcomp"))
        if obj is None:  # "to overdramatize and distort a typical incident": the conjoined verb's object
            conj = first_child(t, ("conj",))
            obj = first_child(conj, ("dobj",)) if conj is not None and conj.pos_ == "VERB" else None
        return [Row("criticism", t, subj, issue=span_of(d, obj))] if subj else []
    if t.pos_ == "NOUN" and lemma in lex.criticism_nouns:
        targets, issue = [], None
        for c in t.children:
            if c.dep_ in ("poss", "amod", "compound"):
                targets += d.np_actors(c)
            elif c.dep_ == "prep" and c.lower_ == "of" and lemma not in lex.words("criticism_nouns_objective"):
                # "a capitulation of the U.S. policy in Syria"; not "obstruction of Congress" (the wronged)
                targets += d.np_actors(pobj(c))
                issue = span_of(d, pobj(c))
        return [Row("criticism", t, targets, issue=issue)] if targets else []
    if t.pos_ == "ADJ" and lemma in lex.criticism_adjectives and t.dep_ in ("acomp", "attr") and t.head.lemma_ == "be":
        if negated(t.head) or reporting(d, t) is not None:
            return []  # "was not reckless"; in a speaker's words: quoted_criticism's (the speaker blames)
        subj = first_child(t.head, ("nsubj",))
        if subj is not None:
            targets = judged_actors(d, subj) if subj.lemma_.lower() in lex.words("fate_nouns") \
                else d.np_actors(subj) or (d.agent_of_act(subj) if d.is_act(subj) else [])
            return [Row("criticism", t, targets, issue=span_of(d, subj))] if targets else []
    if t.pos_ == "VERB" and lemma in lex.criticism_phrase_heads:
        for phrase in lex.criticism_phrases:
            words = tuple(x.lower_ for x in t.doc[t.i : t.i + len(phrase)])
            if words[1:] == phrase[1:] and t.lemma_.lower() == phrase[0]:
                subj = first_child(t, ("nsubj",))
                targets = d.np_actors(subj)
                if subj is not None and not targets:
                    for c in subj.children:  # "the version of events" of the ministry
                        if c.dep_ in ("poss",):
                            targets += d.np_actors(c)
                if not targets:
                    return []
                return [Row("criticism", t, targets, issue=span_of(d, subj), cue_end=t.i + len(phrase))]
    return []


# ----- shared with the family's other modules ----------------------------------------------------
def judged_actors(d: BlameDoc, head: Token | None) -> list[Mention]:
    """The actors a judged phrase names, or whose thing or act it is ("the mayor's plan", "the
    handling of the crisis by the ministry"). A named person is judged, not the state or body
    that describes him ("Russian president Vladimir Putin": Putin, as :meth:`BlameDoc.np_actors`
    reads a person's title). A victim's fate ("Nabil's murder", "the arrest of the reporter",
    ``fate_nouns``) judges its doer only (a "by" phrase, or the possessor when an "of" phrase
    names the victim: "the state's killing of X")."""
    if head is None:
        return []
    if head.lemma_.lower() in d.lex.words("fate_nouns"):
        return _doers(d, head)
    found = d.np_actors(head)
    if not found and head.pos_ in ("NOUN", "PROPN"):
        found = d.agent_of_act(head)
    return found


def _doers(d: BlameDoc, fate: Token) -> list[Mention]:
    """Who brought a victim's fate about: a "by"/"from" phrase's actors, or the possessor and
    modifiers when an "of" phrase names the victim; never the victim."""
    doers = [m for c in fate.children if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from")
             for m in d.np_actors(pobj(c))]
    if first_child(fate, ("prep",), "of") is not None:
        doers += [m for c in fate.children if c.dep_ in ("poss", "compound") for m in d.np_actors(c)]
    return doers
