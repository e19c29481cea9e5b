from __future__ import annotations

from typing import Any

import pytest
from conftest import load_cases

from xjextract.quantities import extract_quantities

CASES = load_cases("quantities.json")


@pytest.mark.parametrize("case", [c for _, c in CASES], ids=[i for i, _ in CASES])
def test_quantity_case(case: dict[str, Any]) -> None:
    text = case["text"]
    found = extract_quantities(text, [tuple(x) for x in case.get("exclude", [])])
    assert [[q.text, q.value, q.unit] for q in found] == [[t, float(v), u] for t, v, u in case["expected"]]
    assert all(text[q.start : q.end] == q.text for q in found)
