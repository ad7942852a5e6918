from datetime import date

import pytest

from newsfaq import datetext

ANCHOR = date(2024, 1, 6)  # a Saturday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("yesterday", date(2024, 1, 5)),
        ("on Thursday", date(2024, 1, 4)),
        ("Saturday", date(2024, 1, 6)),
        ("last Saturday", date(2023, 12, 30)),
        ("next Monday", date(2024, 1, 8)),
        ("in 2017", date(2017, 1, 1)),
        ("last week", date(2024, 1, 1) - (date(2024, 1, 1) - date(2023, 12, 25))),
        ("three days ago", date(2024, 1, 3)),
        ("December 28", date(2023, 12, 28)),
        ("5 January 2024", date(2024, 1, 5)),
        ("recently", None),
    ],
)
def test_resolve_against_article_date(text, expected):
    assert datetext.resolve(text, ANCHOR) == expected


def test_iso_precision_follows_the_expression():
    assert datetext.iso_precision("2017", date(2017, 1, 1)) == "2017"
    assert datetext.iso_precision("last week", date(2024, 1, 1)) == "2024-W01"
    assert datetext.iso_precision("on Thursday", date(2024, 1, 4)) == "2024-01-04"


def test_parse_absolute_finds_first_full_date():
    assert datetext.parse_absolute("Published: March 3, 2024. Updated 4 March 2024") == date(2024, 3, 3)
    assert datetext.parse_absolute("no date here") is None
    assert datetext.parse_iso("2024-02-30") is None
