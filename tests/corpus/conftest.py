"""The Dask cluster of the corpus tests: one two-worker ``LocalCluster`` for the package's tests
(starting one, importing the package on its workers and stopping it takes about 15 s), and per
test a client whose workers start with no loaded resources, as the workers of a new cluster do."""

from __future__ import annotations

import sys

import pytest


@pytest.fixture(scope="package")
def dask_cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        yield cluster


def forget_loaded_resources() -> None:
    """In a worker: drop the resources and analysers earlier tests loaded (as a new worker has none)."""
    for module, name in (("helpers.resources", "_LOADED"), ("helpers.corpus.runners", "_ANALYZERS")):
        if module in sys.modules:
            getattr(sys.modules[module], name).clear()


@pytest.fixture
def dask_client(dask_cluster):
    """A client of the package's cluster; its two workers hold no resources when the test starts."""
    import distributed

    with distributed.Client(dask_cluster) as client:
        client.wait_for_workers(2)
        client.run(forget_loaded_resources)
        yield client
