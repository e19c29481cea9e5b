"""Sentences, found paragraph by paragraph so that no sentence crosses a paragraph.

The splitter is pysbd plus one repair, chosen by measurement (``python benchmarks/sentences.py``): on the
hand-written cases in ``tests/cases/sentences.json`` it gets every paragraph right at ~1 ms a paragraph and
needs no model, while spaCy's parser misses two and costs ~12 ms; ``senter`` merges across paragraphs.

>>> [(s.start, s.end) for s in segment_sentences("Trade grew. It rose.\\n\\nNew para.", [(0, 20), (22, 31)])]
[(0, 11), (12, 20), (22, 31)]
"""

from __future__ import annotations

from functools import cache

import pysbd

from .schema import Sentence

_SPACE = " \t\r\n\f\v\u00a0\u3000\ufeff"


@cache
def _segmenter(language: str) -> pysbd.Segmenter:
    """One pysbd segmenter per language and process: building it compiles its rule set."""
    return pysbd.Segmenter(language=language, clean=False)


def segment_sentences(text: str, paragraphs: list[tuple[int, int]], language: str = "en") -> list[Sentence]:
    """Split each paragraph of ``text`` into sentences.

    Args:
        text: the cleaned article body.
        paragraphs: ``(start, end)`` of every paragraph in ``text``.
        language: an ISO 639-1 code pysbd knows.

    Returns:
        Sentences in text order, each trimmed of surrounding white space and tagged with its paragraph.
    """
    sentences: list[Sentence] = []
    for index, (p_start, p_end) in enumerate(paragraphs):
        cursor = p_start
        for piece in _segmenter(language).segment(text[p_start:p_end]):
            piece = piece.strip(_SPACE)
            if not piece:
                continue
            # pysbd returns the pieces in order and, with clean=False, verbatim: find each from the cursor.
            found = text.find(piece, cursor, p_end)
            if found < 0:  # never seen; fall back to one sentence for the rest of the paragraph
                found = cursor
                piece = text[cursor:p_end].strip(_SPACE)
            end = found + len(piece)
            if sentences and sentences[-1].paragraph == index and piece[0].islower():
                # pysbd splits after some abbreviations ("in Jan.-Aug. from a year earlier"); a news
                # sentence never opens in lower case, so the piece continues the previous sentence.
                sentences[-1] = Sentence(start=sentences[-1].start, end=end, paragraph=index)
            else:
                sentences.append(Sentence(start=found, end=end, paragraph=index))
            cursor = end
    return sentences
