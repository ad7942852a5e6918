import logging

import pytest

from newsfaq.errors import InputError
from newsfaq.faq import engines
from newsfaq.faq.engines import faq_engine, question_model
from newsfaq.nlp import llm
from newsfaq.nlp.llm import ModelUnavailable


def test_the_engine_comes_from_the_caller_then_the_environment(monkeypatch):
    monkeypatch.setenv("NEWSFAQ_FAQ_ENGINE", "model")
    assert faq_engine(None) == "model" and faq_engine("fast") == "fast"
    monkeypatch.delenv("NEWSFAQ_FAQ_ENGINE")
    assert faq_engine(None) == "auto"
    monkeypatch.setenv("NEWSFAQ_FAQ_ENGINE", "gpt")
    with pytest.raises(InputError, match="NEWSFAQ_FAQ_ENGINE: unknown FAQ engine 'gpt'"):
        faq_engine(None)
    with pytest.raises(InputError) as caught:
        faq_engine("rules")
    assert caught.value.field == "engine"


def test_without_the_model_auto_says_so_once_and_model_refuses(monkeypatch, caplog):
    monkeypatch.setattr(llm, "missing", lambda: "llama-cpp-python is not installed")
    engines.say_model_off.cache_clear()
    assert question_model("fast", None) is None
    with caplog.at_level(logging.WARNING, logger="newsfaq"):
        assert question_model("auto", None) is None and question_model("auto", None) is None
    assert [r.getMessage() for r in caplog.records] == [
        "the model question writer is off (llama-cpp-python is not installed); writing questions with the fast "
        "engine alone"
    ]
    with pytest.raises(ModelUnavailable, match="'model' needs the model: llama-cpp-python is not installed"):
        question_model("model", None)
