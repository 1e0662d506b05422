"""helpers.actors.most_disputed_paragraph: where plain spaCy and the syria pack disagree most."""

from __future__ import annotations

import pytest

from helpers.actors import actor_pipeline, display_spans, load_catalog, most_disputed_paragraph
from helpers.nlp import load_nlp
from helpers.paths import SEED_ARTICLE
from helpers.text import clean_file

CATALOG = load_catalog(["syria"])

# Two paragraphs of the seed: one without entities, one with rebel groups plain spaCy calls PERSON.
QUIET = "But it did not turn out this way."
DISPUTED = ("Russia may be trying to exert pressure on the U.S., by escalating levels of violence, to change some "
            "terms of the Geneva agreement, perhaps securing U.S. consent to designating as \"terrorist\" the largest "
            "Islamic rebel groups — Ahrar al-Sham and Jaish al-Islam — the principal threats to Assad's power.")


@pytest.fixture(scope="module")
def pipelines():
    return actor_pipeline(CATALOG), load_nlp()


def parse(pipelines, text):
    nlp, raw_nlp = pipelines
    return raw_nlp(text), nlp(text)


def spans(doc, start, end):
    return {(s["start"], s["end"]) for s in display_spans(doc, start, end, CATALOG)}


def test_seed_paragraph_is_one_where_the_two_differ(pipelines):
    clean = clean_file(SEED_ARTICLE)
    raw_doc, doc = parse(pipelines, clean.text)
    start, end = most_disputed_paragraph(raw_doc, doc, CATALOG, clean.paragraphs)
    assert (start, end) in clean.paragraphs
    assert spans(raw_doc, start, end) != spans(doc, start, end)
    assert "Islamic State" in clean.text[start:end]  # spaCy alone finds "Islamic" (NORP) and no "State"


def test_paragraph_with_mislabelled_groups_beats_a_quiet_one(pipelines):
    text = f"{QUIET}\n\n{DISPUTED}"
    raw_doc, doc = parse(pipelines, text)
    quiet, disputed = (0, len(QUIET)), (len(QUIET) + 2, len(text))
    labels = {text[disputed[0] + s["start"]: disputed[0] + s["end"]]: s["label"]
              for s in display_spans(raw_doc, *disputed, CATALOG)}
    assert labels["Ahrar al-Sham"] == "PERSON"
    assert most_disputed_paragraph(raw_doc, doc, CATALOG, [quiet, disputed]) == disputed


def test_ties_go_to_the_earliest_paragraph(pipelines):
    text = f"{QUIET}\n\n{QUIET}"
    raw_doc, doc = parse(pipelines, text)
    paragraphs = [(len(QUIET) + 2, len(text)), (0, len(QUIET))]
    assert most_disputed_paragraph(raw_doc, doc, CATALOG, paragraphs) == (0, len(QUIET))
