"""Measure the corpus pipeline (helpers.corpus.analyze_to): its overhead over bare spaCy, its speed-up
on two processes and its memory as the corpus grows. Writes outputs/bench.json and prints a table.

    python scripts/bench.py                      # the full run (1k and 10k documents; about 30 minutes)
    python scripts/bench.py --docs 500,5000      # other corpus sizes
    python scripts/bench.py --quick              # a smoke run on 20 documents (about a minute)
    python scripts/bench.py --profile 200        # also cProfile one run on 200 documents

The corpus: the vendored FA-KES (239) and Wikinews (241) articles, sampled with replacement with a
fixed seed, each copy with its own id (``<doc_id>~<k>``); the 1k sample is the start of the 10k
one. Documents are streamed, never held in memory all at once.

1. Throughput, on the smallest size: words/s of ``analyze_to`` (CSV, one process, sentiment off,
   the pipeline loaded beforehand) against bare ``nlp.pipe`` of the same pipeline
   (``helpers.actors.actor_pipeline``, the ``syria`` pack), the same batch size and the same texts: the CLEAN
   texts, cleaned before the clock starts, so ``analyze_to``'s time includes cleaning. Words are
   ``analyze_to``'s ``n_words`` (tokens that are not punctuation or space), the same for both.
   Target: ratio >= 0.85. The with-sentiment throughput ("rules" and "model") is measured on a
   smaller sample, for information.
2. Speed-up of ``analyze_to`` with ``n_process=2`` over one process (target >= 1.6; the
   two-process run includes its workers' start-up, the one-process run had its pipeline loaded).
   For reference, bare ``nlp.pipe(n_process=2)`` over ``n_process=1``: the actor pipeline keeps
   mention data in ``Doc.user_data`` that spaCy cannot send between processes, so that reference
   uses a second copy of the same pipeline with a last component that empties ``user_data``.
3. Peak memory: ``analyze_to`` (``--n-process`` workers) at each size, each in a fresh
   subprocess, which reports its own peak RSS (VmHWM on Linux, else ``RUSAGE_SELF``; see
   :func:`child_rss`) and its largest worker's (``RUSAGE_CHILDREN``); their sum is the figure.
   Target: largest / smallest <= 1.2. Run first, while the bench's own process is small.

Exit status 0 whatever the figures (a measurement, not a test); ``targets_met`` in the JSON says
whether all three targets were met. Timings depend on the machine's load, recorded with them.
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
import time
from pathlib import Path
from typing import Iterator

TARGETS = {"throughput_ratio": 0.85, "speedup": 1.6, "memory_ratio": 1.2}
#: The catalog pack(s) every run uses.
CATALOG = ("syria",)


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


def _cpu() -> float:
    s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime


def _load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def _timed(fn) -> tuple[object, float, float]:
    """``fn()``'s result, wall seconds and CPU seconds (this process and its finished children)."""
    c0, t0 = _cpu(), time.perf_counter()
    result = fn()
    return result, time.perf_counter() - t0, _cpu() - c0


def _resources(sentiment: str = "none"):
    """The resources of the runs (loaded once per process and sentiment method)."""
    from helpers.resources import load_resources

    return load_resources(CATALOG, sentiment=sentiment)


def _analyze(n: int, seed: int, batch_size: int, n_process: int = 1, sentiment="none", articles=None):
    from helpers.corpus import analyze_to

    with tempfile.TemporaryDirectory() as out:
        return analyze_to(sample_documents(n, seed, articles), out, _resources(sentiment), n_process=n_process,
                          batch_size=batch_size)


def _user_data_dropped_pipeline():
    """A second copy of the actor pipeline whose last component empties ``Doc.user_data``, so
    spaCy's own multiprocessing can send the docs back (reference figure only)."""
    from spacy.language import Language

    from helpers.actors import load_catalog, new_actor_pipeline

    if "bench_drop_user_data" not in Language.factories:
        @Language.component("bench_drop_user_data")
        def _drop(doc):
            doc.user_data.clear()
            return doc

    nlp = new_actor_pipeline(load_catalog(CATALOG))  # not the cached instance analyze_to uses
    nlp.add_pipe("bench_drop_user_data", last=True)
    return nlp


