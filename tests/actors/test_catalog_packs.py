"""helpers.actors: catalog packs (the shipped syria pack, a researcher's own pack) and their errors."""

from __future__ import annotations

import dataclasses
import pickle
import shutil

import pytest

from helpers.actors import (
    actor_pipeline,
    available_packs,
    load_catalog,
    mention_table,
    read_pack,
)

WORLD_RULES = read_pack("world").folder / "rules.yml"


def write_pack(folder, pack_yml: dict, files: dict[str, str]):
    """A pack folder with ``pack.yml`` (keys as given) and the other files' text."""
    folder.mkdir(parents=True)
    (folder / "pack.yml").write_text("".join(f"{k}: {v}\n" for k, v in pack_yml.items()), encoding="utf-8")
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def meta(name="ruritania", extends="syria"):
    return {"name": name, "description": "A tiny test pack.", "provenance": "Invented for the tests.",
            "extends": extends}


RURITANIA_ACTORS = """\
actors:
  - id: ruritanian_army
    name: Free Ruritanian Army
    type: armed_group
    parent: null
    aliases: [Free Ruritanian Army]
"""


@pytest.fixture
def tiny_pack(tmp_path):
    """One invented actor; extends syria; no places.yml or rules.yml (an extension needs neither)."""
    return write_pack(tmp_path / "ruritania", meta(), {"actors.yml": RURITANIA_ACTORS})


# ----- the shipped pack ---------------------------------------------------------------------
def test_the_syria_pack_is_shipped_with_its_provenance():
    assert "syria" in available_packs()
    pack = read_pack("syria")
    assert pack.name == "syria" and pack.extends == "world"
    assert "no text copied from any dataset" in pack.provenance and pack.description
    catalog = load_catalog(["syria"])
    assert catalog.packs == ("world", "syria")
    assert load_catalog(["syria"]) is catalog  # loaded once per process
    assert pickle.loads(pickle.dumps(catalog)) == catalog


def test_catalog_is_consistent():
    catalog = load_catalog(["syria"])
    aliases: dict[str, str] = {}
    for a in catalog.actors.values():
        assert a.parent is None or a.parent in catalog
        for alias in a.aliases:
            assert alias not in aliases, f"{alias!r} under {aliases.get(alias)} and {a.id}"
            aliases[alias] = a.id
    assert catalog.root("russian_defense_ministry") == "russia"
    assert catalog.root("us_led_coalition") == "united_states"
    assert catalog.root("syrian_army") == "syrian_government"
    assert catalog.root("syrian_air_force") == "syrian_government"


# ----- a researcher's own pack --------------------------------------------------------------
def test_a_pack_extending_syria_adds_its_actor(tiny_pack):
    catalog = load_catalog([tiny_pack])
    assert catalog.packs == ("world", "syria", str(tiny_pack.resolve()))
    assert catalog.name("ruritanian_army") == "Free Ruritanian Army"
    syria = load_catalog(["syria"])
    assert set(catalog.actors) == set(syria.actors) | {"ruritanian_army"}
    assert catalog.agent_heads == syria.agent_heads  # the base's rules
    assert load_catalog(catalog.packs) == catalog  # Catalog.packs rebuilds it
    assert load_catalog(["syria", tiny_pack]) == catalog  # the base is loaded once


def test_the_actor_pipeline_finds_the_actor_of_a_pack(tiny_pack):
    catalog = load_catalog([str(tiny_pack)])
    nlp = actor_pipeline(catalog)
    assert nlp.config["components"]["actor_resolver"]["packs"] == list(catalog.packs)
    assert nlp is not actor_pipeline(load_catalog(["syria"]))
    doc = nlp("The Free Ruritanian Army shelled Aleppo. Russia denied that its jets had taken part.")
    m = mention_table([("t", doc)], catalog)
    found = {(r.text, r.kind, r.actor_id) for r in m.itertuples()}
    assert ("Free Ruritanian Army", "actor", "ruritanian_army") in found
    assert ("Aleppo", "place", "aleppo") in found and ("Russia", "actor", "russia") in found


