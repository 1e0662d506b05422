"""Explicit blame: a blame word names who blames whom ("blamed the strike on Russia",
"accusations against", "bears the responsibility for", "is responsible for"). Reads the lexicon's
``explicit_verbs`` and ``explicit_nouns`` frames and the ``responsibility_*`` words."""

from __future__ import annotations

from spacy.tokens import Token

from helpers.blame.cues.registry import Row, register
from helpers.blame.document import UNSTATED, BlameDoc, Mention, first_child, negated, passive, pobj, span_of

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
    if frame.get("needs_act") and not _about_act(d, v):
        return []  # "attributed the quote to", not "attributed the bombing to"
    moved = _moved_target(d, v, target_preps) if frame.get("passive_target") else None
    if moved is not None:  # "the bombing was blamed on X", "an attack ascribed to X"
        return moved
    bare = _bare_participle(d, v, issue_preps) if frame.get("object_accused") else None
    if bare is not None:  # "Ex-police chief accused of taking bribes", "Ali, accused of fraud, ..."
        return bare
    if passive(v):
        targets = _passive_subjects(d, v)
        agent = pobj(first_child(v, ("agent",)))
        if agent is None:  # the "by" phrase attached further down: "accused of misusing funds ... by officials"
            by = next((t for t in v.subtree if t.dep_ in ("agent", "prep") and t.lower_ == "by" and t.i > v.i), None)
            agent = pobj(by)
        blamer = d.np_party(agent) if agent is not None else []
        if not blamer and v.lemma_.lower() in d.lex.jurisdiction_verbs:  # "arrested in Lebanon"
            blamer = d.np_actors(pobj(first_child(v, ("prep",), "in"))) or []
    else:
        subj, subj_tok = d.subject(_through_medium(d, v))
        blamer = subj or d.np_party(subj_tok)
        targets = []
        dobj = first_child(v, ("dobj",))
        for c in [*v.children, *(dobj.children if dobj is not None else ())]:
            if c.dep_ == "prep" and c.lower_ in target_preps and not targets:  # "blamed C on B"
                targets = d.np_party(pobj(c), phrase=False)  # (the parser may hang "on B" on C)
                issue = span_of(d, dobj)
        if not targets:
            obj = first_child(v, ("dobj",))
            if obj is None:  # "denounced as an ugly crime Serbia's suppression of ..."
                as_obj = pobj(first_child(v, ("prep",), "as"))
                obj = first_child(as_obj, ("appos",)) if as_obj is not None else None
            if obj is not None and d.is_act(obj):  # "condemned the bombing by X"
                targets = d.agent_of_act(obj)
                issue = issue or span_of(d, obj)
            else:
                targets = (d.np_party(obj, phrase=False) or _deed_doers(d, obj)) if obj is not None else []
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


def _passive_subjects(d: BlameDoc, v: Token) -> list[Mention]:
    """The parties of a passive's subject; of the first that names one when the parser gave the
    verb two ("A resident of Antioch, Rittenhouse is accused of ...": the apposition split off)."""
    for c in v.children:
        found = d.np_party(c, phrase=False) if c.dep_ == "nsubjpass" else []
        if found:
            return found
    return []


def _deed_doers(d: BlameDoc, obj: Token) -> list[Mention]:
    """Who did the deed a neutral noun names by its "of" phrase ("condemned the act of the
    commission", "denounced the decision of the court"; ``deed_nouns``): its parties, else none."""
    if obj.lemma_.lower() not in d.lex.words("deed_nouns"):
        return []
    return d.np_party(pobj(first_child(obj, ("prep",), "of")), phrase=False)


def _bare_participle(d: BlameDoc, v: Token, issue_preps: set[str]) -> list[Row] | None:
    """A verb whose object is the accused, used with no object but its issue ("of"): a headline's
    bare participle ("Former police chief Ahmed Ali accused of taking bribes": the subject), "Y
    stands accused of fraud" (the subject of "stand"), or a
    participle on a noun ("Ali, accused of fraud, resigned": the noun, or the one named after "to
    be": "a prisoner, suspected to be Louis Dale"); the blamer is the "by" agent, else unstated.
    ``None`` when the verb has an object or a passive's own subject."""
    if passive(v) or first_child(v, ("dobj",)) is not None or v.tag_ not in ("VBN", "VBD"):
        return None
    if _reduced(v) and v.dep_ == "acl":
        xcomp = first_child(v, ("xcomp",))  # "a prisoner, suspected to be Louis Dale": the one named
        named = first_child(xcomp, ("attr",)) if xcomp is not None else None
        targets = d.np_party(v.head, phrase=False) or d.np_party(named, phrase=False)
    elif (v.dep_ == "ROOT" and not any(c.dep_ == "aux" for c in v.children)
          and any(c.dep_ == "prep" and c.lower_ in issue_preps for c in v.children)):
        targets = d.np_party(first_child(v, ("nsubj",)), phrase=False)
    elif v.dep_ in ("advcl", "acomp", "oprd", "xcomp") and v.head.lemma_ == "stand" and not negated(v.head):
        targets = d.np_party(first_child(v.head, ("nsubj",)), phrase=False)  # "Y stands accused of fraud"
    else:
        return None
    if not targets:
        return []
    issue = next((span_of(d, pobj(c)) for c in v.children if c.dep_ == "prep" and c.lower_ in issue_preps), None)
    by = next((t for t in v.subtree if t.dep_ in ("agent", "prep") and t.lower_ == "by"), None)
    blamer = d.np_party(pobj(by)) if by is not None else []
    return [Row("explicit", v, targets, blamer=blamer, issue=issue, implicit="" if blamer else UNSTATED)]