def throughput(n: int, seed: int, batch_size: int, articles) -> dict:
    from helpers.text import clean

    nlp = _resources().nlp
    texts = [clean(d.text, doc_id=d.doc_id).text for d in sample_documents(n, seed, articles)]
    for _ in nlp.pipe(texts[:8], batch_size=batch_size):  # warm-up
        pass
    _analyze(min(n, 8), seed, batch_size, articles=articles)
    load = _load()
    _, bare_s, bare_cpu = _timed(lambda: sum(1 for _ in nlp.pipe(texts, batch_size=batch_size)))
    summary, ana_s, ana_cpu = _timed(lambda: _analyze(n, seed, batch_size, articles=articles))
    words = summary.words
    return {"docs": n, "words": words, "texts": "clean (cleaned before timing)", "load_before": load,
            "bare_seconds": round(bare_s, 2), "bare_cpu_seconds": round(bare_cpu, 2),
            "bare_words_per_s": round(words / bare_s, 1),
            "analyze_seconds": round(ana_s, 2), "analyze_cpu_seconds": round(ana_cpu, 2),
            "analyze_words_per_s": round(words / ana_s, 1),
            "ratio": round(bare_s / ana_s, 3), "cpu_ratio": round(bare_cpu / ana_cpu, 3),
            "target": TARGETS["throughput_ratio"], "met": bare_s / ana_s >= TARGETS["throughput_ratio"],
            "_texts": texts}


def speedup(n: int, seed: int, batch_size: int, n_process: int, one: dict, articles) -> dict:
    texts = one.pop("_texts")
    load = _load()
    summary, par_s, _ = _timed(lambda: _analyze(n, seed, batch_size, n_process=n_process, articles=articles))
    nlp2 = _user_data_dropped_pipeline()
    for _ in nlp2.pipe(texts[:8], batch_size=batch_size):
        pass
    _, bare1_s, _ = _timed(lambda: sum(1 for _ in nlp2.pipe(texts, batch_size=batch_size)))
    _, bare2_s, _ = _timed(lambda: sum(1 for _ in nlp2.pipe(texts, batch_size=batch_size, n_process=n_process)))
    value = one["analyze_seconds"] / par_s
    return {"docs": n, "n_process": n_process, "load_before": load,
            "analyze_1_seconds": one["analyze_seconds"], "analyze_n_seconds": round(par_s, 2),
            "analyze_n_words_per_s": round(summary.words / par_s, 1), "speedup": round(value, 3),
            "target": TARGETS["speedup"], "met": value >= TARGETS["speedup"],
            "bare_1_seconds": round(bare1_s, 2), "bare_n_seconds": round(bare2_s, 2),
            "bare_speedup": round(bare1_s / bare2_s, 3)}


def sentiment_throughput(n: int, seed: int, batch_size: int, articles) -> dict:
    out = {"docs": n}
    for mode in ("none", "rules", "model"):
        _analyze(min(n, 2), seed, batch_size, sentiment=mode, articles=articles)  # loads the models
        summary, secs, _ = _timed(lambda: _analyze(n, seed, batch_size, sentiment=mode, articles=articles))
        out[mode] = {"seconds": round(secs, 2), "words": summary.words, "words_per_s": round(summary.words / secs, 1)}
    return out


