"""Whether the document has put a person in a defendant's role (:func:`charged`): named with a
defendant noun ("Kyle Rittenhouse, the suspect in the shooting", "the accused, Jane Roe") or the
one a legal step was against ("Dunn was charged", "police arrested Dunn", "Dunn appeared in court
charged with fraud"). The accuser of such a person's excuse is the prosecution, and "Dunn's
charges" are against him. Who "the accused" later stands for is the actor pipeline's reading (its
trial roles, :mod:`helpers.actors.document_actors`), which the blame table takes as any mention.
Reads the lexicon's ``legal_defendant_nouns`` and ``legal_verbs``. Registers no cue.
"""

from __future__ import annotations

from spacy.tokens import Token

from helpers.blame.document import BlameDoc, Mention

__all__ = ["charged"]


def charged(d: BlameDoc, who: Mention) -> bool:
    """Has the document, up to ``who``, put the actor ``who`` names in a defendant's role (for
    whose excuse the accuser is the prosecution)?"""
    return any(m.root == who.root and m.start <= who.start and _in_role(d, d.doc[m.end - 1]) for m in d.mentions)


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
