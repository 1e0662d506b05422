"""Text: decoding bytes, HTML pages, the language check and cleaning with an offset map.

Modules, in the order a document meets them:

- :mod:`~helpers.text.decode`: bytes -> text (:func:`read_text`, :func:`decode_bytes`, :class:`NotTextError`);
- :mod:`~helpers.text.html_text`: HTML pages (:func:`looks_like_html`, :func:`html_to_text`);
- :mod:`~helpers.text.cleaning`: :func:`clean` and :func:`clean_file`, the order of the repair steps;
- :mod:`~helpers.text.characters`, :mod:`~helpers.text.structure`: the steps (characters, then paragraphs);
- :mod:`~helpers.text.words`: word frequencies and end-of-line hyphens (:func:`keep_hyphen`, :func:`zipf`);
- :mod:`~helpers.text.rules`: the rules file :data:`CLEANING_RULES` (``cleaning.yml``);
- :mod:`~helpers.text.offsets`: the clean-to-raw offset map (:class:`Repair`, :data:`REPAIR_KINDS`);
- :mod:`~helpers.text.document`: the result, :class:`CleanDocument`, :func:`paragraph_stats` and
  :func:`sentence_citations`;
- :mod:`~helpers.text.language`: the language check (:func:`english_share`, :func:`language_problem`).
"""

from helpers.text.cleaning import clean, clean_file
from helpers.text.decode import NotTextError, decode_bytes, read_text
from helpers.text.document import CleanDocument, paragraph_stats, sentence_citations
from helpers.text.html_text import html_to_text, looks_like_html
from helpers.text.language import english_share, language_problem
from helpers.text.offsets import REPAIR_KINDS, Repair, line_col
from helpers.text.rules import CLEANING_RULES, load_rules
from helpers.text.words import KNOWN_WORD_ZIPF, keep_hyphen, zipf

__all__ = [
    "CleanDocument",
    "Repair",
    "clean",
    "clean_file",
    "paragraph_stats",
    "sentence_citations",
    "read_text",
    "decode_bytes",
    "NotTextError",
    "html_to_text",
    "looks_like_html",
    "english_share",
    "language_problem",
    "REPAIR_KINDS",
    "CLEANING_RULES",
    "load_rules",
    "line_col",
    "keep_hyphen",
    "zipf",
    "KNOWN_WORD_ZIPF",
]
