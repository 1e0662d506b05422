"""`make run`: the analysis notebooks executed with papermill, several at a time.

Each notebook stands alone (its own kernel, reading only the project's files), so the runs below
share nothing but the machine: ``--jobs`` of them run at once, the longest first, and each prints
its seconds when it ends. The accuracy figures (notebook 06) are `make eval`'s, not this command's;
notebooks 02 and 03 therefore run without their gold-standard evaluations::

    python scripts/run_notebooks.py --out outputs/notebooks --jobs 2

Exit status 1 when any notebook fails (the others still run); the failing notebook's executed copy
shows the cell and the error.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"

#: (notebook, executed copy's name, papermill parameters), longest first. Notebook 05 analyses the
#: vendored corpus (480 articles) with the rule sentiment, on one worker process: the other job
#: slot runs the seed notebooks meanwhile. 02 also runs on a non-Syrian Wikinews article.
RUNS: tuple[tuple[str, str, dict], ...] = (
    ("05-corpus-comparison.ipynb", "05-corpus-comparison.ipynb", {"n_process": 1}),
    ("02-entity-frequency.ipynb", "02-entity-frequency.ipynb", {"gold_path": ""}),
    ("02-entity-frequency.ipynb", "02-entity-frequency-wikinews_100.ipynb",
     {"gold_path": "", "wikinews_id": "wikinews_100", "output_dir": "outputs/02-entity-frequency-wikinews_100"}),
    ("03-blame-attribution.ipynb", "03-blame-attribution.ipynb", {"run_evaluation": False}),
    ("04-sentiment-charts.ipynb", "04-sentiment-charts.ipynb", {}),
    ("01-text-cleaning.ipynb", "01-text-cleaning.ipynb", {}),
)


def execute(notebook: str, copy: Path, parameters: dict) -> tuple[str, float, str]:
    """Run one notebook in its own papermill process; (its copy's name, seconds, the error or "")."""
    cmd = [sys.executable, "-m", "papermill", "--cwd", str(NOTEBOOKS), "--kernel", "python3", "--log-level", "WARNING",
           "--no-progress-bar", str(NOTEBOOKS / notebook), str(copy)]
    for name, value in parameters.items():
        cmd += ["-p", name, str(value)]
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True)
    error = "" if done.returncode == 0 else (done.stderr.strip().splitlines() or ["papermill failed"])[-1]
    return copy.name, time.perf_counter() - start, error


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--out", type=Path, required=True, help="folder of the executed copies")
    p.add_argument("--jobs", type=int, required=True, help="notebooks run at once")
    args = p.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    start, failed = time.perf_counter(), []
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = [pool.submit(execute, nb, args.out / copy, params) for nb, copy, params in RUNS]
        for future in as_completed(futures):
            name, seconds, error = future.result()
            print(f"== {name}: {seconds:.0f} s{'  FAILED ' + error if error else ''}", flush=True)
            if error:
                failed.append(name)
    print(f"{len(RUNS)} notebooks in {time.perf_counter() - start:.0f} s on {args.jobs} job slots; "
          f"executed copies in {args.out}/, tables and figures in outputs/", flush=True)
    if failed:
        print(f"failed: {', '.join(failed)} (open the executed copies to see the cell)", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
