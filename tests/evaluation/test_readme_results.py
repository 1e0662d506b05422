"""The README's results table is exactly what notebook 06 printed.

nbval checks that the notebook's stored outputs are what a fresh run prints today; this test
checks that the README shows the stored output of the cell tagged ``results-markdown``. So when a
figure changes (new rules, new data), both fail until the notebook is re-executed
(`make notebooks`) and the README block is refreshed from it:
``helpers.evaluation.readme_with_results(readme, markdown)``, or copy the cell's output between
the two marker lines by hand.
"""

from __future__ import annotations

import json

from helpers.evaluation import README_MARKERS, TASKS, readme_with_results
from helpers.paths import PROJECT_ROOT

NOTEBOOK = PROJECT_ROOT / "notebooks" / "06-evaluation.ipynb"
README = PROJECT_ROOT / "README.md"


def stored_results_markdown() -> str:
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    cells = [c for c in nb["cells"] if "results-markdown" in c.get("metadata", {}).get("tags", [])]
    assert len(cells) == 1, "notebook 06 needs exactly one cell tagged results-markdown"
    text = "".join("".join(o["text"]) for o in cells[0]["outputs"] if o.get("output_type") == "stream")
    assert text.strip(), "the results-markdown cell has no stored output: re-execute notebook 06"
    return text.strip()


def test_stored_table_has_every_task():
    markdown = stored_results_markdown()
    rows = [line for line in markdown.splitlines()[2:] if line.startswith("| ")]
    assert {row.split(" | ")[0].lstrip("| ") for row in rows} == set(TASKS)


def test_readme_shows_exactly_the_notebook_table():
    readme = README.read_text(encoding="utf-8")
    expected = readme_with_results(readme, stored_results_markdown())
    assert readme == expected, (
        f"README.md's block between {README_MARKERS[0]!r} and {README_MARKERS[1]!r} differs from the output of "
        "the results-markdown cell of notebooks/06-evaluation.ipynb; copy that output into it.")
