"""All tunable options in one object, built once (from CLI flags or by callers).

Passing one ``Settings`` around keeps function signatures short and makes the
defaults visible in a single place.
"""

import os
from dataclasses import dataclass

from newsfaq.errors import FIELD, InputError

MAX_INPUT_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class Reading:
    """How an answer is looked for: what the archive retrieves and how many sentences the readers read."""

    retrieve: int = 40
    """Sentences fetched by BM25 before re-ranking."""

    read_articles: int = 3
    """Articles whose best sentences the reader reads."""

    subject_search_articles: int = 10
    """How far down the retrieved articles to look for ones that name the question's subject."""

    read_sentences: int = 3
    """Sentences the fast reader takes candidates from (the gold sentence is among the best three for 96% of
    SQuAD dev)."""

    model_sentences: int = 8
    """Sentences the model reads. On the news question set the answering sentence is among the best 5 for 87.7%
    of the answerable questions and among the best 8 for 95.2%; reading 8 answered 72.6% of them correctly from
    one article instead of 67.8%, and declined 61.8% of the unanswerable ones instead of 58.8%, for about 60%
    more prompt to read."""

    closeness_weight: float = 0.2
    """How much the embedding cosine adds to the word-overlap share when ranking sentences."""

    answer_at: float | None = None
    """The confidence an answer needs, else the source is said to be silent; None: the engine's own default
    (``ask.answering.default_bar``), and ``--strict`` asks for ``ask.answerability.STRICT_AT``."""


@dataclass(frozen=True)
class Settings:
    """Options shared by ingestion, FAQ writing and checking."""

    max_input_bytes: int = MAX_INPUT_BYTES
    """Inputs larger than this are refused (a news article is far smaller)."""

    max_questions: int = 8
    """How many question/answer pairs an FAQ holds at most."""

    max_answer_sentences: int = 2
    """An answer quotes at most this many article sentences."""

    min_items: int = 4
    """An article that reports an event should get at least this many items; fewer comes with a note saying
    why."""

    max_who: int = 2
    """At most this many "Who is ...?" items: a story's people matter through what they did, which the other
    items quote."""

    min_confidence: float = 0.2
    """Candidate pairs scored below this are not offered."""

    require_date: bool = True
    """Refuse undated articles; checking claims turns this off, since verdicts do not use the date."""

    faq_engine: str | None = None
    """Who writes the FAQ's questions: fast, model or auto (``engines.py``); None: $NEWSFAQ_FAQ_ENGINE, else
    auto."""

    answers: str = "quote"
    """``quote``: each answer is the article's sentences; ``short``: also a short answer by the model, shown
    only when the checker supports it (``faq/short_answers.py``)."""

    judge: str | None = None
    """The checker's model judge: off, auto or always (``check/cascade.py``); None: $NEWSFAQ_JUDGE, else auto."""

    llm_url: str | None = None
    """An OpenAI-compatible endpoint serving the judge's model; None: $NEWSFAQ_LLM_URL, else the local model."""

    reading: Reading = Reading()
    """How ``ask`` looks for answers, in one article or the archive."""


DEFAULT_SETTINGS = Settings()


def chosen_mode(mode: str | None, choices: tuple[str, ...], env: str, field: str, kind: str) -> str:
    """``mode`` checked against ``choices``, or when None the default: $``env``, else ``auto``. A wrong value
    is an InputError naming where it came from (the ``field`` of a request or CLI flag, or the variable)."""
    chosen = mode if mode is not None else os.environ.get(env) or "auto"
    if chosen not in choices:
        source, named = (FIELD, field) if mode is not None else (env, None)
        raise InputError(
            f"{source}: unknown {kind} {chosen!r}; use {', '.join(choices[:-1])} or {choices[-1]}", field=named
        )
    return chosen
