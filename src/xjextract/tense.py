"""The tense of the clauses that hold a year-less date, read from spaCy's part-of-speech tagger.

A period written without its year ("in February", "Monday", "Dec. 7") resolves forward when its clause speaks
of the future and back when it speaks of the past (README "Percentages and periods"). The future markers of
``data/<lang>/periods.json`` read that from words; this reads it from the verbs, as HeidelTime does from the
sentence's tense: a modal "will"/"shall" makes a clause future, a past-tense verb (VBD) past, a present one
(VBZ/VBP) present, which for a day or a weekday means a scheduled one ("meets Monday").

Only sentences that hold a month or weekday name and no four-digit year are tagged, with en_core_web_sm's
tok2vec and tagger alone (no parser), so the cost stays small (README "Scale": measured by
benchmarks/throughput.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from spacy.language import Language

from .nlp import load_spacy, resolve_model
from .resources import load_json
from .settings import Settings

#: A tagged verb of the text: ``(offset, tag, lower-case word)``.
VerbTag = tuple[int, str, str]
_VERB_TAGS = frozenset({"MD", "VBD", "VBZ", "VBP", "VB", "VBN", "VBG"})


@cache
def tagger_pipeline(model: str | None, language: str = "en") -> Language:
    """tok2vec + tagger of the model, nothing else, loaded once per process."""
    name = resolve_model(Settings(model=model, language=language))
    nlp = load_spacy(name, ("ner", "parser", "attribute_ruler", "lemmatizer", "senter"))
    return nlp


@cache
def _needs_tense(language: str) -> re.Pattern[str]:
    data = load_json("periods.json", language)
    names = sorted(list(data["months"]) + list(data["weekdays"]), key=len, reverse=True)
    return re.compile(rf"(?i:\b(?:{'|'.join(names)})\b)")


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def verb_tags(text: str, sentences: Sequence[tuple[int, int]], settings: Settings) -> list[VerbTag]:
    """The verbs (and modals) of every sentence of ``text`` that holds a month or weekday name and no year,
    with their offsets in ``text``; the other sentences are not tagged."""
    wanted = [(s, e) for s, e in sentences
              if _needs_tense(settings.language).search(text, s, e) and not _YEAR.search(text, s, e)]
    if not wanted:
        return []
    nlp = tagger_pipeline(settings.model, settings.language)
    out: list[VerbTag] = []
    for (start, _), doc in zip(wanted, nlp.pipe((text[s:e] for s, e in wanted), batch_size=64)):
        out.extend((start + t.idx, t.tag_, t.lower_) for t in doc if t.tag_ in _VERB_TAGS)
    return out
