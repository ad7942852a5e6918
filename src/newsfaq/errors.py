"""One family of errors for everything a user can get wrong.

The CLI prints ``str(error)`` on one line and exits non-zero, so every message
says what went wrong *and* what to do about it.
"""


class NewsfaqError(Exception):
    """Base class for user-facing errors (bad input, bad options)."""


class InputError(NewsfaqError):
    """The input could not be read as an article (empty, binary, too big, ...)."""


class MissingDateError(InputError):
    """The article has no publication date and none was given."""
