"""Measure the corpus analysis against bare spaCy, in one run: words/s of each layer, linearity in
document length, the speed-up on two processes and memory. Writes outputs/bench.json and prints a table.

    python scripts/bench.py                      # the full run: 500 documents (15-20 minutes, quiet 2-core machine)
    python scripts/bench.py --docs 200           # a smaller sample (the figures are noisier)
    python scripts/bench.py --memory             # also peak memory at 1k and 10k documents (about 20 minutes more)
    python scripts/bench.py --quick              # a smoke run of every part on tiny inputs (about a minute)
    python scripts/bench.py --profile 50         # also cProfile the default analysis of 50 documents

The texts: the vendored FA-KES (239) and Wikinews (241) articles, sampled with replacement with a
fixed seed, each copy with its own id (``<doc_id>~<k>``). Every row below uses the same sample,
one batch size and the same word count: ``analyze``'s ``n_words`` (tokens that are not punctuation
or space) of the sample.

1. Throughput, one process (the pipelines and models loaded and warmed up beforehand): words/s of
   bare ``en_core_web_sm`` (:func:`helpers.nlp.load_nlp`) and of the actor pipeline
   (:func:`helpers.actors.actor_pipeline`, the ``world`` and ``syria`` packs), both ``nlp.pipe`` over the texts
   cleaned before the clock starts; then :func:`helpers.corpus.analyze_to` (CSV, from the raw texts,
   so cleaning is timed) with sentiment ``none``, ``rules`` and ``model`` (the default). Each
   figure's ratio to bare ``en_core_web_sm``. So that the rows share the machine's load, the sample
   is cut into ``--rounds`` slices and every row runs on each slice in turn; a row's figure is its
   total. Target: the default analysis at >= 0.6 of bare spaCy.
2. Linearity: one document of N real paragraphs (distinct Wikinews/FA-KES paragraphs, about
   ``--linear-chars`` characters) and one of the same paragraphs four times over (4N, past
   :data:`helpers.corpus.MAX_CHUNK_CHARS`, so parsed in chunks): the time of :func:`helpers.corpus.analyze`
   (default sentiment; also ``none``), start-up excluded, and of bare ``nlp(text)`` for reference,
   each size timed ``--linear-repeats`` times (default 3) in turn; the median CPU time counts
   (single wall timings of a few seconds varied by 1.5x). Target: time(4N) / time(N) < 5 for the
   default analysis.
3. Two processes: ``analyze_to(n_process=2)`` with the default sentiment on the same sample and
   the same loaded resources, worker start-up included (on Linux the workers are forked and use the
   loaded resources: :func:`helpers.corpus.runners.worker_start_method`), against the one-process
   time of 1. Target >= 1.7. Meanwhile the workers' peak RSS is sampled (psutil; on Linux each
   worker's VmHWM, its exact peak). For information, the start-up of a worker that loads the
   resources itself (a spawned worker, or the command line's workers, which get only the spec) is
   timed in a fresh subprocess (:func:`startup`).
4. Memory growth (``--memory``, or tiny in ``--quick``): ``analyze_to`` (sentiment none, 2 processes)
   at each ``--memory-docs`` size in a fresh subprocess, which reports its own peak RSS and its
   largest worker's (:func:`child_rss`); the sample is streamed. Target: largest / smallest <= 1.2.

Exit status 0 whatever the figures (a measurement, not a test); ``targets`` in the JSON gives each
figure against its target and ``targets_met`` whether every measured one was met. Timings depend on
the machine's load, recorded at the start and end and around each part.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Callable, Iterator

#: The targets: bare-spaCy ratio of the default analysis (>=), time 4N / N (<), speed-up (>=), memory growth (<=).
TARGETS = {"model_ratio": 0.6, "linearity": 5.0, "speedup": 1.7, "memory_ratio": 1.2}
#: The catalog pack(s) every run uses.
CATALOG = ("world", "syria")  # the default pack and the pack of the corpus (Syrian-war articles)
#: The sentiment methods of the analyze rows, in table order; the last is the default.
SENTIMENTS = ("none", "rules", "model")
#: Row keys and labels of the throughput table, in order.
RUNS = {"spacy": "en_core_web_sm (nlp.pipe)", "actors": "actor pipeline (nlp.pipe)",
        "none": "analyze, sentiment none", "rules": "analyze, sentiment rules",
        "model": "analyze, sentiment model (default)"}
#: Settings of the full run and of --quick.
FULL = {"docs": 500, "rounds": 5, "linear_chars": 37_500, "linear_repeats": 3, "memory_docs": (1000, 10000)}
QUICK = {"docs": 12, "rounds": 2, "linear_chars": 1_500, "linear_repeats": 1, "memory_docs": (20, 40),
         "batch_size": 4}


# -- the texts ---------------------------------------------------------------------------------
def source_articles() -> list[tuple[str, str]]:
    """(doc_id, raw text) of the vendored FA-KES and Wikinews articles, in that order."""
    from helpers.evaluation.datasets import load_fakes, load_wikinews

    fakes, wiki = load_fakes(), load_wikinews()
    return list(zip(fakes["doc_id"], fakes["text"])) + list(zip(wiki["doc_id"], wiki["text"]))


def sample_documents(n: int, seed: int = 0, articles: list[tuple[str, str]] | None = None) -> Iterator:
    """``n`` documents drawn with replacement (seeded), streamed; ids ``<doc_id>~<k>``."""
    from helpers.corpus import RawDocument

    articles = articles or source_articles()
    rng = random.Random(seed)
    for k in range(n):
        doc_id, text = articles[rng.randrange(len(articles))]
        yield RawDocument(f"{doc_id}~{k:05d}", text, "bench")


def real_paragraphs(articles: list[tuple[str, str]], chars: int, seed: int) -> list[str]:
    """Distinct clean paragraphs (100 to 1,500 characters) of the articles, in a seeded order,
    until they hold at least ``chars`` characters."""
    from helpers.text import clean

    order = list(range(len(articles)))
    random.Random(seed).shuffle(order)
    out, total, seen = [], 0, set()
    for i in order:
        cdoc = clean(articles[i][1], doc_id=articles[i][0])
        for s, e in cdoc.paragraphs:
            text = cdoc.text[s:e].strip()
            if 100 <= len(text) <= 1500 and text not in seen:
                seen.add(text)
                out.append(text)
                total += len(text) + 2
                if total >= chars:
                    return out
    raise ValueError(f"the articles hold fewer than {chars:,} characters of paragraphs")


def slices(items: list, k: int) -> list[list]:
    """``items`` cut into ``k`` consecutive, nearly equal, non-empty slices."""
    k = max(1, min(k, len(items)))
    bounds = [round(i * len(items) / k) for i in range(k + 1)]
    return [items[a:b] for a, b in zip(bounds, bounds[1:])]


# -- clocks ------------------------------------------------------------------------------------
def _cpu() -> float:
    s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime


def _load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def _timed(fn: Callable) -> tuple[object, float, float]:
    """``fn()``'s result, wall seconds and CPU seconds (this process and its finished children)."""
    c0, t0 = _cpu(), time.perf_counter()
    result = fn()
    return result, time.perf_counter() - t0, _cpu() - c0


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# -- the runs ----------------------------------------------------------------------------------
def _resources(sentiment: str):
    """The resources of the runs (loaded once per process and sentiment method)."""
    from helpers.resources import load_resources

    return load_resources(CATALOG, sentiment=sentiment)


