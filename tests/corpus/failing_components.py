"""spaCy components that fail on purpose, for the isolation tests (imported as the run's ``code``).

``fail_on_marker`` raises on any document containing :data:`MARKER` (a component that works
document by document); ``fail_batch_on_marker`` raises on a whole minibatch containing one (as
spaCy's trainable components, which predict a minibatch at once, do).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

MARKER = "Zqxv"


class MarkerError(RuntimeError):
    """The failure the tests inject."""


def _check(doc: Doc) -> Doc:
    if MARKER in doc.text:
        raise MarkerError(f"injected failure on a document with {MARKER}")
    return doc


@Language.component("fail_on_marker")
def fail_on_marker(doc: Doc) -> Doc:
    return _check(doc)


class _BatchFailure:
    def __call__(self, doc: Doc) -> Doc:
        return _check(doc)

    def pipe(self, docs, batch_size: int = 128):
        from spacy.util import minibatch

        for batch in minibatch(docs, size=batch_size):
            for doc in batch:
                _check(doc)
            yield from batch


@Language.factory("fail_batch_on_marker")
def fail_batch_on_marker(nlp: Language, name: str) -> _BatchFailure:
    return _BatchFailure()
