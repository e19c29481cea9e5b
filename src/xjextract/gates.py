"""Literal gates: the words a regular expression cannot match without, so that a text lacking all of them is not
scanned at all.

The period stage runs some seventy patterns over every article; most of them need a word that few articles hold
("quarter", "weekend", "decade", a holiday's name), yet a regex scan costs the same whether it finds anything or
not. A substring test (``str.__contains__``) runs at memory speed, so testing a pattern's gate first and skipping
the scan when no gate word is in the text halves the stage's time (``benchmarks/throughput.py``) and changes no
result: a gate is derived only from literals every match must contain.

>>> import re
>>> literal_gate(re.compile(r"(?P<ord>first|second)[- ]quarter(?![a-z])"))
('quarter',)
>>> literal_gate(re.compile(r"(?:January|February) \\d+"))
('February', 'January')
>>> literal_gate(re.compile(r"\\d+")) is None
True
>>> literal_gate(re.compile(r"quarter", re.IGNORECASE)) is None
True
"""

from __future__ import annotations

import re

try:  # the parser the re module compiles with (Python 3.11+); without it there are no gates, only full scans
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover
    _c = _p = None  # type: ignore[assignment]

Gate = tuple[str, ...]


def _required(items: object) -> Gate | None:
    """Alternatives one of which every match of the parsed sequence ``items`` contains, or None."""
    run = ""
    found: list[Gate] = []
    for op, av in items:  # type: ignore[attr-defined]
        if op is _c.LITERAL:
            run += chr(av)
            continue
        if run:
            found.append((run,))
            run = ""
        if op is _c.SUBPATTERN:
            _group, add_flags, _del_flags, sub = av
            if not add_flags & _c.SRE_FLAG_IGNORECASE:
                gate = _required(sub)
                if gate:
                    found.append(gate)
        elif op is _c.BRANCH:
            alternatives: list[str] = []
            for branch in av[1]:
                gate = _required(branch)
                if not gate:
                    break
                alternatives += gate
            else:
                found.append(tuple(alternatives))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
            gate = _required(av[2])
            if gate:
                found.append(gate)
    if run:
        found.append((run,))
    if not found:
        return None
    # the most selective: the one whose shortest word is longest, then the one with fewest words
    return max(found, key=lambda gate: (min(map(len, gate)), -len(gate)))


def literal_gate(pattern: re.Pattern[str]) -> Gate | None:
    """The words (sorted, deduplicated) one of which every match of ``pattern`` contains; None when no such word
    can be read off the pattern (then it must always be scanned). Case-insensitive patterns get no gate."""
    if _p is None or pattern.flags & re.IGNORECASE:
        return None
    try:
        gate = _required(_p.parse(pattern.pattern, pattern.flags))
    except Exception:  # noqa: BLE001 - an unforeseen node: no gate, the pattern is scanned as before
        return None
    return tuple(sorted(set(gate))) if gate else None


def may_match(gate: Gate | None, text: str) -> bool:
    """False only when ``text`` holds none of the gate's words, so the pattern cannot match it."""
    return gate is None or any(word in text for word in gate)
