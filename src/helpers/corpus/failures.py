"""What went wrong with one document, as one line in ``documents.error``, and its kind.

Every exception caught while analysing a document becomes ``"<stage> failed[ in <component>]:
<ExceptionType>: <message on one line, at most 300 characters>"`` (:func:`stage_error`), with the stage one of
:data:`STAGES`. :func:`error_kind` sorts any ``error`` (those above and the reader's, cleaning's and
the language check's own messages) into the kinds the command line counts at the end of a run.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

__all__ = ["STAGES", "stage_error", "error_kind", "error_summary"]

#: The stages of a document's analysis, in order.
STAGES = ("decoding", "cleaning", "parsing", "extraction", "scoring", "tables")

_MAX_MESSAGE = 300

# (pattern at the start of an error, kind): the messages of helpers.corpus.readers, helpers.text
# and the analyzer.
_KINDS = (
    (re.compile(r"(\w+) failed\b"), None),  # a stage's exception: the kind is "<stage> failed"
    (re.compile(r"not English\b"), "not English"),
    (re.compile(r"empty document\b"), "empty"),
    (re.compile(r"cannot read the file\b"), "unreadable"),
    (re.compile(r"(a PDF|binary data|has a UTF-16 byte-order mark)\b"), "not text"),
)


def stage_error(stage: str, exc: BaseException, component: str | None = None) -> str:
    """One line naming the stage (and the pipeline component) where ``exc`` was raised."""
    if stage not in STAGES:
        raise ValueError(f"unknown stage {stage!r}: one of {', '.join(STAGES)}")
    message = " ".join(str(exc).split())  # one line, whatever the exception's layout
    if len(message) > _MAX_MESSAGE:
        message = message[:_MAX_MESSAGE] + "..."
    where = f" in {component}" if component else ""
    return f"{stage} failed{where}: {type(exc).__name__}" + (f": {message}" if message else "")


def error_kind(error: str) -> str:
    """The kind of a ``documents.error`` (``""`` for none): ``"parsing failed"``, ``"not English"``,
    ``"empty"``, ``"unreadable"``, ``"not text"``, or ``"other"``."""
    if not error:
        return ""
    for pattern, kind in _KINDS:
        m = pattern.match(error)
        if m:
            return kind or f"{m.group(1)} failed"
    return "other"


def error_summary(errors: Iterable[str]) -> Counter:
    """How many documents failed, by kind (documents without an error are not counted)."""
    return Counter(kind for kind in map(error_kind, errors) if kind)