def _analyze_to(docs, resources, batch_size: int, n_process: int = 1):
    from helpers.corpus import analyze_to

    with tempfile.TemporaryDirectory() as out:
        return analyze_to(docs, out, resources, n_process=n_process, batch_size=batch_size)


def _analyze(n: int, seed: int, batch_size: int, n_process: int = 1, sentiment: str = "none"):
    """``analyze_to`` over a streamed sample of ``n`` documents (the memory runs)."""
    return _analyze_to(sample_documents(n, seed), _resources(sentiment), batch_size, n_process)


def _pipe(nlp, batch_size: int) -> Callable:
    def run(raws, texts) -> None:
        for _ in nlp.pipe(texts, batch_size=batch_size):
            pass
    return run


def _analysis(sentiment: str, batch_size: int) -> Callable:
    resources = _resources(sentiment)
    return lambda raws, texts: _analyze_to(raws, resources, batch_size)


def runners(batch_size: int) -> dict[str, Callable]:
    """Each throughput row's run over (raw documents, their clean texts), loaded; an analyze run
    returns its :class:`~helpers.corpus.RunSummary`, an ``nlp.pipe`` run None."""
    from helpers.actors import actor_pipeline, load_catalog
    from helpers.nlp import load_nlp

    return {"spacy": _pipe(load_nlp(), batch_size), "actors": _pipe(actor_pipeline(load_catalog(CATALOG)), batch_size),
            **{m: _analysis(m, batch_size) for m in SENTIMENTS}}


