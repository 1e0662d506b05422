"""Writing a notebook's result tables: one CSV per table, the same bytes on every run.

The corpus tables of ``analyze`` have their own writer with a fixed schema
(:mod:`helpers.corpus`); this is for the small derived tables each notebook saves under
``outputs/<notebook>/`` (frequencies, matrices, evaluation scores).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.paths import display_path

__all__ = ["write_csvs"]


def write_csvs(tables: dict[str, pd.DataFrame], out_dir: str | Path) -> list[str]:
    """Write each table to ``out_dir/<name>.csv`` (no index, ``\\n`` line ends; the folder is created)
    and return the written paths, sorted, as :func:`helpers.paths.display_path` shows them."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for name, table in tables.items():
        table.to_csv(out / f"{name}.csv", index=False, lineterminator="\n")
    return sorted(display_path(out / f"{name}.csv") for name in tables)
