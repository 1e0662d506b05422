"""Every chart and HTML view the notebooks call as ``charts.<name>`` (``from helpers.viz import
charts``), gathered from the modules that own them:

- :mod:`helpers.viz.cleaning`: ``cleaning_overview`` (notebook 01);
- :mod:`helpers.viz.actors`: ``actor_bars``, ``dispersion`` (notebook 02);
- :mod:`helpers.viz.matrix`: ``matrix_heatmap``, ``cooccurrence_heatmap`` (notebooks 02, 03, 06);
- :mod:`helpers.viz.blame`: ``blame_network`` (notebook 03);
- :mod:`helpers.viz.sentiment`: ``sentiment_arc``, ``actor_tone``, ``score_scatter``, ``paired_tone`` (04);
- :mod:`helpers.viz.corpus`: ``share_bars``, ``tone_heatmap``, ``actor_timeline``, ``SHARE_GREYS`` (05);
- :mod:`helpers.viz.evidence`: ``evidence_cards``, ``entity_html`` (HTML, all text escaped).

Each chart draws into the axes it is given (``ax=``; the panel charts ``cleaning_overview`` and
``actor_timeline`` take ``fig=``) or creates a figure of explicit size, and returns the figure;
styling is plain so figures print well in papers.
"""

from helpers.viz.actors import actor_bars, dispersion
from helpers.viz.blame import blame_network
from helpers.viz.cleaning import cleaning_overview
from helpers.viz.corpus import SHARE_GREYS, actor_timeline, share_bars, tone_heatmap
from helpers.viz.evidence import entity_html, evidence_cards
from helpers.viz.matrix import cooccurrence_heatmap, matrix_heatmap
from helpers.viz.sentiment import actor_tone, paired_tone, score_scatter, sentiment_arc

__all__ = [
    "cleaning_overview", "actor_bars", "dispersion", "matrix_heatmap", "cooccurrence_heatmap", "blame_network",
    "sentiment_arc", "actor_tone", "score_scatter", "paired_tone", "SHARE_GREYS", "share_bars", "tone_heatmap",
    "actor_timeline", "evidence_cards", "entity_html",
]