def _reduced(v: Token) -> bool:
    """A participle standing for a passive: "an attack ascribed to X", "the fire, blamed on X"."""
    return v.tag_ == "VBN" and v.dep_ in ("acl", "advcl", "relcl") and first_child(v, ("nsubj", "dobj")) is None


def _moved_target(d: BlameDoc, v: Token, target_preps: set[str]) -> list[Row] | None:
    """A passive (or a participle) whose blamed follows a target preposition: "the bombing was
    blamed on X", "another attack ascribed to X" (the blamed: X; the issue: the passive's subject
    or the noun the participle modifies; the blamer: the "by" agent, else unstated, as the
    guideline writes an agentless "was accused of"). ``None`` when the verb is no such passive."""
    if not target_preps or not (passive(v) or _reduced(v)):
        return None
    prep = next((c for c in v.children if c.dep_ == "prep" and c.lower_ in target_preps), None)
    if prep is None:
        return None
    targets = d.np_party(pobj(prep), phrase=False)
    if not targets:
        return []
    thing = first_child(v, ("nsubjpass",))
    if thing is None and v.dep_ == "acl":
        thing = v.head
    agent = pobj(first_child(v, ("agent",)) or next(
        (t for t in v.subtree if t.dep_ in ("agent", "prep") and t.lower_ == "by" and t.i > prep.i), None))
    blamer = d.np_party(agent) if agent is not None else []
    return [Row("explicit", v, targets, blamer=blamer, issue=span_of(d, thing),
                implicit="" if blamer else UNSTATED)]


def _about_act(d: BlameDoc, v: Token) -> bool:
    """Is what the verb ascribes an act ("attributed the bombing to", "an attack ascribed to")?"""
    thing = first_child(v, ("dobj", "nsubjpass"))
    if thing is None and v.dep_ == "acl":
        thing = v.head
    if thing is None and v.dep_ == "advcl":  # "..., another attack ascribed to X": the noun before
        thing = next((t for t in reversed(list(v.sent)) if t.i < v.i and t.pos_ in ("NOUN", "PROPN")), None)
    return thing is not None and d.is_act(thing)


def _through_medium(d: BlameDoc, v: Token) -> Token:
    """The word whose subject is the blamer of a participle: the participle itself, or, when the
    parser hung it on the medium of a message ("posted a message on Twitter blaming Iran", "a
    statement in the state newspaper accusing X"), the verb whose object is the message."""
    medium = v.head
    if not (v.dep_ == "acl" and medium.dep_ == "pobj" and medium.head.lower_ in d.lex.words("medium_preps")):
        return v
    message = medium.head.head
    if message.pos_ == "NOUN" and message.dep_ in ("dobj", "attr") and message.head.pos_ in ("VERB", "AUX"):
        return message.head
    return v


def _explicit_noun(d: BlameDoc, n: Token, frame: dict) -> list[Row]:
    targets, issue = [], None
    target_preps, issue_preps = str(frame.get("target_preps", "")).split(), str(frame.get("issue", "")).split()
    for c in n.children:
        if c.dep_ == "prep" and c.lower_ in target_preps:
            obj = pobj(c)
            targets = d.agent_of_act(obj) if obj is not None and d.is_act(obj) else d.np_actors(obj)
        elif c.dep_ == "prep" and c.lower_ in issue_preps:
            issue = span_of(d, pobj(c))
    family = str(frame.get("family", ""))
    if not targets:
        rows = _faced(d, n, issue) or (_clause_accusation(d, n) if frame.get("clause_target") else [])
        for r in rows:
            r.family = family  # "received criticism" is criticism, "faces allegations" an accusation
        return rows
    blamer = []
    for c in n.children:
        if c.dep_ in ("poss", "amod", "compound"):
            blamer += d.np_actors(c)
    gov = n.head.head if n.dep_ == "pobj" and n.head.dep_ == "prep" else n.head
    if not blamer and n.dep_ in ("dobj", "attr", "pobj") and gov.pos_ == "VERB":
        subj, subj_tok = d.subject(gov)  # "Moscow leveled accusations against", "called for sanctions against"
        blamer = subj or d.np_party(subj_tok)
    return [Row("explicit", n, targets, blamer=blamer, issue=issue, family=family)]


