"""Criticism stated without quotes (issue 16): a stance of disapproval toward an actor, in the
words of ordinary news. Rows of the criticism kind and family (``docs/annotation/blame.md``
version 2, criticism, evaluation); one function per pattern:

- a stance predicate: "residents have been critical of the council", "the union said it was
  disappointed by the board's decision", "the mayor was angered by the minister's remarks"; the
  subject criticises the actor (or the owner of the thing) its preposition names;
- a stance noun expressed: "the union expressed disappointment with the board": the expresser
  criticises;
- a label given by "refer to ... as": "a move the opposition referred to as a 'stunt'", "the
  House's decision, which Ross has referred to as 'gamesmanship'"; the label is quoted or is an
  evaluation word;
- critics of an actor: "critics of the mayor say", "Smith, a longtime critic of the government";
  the critics (or the actor the noun describes) criticise it;
- criticism undergone: "the governor came under fire from residents over the delays", "the
  minister is under fire"; the "from" party criticises the subject (else ``unstated``, as the
  guideline's decisions write agentless criticism);
- disfavour: "Grace Mugabe was unpopular for her lavish lifestyle"; the subject is criticised, by
  whoever the attribution says (the author with no reporting frame).

Targets are actors only (a thing's owner or an act's agent through
:func:`helpers.blame.cues.criticism.judged_actors`); no row when no actor is the target, when
the stance is negated, under a modal or in a question, or when the blamer is the target. Words
are the lexicon's ``stance_*``, ``reference_verbs``, ``critic_nouns``, ``under_fire_*`` and
``disfavour_adjectives`` entries.
"""

from __future__ import annotations

from spacy.tokens import Token

from helpers.blame.cues.criticism import CRITICISM, judged_actors, praising
from helpers.blame.cues.registry import Row
from helpers.blame.cues.speakers import speaker, unnamed
from helpers.blame.document import (
    UNSTATED,
    BlameDoc,
    Mention,
    first_child,
    implicit_blamer,
    passive,
    pobj,
    questioned,
    span_of,
    unasserted,
)

FAMILY = "criticism"


def _preps(t: Token, marks: set[str]) -> list[Token]:
    """The objects of ``t``'s prepositions (and of a passive's "by" agent) among ``marks``."""
    return [o for c in t.children if c.dep_ in ("prep", "agent") and c.lower_ in marks
            for o in [pobj(c)] if o is not None]


def _off(d: BlameDoc, t: Token, *verbs: Token) -> bool:
    """Negated, hypothetical or asked: no stance is taken."""
    return any(unasserted(v, d.lex) for v in (t, *verbs))


def _row(cue: Token, targets: list[Mention], blamer: list[Mention] | None, issue=None) -> list[Row]:
    """A criticism row (the table drops a target that is its own blamer)."""
    return [Row("criticism", cue, targets, blamer=blamer or None, issue=issue)] if targets else []


# ----- "critical of", "disappointed by", "angered by" -------------------------------------------
@CRITICISM.extractor(triggers=("stance_predicates",), family=FAMILY)
def stance_predicate(d: BlameDoc, t: Token) -> list[Row]:
    """ "X has been critical of Y", "X was disappointed by Y's decision": the subject criticises
    the actor the stance's preposition names."""
    marks = d.lex.extra["stance_predicates"].get(t.lemma_.lower())
    if marks is None or t.pos_ not in ("ADJ", "VERB"):
        return []
    if t.pos_ == "VERB" and not passive(t):
        return []  # "the result disappointed him": the thing disappoints, no stance of a party
    gov = t.head if t.dep_ in ("acomp", "amod") and t.head.lemma_.lower() in d.lex.words("evaluation_copulas") else t
    if t.pos_ == "ADJ" and gov is t:
        return []  # "a critical moment", "critical infrastructure": no copula, no stance
    if _off(d, t, gov):
        return []
    targets = [m for o in _preps(t, set(marks.split())) for m in judged_actors(d, o)]
    if not targets:
        return []
    patient = first_child(gov, ("nsubjpass",))  # "the union was disappointed by"
    subj, subj_tok = (d.np_actors(patient), patient) if patient is not None else d.subject(gov)
    return _row(t, targets, subj or d.np_party(subj_tok) or speaker(d, t))


@CRITICISM.extractor(triggers=("stance_nouns",), family=FAMILY)
def stance_noun(d: BlameDoc, t: Token) -> list[Row]:
    """ "The union expressed disappointment with the board": the expresser criticises."""
    marks = d.lex.extra["stance_nouns"].get(t.lemma_.lower())
    gov = t.head
    if marks is None or t.pos_ != "NOUN" or t.dep_ != "dobj" \
            or gov.lemma_.lower() not in d.lex.words("stance_expressing_verbs") or _off(d, t, gov):
        return []
    targets = [m for o in _preps(t, set(marks.split())) for m in judged_actors(d, o)]
    if not targets:
        return []
    subj, subj_tok = d.subject(gov)
    return _row(t, targets, subj or d.np_party(subj_tok) or speaker(d, t))


