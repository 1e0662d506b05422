"""The HTML report (`make report`, helpers.viz.report): self-contained pages whose figures load in a
real browser, and document text that cannot run as script.

The browser checks drive headless Chromium with ``--dump-dom`` (no selenium or playwright): a
small probe script, allowed by hash in a copy of the page's Content-Security-Policy, writes what it
sees (images decoded, document.title, ...) into the DOM, which the test parses. Without Chromium
those tests are skipped with the install command. They, and the tests of the executed hostile
notebook, are marked ``slow``.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest

from helpers.viz.report import CSP, ReportError, build_report, default_notebooks
from helpers.viz.report import main as report_main

#: End-to-end runs: `make test` runs them, `make test-fast` leaves them out (pyproject.toml).
pytestmark = pytest.mark.integration

CHROMIUM_HINT = "Chromium not installed: apt-get install chromium; CI installs it in .ci/run"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# An article that tries both classic injections, plus an entity that must survive a round trip.
SCRIPT = "<script>document.title='pwned'</script>"
IMG = "\"><img src=x onerror=\"document.title='pwned'\">"
AMP = "AT&amp;T"
HOSTILE_ARTICLE = (
    "Moscow blamed Washington for the attack on the aid convoy near Aleppo. " + SCRIPT + "\n\n"
    "The Kremlin said the U.S. " + IMG + " was responsible for the collapse of the ceasefire, "
    "according to " + AMP + " analysts.\n"
)


# --- Chromium -------------------------------------------------------------------------------

def find_chromium() -> str | None:
    """``$CHROMIUM`` if set (and only it), else /usr/bin/chromium, else chromium on PATH."""
    if "CHROMIUM" in os.environ:
        path = os.environ["CHROMIUM"]
        return path if Path(path).is_file() and os.access(path, os.X_OK) else None
    if Path("/usr/bin/chromium").is_file():
        return "/usr/bin/chromium"
    return shutil.which("chromium") or shutil.which("chromium-browser")


def require_chromium() -> str:
    path = find_chromium()
    if path is None:
        pytest.skip(CHROMIUM_HINT)
    return path


@pytest.fixture(scope="module")
def chromium(tmp_path_factory):
    binary = require_chromium()
    profile = tmp_path_factory.mktemp("chromium-profile")

    def dump_dom(page: Path) -> str:
        result = subprocess.run(
            [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--virtual-time-budget=5000",
             "--dump-dom", page.resolve().as_uri()],
            capture_output=True, text=True, timeout=90)
        assert result.returncode == 0 and "<html" in result.stdout, result.stderr[-2000:]
        return result.stdout

    return dump_dom


PROBE = """
window.addEventListener("load", function () {
  var imgs = Array.prototype.slice.call(document.images);
  var text = document.body.innerText;
  var r = {images: imgs.length,
           loaded: imgs.filter(function (i) { return i.complete && i.naturalWidth > 0; }).length,
           title: document.title,
           scripts: document.scripts.length,
           handlers: document.querySelectorAll("[onerror],[onload],[onclick],[onmouseover]").length,
           found: NEEDLES.map(function (n) { return text.indexOf(n) >= 0; })};
  var pre = document.createElement("pre");
  pre.id = "probe-result";
  pre.textContent = JSON.stringify(r);
  document.body.appendChild(pre);
});
"""


def probe(dump_dom, page: Path, needles=(), keep_csp: bool = True) -> dict:
    """Load a copy of ``page`` with the probe script added and return what the probe saw.

    ``keep_csp``: the page's policy stays in force with only the probe allowed (by its hash), so
    images must load under it; otherwise the policy is removed and the escaping alone protects.
    """
    script = PROBE.replace("NEEDLES", json.dumps(list(needles)).replace("</", "<\\/"))  # no "</script>" inside
    source = page.read_text(encoding="utf-8")
    assert source.count(CSP) == 1, f"{page.name}: no Content-Security-Policy"
    if keep_csp:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        allowed = CSP.replace("default-src 'none';", f"default-src 'none'; script-src 'sha256-{digest}';")
        source = source.replace(CSP, allowed)
    else:
        source = source.replace(CSP, "")
    assert source.count("</body>") == 1
    copy = page.with_name(f"probe-{page.name}")
    copy.write_text(source.replace("</body>", f"<script>{script}</script></body>"), encoding="utf-8")
    dom = dump_dom(copy)
    match = re.search(r'<pre id="probe-result">(.*?)</pre>', dom, re.S)
    assert match, f"the probe did not run in {copy.name}"
    return json.loads(html.unescape(match.group(1)))


def dumped_title(dom: str) -> str:
    return html.unescape(re.search(r"<title>(.*?)</title>", dom, re.S).group(1))


# --- the real report --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    return build_report(default_notebooks(), tmp_path_factory.mktemp("report"))


class _Parsed(HTMLParser):
    """Every start tag with its attributes, and the text as a browser would show it."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(source: str) -> _Parsed:
    parser = _Parsed()
    parser.feed(source)
    parser.close()
    return parser


