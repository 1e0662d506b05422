"""The entity gold stays aligned with cleaning, the catalog pipeline beats raw spaCy on it, and
the evaluation helpers of notebook 06 (intervals, error analysis, the results table) do what
they say."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers import evaluation as E
from helpers.actors import actor_pipeline, load_catalog, mention_table, raw_mention_table
from helpers.evaluation import load_entity_gold, load_fakes, load_wikinews, match_spans, prf, score_entities
from helpers.nlp import load_nlp
from helpers.paths import DATA_DIR, SEED_ARTICLE
from helpers.text import clean, clean_file

GOLD = DATA_DIR / "gold" / "entities.jsonl"
NEWS_GOLD = DATA_DIR / "gold" / "entities_news.jsonl"  # guideline version 2, non-Syrian news
BLAME_NEWS_GOLD = DATA_DIR / "gold" / "blame_news.jsonl"  # blame guideline version 2, any news
BLAME_AGREEMENT = DATA_DIR / "gold" / "blame_news_agreement.jsonl"  # second annotations of 4 of them


@pytest.fixture(scope="module")
def gold():
    return load_entity_gold(GOLD)


@pytest.fixture(scope="module", params=[GOLD, NEWS_GOLD], ids=["syria", "news"])
def any_gold(request):
    return load_entity_gold(request.param)


@pytest.fixture(scope="module", params=[GOLD, NEWS_GOLD, BLAME_NEWS_GOLD, BLAME_AGREEMENT],
                ids=["syria", "news", "blame_news", "blame_agreement"])
def text_gold(request):
    return load_entity_gold(request.param)


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(["syria"])


@pytest.fixture(scope="module")
def nlp(catalog):
    return actor_pipeline(catalog)


def test_gold_texts_are_what_cleaning_gives_today(text_gold):
    wikinews = load_wikinews().set_index("doc_id")["text"]
    fakes = load_fakes().set_index("doc_id")["text"]
    for rec in text_gold:
        d = rec["doc_id"]
        if d.startswith("wikinews_"):
            text = clean(wikinews[d], d).text
        elif d.startswith("fakes_"):
            text = clean(fakes[d], d).text
        else:
            text = clean_file(SEED_ARTICLE).text
        assert text == rec["text"], f"{d}: cleaning changed; re-align data/gold/entities.jsonl"


def test_gold_is_well_formed(any_gold, catalog):
    assert len(any_gold) >= 6
    for rec in any_gold:
        last_end = 0
        for m in rec["mentions"]:
            assert rec["text"][m["start"] : m["end"]] == m["text"]
            assert m["start"] >= last_end and m["kind"] in ("actor", "place")
            last_end = m["end"]
            assert m["actor"].startswith(("new:", "place:")) or m["actor"] in catalog
            if rec.get("guideline") == 2:
                assert m["form"] in ("name", "alias", "title", "description", "pronoun")


def test_the_news_gold_is_ordinary_news():
    """Issue 14: at least 12 Wikinews development articles with no Syrian content, guideline 2."""
    news = load_entity_gold(NEWS_GOLD)
    assert all(r["guideline"] == 2 and r["doc_id"].startswith("wikinews_") for r in news)
    assert sum("Syria" not in r["text"] for r in news) >= 12


def test_the_blame_news_gold_follows_guideline_2():
    """Issue 16: at least 40 Wikinews development articles across topics, every row with its evidence."""
    news = load_entity_gold(BLAME_NEWS_GOLD)
    assert len(news) >= 40 and len({r["topic"] for r in news}) >= 8
    assert sum("Syria" not in r["text"] for r in news) >= 30
    families = set()
    for rec in news:
        assert rec["guideline"] == 2 and rec["doc_id"].startswith("wikinews_")
        for st in rec["statements"]:
            assert rec["text"][st["cue_start"] : st["cue_end"]] == st["cue"]
            for role in ("blamer", "blamed"):
                if st[f"{role}_start"] >= 0:
                    assert rec["text"][st[f"{role}_start"] : st[f"{role}_end"]] == st[f"{role}_text"]
            assert st["scope"] in ("core", "extended") and st["kind"] in ("explicit", "agency", "criticism")
            families.add(st["family"])
    assert families == {"accusation", "agency", "criticism", "legal", "admission", "denial"}


def test_match_spans_is_one_to_one_by_largest_overlap():
    gold = [(0, 10), (20, 25)]
    pred = [(2, 8), (0, 12), (21, 22), (30, 40)]
    assert match_spans(gold, pred) == [(0, 1), (1, 2)]
    assert prf(2, 4, 2) == {"precision": 0.5, "recall": 1.0, "f1": 2 / 3, "tp": 2, "pred": 4, "gold": 2}


def test_catalog_pipeline_beats_raw_spacy_on_the_non_seed_articles(gold, catalog, nlp):
    raw = load_nlp()
    systems = {
        "spacy": raw_mention_table([(g["doc_id"], raw(g["text"])) for g in gold], catalog),
        "catalog": mention_table([(g["doc_id"], nlp(g["text"])) for g in gold], catalog),
    }
    scores = score_entities(gold, systems, catalog)
    others = [g["doc_id"] for g in gold if g["doc_id"] != SEED_ARTICLE.stem]
    s = scores.summary(others).set_index(["metric", "system"])["f1"]
    for metric in ("mentions", "actors", "actor_identity", "actor_rollup"):
        assert s[(metric, "catalog")] > s[(metric, "spacy")], metric
    assert s[("actor_identity", "catalog")] > 0.7


# ------------------------------------------------------------------------------------------
# Notebook 06: intervals, error analysis and the results table
# ------------------------------------------------------------------------------------------
def test_grouped_bootstrap_keeps_groups_whole_and_is_seeded():
    frame = pd.DataFrame({"g": ["a", "a", "b", "b", "c", "c"], "x": [0, 1, 0, 1, 5, 5]})
    odd_groups = lambda s: float((s.groupby("g").size() % 2).sum())  # noqa: E731
    assert E.grouped_bootstrap_ci(frame, "g", odd_groups, n=200) == (0.0, 0.0)  # no group is ever split
    assert E.bootstrap_ci(frame, odd_groups, n=200)[1] > 0  # resampling rows does split them
    mean = lambda s: float(s.x.mean())  # noqa: E731
    lo, hi = E.grouped_bootstrap_ci(frame, "g", mean, n=300, seed=3)
    assert (lo, hi) == E.grouped_bootstrap_ci(frame, "g", mean, n=300, seed=3)
    assert 0.5 <= lo < hi <= 5.0


def test_entity_errors_on_the_seed_lead(gold, catalog, nlp):
    """The seed's first sentence, with its gold changed three ways: each change is one error."""
    seed = gold[0]
    text = seed["text"][: seed["text"].index("\n")]
    mentions = [dict(m) for m in seed["mentions"] if m["end"] <= len(text) and m["kind"] == "actor"]
    assert [m["text"] for m in mentions] == ["Russia", "Kerry", "Lavrov", "U.S.", "Russia"]
    mentions[1]["actor"] = "sergei_lavrov"  # the annotator (wrongly) says Lavrov: the pipeline says Kerry
    del mentions[4]  # the second Russia not annotated: spurious
    start = text.index("impression")
    mentions.append({"start": start, "end": start + 10, "text": "impression", "actor": "new:Impression",
                     "kind": "actor"})
    rec = {"doc_id": "seed_lead", "text": text, "mentions": sorted(mentions, key=lambda m: m["start"])}
    errors = E.entity_errors([rec], [("seed_lead", nlp(text))], catalog)
    got = {(r.error, r.text, r.gold, r.predicted) for r in errors.itertuples()}
    assert got == {("missed", "impression", "Impression", ""), ("wrong actor", "Kerry", "Sergei Lavrov", "John Kerry"),
                   ("spurious", "Russia", "", "Russia")}
    assert set(errors.sentence) == {text}
    common = E.common_errors(pd.concat([errors, errors[errors.error == "spurious"]]), top=2)
    assert list(common["count"]) == [2, 1] and common.error[0] == "spurious" and common.texts[0] == "Russia"


