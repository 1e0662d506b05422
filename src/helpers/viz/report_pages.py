"""What the pages of the HTML report (:mod:`helpers.viz.report`) are made of: the
Content-Security-Policy, nbconvert's ``lab`` template stripped of everything that loads from the
network or runs a script, the navigation bar and footer of a notebook page, and the contents page.

Every text that comes from a notebook (titles, intros, file names) is HTML-escaped here; the
intros' Markdown is rendered with raw HTML escaped and unsafe links neutralised.
"""

from __future__ import annotations

import html
from pathlib import Path

from helpers.paths import display_path

__all__ = ["CSP", "TEMPLATE", "heading", "page_nav", "page_footer", "index_entry", "index_page"]

# Images only from data: URIs, inline styles (the lab CSS, displaCy's colours), nothing else: no
# script, no fetch, no external font or frame, no form target, no <base> rewrite.
CSP = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:; "
       "base-uri 'none'; form-action 'none'")

_CSP_META = f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'

# nbconvert's lab template, minus everything that would load from the network or run a script,
# plus the CSP and a navigation bar. Kept here (not as package data) so an installed copy needs
# no extra files.
TEMPLATE = """{%- extends 'index.html.j2' -%}
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


def heading(nb, fallback: str) -> tuple[str, str]:
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


def page_nav(stems: list[str], titles: list[str], k: int) -> str:
    """The navigation bar of page ``k``: the contents page, the previous and the next notebook."""
    nav = ['<nav class="report-nav"><a href="index.html">Contents</a>']
    if k > 0:
        nav.append(f'<a href="{html.escape(stems[k - 1])}.html">&larr; {html.escape(titles[k - 1])}</a>')
    if k + 1 < len(stems):
        nav.append(f'<a href="{html.escape(stems[k + 1])}.html">{html.escape(titles[k + 1])} &rarr;</a>')
    nav.append("</nav>")
    return "".join(nav)


def page_footer(path: Path) -> str:
    """The footer of a notebook's page: which file it was rendered from."""
    return (f'<footer class="report-source">Rendered from <code>{html.escape(display_path(path))}</code> '
            "with its stored outputs.</footer>")


def index_entry(path: Path, title: str, intro: str, nb) -> str:
    """The contents page's section for one notebook: linked title, intro, what it shows, its file."""
    figures, tables = _counts(nb)
    return (
        f'<section>\n<h2><a href="{html.escape(path.stem)}.html">{html.escape(title)}</a></h2>\n'
        f'{_markdown(intro)}'
        f'<p class="meta">{_plural(figures, "figure")}, {_plural(tables, "table")} &middot; '
        f'<code>{html.escape(display_path(path))}</code></p>\n</section>'
    )


def index_page(title: str, entries: list[str]) -> str:
    """The contents page: ``title`` and one section per notebook (:func:`index_entry`), in order."""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n" + _CSP_META + "\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1.0">\n'
        f"<title>{html.escape(title)}</title>\n<style>{_INDEX_CSS}</style>\n</head>\n<body>\n"
        f"<h1>{html.escape(title)}</h1>\n"
        f'<p class="lead">{_plural(len(entries), "notebook")}, in reading order, rendered with their stored '
        "outputs. Each page is self-contained: figures are embedded, nothing loads from the network.</p>\n"
        + "\n".join(entries) + "\n</body>\n</html>\n"
    )
