"""The tone toward the parties of each blame statement (helpers.sentiment.blame_tone, notebook 04), on the seed."""

from __future__ import annotations

import pytest

from helpers.corpus import analyze, iter_documents
from helpers.paths import SEED_ARTICLE
from helpers.resources import load_resources
from helpers.sentiment import BLAME_TONE_COLUMNS, blame_tone, mention_sentiment


@pytest.fixture(scope="module")
def seed_tables():
    """The seed analysed with the rule scorer (fast; the notebook uses the model, the rows are the same)."""
    res = load_resources("syria", "rules")
    tables = analyze(iter_documents([SEED_ARTICLE]), res)
    return tables, mention_sentiment(tables["mentions"], tables["sentences"], res.sentiment)


def test_blame_tone_reads_each_party_mention_of_the_seed(seed_tables):
    tables, scored = seed_tables
    blame = tables["blame"]
    out = blame_tone(blame, scored)
    assert list(out.columns) == BLAME_TONE_COLUMNS
    # A blamed party named by an actor mention has a tone; one the sentence names by a pronoun
    # (the blame table's evidence is the pronoun, which is no sentiment target) has none. A blamer
    # has one only when it is a party in the text, never when it is the author.
    tone = scored.set_index(["doc_id", "start_char"])["target_score"]
    named = blame[[(r.doc_id, r.blamed_start) in tone.index for r in blame.itertuples()]]
    parties = blame[[r.blamer_start >= 0 and (r.doc_id, r.blamer_start) in tone.index for r in blame.itertuples()]]
    assert (blame.blamer == "author").any() and (parties.blamer != "author").all()
    assert len(named) >= len(blame) - 2  # the seed names almost every blamed party
    assert out.role.tolist() == ["blamed"] * len(named) + ["blamer"] * len(parties)
    expected = [(r.blamed_root, tone[(r.doc_id, r.blamed_start)]) for r in named.itertuples()]
    expected += [(r.blamer_root, tone[(r.doc_id, r.blamer_start)]) for r in parties.itertuples()]
    assert list(zip(out.actor, out.tone)) == expected
    assert out.index.tolist() == list(range(len(out)))
    # the seed's blamed actors: Russia and the Syrian government among them, read negatively on the whole
    assert {"Russia", "Syrian government"} <= set(out.actor[out.role == "blamed"])
    assert out.loc[out.role == "blamed", "tone"].mean() < 0


def test_blame_tone_leaves_out_parties_without_a_scored_mention(seed_tables):
    tables, scored = seed_tables
    blame = tables["blame"]
    first = blame.iloc[0]
    unscored = scored[scored.start_char != first.blamed_start]
    out = blame_tone(blame, unscored)
    dropped = (blame.blamed_start == first.blamed_start).sum() + (blame.blamer_start == first.blamed_start).sum()
    assert dropped >= 1 and len(out) == len(blame_tone(blame, scored)) - dropped
    empty = blame_tone(blame.iloc[:0], scored)
    assert empty.empty and list(empty.columns) == BLAME_TONE_COLUMNS
