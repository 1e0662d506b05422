"""The share of a content inside quotation marks (what makes an attribution direct, mixed or
indirect), checked against its definition character by character, on any text and spans."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.quotes.attributions import _quoted_share, content_kind


def by_definition(text, start, end, quoted):
    chars = [k for k in range(start, end) if text[k].isalnum()]
    return sum(any(a <= k < b for a, b in quoted) for k in chars), len(chars)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(alphabet='ab1 ,."', max_size=40), st.data())
def test_overlapping_and_outlying_spans_count_each_character_once(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    spans = data.draw(st.lists(st.tuples(st.integers(-5, 45), st.integers(-5, 45)), max_size=4))
    assert _quoted_share(text, start, end, spans) == by_definition(text, start, end, spans)


def test_a_split_quotation_is_direct_and_a_partial_one_mixed():
    text = '"The plan," she said, "is reckless." He called it "reckless" and slow.'
    assert content_kind(text, 0, 36, [(0, 11), (21, 36)], clause=[(11, 21)]) == "direct"
    assert content_kind(text, 37, 71, [(51, 61)]) == "mixed"
    assert content_kind(text, 37, 50, [(51, 61)]) == "indirect"
