"""Legal blame named by a noun: "Dunn's arrest", "charges against Dunn", "sanctions on Iran",
"Dunn faces trial", "was taken into custody", "placed under arrest", "is already in prison", once
charged "Dunn's charges include murder", and bail refused ("was denied bail", "was not granted
bail": the court's step). Rows of the ``explicit`` kind and the ``legal`` family, read as the
verbs of :mod:`helpers.blame.cues.legal` read theirs (who takes the step, who it is against, its
issue, :func:`~helpers.blame.cues.legal.legal_row`); a noun whose step is dropped, threatened or
evaded ("charges were dropped", "evaded arrest") or that its frame does not allow ("was killed on
suspicion of spying") gives none. Reads the lexicon's ``legal_nouns``, ``legal_bail_*``,
``legal_undergo_verbs``, ``legal_doing_verbs``, ``legal_state_verbs`` and ``legal_*_implicit``
entries.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from helpers.blame.cues.explicit import EXPLICIT
from helpers.blame.cues.legal import FAMILY, legal_row, passive_step, sanctioned, step_issue, unrealised
from helpers.blame.cues.legal_defendants import charged
from helpers.blame.cues.legal_parties import (
    act_authors,
    agent_of,
    object_actors,
    party_of,
    patient_actors,
    self_named,
)
from helpers.blame.cues.registry import Row
from helpers.blame.document import (
    BlameDoc,
    Mention,
    first_child,
    implicit_blamer,
    negated,
    pobj,
)


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
    issue = step_issue(d, frame, t, gov)
    if frame.get("undergone_only"):  # an offence is named bare ("counts of fraud"; not "of the ballots")
        bare = issue is not None and not any(c.dep_ == "det" for c in issue.root.children)
        return _undergone(d, t, gov, inst, issue) if bare else []
    if gov is not None and rel in str(frame.get("status", "")).split():
        # "placed under arrest", "went on trial"; "remanded in custody": the court's step
        return _status(d, t, gov, d.lex.extra["legal_status_implicit"].get(gov.lemma_.lower(), inst), issue)
    if gov is not None and rel in str(frame.get("held", "")).split():
        held = gov.lemma_.lower() in d.lex.words("legal_state_verbs")  # "is in prison", "is behind bars"
        return _status(d, t, gov, inst, issue) if held else []
    targets = sanctioned(d, frame, _targets(d, t, gov, frame), None)
    if targets:
        return _noun_row(d, t, gov, rel, frame, targets, inst, issue)
    charged_owners = _charged_possessor(d, t)
    if charged_owners:  # "Dunn's charges include murder"
        return [legal_row(d, t, charged_owners, [implicit_blamer(inst)], issue, inst)]
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
    if passive_step(v):
        blamed, blamer = patient_actors(d, v), agent_of(d, v, inst)
    else:
        subj, subj_tok = d.subject(v)
        blamed, blamer = object_actors(d, v, first_child(v, ("dative",))), party_of(d, subj, subj_tok, inst)
    return [legal_row(d, v, blamed, blamer, None, inst, n.i + 1)] if blamed else []


def _undergone(d: BlameDoc, n: Token, v: Token, inst: str, issue: Span | None) -> list[Row]:
    """A legal noun with no blamed of its own, the object of a verb: undergone by the subject
    ("Dunn faces trial", "received a two-year ban", "was handed a six-year sentence") or given to
    the indirect object ("a judge handed Dunn a six-year sentence")."""
    lemma = v.lemma_.lower()
    if lemma in d.lex.words("legal_undergo_verbs"):
        blamed = patient_actors(d, v)
        cue_end = n.i + 1 if n.i - v.i <= 3 else None
        return [legal_row(d, v, blamed, agent_of(d, v, inst), issue, inst, cue_end)] if blamed else []
    if lemma not in d.lex.words("legal_doing_verbs"):
        return []
    if passive_step(v):
        blamed, blamer = patient_actors(d, v), agent_of(d, v, inst)
    else:
        subj, subj_tok = d.subject(v)
        blamed, blamer = object_actors(d, v, first_child(v, ("dative",))), party_of(d, subj, subj_tok, inst)
    return [legal_row(d, n, blamed, blamer, issue, inst)] if blamed else []


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
            if rel == "nsubjpass" or passive_step(gov):
                blamer = agent_of(d, gov, inst)
            else:
                subj, subj_tok = d.subject(gov)
                blamer = party_of(d, subj, subj_tok, inst)
    row = legal_row(d, n, targets, blamer or [implicit_blamer(inst)], issue, inst)
    row.family = family or row.family
    return [row]


def _status(d: BlameDoc, n: Token, v: Token, inst: str, issue: Span | None) -> list[Row]:
    """A verb putting an actor in the state the noun names: "Police placed Dunn under arrest"
    (object: the blamed; subject: the blamer), "Dunn was taken into custody" (passive), "Dunn
    went on trial", "remains in custody" (the subject)."""
    obj = first_child(v, ("dobj",))
    if obj is not None and not passive_step(v):
        blamed = object_actors(d, v, obj)
        subj, subj_tok = d.subject(v)
        blamer = party_of(d, subj, subj_tok, inst)
    else:
        blamed = patient_actors(d, v)
        blamer = agent_of(d, v, inst)
    cue_end = n.i + 1 if n.i - v.i <= 3 else None
    return [legal_row(d, v, blamed, blamer, issue, inst, cue_end)] if blamed else []


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
