"""Agency: the text says the target did a harmful act ("Russian jets struck the convoy",
"shelling by government forces", "12 were killed in a Russian airstrike", "regime barrel bomb
attacks"). Reads the lexicon's ``agency_*``, ``victim_verbs``, ``combat_nouns``,
``act_modifiers``, ``hypothetical_modals`` and ``causal_markers`` (an act "due to" an actor is
explicit blame). A harm the text hedges ("reportedly", "allegedly": ``hedge_adverbs``) is an
accusation nobody in the text states: its blamer is ``unstated`` unless a speaker is named. A
harm that is the content of an accusation noun ("an allegation he assaulted X") is that
accusation's issue, not a row of its own."""

from __future__ import annotations

from spacy.tokens import Span, Token

from helpers.blame.cues.explicit import carried_clause
from helpers.blame.cues.owning import reported_own_act
from helpers.blame.cues.registry import Row, register
from helpers.blame.document import (
    UNSTATED,
    BlameDoc,
    attacks_in_words,
    first_child,
    hypothetical,
    negated,
    passive,
    pobj,
    span_of,
)

AGENCY = register("agency", order=1, weight=1.0)


@AGENCY.extractor(scope="sentence")
def adjacent_acts(d: BlameDoc, sent: Span) -> list[Row]:
    """Parse-independent agency: an actor right before an act noun ("Syrian government shelling",
    "Russian airstrikes", "regime barrel bomb attacks") or right after "<act> by" ("airstrikes by
    Russian forces"). Text without commas (FA-KES) often defeats the parser on exactly these.
    Before the act only catalog actors count: without the parse, an uncatalogued name there is
    as often a weapon ("Katyusha rockets"), a byline or a headline fragment as a party; after
    "<act> by" any actor does (the preposition marks the agent)."""
    rows, nouns, doc = [], d.lex.agency_nouns, d.doc
    acts = set()
    for t in sent:  # an act noun by its form, or by its lemma unless capitalised past the sentence start
        if d.lex.act_form(t.lower_) or ((not t.is_title or t.i > sent.start) and t.lemma_.lower() in nouns):
            acts.add(t.i)
    # only catalog actors before the act: the position is also where bylines, places, weapons
    # and headline fragments stand ("Najla Habriri \"Chemical\" Massacre", "Katyusha rockets").
    # Mentions in text order (a set of them would iterate in hash order, which changes with
    # PYTHONHASHSEED and would change which of two rows for the same pair is kept).
    for m in (m for m in d.mentions_between(sent.start, sent.end) if m.actor_id):
        j = m.end
        # skip modifiers of the act ("barrel bomb", "air", "deadly", "overnight"), not other nouns
        # ("Syria evacuees bombing": the evacuees are not an act)
        while j < sent.end and j - m.end <= 3 and j not in acts and j not in d.by_token and (
                doc[j].pos_ == "ADJ" or doc[j].lower_ in d.lex.act_modifiers or doc[j].text == "-"):
            j += 1
        if j < sent.end and j in acts and not negated(doc[j]) and not _under_explicit(d, doc[j]):
            rows.append(Row("agency", doc[j], [m]))
    for i in sorted(acts):
        if i + 1 < sent.end and doc[i + 1].lower_ == "by" and not _under_explicit(d, doc[i]) \
                and not attacks_in_words(doc[i], d.lex):  # "the plan was attacked by X": criticism
            for k in range(i + 2, min(i + 6, sent.end)):
                if k in d.by_token:
                    rows.append(Row("agency", doc[i], [d.by_token[k]]))
                    break
    return rows


def _acting_verb(t: Token, lex) -> bool:
    return t.pos_ == "VERB" and not negated(t) and not hypothetical(t, lex)


@AGENCY.extractor(triggers=("agency_verbs",))
def agency_verb(d: BlameDoc, t: Token) -> list[Row]:
    """A harmful verb, not negated or hypothetical: "X shelled Y", "Y was struck by X"."""
    if t.lemma_.lower() in d.lex.agency_verbs and _acting_verb(t, d.lex) and not _accusation_content(d, t) \
            and not attacks_in_words(t, d.lex):
        return _agency_verb(d, t)
    return []


