"""helpers: the shared code behind the notebook suite.

One subpackage per pipeline stage: ``text`` (decoding, cleaning), ``actors`` (catalog packs,
mentions), ``quotes`` (reported speech), ``blame``, ``sentiment``, ``corpus`` (readers, analyzer,
runners, writers), ``evaluation`` and ``viz`` (charts, evidence, report); top-level modules
``schema`` (every output table's columns), ``resources`` (what an analysis runs with), ``outputs``
(a notebook's result tables), ``paths``
(package data and the checkout's files), ``nlp`` (the one place the spaCy pipeline is loaded) and
``cli``. Importing the package prints nothing and loads no model.
"""

__version__ = "0.1.0"