def _add(total: dict, summary, secs: float, cpu: float) -> None:
    """Add one slice's figures (and an analyze run's words, failures and errors by kind) to ``total``."""
    total["seconds"] += secs
    total["cpu_seconds"] += cpu
    if summary is not None:
        total["words"] += summary.words
        total["failed"] += summary.failed
        for kind, n in summary.errors.items():
            total["errors"][kind] = total["errors"].get(kind, 0) + n


def throughput(docs: list, rounds: int, batch_size: int) -> dict:
    """Part 1: every row on every slice of ``docs`` in turn; words/s and the ratio to bare spaCy.
    ``valid`` is False when the analyze runs did not all count the same words and failures (a
    document that failed in one run only: its figures compare different work)."""
    from helpers.text import clean

    texts = [clean(d.text, doc_id=d.doc_id).text for d in docs]
    runs = runners(batch_size)
    for run in runs.values():  # warm-up: models loaded, caches filled
        run(docs[:4], texts[:4])
    totals = {key: {"seconds": 0.0, "cpu_seconds": 0.0, "words": 0, "failed": 0, "errors": {}} for key in runs}
    load = _load()
    for part in slices(list(range(len(docs))), rounds):
        raws, clean_texts = [docs[i] for i in part], [texts[i] for i in part]
        for key, run in runs.items():
            summary, secs, cpu = _timed(lambda: run(raws, clean_texts))
            _add(totals[key], summary, secs, cpu)
    words, failed = totals["none"]["words"], totals["none"]["failed"]
    rows = {key: _row(key, t, words, totals["spacy"]) for key, t in totals.items()}
    same = all(rows[m]["analyze_words"] == words and rows[m]["failed"] == failed for m in SENTIMENTS)
    ratio = rows["model"]["ratio"]
    return {"docs": len(docs), "words": words, "failed": failed, "rounds": rounds,
            "texts": "raw for analyze, clean for nlp.pipe", "same_words": same, "valid": same and words > 0,
            "load_before": load, "load_after": _load(), "rows": rows,
            "target": TARGETS["model_ratio"], "met": ratio >= TARGETS["model_ratio"]}


def _row(key: str, total: dict, words: int, spacy: dict) -> dict:
    """A row's figures; ``cpu_ratio`` (the ratio of CPU times) is the steadier on a busy machine."""
    secs, cpu = total["seconds"], total["cpu_seconds"]
    row = {"run": RUNS[key], "seconds": round(secs, 2), "cpu_seconds": round(cpu, 2),
           "words_per_s": round(words / secs, 1), "ratio": round(spacy["seconds"] / secs, 3),
           "cpu_ratio": round(spacy["cpu_seconds"] / cpu, 3)}
    if key in SENTIMENTS:
        row.update(analyze_words=total["words"], failed=total["failed"], errors=total["errors"])
    return row


