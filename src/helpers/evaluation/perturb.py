"""Perturbed news text, to test the corpus analysis's robustness.

Owns the perturbations (what a scraper, a CMS or a copy-and-paste does to an article) and the
perturbed corpus built from real sentences. The property tests (``tests/corpus/test_fuzz.py``)
and the soak run (``scripts/soak.py``) share them, and check the tables with
:mod:`helpers.evaluation.invariants`.

Every perturbation is a pure function ``(text, rng) -> text``: the same text and the same state
of the :class:`random.Random` passed in give the same result (no global random state, no
hash-order iteration), so a failing document is reproduced from its seed. :data:`PERTURBATIONS`
maps their names to them; :func:`perturbed_corpus` builds documents from the sentences of real
articles (the texts are an argument: this module reads no file).
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Sequence

__all__ = ["PERTURBATIONS", "Perturbation", "PerturbedDocument", "split_sentences", "perturb",
           "perturbed_corpus", "CONTROL_CHARACTERS"]

Perturbation = Callable[[str, random.Random], str]

#: A sentence end: ., ! or ? and any closing quotes or bracket, before a space and a capital or digit.
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*(?=\s+[\"'\u201c\u2018(]?[A-Z0-9])")
_MINOR_WORDS = ("a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with")
_EMOJI = ("\U0001f525", "\U0001f4a5", "\U0001f622", "\U0001f64f", "\U0001f1f8\U0001f1fe", "\U0001f1f7\U0001f1fa",
          "\U0001f44d\U0001f3fd", "\U0001f468\u200d\U0001f469\u200d\U0001f467", "\u2764\ufe0f", "\u26a0\ufe0f",
          "\u2708\ufe0f", "\U0001f680", "\U0001f494", "\U0001f621")
#: Cyrillic, Arabic and Chinese words (Russia, Syria, war; Syria, Damascus, al-Assad; Syria, Russia, end of war).
_FOREIGN_WORDS = ("Россия", "Сирия", "война", "سوريا", "دمشق", "الأسد", "叙利亚", "俄罗斯", "战争结束")
#: Control and invisible characters a pasted text carries: C0 controls but newline and tab, DEL,
#: zero-width characters, the byte-order mark, the Unicode line and paragraph separators.
CONTROL_CHARACTERS = tuple(chr(c) for c in range(32) if c not in (9, 10)) + (
    "\x7f", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u2028", "\u2029")
_QUOTES = ("\u201c", "\u201d", '"')
_LONG_SENTENCE_WORDS = 2000


# --- text pieces -------------------------------------------------------------------------------
def split_sentences(text: str) -> list[str]:
    """The sentences of ``text`` (a simple split at ., ! or ? before a capital or digit; lines
    are split too), stripped, empty ones left out. Good enough to recombine real sentences."""
    out = []
    for line in text.splitlines():
        start = 0
        for m in _SENTENCE_END.finditer(line):
            out.append(line[start : m.end()].strip())
            start = m.end()
        out.append(line[start:].strip())
    return [s for s in out if s]


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def _join_paragraphs(paragraphs: Sequence[str]) -> str:
    return "\n\n".join(paragraphs)


def _headline(text: str, rng: random.Random) -> list[str]:
    sentences = split_sentences(text) or ["Untitled"]
    words = [w.strip(".,;:!?") for w in sentences[0].split()]
    words = [w for w in words if w]
    return words[: rng.randint(4, 12)] or ["Untitled"]


def _insert_between_words(text: str, rng: random.Random, rate: float, make: Callable[[random.Random], str],
                          glue: float) -> str:
    """``text`` with ``make(rng)`` inserted after about ``rate`` of its words (glued to the word
    with probability ``glue``, else separated by a space). Newlines are kept."""
    out = []
    for piece in re.split(r"( +)", text):
        out.append(piece)
        if piece.strip() and rng.random() < rate:
            out.append(make(rng) if rng.random() < glue else " " + make(rng))
    return "".join(out)


def _word_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"\w+", text)]


def _wrap_words(text: str, rng: random.Random, k: int, wrap: Callable[[str, random.Random], str]) -> str:
    """``text`` with ``k`` random runs of one to three words replaced by ``wrap(run, rng)``."""
    spans = _word_spans(text)
    if not spans:
        return text
    picks = sorted(set(rng.randrange(len(spans)) for _ in range(k)))
    out, last = [], 0
    for i in picks:
        j = min(len(spans) - 1, i + rng.randint(0, 2))
        s, e = spans[i][0], spans[j][1]
        if s < last:
            continue
        out += [text[last:s], wrap(text[s:e], rng)]
        last = e
    return "".join(out) + text[last:]


def _as_list(text: str, rng: random.Random, marker: Callable[[int, random.Random], str]) -> str:
    """A run of two to eight of the text's sentences as a list, one item per line, as its own
    paragraph between the sentences before it and those after it (each run one paragraph)."""
    sentences = split_sentences(text)
    if not sentences:
        return text
    start = rng.randrange(len(sentences))
    stop = min(len(sentences), start + rng.randint(2, 8))
    drop_stop = rng.random() < 0.5
    items = [s.rstrip(".") if drop_stop else s for s in sentences[start:stop]]
    indent = rng.choice(("", "", "  "))
    block = "\n".join(f"{indent}{marker(k, rng)}{s}" for k, s in enumerate(items))
    before, after = " ".join(sentences[:start]), " ".join(sentences[stop:])
    return _join_paragraphs([p for p in (before, block, after) if p])


# --- the perturbations -------------------------------------------------------------------------
def strip_punctuation(text: str, rng: random.Random) -> str:
    """Every punctuation character removed (Unicode categories P*)."""
    return "".join(ch for ch in text if not unicodedata.category(ch).startswith("P"))


def title_case_headline(text: str, rng: random.Random) -> str:
    """A Title Case headline (from the first sentence) above the text."""
    minor = rng.random() < 0.5
    words = [w if minor and k and w.lower() in _MINOR_WORDS else w[:1].upper() + w[1:]
             for k, w in enumerate(_headline(text, rng))]
    return " ".join(words) + rng.choice(("\n\n", "\n")) + text


def caps_headline(text: str, rng: random.Random) -> str:
    """An ALL CAPS headline (from the first sentence) above the text."""
    return " ".join(_headline(text, rng)).upper() + rng.choice(("\n\n", "\n")) + text


def bullet_list(text: str, rng: random.Random) -> str:
    """A run of sentences as a bullet list ("- ", "• " or "* ", sometimes mixed)."""
    mixed = rng.random() < 0.2
    fixed = rng.choice(("- ", "\u2022 ", "* "))
    return _as_list(text, rng, lambda k, r: r.choice(("- ", "\u2022 ", "* ")) if mixed else fixed)


def numbered_list(text: str, rng: random.Random) -> str:
    """A run of sentences as a numbered list ("1. ", "1) ", "(1) " or "1 - ")."""
    style = rng.choice(("{}. ", "{}) ", "({}) ", "{} - "))
    return _as_list(text, rng, lambda k, r: style.format(k + 1))


def markdown(text: str, rng: random.Random) -> str:
    """Markdown: a "#" heading, **bold** and *italic* words, [links](http://...), a "> " quote."""
    body = _wrap_words(text, rng, rng.randint(1, 4), lambda w, r: f"**{w}**" if r.random() < 0.7 else f"*{w}*")
    body = _wrap_words(body, rng, rng.randint(1, 3),
                       lambda w, r: f"[{w}](http://example.org/{r.randrange(10**6)}/{w.replace(' ', '-').lower()})")
    paragraphs = _paragraphs(body)
    if paragraphs and rng.random() < 0.5:
        k = rng.randrange(len(paragraphs))
        paragraphs[k] = "> " + paragraphs[k]
    heading = "#" * rng.randint(1, 3) + " " + " ".join(_headline(text, rng))
    return _join_paragraphs([heading, *paragraphs])


def html_fragments(text: str, rng: random.Random) -> str:
    """HTML left in the text: <p> paragraphs, <br> breaks, <b> words, &amp; and &nbsp;, and one
    stray unclosed tag."""
    def entity(t: str) -> str:
        t = re.sub(r" and ", lambda m: " &amp; " if rng.random() < 0.5 else m.group(), t)
        return re.sub(r" ", lambda m: "&nbsp;" if rng.random() < 0.05 else m.group(), t)

    paragraphs = []
    for p in _paragraphs(text):
        p = _wrap_words(p, rng, rng.randint(0, 2), lambda w, r: f"<b>{w}</b>")
        p = re.sub(r"(?<=[.!?]) ", lambda m: rng.choice(("<br>", "<br/>", "<br />\n")) if rng.random() < 0.2 else " ",
                   entity(p))
        paragraphs.append(f"<p>{p}</p>" if rng.random() < 0.8 else p)
    stray = rng.choice(('<div class="story">', "<span", "<i>", '<a href="http://example.org/x">', "</p"))
    k = rng.randint(0, len(paragraphs))
    paragraphs.insert(k, stray + (rng.choice(("", " ")) + paragraphs.pop(k) if k < len(paragraphs) else ""))
    return "\n".join(paragraphs) if rng.random() < 0.5 else _join_paragraphs(paragraphs)


def long_sentence(text: str, rng: random.Random) -> str:
    """The text's sentences joined with commas and semicolons (repeated as needed) into one
    sentence of at least 2,000 words, after the text or instead of it."""
    sentences = [s.rstrip(".!? ") for s in split_sentences(text)] or ["nothing happened"]
    parts, words = [], 0
    while words < _LONG_SENTENCE_WORDS:
        s = sentences[rng.randrange(len(sentences))]
        parts.append(s)
        words += len(s.split())
    sep = [rng.choice((", ", "; ", ", and ", " - ")) for _ in parts[1:]]
    long = parts[0] + "".join(s + p for s, p in zip(sep, parts[1:])) + "."
    return text + "\n\n" + long if rng.random() < 0.5 else long


def pipe_table(text: str, rng: random.Random) -> str:
    """A Markdown pipe table ("| a | b |" rows of the text's words and numbers) between paragraphs."""
    words = [w.strip(".,;:\"'") for w in text.split()] or ["none"]
    cols = rng.randint(2, 5)

    def cell(r: random.Random) -> str:
        if r.random() < 0.3:
            return str(r.randint(0, 2000))
        return " ".join(r.choice(words) for _ in range(r.randint(1, 4)))

    rows = ["| " + " | ".join(cell(rng) for _ in range(cols)) + " |" for _ in range(rng.randint(2, 7))]
    if rng.random() < 0.6:
        rows.insert(1, "|" + "|".join("---" for _ in range(cols)) + "|")
    if rng.random() < 0.3:
        rows[-1] = rows[-1].rstrip(" |")  # a row without its closing pipe
    paragraphs = _paragraphs(text)
    paragraphs.insert(rng.randint(0, len(paragraphs)), "\n".join(rows))
    return _join_paragraphs(paragraphs)


def emoji(text: str, rng: random.Random) -> str:
    """Emoji (flags, skin tones, ZWJ sequences, variation selectors) after some words, sometimes
    glued to them, and rarely inside one."""
    out = _insert_between_words(text, rng, 0.08, lambda r: r.choice(_EMOJI), glue=0.5)
    spans = _word_spans(out)
    long_words = [(s, e) for s, e in spans if e - s >= 6]
    if long_words and rng.random() < 0.3:
        s, e = rng.choice(long_words)
        k = (s + e) // 2
        out = out[:k] + rng.choice(_EMOJI) + out[k:]
    return out


def mixed_scripts(text: str, rng: random.Random) -> str:
    """Cyrillic, Arabic and Chinese words among the English ones, alone or in parentheses."""
    def word(r: random.Random) -> str:
        w = r.choice(_FOREIGN_WORDS)
        return f"({w})" if r.random() < 0.3 else w

    return _insert_between_words(text, rng, 0.07, word, glue=0.0)


def control_characters(text: str, rng: random.Random) -> str:
    """Stray control and invisible characters (:data:`CONTROL_CHARACTERS`) anywhere, words
    included, and sometimes a byte-order mark first."""
    n = max(1, len(text) // rng.randint(20, 200))
    cuts = sorted(rng.randint(0, len(text)) for _ in range(n))
    out, last = [], 0
    for k in cuts:
        out += [text[last:k], rng.choice(CONTROL_CHARACTERS)]
        last = k
    out.append(text[last:])
    return ("\ufeff" if rng.random() < 0.3 else "") + "".join(out)


def repeated_lines(text: str, rng: random.Random) -> str:
    """Some sentences or paragraphs repeated two to six times, and sometimes a boilerplate line
    between every paragraph."""
    paragraphs = _paragraphs(text)
    if not paragraphs:
        return text
    for _ in range(rng.randint(1, 3)):
        k = rng.randrange(len(paragraphs))
        sentences = split_sentences(paragraphs[k]) or [paragraphs[k]]
        line = paragraphs[k] if rng.random() < 0.5 else rng.choice(sentences)
        paragraphs[k:k] = [line] * rng.randint(1, 5)
    if rng.random() < 0.3:
        filler = rng.choice(("Advertisement", "Read more:", "Share this article", "AFP"))
        paragraphs = [x for p in paragraphs for x in (p, filler)]
    return "\n".join(paragraphs) if rng.random() < 0.3 else _join_paragraphs(paragraphs)


def unbalanced_quotes(text: str, rng: random.Random) -> str:
    """Quotation marks without their pair: an opening \u201c or " never closed, a closing \u201d
    never opened, sometimes a paragraph that opens a quote running to the end."""
    out = _wrap_words(text, rng, rng.randint(1, 4), lambda w, r: r.choice(_QUOTES) + w if r.random() < 0.5
                      else w + r.choice(_QUOTES))
    paragraphs = _paragraphs(out)
    if paragraphs and rng.random() < 0.4:
        k = rng.randrange(len(paragraphs))
        paragraphs[k] = rng.choice(("\u201c", '"')) + paragraphs[k]
    return _join_paragraphs(paragraphs)


def combined(text: str, rng: random.Random) -> str:
    """Two to four of the other perturbations, in a random order."""
    names = rng.sample(sorted(n for n in PERTURBATIONS if n != "combined"), rng.randint(2, 4))
    return perturb(text, names, rng)


#: ``{name: perturbation}``, in a fixed order.
PERTURBATIONS: dict[str, Perturbation] = {
    "strip_punctuation": strip_punctuation,
    "title_case_headline": title_case_headline,
    "caps_headline": caps_headline,
    "bullet_list": bullet_list,
    "numbered_list": numbered_list,
    "markdown": markdown,
    "html_fragments": html_fragments,
    "long_sentence": long_sentence,
    "pipe_table": pipe_table,
    "emoji": emoji,
    "mixed_scripts": mixed_scripts,
    "control_characters": control_characters,
    "repeated_lines": repeated_lines,
    "unbalanced_quotes": unbalanced_quotes,
    "combined": combined,
}


def perturb(text: str, names: Iterable[str], rng: random.Random) -> str:
    """``text`` with the perturbations ``names`` applied in order."""
    for name in names:
        text = PERTURBATIONS[name](text, rng)
    return text


# --- a perturbed corpus ------------------------------------------------------------------------
@dataclass(frozen=True)
class PerturbedDocument:
    """One generated document: its id, its text and the perturbations applied, in order."""

    doc_id: str
    text: str
    perturbations: tuple[str, ...]


def _sentence_pool(texts: Sequence[str]) -> list[list[str]]:
    pool = [split_sentences(t) for t in texts]
    return [s for s in pool if s]


def _draw_sentences(pool: list[list[str]], rng: random.Random) -> list[str]:
    """Either a run of one article's sentences or sentences drawn from all of them."""
    if rng.random() < 0.5:
        article = pool[rng.randrange(len(pool))]
        start = rng.randrange(len(article))
        return article[start : start + rng.randint(1, 40)]
    flat = [s for article in pool for s in article]
    return [flat[rng.randrange(len(flat))] for _ in range(rng.randint(1, 25))]


def _as_paragraphs(sentences: list[str], rng: random.Random) -> str:
    paragraphs, k = [], 0
    while k < len(sentences):
        n = rng.randint(1, 5)
        paragraphs.append(" ".join(sentences[k : k + n]))
        k += n
    return _join_paragraphs(paragraphs)


def perturbed_corpus(texts: Sequence[str], n: int, seed: int) -> Iterator[PerturbedDocument]:
    """``n`` documents built from the sentences of ``texts`` (real articles, or sentences),
    grouped into paragraphs, each with none (one in ten) or one to three perturbations.

    Document ``i`` depends only on ``texts``, ``seed`` and ``i`` (its own ``Random``), so the
    first documents are the same whatever ``n``. Ids are ``fuzz<seed>-<i>``.
    """
    pool = _sentence_pool(texts)
    if not pool:
        raise ValueError("no sentence in the texts given to perturbed_corpus")
    names = [name for name in PERTURBATIONS if name != "combined"]
    for i in range(n):
        rng = random.Random(f"{seed}:{i}")
        text = _as_paragraphs(_draw_sentences(pool, rng), rng)
        chosen = () if rng.random() < 0.1 else tuple(rng.sample(names, rng.randint(1, 3)))
        yield PerturbedDocument(f"fuzz{seed}-{i:05d}", perturb(text, chosen, rng), chosen)
