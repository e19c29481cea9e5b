"""Literal gates (gates.py): a pattern is skipped only on a text it cannot match."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from xjextract.gates import literal_gate, may_match
from xjextract.periods import _lexicon

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("pattern, gate", [
    (r"first[- ]quarter", ("quarter",)),                     # the longest run wins over "first"
    (r"(?:Jan|Feb)\.? \d+", ("Feb", "Jan")),
    (r"(?:abc)?xy", ("xy",)),                                 # an optional group is not required
    (r"(?:abc|)x", ("x",)),                                   # nor a branch with an empty alternative
    (r"(?i:quarter) of", (" of",)),                           # a case-insensitive group gives no word
    (r"(?:week)+end", ("week",)),                             # a group repeated at least once is required
    (r"(?<![\w-])Q(?P<q>[1-4])", ("Q",)),
    (r"\d{4}", None),
    (r"(?:a|\d)", None),                                      # one alternative without a literal: no gate
    (r"(?=year)\w+", None),                                   # a lookahead's words are not collected
])
def test_gates_read_off_a_pattern(pattern, gate):
    assert literal_gate(re.compile(pattern)) == gate


def test_case_insensitive_patterns_get_no_gate():
    assert literal_gate(re.compile("quarter", re.IGNORECASE)) is None
    assert literal_gate(re.compile("(?i)quarter")) is None


def test_may_match():
    assert may_match(("quarter",), "in the first quarter")
    assert not may_match(("quarter",), "in the first half")
    assert may_match(None, "")


def test_no_period_pattern_is_skipped_on_a_text_it_matches():
    """Every period pattern, on every corpus article and the seeds' text: where the gate says "skip", the
    pattern finds nothing; so the gated stage gives the ungated stage's periods."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    texts += ["first quarter", "H1 2024", "the 1990s", "National Day holiday", "last weekend", "Q3"]
    gated = 0
    for pattern in _lexicon("en").patterns:
        for text in texts:
            if not may_match(pattern.gate, text):
                gated += 1
                assert pattern.regex.search(text) is None, (pattern.kind, pattern.gate)
    assert gated > 0  # the gates do skip scans
