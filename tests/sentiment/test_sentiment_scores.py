"""Sentence and target sentiment of the shipped scorers: behaviour on real snippets (helpers.sentiment)."""

from __future__ import annotations

import re

import numpy as np
import pytest

from helpers import sentiment as S
from helpers.paths import SEED_ARTICLE
from helpers.text import clean_file

# Real sentences of the seed article (The Moscow Times, September 2016).
TORPEDO = ("Assad had all the incentives to torpedo the CoH and it appears that the Russian military, "
           "instead of restraining the Syrian Army, were overly sympathetic to its intransigence.")
TRUST = "This is not how one builds trust in preparation for joint military operations."
CAPITULATION = ("The Geneva agreement, which in plain terms amounted to a wholesale capitulation of the "
                "U.S. policy in Syria, gave Moscow essentially what it sought when it launched its "
                "military intervention a year ago")


def span(sentence: str, target: str, nth: int = 0) -> tuple[str, int, int]:
    starts = [m.start() for m in re.finditer(re.escape(target), sentence)]
    return sentence, starts[nth], starts[nth] + len(target)


# ------------------------------------------------------------------------------------------
# Sentence scores
# ------------------------------------------------------------------------------------------
def test_vader_baseline_misreads_the_seed():
    assert S.vader_score(TORPEDO) == pytest.approx(0.68, abs=0.01)
    assert S.vader_score(TRUST) == pytest.approx(0.51, abs=0.01)


@pytest.mark.parametrize("sentence", [TORPEDO, TRUST, CAPITULATION])
def test_rules_and_project_read_the_seed_as_negative(sentence):
    assert S.vader_score(sentence) > 0
    assert S.rule_score(sentence) < 0
    assert S.sentence_sentiment(sentence) < 0


def test_rule_lexicon_phrases_and_names():
    assert S.rule_score("The claim strains credulity.") < S.vader_score("The claim strains credulity.")
    assert S.rule_score("It was the death knell of the truce.") < 0
    # names of institutions carry no sentiment (VADER: "united", "security" are positive)
    assert S.vader_score("The United Nations Security Council met on Tuesday.") > 0.5
    assert S.rule_score("The United Nations Security Council met on Tuesday.") == 0


def test_rule_negation_contrast_hedges_quotes():
    # clause-wide negation beyond VADER's three words
    failed = "Moscow failed to uphold its commitments."
    assert S.rule_score(failed) < S.vader_score(failed)
    # the main clause outweighs the conceded one
    assert S.rule_score("Although the plan has flaws, it is a welcome step.") > 0
    assert S.rule_score("The plan is a welcome step, but it has serious flaws.") < S.rule_score(
        "The plan has serious flaws, but it is a welcome step.")
    # a hedge weakens, it does not flip
    plain, hedged = S.rule_score("The deal is a disaster."), S.rule_score("The deal is perhaps a disaster.")
    assert plain < hedged < 0
    # the quoted speaker's words count less toward the writer's tone
    assert S.rule_score('He called the plan "a disaster".') > S.rule_score("He called the plan a disaster.")


def test_score_sentences_signature_range_and_batch_equals_single():
    texts = [TORPEDO, "It was a wonderful, generous gesture that everyone welcomed.", "", TRUST]
    scores = S.score_sentences(texts)
    assert isinstance(scores, list) and len(scores) == len(texts)
    assert all(isinstance(x, float) and -1.0 <= x <= 1.0 for x in scores)
    assert scores[1] > 0.2 > scores[0]
    assert S.sentence_sentiment(TRUST) == pytest.approx(scores[3], abs=1e-5)
    assert S.score_sentences([]) == []


def test_seed_article_sentences_are_scored():
    text = clean_file(SEED_ARTICLE).text
    sents = [s for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) > 3]
    scores = S.score_sentences(sents)
    by_text = dict(zip(sents, scores))
    torpedo = next(s for s in sents if "torpedo the CoH" in s)
    assert by_text[torpedo] < 0
    assert np.mean(scores) < 0  # an op-ed about a collapsing ceasefire


# ------------------------------------------------------------------------------------------
# Target scores
# ------------------------------------------------------------------------------------------
def test_target_sentiment_blame_target_is_negative():
    label, score = S.target_sentiment(*span("Washington blamed Moscow for the collapse of the ceasefire.", "Moscow"))
    assert label == "negative" and score < -0.3


def test_target_sentiment_is_about_the_target_not_the_sentence():
    s = "Clinton thanked her supporters, but Trump mocked them."
    (l1, s1), (l2, s2) = S.target_sentiments([span(s, "Clinton"), span(s, "Trump")])
    assert l1 == "positive" and l2 == "negative" and s1 > s2
    praised = S.target_sentiment(*span("The Kremlin praised Lavrov for his patience.", "Lavrov"))
    assert praised[0] == "positive"
    agent = S.target_sentiment(*span(TORPEDO, "Assad"))
    assert agent[0] == "negative"


def test_target_sentiments_signature_range_and_errors():
    items = [span("Lavrov met Kerry in Geneva on Friday.", "Kerry"), span(TRUST, "trust")]
    out = S.target_sentiments(items)
    assert len(out) == 2
    for label, score in out:
        assert label in S.LABELS and isinstance(score, float) and -1.0 <= score <= 1.0
    single = S.target_sentiment(*items[0])
    assert out[0][0] == single[0] and out[0][1] == pytest.approx(single[1], abs=1e-4)
    assert S.target_sentiments([]) == []
    with pytest.raises(ValueError):
        S.target_sentiment("Short.", 3, 40)


def test_rule_target_roles():
    items = [span("Washington blamed Moscow for the collapse.", "Moscow"),
             span("Russian jets bombed a hospital in Aleppo.", "Russian jets"),
             span("The White Helmets rescued dozens of children.", "The White Helmets"),
             span("Moscow did not blame Washington.", "Washington")]
    labels = [label for label, _ in S.rule_target_sentiment(items)]
    assert labels[:3] == ["negative", "negative", "positive"]
    assert labels[3] != "negative"  # negation cancels the blame
