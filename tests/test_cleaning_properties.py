"""Property tests: cleaning is idempotent, its offset map is exact, nothing is lost silently."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.cleaning import clean

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