def _blame_rows(rows):
    cols = ["doc_id", "sent_id", "blamer", "blamed", "kind", "attribution", "stance", "cue", "cue_start"]
    return pd.DataFrame([dict(zip(cols, r)) for r in rows], columns=cols)


BLAME_GOLD = _blame_rows([
    ("d1", 0, "author", "Russia", "agency", "author", "none", "bomb", 10),
    ("d1", 2, "United States", "Russia", "explicit", "reported", "none", "blamed", 80),
    ("d1", 3, "author", "Syrian government", "criticism", "author", "none", "intransigence", 120),
    ("d2", 0, "Russia", "Syrian opposition", "explicit", "reported", "none", "accused", 5),
])
BLAME_PRED = _blame_rows([
    ("d1", 0, "author", "Russia", "agency", "author", "none", "bomb", 10),
    ("d1", 2, "United States", "Russia", "criticism", "reported", "none", "outrageous", 90),
    ("d2", 1, "author", "Islamic State", "agency", "author", "none", "killed", 40),
])


def test_blame_counts_errors_and_intervals():
    counts = E.blame_counts(BLAME_GOLD, BLAME_PRED)
    assert counts.to_dict("list") == {"doc_id": ["d1", "d2"], "tp": [2, 0], "pred": [2, 1], "gold": [3, 1]}
    by_sentence = E.blame_counts(BLAME_GOLD, BLAME_PRED, ["doc_id", "sent_id"])
    assert len(by_sentence) == 5 and by_sentence.tp.sum() == 2
    scores = E.prf_ci(counts, n=200)
    overall = E.score_blame(BLAME_GOLD, BLAME_PRED).set_index("subset").loc["all"]
    assert scores["precision"] == overall.precision == 2 / 3 and scores["recall"] == overall.recall == 0.5
    assert scores["f1_low"] <= scores["f1"] <= scores["f1_high"]
    sentences = {"d1": ["s0", "s1", "s2", "The regime's intransigence."],
                 "d2": ["Russia accused the rebels.", "IS killed 5."]}
    errors = E.blame_errors(BLAME_GOLD, BLAME_PRED, sentences)
    # missed: the explicit one first, then criticism; then the spurious statement with its sentence
    assert list(zip(errors.error, errors.cue)) == [("missed", "accused"), ("missed", "intransigence"),
                                                   ("spurious", "killed")]
    assert list(errors.sentence) == ["Russia accused the rebels.", "The regime's intransigence.", "IS killed 5."]


