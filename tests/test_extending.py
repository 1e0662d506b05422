"""The worked examples of docs/extending.md run as written: the code and YAML are read from the page."""

from __future__ import annotations

import importlib.util
import re

import pytest

from helpers.paths import PROJECT_ROOT

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


def test_a_pack_extending_syria_finds_its_actors(tmp_path):
    from helpers.corpus import RawDocument, analyze
    from helpers.resources import load_resources

    pack = tmp_path / "sahel"
    pack.mkdir()
    (pack / "pack.yml").write_text(block("# sahel/pack.yml"), encoding="utf-8")
    (pack / "actors.yml").write_text(block("# sahel/actors.yml"), encoding="utf-8")
    res = load_resources(["syria", str(pack)], sentiment="none")
    assert res.catalog.packs == ("syria", str(pack.resolve()))
    text = "The Malian army said JNIM fighters attacked a convoy near Gao, and Russia sent advisers."
    mentions = analyze([RawDocument("mali", text, "test")], res)["mentions"]
    assert {"mali_armed_forces", "jnim", "russia"} <= set(mentions["actor_id"])


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
        res = load_resources("syria", sentiment="none")
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
        res = load_resources("syria", sentiment="mylex")
        text = "The atrocity in Aleppo shocked the world. Russia and the United States agreed a ceasefire."
        tables = analyze([RawDocument("d", text, "test")], res)
        assert tables["sentences"]["sentiment"].tolist() == pytest.approx([-0.75, 0.25])
        assert not tables["actor_sentiment"].empty
    finally:
        SCORERS.pop("mylex", None)
