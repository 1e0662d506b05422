"""Court orders and rulings as legal steps (issue 16, family ``legal``; docs/annotation/blame.md version 2,
"Decisions recorded during annotation": an order to remove or pay is ``legal``): "Acme was ordered
to pay a fine" (the court's, ``implicit:court``, unless a "by" agent names who ordered), "a Paris
court ordered Acme to remove the posts" (the court). Only an order to a remedy
(``legal_remedies``: pay, remove, compensate ...) is one: "residents were ordered to leave" is no
blame; an active order is a court's only when its subject names a court or a judge ("President X
ordered the army to remove the protesters" gives no row). Negated, hypothetical and conditional
orders give none. A court's ruling against a party is one too (:func:`court_ruling`: "the
Supreme Court ruled against the government", "ruled Evers lacked authority"). Reads the lexicon's
``legal_order_verbs``, ``legal_remedies``, ``legal_ruling_*`` and ``institution_nouns``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from helpers.blame.cues.criticism import judged_actors
from helpers.blame.cues.explicit import EXPLICIT
from helpers.blame.cues.legal import FAMILY, unrealised
from helpers.blame.cues.legal_parties import agent_of, object_actors, party_of, patient_actors
from helpers.blame.cues.registry import Row
from helpers.blame.document import BlameDoc, first_child, negated, passive, pobj, span_of

COURT = "court"


@EXPLICIT.extractor(triggers=("legal_order_verbs",), family=FAMILY)
def court_order(d: BlameDoc, v: Token) -> list[Row]:
    """An order to a remedy: "Acme was ordered to pay a fine", "a judge ordered Acme to remove"."""
    remedy = next((c for c in v.children if c.dep_ == "xcomp" and c.lemma_.lower() in d.lex.words("legal_remedies")),
                  None)
    if v.pos_ != "VERB" or remedy is None or unrealised(d, v):
        return []
    if passive(v):
        blamed, blamer = patient_actors(d, v), agent_of(d, v, COURT)
    else:
        subj, subj_tok = d.subject(v)
        if subj_tok is None or not _a_court(d, subj_tok):
            return []
        blamed = object_actors(d, v, first_child(v, ("dobj",)))
        blamer = party_of(d, subj, subj_tok, COURT)
    issue = span_of(d, remedy)
    return [Row("explicit", v, list(blamed), blamer=list(blamer), issue=issue, cue_end=remedy.i + 1,
                family=FAMILY, implicit=COURT)] if blamed else []


def _a_court(d: BlameDoc, subj: Token) -> bool:
    """Does the subject's phrase name a court or a judge ("a Paris court", "the European Court of
    Justice", "Judge Ann Lee")?"""
    institutions = d.lex.extra["institution_nouns"]
    return any(institutions.get(t.lemma_.lower()) == COURT for t in subj.subtree)


@EXPLICIT.extractor(triggers=("legal_ruling_verbs",), family=FAMILY)
def court_ruling(d: BlameDoc, v: Token) -> list[Row]:
    """A court's ruling against a party: "the Supreme Court ruled against the government" (the
    "against" phrase), "the court ruled Evers lacked authority", "found that the minister's advice
    was unlawful" (the subject of a finding clause, or the owner of the act it judges), "declared
    the order unconstitutional" (the object judged). Only a court or judge ruling, not negated."""
    if (v.pos_ != "VERB" or v.lemma_.lower() not in d.lex.words("legal_ruling_verbs") or passive(v)
            or unrealised(d, v)):
        return []
    subj, subj_tok = d.subject(v)
    if subj_tok is None or not _a_court(d, subj_tok):
        return []
    against = pobj(first_child(v, ("prep",), "against"))
    blamed, issue = (d.np_party(against, phrase=False), None) if against is not None else _found_wrong(d, v)
    if not blamed:
        return []
    return [Row("explicit", v, list(blamed), blamer=list(party_of(d, subj, subj_tok, COURT)), issue=issue,
                family=FAMILY, implicit=COURT)]


def _found_wrong(d: BlameDoc, v: Token) -> tuple[list, Span | None]:
    """The party a ruling finds in the wrong, and the finding: the subject of a finding clause
    ("ruled Evers lacked authority"; the owner of a judged act: "the minister's advice was
    unlawful"), or the object a finding adjective judges ("declared the order unconstitutional").
    The clause finds a wrong when a word of it, not negated, is a wrong (an adjective of
    ``legal_ruling_wrongs``, an adverb of ``claim_wrong_adverbs``, a verb of
    ``legal_ruling_wrong_verbs``): "found the advice was motivated by an improper purpose and is
    unlawful"."""
    lex = d.lex
    wrongs, verbs = lex.words("legal_ruling_wrongs"), lex.words("legal_ruling_wrong_verbs")
    adverbs = lex.words("claim_wrong_adverbs")
    for c in v.children:
        if c.dep_ not in ("ccomp", "xcomp", "oprd", "acomp") or negated(c):
            continue
        if not any(not negated(t) and (t.lemma_.lower() in wrongs and t.pos_ == "ADJ" or t.lower_ in adverbs
                                       or t.pos_ == "VERB" and t.lemma_.lower() in verbs) for t in c.subtree):
            continue
        held = first_child(c, ("nsubj", "nsubjpass")) or first_child(v, ("dobj",))
        if held is None:
            continue
        return judged_actors(d, held), span_of(d, c)
    return [], None
