"""Loading the spaCy model: an installed ``en_core_web_sm`` first, else the re-upload the project depends on,
or the name the settings give. Nothing is ever downloaded at run time.

>>> model_names(Settings(model="my_model"))
('my_model',)
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

from .settings import DEFAULT_MODELS, Settings


class ModelNotFoundError(RuntimeError):
    """No configured or default spaCy model is installed."""


def model_names(settings: Settings) -> tuple[str, ...]:
    """The load names to try, in order."""
    return (settings.model,) if settings.model else DEFAULT_MODELS


def load_model(settings: Settings, exclude: tuple[str, ...] = ()) -> Language:
    """The spaCy pipeline, loaded once per process for each (name, exclude) pair.

    Args:
        settings: ``settings.model`` names a package or a path; None tries the defaults in order.
        exclude: components not to load at all (cheaper than disabling them).

    Returns:
        The loaded pipeline.

    Raises:
        ModelNotFoundError: none of the names is installed; the message says what to install.
    """
    return _load(resolve_model(settings), exclude)


def resolve_model(settings: Settings) -> str:
    """The first installed model among :func:`model_names`, found without loading it.

    Raises:
        ModelNotFoundError: none of the names is installed; the message says what to install.
    """
    for name in model_names(settings):
        if spacy.util.is_package(name):
            return name
        path = spacy.util.ensure_path(name)
        if path.exists():
            if not (path / "config.cfg").is_file():
                raise ModelNotFoundError(f"{name}: not a spaCy model folder (it has no config.cfg)")
            return name
    tried = ", ".join(model_names(settings))
    raise ModelNotFoundError(
        f"no spaCy model found (tried {tried}); install the project's dependencies "
        "(pip install -e .) or set `model` to an installed package name or path"
    )


@cache
def _load(name: str, exclude: tuple[str, ...]) -> Language:
    return load_spacy(name, exclude)


def load_spacy(name: str, exclude: tuple[str, ...] = ()) -> Language:
    """``spacy.load`` with a broken model reported as :class:`ModelNotFoundError` rather than a traceback.

    Raises:
        ModelNotFoundError: the package or folder is not a loadable spaCy model.
    """
    try:
        return spacy.load(name, exclude=list(exclude))
    except (OSError, ValueError, KeyError, ImportError) as exc:
        raise ModelNotFoundError(f"cannot load spaCy model {name}: {str(exc).splitlines()[0]}") from exc
