"""Property tests: cleaning is idempotent, its offset map is exact, nothing is lost silently."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.text import clean

from .test_cleaning import assert_idempotent, assert_nothing_lost_silently, assert_offsets_exact

# Pieces that real pasted news text is made of, including every kind of damage we repair.
PIECES = [
    "Russia", "the", "U.S.", "U.S.-Russia", "cease-", "fire", "interna-", "tional", "Kerry", "said",
    "Syria's", "Assad\u2019s", "\u201cterrorist\u201d", "\u2014", "CoH", "Sept.", "12,", "2016.", "AP",
    "/", "Photo:", "Reuters", "Friday, January 4, 2019", "(Reuters)", "BEIRUT", "-", "killed.The",
    "U.S.Secretary", "e\u0301", "\u00a0", "\u200b", "\u00ad", "\t", " ", "  ", "\n", "\n\n", "\n\n\n\n",
    "\r\n", "\r", "\ufeff", "\x95", "\u2019", "'", '"', ".", ",", ":", "\u2014Troy Roberts",
]

texts = st.lists(st.sampled_from(PIECES), min_size=0, max_size=60).map(" ".join) | st.lists(
    st.sampled_from(PIECES), max_size=60
).map("".join)


# derandomize: CI must give the same verdict on every run; raise max_examples to search harder.
@settings(max_examples=500, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_cleaning_properties_on_news_like_text(raw):
    doc = clean(raw)
    assert_offsets_exact(doc)
    assert_nothing_lost_silently(doc)
    assert_idempotent(doc)
    assert "\r" not in doc.text and "\n\n\n" not in doc.text
    assert doc.text == doc.text.strip()


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80))
def test_cleaning_properties_on_arbitrary_unicode(raw):
    doc = clean(raw)
    assert_offsets_exact(doc)
    assert_nothing_lost_silently(doc)
    assert_idempotent(doc)


# --- reading bytes and pages: never crash, never invent text ------------------------------------
@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.binary(max_size=200))
def test_any_bytes_decode_or_are_refused_with_a_reason(data):
    from helpers.text import NotTextError, decode_bytes

    try:
        text, encoding = decode_bytes(data, "f.txt")
    except NotTextError as exc:
        assert str(exc).startswith("f.txt: ")
        return
    assert encoding in {"utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"}
    if encoding in {"utf-8", "utf-8-sig"}:
        assert text.encode("utf-8") == data
    clean(text)  # whatever decodes can be cleaned


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(PIECES + ["<p>", "</p>", "<br>", "<script>", "</script>", "<b>", "</b>", "&amp;",
                                          "&lt;script&gt;", "<!-- c -->", "<div class='x'>", "</div>", "<style>",
                                          "</style>"]), max_size=40).map(" ".join))
def test_html_extraction_keeps_text_and_drops_markup(body):
    from helpers.text import html_to_text

    text = html_to_text(f"<html><body>{body}</body></html>")
    assert "<script>" not in text.replace("&lt;script&gt;", "") or "&lt;script&gt;" in body
    assert "<p>" not in text and "<br>" not in text and "<div" not in text
    assert text == text.strip() and "\n\n\n" not in text
    assert html_to_text(text) == text or "<" in text  # extracted text is stable unless it shows markup as text
