"""An article prepared for checking: its sentences and the words in each.

Built once per article and shared by every claim checked against it, so a
batch of claims about one story pays for the article once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsfaq.model import Sentence
from newsfaq.nlp.lexicon import Word, words
from newsfaq.nlp.sentences import split_sentences


@dataclass
class SentenceWords:
    """One article sentence with its words, the keys of its content words, and whether it negates."""

    sentence: Sentence
    words: list[Word]
    content_keys: frozenset[str]
    negated: bool


@dataclass
class ArticleIndex:
    """Everything a claim is compared with: every word key (plus spaced-number variants), the
    word pairs and triples in reading order, and where each word occurs."""

    body: str
    sentences: list[SentenceWords]
    keys: set[str] = field(default_factory=set)
    bigrams: set[tuple[str, str]] = field(default_factory=set)
    trigrams: set[tuple[str, str, str]] = field(default_factory=set)
    positions: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    """Where each word occurs: (sentence index, token position) pairs."""
    names: set[str] = field(default_factory=set)
    """Keys of words the article capitalises inside a sentence: people's and places' names."""

    def __post_init__(self) -> None:
        for entry in self.sentences:
            keys = [w.key for w in entry.words]
            self.keys.update(entry.content_keys)
            for position, key in enumerate(keys):
                self.positions.setdefault(key, []).append((entry.sentence.index, position))
            self.keys.update(keys)
            self.bigrams.update(zip(keys, keys[1:], strict=False))
            self.trigrams.update(zip(keys, keys[1:], keys[2:], strict=False))
            self.names.update(w.key for w in entry.words[1:] if w.capitalised and w.content and not w.number)


SPACED_NUMBER = re.compile(r"\b(\d{1,3})([,.]) (\d{3}\b|\d{1,2}\b)")
"""Numbers split by tokenisation ("235, 000", "98. 7"), common in wire copy run through NLP tools."""


def _spaced_numbers(text: str) -> set[str]:
    """Extra keys so a claim's "235,000" finds the article's "235, 000" (the tokens stay as written)."""
    found = set()
    for lead, mark, tail in SPACED_NUMBER.findall(text):
        if mark == "," and len(tail) == 3:
            found.add(lead + tail)
        elif mark == ".":
            found.add(f"{lead}.{tail}")
    return found


def build_index(body: str, sentences: list[Sentence]) -> ArticleIndex:
    """The ``ArticleIndex`` of a body already split into ``sentences`` (an ``Analysis`` holds them, so it
    is not split again)."""
    entries = []
    for sentence in sentences:
        found = words(sentence.text, sentence.start)
        keys = frozenset({w.key for w in found if w.content} | _spaced_numbers(sentence.text))
        entries.append(SentenceWords(sentence, found, keys, any(w.negation for w in found)))
    return ArticleIndex(body, entries)


def index_articles(bodies: list[str]) -> list[ArticleIndex]:
    """One ``ArticleIndex`` per body, the sentences of all of them split in one batch."""
    return [build_index(body, sentences) for body, sentences in zip(bodies, split_sentences(bodies), strict=True)]