def test_fakes_errors_most_confident_first_with_the_strongest_evidence():
    gov = "syrian government or russian troops"
    isis = "the organization of the islamic state in iraq and the levant - isis"
    predictions = pd.DataFrame({
        "doc_id": ["a", "b", "c"], "source": ["sana", "nna", "etilaf"], "actor": [isis, gov, gov],
        "responsible": ["Syrian government", "Islamic State", "Syrian government"],
        "responsible_score": [0.6, 0.9, 1.0],
        "predicted": [gov, isis, gov]})
    blame = pd.DataFrame({
        "doc_id": ["b", "b", "b", "a"], "sent_id": [1, 4, 6, 2], "cue_start": [10, 50, 70, 20],
        "blamed_root": ["Islamic State"] * 3 + ["Syrian government"],
        "kind": ["criticism", "agency", "agency", "agency"], "attribution": ["author", "reported", "author", "author"],
        "denied": [False] * 4, "cue": ["terrorist", "attack", "shelled", "bombed"],
        "sentence": ["IS terrorists are to blame.", "Officials said IS attacked.", "IS shelled the town.",
                     "Regime jets bombed Idlib."]})
    errors = E.fakes_errors({"predictions": predictions, "blame": blame}, DATA_DIR / "fakes_classes.yml")
    assert list(errors.doc_id) == ["b", "a"]  # c is right; b is the more confident error
    assert list(errors.predicted) == ["ISIS", "government/Russia"] and errors.gold[0] == "government/Russia"
    # the author's agency beats the rest
    assert errors.evidence[0] == "IS shelled the town." and errors.cue[0] == "shelled"