def tags(source: str) -> list[tuple[str, dict]]:
    return parse(source).tags


def test_report_has_a_contents_page_linking_every_notebook(report):
    notebooks = default_notebooks()
    assert len(notebooks) >= 4
    index = report.read_text(encoding="utf-8")
    figures = tables = 0
    for nb_path in notebooks:
        nb = nbformat.read(nb_path, as_version=4)
        title = nb.cells[0].source.splitlines()[0].removeprefix("# ").strip()
        assert f'<a href="{nb_path.stem}.html">{html.escape(title)}</a>' in index
        page = (report.parent / f"{nb_path.stem}.html").read_text(encoding="utf-8")
        assert f"<title>{html.escape(title)}</title>" in page
        assert '<a href="index.html">Contents</a>' in page
        # every stored figure is embedded as a data: URI
        pngs = sum("image/png" in o.get("data", {}) for c in nb.cells for o in c.get("outputs", []))
        imgs = [a for t, a in tags(page) if t == "img"]
        assert len(imgs) == pngs, nb_path.name
        assert all(a["src"].startswith("data:image/png;base64,") for a in imgs)
        figures, tables = figures + pngs, tables + page.count("<table")
    assert figures > 0 and tables > 0


def test_report_loads_nothing_from_the_network_and_runs_no_script(report):
    for page in sorted(report.parent.glob("*.html")):
        source = page.read_text(encoding="utf-8")
        assert source.count(CSP) == 1, page.name
        for tag, attrs in tags(source):
            assert tag not in ("script", "iframe", "object", "embed", "base"), f"{page.name}: <{tag}>"
            for name in ("src", "href", "action", "data"):
                value = attrs.get(name) or ""
                assert not re.match(r"\s*(https?:|//|javascript:)", value, re.I), f"{page.name}: {tag} {name}={value}"


def test_report_is_reproducible(report, tmp_path):
    again = build_report(default_notebooks(), tmp_path)
    for page in sorted(report.parent.glob("*.html")):
        assert page.read_bytes() == (again.parent / page.name).read_bytes(), page.name


@pytest.mark.slow
def test_report_figures_load_in_chromium(chromium, report):
    images = 0
    for nb_path in default_notebooks():
        page = report.parent / f"{nb_path.stem}.html"
        seen = probe(chromium, page)  # the page's own policy in force, only the probe allowed
        assert seen["loaded"] == seen["images"], (page.name, seen)
        assert seen["scripts"] == 1, (page.name, seen)  # the probe itself
        images += seen["images"]
    assert images > 0


def test_bad_input_is_a_clear_error(tmp_path):
    with pytest.raises(ReportError, match="no such notebook"):
        build_report([tmp_path / "missing.ipynb"], tmp_path / "out")
    (tmp_path / "broken.ipynb").write_text("{not json", encoding="utf-8")
    with pytest.raises(ReportError, match="broken.ipynb: not a readable notebook"):
        build_report([tmp_path / "broken.ipynb"], tmp_path / "out")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# T"), nbformat.v4.new_code_cell("1 + 1")])
    nbformat.write(nb, tmp_path / "unrun.ipynb")
    with pytest.raises(ReportError, match="unrun.ipynb: has no stored outputs"):
        build_report([tmp_path / "unrun.ipynb"], tmp_path / "out")
    with pytest.raises(ReportError, match="no notebooks given"):
        build_report([], tmp_path / "out")


def test_cli_errors_are_one_line(tmp_path, capsys):
    assert report_main([str(tmp_path / "nope.ipynb"), "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {tmp_path / 'nope.ipynb'}: no such notebook. Pass .ipynb files")
    assert err.count("\n") == 1


def test_contents_page_escapes_titles_and_intros(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(
        f"# Title {SCRIPT}\n> subtitle {IMG}\n\nIntro [link](javascript:alert(1)) and `{AMP}`.")])
    nbformat.write(nb, tmp_path / "x.ipynb")
    index = build_report([tmp_path / "x.ipynb"], tmp_path / "out").read_text(encoding="utf-8")
    assert not [t for t, _ in tags(index) if t in ("script", "img")]
    assert not [a for _, attrs in tags(index) for a in attrs if a.startswith("on")]
    assert "javascript:" not in "".join(v or "" for _, attrs in tags(index) for v in attrs.values())
    text = "".join(parse(index).text)
    assert f"Title {SCRIPT}" in text and f"subtitle {IMG}" in text and AMP in text


# --- hostile input, analysed and rendered like the real notebooks ----------------------------