def noun_blamer(d: BlameDoc, n: Token) -> list[Mention]:
    """Who makes the accusation a noun names: its possessor or modifier ("Tsvangirai's
    allegations", "US accusations"), else its "by"/"from" phrase ("criticism from the union")."""
    found = [m for c in n.children if c.dep_ in ("poss", "amod", "compound") for m in d.np_actors(c)]
    for c in n.children:
        if not found and c.dep_ == "prep" and c.lower_ in ("by", "from"):
            found = d.np_party(pobj(c))
    return found


def _faced(d: BlameDoc, n: Token, issue) -> list[Row]:
    """An accusation the subject undergoes: "Toronto Police face allegations ...", "the minister
    drew criticism from the union", "the company received complaints" (``accusation_undergo_verbs``):
    the subject is blamed; the blamer the noun's own (:func:`noun_blamer`), else unstated."""
    v = n.head
    if n.dep_ != "dobj" or v.lemma_.lower() not in d.lex.words("accusation_undergo_verbs") or negated(v):
        return []
    targets, _ = d.subject(v)
    if not targets:
        return []
    blamer = noun_blamer(d, n) or d.np_party(pobj(first_child(v, ("prep",), "from")))  # "drew criticism from X"
    clause = next((c for c in n.children if c.dep_ in ("acl", "relcl", "ccomp")), None)
    return [Row("explicit", n, targets, blamer=blamer, issue=issue or span_of(d, clause),
                implicit="" if blamer else UNSTATED)]


def _clause_accusation(d: BlameDoc, n: Token) -> list[Row]:
    """An accusation noun carrying a clause about the blamed: "an allegation he assaulted his
    ex-wife", "claims that the army shelled the town" (the clause's subject is blamed; the
    blamer is the noun's own, the subject of the verb making it, else unstated)."""
    clause = carried_clause(d, n)
    subj = first_child(clause, ("nsubj", "nsubjpass")) if clause is not None else None
    if subj is None or subj.tag_ in ("WDT", "WP"):  # "the allegation that was made": a relative clause
        return []
    targets = d.np_party(subj, phrase=False)
    if not targets:
        return []
    blamer = noun_blamer(d, n)
    if not blamer and n.dep_ == "dobj" and n.head.lemma_.lower() in d.lex.words("accusation_making_verbs"):
        blamer, _ = d.subject(n.head)  # "the union made allegations that ..."
    return [Row("explicit", n, targets, blamer=blamer, issue=span_of(d, clause),
                implicit="" if blamer else UNSTATED)]


def carried_clause(d: BlameDoc, n: Token) -> Token | None:
    """The verb of the clause an accusation noun carries: its clause child ("claims that the army
    shelled"), or, where the parser hung the clause elsewhere ("came after an allegation he
    assaulted ..." read as "after ... he assaulted"), the verb whose subject starts right after
    the noun (or after its "that")."""
    clause = next((c for c in n.children if c.dep_ in ("acl", "relcl", "ccomp") and c.pos_ in ("VERB", "AUX")), None)
    if clause is not None:
        return clause
    i = n.i + 1 + (n.i + 1 < len(n.doc) and n.doc[n.i + 1].lower_ == "that")
    if i >= n.sent.end:
        return None
    subj = n.doc[i]
    while subj.dep_ not in ("nsubj", "nsubjpass") and subj.i < subj.head.i:
        subj = subj.head  # "the army's commander": climb to the phrase's head
    if subj.dep_ in ("nsubj", "nsubjpass") and subj.left_edge.i == i and subj.head.pos_ in ("VERB", "AUX"):
        return subj.head
    return None


def _responsibility(d: BlameDoc, t: Token) -> list[Row]:
    """ "B bears the responsibility for C", "B is responsible for C", "hold B responsible", "B
    are the perpetrators of C"."""
    lex = d.lex
    issue = None
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ == "for":
            what = pobj(c)
            if what is not None and what.lemma_.lower() in lex.words("duty_nouns"):
                return []  # "the board, which is responsible for the oversight of ...": a duty
            issue = span_of(d, what)
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
        held_obj = t.dep_ == "amod" and gov.dep_ == "dobj"  # the parser's "held [the X Party responsible]"
        gov = gov.head if held_obj else gov
        if (t.dep_ in ("oprd", "ccomp", "xcomp", "advcl") or held_obj) and gov.lemma_ == "hold" and not negated(gov):
            targets = d.np_actors(first_child(gov, ("dobj",)) or first_child(t, ("nsubj",)))
            blamer, _ = d.subject(gov)
            return [Row("explicit", t, targets, blamer=blamer, issue=issue)] if targets else []
    return []

