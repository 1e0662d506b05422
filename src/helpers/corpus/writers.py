"""Writing and reading the analysis tables (CSV or Parquet), atomically and resumably.

:class:`TableWriter` writes each batch's tables as one folder of parts inside ``out_dir``'s hidden
``.analyze-partial`` folder (a batch is complete once its folder is renamed into place) and, when
the run completes, joins the parts into one file per table and moves it into place, so an
interrupted run never leaves a half-written table. The partial folder keeps a description of the
run (inputs, resources, batch size, format): a run given ``resume=True`` with the same description
continues after the last complete batch, and the joined tables are byte for byte those of an
uninterrupted run. :func:`write_tables` writes in-memory tables and :func:`read_tables` reads them
back. Every table has the columns and types of :mod:`helpers.schema`, the same in CSV and Parquet.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pandas as pd

from helpers.corpus.readers import InputError
from helpers.schema import DTYPES, TABLES, arrow_schema, coerce

__all__ = ["TableWriter", "write_tables", "read_tables", "PARTIAL"]

#: The folder, inside the output folder, of a run that has not finished.
PARTIAL = ".analyze-partial"
_RUN, _LOCK = "run.json", "lock"


class TableWriter:
    """Writes the tables batch by batch into ``out_dir/.analyze-partial`` and joins them into
    ``out_dir`` when :meth:`close` is called; tables of the other format left by an earlier run
    are removed then, so a folder holds one run.

    ``run``: a JSON-serialisable description of the run. ``resume=True`` continues the unfinished
    run in ``out_dir`` if its description is ``run`` (:attr:`batches_done` batches are kept; the
    caller skips their documents), refuses if it differs, and starts afresh if there is none.
    Without ``resume`` an unfinished run is discarded (:attr:`discarded` says so). A run still
    writing into ``out_dir`` (another process) is refused.
    """

    def __init__(self, out_dir: str | Path, fmt: str, run: dict, resume: bool = False):
        if fmt not in ("csv", "parquet"):
            raise InputError(f"unknown format {fmt!r}: use csv or parquet.")
        self.out, self.fmt, self.run = Path(out_dir), fmt, json.loads(json.dumps(run, sort_keys=True))
        self.partial = self.out / PARTIAL
        try:
            self.out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(f"{self.out}: cannot create the output folder ({exc.strerror}). "
                             "Choose another --out.") from exc
        self.batches_done, self.discarded = 0, False
        if self.partial.exists():
            self._claim()
            if resume:
                self._check_same_run()
                self.batches_done = _complete_batches(self.partial)
            else:
                self.discarded = True
                shutil.rmtree(self.partial)
        if not self.partial.exists():
            self.partial.mkdir()
            _write_durably(self.partial / _RUN, json.dumps(self.run, indent=1, sort_keys=True))
        (self.partial / _LOCK).write_text(str(os.getpid()))
        self.rows = {name: 0 for name in TABLES}

    def _claim(self) -> None:
        """Refuse an output folder another live process is writing into."""
        try:
            pid = int((self.partial / _LOCK).read_text())
        except (OSError, ValueError):
            return
        if pid != os.getpid() and _alive(pid):
            raise InputError(f"{self.out}: another analysis (process {pid}) is writing into this folder; "
                             "wait for it or choose another --out.")

    def _check_same_run(self) -> None:
        try:
            before = json.loads((self.partial / _RUN).read_text())
        except (OSError, ValueError):
            before = {}
        if before != self.run:
            keys = sorted(k for k in set(before) | set(self.run) if before.get(k) != self.run.get(k))
            raise InputError(f"{self.out}: the unfinished run there differs from this one in "
                             f"{', '.join(keys) or 'its description'}; run without --resume to start afresh.")
        for stale in self.partial.glob("*.tmp"):  # a batch cut off in the middle
            shutil.rmtree(stale)

    def _batch(self, k: int) -> Path:
        return self.partial / f"{k:08d}"

    def write(self, tables: dict[str, pd.DataFrame]) -> None:
        """Write one batch's tables (complete once this returns)."""
        final = self._batch(self.batches_done)
        tmp = final.with_suffix(".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir()
        for name in TABLES:
            df = coerce(tables.get(name, pd.DataFrame()), name)
            if len(df):
                _write_part(df, name, tmp / f"{name}.{self.fmt}", self.fmt)
            self.rows[name] += len(df)
        _sync_folder(tmp)
        os.replace(tmp, final)
        _sync_folder(self.partial)
        self.batches_done += 1

    def close(self) -> dict[str, Path]:
        """Join every table's parts into ``out_dir`` (each moved into place whole); return their paths."""
        batches = [self._batch(k) for k in range(self.batches_done)]
        paths = {}
        for name in TABLES:
            final = self.out / f"{name}.{self.fmt}"
            joining = self.out / f".{name}.{self.fmt}.joining"
            _join(name, [b / f"{name}.{self.fmt}" for b in batches], joining, self.fmt)
            os.replace(joining, final)
            paths[name] = final
            (self.out / f"{name}.{'parquet' if self.fmt == 'csv' else 'csv'}").unlink(missing_ok=True)
        shutil.rmtree(self.partial, ignore_errors=True)
        return paths

    def __enter__(self) -> "TableWriter":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        """An interrupted run keeps its complete batches (for ``resume``) and releases the folder."""
        if exc_type is not None:
            (self.partial / _LOCK).unlink(missing_ok=True)


def _complete_batches(partial: Path) -> int:
    """How many consecutive batches, from the first, are complete."""
    k = 0
    while (partial / f"{k:08d}").is_dir():
        k += 1
    return k


def _write_part(df: pd.DataFrame, name: str, path: Path, fmt: str) -> None:
    if fmt == "csv":
        df.to_csv(path, header=False, index=False, lineterminator="\n")
    else:
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.Table.from_pandas(df, schema=arrow_schema(name), preserve_index=False), path)
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def _join(name: str, parts: list[Path], dest: Path, fmt: str) -> None:
    """One table from its batches' parts, in order (a batch without rows has no part)."""
    if fmt == "csv":
        with open(dest, "w", encoding="utf-8", newline="") as out:
            out.write(coerce(pd.DataFrame(), name).to_csv(index=False, lineterminator="\n"))
            for part in parts:
                if part.exists():
                    with open(part, encoding="utf-8", newline="") as fh:
                        shutil.copyfileobj(fh, out, 1 << 20)
        return
    import pyarrow.parquet as pq

    with pq.ParquetWriter(dest, arrow_schema(name)) as writer:
        for part in parts:
            if part.exists():
                writer.write_table(pq.read_table(part, schema=arrow_schema(name)))


def _write_durably(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())


def _sync_folder(path: Path) -> None:
    """Make a folder's entries (a rename into it) survive a machine restart."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def write_tables(tables: dict[str, pd.DataFrame], out_dir: str | Path, fmt: str = "csv") -> dict[str, Path]:
    """Write in-memory tables (as :func:`helpers.corpus.analyze` returns them) to ``out_dir`` atomically."""
    with TableWriter(out_dir, fmt, run={"tables": "in memory"}) as writer:
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
