"""Whether an article is about the subject a question names.

A reader's answer must come from a story about what the question asks about: "Which party does Jesse Norman
belong to?" is not answered from a story about Hungary, however well one of its sentences fits "party" and
"belong". The question's names (its capitalised words after the first, runs of them taken as one name, such
as "Jesse Norman") must each appear in the article, in full or by one of their words ("Norman", a surname on
second mention), compared by the checker's word keys so case and inflection do not matter. A nationality
names its country by its stem ("Nigerian" -> "Nigeria", "Scottish" -> "Scotland").
"""

from __future__ import annotations

import re

from newsfaq.ask.question_analysis import QuestionInfo
from newsfaq.nlp.lexicon import CALENDAR_WORDS, Word

MIN_NAME_CHARS = 3
"""Shorter capitalised words ("US", "UN") also read as common words ("us"); they do not count as a name."""
NATIONALITY = re.compile(r"^(\w{4,}?)(?:ian|ish|ese|an|i)$")
"""A word that may be a nationality, and the stem its country shares ("canadian" -> "cana")."""


def names(info: QuestionInfo) -> list[set[str]]:
    """Each name in the question as the keys of its words."""
    found: list[list[Word]] = []
    previous_end = -2
    for position, word in enumerate(info.words):
        is_name = (
            position > 0
            and word.content
            and word.capitalised
            and len(word.text) >= MIN_NAME_CHARS
            and re.split(r"['’]", word.text.lower())[0] not in CALENDAR_WORDS
        )
        if not is_name:
            continue
        if found and info.text[previous_end : word.start].strip() == "":
            found[-1].append(word)
        else:
            found.append([word])
        previous_end = word.end
    return [{w.key for w in name} for name in found]


def about_subject(info: QuestionInfo, article_keys: set[str]) -> bool:
    """Whether every name the question holds appears in the article (``article_keys``: its content words'
    keys); a question without names restricts nothing."""
    return all(any(_named(key, article_keys) for key in name) for name in names(info))


def _named(key: str, article_keys: set[str]) -> bool:
    if key in article_keys:
        return True
    nationality = NATIONALITY.match(key)
    return bool(nationality) and any(k.startswith(nationality.group(1)[:4]) for k in article_keys)
