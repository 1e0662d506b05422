"""Running the analysis over a corpus: in one process, in a process pool, or on a Dask cluster.

:func:`iter_analysis` yields the tables batch by batch, in input order; :func:`analyze` gathers
them in memory (for notebooks), :func:`analyze_to` streams any corpus to CSV or Parquet tables in
constant memory, on one process or several (``n_process``), and :func:`analyze_dask` does the
same on a Dask cluster. Every run takes its :class:`~helpers.resources.Resources` (or only their
:class:`~helpers.resources.ResourceSpec`) explicitly; worker processes and Dask workers receive
the spec and rebuild exactly those resources, once per process. Every document's results depend
on that document only, so the tables are identical whatever the process count, batch size or
executor.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

import pandas as pd

from helpers.corpus.analyzer import MAX_CHUNK_CHARS, Analyzer
from helpers.corpus.failures import error_summary
from helpers.corpus.readers import RawDocument
from helpers.corpus.writers import TableWriter
from helpers.schema import TABLES, coerce, empty_tables

if TYPE_CHECKING:  # imported when used: importing helpers.corpus loads no pipeline library
    from helpers.resources import Resources, ResourceSpec

__all__ = ["iter_analysis", "analyze", "analyze_to", "analyze_dask", "RunSummary", "worker_start_method"]


def _spec(resources: Resources | ResourceSpec) -> ResourceSpec:
    from helpers.resources import Resources, ResourceSpec

    if isinstance(resources, Resources):
        return resources.spec
    if isinstance(resources, ResourceSpec):
        return resources
    raise TypeError(f"resources must be Resources or a ResourceSpec (helpers.resources.load_resources), "
                    f"not {type(resources).__name__}")


def _loaded(resources: Resources | ResourceSpec) -> Resources:
    from helpers.resources import Resources

    return resources if isinstance(resources, Resources) else Resources.from_spec(_spec(resources))


def _batches(documents: Iterable[RawDocument], size: int) -> Iterator[list[RawDocument]]:
    batch: list[RawDocument] = []
    for doc in documents:
        batch.append(doc)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


# One analyzer per process and spec (pool workers and Dask workers load the resources once).
_ANALYZERS: dict[tuple, Analyzer] = {}


def _analyze_batch(raws: list[RawDocument], spec: ResourceSpec, batch_size: int,
                   max_chunk_chars: int) -> dict[str, pd.DataFrame]:
    """A worker's task: the tables of one batch, with the resources rebuilt from ``spec`` (or
    those :func:`_adopt` gave the worker)."""
    key = (spec, batch_size, max_chunk_chars)
    if key not in _ANALYZERS:
        _ANALYZERS[key] = Analyzer(_loaded(spec), batch_size, max_chunk_chars)
    return _ANALYZERS[key].batch(raws)


def _adopt(resources: Resources, batch_size: int, max_chunk_chars: int) -> None:
    """A forked worker's initializer: analyse with the parent's loaded ``resources`` (inherited
    with the process's memory, not rebuilt)."""
    _ANALYZERS[(resources.spec, batch_size, max_chunk_chars)] = Analyzer(resources, batch_size, max_chunk_chars)


# Inherited by the workers: one BLAS/OpenMP/torch thread each (no oversubscription), and no
# tokenizer thread pool in a forked child.
_SINGLE_THREADED = {**{k: "1" for k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")},
                    "TOKENIZERS_PARALLELISM": "false"}


def worker_start_method() -> str:
    """``fork`` on Linux unless torch (imported by spaCy's thinc) may run several intra-op threads
    in this process (a forked child of an OpenMP thread pool can hang; the learned sentiment sets
    one thread): fast, needs no ``if __name__ == "__main__"`` guard in user scripts, and lets the
    workers inherit loaded resources. Otherwise ``spawn``."""
    if sys.platform != "linux":
        return "spawn"
    torch = sys.modules.get("torch")
    return "fork" if torch is None or torch.get_num_threads() == 1 else "spawn"


def _ordered(submit, batches: Iterable, window: int) -> Iterator:
    """Results of ``submit(batch)`` futures, in input order, with at most ``window`` pending:
    memory stays bounded however long the corpus."""
    from collections import deque

    pending: deque = deque()
    for b in batches:
        pending.append(submit(b))
        if len(pending) >= window:
            yield pending.popleft()
    while pending:
        yield pending.popleft()


def iter_analysis(documents: Iterable[RawDocument], resources: Resources | ResourceSpec, n_process: int = 1,
                  batch_size: int = 32, max_chunk_chars: int = MAX_CHUNK_CHARS) -> Iterator[dict[str, pd.DataFrame]]:
    """The tables, one batch of ``batch_size`` documents at a time, in input order.

    ``n_process > 1`` analyses batches in that many worker processes, one BLAS/torch thread each:
    forked workers (Linux) given loaded resources use them as inherited, without loading anything;
    otherwise each worker rebuilds the resources from their spec once. The results are the same
    as with one process.
    """
    if n_process < 1 or batch_size < 1:
        raise ValueError("n_process and batch_size must be at least 1")
    spec = _spec(resources)
    batches = _batches(documents, batch_size)
    if n_process == 1:
        analyzer = Analyzer(_loaded(resources), batch_size, max_chunk_chars)
        for b in batches:
            yield analyzer.batch(b)
        return
    import multiprocessing as mp

    saved = {k: os.environ.get(k) for k in _SINGLE_THREADED}
    os.environ.update(_SINGLE_THREADED)
    method = worker_start_method()
    # forked workers adopt the resources already loaded here; spawned ones rebuild them from the spec
    adopt = method == "fork" and resources is not spec
    try:
        pool = mp.get_context(method).Pool(n_process, initializer=_adopt if adopt else None,
                                           initargs=(resources, batch_size, max_chunk_chars) if adopt else ())
    finally:
        for k, v in saved.items():
            os.environ.pop(k) if v is None else os.environ.__setitem__(k, v)
    with pool:
        submit = lambda b: pool.apply_async(_analyze_batch, (b, spec, batch_size, max_chunk_chars))  # noqa: E731
        for result in _ordered(submit, batches, window=2 * n_process):
            yield result.get()


def analyze(documents: Iterable[RawDocument], resources: Resources | ResourceSpec, batch_size: int = 32,
            progress: bool = False, n_process: int = 1) -> dict[str, pd.DataFrame]:
    """Clean and analyse documents with ``resources``; return the ``documents``, ``sentences``,
    ``mentions``, ``blame`` and ``actor_sentiment`` tables, sorted by document (``documents`` with
    each document's ``responsible`` actor and ``sentiment``; failed documents keep a row with
    their ``error``). The sentiment columns are empty when the resources' sentiment is ``"none"``."""
    from tqdm import tqdm

    parts: dict[str, list[pd.DataFrame]] = {name: [] for name in TABLES}
    with tqdm(unit="doc", desc="analysing", disable=not progress, file=sys.stderr) as bar:
        for tables in iter_analysis(documents, resources, n_process=n_process, batch_size=batch_size):
            for name, t in tables.items():
                parts[name].append(t)
            bar.update(len(tables["documents"]))
    out = {name: coerce(pd.concat(frames, ignore_index=True), name) if frames else empty_tables()[name]
           for name, frames in parts.items()}
    # a stable sort by document keeps each document's rows in text order
    return {name: t.sort_values("doc_id", kind="stable", ignore_index=True) for name, t in out.items()}


@dataclass
class RunSummary:
    """What a streamed run did: documents analysed in this run (and how many failed), words,
    seconds, the tables' paths, documents kept from an interrupted run (``resumed``), whether an
    unfinished earlier run was discarded, and the whole table's errors by kind
    (:func:`~helpers.corpus.failures.error_kind`)."""

    documents: int
    failed: int
    words: int
    seconds: float
    paths: dict[str, Path]
    resumed: int = 0
    discarded: bool = False
    errors: dict[str, int] = field(default_factory=dict)

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


def _run_description(spec: ResourceSpec, fmt: str, batch_size: int, inputs: dict | None) -> dict:
    """What tells one run from another when resuming (not the process count: it changes nothing)."""
    from dataclasses import asdict

    from helpers import __version__

    return {"version": __version__, "resources": asdict(spec), "format": fmt, "batch_size": batch_size,
            "inputs": inputs}


def _errors_by_kind(documents_table: Path, fmt: str) -> tuple[int, dict[str, int]]:
    """How many documents the table has, and their errors by kind (most frequent first)."""
    if fmt == "parquet":
        errors = pd.read_parquet(documents_table, columns=["error"])["error"]
    else:
        errors = pd.read_csv(documents_table, usecols=["error"], dtype=str, keep_default_na=False)["error"]
    return len(errors), dict(sorted(error_summary(errors).items(), key=lambda kv: (-kv[1], kv[0])))


def _stream(documents: Iterable[RawDocument], analyse, out_dir, fmt: str, batch_size: int, run: dict,
            resume: bool, progress: bool, total: int | None) -> RunSummary:
    """Write ``analyse(documents)``'s tables batch by batch; with ``resume``, after the batches an
    unfinished identical run in ``out_dir`` completed (whose documents are skipped)."""
    from tqdm import tqdm

    t0, n, failed, words = time.perf_counter(), 0, 0, 0
    with TableWriter(out_dir, fmt, run=run, resume=resume) as writer:
        resumed = writer.batches_done * batch_size
        if resumed:  # a checked input (iter_documents) skips without reading; any other iterable is read past
            starting_at = getattr(documents, "starting_at", None)
            documents = starting_at(resumed) if starting_at else islice(documents, resumed, None)
        with tqdm(total=total, initial=min(resumed, total or resumed), unit="doc", desc="analysing",
                  file=sys.stderr, disable=not progress, smoothing=0.1) as bar:
            for tables in analyse(documents):
                docs = tables["documents"]
                writer.write(tables)
                n, failed = n + len(docs), failed + int((docs["error"] != "").sum())
                words += int(docs["n_words"].sum())
                bar.update(len(docs))
                bar.set_postfix_str(f"{words / max(time.perf_counter() - t0, 1e-9):,.0f} words/s, {failed} failed")
        paths = writer.close()
    in_table, errors = _errors_by_kind(paths["documents"], fmt)
    return RunSummary(n, failed, words, round(time.perf_counter() - t0, 3), paths, in_table - n, writer.discarded,
                      errors)


def analyze_to(documents: Iterable[RawDocument], out_dir: str | Path, resources: Resources | ResourceSpec,
               fmt: str = "csv", n_process: int = 1, batch_size: int = 32, progress: bool = False,
               total: int | None = None, resume: bool = False, inputs: dict | None = None) -> RunSummary:
    """Analyse a corpus of any size into ``out_dir`` (tables as ``.csv`` or ``.parquet``),
    streaming: documents are read, analysed and written batch by batch, so memory does not grow
    with the corpus. Rows are in input order; a rerun into the same folder replaces the tables.

    An interrupted run (Ctrl-C, a killed process, a restart) keeps its complete batches in
    ``out_dir/.analyze-partial``: called again with ``resume=True`` and the same documents,
    resources, format, batch size and ``inputs`` (a JSON-able description of the input, e.g. paths,
    sizes and modification times, which resuming requires), it skips those documents and continues;
    the tables are then byte-identical to an uninterrupted run's.
    """
    if resume and inputs is None:
        raise ValueError("resume=True needs inputs=...: a description of the input that tells this run from another")
    spec = _spec(resources)
    run = _run_description(spec, fmt, batch_size, inputs)
    analyse = lambda docs: iter_analysis(docs, resources, n_process=n_process, batch_size=batch_size)  # noqa: E731
    return _stream(documents, analyse, out_dir, fmt, batch_size, run, resume, progress, total)


def analyze_dask(client, documents: Iterable[RawDocument], out_dir: str | Path, resources: Resources | ResourceSpec,
                 fmt: str = "parquet", batch_size: int = 32, progress: bool = False, total: int | None = None,
                 max_chunk_chars: int = MAX_CHUNK_CHARS, resume: bool = False,
                 inputs: dict | None = None) -> RunSummary:
    """The same analysis on a Dask cluster: ``client`` is a ``distributed.Client``.

    Batches of ``batch_size`` documents are sent to the workers with the resources' spec (each
    worker process rebuilds those resources once and keeps them), at most two per worker thread
    in flight; results come back in input order and are written here as by :func:`analyze_to`
    (Parquet by default; ``resume`` and ``inputs`` as there), so the tables are identical to a
    local run. Workers need this package and its pinned dependencies installed (the same
    environment as the client), and a custom pack folder must be at the same path on them.
    """
    if resume and inputs is None:
        raise ValueError("resume=True needs inputs=...: a description of the input that tells this run from another")
    spec = _spec(resources)
    threads = sum(client.nthreads().values()) or 1

    def submit(batch):
        return client.submit(_analyze_batch, batch, spec, batch_size, max_chunk_chars, pure=False)

    def analyse(docs):
        return (future.result() for future in _ordered(submit, _batches(docs, batch_size), window=2 * threads))

    run = _run_description(spec, fmt, batch_size, inputs)
    return _stream(documents, analyse, out_dir, fmt, batch_size, run, resume, progress, total)
