"""helpers.text.doc_text: a document's text joined once per Doc object, always equal to Doc.text."""

from __future__ import annotations

import spacy

from helpers.text.doc_text import doc_text


def test_the_text_is_docs_own_and_joined_once():
    nlp = spacy.blank("en")
    doc = nlp("Police detained four men.\n\nThe mayor said the plan was reckless. ")
    first = doc_text(doc)
    assert first == doc.text and doc_text(doc) is first  # the same string, not joined again
    part = doc[5:].as_doc()  # another Doc object: its own text, never the document's
    assert doc_text(part) == part.text != first
    other = nlp("Police detained four men.")
    assert doc_text(other) == "Police detained four men."
