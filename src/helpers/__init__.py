"""helpers: the shared code behind the notebook suite.

One module per pipeline stage (``cleaning``, ``entities``, ``blame``, ``sentiment``, ``charts``,
``corpus``, ``cli``) plus ``paths`` (where the project's files live) and ``nlp`` (the one place
the spaCy pipeline is loaded). Importing the package prints nothing and loads no model.
"""

__version__ = "0.1.0"
