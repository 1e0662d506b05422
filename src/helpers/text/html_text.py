"""HTML pages: recognising one and extracting its readable text.

Owns :func:`looks_like_html` and :func:`html_to_text` (Python's HTML parser; nothing is executed).
"""

from __future__ import annotations

import re

__all__ = ["looks_like_html", "html_to_text"]

_HTML_START = re.compile(r"^\ufeff?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])",
                         re.IGNORECASE | re.DOTALL)


def looks_like_html(text: str) -> bool:
    """True when the text is an HTML page (it starts with a doctype or an html/head/body tag)."""
    return bool(_HTML_START.match(text[:4096]))


def html_to_text(html: str) -> str:
    """The readable text of an HTML page, extracted with Python's HTML parser.

    Scripts, styles, templates, forms, navigation, headers/footers and asides are dropped (so is
    everything in ``<head>`` but the ``<title>``, which becomes the first paragraph unless the
    page repeats it as its ``<h1>``); block elements (p, div, h1-h6, li, tr, blockquote, br ...)
    end a paragraph; entities are decoded. The text is never executed or interpreted further.
    """
    from html.parser import HTMLParser

    skip = {"script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "nav", "header",
            "footer", "aside", "form", "button", "select", "head"}
    blocks = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
              "tr", "table", "blockquote", "pre", "figure", "figcaption", "dd", "dt", "dl", "hr", "br", "title"}
    void = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"}

    class _Extractor(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []
            self.title: list[str] = []
            self.stack: list[str] = []
            self.h1: list[str] = []

        def _skipping(self) -> bool:
            return any(t in skip for t in self.stack)

        def handle_starttag(self, tag, attrs):
            if tag in blocks:
                self.parts.append("\n\n")
            if tag not in void:
                self.stack.append(tag)

        def handle_startendtag(self, tag, attrs):
            if tag in blocks:
                self.parts.append("\n\n")

        def handle_endtag(self, tag):
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass
            if tag in blocks:
                self.parts.append("\n\n")

        def handle_data(self, data):
            if self.stack and self.stack[-1] == "title":
                self.title.append(data)
            elif not self._skipping():
                self.parts.append(data)
                if "h1" in self.stack:
                    self.h1.append(data)

    ex = _Extractor()
    ex.feed(html)
    ex.close()
    paragraphs = [" ".join(p.split()) for p in "".join(ex.parts).split("\n\n")]
    paragraphs = [p for p in paragraphs if p]
    title = " ".join("".join(ex.title).split())
    if title and " ".join("".join(ex.h1).split()) != title and (not paragraphs or paragraphs[0] != title):
        paragraphs.insert(0, title)
    return "\n\n".join(paragraphs)
