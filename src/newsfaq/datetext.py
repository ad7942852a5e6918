"""Reading dates written in English: absolute ("6 January 2024") and relative
("last week", "on Thursday") resolved against an anchor date.

One module serves both ingestion (finding an article's own date) and the NLP
layer (resolving time expressions in the body against that date).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b")
_MDY = re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b", re.I)
_DMY = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})\b", re.I)
_MD = re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b", re.I)
_DM = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r"\b", re.I)
_YEAR = re.compile(r"^(?:in\s+)?(?P<year>(?:19|20)\d{2})$", re.I)
_WEEKDAY = re.compile(r"^(?:(?P<rel>last|next|this|on)\s+)?(?P<day>" + "|".join(WEEKDAYS) + r")$", re.I)
_UNIT_AGO = re.compile(
    r"^(?P<n>\d+|a|an|one|two|three|four|five|six|seven)\s+(?P<unit>day|week|month|year)s?\s+ago$", re.I
)
_WORD_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_iso(text: str) -> date | None:
    """A date written as YYYY-MM-DD, or None."""
    match = _ISO.fullmatch(text.strip())
    if not match:
        return None
    return _safe_date(int(match["year"]), int(match["m"]), int(match["d"]))


def parse_absolute(text: str) -> date | None:
    """The first full calendar date (with year) written anywhere in ``text``."""
    best: tuple[int, date] | None = None
    for pattern in (_ISO, _MDY, _DMY):
        for match in pattern.finditer(text):
            if pattern is _ISO:
                found = _safe_date(int(match["year"]), int(match["m"]), int(match["d"]))
            else:
                found = _safe_date(int(match["year"]), MONTHS[match["month"].lower()], int(match["day"]))
            if found and (best is None or match.start() < best[0]):
                best = (match.start(), found)
            if found:
                break
    return best[1] if best else None


def _month_day(text: str, anchor: date) -> date | None:
    """'January 5' / '5 Jan': the nearest such day not long after the anchor."""
    match = _MD.fullmatch(text) or _DM.fullmatch(text)
    if not match:
        return None
    month, day = MONTHS[match["month"].lower()], int(match["day"])
    candidate = _safe_date(anchor.year, month, day)
    if candidate and (candidate - anchor).days > 60:
        candidate = _safe_date(anchor.year - 1, month, day)
    return candidate


def _weekday(text: str, anchor: date, forward: bool) -> date | None:
    match = _WEEKDAY.fullmatch(text)
    if not match:
        return None
    target = WEEKDAYS.index(match["day"].lower())
    relation = (match["rel"] or "").lower()
    if relation == "next" or (forward and relation != "last"):
        return anchor + timedelta(days=(target - anchor.weekday()) % 7 or 7)
    # News reports use a bare weekday in the past tense for the most recent such day (today included).
    back = (anchor.weekday() - target) % 7
    if relation == "last" and back == 0:
        back = 7
    return anchor - timedelta(days=back)


def resolve(text: str, anchor: date, forward: bool = False) -> date | None:
    """The calendar date a time expression denotes, read against ``anchor``.

    ``forward``: the sentence speaks of the future, so a bare weekday ("on Monday") is the next such day.

    Returns None for expressions that name no definite time ("recently"). A
    span resolves to its first day ("last week" to that week's Monday); see
    :func:`iso_precision` for writing it at the right precision.
    """
    phrase = re.sub(r"\s+", " ", text.strip().lower().removeprefix("the "))
    phrase = phrase.removeprefix("on ").removeprefix("in ").strip(" ,.")
    simple = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
    if phrase in simple:
        return anchor + timedelta(days=simple[phrase])
    if phrase in ("last week", "next week", "this week"):
        monday = anchor - timedelta(days=anchor.weekday())
        shift = {"last week": -7, "next week": 7, "this week": 0}[phrase]
        return monday + timedelta(days=shift)
    if phrase in ("last month", "next month"):
        year, month = anchor.year, anchor.month + (-1 if phrase == "last month" else 1)
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
        return date(year, month, 1)
    if phrase in ("last year", "next year", "this year"):
        return date(anchor.year + {"last year": -1, "next year": 1, "this year": 0}[phrase], 1, 1)
    ago = _UNIT_AGO.fullmatch(phrase)
    if ago:
        count = _WORD_NUMBERS.get(ago["n"].lower()) or int(ago["n"])
        days = {"day": 1, "week": 7, "month": 30, "year": 365}[ago["unit"].lower()] * count
        return anchor - timedelta(days=days)
    if year := _YEAR.fullmatch(phrase):
        return date(int(year["year"]), 1, 1)
    return parse_absolute(phrase) or _weekday(phrase, anchor, forward) or _month_day(phrase, anchor)


def iso_precision(text: str, resolved: date) -> str:
    """ISO text at the precision the expression carries: '2017', '2023-12', or a full day."""
    phrase = text.strip().lower()
    if _YEAR.fullmatch(phrase.removeprefix("the ")) or phrase.endswith("year"):
        return f"{resolved.year:04d}"
    if phrase.endswith("week"):
        year, week, _ = resolved.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if phrase.endswith("month"):
        return f"{resolved.year:04d}-{resolved.month:02d}"
    return resolved.isoformat()
