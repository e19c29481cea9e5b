"""The only module that opens files under ``xjextract/data``: read once, cached."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_json(name: str, language: str = "en") -> Any:
    """Parse ``data/<language>/<name>`` (JSON) once per process.

    >>> isinstance(load_json("boilerplate.json"), dict)
    True
    """
    path = resources.files("xjextract") / "data" / language / name
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)
