"""Who a legal step is against and who takes it (:mod:`helpers.blame.cues.legal`). The blamed:
the actors a phrase names as itself, with the people it includes or the body it stands for, the
subject of a passive step, a relative clause's antecedent, an unnamed object's named members or the
name it is identified by ("the driver, later identified as Mark Bell"; "the accused" is the
person the actor pipeline's trial roles say it stands for), a subject the parser hung
in a fronted adverbial or replaced by its apposition; never the victim a death or killing names.
The blamer: a subject's or "by" agent's actors, the institution a common noun names ("police",
"a judge") or the body a proper name with such a noun names ("Thames Valley Police"), an unnamed
party, the state a step happens in, else the institution the step implies; the author of the
act or measure a step targets ("a lawsuit against the ban Dunn signed"). Reads the lexicon's
``individual_nouns``, ``legal_member_marks``, ``legal_naming_verbs``, ``institution_nouns``,
``jurisdiction_verbs``, ``patient_possessor_nouns``, ``legal_victim_nouns`` and
``legal_authoring_verbs``. Registers no cue.
"""

from __future__ import annotations

from spacy.tokens import Token

from helpers.blame.document import IMPLICIT, BlameDoc, Mention, first_child, implicit_blamer, pobj

__all__ = ["self_named", "object_actors", "identified_name", "adjacent_object", "adjacent_subject", "patient_actors",
           "member_actors", "party_of", "institution_of", "agent_of", "reduced_clause", "fronted_patient",
           "act_authors"]


def self_named(d: BlameDoc, head: Token | None) -> list[Mention]:
    """The actors a phrase names as itself: its head's mention (or the pronoun's actor) and those
    of its conjuncts and appositions, not its possessors or modifiers (:func:`object_actors` decides
    when those count); a nationality or office with a person in apposition is the person ("An
    Australian, Brenton Tarrant": :meth:`BlameDoc.appositive_people`)."""
    named = d.appositive_people(head) if head is not None else []
    if named:
        return named
    out, stack = [], [head] if head is not None else []
    while stack:
        t = stack.pop()
        out += [m for m in d.refs(t) if m not in out]
        stack += [c for c in t.children if c.dep_ in ("conj", "appos")]
    return sorted(out, key=lambda m: m.start)


def object_actors(d: BlameDoc, v: Token, obj: Token | None) -> list[Mention]:
    """The actors a verb's object names: as itself (:func:`self_named`), with those it includes ("four
    men, including Omar Said") or else the organisation or state it stands for ("Montenegro's
    prime minister", "52 members of MASSOB", "Belarusian officials"), but not a person it belongs
    to ("his son", "Dunn's lawyer"); when the phrase names people (itself, its appositions or
    members), only them ("two Cabinet officers, Wilbur Ross and ..."), and never the place or
    nationality of a private individual ("a 36-year-old Leeds man": ``individual_nouns``) or of
    one person singled out ("a Cabinet officer": the guideline's individuals, not the body)."""
    victims = d.lex.words("patient_possessor_nouns") | d.lex.words("legal_victim_nouns")
    if obj is None or obj.lemma_.lower() in victims:
        return []  # "called for his death to be investigated": the dead is its victim
    named = self_named(d, obj) or identified_name(d, v, obj)
    members = [] if named else member_actors(d, v, obj)  # "sanctioned Iran over attacks in countries including X"
    single = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in obj.children)  # "a Cabinet officer"
    if members or single or obj.lemma_.lower() in d.lex.words("individual_nouns"):
        # "a 36-year-old Leeds man": where he is from, not who is blamed
        return sorted(dict.fromkeys(named + members), key=lambda m: m.start)
    if obj.pos_ == "PROPN":  # "banned Iranian airline Mahan Air": a name the catalog lacks is still itself
        return named
    wider = [m for m in d.np_actors(obj) if m.label != "PERSON"]
    if named:  # "two Cabinet officers, Wilbur Ross and ...": the people named, not "Cabinet" before
        wider = [m for m in wider if m.start > obj.i]  # the head; "52 members of MASSOB (MASSOB)" keeps both
    return sorted(dict.fromkeys(named + wider), key=lambda m: m.start)


def act_authors(d: BlameDoc, obj: Token | None) -> list[Mention]:
    """Who did the act or measure a step targets when it names no actor itself: the "by" agent
    ("an investigation into alleged misconduct by Mayor Dunn") or the subject of a relative clause
    on it whose verb authors a measure (``legal_authoring_verbs``: "a lawsuit against the travel ban
    that President Dunn signed"; not "an inquiry into the leak, which Acme disclosed")."""
    if obj is None:
        return []
    by = pobj(first_child(obj, ("prep",), "by"))
    if by is not None:
        return d.np_actors(by)
    for rel in (c for c in obj.children if c.dep_ == "relcl"):
        subj = first_child(rel, ("nsubj",))
        if (subj is not None and subj.tag_ not in ("WP", "WDT")
                and rel.lemma_.lower() in d.lex.words("legal_authoring_verbs")):
            return d.np_actors(subj)
    return []


