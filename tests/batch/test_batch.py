"""``newsfaq batch`` on a real Dask cluster: two local worker processes, or a scheduler started apart."""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from pathlib import Path

import pytest
from cli_helpers import run
from distributed import Client, LocalCluster

from newsfaq.batch.jobs import Job
from newsfaq.batch.runner import run as run_batch

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _variant(body: str, n: int) -> str:
    """The example with a small edit, so each copy is its own article (its own content hash)."""
    return body.replace("About 1,200 workers", f"About {1200 + n} workers")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, example_path) -> dict:
    """A feed of five articles with two bad lines among them, one article file, and what each should give."""
    folder = tmp_path_factory.mktemp("corpus")
    body = example_path.read_text(encoding="utf-8").split("\n", 1)[1]  # the example without its date line
    records = [{"id": f"r{n}", "date": "2025-03-14", "body": _variant(body, n)} for n in range(5)]
    lines = [json.dumps(r) for r in records[:2]] + ["{not json", json.dumps({"id": "empty", "body": ""})]
    lines += [json.dumps(r) for r in records[2:]]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "one.txt").write_text(example_path.read_text(encoding="utf-8"), encoding="utf-8")
    return {"folder": folder, "articles": 6, "bad": 2}


def _outputs(out: Path) -> list[str]:
    """Every output line, shards read in the manifest's (input) order."""
    manifest = json.loads((out / "manifest.json").read_text())
    return [line for p in manifest["partitions"] for line in (out / p["shard"]).read_text().splitlines()]


def _failures(out: Path) -> list[dict]:
    manifest = json.loads((out / "manifest.json").read_text())
    return [json.loads(line) for p in manifest["partitions"] for line in (out / p["failures"]).read_text().splitlines()]


