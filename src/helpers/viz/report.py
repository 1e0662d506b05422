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
  :mod:`helpers.viz.charts` and pandas (a ``<script>`` inside an article is shown as text);
- the same notebooks give byte-identical pages (no timestamps, no absolute paths).
"""

from __future__ import annotations

import argparse
import html
import sys
from pathlib import Path

from helpers.paths import OUTPUTS_DIR, PROJECT_ROOT, display_path

REPORT_DIR = OUTPUTS_DIR / "report"

# Images only from data: URIs, inline styles (the lab CSS, displaCy's colours), nothing else: no
# script, no fetch, no external font or frame, no form target, no <base> rewrite.
CSP = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:; "
       "base-uri 'none'; form-action 'none'")

_CSP_META = f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'

# nbconvert's lab template, minus everything that would load from the network or run a script,
# plus the CSP and a navigation bar. Kept here (not as package data) so an installed copy needs
# no extra files.
_TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head -%}
""" + _CSP_META + """
{{ super() }}
<style type="text/css">
.report-nav { font-family: var(--jp-ui-font-family, sans-serif); font-size: 13px; padding: 8px 16px;
  border-bottom: 1px solid #ddd; display: flex; gap: 1.5em; }
.report-nav a { color: #1a5fb4; text-decoration: none; }
.report-source { font-family: var(--jp-ui-font-family, sans-serif); font-size: 12px; color: #555;
  padding: 8px 16px; border-top: 1px solid #ddd; }
</style>
{%- endblock html_head -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block body_header -%}
{{ super() }}
{{ resources.report_nav }}
{%- endblock body_header -%}
{% block body_footer %}
{{ resources.report_footer }}
{{ super() }}
{% endblock body_footer %}
"""

_INDEX_CSS = """
body { font-family: -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; max-width: 52em;
  margin: 2em auto; padding: 0 1em; line-height: 1.5; color: #222; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
.lead { color: #555; margin-top: 0; }
section { border-top: 1px solid #ddd; padding: 0.6em 0; }
section h2 { font-size: 1.2em; margin: 0.4em 0; }
section h2 a { color: #1a5fb4; text-decoration: none; }
.meta { font-size: 0.85em; color: #666; }
blockquote { margin: 0 0 0.6em 0; padding-left: 0.8em; border-left: 3px solid #ccc; color: #444; }
code { background: #f4f4f4; padding: 0 0.2em; border-radius: 3px; font-size: 0.92em; }
"""


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


def _heading(nb, fallback: str) -> tuple[str, str]:
    """The notebook's title (its first H1) and intro (the rest of the first Markdown cell)."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        lines = cell.source.strip().splitlines()
        if lines and lines[0].startswith("# "):
            return lines[0][2:].strip(), "\n".join(lines[1:]).strip()
        return fallback, cell.source.strip()
    return fallback, ""


def _markdown(source: str) -> str:
    """Markdown to HTML with any raw HTML in it escaped and unsafe links neutralised."""
    import mistune  # nbconvert's own Markdown renderer (pinned in requirements.lock)

    return mistune.create_markdown(escape=True)(source)


def _counts(nb) -> tuple[int, int]:
    """(figures, tables) among the stored outputs."""
    figures = tables = 0
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            figures += "image/png" in data or "image/svg+xml" in data
            tables += "<table" in str(data.get("text/html", ""))
    return figures, tables


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def build_report(notebooks, out_dir: str | Path = REPORT_DIR, *, title: str = "news-blame-suite report",
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
    exporter = HTMLExporter(template_name="lab", extra_loaders=[DictLoader({"report.html.j2": _TEMPLATE})],
                            template_file="report.html.j2", exclude_input=not include_code,
                            exclude_input_prompt=not include_code, exclude_output_prompt=not include_code)
    headings = [_heading(nb, p.stem) for p, nb in zip(paths, nbs)]
    entries = []
    for k, (path, nb) in enumerate(zip(paths, nbs)):
        page_title, intro = headings[k]
        nav = ['<nav class="report-nav"><a href="index.html">Contents</a>']
        if k > 0:
            nav.append(f'<a href="{html.escape(stems[k - 1])}.html">&larr; {html.escape(headings[k - 1][0])}</a>')
        if k + 1 < len(paths):
            nav.append(f'<a href="{html.escape(stems[k + 1])}.html">{html.escape(headings[k + 1][0])} &rarr;</a>')
        nav.append("</nav>")
        footer = (f'<footer class="report-source">Rendered from <code>{html.escape(display_path(path))}</code> '
                  "with its stored outputs.</footer>")
        nb.metadata["title"] = page_title  # the <title>; the template escapes it
        body, _ = exporter.from_notebook_node(
            nb, resources={"metadata": {"name": path.stem}, "report_nav": "".join(nav), "report_footer": footer})
        (out / f"{path.stem}.html").write_text(body, encoding="utf-8")
        figures, tables = _counts(nb)
        entries.append(
            f'<section>\n<h2><a href="{html.escape(path.stem)}.html">{html.escape(page_title)}</a></h2>\n'
            f'{_markdown(intro)}'
            f'<p class="meta">{_plural(figures, "figure")}, {_plural(tables, "table")} &middot; '
            f'<code>{html.escape(display_path(path))}</code></p>\n</section>'
        )
    index = out / "index.html"
    index.write_text(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n" + _CSP_META + "\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1.0">\n'
        f"<title>{html.escape(title)}</title>\n<style>{_INDEX_CSS}</style>\n</head>\n<body>\n"
        f"<h1>{html.escape(title)}</h1>\n"
        f'<p class="lead">{_plural(len(paths), "notebook")}, in reading order, rendered with their stored '
        "outputs. Each page is self-contained: figures are embedded, nothing loads from the network.</p>\n"
        + "\n".join(entries) + "\n</body>\n</html>\n",
        encoding="utf-8",
    )
    return index


def default_notebooks() -> list[Path]:
    """The tracked notebooks, in order (``notebooks/NN-*.ipynb``)."""
    return sorted((PROJECT_ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m helpers.viz.report", description=__doc__.split("\n\n")[0])
    p.add_argument("notebooks", nargs="*", type=Path,
                   help="notebooks in reading order (default: the tracked notebooks/NN-*.ipynb)")
    p.add_argument("--out", type=Path, default=REPORT_DIR, help="output folder (default: outputs/report)")
    p.add_argument("--title", default="news-blame-suite report", help="title of the contents page")
    p.add_argument("--no-code", action="store_true", help="hide the code cells, keep prose and outputs")
    p.add_argument("--execute", action="store_true",
                   help="run each notebook in memory before rendering (default: render the stored outputs)")
    args = p.parse_args(argv)
    try:
        index = build_report(args.notebooks or default_notebooks(), args.out, title=args.title,
                             include_code=not args.no_code, execute=args.execute)
    except ReportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"report: {display_path(index)}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