# ----- "referred to X as 'a stunt'" ------------------------------------------------------------
@CRITICISM.extractor(triggers=("reference_verbs",), family=FAMILY)
def referred_as(d: BlameDoc, t: Token) -> list[Row]:
    """ "which Ross has referred to as 'gamesmanship'": the subject criticises the referent (or
    its owner) when the label is quoted or an evaluation word."""
    if t.pos_ != "VERB" or t.lemma_.lower() not in d.lex.words("reference_verbs") or _off(d, t):
        return []
    to = pobj(first_child(t, ("prep",), "to"))
    label = pobj(first_child(t, ("prep",), "as") or (first_child(to, ("prep",), "as") if to is not None else None))
    if to is None or label is None or not _judging(d, label):
        return []
    referent = t.head if to.tag_ in ("WDT", "WP") and t.dep_ == "relcl" else to  # "which": its antecedent
    agent = pobj(first_child(t, ("agent",)))
    subj, subj_tok = d.subject(t)
    blamer = d.np_party(agent) if passive(t) and agent is not None else subj or d.np_party(subj_tok)
    return _row(label, judged_actors(d, referent), blamer or speaker(d, t) or [implicit_blamer(UNSTATED)],
                issue=span_of(d, referent))


def _judging(d: BlameDoc, label: Token) -> bool:
    """A label in quotation marks that does not praise (:func:`praising`), or one holding an
    evaluation or characterisation word."""
    first = label.left_edge
    quoted = first.is_quote or (first.i > 0 and d.doc[first.i - 1].is_quote)
    words = _label_words(d)
    judged = any(w.lemma_.lower() in words or w.lower_ in words for w in label.subtree)
    return judged or quoted and not praising(span_of(d, label))


def _label_words(d: BlameDoc) -> frozenset[str]:
    return frozenset().union(d.lex.words("evaluation_nouns"), d.lex.words("evaluation_adjectives"),
                             d.lex.characterization_words, d.lex.criticism_adjectives)


# ----- "critics of the mayor" ------------------------------------------------------------------
@CRITICISM.extractor(triggers=("critic_nouns",), family=FAMILY)
def critics_of(d: BlameDoc, t: Token) -> list[Row]:
    """ "Critics of the mayor say ...", "the mayor's critics", "Smith, a critic of the government",
    "Smith is an outspoken critic of the mayor": the critics (the party the noun describes, else
    the words themselves, unnamed) criticise the actor "of" or the possessor names."""
    if t.pos_ != "NOUN" or t.lemma_.lower() not in d.lex.words("critic_nouns") or questioned(t):
        return []
    owners = [c for c in t.children if c.dep_ == "poss"  # "the mayor's critics", not "the mayor's opponent"
              and t.lemma_.lower() not in d.lex.words("critic_nouns_of_only")]
    targets = [m for o in _preps(t, {"of"}) + owners for m in judged_actors(d, o)]
    if not targets or any(c.lower_ in ("no", "not") for c in t.children):
        return []
    holder = _described(d, t)
    if holder is None:
        return []  # "he is no critic of the mayor" (parsed with "no" as a determiner), "was not a critic"
    return _row(t, targets, (d.np_party(holder) if holder is not t else []) or [unnamed(holder)])


def _described(d: BlameDoc, noun: Token) -> Token | None:
    """The phrase a predicative noun describes: the head of an apposition ("Smith, a critic of");
    the subject of a copula, also through "more of a", "something of a" ("Bolton was more of a
    critic of Russia") and a relative pronoun ("Smith, who is a critic of"); else the noun itself.
    None when the copula is negated or hypothetical."""
    if noun.dep_ == "appos":
        return noun.head
    pred = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ in ("attr", "acomp"):
        pred = noun.head.head  # "more of a critic", "something of a critic"
    cop = pred.head
    if pred.dep_ != "attr" or cop.lemma_.lower() not in d.lex.words("evaluation_copulas"):
        return noun
    if _off(d, cop):
        return None
    subj = first_child(cop, ("nsubj",))
    if subj is not None and subj.tag_ in ("WP", "WDT") and cop.dep_ == "relcl":
        return cop.head  # "Smith, who is a critic of the mayor"
    return subj if subj is not None else noun


# ----- "came under fire from residents" --------------------------------------------------------
@CRITICISM.extractor(triggers=("under_fire_verbs",), family=FAMILY)
def under_fire(d: BlameDoc, t: Token) -> list[Row]:
    """ "The governor came under fire from residents over the delays", "the minister is under
    criticism": the subject is criticised by the "from" party (else ``unstated``)."""
    if t.lemma_.lower() not in d.lex.words("under_fire_verbs") or _off(d, t):
        return []
    under = first_child(t, ("prep",), "under")
    noun = pobj(under)
    if noun is None or noun.lemma_.lower() not in d.lex.words("under_fire_nouns"):
        return []
    subj, _ = d.subject(t)
    if not subj:
        return []
    source = _preps(noun, {"from"}) + _preps(t, {"from"})
    blamer = d.np_party(source[0]) if source else []
    return _row(noun, subj, blamer or [implicit_blamer(UNSTATED)])


# ----- "was unpopular for" ---------------------------------------------------------------------
@CRITICISM.extractor(triggers=("disfavour_adjectives",), family=FAMILY)
def disfavour(d: BlameDoc, t: Token) -> list[Row]:
    """ "Grace Mugabe was unpopular for her lavish lifestyle": the subject is criticised; the
    blamer is the attribution's (the author's with no reporting frame)."""
    if t.pos_ != "ADJ" or t.dep_ != "acomp" or t.lemma_.lower() not in d.lex.words("disfavour_adjectives"):
        return []
    cop = t.head
    if cop.lemma_.lower() not in d.lex.words("evaluation_copulas") or _off(d, t, cop):
        return []
    subj, _ = d.subject(cop)
    issue = next(iter(_preps(t, {"for", "over"})), None)
    return _row(t, subj, None, issue=span_of(d, issue))
