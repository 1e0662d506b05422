"""Denial: the blamed rejects blame it has been given ("The army denied that its soldiers had fired
on the protesters", "the Kremlin rejected Washington's accusation", "Ruiz pleaded not guilty",
"maintained his innocence", "called the allegations baseless"). Rows of the explicit kind, cue
family ``denial``, ``denied`` true: the blamed is the denier (a spokesperson denies for the
organisation it speaks for), the blamer the accuser, in the guideline's order
(``docs/annotation/blame.md``, denial):

1. named in the accusation's own slots ("Washington's accusation", "claims by the union",
   "US allegations"): that actor;
2. a legal accusation ("denied the charges", "pleaded not guilty"): the institution it implies
   (``denial_implicit``: ``implicit:prosecutors``, ``implicit:plaintiffs``);
3. otherwise ``unstated`` (:func:`unstated_blamer`): never the author, who blames no one here.

Only the blamed denies: a denial of another actor's blame ("the ministry denied that the rebels
were behind the attack") and of a claim that is no blame ("denied reports that the minister had
resigned") give no row; nor do "denied entry", "was denied bail" (a legal step), an agentless
"the allegations were denied", "rejected the bill", "dismissed
the minister", "the judge dismissed the charges". Reads the lexicon's ``denial_verbs`` and the
denial block (``denial_*``, ``accusation_nouns``, ``claim_nouns``, ``involvement_words``,
``innocence_*``).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from helpers.blame.attribution import attribute
from helpers.blame.cues.explicit import EXPLICIT
from helpers.blame.cues.owning import (
    about_owners,
    complement,
    issue_of,
    names_wrong,
    owners,
    phrase,
    plea,
    roots,
    speaking_for,
    withheld,
)
from helpers.blame.cues.registry import Row
from helpers.blame.document import (
    UNSTATED,
    BlameDoc,
    Mention,
    first_child,
    hypothetical,
    implicit_blamer,
    negated,
    passive,
    pobj,
    span_of,
)

__all__ = ["unstated_blamer", "denial_rows", "breach", "conditional"]


def unstated_blamer() -> Mention:
    """The blamer of a denial with no accuser in the sentence: ``unstated`` (no id, no words in
    the text: offsets -1)."""
    return implicit_blamer(UNSTATED)


def denial_rows(cue: Token, own: list[Mention], accusers: list[Mention], issue: Span | None,
          cue_end: int | None = None) -> list[Row]:
    if not own:
        return []
    return [Row("explicit", cue, own, blamer=accusers or [unstated_blamer()], issue=issue, cue_end=cue_end,
                denied=True)]


# ----- "denied the allegations", "rejected Washington's accusation that ..." ----------------------
@EXPLICIT.extractor(triggers=("denial_verbs", "denial_phrasal_verbs"), family="denial")
def denial_verb(d: BlameDoc, t: Token) -> list[Row]:
    """A denying verb whose object is an accusation against the subject, or (``deny``) a clause,
    gerund or wrong of the subject's own: "denied the charges", "rejected claims that it had bombed
    the convoy", "a charge he denies", "denied bombing the convoy", "denied any wrongdoing",
    "brushed off the accusations" (a phrasal verb with its particle). A legal accusation is denied
    by ``denial_charge_verbs`` ("contested the charges") or by a verb that gives it a denial label
    ("rejected the charges as politically motivated"), never by a court's "dismissed the charges"."""
    if t.pos_ != "VERB" or not _denying(d, t) or withheld(d, t) or conditional(d, t) \
            or first_child(t, ("dative",)) is not None:  # "denied him a visa"
        return []
    if passive(t):
        return _passive_denial(d, t)  # "was denied bail" has no accusation: no row
    own = owners(d, t)
    if not own:
        return []
    obj = first_child(t, ("dobj",))
    if t.dep_ == "relcl" and (obj is None or obj.tag_ in ("WDT", "WP")):
        obj = t.head  # "a charge he denies", "the allegations, which the company denies"
    legal_too = t.lemma_.lower() in d.lex.words("denial_clause_verbs")
    if obj is not None and _is_accusation(d, obj):
        labelled = _as_label(d, t, obj)  # "rejected the charges as politically motivated"
        if not (labelled or t.lemma_.lower() in d.lex.words("denial_charge_verbs")
                or obj.lemma_.lower() not in _legal(d)):
            return []
        found = _accusation(d, obj, own, bare_claim=legal_too or labelled)
        return denial_rows(t, own, *found) if found is not None else []
    if not legal_too:
        return []
    if obj is not None and obj.i > t.i and _wrong_or_part(d, phrase(obj)):
        return denial_rows(t, own, [], span_of(d, obj))  # "denied any wrongdoing", "denied involvement in"
    for c in t.children:
        if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX") and about_owners(d, c, own):
            gerund = first_child(c, ("nsubj", "nsubjpass", "csubj")) is None and c.tag_ == "VBG"
            if gerund or _wrong_or_part(d, c.subtree):  # "denied taking bribes", "denied it was involved"
                return denial_rows(t, own, [], issue_of(d, c))
    return []


