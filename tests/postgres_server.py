"""A throwaway PostgreSQL server for the tests and benchmarks: Debian's ``postgresql`` binaries, a temporary data
directory, loopback only, stopped and deleted afterwards. Not a mock: the same server a team would run.

    python tests/postgres_server.py      # a developer's server: prints its URLs, runs until Ctrl-C

Roles made on it: ``newsfaq`` (owns the database ``newsfaq``; what ``add`` and ``db upgrade`` connect as) and
``reader`` (may only SELECT, granted by default privileges on whatever ``newsfaq`` creates), both with the
password ``PASSWORD``. initdb refuses to run as root, so as root the server runs as the ``postgres`` user.
"""

from __future__ import annotations

import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

PASSWORD = "test-pw"


@dataclass(frozen=True)
class Server:
    """A running server: its port and how to reach it as each role."""

    port: int

    def url(self, role: str = "newsfaq", database: str = "newsfaq", password: str | None = PASSWORD) -> str:
        secret = f":{password}" if password else ""
        return f"postgresql://{role}{secret}@127.0.0.1:{self.port}/{database}"

    def admin(self, sql: str, database: str = "postgres") -> None:
        """Run ``sql`` as the superuser (database creation, grants, terminating backends)."""
        import psycopg

        with psycopg.connect(self.url("postgres", database), autocommit=True) as connection:
            connection.execute(sql)


def binaries() -> Path | None:
    """The folder of Debian's PostgreSQL server programs, None when the package is not installed."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).resolve().parent if initdb else None


def free_port() -> int:
    """A loopback port nobody listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def throwaway_server(durable: bool = False) -> Iterator[Server]:
    """Start a server in a temporary folder, with the two roles and the database, and delete it all after.
    The tests' server skips fsync; a ``durable`` one (the benchmark's) writes to disk as a real server does."""
    bin_dir = binaries()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL is not installed (Debian: apt-get install postgresql)")
    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    folder = Path(tempfile.mkdtemp(prefix="newsfaq-pg-"))
    data, port = folder / "data", free_port()
    (folder / "pw").write_text(PASSWORD)
    if as_user:
        shutil.chown(folder, "postgres")
        shutil.chown(folder / "pw", "postgres")

    def run(*command: str) -> None:
        subprocess.run([*as_user, *command], check=True, capture_output=True, cwd=folder)

    try:
        run(str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", f"--pwfile={folder / 'pw'}", "--no-sync",
            "--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8", "--locale=C.UTF-8")  # fmt: skip
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1"
        # A durable server gets a small server's shared buffers (the default is 128 MB); a test server no fsync.
        options += " -c shared_buffers=1GB" if durable else " -c fsync=off -c full_page_writes=off"
        run(str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "start")
        server = Server(port)
        for statement in (
            f"CREATE ROLE newsfaq LOGIN PASSWORD '{PASSWORD}'",
            f"CREATE ROLE reader LOGIN PASSWORD '{PASSWORD}'",
            "CREATE DATABASE newsfaq OWNER newsfaq",
        ):
            server.admin(statement)
        grant_reading(server, "newsfaq")
        yield server
    finally:
        if (data / "postmaster.pid").exists():
            subprocess.run([*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                           capture_output=True, cwd=folder)  # fmt: skip
        shutil.rmtree(folder, ignore_errors=True)


def grant_reading(server: Server, database: str) -> None:
    """Let ``reader`` connect to ``database`` and SELECT every table ``newsfaq`` creates there, now or later."""
    server.admin(f"GRANT CONNECT ON DATABASE {database} TO reader")
    server.admin(
        "ALTER DEFAULT PRIVILEGES FOR ROLE newsfaq IN SCHEMA public GRANT SELECT ON TABLES TO reader", database
    )


if __name__ == "__main__":
    with throwaway_server() as running:
        print(f"owner:  {running.url()}\nreader: {running.url('reader')}\n(Ctrl-C stops it and deletes its data)")
        sys.stdout.flush()
        with suppress(KeyboardInterrupt):
            signal.pause()