@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory) -> Path:
    """A notebook that analyses an article full of markup with the project's pipeline and shows
    it the ways the real notebooks do (evidence cards, displaCy, pandas tables, printed text,
    a chart), executed and rendered by :func:`build_report`."""
    work = tmp_path_factory.mktemp("hostile")
    article = work / "hostile.txt"
    article.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    cells = [
        nbformat.v4.new_markdown_cell("# Hostile input\n> An article with markup in it.\n\nRendered like the others."),
        nbformat.v4.new_code_cell(
            "import pandas as pd\n"
            "from IPython.display import HTML\n"
            "from helpers.viz import charts\n"
            "from helpers.blame import BLAME_LEXICON, Lexicon, blame_table\n"
            "from helpers.text import clean_file\n"
            "from helpers.actors import actor_pipeline, display_spans, load_catalog, mention_table, surface_frequency\n"
            "pd.set_option('display.max_colwidth', None)  # whole sentences in the tables"),
        nbformat.v4.new_code_cell(
            f"clean = clean_file({str(article)!r})\n"
            "catalog, lexicon = load_catalog(['syria']), Lexicon.load(BLAME_LEXICON)\n"
            "doc = actor_pipeline(catalog)(clean.text)\n"
            "blame = blame_table([(clean.doc_id, doc)], catalog, lexicon, clean_docs={clean.doc_id: clean})\n"
            "mentions = mention_table([(clean.doc_id, doc)], catalog)\n"
            "assert len(blame) and len(mentions)"),
        nbformat.v4.new_code_cell("HTML(charts.evidence_cards(blame))"),
        nbformat.v4.new_code_cell(
            "HTML(charts.entity_html(clean.text, display_spans(doc, 0, len(clean.text), catalog), title='catalog'))"),
        nbformat.v4.new_code_cell("blame[['blamer', 'blamed', 'cue', 'sentence']]"),
        nbformat.v4.new_code_cell("mentions[['text', 'label', 'actor']]"),
        nbformat.v4.new_code_cell("print(clean.text)"),
        nbformat.v4.new_code_cell("charts.actor_bars(surface_frequency(mentions), title='mentions');"),
    ]
    nbformat.write(nbformat.v4.new_notebook(cells=cells), work / "hostile.ipynb")
    build_report([work / "hostile.ipynb"], work / "report", execute=True, timeout=300)
    return work / "report" / "hostile.html"


@pytest.mark.slow
def test_hostile_text_is_escaped_in_the_html(hostile_page):
    parsed = parse(hostile_page.read_text(encoding="utf-8"))
    assert not [t for t, _ in parsed.tags if t == "script"]
    assert not [(t, a) for t, attrs in parsed.tags for a in attrs if a.lower().startswith("on")]
    assert [a["src"][:22] for t, a in parsed.tags if t == "img"] == ["data:image/png;base64,"]  # the chart only
    # shown as text in the evidence card, the displaCy rendering, the blame table and the print-out
    text = "".join(parsed.text)
    assert text.count(SCRIPT) == 4, text.count(SCRIPT)
    # the second paragraph is its own sentence (a paragraph break ends one) and blames nobody, so
    # its payload is shown by displaCy and the print-out only
    assert text.count(IMG.strip('"')) == 2 and AMP in text


@pytest.mark.slow
def test_hostile_text_does_not_run_in_chromium(chromium, hostile_page):
    # as shipped: the policy in force, no probe; an executed injection would have set the title
    dom = chromium(hostile_page)
    assert dumped_title(dom) == "Hostile input"
    assert html.escape(SCRIPT, quote=False) in dom
    # policy removed: the escaping alone keeps the markup inert and shows it as text
    seen = probe(chromium, hostile_page, needles=[SCRIPT, "onerror=\"document.title='pwned'\"", AMP], keep_csp=False)
    assert seen["title"] == "Hostile input", seen
    assert seen["scripts"] == 1 and seen["handlers"] == 0, seen
    assert seen["found"] == [True, True, True], seen
    assert seen["images"] == 1 and seen["loaded"] == 1, seen


@pytest.mark.slow
def test_the_policy_stops_a_script_that_got_through(chromium, hostile_page, tmp_path):
    """The second line of defence: markup that escaped the escaping does not run under the page's
    policy, and (the control) does run without it, so the harness would notice."""
    source = hostile_page.read_text(encoding="utf-8")
    leaked = source.replace("<main>", "<main>" + SCRIPT + "<img src=x onerror=\"document.title='pwned'\">", 1)
    with_policy, without = tmp_path / "with.html", tmp_path / "without.html"
    with_policy.write_text(leaked, encoding="utf-8")
    without.write_text(leaked.replace(CSP, ""), encoding="utf-8")
    assert dumped_title(chromium(with_policy)) == "Hostile input"
    assert dumped_title(chromium(without)) == "pwned"


def test_missing_chromium_skips_with_the_install_hint(monkeypatch):
    monkeypatch.setenv("CHROMIUM", "/nonexistent/chromium")
    assert find_chromium() is None
    with pytest.raises(pytest.skip.Exception, match="Chromium not installed: apt-get install chromium"):
        require_chromium()