def conditional(d: BlameDoc, v: Token) -> bool:
    """Is ``v`` in a condition ("if Russia denied the allegations", ``denial_conditional_marks``)?"""
    return any(c.dep_ == "mark" and c.lower_ in d.lex.words("denial_conditional_marks") for c in v.children)


def _denying(d: BlameDoc, t: Token) -> bool:
    """Is ``t`` a denying verb: one of ``denial_verbs``, or a phrasal one with its particle?"""
    lemma = t.lemma_.lower()
    particles = d.lex.extra["denial_phrasal_verbs"].get(lemma)
    if particles is None:
        return lemma in d.lex.denial_verbs
    return any(c.dep_ in ("prt", "advmod") and c.lower_ in particles and c.i > t.i for c in t.children)


def _as_label(d: BlameDoc, v: Token, obj: Token) -> bool:
    """Does ``v`` call its object ``obj`` by a denial label ("dismissed the claims as false",
    "rejected the charges as politically motivated"), not negated?"""
    return _label(d, _as_phrases(v, obj)) is not None


def _as_phrases(v: Token, obj: Token) -> list[Token]:
    """The "as" phrases of ``v`` or its object ``obj`` after the object ("as baseless", and the
    clause the parser sometimes makes of "as politically motivated")."""
    return [c for h in (v, obj) for c in h.children if c.i > obj.i and (
        (c.dep_ == "prep" and c.lower_ == "as")
        or (c.dep_ in ("advcl", "oprd", "xcomp", "acomp") and first_child(c, ("advmod", "mark", "prep"), "as")))]


def _label(d: BlameDoc, heads: list[Token]) -> Token | None:
    """The first denial label (``denial_labels``) in the subtrees of ``heads``, if not negated."""
    labels = d.lex.words("denial_labels")
    found = next((t for h in heads for t in h.subtree if t.lemma_.lower() in labels or t.lower_ in labels), None)
    return None if found is None or negated(found) else found


def _passive_denial(d: BlameDoc, t: Token) -> list[Row]:
    """An accusation denied by its "by" agent: "the charge was denied by Ana Ruiz, Dunn's lawyer"
    (Dunn denies), "the claims were rejected by the Kremlin"; agentless ("the allegations were
    denied") it names no denier and gives no row."""
    agent, obj = pobj(first_child(t, ("agent",))), first_child(t, ("nsubjpass",))
    if agent is None or obj is None or not _is_accusation(d, obj):
        return []
    own = speaking_for(d, agent, d.np_actors(agent))
    legal_too = t.lemma_.lower() in d.lex.words("denial_clause_verbs")
    charge = t.lemma_.lower() in d.lex.words("denial_charge_verbs")
    if not own or not (charge or obj.lemma_.lower() not in _legal(d)):
        return []
    found = _accusation(d, obj, own, bare_claim=legal_too)
    return denial_rows(t, own, *found) if found is not None else []


