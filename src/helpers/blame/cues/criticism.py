"""Criticism: an evaluative attack on the target's conduct ("strains credulity", "had all the
incentives to torpedo", "its intransigence", "the statements were outrageous", "labelled X as a
terrorist"). Reads the lexicon's ``criticism_*`` and ``characterization_*`` entries."""

from __future__ import annotations

from spacy.tokens import Token

from helpers.blame.cues.registry import Row, register
from helpers.blame.cues.speakers import reporting
from helpers.blame.document import BlameDoc, first_child, lacks_particle, negated, pobj, span_of

CRITICISM = register("criticism", order=2, weight=0.4)


@CRITICISM.extractor(triggers=("characterization_verbs", "criticism_verbs", "criticism_nouns",
                               "criticism_adjectives", "criticism_phrase_heads"))
def criticism(d: BlameDoc, t: Token) -> list[Row]:
    """A criticism word, not negated."""
    return [] if negated(t) else _criticism(d, t)


def _characterization(d: BlameDoc, v: Token) -> list[Row]:
    """ "X labelled Soleimani as a terrorist", "named the PKK and YPG as terrorists", "what Kerry
    described as a \"parallel universe\"": the subject criticises the object when the "as"
    phrase is quoted or names a wrong (``characterization_words``)."""
    as_prep = first_child(v, ("prep",), "as")
    label = pobj(as_prep) if as_prep is not None else None
    if label is None:
        return []
    words = {t.lower_ for t in label.subtree} | {t.lemma_.lower() for t in label.subtree}
    quoted = any(t.text == '"' for t in d.doc[as_prep.i : label.right_edge.i + 2])
    if not (quoted or words & d.lex.characterization_words):
        return []
    obj = first_child(v, ("dobj",))
    if obj is not None and obj.tag_ in ("WP", "WDT") and v.dep_ in ("ccomp", "dobj", "relcl"):
        targets, _ = d.subject(v.head)  # "creating what Kerry described as ...": what the version created
    else:
        targets = d.np_actors(obj)
    if not targets:
        return []
    subj, subj_tok = d.subject(v)
    return [Row("criticism", v, targets, blamer=subj or d.np_party(subj_tok), issue=span_of(d, label))]


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
            elif c.dep_ == "prep" and c.lower_ == "of":  # "a capitulation of the U.S. policy in Syria"
                targets += d.np_actors(pobj(c))
                issue = span_of(d, pobj(c))
        return [Row("criticism", t, targets, issue=issue)] if targets else []
    if t.pos_ == "ADJ" and lemma in lex.criticism_adjectives and t.dep_ in ("acomp", "attr") and t.head.lemma_ == "be":
        if negated(t.head) or reporting(d, t) is not None:
            return []  # "was not reckless"; in a speaker's words: quoted_criticism's (the speaker blames)
        subj = first_child(t.head, ("nsubj",))
        if subj is not None:
            targets = d.np_actors(subj) or (d.agent_of_act(subj) if d.is_act(subj) else [])
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

