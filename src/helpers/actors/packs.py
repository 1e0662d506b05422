"""Catalog packs: finding them, reading them, and loading a catalog from one or several.

A pack is a folder (format: ``helpers/catalogs/README.md``) with ``pack.yml`` (``name``,
``description``, ``provenance``, ``extends``), ``actors.yml``, ``places.yml`` and ``rules.yml``.
Packs shipped with the suite live in ``helpers/catalogs/<name>/`` and are named (``"syria"``);
a researcher's own pack is given by its folder's path. A string is a path when it contains a
slash or starts with ``.`` or ``~`` (``"./my_pack"``); otherwise it is a pack name.

:func:`load_catalog` loads each pack after the pack it extends (once, however often it is
named), adds its actors and places to those of the packs before it (an id used twice is an
error naming both files), the names of its ``amend:`` entries to their base actors, and its
``rules.yml`` to theirs (:func:`merge_rules`). The shipped ``world`` pack is generated
(``scripts/build_world_pack.py``); ``syria`` and ``ukraine`` extend it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Sequence

from helpers.actors.catalog import OPTIONAL_RULES, WORD_RULES, Catalog, build_catalog
from helpers.datafiles import read_yaml

__all__ = ["Pack", "load_catalog", "read_pack", "available_packs", "pack_key", "merge_rules", "SHIPPED_PACKS"]

#: The package whose sub-folders are the packs shipped with the suite.
SHIPPED_PACKS = "helpers.catalogs"
#: The keys every ``pack.yml`` has (``extends`` may be null).
PACK_KEYS = ("name", "description", "provenance", "extends")
#: The data files of a pack; a pack that extends no other has all three.
PACK_FILES = ("actors.yml", "places.yml", "rules.yml")
_FORMAT = "see helpers/catalogs/README.md for the pack format"


@dataclass(frozen=True)
class Pack:
    """A catalog pack's ``pack.yml``, where it is (``folder``) and how it is named in
    :attr:`Catalog.packs` (``key``: the name of a shipped pack, else the absolute folder)."""

    key: str
    name: str
    description: str
    provenance: str
    extends: str | None
    folder: Path


def _shipped_root() -> Path:
    return Path(str(resources.files(SHIPPED_PACKS)))


def available_packs() -> list[str]:
    """Names of the packs shipped with the suite, sorted."""
    return sorted(p.name for p in _shipped_root().iterdir() if (p / "pack.yml").is_file())


def _is_path(pack: str | Path) -> bool:
    if isinstance(pack, Path):
        return True
    return "/" in pack or "\\" in pack or pack.startswith((".", "~"))


def pack_key(pack: str | Path, relative_to: Path | None = None) -> str:
    """How ``pack`` is recorded in :attr:`Catalog.packs`: a pack name as it is, a folder as its
    absolute path (a relative one taken from ``relative_to``, else the working directory)."""
    if not _is_path(pack):
        return str(pack)
    path = Path(pack).expanduser()
    if relative_to is not None and not path.is_absolute():
        path = relative_to / path
    return str(path.resolve())


def _folder(key: str) -> Path:
    if _is_path(key):
        folder = Path(key)
        if not folder.is_dir():
            raise FileNotFoundError(f"{folder}: no such catalog pack folder. Check the path ({_FORMAT}).")
        return folder
    folder = _shipped_root() / key
    if not key or not (folder / "pack.yml").is_file():
        hint = f" To use the folder ./{key}, write ./{key}." if Path(key).is_dir() else ""
        raise FileNotFoundError(
            f"unknown catalog pack {key!r}: the packs shipped in {_shipped_root()} are "
            f"{', '.join(available_packs())}; give a pack of your own by its folder's path.{hint}")
    return folder


def read_pack(pack: str | Path, relative_to: Path | None = None) -> Pack:
    """The :class:`Pack` of a pack name or folder (``relative_to``: the folder a relative path
    is taken from). Raises ``FileNotFoundError`` or ``ValueError`` naming the folder."""
    key = pack_key(pack, relative_to)
    folder = _folder(key)
    meta_path = folder / "pack.yml"
    if not meta_path.is_file():
        raise FileNotFoundError(f"{folder}: not a catalog pack (no pack.yml). Add pack.yml with "
                                f"{', '.join(PACK_KEYS)} ({_FORMAT}).")
    meta = read_yaml(meta_path)
    missing = [k for k in PACK_KEYS if not isinstance(meta, dict) or k not in meta]
    if missing:
        raise ValueError(f"{meta_path}: missing {', '.join(missing)}. pack.yml has {', '.join(PACK_KEYS)} "
                         f"(extends: null for a pack that extends none; {_FORMAT}).")
    if not _is_path(key) and meta["name"] != key:
        raise ValueError(f"{meta_path}: name is {meta['name']!r} but the folder is {key!r}. Make them the same.")
    extends = meta["extends"]
    if extends is not None and not isinstance(extends, str):
        raise ValueError(f"{meta_path}: extends must be one pack name or folder path, or null; got {extends!r}.")
    return Pack(key=key, name=str(meta["name"]), description=str(meta["description"]).strip(),
                provenance=str(meta["provenance"]).strip(),
                extends=None if extends is None else pack_key(extends, folder), folder=folder)


def _chain(keys: tuple[str, ...]) -> list[Pack]:
    """The packs of ``keys`` with the packs they extend, each base before its extensions, once."""
    done: dict[str, Pack] = {}

    def add(key: str, path: tuple[str, ...]) -> None:
        if key in done:
            return
        if key in path:
            raise ValueError(f"catalog packs extend each other in a circle: {' -> '.join(path + (key,))}. "
                             "Make one of them extend none (extends: null).")
        pack = read_pack(key)
        if pack.extends is not None:
            add(pack.extends, path + (key,))
        done[key] = pack

    for key in keys:
        add(key, ())
    return list(done.values())


def merge_rules(merged: dict, rules: dict, path: Path) -> dict:
    """``merged`` with the rules of one more pack (``rules``, read from ``path``) added: word lists
    are extended, ``titles`` gains the new titles, ``label_by_type`` the new types (a type keeps
    the label its base gave it). The first pack's rules are taken as they are."""
    if not isinstance(rules, dict):
        raise ValueError(f"{path}: expected a mapping of rules ({_FORMAT}).")
    out = dict(merged)
    for key, value in rules.items():
        if key == "label_by_type":
            labels = dict(out.get(key) or {})
            for kind, label in (value or {}).items():
                if labels.get(kind, label) != label:
                    raise ValueError(f"{path}: label_by_type gives {kind!r} the label {label!r}, but a pack it "
                                     f"extends gives {labels[kind]!r}. Keep {labels[kind]!r} or use another type.")
                labels[kind] = label
            out[key] = labels
        elif key in WORD_RULES:
            words = value if isinstance(value, str) else " ".join(map(str, value or ()))
            out[key] = f"{out[key]} {words}" if key in out else words
        elif key == "titles":
            old = list(out.get(key) or [])
            out[key] = old + [t for t in value or () if t not in old]
        else:
            raise ValueError(f"{path}: unknown rule {key!r}. rules.yml knows label_by_type, titles, "
                             f"{', '.join(WORD_RULES)} ({_FORMAT}).")
    return out


