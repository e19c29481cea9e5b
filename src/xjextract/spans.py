"""Span bookkeeping shared by the stages, in logarithmic time per query so that every stage stays linear in
its text: which spans are already taken, and which sentence or paragraph holds an offset.

Scanning a list of taken spans per candidate (``any(s < end and start < e for s, e in taken)``) made a
100 KB paragraph of amounts take minutes (``benchmarks/scaling.py``); these structures answer the same
questions with a binary search.

>>> taken = SpanSet([(10, 20)])
>>> taken.overlaps(15, 25), taken.overlaps(20, 25)
(True, False)
>>> Locator([(0, 11), (12, 20)]).find(13)
(12, 20)
>>> glued("4\u200b8.4 percent", 2, 5)
True
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable


class SpanSet:
    """A growing set of ``[start, end)`` stretches, kept merged and sorted: ``overlaps`` and ``add`` are
    binary searches (plus a list insertion, a memory move)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in sorted(spans):
            self.add(start, end)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` shares a character with any stretch of the set."""
        i = bisect_right(self._ends, start)  # the first stretch that ends after ``start``
        return i < len(self._starts) and self._starts[i] < end

    def add(self, start: int, end: int) -> None:
        """Add ``[start, end)``, merging it with the stretches it overlaps (empty spans are ignored)."""
        if end <= start:
            return
        lo = bisect_left(self._ends, start)  # first stretch that may touch or overlap
        hi = bisect_right(self._starts, end)  # stretches before ``hi`` start at or before ``end``
        if lo < hi:
            start, end = min(start, self._starts[lo]), max(end, self._ends[hi - 1])
        self._starts[lo:hi] = [start]
        self._ends[lo:hi] = [end]

    def __len__(self) -> int:
        return len(self._starts)


class Locator:
    """Which of a list of sorted, disjoint stretches (sentences, paragraphs) holds an offset."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self._starts = [s for s, _ in spans]

    def index(self, offset: int) -> int | None:
        """The index of the stretch with ``start <= offset < end``, or None."""
        i = bisect_right(self._starts, offset) - 1
        return i if i >= 0 and offset < self.spans[i][1] else None

    def find(self, offset: int) -> tuple[int, int] | None:
        """The stretch that holds ``offset``, or None."""
        i = self.index(offset)
        return None if i is None else self.spans[i]


def _invisible(char: str) -> bool:
    """Zero-width spaces and joiners, the word joiner, the byte-order mark, soft hyphens (format characters)
    and combining marks: characters that show nothing between two others."""
    return unicodedata.category(char) in ("Cf", "Mn", "Me")


def crosses_paragraph(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` runs over a paragraph break: the cleaned text joins the lines of a paragraph
    by a space, so a line break is the end of one ("Feb\\n\\n10" is no date; an item stays in one paragraph).

    >>> crosses_paragraph("in Feb\\n\\n10 firms", 3, 10), crosses_paragraph("Feb 10", 0, 6)
    (True, False)
    """
    return "\n" in text[start:end] or "\r" in text[start:end]


def glued(text: str, start: int, end: int) -> bool:
    """Whether invisible characters join ``text[start:end]`` to a letter or digit beside it: in
    "4\u200b8.4 percent" the figure is not 8.4, so no item may start at "8.4" (skipped, never a wrong value)."""
    i = start
    while i > 0 and _invisible(text[i - 1]):
        i -= 1
    if i < start and i > 0 and text[i - 1].isalnum():
        return True
    j = end
    while j < len(text) and _invisible(text[j]):
        j += 1
    return end < j < len(text) and text[j].isalnum()
