"""helpers.quotes.attributions_holding: the attributions whose content holds a character, found by
bisection, are exactly those a scan of every attribution finds, in the same order (nested and
continued quotations included)."""

from __future__ import annotations

from helpers.nlp import load_nlp
from helpers.quotes import attributions_holding, document_attributions, load_speech

TEXT = (
    'The mayor said the council had "failed the residents" and that the budget was late. '
    'According to police, two men were detained. "We will appeal," the lawyer said, "and we will win."\n\n'
    '"The ruling is a disgrace," she added. Critics say the plan, which the governor called "reckless", '
    'will raise taxes: "It is a betrayal."'
)


def test_bisection_finds_what_a_scan_finds():
    doc = load_nlp()(TEXT)
    speech = load_speech("quotes")
    atts = document_attributions(doc, speech)
    assert len(atts) >= 4
    for c in range(len(TEXT) + 1):
        scan = [a for a in atts if a.content_start <= c < a.content_end]
        assert attributions_holding(doc, speech, c) == scan, c
