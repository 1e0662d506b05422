"""HTML made from document text escapes it (part of the security audit, see tests/test_security.py).

:func:`helpers.viz.evidence.evidence_cards` and :func:`helpers.viz.evidence.entity_html` (displaCy)
show markup in an article as text; the report built from them is checked in a browser by
tests/viz/test_report.py.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pandas as pd

from helpers.viz.evidence import _PALETTE, entity_html, evidence_cards

SCRIPT = "<script>document.title='pwned'</script>"
IMG = "\"><img src=x onerror=\"document.title='pwned'\">"
AMP = "AT&amp;T"  # must come back as the eight characters A T & a m p ; T


class _Parsed(HTMLParser):
    """Start tags with attributes, all text, and the text of each <mark>."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.marks: list[str] = []
        self._mark_depth = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "mark":
            self._mark_depth += 1
            self.marks.append("")

    def handle_endtag(self, tag):
        if tag == "mark":
            self._mark_depth -= 1

    def handle_data(self, data):
        self.text.append(data)
        if self._mark_depth:
            self.marks[-1] += data


def parse(source: str) -> _Parsed:
    p = _Parsed()
    p.feed(source)
    p.close()
    return p


def assert_inert(parsed: _Parsed, allowed_tags: set[str]):
    unexpected = {t for t, _ in parsed.tags} - allowed_tags
    assert not unexpected, f"markup from the text became elements: {unexpected}"
    handlers = [(t, a) for t, attrs in parsed.tags for a in attrs if a.lower().startswith("on")]
    assert not handlers, handlers
    assert {a for _, attrs in parsed.tags for a in attrs} <= {"class", "style"}


def _blame_row(sentence: str, blamer: str, blamed: str, cue: str, **extra) -> dict:
    start = 100  # the sentence's offset in its document
    b0, d0, c0 = sentence.index(blamer), sentence.index(blamed), sentence.index(cue)
    row = dict(sent_id=3, sentence=sentence, sent_start=start, sent_end=start + len(sentence),
               blamer=blamer, blamed=blamed, kind="explicit", attribution="reported", stance="none",
               blamer_start=start + b0, blamer_end=start + b0 + len(blamer),
               blamed_start=start + d0, blamed_end=start + d0 + len(blamed),
               cue_start=start + c0, cue_end=start + c0 + len(cue))
    row.update(extra)
    return row


def test_evidence_cards_show_markup_in_the_text_as_text():
    sentence = f"{SCRIPT} The {AMP} board blamed the {IMG} regime for it, <b>sources</b> said."
    blamer, blamed = f"The {AMP} board", f"the {IMG} regime"
    html_out = evidence_cards(pd.DataFrame([_blame_row(sentence, blamer, blamed, "blamed")]))
    parsed = parse(html_out)
    assert_inert(parsed, {"div", "span", "mark"})
    text = "".join(parsed.text)
    assert sentence in text  # every character shown literally, & included
    assert parsed.marks == [blamer, "blamed", blamed]  # the highlights cover exactly the spans
    assert f"{blamer} \u2192 {blamed}" in text  # the header's names too


def test_evidence_cards_escape_every_field_that_can_come_from_data():
    # blamer/blamed can be normalised names of entities outside the catalog, i.e. document text;
    # kind, attribution and stance come from data files. None may become markup.
    sentence = "Officials blamed the militia."
    row = _blame_row(sentence, "Officials", "the militia", "blamed", kind=SCRIPT, attribution=IMG, stance=AMP)
    row.update(blamer=f"Officials{SCRIPT}", blamed=f"militia{IMG}")
    parsed = parse(evidence_cards(pd.DataFrame([row])))
    assert_inert(parsed, {"div", "span", "mark"})
    text = "".join(parsed.text)
    for value in (f"Officials{SCRIPT}", f"militia{IMG}", SCRIPT, IMG, f"author {AMP} it"):
        assert value in text, value


def test_evidence_cards_styles_are_the_fixed_highlight_colours():
    sentence = f"Russia blamed {IMG}."
    parsed = parse(evidence_cards(pd.DataFrame([_blame_row(sentence, "Russia", IMG, "blamed")])))
    mark_styles = {a["style"] for t, a in parsed.tags if t == "mark"}
    assert mark_styles <= {"background:#ffe08a", "background:#f4a6a6", "background:#a6c8f4"}


def test_entity_html_shows_markup_in_the_text_as_text():
    text = f"Russia said {SCRIPT} and the {IMG} regime, citing {AMP}.\nNew paragraph <i>here</i>."
    spans = [{"start": 0, "end": 6, "label": "Russia"},
             {"start": text.index(IMG), "end": text.index(IMG) + len(IMG), "label": "ORG"},
             {"start": text.index(AMP), "end": text.index(AMP) + len(AMP), "label": "ORG"}]
    parsed = parse(entity_html(text, spans, title="with the actor catalog"))
    assert_inert(parsed, {"h2", "div", "mark", "span", "br"})
    shown = "".join(parsed.text)
    for piece in (SCRIPT, IMG, AMP, "<i>here</i>"):
        assert piece in shown, piece
    assert [m.split()[0] for m in parsed.marks] == ["Russia", IMG.split()[0], AMP]  # each mark: its entity
    backgrounds = {re.search(r"background: ([^;]+);", a["style"]).group(1) for t, a in parsed.tags if t == "mark"}
    assert backgrounds <= set(_PALETTE)


def test_entity_html_escapes_title_and_labels():
    out = entity_html("Russia said so.", [{"start": 0, "end": 6, "label": f"R{SCRIPT}"}], title=f"T{IMG}")
    parsed = parse(out)
    assert_inert(parsed, {"h2", "div", "mark", "span", "br"})
    assert f"R{SCRIPT}" in "".join(parsed.text) and f"T{IMG}" in "".join(parsed.text)
