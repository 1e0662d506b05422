"""Tests of helpers.text (decoding, HTML, language, cleaning and its offset map)."""
