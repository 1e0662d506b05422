"""The shareable HTML report: executed notebooks rendered as static pages plus a contents page.

``build_report(notebooks, out_dir)`` renders each notebook's *stored* outputs with nbconvert's
HTML exporter (the ``lab`` template, figures embedded as base64 PNG, tables as HTML) into
``<out_dir>/<notebook>.html`` and writes ``<out_dir>/index.html``, which links every page with
its title and intro. ``python -m helpers.viz.report [NOTEBOOK ...] [--out DIR]`` does the same from the
command line (``make report``); by default it renders the tracked notebooks into ``outputs/report``.

The pages are self-contained and safe to open from a mail attachment or a file share:

- no network resource: the template's require.js, MathJax and mermaid ``<script src=...>`` tags
  and the widget loader are dropped (the notebooks use neither maths nor widgets), CSS is inlined;
- a Content-Security-Policy ``<meta>`` on every page allows images only from ``data:`` URIs and
  no script at all, a second line of defence behind the escaping of document text by
  :mod:`helpers.viz.evidence` and pandas (a ``<script>`` inside an article is shown as text);
- the same notebooks give byte-identical pages (no timestamps, no absolute paths).

This module reads the notebooks, runs nbconvert and the command line; what the pages contain
(policy, template, navigation, contents page) is :mod:`helpers.viz.report_pages`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from helpers.paths import display_path
from helpers.viz.report_pages import CSP, TEMPLATE, heading, index_entry, index_page, page_footer, page_nav

__all__ = ["CSP", "ReportError", "build_report", "default_notebooks", "default_out_dir", "main"]


class ReportError(ValueError):
    """A notebook that cannot go into the report; the message names the file and what to do."""


def _read(path: Path):
    import nbformat

    if not path.is_file():
        raise ReportError(f"{path}: no such notebook. Pass .ipynb files (the default is notebooks/NN-*.ipynb).")
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception as exc:  # nbformat raises several types for broken JSON or schema
        raise ReportError(f"{path}: not a readable notebook ({type(exc).__name__}: {exc}).") from exc
    return nb


def _executed(nb) -> bool:
    code = [c for c in nb.cells if c.cell_type == "code"]
    return not code or any(c.get("execution_count") is not None or c.get("outputs") for c in code)


def build_report(notebooks, out_dir: str | Path, *, title: str = "news-blame-suite report",
                 include_code: bool = True, execute: bool = False, timeout: int = 1200) -> Path:
    """Render ``notebooks`` (paths, in reading order) into ``out_dir`` and return ``index.html``.

    The stored outputs are rendered as they are; with ``execute=True`` each notebook is first run
    top to bottom in memory (its folder as working directory, the file on disk untouched).
    ``include_code=False`` hides the code cells. Raises :class:`ReportError` for a missing or
    unreadable notebook, or one without stored outputs when ``execute`` is false.
    """
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    paths = [Path(p) for p in notebooks]
    if not paths:
        raise ReportError("no notebooks given: pass .ipynb files (the default is notebooks/NN-*.ipynb).")
    stems = [p.stem for p in paths]
    if len(set(stems)) != len(stems):
        raise ReportError("two notebooks have the same file name; each becomes <name>.html: rename one.")
    nbs = [_read(p) for p in paths]
    for path, nb in zip(paths, nbs):
        if execute:
            from nbconvert.preprocessors import ExecutePreprocessor

            ExecutePreprocessor(timeout=timeout, kernel_name="python3", record_timing=False).preprocess(
                nb, {"metadata": {"path": str(path.resolve().parent)}})
        elif not _executed(nb):
            raise ReportError(f"{path}: has no stored outputs. Run it first (`make run`, `make notebooks`) "
                              "or pass --execute.")

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    exporter = HTMLExporter(template_name="lab", extra_loaders=[DictLoader({"report.html.j2": TEMPLATE})],
                            template_file="report.html.j2", exclude_input=not include_code,
                            exclude_input_prompt=not include_code, exclude_output_prompt=not include_code)
    headings = [heading(nb, p.stem) for p, nb in zip(paths, nbs)]
    titles = [page_title for page_title, _ in headings]
    entries = []
    for k, (path, nb) in enumerate(zip(paths, nbs)):
        page_title, intro = headings[k]
        nb.metadata["title"] = page_title  # the <title>; the template escapes it
        body, _ = exporter.from_notebook_node(
            nb, resources={"metadata": {"name": path.stem}, "report_nav": page_nav(stems, titles, k),
                           "report_footer": page_footer(path)})
        (out / f"{path.stem}.html").write_text(body, encoding="utf-8")
        entries.append(index_entry(path, page_title, intro, nb))
    index = out / "index.html"
    index.write_text(index_page(title, entries), encoding="utf-8")
    return index


def default_notebooks() -> list[Path]:
    """The tracked notebooks, in order (``notebooks/NN-*.ipynb`` of the checkout)."""
    from helpers.paths import PROJECT_ROOT  # the checkout is looked for on first use, not at import

    return sorted((PROJECT_ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))


def default_out_dir() -> Path:
    """Where ``python -m helpers.viz.report`` writes without ``--out``: the checkout's ``outputs/report``."""
    from helpers.paths import OUTPUTS_DIR

    return OUTPUTS_DIR / "report"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m helpers.viz.report", description=__doc__.split("\n\n")[0])
    p.add_argument("notebooks", nargs="*", type=Path,
                   help="notebooks in reading order (default: the tracked notebooks/NN-*.ipynb)")
    p.add_argument("--out", type=Path, help="output folder (default: outputs/report)")
    p.add_argument("--title", default="news-blame-suite report", help="title of the contents page")
    p.add_argument("--no-code", action="store_true", help="hide the code cells, keep prose and outputs")
    p.add_argument("--execute", action="store_true",
                   help="run each notebook in memory before rendering (default: render the stored outputs)")
    args = p.parse_args(argv)
    try:
        out_dir = args.out if args.out is not None else default_out_dir()
        index = build_report(args.notebooks or default_notebooks(), out_dir, title=args.title,
                             include_code=not args.no_code, execute=args.execute)
    except ReportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"report: {display_path(index)}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
