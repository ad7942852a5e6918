"""The ``newsfaq`` command run in-process through Typer's ``CliRunner``, with what a subprocess would give.

``run`` returns the shape ``subprocess.run(..., capture_output=True)`` did (``returncode``, ``stdout`` and
``stderr`` as bytes), so the CLI tests keep their assertions. A process starts afresh; one in-process call
after another does not, so ``run`` puts back what a call may leave behind: ``os.environ`` (``serve
--llm-url`` sets a variable), and the once-per-process warnings, which are cleared before each call. The
warnings go through ``logging``, which a real process prints on stderr (Python's last-resort handler) and
pytest would otherwise capture for itself: a handler on the ``newsfaq`` logger prints them on the runner's
stderr, as the process would. An uncaught exception's traceback is appended to stderr, as Python prints it,
so the tests' "no traceback" checks hold in-process too.

``CLI`` is the real command, for the few tests that need a process: real pipes and FIFOs on stdin, signals,
an endless device file, a server, and the smoke test that the command starts at all.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from dataclasses import dataclass

from typer.testing import CliRunner

CLI = [sys.executable, "-m", "newsfaq"]


@dataclass(frozen=True)
class Ran:
    """What a call gave: like ``subprocess.CompletedProcess``, plus the exception the runner caught."""

    args: list[str]
    returncode: int
    stdout: bytes
    stderr: bytes
    exception: BaseException | None

    @property
    def crashed(self) -> bool:
        """Whether the command ended on an uncaught exception (not ``typer.Exit`` / ``SystemExit``)."""
        return self.exception is not None and not isinstance(self.exception, SystemExit)


class _StderrNow(logging.Handler):
    """Like Python's last-resort handler: the message alone, on whatever ``sys.stderr`` is at the time."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)

    def emit(self, record: logging.LogRecord) -> None:
        try:
            sys.stderr.write(self.format(record) + "\n")
        except Exception:  # pragma: no cover - as logging.StreamHandler does
            self.handleError(record)


def _fresh_process_state() -> None:
    """Forget the warnings given "once per process"."""
    from newsfaq.check.cascade import say_judge_off
    from newsfaq.engines import say_once

    say_once.cache_clear()
    say_judge_off.cache_clear()


def run(*args: str, stdin: bytes | None = None, env: dict[str, str | None] | None = None) -> Ran:
    """``newsfaq ARGS`` in this process, with ``stdin`` as its standard input and ``env`` over os.environ."""
    from newsfaq.cli import app

    _fresh_process_state()
    saved_environ = dict(os.environ)
    handler = _StderrNow()
    logger = logging.getLogger("newsfaq")
    logger.addHandler(handler)
    try:
        result = CliRunner().invoke(app, list(args), input=stdin, env=env, prog_name="newsfaq")
    finally:
        logger.removeHandler(handler)
        if dict(os.environ) != saved_environ:
            os.environ.clear()
            os.environ.update(saved_environ)
    stderr = result.stderr_bytes
    ran = Ran(list(args), result.exit_code, result.stdout_bytes, stderr, result.exception)
    if ran.crashed:
        printed = "".join(traceback.format_exception(result.exception))
        ran = Ran(ran.args, ran.returncode, ran.stdout, stderr + printed.encode(errors="replace"), ran.exception)
    return ran