@AGENCY.extractor(triggers=("agency_light_verbs",))
def light_verb(d: BlameDoc, t: Token) -> list[Row]:
    """A neutral verb with an act for object: "dropped barrel bombs", "carried out attacks"."""
    lemma = t.lemma_.lower()
    if lemma in d.lex.agency_verbs or lemma not in d.lex.agency_light_verbs or not _acting_verb(t, d.lex):
        return []
    if passive(t, reduced=True) or (t.tag_ == "VBN" and t.dep_ == "advcl"):
        return _passive_light_verb(d, t)
    obj = first_child(t, ("dobj",))
    if obj is not None and d.is_act(obj) and not _supplied(d, t, obj):
        subj, _ = d.subject(t)
        if reported_own_act(d, t, subj) is not None:
            return []  # "the group said it had carried out the attack": an admission
        return [Row("agency", t, subj, issue=span_of(d, obj), implicit=hedged(d, t))]
    return []


def _supplied(d: BlameDoc, v: Token, obj: Token) -> bool:
    """Is the object of a supplying or making verb a weapon or fire, not an act ("provided rockets",
    "made bombs", "made a fire"; but "provided airstrikes", "made threats")?"""
    lemma = obj.lemma_.lower()
    return v.lemma_.lower() in d.lex.words("supply_light_verbs") and (
        lemma in d.lex.words("weapon_nouns") or lemma in d.lex.words("supply_nonacts"))


def _passive_light_verb(d: BlameDoc, v: Token) -> list[Row]:
    """ "The attack was carried out by X", "the bombing, (reportedly) conducted by X": the act is
    the passive's subject, the noun the participle modifies, or the act noun the participle's
    clause follows, and X its agent."""
    agent = pobj(first_child(v, ("agent",)))
    targets = d.np_actors(agent) if agent is not None else []
    if not targets:
        return []
    act = first_child(v, ("nsubjpass",))
    if act is None and v.dep_ == "acl":
        act = v.head
    if act is None and v.dep_ == "advcl":  # "died in the attack, conducted by X"
        act = _act_before(d, v)
    if act is not None and not d.is_act(act) and act.dep_ == "conj" and d.is_act(act.head):
        act = act.head  # "abuse and cover-ups perpetrated by X": the participle ends a coordination
    if act is None or not d.is_act(act):
        return []
    return [Row("agency", v, targets, issue=span_of(d, act), implicit=hedged(d, v))]


def _act_before(d: BlameDoc, v: Token) -> Token | None:
    """The act noun right before a participle's clause ("the attack, reportedly conducted"):
    only a comma and adverbs may stand between them."""
    i = v.left_edge.i - 1
    while i >= v.sent.start and (d.doc[i].is_punct or d.doc[i].pos_ == "ADV"):
        i -= 1
    return d.doc[i] if i >= v.sent.start and d.is_act(d.doc[i]) else None


def agency_rows(d: BlameDoc, v: Token, issue: Span | None) -> list[Row]:
    """The agency row of a harmful verb whose harm is ``issue``: its doer is the passive's "by"
    agent ("the town was seized by IS") or its subject ("rebels seized the town"; of a gerund after a
    time preposition, ``background_marks``, the subject of the verb it modifies: "after shelling the
    town, the army"); none without a doer or when the doer reports the act itself (an admission,
    :func:`owning.reported_own_act`)."""
    if passive(v, reduced=True):
        targets = _agents(d, pobj(first_child(v, ("agent",))))
    else:
        subj, subj_tok = d.subject(v)
        if not subj and subj_tok is None and v.dep_ == "pcomp" and v.head.lower_ in d.lex.background_marks \
                and v.head.head.pos_ == "VERB":  # "after shelling the town, the army entered it"; not
            subj, subj_tok = d.subject(v.head.head)  # "sentenced X for torturing": X tortured
        targets = subj or _acting_institution(d, v, subj_tok)
        if reported_own_act(d, v, targets) is not None:
            return []
    return [Row("agency", v, targets, issue=issue, implicit=hedged(d, v))] if targets else []


