"""The local model as a reader: given a question and the best sentences found for it, it names the words
that answer it, or says the sentences do not.

The fast reader picks among candidate spans by features learnt on SQuAD, and on a reader's reworded news
question ("Who was killed in the strike?" / "... resulted in the death of al-Jawari") it rarely finds the
right one. The model reads the question's meaning. What it names is never trusted as written: the answer
must occur word for word in one of the sentences it was shown (case and the spacing of punctuation aside),
and the answer given is the article's own text there, cited by that sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from newsfaq.check.lexicon import Word, words
from newsfaq.nlp.llm import Messages, ReplyWriter

SYSTEM = (
    "You answer a reader's question from numbered sentences of news articles. Reply with the shortest words "
    "copied exactly from one sentence that answer the question. If the sentences do not answer it, reply: "
    "not stated"
)
NOT_STATED = "not stated"
MAX_ANSWER_TOKENS = 24
MAX_ANSWER_WORDS = 15
"""A longer reply is not a span but a paraphrase of a sentence."""
_NUMBER_SPACING = re.compile(r"(\d)([.,])\s+(\d)")
"""'1, 200' as the model may space a figure, to be read as '1,200'."""
LEADING_ARTICLES = {"the", "a", "an"}
MIN_FUZZY_CHARS = 5
"""Shorter words must match exactly: 'cat' and 'car' are different words, not a misspelling."""


@dataclass(frozen=True)
class ModelSpan:
    """Where the model's answer lies: the position of the sentence among those shown and the span in it."""

    sentence: int
    start: int
    end: int


def reader_messages(question: str, sentences: list[str]) -> Messages:
    numbered = "\n".join(f"{n}. {text}" for n, text in enumerate(sentences, start=1))
    return [
        {"role": "system", "content": SYSTEM},
        {"role": "user", "content": f"Sentences:\n{numbered}\n\nQuestion: {question}"},
    ]


def read_span(model: ReplyWriter, question: str, sentences: list[str]) -> ModelSpan | None:
    """The model's answer located in ``sentences``, or None when it says they do not answer, names words that
    are not in them or only repeats the question's."""
    reply = model.reply(reader_messages(question, sentences), max_tokens=MAX_ANSWER_TOKENS, stop=["\n"])
    span = locate(reply, sentences)
    if span is None or _keys(sentences[span.sentence][span.start : span.end]) <= _keys(question):
        return None  # only the question's own words ("Who will Villa meet?" - "Villa"): it tells the reader nothing
    return span


def _keys(text: str) -> set[str]:
    return {w.key for w in words(text) if w.content}


def locate(reply: str, sentences: list[str]) -> ModelSpan | None:
    """The first place where ``reply``'s words, in order, are one of ``sentences``' words. Words are compared
    by the checker's keys: case, inflection, punctuation and the writing of a number ("four" / "4", "1,200" /
    "1200") aside, and a long word misspelt by a letter or two ("Victory Cross") still meets the article's.
    A leading "the", "a" or "an" the sentence lacks is dropped; a part of a number is not the number."""
    reply = _NUMBER_SPACING.sub(r"\1\2\3", reply.strip())
    asked = words(reply)
    if not any(w.content for w in asked) or NOT_STATED in reply.lower() or len(reply.split()) > MAX_ANSWER_WORDS:
        return None
    trimmed = asked[1:] if asked[0].key in LEADING_ARTICLES and len(asked) > 1 else asked
    for wanted in (asked, trimmed):
        for position, text in enumerate(sentences):
            found = words(text)
            for first in range(len(found) - len(wanted) + 1):
                if all(_same(w, f) for w, f in zip(wanted, found[first : first + len(wanted)], strict=True)):
                    return ModelSpan(position, found[first].start, found[first + len(wanted) - 1].end)
    return None


def _same(asked: Word, found: Word) -> bool:
    if asked.key == found.key:
        return True
    spelt = not asked.number and not found.number and min(len(asked.key), len(found.key)) >= MIN_FUZZY_CHARS
    return spelt and asked.key[:3] == found.key[:3] and SequenceMatcher(None, asked.key, found.key).ratio() >= 0.8
