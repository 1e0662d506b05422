"""Writing and reading the analysis tables (CSV or Parquet), atomically.

:class:`TableWriter` appends the tables batch by batch into a hidden temporary folder and moves
each finished table into place only when the run completes, so an interrupted run never leaves a
half-written table; :func:`write_tables` does the same for in-memory tables and
:func:`read_tables` reads them back. Every table has the columns and types of
:mod:`helpers.schema`, the same in CSV and in Parquet.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd

from helpers.corpus.readers import InputError
from helpers.schema import DTYPES, TABLES, arrow_schema, coerce

__all__ = ["TableWriter", "write_tables", "read_tables"]


class TableWriter:
    """Writes the tables batch by batch into a hidden temporary folder inside ``out_dir`` and
    moves each finished table into place (``os.replace``) only when the run completes, so an
    interrupted run leaves the previous results (or nothing), never a half-written table.
    Tables of the other format left by an earlier run are removed, so a folder holds one run."""

    def __init__(self, out_dir: str | Path, fmt: str = "csv"):
        import tempfile

        if fmt not in ("csv", "parquet"):
            raise InputError(f"unknown format {fmt!r}: use csv or parquet.")
        self.out, self.fmt = Path(out_dir), fmt
        try:
            self.out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(f"{self.out}: cannot create the output folder ({exc.strerror}). "
                             "Choose another --out.") from exc
        for stale in self.out.glob(".analyze-*.tmp"):  # left by a run that was killed (not one still running)
            if not _alive(stale.name.split("-")[1]):
                shutil.rmtree(stale, ignore_errors=True)
        self.tmp = Path(tempfile.mkdtemp(prefix=f".analyze-{os.getpid()}-", suffix=".tmp", dir=self.out))
        self._writers: dict = {}
        self.rows = {name: 0 for name in TABLES}

    def _path(self, name: str, folder: Path | None = None) -> Path:
        return (folder or self.tmp) / f"{name}.{self.fmt}"

    def write(self, tables: dict[str, pd.DataFrame]) -> None:
        for name in TABLES:
            df = coerce(tables.get(name, pd.DataFrame()), name)
            if self.fmt == "csv":
                if name not in self._writers or len(df):
                    df.to_csv(self._path(name), mode="a" if name in self._writers else "w",
                              header=name not in self._writers, index=False, lineterminator="\n")
                self._writers[name] = True
            else:
                import pyarrow as pa
                import pyarrow.parquet as pq

                if name not in self._writers:
                    self._writers[name] = pq.ParquetWriter(self._path(name), arrow_schema(name))
                if len(df):
                    self._writers[name].write_table(pa.Table.from_pandas(df, schema=arrow_schema(name),
                                                                         preserve_index=False))
            self.rows[name] += len(df)

    def close(self) -> dict[str, Path]:
        """Finish every table and move it into ``out_dir``; return their paths."""
        self.write({})  # every table exists, even if empty
        self._finish_writers()
        paths = {}
        for name in TABLES:
            final = self._path(name, self.out)
            os.replace(self._path(name), final)
            paths[name] = final
            other = self.out / f"{name}.{'parquet' if self.fmt == 'csv' else 'csv'}"
            other.unlink(missing_ok=True)
        shutil.rmtree(self.tmp, ignore_errors=True)
        return paths

    def abort(self) -> None:
        self._finish_writers()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def _finish_writers(self) -> None:
        for w in self._writers.values():
            if w is not True:
                w.close()
        self._writers = {k: True for k in self._writers}

    def __enter__(self) -> "TableWriter":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:
            self.abort()


def _alive(pid: str) -> bool:
    try:
        os.kill(int(pid), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:
        return True
    return True


def write_tables(tables: dict[str, pd.DataFrame], out_dir: str | Path, fmt: str = "csv") -> dict[str, Path]:
    """Write in-memory tables (as :func:`helpers.corpus.analyze` returns them) to ``out_dir`` atomically."""
    with TableWriter(out_dir, fmt) as writer:
        writer.write(tables)
        return writer.close()


def read_tables(out_dir: str | Path) -> dict[str, pd.DataFrame]:
    """The tables an analysis wrote to ``out_dir`` (CSV or Parquet), with their column types."""
    out = Path(out_dir)
    tables = {}
    for name in TABLES:
        if (out / f"{name}.parquet").exists():
            tables[name] = coerce(pd.read_parquet(out / f"{name}.parquet"), name)
        elif (out / f"{name}.csv").exists():
            dtypes = {c: str for c, k in DTYPES[name].items() if k == "str"}
            na = {c: [""] for c, k in DTYPES[name].items() if k == "float"}
            tables[name] = coerce(pd.read_csv(out / f"{name}.csv", dtype=dtypes, keep_default_na=False, na_values=na),
                                  name)
        else:
            raise InputError(f"{out}: no {name}.csv or {name}.parquet; "
                             f"run `python -m helpers analyze ... --out {out}` first.")
    return tables