def _agents(d: BlameDoc, agent: Token | None) -> list:
    """The doers a passive's "by" phrase names: an act's agent ("by Russian airstrikes"), the actors
    of the phrase, else an acting institution ("injured by police")."""
    if agent is None:
        return []
    if d.is_act(agent):
        return d.agent_of_act(agent)
    found = d.np_actors(agent)
    if found or agent.lemma_.lower() not in d.lex.words("acting_institutions"):
        return found
    m = d.institution(agent)
    return [m] if m is not None else []


def hedged(d: BlameDoc, v: Token) -> str:
    """``UNSTATED`` when the text hedges the act with an adverb or a passive reporting verb that
    says someone else claims it ("reportedly conducted", "allegedly shot", "Reportedly, he struck",
    "is said to have shelled"), else ""."""
    t = v
    for _ in range(4):
        if any(c.dep_ == "advmod" and c.lower_ in d.lex.words("hedge_adverbs") for c in t.children):
            return UNSTATED
        if t.dep_ == "xcomp" and passive(t.head) and t.head.lemma_.lower() in d.lex.words("hedge_passives"):
            return UNSTATED  # "was said to have been injured by police", "is believed to have shelled"
        if t.dep_ not in ("conj", "xcomp") or t.head.i == t.i:
            return ""
        t = t.head
    return ""


def _accusation_content(d: BlameDoc, v: Token) -> bool:
    """Is the verb the clause an accusation noun carries ("an allegation he assaulted X",
    "claims that the army shelled ...")? Then it is that accusation's issue, not a row."""
    t = v
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    subj = first_child(t, ("nsubj", "nsubjpass"))
    nouns = [t.head] + ([d.doc[i] for i in (subj.left_edge.i - 1, subj.left_edge.i - 2) if i >= t.sent.start]
                        if subj is not None else [])
    for n in nouns:
        frame = d.lex.explicit_nouns.get(n.lemma_.lower()) if n.pos_ == "NOUN" else None
        clause = carried_clause(d, n) if frame and frame.get("clause_target") else None
        if clause is not None and clause.i == t.i:
            return True
    return False


@AGENCY.extractor(triggers=("agency_nouns",))
def agency_noun(d: BlameDoc, t: Token) -> list[Row]:
    """An act noun (not a subject, not what an explicit cue is about) whose agent is named."""
    if d.is_act(t) and t.dep_ not in ("nsubj", "nsubjpass") and not _under_explicit(d, t) and _in_use(d, t):
        return _agency_noun(d, t)
    return []


def _in_use(d: BlameDoc, n: Token) -> bool:
    """An act noun is an act; a weapon noun (``weapon_nouns``: "rocket", "bomb") only where a
    verb uses it to harm: the object of a harmful or light verb ("fired rockets"), or in a phrase
    of one ("killed by a bomb"), not a rocket launched into space or tested."""
    if n.lemma_.lower() not in d.lex.words("weapon_nouns"):
        return True
    head = n.head.head if n.dep_ == "pobj" else n.head
    lemma = head.lemma_.lower()
    return head.pos_ == "VERB" and (lemma in d.lex.agency_verbs or lemma in d.lex.agency_light_verbs
                                    or lemma in d.lex.victim_verbs)


def _agency_verb(d: BlameDoc, v: Token) -> list[Row]:
    lex = d.lex
    issue = span_of(d, first_child(v, ("dobj",)))
    if passive(v, reduced=True):
        agent = pobj(first_child(v, ("agent",)))
        if agent is not None:
            targets = _agents(d, agent)
            return [Row("agency", v, targets, issue=span_of(d, first_child(v, ("nsubjpass",))),
                         implicit=hedged(d, v))] if targets else []
        if v.lemma_ in lex.victim_verbs:  # "12 were killed in a Russian airstrike"
            for c in v.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "by", "during"):
                    obj = pobj(c)
                    if obj is not None and (d.is_act(obj) or _operation(d, obj)):
                        targets = d.agent_of_act(obj)  # "killed in a US counter-terrorism operation"
                        if targets:
                            return [Row("agency", obj, targets, issue=span_of(d, first_child(v, ("nsubjpass",))))]
                    if obj is not None and obj.lemma_.lower() in lex.combat_nouns:  # "killed in clashes with IS"
                        targets = d.np_actors(pobj(first_child(obj, ("prep",), "with")))
                        if targets:
                            return [Row("agency", obj, targets, issue=span_of(d, first_child(v, ("nsubjpass",))))]
        return []
    if v.lemma_ in ("die",):
        return []
    return agency_rows(d, v, issue)


