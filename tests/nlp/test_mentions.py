"""Names as a question gives them (``nlp/mentions.py``)."""

from __future__ import annotations

import pytest

from newsfaq.nlp.mentions import full_names, without_role
from newsfaq.nlp.pipeline import get_nlp


@pytest.mark.parametrize(
    ("name", "bare"),
    [
        ("Assistant Commissioner Mark Rowley", "Mark Rowley"),
        ("commissioner mark rowley", "mark rowley"),
        ("Qantas Chief Executive Alan Joyce", "Alan Joyce"),
        ("Minister al-Sudani", "al-Sudani"),
        ("Mushtaq Jawad Kazim al-Jawari", "Mushtaq Jawad Kazim al-Jawari"),
        ("Prince Harry", "Prince Harry"),
        ("Dr Jane Hale", "Dr Jane Hale"),
        ("John Major", "John Major"),
    ],
)
def test_a_role_before_a_name_is_not_part_of_it(name, bare):
    assert without_role(name) == bare


def test_full_names_drop_a_role_the_parser_cut_short():
    doc = get_nlp()(
        "Assistant commissioner mark rowley, head of operations at the police, warned of attacks. "
        "Assistant commissioner mark rowley said tactics were changing."
    )
    assert full_names(doc)["rowley"] == "mark rowley"
