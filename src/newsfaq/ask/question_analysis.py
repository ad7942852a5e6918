"""What a question asks for: its wh-type, the kind of answer expected, and
the words that should appear near the answer in the article."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsfaq.nlp.lexicon import LETTER_RUN, Word, words

TYPE_NOUNS = {
    "PERSON": {"person", "man", "woman", "people", "player", "leader", "president", "name", "king", "queen",
               "scientist", "author", "artist", "minister", "commander", "founder"},
    "ORG": {"company", "organization", "organisation", "group", "team", "party", "agency", "university", "club",
            "network", "firm", "band", "militia"},
    "GPE": {"country", "city", "state", "nation", "town", "region", "province", "capital", "place", "continent"},
    "DATE": {"year", "date", "century", "decade", "day", "month", "time", "period", "era", "season"},
    "NUMBER": {"number", "amount", "percentage", "percent", "population", "size", "age", "cost", "price", "rate"},
}  # fmt: skip
PRESENT = re.compile(r"\b(is|are|does|do|has|have|leads?|currently|now|today)\b", re.I)


@dataclass
class QuestionInfo:
    """``kind`` is who, when, where, how-many, why, how, which or what; ``expects`` an answer type."""

    text: str
    kind: str
    expects: str
    words: list[Word]
    present: bool

    @property
    def keys(self) -> set[str]:
        """The match keys of the question's content words."""
        return {w.key for w in self.words if w.content}


def _type_noun(after_wh: list[str]) -> str | None:
    for word in after_wh[:3]:
        for expected, nouns in TYPE_NOUNS.items():
            if word in nouns or word.rstrip("s") in nouns:
                return expected
    return None


def analyse_question(text: str) -> QuestionInfo:
    """What ``text`` asks: its wh-word sets ``kind`` and ``expects`` (a type noun after "what" or "which"
    narrows the answer type), and ``present`` says it asks about now (is, does, currently), not the past."""
    lowered = LETTER_RUN.findall(text.lower())
    found = words(text)
    wh = next((i for i, w in enumerate(lowered) if w in {"who", "whom", "whose", "when", "where", "why", "how",
                                                          "what", "which"}), None)  # fmt: skip
    word = lowered[wh] if wh is not None else ""
    following = lowered[wh + 1 :] if wh is not None else lowered
    kind, expects = "what", _type_noun(following) or "OTHER"
    if word in ("who", "whom", "whose"):
        kind, expects = "who", "PERSON"
    elif word == "when":
        kind, expects = "when", "DATE"
    elif word == "where":
        kind, expects = "where", "GPE"
    elif word == "why":
        kind, expects = "why", "REASON"
    elif word == "how":
        nxt = following[0] if following else ""
        if nxt in ("many", "much"):
            kind, expects = "how-many", "NUMBER"
        elif nxt in ("long", "old", "far", "big", "large", "tall", "high", "often", "fast"):
            kind, expects = "how-many", "NUMBER" if nxt != "long" else "DURATION"
        else:
            kind, expects = "how", "MANNER"
    elif word == "which":
        kind = "which"
    present = bool(PRESENT.search(text)) and not re.search(r"\b(was|were|did|had)\b", text, re.I)
    return QuestionInfo(text, kind, expects, found, present)
