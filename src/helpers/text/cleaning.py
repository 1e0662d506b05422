"""Text cleaning for news articles pasted from PDFs and web pages.

``clean(raw)`` returns a :class:`CleanDocument`: the clean body (paragraphs separated by one
blank line), the material that is not body (photo captions and credits, datelines) as
metadata, every repair made with its position in the raw text, and an exact map from each
character of the clean body back to the raw text, so that any later finding can cite the raw
line and column.

What is repaired, in order (each is a ``kind`` in the repair report):

``bom``, ``newline``
    a byte-order mark is dropped; CRLF and CR become LF.
``control``
    C1 control characters (U+0080-U+009F, left by text that was cp1252 once) become the cp1252
    character they stood for ("\\x95" -> "•") or are dropped; other control characters
    (except newline and tab) are dropped.
``nfc``
    Unicode is put in NFC form (a base letter and its combining accent become one character).
``space``, ``zero_width``, ``soft_hyphen``
    no-break, thin and other Unicode spaces and tabs become a plain space; zero-width
    characters and soft hyphens are dropped.
``quotes``
    typographic quotes and apostrophes become ASCII ``'`` and ``"`` (the body uses ASCII
    quotes; pass ``quotes="keep"`` to keep them). Dashes and ellipses are kept.
``strip``, ``space_run``
    leading/trailing spaces of a line are removed; runs of spaces become one.
``caption``, ``media_file``, ``dateline``
    photo captions/credits, media file references and datelines move to ``metadata``.
``page_break``
    a paragraph break that falls mid-sentence (a page break) is joined: the previous paragraph
    does not end a sentence, and the next starts in lower case, or the previous ends on a comma
    or a word that cannot end a sentence ("the", "of", "by": ``continuation_words`` in
    cleaning.yml), or the previous is prose, not a short heading, and the break is longer
    than the document's usual one. Real paragraph breaks stay.
``line_join``
    hard-wrapped lines inside a paragraph are joined with a space.
``hyphen_kept``, ``dehyphenated``
    an end-of-line hyphen: a compound keeps its hyphen ("cease-\\nfire" -> "cease-fire"), a
    word split by the typesetter loses it ("interna-\\ntional" -> "international"). Decided by
    the document's own usage of the word, then by an English word-frequency list (wordfreq).
``missing_space``
    a space is inserted after an abbreviation's (or a word's) period glued to a capitalised
    word ("U.S.Secretary" -> "U.S. Secretary"); "U.S." and "U.S.-Russia" are left alone.
``blank_lines``
    paragraphs are separated by exactly one blank line.

Only whitespace is changed without a report; every other changed character is covered by a
reported repair, and cleaning a clean body changes nothing.

The steps live in :mod:`helpers.text.characters` and :mod:`helpers.text.structure`; this module
owns their order (:func:`clean`) and :func:`clean_file`.
"""

from __future__ import annotations

from pathlib import Path

from helpers.text.characters import repair_characters
from helpers.text.decode import read_text
from helpers.text.document import CleanDocument
from helpers.text.offsets import REPAIR_KINDS, MappedText
from helpers.text.rules import CLEANING_RULES, load_rules
from helpers.text.structure import blocks, repair_structure

__all__ = ["clean", "clean_file"]


def clean(raw: str, doc_id: str = "doc", *, quotes: str = "ascii",
          rules_path: str | Path = CLEANING_RULES) -> CleanDocument:
    """Clean one raw article (a ``str`` as read from the file, BOM and CRLF included).

    ``quotes``: ``"ascii"`` (default) turns typographic quotes into ASCII; ``"keep"`` leaves them.
    """
    if quotes not in ("ascii", "keep"):
        raise ValueError(f"quotes must be 'ascii' or 'keep', not {quotes!r}")
    rules = load_rules(rules_path)
    m = MappedText(raw)
    metadata: dict = {"doc_id": doc_id, "quotes": quotes}

    repair_characters(m, quotes)
    repair_structure(m, rules, metadata)

    paragraphs = blocks(m.text, line_mode=False)
    return CleanDocument(
        doc_id=doc_id,
        raw=raw,
        text=m.text,
        offsets=m.pos,
        paragraphs=paragraphs,
        metadata=metadata,
        repairs=sorted(m.repairs, key=lambda r: (r.raw_start, r.raw_end, REPAIR_KINDS.index(r.kind))),
    )


def clean_file(path: str | Path, doc_id: str | None = None, **kwargs) -> CleanDocument:
    """Read and clean a text file; ``doc_id`` defaults to the file name without extension."""
    p = Path(path)
    raw, encoding = read_text(p)
    doc = clean(raw, doc_id=doc_id or p.stem, **kwargs)
    doc.metadata["source_path"] = p.name
    doc.metadata["encoding"] = encoding
    return doc