def test_an_extension_adds_rules_to_its_base(tmp_path):
    rules = "agent_heads: ruritanians\nlabel_by_type: {militia: ORG}\ntitles: [Grand Duke, Chief of Staff]\n"
    pack = write_pack(tmp_path / "r", meta(), {"actors.yml": RURITANIA_ACTORS, "rules.yml": rules})
    catalog, syria = load_catalog([pack]), load_catalog(["syria"])
    assert catalog.agent_heads == syria.agent_heads | {"ruritanians"}
    assert catalog.titles == syria.titles + ("Grand Duke",)
    clash = write_pack(tmp_path / "c", meta(), {"rules.yml": "label_by_type: {person: ORG}\n"})
    with pytest.raises(ValueError, match=r"rules.yml: label_by_type gives 'person' the label 'ORG'"):
        load_catalog([clash])


def test_actor_pipeline_needs_a_catalog_of_packs():
    catalog = load_catalog(["syria"])
    with pytest.raises(ValueError, match=r"names no packs.*load_catalog"):
        actor_pipeline(dataclasses.replace(catalog, packs=()))
    with pytest.raises(ValueError, match=r"differs from the catalog of its packs"):
        actor_pipeline(dataclasses.replace(catalog, titles=()))


# ----- errors: one line naming the folder or file, and what to do ----------------------------
def test_an_unknown_pack_name_is_a_clear_error():
    with pytest.raises(FileNotFoundError, match=r"unknown catalog pack 'narnia': the packs shipped in .* are "
                                                r".*syria.*give a pack of your own by its folder's path"):
        load_catalog(["narnia"])
    with pytest.raises(ValueError, match=r"no catalog pack given"):
        load_catalog([])


def test_a_missing_folder_or_file_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"nowhere: no such catalog pack folder"):
        load_catalog([tmp_path / "nowhere"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(FileNotFoundError, match=r"empty: not a catalog pack \(no pack.yml\)"):
        load_catalog([tmp_path / "empty"])
    base = write_pack(tmp_path / "base", meta(extends="null"),
                      {"actors.yml": RURITANIA_ACTORS, "places.yml": "places: []\n"})
    with pytest.raises(FileNotFoundError, match=r"base/rules.yml: missing\. A pack that extends no other has"):
        load_catalog([base])
    half = write_pack(tmp_path / "half", {"name": "half", "extends": "syria"}, {})
    with pytest.raises(ValueError, match=r"half/pack.yml: missing description, provenance"):
        load_catalog([half])


def test_a_clashing_id_names_both_files(tmp_path):
    clash = "actors:\n  - {id: russia, name: Russia again, type: state, parent: null}\n"
    pack = write_pack(tmp_path / "clash", meta(), {"actors.yml": clash})
    with pytest.raises(ValueError,
                       match=r"clash/actors.yml: actor id 'russia' is used twice \(also in .*world/actors.yml\)"):
        load_catalog([pack])


def test_bad_catalog_names_the_file(tmp_path):
    bad = write_pack(tmp_path / "bad", meta(extends="null"), {
        "actors.yml": "version: 1\nactors:\n  - {id: a, name: A, type: state, parent: nope}\n",
        "places.yml": "places: []\n"})
    shutil.copy(WORLD_RULES, bad / "rules.yml")
    with pytest.raises(ValueError, match=r"actors.yml: 'a' has parent 'nope'"):
        load_catalog([bad])


def test_packs_extending_each_other_in_a_circle_are_an_error(tmp_path):
    write_pack(tmp_path / "a", meta("a", extends="../b"), {})
    write_pack(tmp_path / "b", meta("b", extends="../a"), {})
    with pytest.raises(ValueError, match=r"extend each other in a circle"):
        load_catalog([tmp_path / "a"])
