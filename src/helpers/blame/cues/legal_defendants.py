"""The person a definite defendant noun stands for in a legal step ("Brenton Tarrant appeared in
court charged with murder. ... Police arrested the accused near the mosque": the step is against
Tarrant). Court and police reporting names a defendant once, then calls him "the accused", "the
defendant" or "the suspect"; such a phrase refers back to the nearest person the document has
already put in that role: one named with the noun ("Kyle Rittenhouse, the suspect in the
shooting", "the accused, Jane Roe") or the one a legal step was against ("Dunn was charged",
"police arrested Dunn", "Dunn appeared in court charged with fraud"). An indefinite noun ("a
suspect", "police arrested a man") or a person never put in the role (the victim, the judge)
gives nobody. :func:`charged` tells whether an actor is such a defendant. Reads the lexicon's
``legal_defendant_nouns`` and ``legal_verbs``. Registers no cue.
"""

from __future__ import annotations

from spacy.tokens import Token

from helpers.blame.document import BlameDoc, Mention

__all__ = ["defendant", "charged"]


def defendant(d: BlameDoc, head: Token | None) -> list[Mention]:
    """The earlier defendant "the accused" / "the defendant" / "the suspect" (``head``) refers to,
    as a mention with the phrase's own offsets; [] for another phrase or when none precedes."""
    if head is None or not _definite_role(d, head):
        return []
    start = min(t.i for t in head.subtree if t.i <= head.i)
    for m in reversed(d.mentions):
        if m.end <= start and m.label == "PERSON" and _in_role(d, d.doc[m.end - 1]):
            span = d.doc[start : head.i + 1]
            return [Mention(span.start, span.end, m.actor_id, m.name, m.root, m.label, span.start_char,
                            span.end_char)]
    return []


def charged(d: BlameDoc, who: Mention) -> bool:
    """Has the document, up to ``who``, put the actor ``who`` names in a defendant's role (for
    whose excuse the accuser is the prosecution)?"""
    return any(m.root == who.root and m.start <= who.start and _in_role(d, d.doc[m.end - 1]) for m in d.mentions)


def _definite_role(d: BlameDoc, head: Token) -> bool:
    """Is ``head`` a bare definite defendant noun ("the accused"; not "a suspect", "his suspect",
    "the suspect's car" or a name's apposition)?"""
    if head.lower_ not in d.lex.words("legal_defendant_nouns") or head.i in d.by_token:
        return False
    dets = [c.lower_ for c in head.children if c.dep_ in ("det", "poss")]
    return dets == ["the"] and head.dep_ not in ("poss", "appos", "compound")


def _in_role(d: BlameDoc, name: Token) -> bool:
    """Has the document put the person named at ``name`` in a defendant's role: named with a
    defendant noun, or the one a legal step is against (the subject of a passive legal verb or of
    a reduced one, "appeared in court charged with", the object of an active one)?"""
    nouns, verbs = d.lex.words("legal_defendant_nouns"), d.lex.extra["legal_verbs"]
    if any(c.dep_ == "appos" and c.lower_ in nouns for c in name.children):
        return True  # "Kyle Rittenhouse, the suspect in the shooting"
    t = name.head if name.dep_ == "appos" else name  # "An Australian, Brenton Tarrant, appeared"
    if name.dep_ == "appos" and t.lower_ in nouns:
        return True  # "the accused, Jane Roe"
    v = t.head
    if v.lemma_.lower() not in verbs:
        return t.dep_ == "nsubj" and any(_reduced_step(c, verbs) for c in v.children)
    return t.dep_ == "nsubjpass" or (t.dep_ == "dobj" and not verbs[v.lemma_.lower()].get("passive_only"))


def _reduced_step(c: Token, verbs: dict) -> bool:
    """A subjectless participle of a legal verb on the subject's clause ("appeared in court charged
    with murder")."""
    return (c.tag_ == "VBN" and c.dep_ in ("advcl", "conj", "xcomp", "oprd") and c.lemma_.lower() in verbs
            and not any(g.dep_.startswith("nsubj") for g in c.children))
