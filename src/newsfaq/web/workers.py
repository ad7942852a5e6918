"""Where the server's CPU work runs, so the event loop never waits on it.

One worker (the default) is a single thread: it owns the archive's SQLite
connection (bound to the thread that opened it) and is the only caller of the
spaCy pipeline, which is not documented as thread-safe; with the GIL a second
thread would add no speed anyway. N workers are N processes forked after the
models are loaded, so they share those pages; each opens its own archive
connection. A process pool hands each request to a free process, which
spreads load across cores better than N server processes would: an idle
event loop accepts connections whether or not its worker is busy.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from newsfaq.check.scorer import get_model
from newsfaq.nlp.pipeline import get_nlp
from newsfaq.web.core import Core

_core: Core | None = None
"""This process's (or the worker thread's) core, set when the worker starts."""


def _start_core(db: Path | None, allow_writes: bool) -> None:
    global _core
    _core = Core(db, allow_writes=allow_writes)


def _stop_core() -> None:
    if _core is not None:
        _core.close()


def _dispatch(method: str, *args: Any) -> Any:
    return getattr(_core, method)(*args)


class Workers:
    def __init__(self, db: Path | None = None, *, allow_writes: bool = False, workers: int = 1) -> None:
        self.db, self.allow_writes, self.workers = db, allow_writes, workers
        self._pool: Executor | None = None

    def start(self) -> None:
        """Load the models and start every worker before the first request."""
        setup = {"initializer": _start_core, "initargs": (self.db, self.allow_writes)}
        if self.workers == 1:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsfaq-core", **setup)
        else:
            # spaCy and the checker's model are loaded before forking so every worker shares them. The
            # answer ranker (LightGBM, OpenMP) loads in each worker: OpenMP state does not survive a fork.
            get_nlp(), get_model()
            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("fork"), **setup)
        self.call("health")  # surfaces a start-up failure now, not on the first request

    def stop(self) -> None:
        if self._pool is None:
            return
        if self.workers == 1:
            self._pool.submit(_stop_core).result()
        self._pool.shutdown()

    async def run(self, method: str, *args: Any) -> Any:
        """Run a ``Core`` method on a worker without blocking the event loop."""
        return await asyncio.get_running_loop().run_in_executor(self._pool, _dispatch, method, *args)

    def call(self, method: str, *args: Any) -> Any:
        """Run a ``Core`` method on a worker and wait for it (for callers outside an event loop)."""
        return self._pool.submit(_dispatch, method, *args).result()
