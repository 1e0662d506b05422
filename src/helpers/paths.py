"""Where the project's files live, independent of the current working directory.

Notebooks run with their own folder as working directory (nbval, JupyterLab) or the caller's
(papermill), so every path is built from the project root, found from this file. Set
``HELPERS_PROJECT_ROOT`` to point an installed copy at another checkout.
"""

from __future__ import annotations

import os
from pathlib import Path


def _find_root() -> Path:
    env = os.environ.get("HELPERS_PROJECT_ROOT")
    if env:
        return Path(env).expanduser().resolve()
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "pyproject.toml").is_file() and (parent / "src" / "helpers").is_dir():
            return parent
    # An installed (non-editable) copy: fall back to the working directory's project, if any.
    for parent in [Path.cwd(), *Path.cwd().parents]:
        if (parent / "pyproject.toml").is_file() and (parent / "data").is_dir():
            return parent
    raise FileNotFoundError(
        "Cannot find the project root (a folder with pyproject.toml and src/helpers). "
        "Install the project with `pip install -e .` from its checkout, or set "
        "HELPERS_PROJECT_ROOT to the checkout's path."
    )


PROJECT_ROOT: Path = _find_root()
DATA_DIR: Path = PROJECT_ROOT / "data"
SEEDS_DIR: Path = PROJECT_ROOT / "seeds"
OUTPUTS_DIR: Path = PROJECT_ROOT / "outputs"
SEED_ARTICLE: Path = SEEDS_DIR / "000_9d0e07e770ca8079.txt"


def data_file(name: str) -> Path:
    """Path of a rule/lexicon/catalog file under ``data/``, with a clear error if missing."""
    path = DATA_DIR / name
    if not path.is_file():
        raise FileNotFoundError(
            f"{path}: missing data file. It ships with the repository; restore it with "
            f"`git checkout -- data/{name}`."
        )
    return path


def display_path(path: str | Path) -> str:
    """``path`` relative to the project root when inside it (stable across machines), else absolute."""
    p = Path(path).resolve()
    try:
        return p.relative_to(PROJECT_ROOT).as_posix()
    except ValueError:
        return str(p)
