"""Blame attribution: who blames whom, for what, on whose word.

Sentence-level extraction on spaCy's dependency parse of a document processed by
:func:`helpers.actors.actor_pipeline`, with the cue lexicon ``lexicon.yml`` (PETRARCH2/CAMEO 11x
verbs with their source/target slots, the PLOVER ACCUSE frames, the Liang et al. blame keywords,
extended). The guideline the rows follow is ``docs/annotation/blame.md``:

``kind``
    ``explicit`` (a blame word: "blamed the strike on Russia", "accusations against", "bears the
    responsibility for", "due to violations by"), ``agency`` (the text says the target did a
    harmful act: "Russian jets struck the convoy", "shelling by government forces"), or
    ``criticism`` (an evaluative attack on the target's conduct: "strains credulity", "had all
    the incentives to torpedo", "its intransigence"); one module each in :mod:`helpers.blame.cues`.
``attribution``
    ``reported`` when a reporting frame puts the blame in a party's mouth (the subject of "said",
    "claimed", "accused", a "public case that", "according to", "as Moscow rushed to do"), the
    party being the ``blamer``; otherwise ``author``.
``stance``
    for reported blame, ``rejected`` when the author discredits it ("there were no grounds to
    assert"), ``endorsed`` when the author affirms it ("rightly"), else ``none``.

Every row carries its evidence: document, sentence, the cue's, the blamed's and the blamer's
character offsets in the clean text, and raw offsets when the clean document is given.

    from helpers.actors import load_catalog
    from helpers.blame import BLAME_LEXICON, Lexicon, blame_table, responsible
    catalog, lexicon = load_catalog(["syria"]), Lexicon.load(BLAME_LEXICON)
    blame = blame_table([(doc_id, doc)], catalog, lexicon, clean_docs={doc_id: clean})
    resp = responsible(blame, [doc_id], catalog)

Modules: :mod:`~helpers.blame.lexicon` (the cue lexicon), :mod:`~helpers.blame.document` (the
parse as the extractors see it), :mod:`~helpers.blame.cues` (the registry of cue kinds and one
module per kind), :mod:`~helpers.blame.attribution` (reporting frames, quotation speakers,
stance), :mod:`~helpers.blame.table` (the blame rows), :mod:`~helpers.blame.responsible`
(document level). A new kind of cue: :mod:`helpers.blame.cues.registry` (a worked example).
"""

from helpers.blame.cues import KIND_ORDER, KIND_WEIGHTS
from helpers.blame.lexicon import BLAME_LEXICON, Lexicon
from helpers.blame.responsible import WEIGHTS, neutral_source, responsible
from helpers.blame.table import AUTHOR, blame_table, extract_blame
from helpers.schema import BLAME_COLUMNS, RESPONSIBLE_COLUMNS

__all__ = ["BLAME_LEXICON", "Lexicon", "KIND_ORDER", "KIND_WEIGHTS", "AUTHOR", "BLAME_COLUMNS", "RESPONSIBLE_COLUMNS",
           "extract_blame", "blame_table", "WEIGHTS", "neutral_source", "responsible"]
