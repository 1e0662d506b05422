"""Where files live: data shipped inside the package, and the checkout's development files.

Run-time data (catalog packs, lexicons, rules, the sentiment weights) ship inside the package
and are read with :mod:`importlib.resources` (:func:`package_file`), so a plain
``pip install .`` works. Development data (``data/external``, the gold files), the seed and
``outputs/`` belong to the checkout: :data:`PROJECT_ROOT` and friends are found from this file
(an editable install), else from the working directory; set ``HELPERS_PROJECT_ROOT`` to point an
installed copy at a checkout. They are computed on first use, so importing the package never
fails outside a checkout.
"""

from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

__all__ = ["package_file", "display_path", "PROJECT_ROOT", "DATA_DIR", "SEEDS_DIR", "OUTPUTS_DIR", "SEED_ARTICLE"]


def package_file(package: str, name: str) -> Path:
    """Path of a data file shipped in ``package`` (e.g. ``("helpers.blame", "lexicon.yml")``)."""
    path = resources.files(package).joinpath(name)
    if not path.is_file():
        raise FileNotFoundError(
            f"{path}: missing data file of {package}. It ships with the package; restore it with "
            f"`git checkout -- src/{package.replace('.', '/')}/{name}` or reinstall the package."
        )
    return Path(str(path))


@lru_cache(maxsize=1)  # found once per process (a failure is not cached)
def _find_root() -> Path:
    env = os.environ.get("HELPERS_PROJECT_ROOT")
    if env:
        return Path(env).expanduser().resolve()
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "pyproject.toml").is_file() and (parent / "src" / "helpers").is_dir():
            return parent
    # An installed (non-editable) copy: the working directory's checkout, if any.
    for parent in [Path.cwd(), *Path.cwd().parents]:
        if (parent / "pyproject.toml").is_file() and (parent / "data").is_dir():
            return parent
    raise FileNotFoundError(
        "Cannot find the project's checkout (a folder with pyproject.toml and data/), which holds the "
        "development data and the seed. Run from the checkout, or set HELPERS_PROJECT_ROOT to its path."
    )


# Declared for readers and linters only; the values come from ``__getattr__`` on first use.
PROJECT_ROOT: Path
DATA_DIR: Path
SEEDS_DIR: Path
OUTPUTS_DIR: Path
SEED_ARTICLE: Path

_CHECKOUT = {"PROJECT_ROOT": "", "DATA_DIR": "data", "SEEDS_DIR": "seeds", "OUTPUTS_DIR": "outputs",
             "SEED_ARTICLE": "seeds/000_9d0e07e770ca8079.txt"}


def __getattr__(name: str) -> Path:
    """``PROJECT_ROOT``, ``DATA_DIR``, ``SEEDS_DIR``, ``OUTPUTS_DIR``, ``SEED_ARTICLE``: found on first use."""
    if name in _CHECKOUT:
        value = _find_root() / _CHECKOUT[name] if _CHECKOUT[name] else _find_root()
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def display_path(path: str | Path) -> str:
    """``path`` relative to the checkout when inside it (stable across machines), else absolute."""
    p = Path(path).resolve()
    try:
        return p.relative_to(_find_root()).as_posix()
    except (ValueError, FileNotFoundError):
        return str(p)