def _wrong_or_part(d: BlameDoc, tokens) -> bool:
    """Do ``tokens`` name a wrong (:func:`names_wrong`) or a part in one ("involvement", "involved")?"""
    tokens = list(tokens)
    part = d.lex.words("involvement_words")
    return names_wrong(d, tokens) or breach(d, tokens) or any(t.lemma_.lower() in part for t in tokens)


def breach(d: BlameDoc, tokens) -> bool:
    """Do ``tokens`` name a crime ("any crime", ``denial_crime_words``) or a breach of a rule ("broken
    the law", "violated sanctions": ``denial_breach_verbs`` with a ``denial_rule_nouns`` object)?"""
    crimes, verbs, rules = (d.lex.words(k) for k in ("denial_crime_words", "denial_breach_verbs", "denial_rule_nouns"))
    return any(t.lower_ in crimes or (t.lemma_.lower() in verbs and any(
        c.dep_ == "dobj" and c.lower_ in rules for c in t.children)) for t in tokens)


def _legal(d: BlameDoc) -> frozenset[str]:
    return d.lex.words("denial_implicit")


def _is_accusation(d: BlameDoc, n: Token) -> bool:
    lemma = n.lemma_.lower()
    return n.pos_ in ("NOUN", "PROPN") and (lemma in d.lex.words("accusation_nouns")
                                            or lemma in d.lex.words("claim_nouns"))


def _accusation(d: BlameDoc, n: Token, own: list[Mention], bare_claim: bool = True
                ) -> tuple[list[Mention], Span | None] | None:
    """(accusers, issue) of the accusation noun ``n`` denied by ``own``; none when it is not an
    accusation of them: "against" another actor, a content clause about another actor's act, a
    claim (``claim_nouns``) that names no wrong ("reports that the minister had resigned"), or
    unless ``bare_claim``, a claim that says nothing ("rejected Pelosi's suggestion": a proposal)."""
    own_roots = roots(own)
    claim = n.lemma_.lower() in d.lex.words("claim_nouns")
    issue = None
    for c in n.children:
        if c.dep_ == "prep" and c.lower_ == "against":
            if not own_roots & roots(d.np_actors(pobj(c))):
                return None  # "rejected the accusations against Syria": Syria's blame, not Russia's
        elif c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX") and first_child(c, ("mark",)) is not None:
            if not about_owners(d, c, own) or (claim and not names_wrong(d, c.subtree)):
                return None
            issue = issue_of(d, c)
        elif c.dep_ == "prep" and c.lower_ in ("of", "about", "over"):
            if claim and not names_wrong(d, phrase(c)):
                return None  # "dismissed claims of victory"
            issue = issue or span_of(d, pobj(c))
    if claim and issue is None and not bare_claim:
        return None
    return _accusers(d, n), issue or _noun_phrase(d, n)


def _noun_phrase(d: BlameDoc, n: Token) -> Span | None:
    """The phrase headed by ``n`` without a relative clause ("a charge he denies": "a charge")."""
    span = span_of(d, n)
    relcl = first_child(n, ("relcl",))
    if span is None or relcl is None or relcl.left_edge.i <= span.start:
        return span
    end = relcl.left_edge.i
    while end > span.start + 1 and (d.doc[end - 1].is_punct or d.doc[end - 1].is_space):
        end -= 1
    return d.doc[span.start:end]


def _accusers(d: BlameDoc, n: Token) -> list[Mention]:
    """Who made the accusation ``n``: its possessor ("Washington's accusation"), modifier ("US
    allegations"), "by"/"from" phrase ("claims by the union", "accusations made by Kyiv"); else the
    institution a legal accusation implies ("the charges": prosecutors); else none (``unstated``)."""
    found: list[Mention] = []
    for c in n.children:
        if c.dep_ == "poss":
            found += d.np_party(c)
        elif c.dep_ in ("compound", "amod", "nmod"):
            found += d.np_actors(c)
        elif c.dep_ == "prep" and c.lower_ in ("by", "from"):
            found += d.np_party(pobj(c))
        elif c.dep_ == "acl" and c.tag_ == "VBN":  # "allegations made by Kyiv"
            found += d.np_party(pobj(first_child(c, ("agent",))))
    institution = d.lex.extra["denial_implicit"].get(n.lemma_.lower())
    if not found and institution:
        found = [implicit_blamer(institution)]
    return found