def linearity(paragraphs: list[str], batch_size: int, repeats: int) -> dict:
    """Part 2: one document of the paragraphs (N) against one of them four times over (4N), each
    timed ``repeats`` times (N and 4N in turn); a size's figure is the median of its CPU times
    (single wall timings of a few seconds varied by 1.5x on a shared machine), its wall median
    beside it."""
    from statistics import median

    from helpers.corpus import RawDocument, analyze
    from helpers.nlp import load_nlp
    from helpers.text import clean

    block = "\n\n".join(paragraphs)
    sizes = {"N": block, "4N": "\n\n".join([block] * 4)}
    bodies = {size: clean(text, doc_id="linear").text for size, text in sizes.items()}  # bare spaCy's input
    nlp = load_nlp()
    out = {"paragraphs": len(paragraphs), "chars": {k: len(v) for k, v in sizes.items()}, "repeats": repeats,
           "clock": "median CPU seconds", "load_before": _load()}
    for key in ("spacy", "none", "model"):
        row: dict = {}
        times: dict[str, list[tuple[float, float]]] = {size: [] for size in sizes}
        for _ in range(repeats):
            for size, text in sizes.items():
                if key == "spacy":
                    _, secs, cpu = _timed(lambda: nlp(bodies[size]))
                else:
                    res = _resources(key)
                    tables, secs, cpu = _timed(lambda: analyze([RawDocument(f"linear-{size}", text, "bench")], res,
                                                                batch_size=batch_size))
                    doc = tables["documents"].iloc[0]
                    row.update({f"words_{size}": int(doc["n_words"]),
                                f"error_{size}": row.get(f"error_{size}") or doc["error"]})
                times[size].append((cpu, secs))
        for size, pairs in times.items():
            row[f"seconds_{size}"] = round(median(c for c, _ in pairs), 2)
            row[f"wall_seconds_{size}"] = round(median(w for _, w in pairs), 2)
        row["ratio"] = round(row["seconds_4N"] / row["seconds_N"], 3)
        row["wall_ratio"] = round(row["wall_seconds_4N"] / row["wall_seconds_N"], 3)
        out[key] = row
    valid = all(out[k][f"error_{n}"] == "" and out[k][f"words_{n}"] > 0 for k in ("none", "model") for n in sizes)
    out.update(load_after=_load(), valid=valid, target=TARGETS["linearity"],
               met=out["model"]["ratio"] < TARGETS["linearity"])
    return out


class WorkerPeaks:
    """Samples, in a thread, the RSS of this process's children (psutil) while in a ``with``:
    each child's peak (on Linux its VmHWM, exact; elsewhere the largest sample), by pid."""

    def __init__(self, every: float = 0.2) -> None:
        self.every, self.peaks, self.kinds = every, {}, {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self) -> WorkerPeaks:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _watch(self) -> None:
        import psutil

        me = psutil.Process()
        while not self._stop.is_set():
            for child in me.children(recursive=True):
                try:
                    self._sample(child)
                except psutil.Error:  # ended between the listing and the reading
                    pass
            self._stop.wait(self.every)

    def _sample(self, child) -> None:
        mb = max(child.memory_info().rss, _vm_hwm_kb(child.pid) * 1024) / 2**20
        self.peaks[child.pid] = max(self.peaks.get(child.pid, 0.0), mb)
        if child.pid not in self.kinds:
            self.kinds[child.pid] = "helper" if "resource_tracker" in " ".join(child.cmdline()) else "worker"

    def workers_mb(self) -> list[float]:
        """The workers' peaks (not multiprocessing's resource tracker), largest first."""
        return sorted((round(mb, 1) for pid, mb in self.peaks.items() if self.kinds[pid] == "worker"), reverse=True)


def _vm_hwm_kb(pid: int | str = "self") -> int:
    """A process's peak RSS in kB from /proc (Linux), or 0."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _has_psutil() -> bool:
    import importlib.util

    return importlib.util.find_spec("psutil") is not None


def child_startup(sentiment: str) -> dict:
    """Run in a fresh subprocess: what a worker does before its first batch (imports, resources
    loaded) and the analysis of one document (the seed article); the subprocess's wall time is the start-up."""
    from helpers.corpus import RawDocument
    from helpers.paths import PROJECT_ROOT

    text = next(iter(sorted(PROJECT_ROOT.joinpath("seeds").glob("*.txt")))).read_text(encoding="utf-8")
    t0 = time.perf_counter()
    res = _resources(sentiment)
    loaded = time.perf_counter() - t0
    _analyze_to([RawDocument("seed", text, "bench")], res, 1)
    return {"load_seconds": round(loaded, 2), "first_document_seconds": round(time.perf_counter() - t0 - loaded, 2)}