@pytest.fixture(scope="module")
def clean_run(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("clean") / "out"
    result = run("batch", "faq", str(corpus["folder"]), "--out", str(out), "--workers", "2", "--partition-size", "2")
    return out, result


def test_two_workers_write_every_faq_and_record_the_bad_inputs(clean_run, corpus):
    out, result = clean_run
    assert result.returncode == 1, result.stderr  # some inputs failed, and the exit status says so
    assert b"6 written, 2 failed" in result.stderr
    faqs = [json.loads(line) for line in _outputs(out)]
    assert len(faqs) == corpus["articles"] and len({f["article"]["id"] for f in faqs}) == corpus["articles"]
    failed = _failures(out)
    assert [f["item"].rsplit(":", 1)[-1] for f in failed] == ["3", "4"]  # the feed's third and fourth lines
    assert "malformed" in failed[0]["error"].lower() or "json" in failed[0]["error"].lower()


def test_a_batch_faq_is_what_the_faq_command_writes(clean_run, corpus):
    out, _ = clean_run
    single = run("faq", str(corpus["folder"] / "one.txt"), "--format", "json", "--engine", "fast")
    assert json.loads(single.stdout) in [json.loads(line) for line in _outputs(out)]


def test_a_rerun_redoes_only_what_is_missing_and_duplicates_nothing(clean_run, corpus, tmp_path):
    out = tmp_path / "out"
    first = run("batch", "faq", str(corpus["folder"]), "--out", str(out), "--partition-size", "2", "--workers", "1")
    assert first.returncode == 1
    manifest = json.loads((out / "manifest.json").read_text())
    lost = out / manifest["partitions"][1]["shard"]
    lost.unlink()  # as if the run had been killed before this shard was renamed into place
    (out / "shards" / "half-written.jsonl.tmp").write_text('{"trunc')
    again = run("batch", "faq", str(corpus["folder"]), "--out", str(out), "--partition-size", "2", "--workers", "1")
    assert b"1 partition(s), " in again.stderr and b"3 partition(s) already done" in again.stderr
    assert _outputs(out) == _outputs(clean_run[0])


def test_a_scheduler_started_apart_does_the_work_of_each_mode(corpus, tmp_path, example_path):
    one = str(corpus["folder"] / "one.txt")
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(json.dumps({"id": "a", "document": example_path.read_text(), "claim": "Dockers struck."}) + "\n")
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        scheduler = ["--scheduler", cluster.scheduler_address]
        results = [
            run("batch", "faq", one, "--out", str(tmp_path / "faq"), *scheduler),
            run("batch", "check", "--pairs", str(pairs), "--out", str(tmp_path / "check"), *scheduler),
            run("batch", "add", one, "--db", str(tmp_path / "a.db"), *scheduler),
        ]
        assert [r.returncode for r in results] == [0, 0, 0], [r.stderr for r in results]
        assert len(cluster.scheduler.workers) == 1  # nothing else was started
    assert len(_outputs(tmp_path / "faq")) == len(_outputs(tmp_path / "check")) == len(_stored(tmp_path / "a.db")) == 1


def test_batch_check_gives_the_check_commands_lines(tmp_path, example_path):
    document = example_path.read_text(encoding="utf-8")
    pairs = tmp_path / "pairs.jsonl"
    lines = [
        json.dumps({"id": "a", "document": document, "claim": "About 1,200 workers joined the stoppage."}),
        "[1, 2]",
        json.dumps({"id": "b", "document": document, "claim": "The operators offered a bonus of 4,000 euros."}),
    ]
    pairs.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    batch = run("batch", "check", "--pairs", str(pairs), "--out", str(out), "--workers", "1")
    single = run("check", "--pairs", str(pairs), "--judge", "off")
    assert batch.returncode == 1 and single.returncode == 1  # the bad line is reported by both
    assert _outputs(out) == single.stdout.decode().splitlines()
    assert [f["item"].rsplit(":", 1)[-1] for f in _failures(out)] == ["2"]


def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(corpus, clean_run, tmp_path):
    out = tmp_path / "out"
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        victim = next(iter(client.run(os.getpid).values()))
        finished = []
        batch = threading.Thread(
            target=lambda: finished.append(
                run_batch(
                    Job("faq"), [str(corpus["folder"])], str(out), scheduler=cluster.scheduler_address, partition_size=2
                )  # fmt: skip
            )
        )
        batch.start()
        deadline = time.monotonic() + 180
        while not list((out / "shards").glob("*.jsonl")) and time.monotonic() < deadline:
            time.sleep(0.05)
        written_before_the_kill = len(list((out / "shards").glob("*.jsonl")))
        os.kill(victim, signal.SIGKILL)  # the other partitions are running or waiting
        batch.join(timeout=300)
    assert 0 < written_before_the_kill < 4  # killed mid-run
    assert finished and finished[0].partitions == 4
    assert _outputs(out) == _outputs(clean_run[0])
    assert not list((out / "shards").glob("*.tmp"))


def _stored(db: Path | str) -> list[tuple]:
    listed = json.loads(run("list", "--db", str(db), "--format", "json").stdout)["articles"]
    return sorted((a["id"], a["date"], a["group"]) for a in listed)


def test_batch_add_stores_what_add_stores_once_and_a_rerun_skips_it(corpus, tmp_path):
    plain, batched = tmp_path / "plain.db", tmp_path / "batched.db"
    run("add", str(corpus["folder"]), "--db", str(plain))
    first = run("batch", "add", str(corpus["folder"]), "--db", str(batched), "--workers", "2", "--partition-size", "2")
    named = [line for line in first.stderr.splitlines() if line.startswith(b"skipped ")]
    assert first.returncode == 1 and len(named) == corpus["bad"]  # each bad line named
    assert b"6 added" in first.stderr
    assert _stored(batched) == _stored(plain) and len(_stored(plain)) == corpus["articles"]
    again = run("batch", "add", str(corpus["folder"]), "--db", str(batched), "--workers", "1")
    assert b"0 added" in again.stderr and b"partition(s) already done" in again.stderr
    Path(f"{batched}.batch-done").unlink()  # as if killed after storing, before noting the partitions done
    redone = run("batch", "add", str(corpus["folder"]), "--db", str(batched), "--workers", "1")
    assert b"0 added" in redone.stderr and b"6 already stored" in redone.stderr
    assert _stored(batched) == _stored(plain)


def test_batch_add_to_postgresql_stores_from_the_workers_each_article_once(corpus, postgres_url, tmp_path):
    plain = tmp_path / "plain.db"
    run("add", str(corpus["folder"]), "--db", str(plain))
    first = run("batch", "add", str(corpus["folder"]), "--db", postgres_url, "--workers", "2", "--partition-size", "2")
    named = [line for line in first.stderr.splitlines() if line.startswith(b"skipped ")]
    assert first.returncode == 1 and len(named) == corpus["bad"] and b"6 added" in first.stderr
    # Workers writing at once each group a copy with the stories stored when its partition began, so the story
    # groups may split where one writer would have joined them; the articles are the same.
    assert [a[:2] for a in _stored(postgres_url)] == [a[:2] for a in _stored(plain)]
    again = run("batch", "add", str(corpus["folder"]), "--db", postgres_url, "--workers", "1")
    assert b"0 added" in again.stderr and b"6 already stored" in again.stderr
    assert len(_stored(postgres_url)) == corpus["articles"]
