"""Quoted and paraphrased criticism (issue 16): a speaker's evaluation of an actor, with no word of
criticising ("slammed" and "criticised" are explicit verbs). Rows of the criticism kind and family;
the blamer is who says it (``docs/annotation/blame.md`` version 2, criticism):

- an evaluation in reported words, predicated of an actor or of an actor's thing: "Critics say the
  mayor's plan is reckless", "'He was ruthless,' Bumhira said", "said the government had failed the
  victims", "called the minister's decision disgraceful"; the blamer is the speaker of the
  attribution whose content holds the evaluation (:func:`helpers.blame.cues.speakers.speaker`), an
  unnamed one ("critics", "residents") included; "it was unacceptable that the council closed
  it" judges the clause's subject (not a passive's: the victim); with no attribution, no row
  (the author's own evaluations are :mod:`helpers.blame.cues.criticism`'s);
- a label given by a characterising verb, with or without "as": "called the budget 'a betrayal of
  working families'", "labelled him a liar", "described the plan as reckless"; the blamer is the
  verb's subject (the "by" agent of a passive, else the speaker, else ``unstated``), also when
  the parser hangs the label on a possessed object ("called Y's decision 'a betrayal'");
- a demand that an actor go: "demanded the governor's resignation", "called for her resignation
  over the leak", "urged the mayor to step down"; the blamer is the demander (``unstated`` for
  "calls for his resignation grew");
- a protest against an actor or an actor's thing: "thousands protested against the government",
  "a rally against the mayor's plan", "anti-Assad protests"; the blamer is the protesters (the
  subject, the organiser, else the protest itself as an unnamed party). A protest against a thing
  alone ("against the extradition bill") gives no row.

No row when no actor is the target, when the word is negated or under a modal ("would be a
disaster"), in a question, when the reporting verb withholds the judgement ("denied that the plan
was reckless", ``evaluation_withholding_frames``), or when the speaker judges himself (the table
keeps blamer = blamed only for admissions). Reads the lexicon's ``evaluation_*``,
``criticism_adjectives``, ``criticism_nouns``, ``characterization_verbs``, ``resignation_*``,
``legal_demand_verbs`` and ``protest_*`` entries.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from helpers.blame.cues.criticism import CRITICISM, judged_actors, label_tone
from helpers.blame.cues.registry import Row
from helpers.blame.cues.speakers import speaker, unnamed
from helpers.blame.document import (
    UNSTATED,
    BlameDoc,
    Mention,
    first_child,
    hypothetical,
    implicit_blamer,
    lacks_particle,
    negated,
    passive,
    pobj,
    questioned,
    span_of,
    unasserted,
)

FAMILY = "criticism"


def _words(d: BlameDoc, *names: str) -> frozenset[str]:
    return frozenset().union(*(d.lex.words(n) for n in names))


# ----- evaluations: predicates, labels, modifiers ----------------------------------------------
@CRITICISM.extractor(triggers=("evaluation_adjectives", "evaluation_nouns", "criticism_adjectives",
                               "criticism_nouns"), family=FAMILY)
def evaluation(d: BlameDoc, t: Token) -> list[Row]:
    """An evaluative word judging an actor: a label ("called him a liar", "described it as
    reckless"), a predicate in reported words ("said the plan was reckless"), or a modifier of an
    actor's thing in reported words ("the minister's disgraceful decision")."""
    words = _words(d, "evaluation_adjectives", "evaluation_nouns", "criticism_adjectives", "criticism_nouns")
    if t.pos_ not in ("ADJ", "NOUN") or t.lemma_.lower() not in words or negated(t):
        return []
    head = t.head if t.dep_ == "amod" and t.head.pos_ == "NOUN" else t  # "a ruthless dictator"
    gov = head.head
    verb = _labelling_verb(d, head)
    if verb is not None:
        return _labelled(d, t, verb, head)
    if head.dep_ in ("attr", "acomp") and gov.lemma_.lower() in d.lex.words("evaluation_copulas"):
        return _predicated(d, t, gov)
    if head is not t and head.dep_ not in ("attr", "oprd"):  # "the minister's disgraceful decision"
        owners = [m for c in head.children if c.dep_ == "poss" for m in d.np_actors(c)]
        return _reported(d, t, owners, span_of(d, head))
    return []


def _labelling_verb(d: BlameDoc, label: Token) -> Token | None:
    """The characterising verb ``label`` is the label of: its object predicate or complement
    ("called him a liar"), through "as" ("described it as reckless"); also as the parser often
    attaches a label after a possessed object, to that object ("called Y's decision 'a
    betrayal'" with the label an apposition or object of "decision"; "described Y's remarks as
    racist" with "as" under "remarks")."""
    labels, gov = d.lex.characterization_verbs, label.head
    if gov.lower_ == "as" and gov.dep_ == "prep":  # "as reckless": what "as" hangs on
        label, gov = gov, gov.head
        if gov.lemma_.lower() in labels:
            return gov
    elif label.dep_ in ("oprd", "ccomp", "xcomp", "acomp") and gov.lemma_.lower() in labels:
        return gov
    elif label.dep_ not in ("appos", "dobj", "npadvmod") or d.doc[label.left_edge.i - 1].text == ",":
        return None  # ", a disaster for farmers,": a true apposition, no label
    if gov.dep_ == "dobj" and gov.i < label.i and gov.head.lemma_.lower() in labels:
        return gov.head  # the label misattached to the verb's object
    return None


def _labelled(d: BlameDoc, t: Token, verb: Token, label: Token) -> list[Row]:
    """ "X called the budget 'a betrayal'", "Y was labelled a liar by X": the labelled object's
    actors (or its owner's) are criticised by the verb's subject (agent)."""
    if unasserted(verb, d.lex):
        return []
    if passive(verb):
        obj = first_child(verb, ("nsubjpass",))
        agent = pobj(first_child(verb, ("agent",)))
        blamer = d.np_party(agent) if agent is not None else []
    else:
        obj = first_child(verb, ("dobj",))
        subj, subj_tok = d.subject(verb)
        blamer = subj or d.np_party(subj_tok)
    if obj is not None and obj.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
        obj = verb.head  # "Amman, who was described as 'knife-obsessed' by police": the antecedent
    if obj is None or obj.i == label.i:
        return []
    targets = judged_actors(d, obj)
    if not targets:
        return []
    blamer = blamer or speaker(d, t) or [implicit_blamer(UNSTATED)]
    return [Row("criticism", t, targets, blamer=blamer, issue=span_of(d, obj))]


def _predicated(d: BlameDoc, t: Token, copula: Token) -> list[Row]:
    """ "the mayor's plan is reckless", "He was a dictator", in a speaker's words."""
    subj = first_child(copula, ("nsubj",))
    if subj is None or negated(copula) or hypothetical(copula, d.lex) or subj.lower_ in ("there", "this", "that"):
        return []
    if subj.lower_ == "it":  # "it was a disgrace that the council closed the clinic": the clause's doer
        clause = _that_clause(copula)
        if clause is None or passive(clause) or unasserted(clause, d.lex):
            return []
        subj = first_child(clause, ("nsubj",))
    return _reported(d, t, judged_actors(d, subj), span_of(d, subj))


def _that_clause(copula: Token) -> Token | None:
    """The extraposed "that" clause of "it is ... that": the copula's, or, as the parser often
    has it, a clause on the predicate noun ("a disgrace that the council closed it") with a
    "that" mark and its own subject (not a relative clause: "a disgrace that shocked us")."""
    preds = [c for c in copula.children if c.dep_ in ("attr", "acomp")]
    for c in [*copula.children, *(g for p in preds for g in p.children)]:
        if c.dep_ in ("ccomp", "relcl", "acl") and first_child(c, ("mark",), "that") is not None \
                and first_child(c, ("nsubj",)) is not None:
            return c
    return None


def _reported(d: BlameDoc, t: Token, targets: list[Mention], issue: Span | None) -> list[Row]:
    """A row for ``targets`` when ``t`` is in a speaker's words (the speaker blames)."""
    if not targets or questioned(t):
        return []
    speakers = speaker(d, t)
    return [Row("criticism", t, targets, blamer=speakers, issue=issue)] if speakers else []


# ----- a quoted label of any words --------------------------------------------------------------
@CRITICISM.extractor(triggers=("quoted_label_verbs",), family=FAMILY)
def quoted_label(d: BlameDoc, t: Token) -> list[Row]:
    """ "The posts termed her a \"corrupt oaf\"", "called the minister's levy a \"raid on
    savers\"": a characterising verb (``quoted_label_verbs``) whose object predicate is quoted and
    read as negative by VADER criticises the object's actors (or its owner's); the blamer is the
    verb's subject, else the speaker, else ``unstated``. Labels of the evaluation lists are
    :func:`evaluation`'s."""
    if t.pos_ != "VERB" or t.lemma_.lower() not in d.lex.words("quoted_label_verbs") or passive(t) \
            or unasserted(t, d.lex):
        return []
    obj, label = first_child(t, ("dobj",)), first_child(t, ("oprd", "xcomp", "ccomp"))
    if obj is None or label is None or label.i < obj.i or obj.lower_ in ("it", "this", "that"):
        return []  # "called it a 'terrible event'": an event or a thing, not an actor's conduct
    span = span_of(d, label)
    if not _quoted(span) or label_tone(span) != "negative":
        return []
    targets = judged_actors(d, obj)
    if not targets:
        return []
    subj, subj_tok = d.subject(t)
    blamer = subj or d.np_party(subj_tok) or speaker(d, t) or [implicit_blamer(UNSTATED)]
    return [Row("criticism", label, targets, blamer=blamer, issue=span_of(d, obj))]


def _quoted(span: Span) -> bool:
    """Does the phrase open with, or hold, a quotation mark (a label in the speaker's words)?"""
    doc = span.doc
    return any(x.text in ('"', "\u201c", "\u201d", "``", "''") for x in doc[max(0, span.start - 1) : span.end])


# ----- "said the government had failed the victims" ---------------------------------------------
@CRITICISM.extractor(triggers=("evaluation_verbs",), family=FAMILY)
def wronging_verb(d: BlameDoc, t: Token) -> list[Row]:
    """A verb of wronging someone in reported words: its subject's actors are criticised
    ("'The council bungled the response,' she said"); "fail" only with an object ("failed the
    victims")."""
    lemma = t.lemma_.lower()
    if t.pos_ != "VERB" or lemma not in d.lex.words("evaluation_verbs") or negated(t) or passive(t) \
            or hypothetical(t, d.lex):
        return []
    obj = first_child(t, ("dobj",))
    if lemma == "fail" and (obj is None or first_child(t, ("xcomp",)) is not None):
        return []
    subj, _ = d.subject(t)
    return _reported(d, t, subj, span_of(d, obj))


# ----- demands that an actor go -----------------------------------------------------------------
@CRITICISM.extractor(triggers=("resignation_nouns",), family=FAMILY)
def resignation_demand(d: BlameDoc, t: Token) -> list[Row]:
    """ "demanded the governor's resignation", "called for the resignation of the minister",
    "calls for her resignation grew": the demander criticises whose resignation it is."""
    if t.pos_ != "NOUN" or t.lemma_.lower() not in d.lex.words("resignation_nouns"):
        return []
    targets = [m for c in t.children if c.dep_ == "poss" for m in d.np_actors(c)]
    targets += [m for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for m in d.np_actors(pobj(c))]
    gov = t.head.head if t.dep_ == "pobj" and t.head.lower_ == "for" else t.head if t.dep_ == "dobj" else None
    if not targets or gov is None or gov.lemma_.lower() not in d.lex.words("legal_demand_verbs"):
        return []
    return _demand(d, t, gov, targets)


@CRITICISM.extractor(triggers=("resignation_verbs",), family=FAMILY)
def resign_demand(d: BlameDoc, t: Token) -> list[Row]:
    """ "urged the mayor to resign", "called on him to step down", "demanded that the minister
    quit": the demander criticises who is to go."""
    lemma = t.lemma_.lower()
    if (t.pos_ != "VERB" and t.dep_ != "ccomp") or lemma not in d.lex.words("resignation_verbs") or negated(t):
        return []  # the subjunctive "demanded that Hale resign" is often parsed as a noun
    if lacks_particle(t, d.lex):  # "step down", not "step in"
        return []
    gov = t.head
    if gov.lemma_.lower() not in d.lex.words("legal_demand_verbs"):
        return []
    if t.dep_ == "ccomp":  # "demanded that the minister resign"
        targets = d.np_actors(first_child(t, ("nsubj",))) or d.mentions_between(t.left_edge.i, t.i)
    elif t.dep_ in ("xcomp", "advcl"):  # "urged the mayor to resign", "called on the mayor to resign"
        on = pobj(first_child(gov, ("prep",), "on"))
        targets = d.np_actors(first_child(gov, ("dobj",)) or on)
    else:
        targets = []
    return _demand(d, t, gov, targets) if targets else []


def _demand(d: BlameDoc, cue: Token, gov: Token, targets: list[Mention]) -> list[Row]:
    """The demander of ``gov`` (a verb or a noun: "calls for") criticises ``targets``."""
    if unasserted(gov, d.lex):
        return []
    if gov.pos_ == "VERB":
        subj, subj_tok = d.subject(gov)
        blamer = subj or d.np_party(subj_tok) or speaker(d, cue)
    else:
        blamer = [m for c in gov.children if c.dep_ in ("poss", "compound", "amod") for m in d.np_party(c)]
    blamer = blamer or [implicit_blamer(UNSTATED)]
    return [Row("criticism", cue, targets, blamer=blamer, issue=None)]


# ----- protests against an actor ----------------------------------------------------------------
@CRITICISM.extractor(triggers=("protest_words",), family=FAMILY)
def protest(d: BlameDoc, t: Token) -> list[Row]:
    """ "protested against the government", "a rally against the mayor's plan", "anti-Assad
    protests": the protesters criticise the actor (of the thing) protested against."""
    if t.pos_ not in ("VERB", "NOUN") or t.lemma_.lower() not in d.lex.words("protest_words") \
            or unasserted(t, d.lex):
        return []
    marks = d.lex.words("protest_marks")
    targets = [m for c in t.children if c.dep_ == "prep" and c.lower_ in marks for m in judged_actors(d, pobj(c))]
    if t.pos_ == "NOUN":
        targets += _anti(d, t)
    if not targets:
        return []
    return [Row("criticism", t, targets, blamer=_protesters(d, t))]


def _anti(d: BlameDoc, noun: Token) -> list[Mention]:
    """Actors named after "anti-" among a noun's modifiers ("anti-Assad protests"); "anti-government"
    names the government of the sentence's state (:func:`_sentence_state`)."""
    doc, out = d.doc, []
    for k in range(noun.left_edge.i, noun.i - 1):
        if doc[k].lower_ != "anti" or doc[k + 1].text != "-":
            continue
        if (k + 2) in d.by_token:
            found = [d.by_token[k + 2]]
        elif doc[k + 2].lower_ in d.lex.words("protest_government_nouns"):
            found = _sentence_state(d, noun)
        else:
            found = []
        out += [m for m in found if m not in out]
    return out


def _sentence_state(d: BlameDoc, t: Token) -> list[Mention]:
    """The one state the sentence of ``t`` names (by name, seat or demonym: "in Baghdad and
    southern Iraq", "Serbians protested"): its first mention; none or two states: nothing."""
    sent = t.sent
    states = [m for m in d.mentions_between(sent.start, sent.end)
              if m.actor_id and d.cat.actors[m.actor_id].type == "state"]
    return states[:1] if len({m.actor_id for m in states}) == 1 else []


def _protesters(d: BlameDoc, t: Token) -> list[Mention]:
    """Who protests: a verb's subject; a noun's owner or modifier ("the union's protest"), else
    the subject of the verb holding it ("Students staged a protest"), else the protest itself as
    an unnamed party."""
    if t.pos_ == "VERB":
        subj, subj_tok = d.subject(t)
        found = subj or d.np_party(subj_tok)
    else:
        found = [m for c in t.children if c.dep_ in ("poss", "compound") for m in d.np_party(c)]
        if not found and t.dep_ == "dobj" and t.head.pos_ == "VERB":
            subj, subj_tok = d.subject(t.head)
            found = subj or d.np_party(subj_tok)
    return found or [unnamed(t)]
