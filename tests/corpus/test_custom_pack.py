"""A researcher's own catalog pack is kept wherever the analysis runs: in this process, in worker
processes (``n_process``), on a Dask cluster and through the command line. Worker processes and
Dask workers rebuild the resources from their spec; none falls back to the default catalog."""

from __future__ import annotations

import filecmp

import pandas as pd
import pytest

from helpers import resources as resources_module
from helpers.corpus import TABLES, RawDocument, analyze_dask, analyze_to, read_tables, runners
from helpers.resources import load_resources, resource_spec

from ..conftest import FIXTURES

#: End-to-end runs: `make test` runs them, `make test-fast` leaves them out (pyproject.toml).
pytestmark = pytest.mark.integration

ACTOR_ID = "testland_army"
TEXTS = {
    "a_testland": ("The Testland Army shelled a market in eastern Aleppo on Monday, killing 12 civilians, the "
                   "Syrian Observatory for Human Rights said. Russia denied that its jets had taken part."),
    "b_testland": ("Turkey blamed the Testland Army for the attack on the convoy. The United Nations said the "
                   "Testland Army had fired on aid workers near Idlib."),
}


def write_pack(folder):
    """A tiny pack extending the shipped ``syria`` pack with one invented actor."""
    folder.mkdir()
    (folder / "pack.yml").write_text(
        "name: testland\n"
        "description: One invented actor, to test that custom packs reach every worker.\n"
        "provenance: Invented for the test suite; no real actor.\n"
        "extends: syria\n", encoding="utf-8")
    (folder / "actors.yml").write_text(
        "actors:\n"
        f"  - id: {ACTOR_ID}\n"
        "    name: Testland Army\n"
        "    type: military\n"
        "    parent: null\n"
        "    aliases: [Testland Army]\n"
        "    demonyms: []\n"
        "    seats: []\n"
        "    descriptions: []\n", encoding="utf-8")
    (folder / "places.yml").write_text("places: []\n", encoding="utf-8")
    (folder / "rules.yml").write_text("{}\n", encoding="utf-8")
    return folder


def documents():
    docs = [RawDocument(k, v, "test") for k, v in TEXTS.items()]
    docs += [RawDocument(p.stem, p.read_text(encoding="utf-8"), p.name) for p in sorted(FIXTURES.glob("*.txt"))[:2]]
    return docs


@pytest.fixture(scope="module")
def pack(tmp_path_factory):
    return write_pack(tmp_path_factory.mktemp("packs") / "testland")


@pytest.fixture(scope="module")
def one_process(pack, tmp_path_factory):
    """The tables of a run in this process, with the custom pack."""
    out = tmp_path_factory.mktemp("one")
    analyze_to(documents(), out, load_resources([pack], sentiment="rules"), batch_size=1)
    return out


def custom_mentions(out) -> pd.DataFrame:
    m = read_tables(out)["mentions"]
    return m[m.actor_id == ACTOR_ID].reset_index(drop=True)


def test_the_custom_pack_is_used_in_this_process(one_process, pack):
    found = custom_mentions(one_process)
    assert sorted(found.doc_id.unique()) == ["a_testland", "b_testland"]
    assert set(found.text) == {"Testland Army"} and len(found) == 3
    blame = read_tables(one_process)["blame"]
    assert (blame.blamed_id == ACTOR_ID).any()
    res = load_resources(str(pack), sentiment="rules")
    assert res.spec.catalog == (str(pack.resolve()),) and ACTOR_ID in res.catalog


@pytest.mark.slow
def test_worker_processes_rebuild_the_custom_pack(one_process, pack, tmp_path, monkeypatch):
    # the workers start with no loaded resources (as spawned ones do): they rebuild them from the spec
    monkeypatch.setattr(resources_module, "_LOADED", {})
    monkeypatch.setattr(runners, "_ANALYZERS", {})
    analyze_to(documents(), tmp_path, resource_spec([pack], sentiment="rules"), batch_size=1, n_process=2)
    pd.testing.assert_frame_equal(custom_mentions(tmp_path), custom_mentions(one_process))
    for name in TABLES:
        assert filecmp.cmp(one_process / f"{name}.csv", tmp_path / f"{name}.csv", shallow=False), name


@pytest.mark.slow
def test_dask_workers_rebuild_the_custom_pack(one_process, pack, dask_client, tmp_path):
    analyze_dask(dask_client, documents(), tmp_path, resource_spec([pack], sentiment="rules"), batch_size=1)
    packs = dask_client.run(lambda: sorted(s.catalog for s in __import__("helpers.resources", fromlist=["_"])._LOADED))
    # the workers loaded this pack's resources and no others (no default catalog)
    this = [(str(pack.resolve()),)]
    assert this in packs.values() and all(v in ([], this) for v in packs.values())
    pd.testing.assert_frame_equal(custom_mentions(tmp_path), custom_mentions(one_process))
    ref, got = read_tables(one_process), read_tables(tmp_path)
    for name in TABLES:
        pd.testing.assert_frame_equal(ref[name], got[name], obj=name)


def test_the_command_line_takes_the_pack_by_path(one_process, pack, tmp_path, cli):
    # (the command hands worker processes the same spec: test_worker_processes_rebuild_the_custom_pack)
    corpus = tmp_path / "in"
    corpus.mkdir()
    for doc in documents():
        (corpus / f"{doc.doc_id}.txt").write_text(doc.text, encoding="utf-8")
    res = cli("analyze", corpus, "--out", tmp_path / "out", "--catalog", f"syria,{pack}", "--sentiment", "rules",
              "--batch-size", 1, "--quiet")
    assert res.returncode == 0, res.stderr
    pd.testing.assert_frame_equal(custom_mentions(tmp_path / "out"), custom_mentions(one_process))
