"""Legal blame: a legal or official step against the blamed ("Police arrested Dunn", "Dunn was
charged with fraud", "a jury found him guilty", "the EU imposed sanctions on Iran", "Dunn's
arrest", "charges against Dunn", "Dunn faces trial", once charged "Dunn's charges include murder").

Rows of the ``explicit`` kind and the ``legal`` family. The blamer is the actor taking the step
(the subject of an active verb, the "by" agent of a passive, the possessor of "the EU's
sanctions", the subject of "imposed sanctions on"); a common noun naming the institution
("police", "a judge") is the guideline's implicit id with its words; an agentless step gets the
institution it implies (``legal_implicit``: "was charged" the prosecutors'). The blamed must be an
actor the phrase names as itself (its head, conjuncts and appositions, not its possessors): "police
arrested a man" and "his son was detained" give no row against anyone. The offence is the issue.
Negated, hypothetical, conditional, planned and undone steps give none ("was not charged", "could
face charges", "threatened to sue", "charges were dropped"), nor do parenthetical labels ("the
Islamic State (banned in Russia)"). Also "faces five counts of fraud", "was held on suspicion
of arson", bail refused ("was denied bail", "was not granted bail": the court's) and a bare
participle on its subject's clause ("appeared in court charged with fraud"), a state that is a
penalty ("is already in prison", "remains behind bars"), the subject of "be the subject of US
sanctions", the holder of a suspended or revoked permit ("suspended Acme's licence"). A legislature
or its sitting is not sanctioned ("suspend Parliament"), nor is a step under a plan noun ("a plan
to impose sanctions"); a copula's negation before a noun does not undo the step its subject names
("the ban on Acme is not part of a wider plan"). Who the step is against and who takes it:
:mod:`helpers.blame.cues.legal_parties`; court orders: :mod:`helpers.blame.cues.legal_orders`;
the steps named by a noun ("Dunn's arrest", "charges against Dunn", bail refused):
:mod:`helpers.blame.cues.legal_nouns`, which shares :func:`legal_row`, :func:`step_issue`,
:func:`sanctioned`, :func:`passive_step` and :func:`unrealised`.
Reads the lexicon's ``legal_*`` entries.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from helpers.blame.cues.explicit import EXPLICIT
from helpers.blame.cues.legal_parties import (
    adjacent_object,
    adjacent_subject,
    agent_of,
    fronted_patient,
    object_actors,
    party_of,
    patient_actors,
    reduced_clause,
    self_named,
)
from helpers.blame.cues.registry import Row
from helpers.blame.document import (
    BlameDoc,
    Mention,
    first_child,
    negated,
    passive,
    pobj,
    span_of,
)

FAMILY = "legal"


@EXPLICIT.extractor(triggers=("legal_verbs",), family=FAMILY)
def legal_verb(d: BlameDoc, t: Token) -> list[Row]:
    """A legal verb: "Police arrested Dunn", "Dunn was charged with fraud", "Dunn, arrested in May"."""
    frame = d.lex.extra["legal_verbs"].get(t.lemma_.lower())
    if frame is None or t.pos_ != "VERB" or unrealised(d, t):
        return []
    if t.dep_ == "amod":  # an attributive participle is a label ("the banned group"), not a step,
        return _convicted_label(d, t)  # but for a completed sentence: "a convicted murderer"
    if passive_step(t):
        return [] if _aside(t) else _passive_verb(d, t, frame)
    if frame.get("passive_only") or not _as_required(d, t, frame):
        return []
    permit = _permit_holders(d, frame, first_child(t, ("dobj",)))
    blamed = permit if permit is not None else object_actors(d, t, first_child(t, ("dobj",))) or adjacent_object(d, t)
    if not blamed:
        return []
    subj, subj_tok = d.subject(t)
    if subj_tok is None:
        subj = adjacent_subject(d, t)
    blamer = party_of(d, subj, subj_tok, _implicit(d, t))
    obj = first_child(t, ("dobj",))
    blamed = sanctioned(d, frame, blamed, obj)
    return [legal_row(d, t, blamed, blamer, step_issue(d, frame, t, obj), _implicit(d, t))] if blamed else []


def _convicted_label(d: BlameDoc, t: Token) -> list[Row]:
    """ "James Ford, a convicted murderer", "the convicted fraudster Bernard Madoff": a label
    participle of a completed step (``legal_label_participles``) on a noun naming a person (itself,
    or the name it is in apposition to or a title of) is the step against that person, by the
    institution it implies."""
    if t.tag_ != "VBN" or t.lemma_.lower() not in d.lex.words("legal_label_participles"):
        return []
    head = t.head
    blamed = object_actors(d, head, head)
    if not blamed and head.dep_ in ("appos", "compound"):
        blamed = object_actors(d, head.head, head.head)
    inst = _implicit(d, t)
    return [legal_row(d, t, blamed, agent_of(d, t, inst), span_of(d, head), inst)] if blamed else []


@EXPLICIT.extractor(triggers=("legal_finding_verbs",), family=FAMILY)
def legal_finding(d: BlameDoc, t: Token) -> list[Row]:
    """A verdict: "Acme was found guilty of dumping waste", "a jury found Hale liable"."""
    finding = next((c for c in t.children if c.dep_ in ("oprd", "ccomp", "xcomp", "acomp")
                    and c.lemma_.lower() in d.lex.words("legal_findings")), None)
    if t.pos_ != "VERB" or finding is None or negated(finding) or unrealised(d, t):
        return []
    frame = {"issue": "of for over"}
    inst = d.lex.extra["legal_implicit"][finding.lemma_.lower()]
    issue = step_issue(d, frame, finding, t)
    cue_end = finding.i + 1 if finding.i == t.i + 1 else None
    if passive_step(t):
        blamed, blamer = patient_actors(d, t), agent_of(d, t, inst)
    else:
        blamed = object_actors(d, t, first_child(t, ("dobj",)) or first_child(finding, ("nsubj",)))
        subj, subj_tok = d.subject(t)
        blamer = party_of(d, subj, subj_tok, inst)
    return [legal_row(d, t, blamed, blamer, issue, inst, cue_end)] if blamed else []


# ----- the blamed -------------------------------------------------------------------------------
def _as_required(d: BlameDoc, v: Token, frame: dict) -> bool:
    """Does the verb have the "as" role its frame requires ("questioned as a suspect")?"""
    if "as" not in frame:
        return True
    role = pobj(first_child(v, ("prep",), "as"))
    return role is not None and role.lemma_.lower() in str(frame["as"]).split()


# ----- the blamer -------------------------------------------------------------------------------


def _implicit(d: BlameDoc, t: Token) -> str:
    return d.lex.extra["legal_implicit"].get(t.lemma_.lower(), "")


# ----- the step itself ------------------------------------------------------------------------
def _passive_verb(d: BlameDoc, v: Token, frame: dict) -> list[Row]:
    inst = _implicit(d, v)
    issue = step_issue(d, frame, v, first_child(v, ("dobj",)))
    has_agent = first_child(v, ("agent",)) is not None
    if (frame.get("needs_issue") and issue is None and not has_agent) or not _as_required(d, v, frame):
        return []
    permit = _permit_holders(d, frame, first_child(v, ("nsubjpass",)))
    blamed = permit if permit is not None else patient_actors(d, v) or fronted_patient(d, v)
    blamed = sanctioned(d, frame, blamed, first_child(v, ("nsubjpass",)))
    return [legal_row(d, v, blamed, agent_of(d, v, inst), issue, inst)] if blamed else []


def _permit_holders(d: BlameDoc, frame: dict, head: Token | None) -> list[Mention] | None:
    """Whom suspending or revoking a permit sanctions: its holder, the possessor or "of" object of
    a ``legal_permit_nouns`` noun ("suspended Acme's operating licence", "the licence of Acme was
    revoked"); [] for a ``permit_only`` verb with another object ("revoked the decree"); None
    (not a permit: the ordinary roles) otherwise."""
    if head is None or head.lemma_.lower() not in d.lex.words("legal_permit_nouns"):
        return [] if frame.get("permit_only") else None
    holder = first_child(head, ("poss",)) or pobj(first_child(head, ("prep",), "of"))
    return self_named(d, holder)


def sanctioned(d: BlameDoc, frame: dict, blamed: list[Mention], head: Token | None) -> list[Mention]:
    """The blamed a step of a ``sitting`` frame sanctions: not a legislature or its sitting
    ("suspend Parliament", "the session was suspended": ``legal_sitting_bodies``), by the last
    word of its name or the phrase's head."""
    if not frame.get("sitting"):
        return blamed
    bodies = d.lex.words("legal_sitting_bodies")
    if head is not None and head.lemma_.lower() in bodies:
        return []
    return [m for m in blamed if (m.name.split() or [""])[-1].lower() not in bodies
            and d.doc[m.end - 1].lemma_.lower() not in bodies]


def _aside(v: Token) -> bool:
    """Is the participle a parenthetical label ("the Islamic State (banned in Russia)"), which
    wire services attach to a name wherever it appears, not a step the story reports?"""
    if v.dep_ != "acl":
        return False
    sent = v.sent
    before = [t.text for t in sent if t.i < v.i and t.text in "()"]
    return bool(before) and before[-1] == "(" and any(t.text == ")" for t in sent if t.i > v.i)


def passive_step(v: Token) -> bool:
    """A passive verb, a participle modifying a noun ("Dunn, arrested in May") or hung on a clause
    about its subject (:func:`~helpers.blame.cues.legal_parties.reduced_clause`: "appeared in court
    charged with fraud"), or a participle conjoined with one ("was arrested and charged", "was
    arrested, charged and jailed")."""
    if passive(v, reduced=True) or reduced_clause(v):
        return True
    return (v.tag_ == "VBN" and v.dep_ == "conj" and v.head.i != v.i and passive_step(v.head)
            and first_child(v, ("nsubj", "dobj")) is None)


def unrealised(d: BlameDoc, v: Token) -> bool:
    """Is the step at ``v`` negated, hypothetical ("could face"), conditional ("if convicted"),
    planned, feared or failed ("threatened to sue", "failed to charge", "evaded arrest")? Climbs
    through coordination and control verbs."""
    lex = d.lex
    modals, marks = lex.words("legal_hypothetical_modals"), lex.words("legal_conditional_marks")
    heads, nouns = lex.words("legal_unrealised_verbs"), lex.words("legal_unrealised_nouns")
    t = v
    for _ in range(5):
        if negated(t) or any(c.dep_ in ("aux", "auxpass") and c.lower_ in modals for c in t.children):
            return True
        if any(c.dep_ == "mark" and c.lower_ in marks for c in t.children):
            return True
        if any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in marks for g in c.children)
               for c in t.children):
            return True  # "If convicted, he faces ..."
        if t.dep_ in ("acl", "pobj", "prep") and t.head.pos_ == "NOUN" and t.head.lemma_.lower() in nouns:
            return True  # "a plan to impose sanctions", "the threat of a lawsuit"
        if t.dep_ not in ("xcomp", "conj", "dobj", "pobj", "prep") or t.head.i == t.i:
            return False
        if t.dep_ in ("xcomp", "dobj", "pobj") and t.head.lemma_.lower() in heads:
            return True
        t = t.head
    return False


def step_issue(d: BlameDoc, frame: dict, *holders: Token | None) -> Span | None:
    """The offence: the object of one of the frame's issue prepositions ("with fraud", "for
    murder"), or of "in connection with", on the first of ``holders`` (the cue, then the word the
    parser may have hung it on: "fined 5,000 euros for speeding") that has one; not a date ("on
    Friday")."""
    preps = str(frame.get("issue", "")).split()
    for c in (c for t in holders if t is not None for c in t.children):
        if c.dep_ != "prep":
            continue
        obj = pobj(c)
        if c.lower_ == "in" and obj is not None and obj.lemma_.lower() == "connection":
            obj = pobj(first_child(obj, ("prep",), "with"))
        elif c.lower_ not in preps:
            continue
        if obj is not None and obj.ent_type_ not in ("DATE", "TIME"):
            return span_of(d, obj)
    return None


def legal_row(d: BlameDoc, cue: Token, blamed, blamer, issue, inst: str, cue_end: int | None = None) -> Row:
    return Row("explicit", cue, list(blamed), blamer=list(blamer), issue=issue, cue_end=cue_end,
               family=FAMILY, implicit=inst)
