"""Explicit blame: a blame word names who blames whom ("blamed the strike on Russia",
"accusations against", "bears the responsibility for", "is responsible for"). Reads the lexicon's
``explicit_verbs`` and ``explicit_nouns`` frames and the ``responsibility_*`` words."""

from __future__ import annotations

from spacy.tokens import Token

from helpers.blame.cues.registry import Row, register
from helpers.blame.document import UNSTATED, BlameDoc, first_child, negated, passive, pobj, span_of

EXPLICIT = register("explicit", order=0, weight=1.0, family="accusation")


@EXPLICIT.extractor(triggers=("explicit_verbs",))
def explicit_verb(d: BlameDoc, t: Token) -> list[Row]:
    """A blame verb, not negated: "X accused Y of ...", "Y was blamed for ..."."""
    lemma = t.lemma_.lower()
    if t.pos_ == "VERB" and lemma in d.lex.explicit_verbs and not negated(t):
        return _explicit_verb(d, t, d.lex.explicit_verbs[lemma] or {})
    return []


@EXPLICIT.extractor(triggers=("explicit_nouns",))
def explicit_noun(d: BlameDoc, t: Token) -> list[Row]:
    """A blame noun: "accusations against Y", "X's condemnation of the bombing by Y"."""
    lemma = t.lemma_.lower()
    if t.pos_ in ("NOUN", "PROPN") and lemma in d.lex.explicit_nouns:
        return _explicit_noun(d, t, d.lex.explicit_nouns[lemma] or {})
    return []


@EXPLICIT.extractor(triggers=("responsibility_words",))
def responsibility(d: BlameDoc, t: Token) -> list[Row]:
    """A responsibility word: "Y bears the responsibility", "Y is responsible", "hold Y responsible"."""
    if t.lemma_.lower() in d.lex.responsibility_words:
        return _responsibility(d, t)
    return []


def _explicit_verb(d: BlameDoc, v: Token, frame: dict) -> list[Row]:
    issue_preps = set(str(frame.get("issue", "")).split())
    target_preps = set(str(frame.get("target_preps", "")).split())
    issue = None
    for c in v.children:
        if c.dep_ == "prep" and c.lower_ in issue_preps:
            issue = span_of(d, pobj(c)) or issue
    if passive(v):
        targets = d.np_party(first_child(v, ("nsubjpass",)), phrase=False)
        agent = pobj(first_child(v, ("agent",)))
        if agent is None:  # the "by" phrase attached further down: "accused of misusing funds ... by officials"
            by = next((t for t in v.subtree if t.dep_ in ("agent", "prep") and t.lower_ == "by" and t.i > v.i), None)
            agent = pobj(by)
        blamer = d.np_party(agent) if agent is not None else []
        if not blamer and v.lemma_.lower() in d.lex.jurisdiction_verbs:  # "arrested in Lebanon"
            blamer = d.np_actors(pobj(first_child(v, ("prep",), "in"))) or []
    else:
        subj, subj_tok = d.subject(v)
        blamer = subj or d.np_party(subj_tok)
        targets = []
        for c in v.children:
            if c.dep_ == "prep" and c.lower_ in target_preps:  # "blamed C on B"
                targets = d.np_party(pobj(c), phrase=False)
                issue = span_of(d, first_child(v, ("dobj",)))
        if not targets:
            obj = first_child(v, ("dobj",))
            if obj is None:  # "denounced as an ugly crime Serbia's suppression of ..."
                as_obj = pobj(first_child(v, ("prep",), "as"))
                obj = first_child(as_obj, ("appos",)) if as_obj is not None else None
            if obj is not None and d.is_act(obj):  # "condemned the bombing by X"
                targets = d.agent_of_act(obj)
                issue = issue or span_of(d, obj)
            else:
                targets = d.np_party(obj, phrase=False) if obj is not None else []
        if not targets and issue is not None and d.is_act(issue.root):  # "complained over Israeli raids"
            targets = d.agent_of_act(issue.root)
        if not targets and frame.get("clause_target"):  # "alleged that Mahan had contributed to ..."
            clause = first_child(v, ("ccomp",))
            subj = first_child(clause, ("nsubj", "nsubjpass")) if clause is not None else None
            targets = d.np_party(subj, phrase=False) if subj is not None else []
            issue = span_of(d, clause) if targets else issue
        if not targets and v.dep_ in ("xcomp", "advcl"):  # "summoned the ambassador to complain"
            targets = d.np_party(first_child(v.head, ("dobj",)), phrase=False)
        if not targets and v.dep_ in ("acl", "parataxis", "advcl") and v.sent.root.i < v.i:
            # post-posed frame: "Croatian authorities are failing ..., a rights group protested"
            targets = d.np_actors(first_child(v.sent.root, ("nsubj", "nsubjpass")))
    family = str(frame.get("family", ""))
    # "was accused of ...", with no accuser: the accusation is someone's, not the author's (unstated)
    implicit = UNSTATED if passive(v) and not blamer else ""
    if not targets:
        return []
    return [Row("explicit", v, targets, blamer=blamer, issue=issue, family=family, implicit=implicit)]


def _explicit_noun(d: BlameDoc, n: Token, frame: dict) -> list[Row]:
    targets, issue = [], None
    target_preps, issue_preps = str(frame.get("target_preps", "")).split(), str(frame.get("issue", "")).split()
    for c in n.children:
        if c.dep_ == "prep" and c.lower_ in target_preps:
            obj = pobj(c)
            targets = d.agent_of_act(obj) if obj is not None and d.is_act(obj) else d.np_actors(obj)
        elif c.dep_ == "prep" and c.lower_ in issue_preps:
            issue = span_of(d, pobj(c))
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
    return [Row("explicit", n, targets, blamer=blamer, issue=issue)]


def _responsibility(d: BlameDoc, t: Token) -> list[Row]:
    """ "B bears the responsibility for C", "B is responsible for C", "hold B responsible", "B
    are the perpetrators of C"."""
    lex = d.lex
    issue = None
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ == "for":
            issue = span_of(d, pobj(c))
    # climb "the brunt of the responsibility" -> "brunt"
    head = t
    while head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ == "NOUN":
        head = head.head.head
    if (t.pos_ == "NOUN" and head.dep_ == "dobj" and head.head.lemma_ in lex.responsibility_verbs
            and not negated(head.head)):
        subj, _ = d.subject(head.head)
        return [Row("explicit", t, subj, issue=issue)] if subj else []
    if t.pos_ == "NOUN" and t.dep_ == "attr" and t.head.lemma_ == "be" and not negated(t.head):
        # "the group are the (suspected) perpetrators of the bombing", "X was the mastermind"
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                issue = span_of(d, pobj(c))
        subj, _ = d.subject(t.head)
        return [Row("explicit", t, subj, issue=issue)] if subj else []
    if t.pos_ == "ADJ" and t.lemma_ in lex.responsibility_adjectives:
        gov = t.head
        if t.dep_ in ("acomp", "attr") and gov.lemma_ == "be" and not negated(gov):
            subj, _ = d.subject(gov)
            return [Row("explicit", t, subj, issue=issue)] if subj else []
        if t.dep_ in ("oprd", "ccomp", "xcomp", "advcl") and gov.lemma_ == "hold" and not negated(gov):
            targets = d.np_actors(first_child(gov, ("dobj",)) or first_child(t, ("nsubj",)))
            blamer, _ = d.subject(gov)
            return [Row("explicit", t, targets, blamer=blamer, issue=issue)] if targets else []
    return []

