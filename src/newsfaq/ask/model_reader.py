"""The local model as a reader: given a question and the best sentences found for it, it names the words
that answer it, or says the sentences do not.

The fast reader picks among candidate spans by features learnt on SQuAD, and on a reader's reworded news
question ("Who was killed in the strike?" / "... resulted in the death of al-Jawari") it rarely finds the
right one. The model reads the question's meaning. What it names is never trusted as written: the answer
must occur word for word in one of the sentences it was shown (compared as the checker compares words), and
the answer given is the article's own text there, cited by that sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from newsfaq.nlp.lexicon import Word, calendar_kind, content_keys, words
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
_NUMBER_SPACING = re.compile(r"(\d),\s+(\d{3})(?!\d)")
"""'1, 200' as the model may space a figure, to be read as '1,200' (not 'May 5, 2024' or '2019, 2021')."""
LEADING_ARTICLES = {"the", "a", "an"}
_CHOICE = re.compile(r"\bor\b", re.I)
"""'Rotterdam or Antwerp?': the answer is one of the question's own words."""
MIN_FUZZY_CHARS = 6
"""Shorter words must match exactly: 'cat' and 'car' are different words, not a misspelling."""
FUZZY_RATIO = 0.85


@dataclass(frozen=True)
class ModelSpan:
    """Where the model's answer lies: the position of the sentence among those shown and the span in it."""

    sentence: int
    start: int
    end: int


def reader_messages(question: str, sentences: list[str]) -> Messages:
    """The chat put to the model reader: the instructions, then the sentences numbered from 1 and the question."""
    numbered = "\n".join(f"{n}. {text}" for n, text in enumerate(sentences, start=1))
    return [
        {"role": "system", "content": SYSTEM},
        {"role": "user", "content": f"Sentences:\n{numbered}\n\nQuestion: {question}"},
    ]


def read_span(model: ReplyWriter, question: str, sentences: list[str]) -> ModelSpan | None:
    """The model's answer located in ``sentences``, or None when it says they do not answer, names words that
    are not in them or only repeats the question's (unless the question offers a choice: "X or Y?")."""
    reply = model.reply(reader_messages(question, sentences), max_tokens=MAX_ANSWER_TOKENS, stop=["\n"])
    span = locate(reply, sentences)
    if span is None:
        return None
    said = content_keys(sentences[span.sentence][span.start : span.end])
    if said and said <= content_keys(question) and not _CHOICE.search(question):
        return None  # only the question's own words ("Who will Villa meet?" - "Villa"): it tells the reader nothing
    return span


def locate(reply: str, sentences: list[str]) -> ModelSpan | None:
    """The first place where ``reply``'s words, in order, are one of ``sentences``' words. Words are compared
    by the checker's keys: case, inflection, punctuation and the writing of a number ("four" / "4", "1,200" /
    "1200") aside. Only when no sentence holds them so may a long word misspelt by a letter or two ("Victory
    Cross") meet the article's. A leading "the", "a" or "an" the sentence lacks is dropped; a part of a number
    is not the number."""
    reply = _NUMBER_SPACING.sub(r"\1,\2", reply.strip())
    asked = words(reply)
    says_something = any(w.content or w.number or calendar_kind(w) for w in asked)  # not "it"; "May" is
    if not says_something or NOT_STATED in reply.lower() or len(reply.split()) > MAX_ANSWER_WORDS:
        return None
    trimmed = asked[1:] if asked[0].key in LEADING_ARTICLES and len(asked) > 1 else asked
    found = [words(text) for text in sentences]
    for same in (_exact, _misspelt):
        for wanted in (asked, trimmed):
            for position, sentence_words in enumerate(found):
                for first in range(len(sentence_words) - len(wanted) + 1):
                    run = sentence_words[first : first + len(wanted)]
                    if all(same(w, f) for w, f in zip(wanted, run, strict=True)):
                        return ModelSpan(position, run[0].start, run[-1].end)
    return None


def _exact(asked: Word, found: Word) -> bool:
    return asked.key == found.key


def _misspelt(asked: Word, found: Word) -> bool:
    if asked.key == found.key:
        return True
    long_words = not asked.number and not found.number and min(len(asked.key), len(found.key)) >= MIN_FUZZY_CHARS
    close = SequenceMatcher(None, asked.key, found.key).ratio() >= FUZZY_RATIO
    return long_words and asked.key[:4] == found.key[:4] and close
