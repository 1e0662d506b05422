"""The worked examples of docs/extending.md run as written: the code and YAML are read from the page."""

from __future__ import annotations

import importlib.util
import re

import pytest

from helpers.paths import PROJECT_ROOT

#: End-to-end runs: `make test` runs them, `make test-fast` leaves them out (pyproject.toml).
pytestmark = pytest.mark.integration

PAGE = (PROJECT_ROOT / "docs" / "extending.md").read_text(encoding="utf-8")


def block(first_line: str) -> str:
    """The fenced block of the page whose first line is ``first_line`` (indentation removed)."""
    for lang, body in re.findall(r"^ *```(\w*)\n(.*?)^ *```", PAGE, flags=re.S | re.M):
        lines = body.splitlines()
        indent = len(lines[0]) - len(lines[0].lstrip())
        text = "\n".join(line[indent:] for line in lines) + "\n"
        if text.startswith(first_line):
            return text
    raise AssertionError(f"docs/extending.md has no block starting with {first_line!r}")


def import_block(first_line: str, path):
    """Write the page's block to ``path`` and import it as a module (as a researcher would)."""
    path.write_text(block(first_line), encoding="utf-8")
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_pack_extending_world_finds_its_actors_places_and_amended_names(tmp_path):
    from helpers.actors import load_catalog
    from helpers.corpus import RawDocument, analyze
    from helpers.resources import load_resources

    pack = tmp_path / "ukraine"
    pack.mkdir()
    for name in ("pack.yml", "actors.yml", "places.yml"):
        (pack / name).write_text(block(f"# ukraine/{name}"), encoding="utf-8")
    res = load_resources([str(pack)], sentiment="none")
    assert res.catalog.packs == ("world", str(pack.resolve()))
    text = ("The SBU said the Azov Brigade held Bakhmut. The Armed Forces of Ukraine said the Russian "
            "Aerospace Forces struck Kharkiv, and Zelensky thanked NATO.")
    mentions = analyze([RawDocument("ua", text, "test")], res)["mentions"]
    assert {"sbu", "azov", "bakhmut", "ukraine_military", "russia_air_force", "kharkiv", "volodymyr_zelensky",
            "nato"} <= set(mentions["actor_id"])
    shipped = load_catalog(["ukraine"])  # the page's excerpt is the shipped pack's
    for actor in res.catalog.actors.values():
        assert actor.id in shipped and set(actor.aliases) <= set(shipped.actors[actor.id].aliases), actor.id


def test_a_new_cue_kind_is_one_module_and_lexicon_entries(tmp_path):
    from helpers.actors import mention_table  # noqa: F401  (the pipeline's components are registered)
    from helpers.blame import BLAME_LEXICON, KIND_ORDER, Lexicon, blame_table
    from helpers.blame.cues.registry import unregister
    from helpers.resources import load_resources

    lexicon_file = tmp_path / "lexicon.yml"
    lexicon_file.write_text(BLAME_LEXICON.read_text(encoding="utf-8") + "\n" + block("# Demands for accountability"),
                            encoding="utf-8")
    import_block('"""Accountability demands', tmp_path / "accountability.py")
    try:
        assert "accountability" in KIND_ORDER
        res = load_resources("world", sentiment="none")
        lexicon = Lexicon.load(lexicon_file)
        doc = res.nlp("Human rights groups called for Russia to be held accountable for the strikes.")
        rows = blame_table([("d", doc)], res.catalog, lexicon)
        assert ("accountability", "Russia") in set(zip(rows["kind"], rows["blamed_root"]))
    finally:
        unregister("accountability")
    assert "accountability" not in KIND_ORDER


def test_another_sentiment_model_is_one_registered_scorer(tmp_path):
    from helpers.corpus import RawDocument, analyze
    from helpers.resources import load_resources
    from helpers.sentiment import SCORERS

    import_block("# my_scorers.py", tmp_path / "my_scorers.py")
    try:
        res = load_resources("world", sentiment="mylex")
        text = "The atrocity in Aleppo shocked the world. Russia and the United States agreed a ceasefire."
        tables = analyze([RawDocument("d", text, "test")], res)
        assert tables["sentences"]["sentiment"].tolist() == pytest.approx([-0.75, 0.25])
        assert not tables["actor_sentiment"].empty
    finally:
        SCORERS.pop("mylex", None)