def identified_name(d: BlameDoc, v: Token, obj: Token) -> list[Mention]:
    """The name an unnamed party is given by a naming participle on it or, as the parser often
    hangs it, on the verb after it: "detained the driver, later identified as Mark Bell", "a woman,
    named as Jane Roe", "a man called Omar Said"."""
    verbs = d.lex.words("legal_naming_verbs")
    hung = [c for c in v.children if c.dep_ in ("advcl", "dep") and c.i > obj.i] if v.i != obj.i else []
    for c in [c for c in obj.children if c.dep_ in ("acl", "relcl")] + hung:
        if c.lemma_.lower() not in verbs:
            continue
        name = pobj(first_child(c, ("prep",), "as")) or first_child(c, ("oprd", "dobj", "attr"))
        found = self_named(d, name)
        if found:
            return found
    return []


def adjacent_object(d: BlameDoc, v: Token) -> list[Mention]:
    """An actor named right after an active verb with no object in the parse ("sentenced Barack
    Obama to six years", which the parser reads as a preposition): the verb's object."""
    m = d.by_token.get(v.i + 1)
    return [m] if m is not None and m.start == v.i + 1 and first_child(v, ("dobj", "ccomp")) is None else []


def adjacent_subject(d: BlameDoc, v: Token) -> list[Mention]:
    """An actor named right before a verb with no subject in the parse ("FIFA banned Blatter",
    which the parser reads as an adverbial): the verb's subject."""
    m = d.by_token.get(v.i - 1)
    return [m] if m is not None and m.end == v.i else []


def patient_actors(d: BlameDoc, v: Token) -> list[Mention]:
    """Who a passive verb's step is against: its subject; the antecedent of a relative pronoun
    ("Dunn, who was arrested"); the noun an infinitival relative modifies ("Dunn, the third mayor to
    be impeached"); the noun a participle modifies ("Dunn, arrested in May"); the
    subject of the verb it is conjoined with or complements ("was arrested and charged", "is to be
    sentenced")."""
    t = v
    for _ in range(4):
        subj = first_child(t, ("nsubjpass", "nsubj"))
        if subj is not None:
            if subj.tag_ in ("WP", "WDT") and t.dep_ == "relcl":
                return _antecedent_actors(d, t.head)
            return object_actors(d, t, subj) or _detached_name(d, subj)
        if t.dep_ == "acl" and t.tag_ == "VBN":
            return object_actors(d, t, t.head)
        if t.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
            return _antecedent_actors(d, t.head)  # "Dunn, the third mayor to be impeached"
        if (t.dep_ not in ("conj", "xcomp", "acomp") and not reduced_clause(t)) or t.head.i == t.i:
            return []
        t = t.head  # "was arrested and charged", "is to be sentenced", "appeared in court charged with"
    return []


def fronted_patient(d: BlameDoc, v: Token) -> list[Mention]:
    """The subject of a passive step the parser hung inside a fronted adverbial ("On Friday in
    Karachi, Ahmed Raza, a nephew of the minister, was sentenced ..." read as "in Karachi, Ahmed
    Raza"): the step has no subject of its own, the text before it reads ", NAME, <apposition>, was
    VERB" or ", NAME, was VERB", and NAME is conjoined with or in apposition to the object of a
    preposition before it. None in a normal parse, which gives the subject."""
    if first_child(v, ("nsubj", "nsubjpass")) is not None or v.dep_ != "ROOT":
        return []
    aux = min((c.i for c in v.children if c.dep_ in ("aux", "auxpass") and c.i < v.i), default=v.i)
    end = aux - 1 if d.doc[aux - 1].text == "," else aux  # the comma closing an apposition
    for t in d.doc[v.sent.start : end]:
        # the name's phrase (with its apposition) runs from a comma to the verb's auxiliaries
        if (t.pos_ == "PROPN" and t.dep_ in ("appos", "conj") and t.head.dep_ == "pobj"
                and d.doc[t.left_edge.i - 1].text == "," and t.right_edge.i + 1 == end):
            return d.refs(t)
    return []


def _detached_name(d: BlameDoc, subj: Token) -> list[Mention]:
    """The name opening the sentence whose apposition the parser took for the subject ("Dunn, the
    third mayor to be impeached, ...": subject "mayor"): a person's or organisation's name, then a
    comma, then the subject's phrase. Not a place ("In Leeds, the suspect was ...")."""
    comma = subj.left_edge.i - 1
    if comma <= subj.sent.start or d.doc[comma].text != ",":
        return []
    m = d.by_token.get(comma - 1)
    opening = m is not None and m.start == subj.sent.start and m.end == comma
    return [m] if opening and m.label in ("PERSON", "ORG") else []


