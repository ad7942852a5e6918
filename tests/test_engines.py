import logging

import pytest

from newsfaq import engines
from newsfaq.engines import FAQ_WRITER, READER
from newsfaq.errors import InputError
from newsfaq.nlp import llm
from newsfaq.nlp.llm import ModelUnavailable


def test_the_engine_comes_from_the_caller_then_the_environment(monkeypatch):
    monkeypatch.setenv("NEWSFAQ_FAQ_ENGINE", "model")
    assert FAQ_WRITER.engine(None) == "model" and FAQ_WRITER.engine("fast") == "fast"
    monkeypatch.delenv("NEWSFAQ_FAQ_ENGINE")
    assert FAQ_WRITER.engine(None) == "auto"
    monkeypatch.setenv("NEWSFAQ_FAQ_ENGINE", "gpt")
    with pytest.raises(InputError, match="NEWSFAQ_FAQ_ENGINE: unknown FAQ engine 'gpt'"):
        FAQ_WRITER.engine(None)
    with pytest.raises(InputError) as caught:
        FAQ_WRITER.engine("rules")
    assert caught.value.field == "engine"


def test_without_the_model_auto_says_so_once_and_model_refuses(monkeypatch, caplog):
    monkeypatch.setattr(llm, "missing", lambda: "llama-cpp-python is not installed")
    engines.say_once.cache_clear()
    assert FAQ_WRITER.model("fast", None) is None
    with caplog.at_level(logging.WARNING, logger="newsfaq"):
        assert FAQ_WRITER.model("auto", None) is None and FAQ_WRITER.model("auto", None) is None
    assert [r.getMessage() for r in caplog.records] == [
        "the model question writer is off (llama-cpp-python is not installed); writing questions with the fast "
        "engine alone"
    ]
    with pytest.raises(ModelUnavailable, match="'model' needs the model: llama-cpp-python is not installed"):
        FAQ_WRITER.model("model", None)


def test_the_reader_has_its_own_choice_and_says_its_own_absence(monkeypatch, caplog):
    monkeypatch.setenv("NEWSFAQ_ASK_ENGINE", "fast")
    monkeypatch.setenv("NEWSFAQ_FAQ_ENGINE", "model")
    assert READER.engine(None) == "fast" and FAQ_WRITER.engine(None) == "model"
    monkeypatch.setattr(llm, "missing", lambda: "llama-cpp-python is not installed")
    engines.say_once.cache_clear()
    with caplog.at_level(logging.WARNING, logger="newsfaq"):
        assert READER.model("auto", None) is None
    assert caplog.records[0].getMessage().startswith("the model reader is off (llama-cpp-python is not installed)")
    with pytest.raises(ModelUnavailable, match="the ask engine 'model' needs the model"):
        READER.model("model", None)
