"""Word-level normalisation shared by the article index and the claim side.

Matching works on lower-cased Snowball stems, so "killed" meets "kill" and
CNN/DM's lower-cased summaries meet their cased articles. Numbers are
normalised ("2,500" and "2500", "two" and "2") so a changed figure shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer
from spacy.lang.en.stop_words import STOP_WORDS
from wordfreq import zipf_frequency

from newsfaq.datetext import MONTHS, WEEKDAYS

TOKEN_RE = re.compile(r"\d+(?:[.,:]\d+)*(?:%|s\b)?|[^\W\d_]+(?:['’][^\W\d_]+)*|[$€£%]")
"""The tokeniser: figures with their separators, words with their apostrophes, currency and percent signs."""
LETTER_RUN = re.compile(r"[^\W\d_]+")
"""Runs of letters alone, for tests that count words rather than read them (which language, which wh-word)."""
SAY_VERBS = {"say", "tell", "state", "announce", "claim", "warn", "insist", "argue", "add"}
"""Verbs that report what someone said, whose subject is the speaker."""
SPEECH_LEMMAS = SAY_VERBS | {"tweet", "write", "post", "explain"}
"""What someone's words are given with, spoken or written: a question may ask them with one ("What did X
tweet?") and a quotation may be attributed with one."""
QUOTE_MARKS = "\"'`“”‘’"
"""The marks a quotation opens or closes with, as the scraped texts write them."""
NEGATIONS = {"not", "no", "never", "n't", "nor", "none", "nobody", "nothing", "neither", "without", "cannot"}
NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
    "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14", "fifteen": "15",
    "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19", "twenty": "20", "thirty": "30",
    "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80", "ninety": "90", "hundred": "100",
    "thousand": "1000", "million": "1000000",
    "first": "1st", "second": "2nd", "third": "3rd", "fourth": "4th", "fifth": "5th",
}  # fmt: skip
STOP = frozenset(STOP_WORDS | {"say", "said", "says", "'s", "s", "mr", "ms", "mrs"}) - NEGATIONS
_STEMMER = snowballstemmer.stemmer("english")


@dataclass(slots=True)
class Word:
    """One token: its surface form, match key and what kind of word it is."""

    text: str
    key: str
    start: int
    end: int
    content: bool
    number: bool
    negation: bool
    rarity: float

    @property
    def capitalised(self) -> bool:
        """Whether the token starts with a capital letter: inside a sentence, a sign of a name."""
        return self.text[:1].isupper()


@lru_cache(maxsize=200_000)
def _describe(surface: str) -> tuple[str, bool, bool, bool, float]:
    """(key, content, number, negation, rarity) of a surface form; the same word recurs, so cache it."""
    lower = surface.lower()
    base = _base(lower)
    number = lower[0].isdigit() or base in NUMBER_WORDS
    digits = lower.replace(",", "").removesuffix("s")
    key = digits if lower[0].isdigit() else NUMBER_WORDS.get(base) or _STEMMER.stemWord(base)
    negation = base in NEGATIONS or base.endswith("n't")
    content = number or (_is_content(surface, base) and not negation)
    return key, content, number, negation, rarity(lower)


@lru_cache(maxsize=200_000)
def rarity(word: str) -> float:
    """How informative a word is: 0 for 'the', about 6 for a rare name (8 minus Zipf frequency)."""
    return max(0.0, 8.0 - zipf_frequency(word, "en"))


def _base(lower: str) -> str:
    """The word without a possessive 's and with a straight apostrophe."""
    lower = lower.replace("’", "'")
    return lower[:-2] if lower.endswith("'s") and len(lower) > 2 else lower


def _is_content(surface: str, base: str) -> bool:
    acronym = surface.isupper() and len(surface) > 1  # "US", "UN": not the stop words "us", "un"
    month = surface == "May"  # the month, not the stop word "may": a claim's wrong month must count
    return (acronym or month or (base not in STOP and len(base) > 1)) and base.replace("'", "").isalpha()


def words(text: str, offset: int = 0) -> list[Word]:
    """The tokens of ``text`` with offsets shifted by ``offset`` (its place in the body)."""
    found = []
    for match in TOKEN_RE.finditer(text):
        surface = match.group()
        key, content, number, negation, rare = _describe(surface)
        found.append(Word(surface, key, match.start() + offset, match.end() + offset, content, number, negation, rare))
    return found


CALENDAR_WORDS = {name: "weekday" for name in WEEKDAYS} | {
    name: "month" for name in MONTHS if len(name) > 3 or name == "may"
}
"""Day and month names (not the abbreviations, which are ordinary words: "mar", "sat")."""


def calendar_kind(word: Word) -> str | None:
    """The kind of a day or month name, "weekday" or "month" ("may" only as "May"); None for other words."""
    lower = word.text.lower()
    return CALENDAR_WORDS.get(lower) if lower != "may" or word.capitalised else None


def content_keys(text: str) -> set[str]:
    """The match keys of ``text``'s content words: what a question's words are looked for among, and what two
    sentences share."""
    return {w.key for w in words(text) if w.content}


def share_held(ours: set[str], theirs: set[str]) -> float:
    """The share of ``ours`` (content keys) that ``theirs`` holds; 0 when ``ours`` is empty: how far one sentence
    says what another does."""
    return len(ours & theirs) / len(ours) if ours else 0.0
