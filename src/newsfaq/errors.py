"""One family of errors for everything a user can get wrong.

The CLI prints an error on one line and exits non-zero, so every message
says what went wrong *and* what to do about it.

An error about one input carries its ``field``: the name Python and the JSON
API give it ("as_of", "question", "article.date"). Each face calls that input
something else (the CLI says ``--as-of``, the HTTP API's search says ``q``),
so the message is written with ``FIELD`` where the name goes and each face
fills it in with ``describe``; ``str(error)`` uses the field's own name.
"""

from __future__ import annotations

from collections.abc import Mapping

FIELD = "\x00field\x00"
"""The placeholder for the field's name in a message (``f"{FIELD} is empty"``): control characters, so user
text quoted in the same message (a file name, an id) is never mistaken for it."""


class NewsfaqError(Exception):
    """Base class for user-facing errors (bad input, bad options)."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field

    def __str__(self) -> str:
        return describe(self)


class InputError(NewsfaqError):
    """The input could not be read as an article (empty, binary, too big, ...)."""


class MissingDateError(InputError):
    """The article has no publication date and none was given."""


class NotFound(NewsfaqError):
    """What the request names does not exist: an article id, or the archive itself."""


def describe(error: NewsfaqError, names: Mapping[str, str] | None = None) -> str:
    """The error's message with its field named as ``names`` maps it (else by the field's own name).

    The CLI prints ``describe(error, FLAGS)`` with a table of how it spells each field, e.g.
    ``{"as_of": "--as-of", "since": "--since", "until": "--until", "question": "the question",
    "query": "the search query", "article.date": "--date"}``, so a bad date reads
    "--as-of 'last Tuesday' is not a date; ..." there and "as_of 'last Tuesday' ..." over HTTP.
    """
    message = str(error.args[0]) if error.args else ""
    if error.field is None:
        return message
    return message.replace(FIELD, (names or {}).get(error.field, error.field))
