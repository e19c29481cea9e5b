"""Every entry function takes any text without crashing, and its record keeps the offset contract."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from xjextract.clean import clean_article
from xjextract.pipeline import extract_article

LINES = st.lists(
    st.one_of(
        st.text(max_size=80),
        st.sampled_from(["Next Article", "Enditem", "(Web editor: A, B)", "China", " date 2024-02-02 Title here",
                         "2024-07-18 18:36 Last Updated At:19:07", "URUMQI, Feb. 2 (Xinhua) -- Trade grew a lot today.",
                         "Share", "", "   ", "Copyright © 2024 CGTN."]),
    ),
    max_size=12,
)


@settings(max_examples=150, deadline=None)
@given(LINES)
def test_clean_article_never_crashes(lines: list[str]) -> None:
    raw = "\n\n".join(lines)
    art = clean_article(raw)
    for p in art.pieces:
        assert art.text[p.start : p.start + p.length] == raw[p.raw_start : p.raw_start + p.length]


@settings(max_examples=100, deadline=None)
@given(LINES)
def test_extract_article_never_crashes(lines: list[str]) -> None:
    record = extract_article("\n".join(lines))
    for s in record.sentences:
        assert 0 <= s.start <= s.end <= len(record.text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789,. $yuanRMBUSbilontr()%-kmtes\n")), max_size=60))
def test_money_and_quantities_never_crash(text: str) -> None:
    from xjextract.money import extract_money
    from xjextract.quantities import extract_quantities

    found = extract_money(text, [(0, len(text))])
    for item in [*found.money, *extract_quantities(text)]:
        assert text[item.start : item.end] == item.text
    for conv in found.conversions:
        assert conv.source < conv.target < len(found.money)