def test_largest_and_confident_sentiment_errors():
    nyt = pd.DataFrame({"id": ["1_1", "1_2", "2_1"], "article": ["1", "1", "2"], "text": ["a", "b", "c"],
                        "human": [0.5, -0.2, 0.0], "vader": [0.1, 0.0, 0.0], "rules": [0.0] * 3,
                        "project": [0.4, 0.6, -0.3]})
    worst = E.largest_errors(nyt, top=2)
    assert list(worst.id) == ["1_2", "2_1"] and worst.error.round(3).tolist() == [0.8, -0.3]
    mtsc = pd.DataFrame({"sentence_id": [0, 1, 2], "mention": ["Baker", "Perry", "Trump"], "start": [0, 0, 0],
                         "label": ["neutral", "negative", "positive"], "project": ["negative", "negative", "neutral"],
                         "p_negative": [0.7, 0.8, 0.1], "p_neutral": [0.2, 0.1, 0.55], "p_positive": [0.1, 0.1, 0.35],
                         "sentence": ["s0", "s1", "s2"]})
    conf = E.confident_errors(mtsc)
    assert list(conf.mention) == ["Baker", "Trump"] and list(conf.confidence) == [0.7, 0.55]


def _rows():
    return [
        E.result_row("target sentiment", "NewsMTSC train split", 8739, "7,758 sentences", "macro-F1", 0.73744,
                     (0.7271, 0.7468),
                     {"VADER": 0.51988, "rules": 0.547}, {"RoBERTa": 0.831}),
        E.result_row("entity mentions", "project gold, 6 articles", 262, "6 documents", "F1", 0.81, (0.682, 0.877),
                     {"raw spaCy": 0.22}),
    ]


def test_results_table_order_rounding_and_markdown():
    table = E.results_table(_rows())
    assert list(table.task) == ["entity mentions", "target sentiment"]  # pipeline order
    assert table.ours.tolist() == [0.81, 0.737] and table.best_baseline.tolist() == [0.22, 0.547]
    assert np.isnan(table.best_published[0]) and table.best_published[1] == 0.831
    md = E.results_markdown(table).splitlines()
    assert md[0].startswith("| task | data | n | metric |") and len(md) == 4
    assert md[3] == ("| target sentiment | NewsMTSC train split | 8,739 | macro-F1 | "
                     "**0.737** (0.727-0.747; 7,758 sentences) | VADER 0.520; rules 0.547 | RoBERTa 0.831 |")
    assert md[2].endswith("| raw spaCy 0.220 | - |")
    fig = E.results_chart(table)
    ax = fig.axes[0]
    assert ax.get_xlim() == (0.0, 1.0) and len(ax.get_yticklabels()) == 2


def test_readme_with_results_replaces_only_the_marked_block():
    start, end = E.README_MARKERS
    readme = f"# Title\n\nBefore.\n\n{start}\n| old |\n{end}\n\nAfter.\n"
    new = E.readme_with_results(readme, "| new |\n")
    assert new == f"# Title\n\nBefore.\n\n{start}\n| new |\n{end}\n\nAfter.\n"
    assert E.readme_with_results(new, "| new |") == new
    with pytest.raises(ValueError):
        E.readme_with_results("# no markers\n", "| new |")


def test_sentiment_predictions_give_the_evaluation_figures():
    """The per-item predictions of notebook 06 and evaluate_nyt/evaluate_newsmtsc agree."""
    from helpers import sentiment as S

    nyt = S.nyt_predictions(limit=120, folds=3)
    assert set(nyt.fold) == {0, 1, 2} and nyt.groupby("article").fold.nunique().max() == 1  # editorials kept whole
    summary = S.evaluate_nyt(predictions=nyt).set_index("system").value
    assert summary.iloc[-1] == pytest.approx(E.nyt_results(nyt, n=50)[0]["ours"])
    assert summary["VADER"] == pytest.approx(np.corrcoef(nyt.vader, nyt.human)[0, 1])
    mtsc = S.newsmtsc_predictions(limit=120, folds=3, nested=False)
    assert np.allclose(mtsc[["p_negative", "p_neutral", "p_positive"]].sum(axis=1), 1.0)
    f1 = S.evaluate_newsmtsc(predictions=mtsc).query("metric == 'macro_f1'").value
    rows = E.newsmtsc_results(mtsc, n=50)
    assert rows[0]["ours"] == pytest.approx(f1.iloc[-1])
    assert rows[0]["best_baseline"] == pytest.approx(f1.iloc[:2].max())
