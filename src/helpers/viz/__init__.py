"""Visualisation: the charts and HTML views the notebooks show, and the static HTML report.

- :mod:`helpers.viz.charts`: every chart and view under one name, as the notebooks call them
  (``from helpers.viz import charts; charts.actor_bars(...)``), gathered from the modules that
  own them by subject: :mod:`~helpers.viz.cleaning`, :mod:`~helpers.viz.actors`,
  :mod:`~helpers.viz.matrix`, :mod:`~helpers.viz.blame`, :mod:`~helpers.viz.sentiment`,
  :mod:`~helpers.viz.corpus` (matplotlib figures; each draws into a given ``ax`` or creates its
  own figure) and :mod:`~helpers.viz.evidence` (HTML with all document text escaped);
  :mod:`~helpers.viz.axes` holds the figure plumbing they share.
- :mod:`helpers.viz.report` (with :mod:`~helpers.viz.report_pages`): executed notebooks rendered
  as self-contained HTML pages (``python -m helpers.viz.report``, ``make report``). It is not
  imported here, so that ``python -m helpers.viz.report`` runs the module once, as ``__main__``.
"""

from helpers.viz import charts
from helpers.viz.charts import (
    SHARE_GREYS,
    actor_bars,
    actor_timeline,
    actor_tone,
    blame_network,
    cleaning_overview,
    cooccurrence_heatmap,
    dispersion,
    entity_html,
    evidence_cards,
    matrix_heatmap,
    paired_tone,
    score_scatter,
    sentiment_arc,
    share_bars,
    tone_heatmap,
)

__all__ = [
    "charts", "cleaning_overview", "actor_bars", "dispersion", "matrix_heatmap", "cooccurrence_heatmap",
    "blame_network", "sentiment_arc", "actor_tone", "score_scatter", "paired_tone", "SHARE_GREYS", "share_bars",
    "tone_heatmap", "actor_timeline", "evidence_cards", "entity_html",
]
