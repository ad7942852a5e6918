"""Short answers (``--answers short``): the model says the answer in a few words, and the checker decides
whether it may be shown.

A quoted sentence is faithful but often says more than was asked ("How many were rescued?" answered by a
40-word sentence). The model can say "More than 40 passengers." but may also add, swap or invent; so a short
answer is shown only when the checker finds it supported by the item's cited sentences alone (an FAQ's few
answers are all read by the model judge unless it is off: ``check/cascade.py``). The quote stays the answer
of record, with its citations, and stands alone when the short answer is refused.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from newsfaq.check.checker import check_many
from newsfaq.errors import FIELD, InputError
from newsfaq.model import QAPair
from newsfaq.nlp.llm import Messages, ReplyWriter, available_model, first_line
from newsfaq.settings import Settings

ANSWER_STYLES = ("quote", "short")

SYSTEM = (
    "You answer a reader's question about a news story in one short sentence of at most 20 words, using only "
    "the quoted sentences. Do not add anything they do not say. If they do not answer it, reply: not stated."
)
MAX_ANSWER_TOKENS = 48
MAX_WORDS = 25
SHORTER_THAN_QUOTE = 0.8
"""A short answer at least this long, as a share of the quote's characters, saves the reader nothing."""
_LABEL = re.compile(r"^(?:short answer|answer|a)\s*[:.]\s*", re.I)


def answer_messages(question: str, quote: str) -> Messages:
    """The chat asking for a short answer to ``question`` from the item's quoted sentences."""
    user = f"Quoted sentences: {quote}\n\nQuestion: {question}\n\nShort answer:"
    return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": user}]


def tidy_answer(reply: str, quote: str) -> str | None:
    """The reply's first line as one short sentence, or None when it declines, runs long or is hardly shorter
    than the quote."""
    line = _LABEL.sub("", first_line(reply)).strip(" \"'“”")
    words = line.split()
    if not words or "not stated" in line.lower() or len(words) > MAX_WORDS:
        return None
    if len(line) >= SHORTER_THAN_QUOTE * len(quote):
        return None
    line = line[0].upper() + line[1:]
    return line if line[-1] in ".!?" else f"{line}."


def answer_style(style: str) -> str:
    """``style`` when it is one of ANSWER_STYLES, else an InputError naming the field."""
    if style not in ANSWER_STYLES:
        raise InputError(f"{FIELD}: unknown answer style {style!r}; use quote or short", field="answers")
    return style


def with_short_answers(
    items: list[QAPair], settings: Settings, progress: Callable[[int, int], None] | None = None
) -> list[QAPair]:
    """``items`` with their checked short answers (the model is required: ModelUnavailable without it)."""
    model = available_model(settings.llm_url, "--answers short", lambda _: None)
    assert model is not None  # required, so never None
    answers = short_answers(items, model, settings.judge, settings.llm_url, progress)
    return [replace(item, short_answer=answer) for item, answer in zip(items, answers, strict=True)]


def short_answers(
    items: Sequence[QAPair],
    model: ReplyWriter,
    judge: str | None,
    llm_url: str | None,
    progress: Callable[[int, int], None] | None = None,
) -> list[str | None]:
    """For each item, its checked short answer, or None where the model declined or the checker did not find
    the answer supported by the item's cited sentences (``judge``: the checker's judge mode;
    ``progress(done, total)`` after each answer written)."""
    drafts = draft_answers(items, model, progress)
    kept = supported(items, drafts, judge, llm_url)
    return [draft if keep else None for draft, keep in zip(drafts, kept, strict=True)]


def draft_answers(
    items: Sequence[QAPair], model: ReplyWriter, progress: Callable[[int, int], None] | None = None
) -> list[str | None]:
    """The model's short answer to each item from its quote, unchecked (None where it wrote no usable one)."""
    drafts = []
    for done, item in enumerate(items, start=1):
        reply = model.reply(answer_messages(item.question, item.answer), max_tokens=MAX_ANSWER_TOKENS, stop=["\n"])
        drafts.append(tidy_answer(reply, item.answer))
        if progress:
            progress(done, len(items))
    return drafts


def supported(
    items: Sequence[QAPair], drafts: Sequence[str | None], judge: str | None, llm_url: str | None
) -> list[bool]:
    """Whether the checker finds each draft supported by its item's quote (False where there is no draft)."""
    asked = [(item.answer, draft) for item, draft in zip(items, drafts, strict=True) if draft]
    verdicts = iter(check_many(asked, judge=judge, llm_url=llm_url) if asked else [])
    return [bool(draft) and next(verdicts).label == "supported" for draft in drafts]
