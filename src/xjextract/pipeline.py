"""The pipeline: raw articles in, validated :class:`~xjextract.schema.Record` out, streamed. It calls the
stages in order and holds no logic of its own.

>>> rec = extract_article("Trade grows in Xinjiang\\n\\nTrade in Xinjiang grew 5 percent last year.", "a1")
>>> rec.title, rec.text, len(rec.sentences)
('Trade grows in Xinjiang', 'Trade grows in Xinjiang\\n\\nTrade in Xinjiang grew 5 percent last year.', 2)
"""

from __future__ import annotations

import hashlib
import logging
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from .clean import CleanArticle, Given, clean_article, detect_publisher, plain_article, selected_article
from .durations import extract_durations
from .facts import extract_facts
from .entities import EntityInput, extract_entities_batch, period_exclusions
from .fx import FxResult, apply_reference_rates
from .metadata import url_date, url_publisher
from .money import MoneyResult, extract_money
from .nlp import ModelNotFoundError
from .percentages import extract_percentages
from .readers import ArticleError, RawArticle, decode_article, read_article
from .periods import PeriodResult, extract_periods
from .quantities import extract_quantities
from .schema import Duration, Entity, Percentage, Quantity, Record, Sentence, Source, Stretch
from .segment import segment_sentences
from .tense import PresentSentences, verb_tags
from .settings import Settings

log = logging.getLogger(__name__)

__all__ = ["ArticleError", "RawArticle", "chunked", "decode_article", "extract_article", "iter_results",
           "read_article"]


def extract_article(
    raw: str | RawArticle,
    article_id: str = "article",
    settings: Settings | None = None,
    publication: date | None = None,
) -> Record:
    """Turn one raw scraped article into a validated record.

    Args:
        raw: the page text (or a :class:`RawArticle` as :func:`read_article` returns it).
        article_id: the record id when ``raw`` is a plain string.
        settings: pipeline settings; defaults when None.
        publication: a publication date for pages that print none (never overrides the page's own).

    Returns:
        The :class:`Record`; it is validated, so every span indexes its text.

    Raises:
        ArticleError: the article could not be processed (the message names it).
    """
    if isinstance(raw, str):
        raw = RawArticle(article_id, "<string>", raw, hashlib.sha256(raw.encode("utf-8")).hexdigest())
    ((_, result),) = iter_results([raw], settings, publication)
    if isinstance(result, ArticleError):
        raise result
    return result


def iter_results(
    raws: Iterable[RawArticle], settings: Settings | None = None, publication: date | None = None
) -> Iterator[tuple[RawArticle, Record | ArticleError]]:
    """Records for many articles, in input order, streamed: the rule stages run article by article, the NER
    model sees the paragraphs of ``settings.batch_articles`` articles at a time. A failing article yields an
    :class:`ArticleError` in its place; the others go on.
    """
    settings = settings or Settings()
    publication = publication or settings.published
    for chunk in chunked(raws, settings.batch_articles):
        drafts: list[tuple[RawArticle, _Draft | ArticleError]] = [(raw, _draft(raw, settings, publication))
                                                                   for raw in chunk]
        # 8. named entities: one NER batch for the chunk (never inside an amount, a percentage or a period)
        found = iter(_entities([(raw, d) for raw, d in drafts if isinstance(d, _Draft)], settings))
        for raw, draft in drafts:
            yield raw, draft if isinstance(draft, ArticleError) else _finish(raw, draft, next(found), settings)


def _entities(drafts: list[tuple[RawArticle, _Draft]], settings: Settings) -> list[list[Entity] | ArticleError]:
    """The entities of a chunk's articles in one batch; if the batch fails, article by article, so that one
    article the model cannot take costs that article only."""
    try:
        return list(extract_entities_batch([d.entity_input(settings.language) for _, d in drafts], settings))
    except ModelNotFoundError:
        raise
    except Exception:  # noqa: BLE001 - isolated below, one article at a time
        log.debug("entity batch failed; retrying article by article", exc_info=True)
    out: list[list[Entity] | ArticleError] = []
    for raw, draft in drafts:
        try:
            out.append(extract_entities_batch([draft.entity_input(settings.language)], settings)[0])
        except Exception as exc:  # noqa: BLE001 - a bug must cost one article, not the run
            log.info("entities failed on %s", raw.path, exc_info=True)
            out.append(ArticleError(f"{raw.path}: internal error in the entity stage, please report: {exc!r}"))
    return out


