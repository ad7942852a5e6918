"""Errors carry the field they concern, and each face names it its own way."""

from __future__ import annotations

import pickle

import pytest

from newsfaq.archive import check_date
from newsfaq.ask.answering import validate_question
from newsfaq.errors import FIELD, InputError, NewsfaqError, NotFound, describe


def test_describe_names_the_field_as_the_face_calls_it():
    error = InputError(f"{FIELD} 'last Tuesday' is not a date; write it as YYYY-MM-DD", field="as_of")
    assert str(error) == "as_of 'last Tuesday' is not a date; write it as YYYY-MM-DD"
    assert describe(error, {"as_of": "--as-of"}) == "--as-of 'last Tuesday' is not a date; write it as YYYY-MM-DD"
    assert describe(error, {"since": "--since"}) == str(error)
    assert describe(NewsfaqError("no field {field}"), {"as_of": "--as-of"}) == "no field {field}"


@pytest.mark.parametrize(
    ("check", "field"),
    [
        (lambda: check_date("last Tuesday", "as_of"), "as_of"),
        (lambda: check_date("2024-13-45", "until"), "until"),
        (lambda: validate_question("   "), "question"),
        (lambda: validate_question("why " * 300, "query"), "query"),
    ],
)
def test_the_core_checks_say_which_field_is_wrong(check, field):
    with pytest.raises(InputError) as raised:
        check()
    assert raised.value.field == field and str(raised.value).startswith(f"{field} ")


def test_an_error_keeps_its_field_across_worker_processes():
    error = pickle.loads(pickle.dumps(InputError(f"{FIELD} is empty", field="question")))
    assert (error.field, str(error)) == ("question", "question is empty")


def test_user_text_in_a_message_is_never_taken_for_the_field():
    error = NotFound(f"no article {'{field}'!r} in the archive; give {FIELD}", field="article_id")
    assert describe(error, {"article_id": "ARTICLE_ID"}) == "no article '{field}' in the archive; give ARTICLE_ID"