def _entries(path: Path, key: str) -> list[tuple[str, dict]]:
    """The ``key:`` entries of a pack file, then (in actors.yml) its ``amend:`` entries, each as
    ``{"amends": id, ...}`` (see :func:`helpers.actors.catalog.build_catalog`)."""
    data = read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise ValueError(f"{path}: no `{key}:` list. The file holds `{key}:` followed by its entries ({_FORMAT}).")
    for e in data[key]:
        if not isinstance(e, dict) or "id" not in e or "name" not in e:
            raise ValueError(f"{path}: every entry needs an id and a name; this one has not: {e!r}.")
    amend = (data.get("amend") or []) if key == "actors" else []
    if not isinstance(amend, list) or not all(isinstance(e, dict) and "id" in e for e in amend):
        raise ValueError(f"{path}: `amend:` is a list of entries, each with the id of a base pack's actor ({_FORMAT}).")
    return [(str(path), e) for e in data[key]] + [
        (str(path), {"amends": e["id"], **{k: v for k, v in e.items() if k != "id"}}) for e in amend]


@lru_cache(maxsize=8)
def _load(chain: tuple[Pack, ...]) -> Catalog:
    entries: list[tuple[str, dict]] = []
    rules: dict = {}
    for pack in chain:
        for name in PACK_FILES:
            if pack.extends is None and not (pack.folder / name).is_file():
                raise FileNotFoundError(
                    f"{pack.folder / name}: missing. A pack that extends no other has {', '.join(PACK_FILES)}; "
                    f"add it, or set `extends:` in pack.yml to the pack it adds to ({_FORMAT}).")
        if (pack.folder / "actors.yml").is_file():
            entries += _entries(pack.folder / "actors.yml", "actors")
        if (pack.folder / "places.yml").is_file():
            entries += _entries(pack.folder / "places.yml", "places")
        if (pack.folder / "rules.yml").is_file():
            rules = merge_rules(rules, read_yaml(pack.folder / "rules.yml") or {}, pack.folder / "rules.yml")
    missing = [k for k in ("label_by_type", *WORD_RULES) if k not in rules and k not in OPTIONAL_RULES]
    if missing:
        raise ValueError(f"{chain[0].folder / 'rules.yml'}: missing {', '.join(missing)} ({_FORMAT}).")
    return build_catalog(entries, rules, tuple(p.key for p in chain))


def load_catalog(packs: Sequence[str | Path] | str | Path) -> Catalog:
    """The catalog of these packs (pack names such as ``"syria"``, or pack folders), loaded once
    per process and list of packs. Each pack comes after the pack it extends; ``Catalog.packs``
    lists them all, bases first. Errors name the folder or file and what to do."""
    if isinstance(packs, (str, Path)):
        packs = [packs]
    keys = tuple(pack_key(p) for p in packs)
    if not keys:
        raise ValueError("no catalog pack given: name one, e.g. load_catalog(['syria']), or give a pack folder.")
    return _load(tuple(_chain(keys)))  # ["syria"] and ["world", "syria"] are one catalog
