"""Evaluation: every accuracy figure of the suite, on the development data in the checkout.

- :mod:`~helpers.evaluation.datasets`: the loaders of the gold files and the vendored data sets;
- :mod:`~helpers.evaluation.metrics`: span matching, precision/recall/F1, macro-F1, Pearson r,
  bootstrap intervals (one of each, used by every task and by :mod:`helpers.sentiment`);
- :mod:`~helpers.evaluation.entities`: entity mentions against the entity gold;
- :mod:`~helpers.evaluation.blame`: blame statements against the blame gold and PLOVER;
- :mod:`~helpers.evaluation.blame_news`: blame statements against the news gold (guideline
  version 2), with who is who and the one-to-one matching in :mod:`~helpers.evaluation.blame_match`;
- :mod:`~helpers.evaluation.blame_external`: blame against BASIL and PolNeAR, corpora kept outside
  the project (``scripts/eval_basil.py``, ``scripts/eval_polnear_blame.py``);
- :mod:`~helpers.evaluation.fakes`: the responsible party against FA-KES;
- :mod:`~helpers.evaluation.sentiment`: sentence and target sentiment against human ratings;
- :mod:`~helpers.evaluation.results`: the results table, its Markdown (the README's copy) and chart.

Resources are parameters: the functions that run the pipeline take the actor pipeline ``nlp``,
the ``catalog`` and the blame ``lexicon`` (as :func:`helpers.resources.load_resources` gives them).
"""

from helpers.evaluation.blame import (
    BlameEvaluation,
    blame_counts,
    blame_errors,
    blame_gold_frame,
    blame_pred_frame,
    blame_results,
    evaluate_blame_gold,
    evaluate_plover,
    issue_agrees,
    match_blame,
    plover_results,
    score_blame,
)
from helpers.evaluation.blame_news import (
    FAMILIES,
    FAMILY_OF_KIND,
    NEWS_METRICS,
    BlameNewsEvaluation,
    evaluate_blame_news,
    news_gold_frame,
    row_families,
    score_blame_news,
)
from helpers.evaluation.datasets import (
    NEWSMTSC_FILE,
    NEWSMTSC_POLARITY,
    NYT_FILE,
    corpus_frame,
    load_blame_gold,
    load_blame_news,
    load_entity_gold,
    load_fakes,
    load_newsmtsc,
    load_nyt,
    load_wikinews,
)
from helpers.evaluation.entities import (
    ENTITY_METRICS,
    RAW_ACTOR_LABELS,
    RAW_NAMED_LABELS,
    EntityScores,
    common_errors,
    entity_errors,
    entity_results,
    evaluate_entities,
    score_entities,
)
from helpers.evaluation.fakes import evaluate_fakes, fakes_errors, fakes_results
from helpers.evaluation.metrics import (
    bootstrap_ci,
    group_mean_ci,
    grouped_bootstrap_ci,
    macro_f1,
    match_spans,
    pearson,
    prf,
    prf_ci,
)
from helpers.evaluation.results import (
    PUBLISHED,
    README_MARKERS,
    RESULT_COLUMNS,
    TASKS,
    readme_with_results,
    result_row,
    results_chart,
    results_markdown,
    results_table,
)
from helpers.evaluation.sentiment import confident_errors, largest_errors, newsmtsc_results, nyt_results

__all__ = [
    # datasets
    "load_entity_gold", "load_blame_gold", "load_blame_news", "load_wikinews", "load_fakes", "load_nyt",
    "load_newsmtsc", "corpus_frame", "NYT_FILE", "NEWSMTSC_FILE", "NEWSMTSC_POLARITY",
    # metrics
    "match_spans", "prf", "prf_ci", "macro_f1", "pearson", "bootstrap_ci", "grouped_bootstrap_ci", "group_mean_ci",
    # entities
    "EntityScores", "score_entities", "evaluate_entities", "entity_errors", "common_errors", "entity_results",
    "RAW_NAMED_LABELS", "RAW_ACTOR_LABELS", "ENTITY_METRICS",
    # blame
    "BlameEvaluation", "evaluate_blame_gold", "blame_gold_frame", "blame_pred_frame", "match_blame", "issue_agrees",
    "score_blame", "blame_counts", "blame_errors", "blame_results", "evaluate_plover", "plover_results",
    # blame, news gold
    "BlameNewsEvaluation", "evaluate_blame_news", "score_blame_news", "news_gold_frame", "row_families", "FAMILIES",
    "FAMILY_OF_KIND", "NEWS_METRICS",
    # FA-KES
    "evaluate_fakes", "fakes_errors", "fakes_results",
    # sentiment
    "nyt_results", "newsmtsc_results", "largest_errors", "confident_errors",
    # results table
    "result_row", "results_table", "results_markdown", "readme_with_results", "results_chart", "PUBLISHED",
    "RESULT_COLUMNS", "TASKS", "README_MARKERS",
]
