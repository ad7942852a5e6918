"""``newsfaq serve`` on a PostgreSQL archive: the real server, two worker processes each with its own pool,
connected as a role that may only SELECT."""

from __future__ import annotations

import json
import sys
import urllib.parse
import urllib.request

from cli_helpers import run


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=60) as response:
        return json.loads(response.read())


def test_the_server_reads_a_postgresql_archive_as_a_select_only_role(postgres_url, example_path, free_port, running):
    assert run("add", str(example_path), "--db", postgres_url).returncode == 0
    reader = postgres_url.replace("newsfaq:", "reader:", 1)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "newsfaq", "serve", "--db", reader, "--port", str(port), "--workers", "2"]
    with running(command, f"{url}/api/health", "newsfaq serve"):
        health = _get(f"{url}/api/health")
        assert health["articles"] == 1 and health["writes"] is False
        assert "test-pw" not in json.dumps(health)
        for _ in range(4):  # both workers, each on its own connection
            hits = _get(f"{url}/api/search?" + urllib.parse.urlencode({"q": "dock workers strike"}))["hits"]
            assert hits and all(hit["article"]["date"] == "2025-03-14" for hit in hits)
        timeline = _get(f"{url}/api/timeline?" + urllib.parse.urlencode({"entity": "Port of Rotterdam"}))
        assert timeline["entries"]