def _vm_hwm_mb() -> float | None:
    """This process's own peak RSS from /proc (Linux), or None."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


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
    own = _vm_hwm_mb() or maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * kb / 1024
    return {"docs": n, "n_process": n_process, "seconds": round(secs, 2), "words": summary.words,
            "failed": summary.failed, "self_mb": round(own, 1), "self_ru_maxrss_mb": round(maxrss, 1),
            "largest_worker_mb": round(workers, 1), "peak_rss_mb": round(own + workers, 1)}


def memory(sizes: list[int], seed: int, batch_size: int, n_process: int) -> dict:
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
    return {"runs": runs, "ratio": round(ratio, 3), "target": TARGETS["memory_ratio"],
            "met": ratio <= TARGETS["memory_ratio"]}


def profile(n: int, seed: int, batch_size: int, path: Path, articles) -> dict:
    """cProfile of one analyze_to run (one process, sentiment off); the top functions by own
    time and by cumulative time written to ``path``."""
    import cProfile
    import io
    import pstats

    _analyze(min(n, 8), seed, batch_size, articles=articles)  # loads the resources
    prof = cProfile.Profile()
    prof.enable()
    summary = _analyze(n, seed, batch_size, articles=articles)
    prof.disable()
    text = io.StringIO()
    stats = pstats.Stats(prof, stream=text)
    stats.sort_stats("tottime").print_stats(30)
    stats.sort_stats("cumulative").print_stats(60)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.getvalue(), encoding="utf-8")
    return {"docs": n, "words": summary.words, "path": str(path)}


def table(result: dict) -> str:
    t, s, m = result["throughput"], result["speedup"], result["memory"]
    rows = [("analyze_to / bare nlp.pipe, words/s", f"{t['ratio']:.3f}", f">= {t['target']}", t["met"]),
            (f"speed-up, analyze_to n_process={s['n_process']} over 1", f"{s['speedup']:.3f}", f">= {s['target']}",
             s["met"]),
            (f"peak RSS {m['runs'][-1]['docs']:,} / {m['runs'][0]['docs']:,} docs", f"{m['ratio']:.3f}",
             f"<= {m['target']}", m["met"])]
    lines = [f"{'figure':<44} {'value':>8} {'target':>8}  result"]
    lines += [f"{name:<44} {value:>8} {target:>8}  {'PASS' if ok else 'MISS'}" for name, value, target, ok in rows]
    info = [f"bare nlp.pipe {t['bare_words_per_s']:,.0f} words/s; analyze_to {t['analyze_words_per_s']:,.0f} words/s "
            f"({t['docs']:,} docs, {t['words']:,} words; CPU-time ratio {t['cpu_ratio']:.3f})",
            f"bare nlp.pipe n_process={s['n_process']} over 1: x{s['bare_speedup']:.2f} (reference)",
            "with sentiment ({} docs): ".format(result["sentiment"]["docs"]) + ", ".join(
                f"{mode} {result['sentiment'][mode]['words_per_s']:,.0f} words/s"
                for mode in ("none", "rules", "model")),
            "peak RSS: " + ", ".join(f"{r['docs']:,} docs {r['peak_rss_mb']:,.0f} MB (self {r['self_mb']:,.0f} + "
                                     f"worker {r['largest_worker_mb']:,.0f})" for r in m["runs"]),
            f"load average {result['machine']['load_before']} before, {result['machine']['load_after']} after; "
            f"{result['machine']['cpus']} CPUs"]
    return "\n".join(lines + [""] + info)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", default="1000,10000", help="corpus sizes, comma-separated (default 1000,10000)")
    parser.add_argument("--quick", action="store_true", help="a smoke run: 20 and 40 documents, sentiment on 4")
    parser.add_argument("--sentiment-docs", type=int, default=100, help="documents for the with-sentiment figures")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--n-process", type=int, default=2, help="processes of the parallel runs (default 2)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="also cProfile a run on N documents")
    parser.add_argument("--out", default=None, help="the JSON file (default outputs/bench.json)")
    parser.add_argument("--child-rss", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_rss:
        print(json.dumps(child_rss(args.child_rss, args.seed, args.batch_size, args.n_process)))
        return 0

    from helpers.paths import OUTPUTS_DIR

    sizes = [20, 40] if args.quick else sorted(int(x) for x in args.docs.split(","))
    n_sent = 4 if args.quick else args.sentiment_docs
    out = Path(args.out) if args.out else OUTPUTS_DIR / "bench.json"
    articles = source_articles()
    result = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "load_before": _load()},
              "settings": {"docs": sizes, "throughput_docs": sizes[0], "sentiment_docs": n_sent,
                           "batch_size": args.batch_size, "n_process": args.n_process, "seed": args.seed,
                           "sentiment": "none (throughput, speed-up, memory)", "format": "csv", "quick": args.quick}}
    # memory first: the subprocesses are started while this process is still small
    print(f"peak memory at {', '.join(f'{n:,}' for n in sizes)} documents (fresh processes) ...", file=sys.stderr,
          flush=True)
    memory_result = memory(sizes, args.seed, args.batch_size, args.n_process)
    print(f"throughput on {sizes[0]:,} documents ...", file=sys.stderr, flush=True)
    one = throughput(sizes[0], args.seed, args.batch_size, articles)
    print(f"speed-up with {args.n_process} processes ...", file=sys.stderr, flush=True)
    result["throughput"] = one  # its clean texts are popped by speedup(), which reuses them
    result["speedup"] = speedup(sizes[0], args.seed, args.batch_size, args.n_process, one, articles)
    print(f"with sentiment on {n_sent} documents ...", file=sys.stderr, flush=True)
    result["sentiment"] = sentiment_throughput(n_sent, args.seed, args.batch_size, articles)
    result["memory"] = memory_result
    if args.profile:
        result["profile"] = profile(args.profile, args.seed, args.batch_size, out.with_name("bench_profile.txt"),
                                    articles)
    result["machine"]["load_after"] = _load()
    result["targets_met"] = all(result[k]["met"] for k in ("throughput", "speedup", "memory"))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(table(result))
    print(f"written: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
