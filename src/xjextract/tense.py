"""What spaCy's part-of-speech tagger reads of the verbs: the modals of the clauses that hold a year-less date,
and whether a figure sentence that dates nothing speaks in the simple present.

A period written without its year ("in February", "Monday", "Dec. 7") resolves forward when its clause speaks
of the future (README "Percentages and periods"). The future words of ``data/<lang>/periods.json`` read that
from words; with settings ``tense = "tagger"`` the tagger also finds the modals ("shall", "'ll") those words
miss. Reading past or present tense from the verbs as well was measured on TimeBank and made it worse, so
only modals count (``periods.future_modals``).

Only sentences that hold a month or weekday name and no four-digit year are tagged, with en_core_web_sm's
tok2vec and tagger alone (no parser).

For the facts stage (always, whatever ``tense`` says), a sentence that holds a value or a share and no period of
its own is tagged too, when the stage asks (a figure that would take a period from beyond its paragraph): one
whose verbs are all in the simple present ("The port has 42 berths") describes what is, and its figures inherit no
period from the headline or an earlier paragraph (``facts.json`` ``present_tense``; README "Statistical facts").
About 4% of the corpus's sentences are tagged, some 4% of the pipeline's time (``benchmarks/parse_cost.py``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from spacy.language import Language

from .nlp import load_spacy, resolve_model
from .resources import load_json
from .settings import Settings

#: A tagged modal of the text: ``(offset, tag, lower-case word)``.
VerbTag = tuple[int, str, str]
_VERB_TAGS = frozenset({"MD"})


@cache
def tagger_pipeline(model: str | None, language: str = "en") -> Language:
    """tok2vec + tagger of the model, nothing else, loaded once per process."""
    name = resolve_model(Settings(model=model, language=language))
    return load_spacy(name, ("ner", "parser", "attribute_ruler", "lemmatizer", "senter"))


@cache
def _needs_tense(language: str) -> re.Pattern[str]:
    data = load_json("periods.json", language)
    names = sorted(list(data["months"]) + list(data["weekdays"]), key=len, reverse=True)
    return re.compile(rf"(?i:\b(?:{'|'.join(names)})\b)")


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def verb_tags(text: str, sentences: Sequence[tuple[int, int]], settings: Settings) -> list[VerbTag]:
    """The modals of every sentence of ``text`` that holds a month or weekday name and no year, with their
    offsets in ``text``; the other sentences are not tagged."""
    wanted = [(s, e) for s, e in sentences
              if _needs_tense(settings.language).search(text, s, e) and not _YEAR.search(text, s, e)]
    if not wanted:
        return []
    nlp = tagger_pipeline(settings.model, settings.language)
    out: list[VerbTag] = []
    for (start, _), doc in zip(wanted, nlp.pipe((text[s:e] for s, e in wanted), batch_size=64)):
        out.extend((start + t.idx, t.tag_, t.lower_) for t in doc if t.tag_ in _VERB_TAGS)
    return out


@cache
def _present_cues(language: str) -> tuple[frozenset[str], frozenset[str], frozenset[str], str, int]:
    data = load_json("facts.json", language)["present_tense"]
    return (frozenset(data["present_tags"]), frozenset(data["blocking_tags"]),
            frozenset(data["perfect_auxiliaries"]), data["participle_tag"], int(data["perfect_window"]))


class PresentSentences:
    """The sentences of one article the facts stage may ask about: ``index in reader`` tags that sentence (once) and
    says whether its verbs are all in the simple present (``in_simple_present``). Only the sentences ``asked`` may be
    (those with a value or a share and no period); only those the stage asks are tagged (a figure that would take a
    period from beyond its paragraph)."""

    def __init__(self, text: str, spans: Sequence[tuple[int, int]], asked: set[int], settings: Settings) -> None:
        self._text, self._spans, self._asked, self._settings = text, spans, asked, settings
        self._seen: dict[int, bool] = {}

    def __contains__(self, index: object) -> bool:
        if not isinstance(index, int) or index not in self._asked:
            return False
        if index not in self._seen:
            start, end = self._spans[index]
            self._seen[index] = in_simple_present(self._text[start:end], self._settings)
        return self._seen[index]


def in_simple_present(sentence: str, settings: Settings) -> bool:
    """Are the sentence's verbs all in the simple present? A present verb and no past verb, no modal, no present
    perfect ("has climbed"), as en_core_web_sm's tagger reads them (``facts.json`` ``present_tense``)."""
    present, blocking, auxiliaries, participle, window = _present_cues(settings.language)
    doc = tagger_pipeline(settings.model, settings.language)(sentence)
    tags = [t.tag_ for t in doc]
    perfect = any(t.lower_ in auxiliaries and participle in tags[k + 1 : k + 1 + window] for k, t in enumerate(doc))
    return any(t in present for t in tags) and not any(t in blocking for t in tags) and not perfect