def startup(sentiment: str) -> dict:
    """A worker's start-up, measured in a fresh subprocess (interpreter, imports, resources, one document)."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child-startup", sentiment]
    done, secs, _ = _timed(lambda: subprocess.run(cmd, capture_output=True, text=True))
    if done.returncode:
        sys.exit(f"the start-up run failed:\n{done.stderr}")
    return {**json.loads(done.stdout.strip().splitlines()[-1]), "seconds": round(secs, 2)}


def parallel(docs: list, batch_size: int, n_process: int, one: dict) -> dict:
    """Part 3: the default analysis on ``n_process`` processes (start-up included) against one.
    For information, the start-up of a worker that loads the resources itself (:func:`startup`)."""
    from helpers.corpus.runners import worker_start_method

    res = _resources(SENTIMENTS[-1])
    start = startup(SENTIMENTS[-1])
    load = _load()
    if _has_psutil():
        with WorkerPeaks() as peaks:
            summary, secs, cpu = _timed(lambda: _analyze_to(docs, res, batch_size, n_process))
        workers = peaks.workers_mb()
    else:
        summary, secs, cpu = _timed(lambda: _analyze_to(docs, res, batch_size, n_process))
        workers = []
    one_secs = one["rows"]["model"]["seconds"]
    value = one_secs / secs
    valid = summary.words == one["words"] > 0 and summary.failed == one["failed"]
    return {"docs": len(docs), "n_process": n_process, "sentiment": SENTIMENTS[-1], "load_before": load,
            "load_after": _load(), "seconds_1": one_secs, "seconds_n": round(secs, 2), "cpu_seconds_n": round(cpu, 2),
            "words": summary.words, "failed": summary.failed, "errors": summary.errors, "valid": valid,
            "words_per_s": round(summary.words / secs, 1), "speedup": round(value, 3),
            "start_method": worker_start_method(), "worker_startup": start,
            "ratio_to_spacy": round(one["rows"]["spacy"]["seconds"] / secs, 3),
            "worker_peak_rss_mb": workers, "memory_tool": "psutil" if _has_psutil() else "none (psutil not installed)",
            "main_peak_rss_mb": round(_vm_hwm_kb() / 1024, 1) or None,
            "target": TARGETS["speedup"], "met": value >= TARGETS["speedup"]}


def child_rss(n: int, seed: int, batch_size: int, n_process: int) -> dict:
    """Run in a fresh subprocess: one analyze_to run, then its peak RSS (MB).

    On Linux, ``ru_maxrss`` of a process started by fork+exec starts at its launcher's RSS (the
    kernel carries the old address space's high-water mark over exec), so this process's own
    peak is read from /proc/self/status (VmHWM) where available; ``ru_maxrss`` is kept beside it.
    The workers' figure is ``RUSAGE_CHILDREN``'s ``ru_maxrss``: the largest worker's peak.
    """
    summary, secs, _ = _timed(lambda: _analyze(n, seed, batch_size, n_process=n_process))
    kb = 1 if sys.platform != "darwin" else 1 / 1024  # ru_maxrss: kB on Linux, bytes on macOS
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * kb / 1024
    own = _vm_hwm_kb() / 1024 or maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * kb / 1024
    return {"docs": n, "n_process": n_process, "seconds": round(secs, 2), "words": summary.words,
            "failed": summary.failed, "self_mb": round(own, 1), "self_ru_maxrss_mb": round(maxrss, 1),
            "largest_worker_mb": round(workers, 1), "peak_rss_mb": round(own + workers, 1)}


def memory(sizes: list[int], seed: int, batch_size: int, n_process: int) -> dict:
    """Part 4: one fresh subprocess per size (run first, while this process is still small)."""
    runs = []
    for n in sizes:
        cmd = [sys.executable, str(Path(__file__).resolve()), "--child-rss", str(n), "--seed", str(seed),
               "--batch-size", str(batch_size), "--n-process", str(n_process)]
        load = _load()
        done = subprocess.run(cmd, capture_output=True, text=True)
        if done.returncode:
            sys.exit(f"the memory run on {n} documents failed:\n{done.stderr}")
        runs.append({**json.loads(done.stdout.strip().splitlines()[-1]), "load_before": load})
    ratio = runs[-1]["peak_rss_mb"] / runs[0]["peak_rss_mb"]
    return {"measured": True, "sentiment": "none", "runs": runs, "ratio": round(ratio, 3),
            "target": TARGETS["memory_ratio"], "met": ratio <= TARGETS["memory_ratio"]}


def profile(docs: list, batch_size: int, path: Path) -> dict:
    """cProfile of one analyze_to run (one process, default sentiment); the top functions by own
    time and by cumulative time written to ``path``."""
    import cProfile
    import io
    import pstats

    res = _resources(SENTIMENTS[-1])
    _analyze_to(docs[:4], res, batch_size)  # loads the resources
    prof = cProfile.Profile()
    prof.enable()
    summary = _analyze_to(docs, res, batch_size)
    prof.disable()
    text = io.StringIO()
    stats = pstats.Stats(prof, stream=text)
    stats.sort_stats("tottime").print_stats(30)
    stats.sort_stats("cumulative").print_stats(60)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.getvalue(), encoding="utf-8")
    return {"docs": len(docs), "words": summary.words, "path": str(path)}


# -- the report --------------------------------------------------------------------------------
def targets(result: dict) -> list[dict]:
    """Each target with its figure and verdict: ``met`` None when not measured, False when its
    runs were not ``valid`` (documents failed, or the runs counted different words)."""
    t, lin, par, mem = (result[k] for k in ("throughput", "linearity", "parallel", "memory"))
    out = [{"key": "model_ratio", "figure": "default analysis / en_core_web_sm, words/s",
            "value": t["rows"]["model"]["ratio"], "goal": f">= {TARGETS['model_ratio']}", "valid": t["valid"],
            "met": t["met"]},
           {"key": "linearity", "figure": f"analyze (default), time 4N / N paragraphs (N={lin['paragraphs']})",
            "value": lin["model"]["ratio"], "goal": f"< {TARGETS['linearity']}", "valid": lin["valid"],
            "met": lin["met"]},
           {"key": "speedup", "figure": f"default analysis, {par['n_process']} processes / 1 (incl. start-up)",
            "value": par["speedup"], "goal": f">= {TARGETS['speedup']}", "valid": par["valid"], "met": par["met"]}]
    sizes = " / ".join(f"{r['docs']:,}" for r in mem["runs"][::-1]) if mem["measured"] else "10k / 1k"
    valid = mem["measured"] and all(r["failed"] == 0 and r["words"] > 0 for r in mem["runs"])
    out.append({"key": "memory_ratio", "figure": f"peak RSS {sizes} docs (sentiment none)", "value": mem.get("ratio"),
                "goal": f"<= {TARGETS['memory_ratio']}", "valid": valid, "met": mem.get("met")})
    for x in out:
        if x["met"] is not None:
            x["met"] = x["met"] and x["valid"]
    return out


def _verdict(target: dict) -> str:
    if target["met"] is None:
        return "not measured (--memory)"
    if not target["valid"]:
        return "missed: invalid, documents failed (see the JSON's errors)"
    return "met" if target["met"] else "missed"


def _failures(result: dict) -> list[str]:
    """A warning line per run in which documents failed (the figures then compare unequal work)."""
    runs = [(r["run"], r) for key, r in result["throughput"]["rows"].items() if key in SENTIMENTS]
    runs.append((f"{result['parallel']['n_process']} processes", result["parallel"]))
    runs += [(f"memory, {r['docs']:,} docs", r) for r in result["memory"].get("runs", [])]
    lines = [f"WARNING: {name}: {r['failed']:,} documents failed {r.get('errors', '')}" for name, r in runs
             if r["failed"]]
    lin = result["linearity"]
    lines += [f"WARNING: linearity, {k} {n}: {lin[k][f'error_{n}']}" for k in ("none", "model") for n in ("N", "4N")
              if lin[k][f"error_{n}"]]
    return lines


def _runs_table(result: dict) -> list[str]:
    t, par = result["throughput"], result["parallel"]
    lines = [f"{t['docs']:,} documents, {t['words']:,} words, batch size {result['settings']['batch_size']}, "
             f"{t['rounds']} rounds", "",
             "| run | words/s | ratio to en_core_web_sm | CPU-time ratio |", "|---|---:|---:|---:|"]
    lines += [f"| {r['run']} | {r['words_per_s']:,.0f} | {r['ratio']:.2f} | {r['cpu_ratio']:.2f} |"
              for r in t["rows"].values()]
    return lines + [f"| analyze, sentiment model, {par['n_process']} processes (incl. start-up) | "
                    f"{par['words_per_s']:,.0f} | {par['ratio_to_spacy']:.2f} | - |"]


def _targets_table(result: dict) -> list[str]:
    lines = ["| target | value | goal | result |", "|---|---:|---:|---|"]
    return lines + [f"| {x['figure']} | {'-' if x['value'] is None else format(x['value'], '.2f')} | {x['goal']} | "
                    f"{_verdict(x)} |" for x in result["targets"]]


_STARTED = {"fork": "forked, using the loaded resources", "spawn": "spawned, each loading the resources"}


def _notes(result: dict) -> list[str]:
    lin, par, mem, m = (result[k] for k in ("linearity", "parallel", "memory", "machine"))
    start = par["worker_startup"]["seconds"]
    lines = [f"linearity: N = {lin['paragraphs']} paragraphs, {lin['chars']['N']:,} / {lin['chars']['4N']:,} "
             f"characters; median CPU time of {lin['repeats']} runs, 4N / N: " + ", ".join(
                 f"{k} {lin[k]['seconds_4N']:.1f} s / {lin[k]['seconds_N']:.1f} s = {lin[k]['ratio']:.2f}"
                 for k in ("spacy", "none", "model")),
             f"{par['n_process']} processes: {par['seconds_n']:.1f} s against {par['seconds_1']:.1f} s; workers "
             + _STARTED.get(par.get("start_method"), "-") + f"; a worker that loads the resources itself starts "
             f"in {start:.1f} s",
             "peak RSS per worker: " + (", ".join(f"{mb:,.0f} MB" for mb in par["worker_peak_rss_mb"]) or "-")
             + f" ({par['memory_tool']})"]
    if mem["measured"]:
        lines.append("peak RSS (sentiment none): " + ", ".join(
            f"{r['docs']:,} docs {r['peak_rss_mb']:,.0f} MB (self {r['self_mb']:,.0f} + worker "
            f"{r['largest_worker_mb']:,.0f})" for r in mem["runs"]))
    return lines + _failures(result) + [
        f"load average {m['load_start']} at the start, {m['load_end']} at the end; {m['cpus']} CPUs; "
        f"torch threads {m.get('torch_threads', '-')}; {result['seconds']:,.0f} s in all"]


def table(result: dict) -> str:
    """The printed report: the runs' words/s and ratios, the targets with their verdicts, notes."""
    return "\n".join(_runs_table(result) + [""] + _targets_table(result) + [""] + _notes(result))


