"""Charts, evidence HTML and the static report."""
