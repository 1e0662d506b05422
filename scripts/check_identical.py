"""Do two versions of the project write the same tables? A refactor proves itself here.

Runs ``python -m helpers analyze`` (the command line, whose interface does not change between
versions) on the seed article and the 480 vendored development articles (239 FA-KES, 241
Wikinews), once with the working tree and once with a git revision checked out beside it, then
compares every table byte for byte::

    python scripts/check_identical.py --ref HEAD~3          # before/after a change
    python scripts/check_identical.py --ref main --quick    # seed + 40 articles, rules sentiment

Both runs use this environment's Python and packages; only the project's code and data differ.

``--notebooks`` instead compares the stored outputs of the tracked notebooks (re-executed with
``make notebooks``) with those at ``--ref``, output by output in order, whatever the code cells
now say: the same text, tables and figures, or the first difference of each notebook::

    make notebooks && python scripts/check_identical.py --notebooks --ref main
Exit status 0 when every table is identical, 1 otherwise (the first differing lines are shown).
"""

from __future__ import annotations

import argparse
import csv
import difflib
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_9d0e07e770ca8079.txt"
FAKES = ROOT / "data" / "external" / "fakes_syria" / "dev.csv"
WIKINEWS = ROOT / "data" / "external" / "wikinews" / "articles.csv"


def corpus_rows(limit: int | None) -> list[dict]:
    """The vendored articles with the ids the notebooks use (``fakes_<unit_id>[-2]``, ``wikinews_NNN``)."""
    rows, seen = [], {}
    with open(FAKES, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            seen[r["unit_id"]] = seen.get(r["unit_id"], 0) + 1
            suffix = f"-{seen[r['unit_id']]}" if seen[r["unit_id"]] > 1 else ""
            rows.append({"id": f"fakes_{r['unit_id']}{suffix}", "text": r["article_content"]})
    with open(WIKINEWS, encoding="utf-8", newline="") as fh:
        for i, r in enumerate(csv.DictReader(fh)):
            rows.append({"id": f"wikinews_{i:03d}", "text": r["text"]})
    return rows[: limit // 2] + rows[-(limit - limit // 2):] if limit else rows


def run(src_root: Path, corpus: Path, seed: Path, out: Path, args: argparse.Namespace) -> None:
    env = dict(os.environ, PYTHONPATH=str(src_root / "src"), HELPERS_PROJECT_ROOT=str(src_root),
               PYTHONHASHSEED=os.environ.get("PYTHONHASHSEED", "random"))
    cmd = [sys.executable, "-m", "helpers", "analyze", str(corpus), str(seed), "--out", str(out), "--quiet",
           "--n-process", str(args.n_process)]
    if args.quick:
        cmd += ["--no-sentiment"]
    print(f"$ (cd {src_root}) {' '.join(cmd[1:])}", file=sys.stderr)
    subprocess.run(cmd, cwd=src_root, env=env, check=True)


def compare(a: Path, b: Path) -> bool:
    same = True
    names = sorted({p.name for p in a.iterdir()} | {p.name for p in b.iterdir()})
    for name in names:
        pa, pb = a / name, b / name
        if not (pa.is_file() and pb.is_file()):
            print(f"{name:24s} only in {'reference' if pa.exists() else 'working tree'}")
            same = False
            continue
        da, db = pa.read_bytes(), pb.read_bytes()
        rows = da.count(b"\n")
        ok = da == db
        same &= ok
        print(f"{name:24s} {rows:7d} lines  sha256 {hashlib.sha256(db).hexdigest()[:16]}  "
              f"{'identical' if ok else 'DIFFERENT'}")
        if not ok:
            diff = difflib.unified_diff(da.decode(errors="replace").splitlines(),
                                        db.decode(errors="replace").splitlines(), "reference", "working tree",
                                        lineterm="", n=0)
            for line in list(diff)[:12]:
                print("    " + line[:200])
    return same


def notebook_outputs(nb: dict) -> list[str]:
    """Every output of every code cell, in order, as comparable text (figures by their bytes' hash)."""
    out = []
    for cell in nb["cells"]:
        for o in cell.get("outputs", []) if cell["cell_type"] == "code" else []:
            if o.get("output_type") == "stream":
                out.append(f"{o['name']}: " + "".join(o["text"]))
                continue
            for mime, value in sorted(o.get("data", {}).items()):
                text = "".join(value) if isinstance(value, list) else str(value)
                if mime.startswith("image/"):
                    text = hashlib.sha256(text.encode()).hexdigest()
                out.append(f"{mime}: {text}")
    return out


def compare_notebooks(ref: str) -> bool:
    same = True
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb")):
        rel = path.relative_to(ROOT).as_posix()
        shown = subprocess.run(["git", "show", f"{ref}:{rel}"], cwd=ROOT, capture_output=True, text=True)
        if shown.returncode:
            print(f"{rel:40s} not at {ref}")
            continue
        a, b = notebook_outputs(json.loads(shown.stdout)), notebook_outputs(json.loads(path.read_text("utf-8")))
        ok = a == b
        same &= ok
        print(f"{rel:40s} {len(b):4d} outputs  {'identical' if ok else 'DIFFERENT'}")
        if not ok:
            k = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
            for line in list(difflib.unified_diff((a[k:k + 1] or [""])[0].splitlines(),
                                                  (b[k:k + 1] or [""])[0].splitlines(), "reference", "working tree",
                                                  lineterm="", n=0))[:12]:
                print("    " + line[:200])
    return same


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--ref", default="HEAD", help="git revision to compare the working tree against (e.g. main, HEAD~1)")
    p.add_argument("--quick", action="store_true", help="40 articles and the seed, without sentiment (a minute)")
    p.add_argument("--n-process", type=int, default=2, help="worker processes for each run (default 2)")
    p.add_argument("--keep", metavar="DIR", help="keep both runs' tables in DIR/reference and DIR/working")
    p.add_argument("--reference-tables", metavar="DIR", help="tables of an earlier --keep run of the reference "
                   "(DIR/reference), instead of running --ref again")
    p.add_argument("--notebooks", action="store_true", help="compare the notebooks' stored outputs with --ref's")
    args = p.parse_args(argv)
    if args.notebooks:
        same = compare_notebooks(args.ref)
        print("every notebook output identical" if same else "notebook outputs differ", file=sys.stderr)
        return 0 if same else 1
    with tempfile.TemporaryDirectory(prefix="identical-") as tmp:
        tmp = Path(args.keep) if args.keep else Path(tmp)
        tmp.mkdir(parents=True, exist_ok=True)
        corpus, seed = tmp / "corpus.jsonl", tmp / SEED.name  # the same paths for both runs
        seed.write_bytes(SEED.read_bytes())
        with open(corpus, "w", encoding="utf-8") as fh:
            for row in corpus_rows(40 if args.quick else None):
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        reference = Path(args.reference_tables) if args.reference_tables else tmp / "reference"
        if not args.reference_tables:
            ref = tmp / "ref-tree"
            subprocess.run(["git", "worktree", "add", "--detach", "--force", str(ref), args.ref], cwd=ROOT,
                           check=True, stdout=subprocess.DEVNULL)
            try:
                run(ref, corpus, seed, reference, args)
            finally:
                subprocess.run(["git", "worktree", "remove", "--force", str(ref)], cwd=ROOT, check=False)
        if (tmp / "working").exists():
            shutil.rmtree(tmp / "working")
        run(ROOT, corpus, seed, tmp / "working", args)
        same = compare(reference, tmp / "working")
    print("every table identical" if same else "tables differ", file=sys.stderr)
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