# ----- "pleaded not guilty" ----------------------------------------------------------------------
@EXPLICIT.extractor(triggers=("plea_verbs",), family="denial")
def not_guilty_plea(d: BlameDoc, t: Token) -> list[Row]:
    """ "pleaded not guilty to fraud", "pleaded innocent": the accuser is prosecutors."""
    found = plea(d, t)
    if found is None or found[1] != "denial":
        return []
    accuser = implicit_blamer(d.lex.extra["denial_implicit"]["charge"])
    return denial_rows(t, owners(d, t), [accuser], complement(d, t, ("to",)), cue_end=found[0].i + 1)


# ----- "called the allegations baseless", "said the charges were false" ---------------------------
@EXPLICIT.extractor(triggers=("accusation_nouns", "claim_nouns"), family="denial")
def discredited_accusation(d: BlameDoc, n: Token) -> list[Row]:
    """An accusation its target calls false: "called the allegations baseless", "described the
    claims as fabricated" (the subject denies), "the charges are politically motivated, his lawyer
    said" (the speaker denies, when the accusation is not "against" another actor)."""
    if not _is_accusation(d, n):
        return []
    labels = d.lex.words("denial_labels")
    v = n.head
    if n.dep_ == "dobj" and v.pos_ == "VERB" and v.lemma_.lower() in d.lex.characterization_verbs \
            and not withheld(d, v):
        label = next((t for c in v.children if c.dep_ in ("oprd", "xcomp", "ccomp", "prep", "dobj") and c.i > n.i
                      for t in c.subtree if t.lemma_.lower() in labels or t.lower_ in labels), None) \
            or _label(d, _as_phrases(v, n))  # "described the accusations as lies"
        return _discredited(d, n, v, label, owners(d, v), label.i + 1) if label is not None else []
    if n.dep_ in ("nsubj", "nsubjpass") and not negated(v) and not hypothetical(v, d.lex):
        label = _predicate_label(d, n, v)
        if label is None:
            return []
        # the speaker denies ("his lawyer said": him); an accusation "against" another actor is
        # that actor's to deny (_accusation), not a third party's
        return _discredited(d, n, label, label, attribute(d, v, v.sent)[0], None)
    return []


def _predicate_label(d: BlameDoc, n: Token, v: Token) -> Token | None:
    """The denial label the predicate ``v`` gives its subject ``n``: "are false", "are a smear",
    "is without merit" (``denial_label_nouns``), "has no basis", "were fabricated" / "were made
    up" (``denial_passive_labels``, a particle where the lexicon's ``particle_verbs`` wants one)."""
    nouns = d.lex.words("denial_label_nouns")
    lemma = v.lemma_.lower()
    if n.dep_ == "nsubjpass":
        particle = d.lex.extra["denial_passive_labels"].get(lemma)
        if particle is None or (particle and first_child(v, ("prt",), particle) is None):
            return None
        return v
    if lemma == "be":
        found = _label(d, [c for c in v.children if c.dep_ in ("acomp", "attr")])
        without = next((c for c in v.children if c.dep_ == "prep" and c.lower_ == "without"), None)
        if found is None and without is not None and pobj(without) is not None \
                and pobj(without).lemma_.lower() in nouns:
            found = pobj(without)  # "the lawsuit is without merit"
        return found
    if lemma == "have":  # "the claims have no basis"
        obj = first_child(v, ("dobj",))
        if obj is not None and obj.lemma_.lower() in nouns and first_child(obj, ("det",), "no") is not None:
            return obj
    return None



def _discredited(d: BlameDoc, n: Token, cue: Token, label: Token, own: list[Mention],
                 cue_end: int | None) -> list[Row]:
    if not own or negated(label):
        return []
    found = _accusation(d, n, own)
    return denial_rows(cue, own, *found, cue_end=cue_end) if found is not None else []


# ----- "maintained his innocence", "said he had done nothing wrong" -------------------------------
