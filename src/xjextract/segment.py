"""Sentences, found paragraph by paragraph so that no sentence crosses a paragraph.

The splitter is a rule over the abbreviation list of ``data/<lang>/sentences.json``, chosen by measurement
(``python benchmarks/sentences.py``): on the hand-written cases of ``tests/cases/sentences.json`` it gets
every paragraph right; on the corpus it agrees with pysbd but for quotations (split here) and two pysbd
errors; it is about 50 times faster (pysbd took a third of the pipeline's time). spaCy's parser misses two
cases and costs ~10 ms a paragraph; spaCy's ``senter`` merges across paragraphs.

>>> [(s.start, s.end) for s in segment_sentences("Trade grew. It rose.\\n\\nNew para.", [(0, 20), (22, 31)])]
[(0, 11), (12, 20), (22, 31)]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from .resources import load_json
from .schema import Sentence

#: A possible end: terminal punctuation, closing quotes or brackets, white space, then what opens a sentence;
#: or glued to the next one in scraped text: "on Sunday.Since the", "operation.China's total", "showed.A total".
_END = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])"""
                  r"|(?<=[a-z]{2})[.!?](?=[A-Z][a-z]*(?:['’]s)?[\s,])")
#: No abbreviation is longer than this: the word before a dot is looked for this far back, so a sentence
#: holding thousands of dots stays linear.
_MAX_WORD = 40


@cache
def _abbreviations(language: str) -> frozenset[str]:
    return frozenset(load_json("sentences.json", language)["abbreviations"])


def _is_abbreviation(word: str, abbreviations: frozenset[str]) -> bool:
    word = word.lstrip("\"'“‘([")
    return word in abbreviations or bool(re.fullmatch(r"[A-Z]\.", word))


def _word_before(text: str, start: int, end: int) -> str:
    """The white-space-delimited word ending at ``end`` (not before ``start``); empty when it is longer than
    any abbreviation."""
    i = end
    while i > start and end - i <= _MAX_WORD and not text[i - 1].isspace():
        i -= 1
    return "" if end - i > _MAX_WORD else text[i:end]


def _ends(text: str, lo: int, hi: int, abbreviations: frozenset[str]) -> Iterator[re.Match[str]]:
    """The sentence ends in ``text[lo:hi]``: each possible end but a dot that closes an abbreviation or an initial."""
    start = lo
    for match in _END.finditer(text, lo, hi):
        if text[match.start()] == "." and _is_abbreviation(_word_before(text, start, match.start() + 1), abbreviations):
            continue
        yield match
        start = match.end()


def first_sentence_end(text: str, lo: int, hi: int, language: str = "en") -> int | None:
    """Where the first sentence end inside ``text[lo:hi]`` stands (the offset of its punctuation), by the splitter's
    own rule ("... Home Port. File photo", "GAC.Among"); None when there is none. The entity stage cuts a name the
    model ran on across a sentence end there."""
    return next((m.start() for m in _ends(text, lo, hi, _abbreviations(language))), None)


def segment_sentences(text: str, paragraphs: list[tuple[int, int]], language: str = "en") -> list[Sentence]:
    """Split each paragraph of ``text`` into sentences.

    Args:
        text: the cleaned article body.
        paragraphs: ``(start, end)`` of every paragraph in ``text``.
        language: the data folder of the abbreviation list.

    Returns:
        Sentences in text order, each trimmed of surrounding white space and tagged with its paragraph.
    """
    abbreviations = _abbreviations(language)
    sentences: list[Sentence] = []
    for index, (p_start, p_end) in enumerate(paragraphs):
        start = p_start
        for match in _ends(text, p_start, p_end, abbreviations):
            sentences.append(Sentence(start=start, end=match.end(), paragraph=index))
            start = match.end()
            while start < p_end and text[start].isspace():
                start += 1
        end = p_end
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            sentences.append(Sentence(start=start, end=end, paragraph=index))
    return sentences
