"""Reading the project's YAML data files (rules, lexicons, catalog packs): one safe reader.

:func:`read_yaml` parses with PyYAML's safe loader, libyaml's C implementation when PyYAML has
it: the same constructor, so the same Python types and the same refusal of ``!!python/...``
tags as ``yaml.safe_load``, in about a quarter of the time (the world pack's 480 kB ``actors.yml``,
which every process that loads the pipeline reads: 0.2 s instead of 0.8 s). A file that is not
valid YAML raises ``ValueError`` naming it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

__all__ = ["read_yaml"]


def read_yaml(path: str | Path) -> Any:
    """The data of the YAML file ``path``, read safely."""
    try:
        with open(path, encoding="utf-8") as fh:
            loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(fh)
            try:
                return loader.get_single_data()
            finally:
                loader.dispose()
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: not valid YAML ({exc}). Fix the file; `git diff` shows what changed.") from exc
