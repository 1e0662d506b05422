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
:mod:`helpers.blame.cues.legal_parties`; court orders: :mod:`helpers.blame.cues.legal_orders`.
Reads the lexicon's ``legal_*`` entries.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from helpers.blame.cues.explicit import EXPLICIT
from helpers.blame.cues.legal_defendants import charged
from helpers.blame.cues.legal_parties import (
    act_authors,
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
    implicit_blamer,
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
    if frame is None or t.pos_ != "VERB" or t.dep_ == "amod" or unrealised(d, t):
        return []  # an attributive participle is a label ("the banned group"), not a step
    if _passive(t):
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
    blamed = _sanctioned(d, frame, blamed, obj)
    return [_row(d, t, blamed, blamer, _issue(d, frame, t, obj), _implicit(d, t))] if blamed else []


@EXPLICIT.extractor(triggers=("legal_finding_verbs",), family=FAMILY)
def legal_finding(d: BlameDoc, t: Token) -> list[Row]:
    """A verdict: "Acme was found guilty of dumping waste", "a jury found Hale liable"."""
    finding = next((c for c in t.children if c.dep_ in ("oprd", "ccomp", "xcomp", "acomp")
                    and c.lemma_.lower() in d.lex.words("legal_findings")), None)
    if t.pos_ != "VERB" or finding is None or negated(finding) or unrealised(d, t):
        return []
    frame = {"issue": "of for over"}
    inst = d.lex.extra["legal_implicit"][finding.lemma_.lower()]
    issue = _issue(d, frame, finding, t)
    cue_end = finding.i + 1 if finding.i == t.i + 1 else None
    if _passive(t):
        blamed, blamer = patient_actors(d, t), agent_of(d, t, inst)
    else:
        blamed = object_actors(d, t, first_child(t, ("dobj",)) or first_child(finding, ("nsubj",)))
        subj, subj_tok = d.subject(t)
        blamer = party_of(d, subj, subj_tok, inst)
    return [_row(d, t, blamed, blamer, issue, inst, cue_end)] if blamed else []


@EXPLICIT.extractor(triggers=("legal_nouns",), family=FAMILY)
def legal_noun(d: BlameDoc, t: Token) -> list[Row]:
    """A legal noun: "Dunn's arrest", "charges against Dunn", "sanctions on Iran", "Dunn faces
    trial", "was taken into custody"; "called for sanctions against Russia" is the caller's
    accusation."""
    lemma = t.lemma_.lower()
    frame = d.lex.extra["legal_nouns"].get(lemma)
    if (frame is None or t.pos_ not in ("NOUN", "PROPN") or t.dep_ == "compound" or _excluded(d, t)
            or any(c.dep_ == "det" and c.lower_ == "no" for c in t.children)):
        return []
    gov, rel = _governor(t)
    if gov is not None and (_unrealised_under(d, gov, rel) or gov.lemma_.lower() in d.lex.words("legal_removal_verbs")
                            | d.lex.words("legal_unrealised_verbs")):
        return []  # "charges were dropped", "threatened sanctions", "evaded arrest"
    if not _governed(d, frame, gov, rel):
        return []  # "was killed on suspicion of spying", "the vote count"
    inst = d.lex.extra["legal_implicit"].get(lemma, "")
    issue = _issue(d, frame, t, gov)
    if frame.get("undergone_only"):  # an offence is named bare ("counts of fraud"; not "of the ballots")
        bare = issue is not None and not any(c.dep_ == "det" for c in issue.root.children)
        return _undergone(d, t, gov, inst, issue) if bare else []
    if gov is not None and rel in str(frame.get("status", "")).split():
        # "placed under arrest", "went on trial"; "remanded in custody": the court's step
        return _status(d, t, gov, d.lex.extra["legal_status_implicit"].get(gov.lemma_.lower(), inst), issue)
    if gov is not None and rel in str(frame.get("held", "")).split():
        held = gov.lemma_.lower() in d.lex.words("legal_state_verbs")  # "is in prison", "is behind bars"
        return _status(d, t, gov, inst, issue) if held else []
    targets = _sanctioned(d, frame, _targets(d, t, gov, frame), None)
    if targets:
        return _noun_row(d, t, gov, rel, frame, targets, inst, issue)
    charged_owners = _charged_possessor(d, t)
    if charged_owners:  # "Dunn's charges include murder"
        return [_row(d, t, charged_owners, [implicit_blamer(inst)], issue, inst)]
    if gov is not None and rel == "dobj" and "role" in frame:
        return _undergone(d, t, gov, inst, issue)
    return []


def _charged_possessor(d: BlameDoc, n: Token) -> list[Mention]:
    """The defendant a charge noun's possessor names ("Dunn's charges include murder", "his
    charges"): a person the document has already charged, arrested or called the suspect
    (:func:`helpers.blame.cues.legal_defendants.charged`); else [] ("the DA's charges")."""
    poss = first_child(n, ("poss",))
    if poss is None or n.lemma_.lower() not in d.lex.words("legal_charged_nouns"):
        return []
    owners = [m for m in d.refs(poss) if m.label == "PERSON"]
    return owners if owners and all(charged(d, m) for m in owners) else []


def _unrealised_under(d: BlameDoc, gov: Token, rel: str) -> bool:
    """Is a legal noun under ``gov`` not (yet) a step? A copula's negation before a noun denies what
    is said of its subject, not the step the subject names ("the ban on Acme is not part of a wider
    plan", "the charges against Dunn are not the first"; but "sanctions on Acme are not in place");
    its modals and conditions still count."""
    if rel == "nsubj" and gov.lemma_ == "be" and negated(gov) and first_child(gov, ("attr",)) is not None:
        modals = d.lex.words("legal_hypothetical_modals")
        return any(c.dep_ == "aux" and c.lower_ in modals for c in gov.children)
    return unrealised(d, gov)


def _governed(d: BlameDoc, frame: dict, gov: Token | None, rel: str) -> bool:
    """Is the noun under a verb its frame allows: one of its ``governors`` ("held on suspicion
    of"), the object of a legal_undergo_verbs verb for an ``undergone_only`` noun ("faces five
    counts of fraud"); any verb or none for other nouns."""
    lemma = gov.lemma_.lower() if gov is not None else ""
    if "governors" in frame and lemma not in str(frame["governors"]).split():
        return False
    return not frame.get("undergone_only") or (rel == "dobj" and lemma in d.lex.words("legal_undergo_verbs"))


@EXPLICIT.extractor(triggers=("legal_bail_nouns",), family=FAMILY)
def bail_refused(d: BlameDoc, n: Token) -> list[Row]:
    """Bail refused, the court's step: "Dunn was denied bail", "a judge refused him bail", "Dunn
    was not granted bail". Bail granted gives no row, nor does bail refused in a hypothetical or a
    condition ("could be denied bail")."""
    v = n.head
    if n.lemma_.lower() not in d.lex.words("legal_bail_nouns") or n.dep_ != "dobj" or v.pos_ != "VERB":
        return []
    lemma, modals = v.lemma_.lower(), d.lex.words("legal_hypothetical_modals")
    if lemma in d.lex.words("legal_bail_refusals"):
        refused = not unrealised(d, v)
    else:
        refused = (lemma in d.lex.words("legal_bail_grants") and negated(v)
                   and not any(c.dep_ in ("aux", "auxpass") and c.lower_ in modals for c in v.children))
    if not refused:
        return []
    inst = d.lex.extra["legal_implicit"][n.lemma_.lower()]
    if _passive(v):
        blamed, blamer = patient_actors(d, v), agent_of(d, v, inst)
    else:
        subj, subj_tok = d.subject(v)
        blamed, blamer = object_actors(d, v, first_child(v, ("dative",))), party_of(d, subj, subj_tok, inst)
    return [_row(d, v, blamed, blamer, None, inst, n.i + 1)] if blamed else []


def _undergone(d: BlameDoc, n: Token, v: Token, inst: str, issue: Span | None) -> list[Row]:
    """A legal noun with no blamed of its own, the object of a verb: undergone by the subject
    ("Dunn faces trial", "received a two-year ban", "was handed a six-year sentence") or given to
    the indirect object ("a judge handed Dunn a six-year sentence")."""
    lemma = v.lemma_.lower()
    if lemma in d.lex.words("legal_undergo_verbs"):
        blamed = patient_actors(d, v)
        cue_end = n.i + 1 if n.i - v.i <= 3 else None
        return [_row(d, v, blamed, agent_of(d, v, inst), issue, inst, cue_end)] if blamed else []
    if lemma not in d.lex.words("legal_doing_verbs"):
        return []
    if _passive(v):
        blamed, blamer = patient_actors(d, v), agent_of(d, v, inst)
    else:
        subj, subj_tok = d.subject(v)
        blamed, blamer = object_actors(d, v, first_child(v, ("dative",))), party_of(d, subj, subj_tok, inst)
    return [_row(d, n, blamed, blamer, issue, inst)] if blamed else []


# ----- the blamed -------------------------------------------------------------------------------
def _as_required(d: BlameDoc, v: Token, frame: dict) -> bool:
    """Does the verb have the "as" role its frame requires ("questioned as a suspect")?"""
    if "as" not in frame:
        return True
    role = pobj(first_child(v, ("prep",), "as"))
    return role is not None and role.lemma_.lower() in str(frame["as"]).split()


def _targets(d: BlameDoc, n: Token, gov: Token | None, frame: dict) -> list[Mention]:
    """The blamed of a legal noun: the object of its target prepositions ("charges against Dunn",
    "sanctions on Iran"), on the noun or on the verb it is the object of ("sanctions were imposed
    on Iran"); a patient noun's possessor ("Dunn's arrest")."""
    preps = str(frame.get("target", "")).split()
    holders = [n] + ([gov] if gov is not None and n.dep_ in ("dobj", "nsubjpass") else [])
    for holder in holders:
        for c in holder.children:
            obj = pobj(c) if c.dep_ == "prep" and c.lower_ in preps else None
            found = object_actors(d, holders[-1], obj) or act_authors(d, obj)  # "a lawsuit against the ban Dunn signed"
            if found:
                return found
    if frame.get("role") == "patient":
        return self_named(d, first_child(n, ("poss",)))
    if frame.get("subject_of") and n.dep_ == "pobj" and n.head.lower_ == "of":
        return _subject_of(d, n.head.head)  # "Acme has been the subject of US sanctions"
    if gov is not None and n.dep_ == "pobj" and n.head.lower_ == "with" and gov.lemma_.lower() in d.lex.words(
            "legal_doing_verbs"):
        return object_actors(d, gov, first_child(gov, ("dobj",)))  # "hit Moscow with sanctions"
    return []


def _subject_of(d: BlameDoc, role: Token) -> list[Mention]:
    """The subject of "be" or "become" whose complement ``role`` is a ``legal_subject_nouns`` noun
    ("Acme has been the subject of US sanctions", "became the target of an investigation")."""
    v = role.head
    if role.dep_ != "attr" or role.lemma_.lower() not in d.lex.words("legal_subject_nouns") or unrealised(d, v):
        return []
    return object_actors(d, v, first_child(v, ("nsubj",))) if v.lemma_.lower() in ("be", "become") else []


# ----- the blamer -------------------------------------------------------------------------------
def _noun_row(d, n, gov, rel, frame, targets, inst, issue) -> list[Row]:
    """The row of a legal noun with its blamed found: the blamer is a "by" agent, an agent noun's
    possessor or modifier ("the EU's sanctions", "US sanctions on Iran"), the subject of the verb
    taking the step ("imposed sanctions on") or demanding it ("called for sanctions against":
    an accusation), else the implied institution."""
    by = pobj(first_child(n, ("prep",), "by"))
    blamer = party_of(d, d.np_actors(by), by, inst) if by is not None else []
    if not blamer and frame.get("role") == "agent":
        blamer = [m for c in n.children if c.dep_ in ("poss", "amod", "compound") for m in d.np_actors(c)]
    family = ""
    if not blamer and gov is not None:
        lemma = gov.lemma_.lower()
        demand = (rel == "for" or (rel == "dobj" and lemma not in d.lex.words("legal_doing_verbs")))
        if lemma in d.lex.words("legal_demand_verbs") and demand:
            subj, subj_tok = d.subject(gov)
            blamer = subj or d.np_party(subj_tok)
            family = "accusation"
            if not blamer:
                return []
        elif rel in ("dobj", "nsubjpass", "with") and lemma in d.lex.words("legal_doing_verbs"):
            if rel == "nsubjpass" or _passive(gov):
                blamer = agent_of(d, gov, inst)
            else:
                subj, subj_tok = d.subject(gov)
                blamer = party_of(d, subj, subj_tok, inst)
    row = _row(d, n, targets, blamer or [implicit_blamer(inst)], issue, inst)
    row.family = family or row.family
    return [row]


def _status(d: BlameDoc, n: Token, v: Token, inst: str, issue: Span | None) -> list[Row]:
    """A verb putting an actor in the state the noun names: "Police placed Dunn under arrest"
    (object: the blamed; subject: the blamer), "Dunn was taken into custody" (passive), "Dunn
    went on trial", "remains in custody" (the subject)."""
    obj = first_child(v, ("dobj",))
    if obj is not None and not _passive(v):
        blamed = object_actors(d, v, obj)
        subj, subj_tok = d.subject(v)
        blamer = party_of(d, subj, subj_tok, inst)
    else:
        blamed = patient_actors(d, v)
        blamer = agent_of(d, v, inst)
    cue_end = n.i + 1 if n.i - v.i <= 3 else None
    return [_row(d, v, blamed, blamer, issue, inst, cue_end)] if blamed else []


def _implicit(d: BlameDoc, t: Token) -> str:
    return d.lex.extra["legal_implicit"].get(t.lemma_.lower(), "")


# ----- the step itself ------------------------------------------------------------------------
def _passive_verb(d: BlameDoc, v: Token, frame: dict) -> list[Row]:
    inst = _implicit(d, v)
    issue = _issue(d, frame, v, first_child(v, ("dobj",)))
    has_agent = first_child(v, ("agent",)) is not None
    if (frame.get("needs_issue") and issue is None and not has_agent) or not _as_required(d, v, frame):
        return []
    permit = _permit_holders(d, frame, first_child(v, ("nsubjpass",)))
    blamed = permit if permit is not None else patient_actors(d, v) or fronted_patient(d, v)
    blamed = _sanctioned(d, frame, blamed, first_child(v, ("nsubjpass",)))
    return [_row(d, v, blamed, agent_of(d, v, inst), issue, inst)] if blamed else []


def _permit_holders(d: BlameDoc, frame: dict, head: Token | None) -> list[Mention] | None:
    """Whom suspending or revoking a permit sanctions: its holder, the possessor or "of" object of
    a ``legal_permit_nouns`` noun ("suspended Acme's operating licence", "the licence of Acme was
    revoked"); [] for a ``permit_only`` verb with another object ("revoked the decree"); None
    (not a permit: the ordinary roles) otherwise."""
    if head is None or head.lemma_.lower() not in d.lex.words("legal_permit_nouns"):
        return [] if frame.get("permit_only") else None
    holder = first_child(head, ("poss",)) or pobj(first_child(head, ("prep",), "of"))
    return self_named(d, holder)


def _sanctioned(d: BlameDoc, frame: dict, blamed: list[Mention], head: Token | None) -> list[Mention]:
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


def _passive(v: Token) -> bool:
    """A passive verb, a participle modifying a noun ("Dunn, arrested in May") or hung on a clause
    about its subject (:func:`~helpers.blame.cues.legal_parties.reduced_clause`: "appeared in court
    charged with fraud"), or a participle conjoined with one ("was arrested and charged", "was
    arrested, charged and jailed")."""
    if passive(v, reduced=True) or reduced_clause(v):
        return True
    return (v.tag_ == "VBN" and v.dep_ == "conj" and v.head.i != v.i and _passive(v.head)
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


def _governor(n: Token) -> tuple[Token | None, str]:
    """The verb a legal noun depends on and how: ``(verb, "dobj"|"nsubjpass"|"nsubj")`` or
    ``(verb, <preposition>)`` for "under arrest", "calls for sanctions"; ``(None, "")`` otherwise."""
    if n.dep_ in ("dobj", "nsubjpass", "nsubj") and n.head.pos_ in ("VERB", "AUX"):
        return n.head, n.dep_
    if n.dep_ == "pobj" and n.head.dep_ == "prep" and n.head.head.pos_ in ("VERB", "AUX"):
        return n.head.head, n.head.lower_
    return None, ""


def _excluded(d: BlameDoc, n: Token) -> bool:
    """ "cardiac arrest", "a clinical trial", "her conviction that ...": not a legal step."""
    if any(c.lower_ in d.lex.words("legal_noun_exclusions") for c in n.children if c.dep_ in ("amod", "compound")):
        return True
    nxt = n.doc[n.i + 1] if n.i + 1 < len(n.doc) else None
    return nxt is not None and nxt.lower_ == "that"


def _issue(d: BlameDoc, frame: dict, *holders: Token | None) -> Span | None:
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


def _row(d: BlameDoc, cue: Token, blamed, blamer, issue, inst: str, cue_end: int | None = None) -> Row:
    return Row("explicit", cue, list(blamed), blamer=list(blamer), issue=issue, cue_end=cue_end,
               family=FAMILY, implicit=inst)
