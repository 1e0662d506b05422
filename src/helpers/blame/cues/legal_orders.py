"""Court orders as legal steps (issue 16, family ``legal``; docs/annotation/blame.md version 2,
"Decisions recorded during annotation": an order to remove or pay is ``legal``): "Acme was ordered
to pay a fine" (the court's, ``implicit:court``, unless a "by" agent names who ordered), "a Paris
court ordered Acme to remove the posts" (the court). Only an order to a remedy
(``legal_remedies``: pay, remove, compensate ...) is one: "residents were ordered to leave" is no
blame; an active order is a court's only when its subject names a court or a judge ("President X
ordered the army to remove the protesters" gives no row). Negated, hypothetical and conditional
orders give none. Reads the lexicon's ``legal_order_verbs``, ``legal_remedies`` and
``institution_nouns``.
"""

from __future__ import annotations

from spacy.tokens import Token

from helpers.blame.cues.explicit import EXPLICIT
from helpers.blame.cues.legal import FAMILY, unrealised
from helpers.blame.cues.legal_parties import agent_of, object_actors, party_of, patient_actors
from helpers.blame.cues.registry import Row
from helpers.blame.document import BlameDoc, first_child, passive, span_of

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
