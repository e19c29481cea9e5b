"""Shared fixtures: the repository's folders, case files, and records of the whole corpus built once."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from xjextract.pipeline import extract_article, read_article
from xjextract.schema import Record

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
CASES = ROOT / "tests" / "cases"


def load_cases(name: str) -> list[tuple[str, dict[str, Any]]]:
    """``(id, case)`` pairs of ``tests/cases/<name>.json``: groups of cases keyed by phenomenon."""
    data = json.loads((CASES / name).read_text(encoding="utf-8"))
    out = []
    for group, items in data.items():
        if group.startswith("_"):
            continue
        for i, case in enumerate(items):
            out.append((f"{group}: {case.get('name', i)}", case))
    return out


@pytest.fixture(scope="session")
def corpus_records() -> dict[str, tuple[str, Record]]:
    """Every corpus article's raw text and record, built once per session."""
    out = {}
    for path in sorted(CORPUS.glob("*.txt")):
        raw = read_article(path)
        out[path.stem] = (raw.text, extract_article(raw))
    return out


@pytest.fixture(scope="session")
def gold_files() -> dict[str, Any]:
    """Every gold file, parsed."""
    from xjextract.gold import load_gold

    return {p.stem: load_gold(p) for p in sorted((ROOT / "gold").glob("*.json"))}