# -- the command -------------------------------------------------------------------------------
def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--docs", type=int, default=FULL["docs"], help=f"documents of the sample (default {FULL['docs']})")
    p.add_argument("--rounds", type=int, default=FULL["rounds"], help="slices the rows alternate over")
    p.add_argument("--linear-chars", type=int, default=FULL["linear_chars"],
                   help="characters of the N-paragraph document (the 4N one has four times as many)")
    p.add_argument("--linear-repeats", type=int, default=FULL["linear_repeats"],
                   help="timings of each size in the linearity part (their median CPU time counts)")
    p.add_argument("--memory", action="store_true", help="also measure peak memory at --memory-docs sizes")
    p.add_argument("--memory-docs", default=",".join(map(str, FULL["memory_docs"])), help="default 1000,10000")
    p.add_argument("--quick", action="store_true", help="a smoke run of every part on tiny inputs (batch size 4)")
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--n-process", type=int, default=2, help="processes of the parallel runs (default 2)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--profile", type=int, default=0, metavar="N", help="also cProfile the default analysis of N docs")
    p.add_argument("--out", default=None, help="the JSON file (default outputs/bench.json)")
    p.add_argument("--child-rss", type=int, default=0, help=argparse.SUPPRESS)
    p.add_argument("--child-startup", default="", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.quick:  # batches of 4, so that the parallel run gives each worker some
        args.docs, args.rounds, args.linear_chars, args.batch_size = (QUICK["docs"], QUICK["rounds"],
                                                                      QUICK["linear_chars"], QUICK["batch_size"])
        args.linear_repeats = QUICK["linear_repeats"]
        args.memory, args.memory_docs = True, ",".join(map(str, QUICK["memory_docs"]))
    return args


def _machine() -> dict:
    return {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
            "load_start": _load()}


def _part(result: dict, name: str, fn: Callable) -> None:
    """``result[name] = fn()``, with the part's wall seconds in it."""
    t0 = time.perf_counter()
    result[name] = fn()
    result[name]["part_seconds"] = round(time.perf_counter() - t0, 1)


def run(args: argparse.Namespace) -> dict:
    """Every part, in an order that keeps the figures clean: the memory subprocesses first (this
    process still small), then throughput, linearity and the parallel run."""
    t0 = time.perf_counter()
    sizes = sorted(int(x) for x in args.memory_docs.split(","))
    result = {"machine": _machine(),
              "settings": {"docs": args.docs, "rounds": args.rounds, "batch_size": args.batch_size,
                           "n_process": args.n_process, "seed": args.seed, "linear_chars": args.linear_chars,
                           "linear_repeats": args.linear_repeats,
                           "memory_docs": sizes if args.memory else None, "catalog": list(CATALOG),
                           "format": "csv", "quick": args.quick}}
    if args.memory:
        _say(f"peak memory at {', '.join(f'{n:,}' for n in sizes)} documents (fresh processes) ...")
        _part(result, "memory", lambda: memory(sizes, args.seed, args.batch_size, args.n_process))
    else:
        result["memory"] = {"measured": False}
    articles = source_articles()
    docs = list(sample_documents(args.docs, args.seed, articles))
    _say(f"throughput of {len(RUNS)} runs on {args.docs:,} documents in {args.rounds} rounds ...")
    _part(result, "throughput", lambda: throughput(docs, args.rounds, args.batch_size))
    _say(f"linearity: N and 4N paragraphs (N about {args.linear_chars:,} characters) ...")
    paragraphs = real_paragraphs(articles, args.linear_chars, args.seed)
    _part(result, "linearity", lambda: linearity(paragraphs, args.batch_size, args.linear_repeats))
    _say(f"default analysis on {args.n_process} processes ...")
    _part(result, "parallel", lambda: parallel(docs, args.batch_size, args.n_process, result["throughput"]))
    if args.profile:
        out = Path(args.out).with_name("bench_profile.txt")
        _part(result, "profile", lambda: profile(docs[:args.profile], args.batch_size, out))
    if "torch" in sys.modules:
        result["machine"]["torch_threads"] = sys.modules["torch"].get_num_threads()
    result["machine"]["load_end"] = _load()
    result["targets"] = targets(result)
    result["targets_met"] = all(x["met"] for x in result["targets"] if x["met"] is not None)
    result["seconds"] = round(time.perf_counter() - t0, 1)
    return result


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.child_rss or args.child_startup:
        print(json.dumps(child_rss(args.child_rss, args.seed, args.batch_size, args.n_process) if args.child_rss
                         else child_startup(args.child_startup)))
        return 0
    from helpers.paths import OUTPUTS_DIR

    args.out = args.out or str(OUTPUTS_DIR / "bench.json")
    result = run(args)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(table(result))
    print(f"written: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
