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
_TOKEN = re.compile(r"\w+|[^\w\s]")


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
    """The model's answer located in ``sentences``, or None when it says they do not answer, or names words
    that are not in them."""
    reply = model.reply(reader_messages(question, sentences), max_tokens=MAX_ANSWER_TOKENS, stop=["\n"])
    return locate(reply, sentences)


def locate(reply: str, sentences: list[str]) -> ModelSpan | None:
    """The first occurrence of ``reply``'s words, in order, in one of ``sentences``."""
    reply = reply.strip().strip("\"'“”‘’.").strip()
    tokens = _TOKEN.findall(reply)
    if not tokens or NOT_STATED in reply.lower() or len(reply.split()) > MAX_ANSWER_WORDS:
        return None
    ends = r"(?!\w)(?![,.]\d)" if tokens[-1][-1].isalnum() else ""
    pattern = re.compile(r"(?<!\w)(?<!\d[,.])" + r"\s*".join(re.escape(t) for t in tokens) + ends, re.I)
    for position, text in enumerate(sentences):
        found = pattern.search(text)
        if found:
            return ModelSpan(position, found.start(), found.end())
    return None
