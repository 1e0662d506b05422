"""Worker processes (``n_process``): forked workers use the resources the caller loaded.

Loading the pipeline, the catalog and the sentiment scorer takes seconds per process; a run given
loaded :class:`~helpers.resources.Resources` on Linux forks its workers, which analyse with the
inherited resources and load nothing. Spawned workers (another platform, or torch running several
threads here) rebuild them from the spec.
"""

from __future__ import annotations

import sys
import types

import pytest

from helpers.corpus import analyze
from helpers.corpus.readers import RawDocument
from helpers.corpus.runners import worker_start_method
from helpers.resources import Resources, load_resources

from ..conftest import REAL_ARTICLES

ARTICLES = ["wikinews_043", "wikinews_122", "fakes_1914947532"]


def _docs() -> list[RawDocument]:
    return [RawDocument(p.stem, p.read_text(encoding="utf-8"), p.name) for p in REAL_ARTICLES if p.stem in ARTICLES]


@pytest.fixture
def one_torch_thread():
    """torch on one thread (as the learned sentiment sets it), restored afterwards: spaCy's thinc
    imports torch, whose default is one thread per core, and then workers are spawned."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


@pytest.mark.skipif(sys.platform != "linux", reason="workers are forked on Linux only")
def test_forked_workers_adopt_the_loaded_resources(monkeypatch, one_torch_thread):
    resources = load_resources("syria", sentiment="rules")
    one = analyze(_docs(), resources, batch_size=1)
    assert worker_start_method() == "fork"

    def rebuild(cls, spec):
        raise AssertionError("a worker rebuilt the resources instead of using the loaded ones")

    monkeypatch.setattr(Resources, "from_spec", classmethod(rebuild))  # inherited by forked workers
    two = analyze(_docs(), resources, batch_size=1, n_process=2)
    assert len(one["blame"]) and len(one["mentions"])
    for name, table in one.items():
        assert two[name].equals(table), name


def test_workers_are_spawned_when_torch_runs_several_threads(monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setitem(sys.modules, "torch", types.SimpleNamespace(get_num_threads=lambda: 2))
    assert worker_start_method() == "spawn"
    monkeypatch.setitem(sys.modules, "torch", types.SimpleNamespace(get_num_threads=lambda: 1))
    assert worker_start_method() == "fork"
    monkeypatch.setattr(sys, "platform", "darwin")
    assert worker_start_method() == "spawn"
