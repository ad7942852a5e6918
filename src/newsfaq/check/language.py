"""A cheap test for English text: the checker says so instead of guessing on other languages."""

from __future__ import annotations

from wordfreq import zipf_frequency

from newsfaq.nlp.lexicon import LETTER_RUN, STOP

MIN_STOP_SHARE = 0.15
"""Running English has 35-50% function words; other languages have almost none of ours."""
MIN_KNOWN_SHARE = 0.6
"""Or a short English claim is mostly common English words (names aside)."""


def looks_english(text: str) -> bool:
    """Whether ``text`` reads as English: by its share of English stop words, or for 8 to 11 words also of
    common English words; under 8 words it always does (a claim may be mostly names)."""
    found = [w.lower() for w in LETTER_RUN.findall(text)]
    if len(found) < 8:
        return True  # too short to tell: a claim may be mostly names
    stop_share = sum(w in STOP for w in found) / len(found)
    if len(found) >= 12:
        return stop_share >= MIN_STOP_SHARE
    known_share = sum(zipf_frequency(w, "en") >= 3.0 for w in found) / len(found)
    return stop_share >= MIN_STOP_SHARE * 2 / 3 or known_share >= MIN_KNOWN_SHARE
