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
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from newsfaq.check.scorer import get_model
from newsfaq.nlp.embeddings import use_threads
from newsfaq.nlp.pipeline import get_nlp
from newsfaq.web.core import Core

_core: Core | None = None
"""A worker process's core, set when the process starts (one per process, so a global is safe)."""


def _start_core(db: str | Path | None, allow_writes: bool) -> None:
    global _core
    use_threads(1)  # one process per core already; more model threads would only contend
    _core = Core(db, allow_writes=allow_writes)


def _dispatch(method: str, *args: Any) -> Any:
    return getattr(_core, method)(*args)


class Workers:
    """Where the server runs ``Core`` methods: one thread, or ``workers`` forked processes."""

    def __init__(self, db: str | Path | None = None, *, allow_writes: bool = False, workers: int = 1) -> None:
        self.db, self.allow_writes, self.workers = db, allow_writes, workers
        self._pool: Executor | None = None
        self._core: Core | None = None
        """The worker thread's core (one worker); worker processes keep theirs in ``_core``."""

    def start(self) -> None:
        """Load the models and start every worker before the first request."""
        if self.workers == 1:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsfaq-core")
            self._core = self._pool.submit(Core, self.db, allow_writes=self.allow_writes).result()
        else:
            # spaCy and the checker's model are loaded before forking so every worker shares them. The
            # answer ranker (LightGBM, OpenMP) and the embedding model (onnxruntime) load in each worker:
            # their thread pools do not survive a fork.
            get_nlp(), get_model()
            context = multiprocessing.get_context("fork")
            setup = {"initializer": _start_core, "initargs": (self.db, self.allow_writes)}
            self._pool = ProcessPoolExecutor(self.workers, mp_context=context, **setup)
            self._pool.submit(_dispatch, "health").result()  # surfaces a start-up failure now

    def stop(self) -> None:
        """Close the worker thread's archive and shut the pool down, waiting for requests in progress."""
        if self._core is not None:
            self._pool.submit(self._core.close).result()
        if self._pool is not None:
            self._pool.shutdown()

    def _task(self, method: str, *args: Any) -> Future:
        if self._core is not None:
            return self._pool.submit(getattr(self._core, method), *args)
        return self._pool.submit(_dispatch, method, *args)

    async def run(self, method: str, *args: Any) -> Any:
        """Run a ``Core`` method on a worker without blocking the event loop."""
        return await asyncio.wrap_future(self._task(method, *args))