def _operation(d: BlameDoc, n: Token) -> bool:
    """Is ``n`` an armed or police operation noun (``operation_nouns``: "operation", "mission"), whose
    modifier names who carried it out ("a US counter-terrorism operation", "an army sweep")?"""
    return n.pos_ == "NOUN" and n.lemma_.lower() in d.lex.words("operation_nouns")


def _acting_institution(d: BlameDoc, v: Token, subj: Token | None) -> list:
    """The force a plural institution noun, the verb's own subject or the subject it shares with
    the verb it is conjoined to, names as the doer ("police fired tear gas", "officers beat
    protesters", "police arrived and shot him"): its implicit id with the words, for the
    institutions that use force (``acting_institutions``). A single officer
    or judge singled out is a person, not the institution (the guideline), and a legal step
    ("police detained the man") is the legal family's, not a harm."""
    if subj is None or not _shares_subject(v, subj) or v.lemma_.lower() in d.lex.extra["legal_verbs"]:
        return []
    if not (subj.tag_ in ("NNS", "NNPS") or subj.lemma_.lower() in d.lex.words("acting_institutions")):
        return []
    m = d.institution(subj)
    return [m] if m is not None and m.name in d.lex.words("acting_institutions") else []


def _shares_subject(v: Token, subj: Token) -> bool:
    """Is ``subj`` the subject of ``v`` itself or of the first verb of the coordination ``v`` is in
    ("police surrounded him, moved a bystander and shot him")?"""
    t = v
    while t.i != subj.head.i and t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return t.i == subj.head.i


def agency_noun_rows(d: BlameDoc, n: Token) -> list[Row]:
    """The agency row of a noun naming a harmful act, for the other agency modules."""
    return _agency_noun(d, n) if not _under_explicit(d, n) else []


def _agency_noun(d: BlameDoc, n: Token) -> list[Row]:
    """An act noun whose agent is named: "shelling by government forces", "Russian airstrikes"."""
    agents = [m for m in d.agent_of_act(n) if not (m.start <= n.i < m.end)]
    if not agents:
        return []
    kind = "explicit" if _causal(d, n) else "agency"
    of = pobj(first_child(n, ("prep",), "of")) or pobj(first_child(n, ("prep",), "on"))
    return [Row(kind, n, agents, issue=span_of(d, of))]


def _under_explicit(d: BlameDoc, n: Token) -> bool:
    """Is this act noun what an explicit cue is about ("condemned the airstrikes by X"; "alleged
    Russian airstrikes", "the suspected coalition airstrike": the allegation's row, blamer
    unstated, of :mod:`helpers.blame.cues.allegations`)?"""
    hedges = d.lex.words("allegation_modifiers")
    if any(c.dep_ == "amod" and c.lower_ in hedges for x in (n, n.head if n.dep_ == "compound" else n)
           for c in x.children):
        return True
    for a in n.ancestors:
        if a.lemma_.lower() in d.lex.explicit_verbs or a.lemma_.lower() in d.lex.explicit_nouns:
            return True
        if a.pos_ == "VERB":
            return False
    return False


def _causal(d: BlameDoc, n: Token) -> bool:
    """Is the act noun governed by "due to", "because of", "caused by", "result of" ...?"""
    left = [t.lower_ for t in d.doc[max(0, n.left_edge.i - 4) : n.left_edge.i]]
    return any(tuple(left[-len(m):]) == m for m in d.lex.causal_markers)

