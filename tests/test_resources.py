"""helpers.resources: what an analysis runs with is chosen once, explicitly, and can be rebuilt
from a small picklable spec; helpers.schema: one definition of every table."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from helpers import schema
from helpers.blame import BLAME_LEXICON
from helpers.resources import Resources, ResourceSpec, load_resources, resource_spec


def test_a_spec_names_packs_and_folders_the_same_way_whatever_the_spelling(tmp_path, monkeypatch):
    from .corpus.test_custom_pack import write_pack

    pack = write_pack(tmp_path / "testland")
    monkeypatch.chdir(tmp_path)
    expected = ResourceSpec(("syria", str(pack.resolve())), str(Path(BLAME_LEXICON).resolve()), "rules",
                            ("explicit", "agency", "criticism"))
    for catalog in ("syria,./testland", " syria , ./testland ", ["syria", "./testland"], ["syria", pack],
                    ("syria", str(pack))):
        assert resource_spec(catalog, sentiment="rules") == expected, catalog
    assert pickle.loads(pickle.dumps(expected)) == expected
    assert resource_spec("syria", "none").catalog == ("syria",)


def test_a_worker_without_a_cue_kind_the_run_was_set_up_with_refuses_to_start():
    spec = resource_spec("syria", "none")
    elsewhere = ResourceSpec(spec.catalog, spec.lexicon, spec.sentiment, (*spec.cue_kinds, "accountability"))
    with pytest.raises(RuntimeError, match="register a new kind in a module of src/helpers/blame/cues/"):
        Resources.from_spec(elsewhere)


@pytest.mark.parametrize("catalog, sentiment, lexicon, error, message", [
    ("atlantis", "none", BLAME_LEXICON, FileNotFoundError, "unknown catalog pack 'atlantis'"),
    (" , ", "none", BLAME_LEXICON, ValueError, "no catalog pack"),
    ("syria", "magic", BLAME_LEXICON, ValueError, "unknown sentiment method 'magic'"),
    ("syria", True, BLAME_LEXICON, ValueError, "unknown sentiment method True"),
    ("syria", "none", "missing.yml", FileNotFoundError, "no such blame lexicon file"),
])
def test_bad_choices_are_refused_by_name(catalog, sentiment, lexicon, error, message):
    with pytest.raises(error, match=message):
        resource_spec(catalog, sentiment, lexicon)


def test_resources_are_loaded_once_per_spec_and_carry_what_was_chosen():
    res = load_resources("syria", sentiment="none")
    assert res is load_resources(["syria"], "none") is Resources.from_spec(res.spec)
    assert res.sentiment is None and res.catalog.packs == ("world", "syria") and "russia" in res.catalog
    assert res.nlp.has_pipe("actor_resolver")
    rules = load_resources("syria", sentiment="rules")
    assert rules is not res and rules.nlp is res.nlp and rules.catalog is res.catalog
    assert rules.sentiment is not None and rules.spec.sentiment == "rules"


def test_the_schema_has_one_column_list_and_one_type_per_table():
    assert schema.TABLES == ("documents", "sentences", "mentions", "blame", "actor_sentiment", "quotes")
    assert list(schema.COLUMNS) == list(schema.DTYPES) == list(schema.TABLES)
    for name in schema.TABLES:
        assert list(schema.DTYPES[name]) == schema.COLUMNS[name]
        empty = schema.coerce(schema.empty_tables()[name], name)
        assert list(empty.columns) == schema.COLUMNS[name] and len(empty) == 0
        assert [f.name for f in schema.arrow_schema(name)] == schema.COLUMNS[name]
    assert schema.DTYPES["blame"]["denied"] == "bool" and schema.DTYPES["documents"]["n_words"] == "int"
    assert schema.DTYPES["sentences"]["vader"] == "float" and schema.DTYPES["mentions"]["actor_id"] == "str"
