"""Parsing a batch of texts with spaCy so that a failing document costs only itself.

:func:`parse_batch` runs ``nlp.pipe`` over the batch with spaCy's pipe error handler
collecting, instead of raising, what a component raises.
A component that fails on one document drops that document; a component that fails on a whole
minibatch (spaCy's trainable components predict a minibatch at once) drops all of it, and those
documents are parsed again one at a time, so only the one that fails again is lost. An exception
that escapes the handler, or one in the tokenizer, is caught the same way. Parses do not depend
on which other texts share the batch, so every other document's parse is what a clean run gives.

Outside :func:`parse_batch` the handler raises, as spaCy's default does: ``nlp(text)`` in a
notebook still shows the exception.
"""

from __future__ import annotations

import threading
from typing import Hashable, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from helpers.corpus.failures import stage_error

__all__ = ["parse_batch"]

_collecting = threading.local()  # the failures of the parse running in this thread, if any


def _on_error(proc_name: str, proc, docs: list[Doc], exc: Exception) -> None:
    """spaCy's error handler: record the failure while :func:`parse_batch` runs, else raise."""
    sink = getattr(_collecting, "sink", None)
    if sink is None:
        raise exc
    sink.append((proc_name, [doc._context for doc in docs], exc))


def _install(nlp: Language) -> None:
    """Make :func:`_on_error` the handler of ``nlp`` and of every component that can keep one
    (also one added since the last batch). spaCy's Cython components (parser, NER) cannot: what
    they raise escapes ``nlp.pipe`` and :func:`parse_batch` retries the documents one by one."""
    nlp.default_error_handler = _on_error
    for _, proc in nlp.pipeline:
        if hasattr(proc, "set_error_handler"):
            try:
                proc.set_error_handler(_on_error)
            except AttributeError:
                pass


def _attempt(nlp: Language, items: Sequence[tuple[str, Hashable]], batch_size: int,
             failures: dict) -> tuple[dict, list]:
    """One pass of ``nlp.pipe``: the parsed Docs by context and the handler's records (tokenizer
    failures go straight into ``failures``; after an exception that escaped, the Docs so far)."""
    docs = []
    for text, ctx in items:
        try:
            docs.append((nlp.make_doc(text), ctx))
        except Exception as exc:  # noqa: BLE001 - recorded per document
            failures[ctx] = stage_error("parsing", exc, "tokenizer")
    parsed, sink = {}, []
    _install(nlp)
    _collecting.sink = sink
    try:
        for doc, ctx in nlp.pipe(docs, as_tuples=True, batch_size=batch_size):
            parsed[ctx] = doc
    except Exception:  # noqa: BLE001, S110 - escaped a component's handler: the rest is retried alone
        pass
    finally:
        _collecting.sink = None
    return parsed, sink


def _alone(nlp: Language, text: str) -> tuple[Doc | None, str]:
    """``text`` parsed alone, component by component (as ``nlp(text)`` does), or the error
    naming the component that failed."""
    try:
        doc = nlp.make_doc(text)
    except Exception as exc:  # noqa: BLE001 - recorded per document
        return None, stage_error("parsing", exc, "tokenizer")
    for name, proc in nlp.pipeline:
        try:
            doc = proc(doc)
        except Exception as exc:  # noqa: BLE001 - recorded per document
            return None, stage_error("parsing", exc, name)
    return doc, ""


def parse_batch(nlp: Language, items: Sequence[tuple[str, Hashable]],
                batch_size: int) -> tuple[dict[Hashable, Doc], dict[Hashable, str]]:
    """Parse ``items`` (``(text, context)`` pairs, contexts unique) with ``nlp``; return
    ``({context: Doc}, {context: error})``, every context in exactly one of them."""
    failures: dict[Hashable, str] = {}
    parsed, sink = _attempt(nlp, items, batch_size, failures)
    named = {ctxs[0]: stage_error("parsing", exc, name) for name, ctxs, exc in sink if len(ctxs) == 1}
    for text, ctx in items:
        if ctx in parsed or ctx in failures:
            continue
        if ctx in named:  # the component failed on this document alone
            failures[ctx] = named[ctx]
            continue
        # dropped with its minibatch, or after an exception escaped nlp.pipe: parse it alone
        doc, error = _alone(nlp, text)
        if doc is not None:
            parsed[ctx] = doc
        else:
            failures[ctx] = error
    return parsed, failures