def reduced_clause(v: Token) -> bool:
    """Is ``v`` a bare past participle hung on a clause whose subject it is about ("Dunn appeared
    in court charged with fraud", "Dunn was arrested, charged and jailed"): no subject, auxiliary or
    object of its own, under a passive or a verb with no object (under "Police arrested Dunn,
    charged with fraud" whom it is about is unclear)?"""
    own = ("nsubj", "nsubjpass", "aux", "auxpass", "dobj", "mark")
    return (v.tag_ == "VBN" and v.dep_ == "advcl" and v.head.i != v.i and first_child(v, own) is None
            and first_child(v.head, ("dobj",)) is None)


def _antecedent_actors(d: BlameDoc, n: Token) -> list[Mention]:
    """The actors of the noun a relative clause modifies, or of the name it is in apposition to
    ("Dunn, a former manager who was charged")."""
    return object_actors(d, n, n) or (object_actors(d, n.head, n.head) if n.dep_ == "appos" else [])


def member_actors(d: BlameDoc, v: Token, obj: Token) -> list[Mention]:
    """Actors named after "including" or "among them" following an unnamed object, on the object,
    hung on the verb or after a comma ("detained four men after the attack, including Omar Said"),
    not inside another phrase ("over attacks in nations including Denmark")."""
    marks = d.lex.words("legal_member_marks")
    holders = {v.i, obj.i} | {c.i for c in obj.children if c.dep_ in ("appos", "acl", "relcl")}
    for t in v.subtree:  # deeper only after a comma: not "over attacks in nations including X"
        if t.i > obj.i and t.lower_ in marks and (t.head.i in holders or d.doc[t.i - 1].text == ","):
            found = self_named(d, pobj(t)) if t.lower_ == "including" else []
            found = found or d.mentions_between(t.i + 1, min(t.i + 4, v.right_edge.i + 1))[:1]
            if found:
                return found
    return []


def party_of(d: BlameDoc, actors: list[Mention], tok: Token | None, inst: str) -> list[Mention]:
    """The blamer named by a subject or agent: its actors; a common noun naming an institution
    ("police", "a judge": the implicit id with these words); an unnamed party ("residents");
    nothing resolvable (an unclear pronoun): the institution the step implies. A court named by a
    common noun with a state before it ("a United States federal jury", "a French court") is the
    court, the state only its jurisdiction (not "a U.N. court", a body of the organisation)."""
    if actors and tok is not None and tok.i not in d.by_token and all(
            m.actor_id and d.cat.actors[m.actor_id].type == "state" for m in actors):
        court = institution_of(d, tok)
        if court is not None and court.actor_id == IMPLICIT + "court":
            return [court]
    if actors:
        return actors
    if tok is not None and tok.pos_ in ("NOUN", "PROPN"):
        named = institution_of(d, tok)
        if named is not None:
            return [named]
        party = d.np_party(tok)
        if party:
            return party
    return [implicit_blamer(inst)]


def institution_of(d: BlameDoc, head: Token) -> Mention | None:
    """ "Police", "federal prosecutors", "a Paris court", "the district attorney's office": the
    implicit id of the institution the phrase names, with its words."""
    institutions = d.lex.extra["institution_nouns"]
    words = [head] + [c for c in head.children if c.dep_ in ("compound", "poss")]
    inst = next((institutions[w.lemma_.lower()] for w in words if w.lemma_.lower() in institutions), None)
    if inst is None:
        return None
    start = min(t.i for t in head.subtree if t.i <= head.i and t.dep_ not in ("det", "punct"))
    span = d.doc[start : head.i + 1]
    if _proper_body(head, span):  # "Thames Valley Police": the body the document names
        return Mention(span.start, span.end, "", span.text, span.text, "ORG", span.start_char, span.end_char)
    return Mention(span.start, span.end, IMPLICIT + inst, inst, inst, "IMPLICIT", span.start_char, span.end_char)


def _proper_body(head: Token, span) -> bool:
    """Does an institution's phrase name one body by its proper name ("Thames Valley Police", "the
    Kent Police"), every word capitalised with a proper-noun modifier, not a common noun ("police",
    "a Paris court")?"""
    return (any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in head.children)
            and all(t.text[:1].isupper() for t in span))


def agent_of(d: BlameDoc, v: Token, inst: str) -> list[Mention]:
    """The blamer of a passive step: its "by" agent, else the state it happens in ("was arrested
    in Lebanon": ``jurisdiction_verbs``), else the institution the step implies."""
    agent = pobj(first_child(v, ("agent",)))
    if agent is not None:
        return party_of(d, d.np_actors(agent), agent, inst)
    if v.lemma_.lower() in d.lex.jurisdiction_verbs:
        place = d.np_actors(pobj(first_child(v, ("prep",), "in")))
        if place:
            return place
    return [implicit_blamer(inst)]