T = TypeVar("T")


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last may be shorter), read lazily.

    >>> list(chunked(range(5), 2))
    [[0, 1], [2, 3], [4]]
    """
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


@dataclass
class _Draft:
    """An article through the rule stages, waiting for its entities."""

    article: CleanArticle
    sentences: list[Sentence]
    money: MoneyResult
    periods: PeriodResult
    percentages: list[Percentage]
    quantities: list[Quantity]
    durations: list[Duration]
    fx: FxResult

    def entity_input(self, language: str) -> EntityInput:
        numeric = [(m.start, m.end) for m in self.money.money]
        numeric += [(p.start, p.end) for p in [*self.percentages, *self.durations]]
        numeric += period_exclusions(((p.start, p.end, p.text) for p in self.periods.periods), language)
        return EntityInput(self.article.text, self.article.paragraphs, numeric, self.article.dateline_place)


def _draft(raw: RawArticle, settings: Settings, publication: date | None) -> _Draft | ArticleError:
    """The rule stages of one article (everything but the entities)."""
    try:
        # 1. boilerplate and page metadata, read as the input's format says; the input's own metadata wins
        #    over the page's, and the URL's date or the user's fills in for pages that print none
        article = read_body(raw, publication, settings.language, settings.html_body)
        text = article.text
        # 2. sentences, paragraph by paragraph
        sentences = segment_sentences(text, article.paragraphs, settings.language)
        sentence_spans = [(s.start, s.end) for s in sentences]
        published = article.publication_date()
        # 3. money and the conversions the article states
        found = extract_money(text, sentence_spans, settings.language)
        money_spans = [(m.start, m.end) for m in found.money]
        # 4. periods, resolved against the publication date (the dateline's date is metadata, not a period)
        verbs = verb_tags(text, sentence_spans, settings) if settings.tense == "tagger" else None
        periods = extract_periods(text, published, sentence_spans,
                                  [(article.dateline_start, article.dateline_end), *money_spans],
                                  settings.language, verbs)
        # 5. percentages and their role
        percentages = extract_percentages(text, sentence_spans, [(p.start, p.end) for p in periods.periods],
                                          settings.language)
        # 6. non-monetary quantities (never inside an amount or a percentage)
        quantities = extract_quantities(text, money_spans + [(p.start, p.end) for p in percentages],
                                        settings.language)
        # 7. durations ("three years"): never inside a period, an amount, a percentage or a quantity
        durations = extract_durations(text, [(article.dateline_start, article.dateline_end), *money_spans,
                                             *[(x.start, x.end) for x in [*periods.periods, *percentages, *quantities]]],
                                      settings.language)
        # 8. reference exchange rates: usd on every amount, each stated conversion checked
        fx = apply_reference_rates(found.money, found.conversions, published, periods.periods, sentence_spans)
    except Exception as exc:  # a bug must cost one article, not the run: reported with its name
        log.info("failed on %s", raw.path, exc_info=True)
        return ArticleError(f"{raw.path}: internal error, please report: {exc!r}")
    return _Draft(article, sentences, found, periods, percentages, quantities, durations, fx)


def read_body(raw: RawArticle, publication: date | None, language: str = "en", html_body: str = "auto"
              ) -> CleanArticle:
    """Stage 1 for one input: its body and metadata, by the reading its format asks for (``page``: the
    boilerplate rules; ``text``: every line is body; ``html``: see ``Settings.html_body``)."""
    from_url = url_date(raw.url, language)
    given = Given(title=raw.title, published=raw.published, publisher=url_publisher(raw.url, language),
                  fallback=from_url or publication, fallback_from="url" if from_url else "option")
    if raw.format == "text":
        return plain_article(raw.text, language, given)
    known = given.publisher is not None or detect_publisher(raw.text, None, language) is not None
    if raw.format == "html" and raw.body and (html_body == "trafilatura" or (html_body == "auto" and not known)):
        # A layout the page rules do not know: trafilatura's main content. On the publishers' own layouts the
        # page rules find the body exactly, where trafilatura keeps footers such as "Enditem" (README, "HTML").
        return selected_article(raw.text, list(raw.body), "not the article's main content (trafilatura)",
                                language, given)
    return clean_article(raw.text, language=language, given=given)


def _finish(raw: RawArticle, draft: _Draft, entities: list[Entity] | ArticleError, settings: Settings
            ) -> Record | ArticleError:
    """The validated record of one article."""
    if isinstance(entities, ArticleError):
        return entities
    article = draft.article
    starts = [sent.start for sent in draft.sentences]
    headline = Stretch(start=article.headline[0], end=article.headline[1]) if article.headline else None

    def placed(items: list[T]) -> list[T]:
        """The items, each with the index of the sentence that holds it."""
        out = []
        for item in items:
            i = bisect_right(starts, item.start) - 1  # type: ignore[attr-defined]
            inside = i >= 0 and item.start < draft.sentences[i].end  # type: ignore[attr-defined]
            out.append(item.model_copy(update={"sentence": i if inside else None}))  # type: ignore[attr-defined]
        return out

    try:
        # 10. statistical facts: every figure tied to its subject, metric and period
        # the figure sentences that date nothing themselves (with a value or a share: a change always inherits its
        # period): the tagger reads whether they speak in the simple present, each only if the facts stage asks
        figured = {bisect_right(starts, x.start) - 1 for x in [*draft.fx.money, *draft.quantities,
                                                               *(p for p in draft.percentages if p.kind == "share")]}
        asked = figured - {bisect_right(starts, p.start) - 1 for p in draft.periods.periods} - {-1}
        present = PresentSentences(article.text, [(s.start, s.end) for s in draft.sentences], asked, settings)
        facts = extract_facts(article.text, draft.sentences, headline, entities, draft.fx.money,
                              draft.fx.conversions, draft.percentages, draft.periods.periods, draft.quantities,
                              settings.language, present)
        return Record(
            id=raw.id,
            source=Source(path=raw.path, sha256=raw.sha256, format=raw.format),
            url=raw.url,
            publisher=article.publisher,
            title=article.title,
            published=article.published,
            published_from=article.published_from,
            dateline=article.dateline,
            text=article.text,
            headline=headline,
            pieces=article.pieces,
            removed=article.removed,
            sentences=draft.sentences,
            entities=placed(entities),
            money=placed(draft.fx.money),
            conversions=draft.fx.conversions,
            percentages=placed(draft.percentages),
            periods=placed(draft.periods.periods),
            quantities=placed(draft.quantities),
            durations=placed(draft.durations),
            facts=facts,
            meta=raw.meta,
            warnings=[*raw.warnings, *article.warnings, *draft.money.warnings, *draft.periods.warnings,
                      *draft.fx.warnings],
        )
    except Exception as exc:  # noqa: BLE001 - pydantic's ValidationError above all: one article, not the run
        log.info("invalid record for %s", raw.path, exc_info=True)
        return ArticleError(f"{raw.path}: internal error, please report: {exc}")
