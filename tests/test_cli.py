"""End-to-end: the ``newsfaq`` command, run in-process (``cli_helpers.run``); a real process for the smoke
test, the killed ``add`` and nothing else."""

from __future__ import annotations

import json
import subprocess

import pytest
from cli_helpers import CLI, run


@pytest.fixture
def no_server(monkeypatch):
    """``serve`` that gets as far as starting the server fails the test instead of serving forever in-process."""

    def refuse(*args, **kwargs):
        pytest.fail("serve started a server where it should have refused to start")

    monkeypatch.setattr("uvicorn.run", refuse)


def test_the_real_command_starts_and_gives_what_the_in_process_run_gives(example_path, tmp_path):
    """Smoke test: ``python -m newsfaq`` starts, and gives byte for byte what the in-process run gives, for an
    FAQ and for a one-line error."""
    for args, status in ([["faq", str(example_path), "-n", "4"], 0], [["faq", str(tmp_path / "missing.txt")], 1]):
        real = subprocess.run([*CLI, *args], capture_output=True, timeout=120)
        in_process = run(*args)
        assert real.returncode == in_process.returncode == status, real.stderr
        assert (real.stdout, real.stderr) == (in_process.stdout, in_process.stderr)
        assert b"FAQs" in real.stdout if status == 0 else b"no such file" in real.stderr


def test_faq_markdown_on_example(example_path):
    result = run("faq", str(example_path), "-n", "4")
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode()
    assert text.count("**") == 8 and "FAQs" in text and "date 2025-03-14" in text


def test_faq_json_from_stdin_round_trips(example_path):
    from newsfaq.model import FAQ

    result = run("faq", "-", "--format", "json", stdin=example_path.read_bytes())
    assert result.returncode == 0, result.stderr
    faq = FAQ.from_dict(json.loads(result.stdout))
    assert faq.article.date == "2025-03-14" and faq.items


@pytest.mark.parametrize("fmt", ["html", "jsonld"])
def test_other_formats_to_file(tmp_path, example_path, fmt):
    out = tmp_path / f"faq.{fmt}"
    result = run("faq", str(example_path), "--format", fmt, "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_text().strip()


def test_directory_run_skips_bad_file_and_writes_the_rest(tmp_path, example_path):
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.txt").write_bytes(example_path.read_bytes())
    (source / "b.txt").write_bytes(b"\x00\x01\x02binary")
    (source / "feed.jsonl").write_text(
        json.dumps({"id": "r1", "date": "2025-03-14", "text": example_path.read_text().split("\n", 1)[1]}) + "\n"
    )
    out = tmp_path / "out"
    result = run("faq", str(source), "-o", str(out), "--format", "json")
    assert result.returncode == 1
    stderr = result.stderr.decode()
    assert "b.txt" in stderr and "binary" in stderr and "2 FAQ(s) written, 1 input(s) skipped" in stderr
    assert sorted(p.name for p in out.iterdir()) == ["a.faq.json", "feed.faq.json"]


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["faq", "/nonexistent/article.txt"], None, "no such file"),
        (["faq", "-"], b"", "empty"),
        (["faq", "-"], b"An undated article body that goes on long enough to count as text.", "--date"),
        (["faq", "-", "--format", "pdf"], b"x", "unknown format"),
    ],
)
def test_bad_input_one_line_error(args, stdin, message):
    result = run(*args, stdin=stdin)
    stderr = result.stderr.decode().strip()
    assert result.returncode != 0
    assert message in stderr and "Traceback" not in stderr and len(stderr.splitlines()) == 1
    assert not result.crashed


def test_html_and_json_inputs(tmp_path, example_path):
    body = example_path.read_text().split("\n", 1)[1].split("FAQs")[0]
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n") if p.strip())
    page = tmp_path / "strike.html"
    page.write_text(
        '<html><head><title>Rotterdam dock strike</title><meta property="article:published_time" '
        f'content="2025-03-14"></head><body><article><h1>Rotterdam dock strike</h1>{paragraphs}</article></body></html>'
    )
    record = tmp_path / "strike.json"
    record.write_text(json.dumps({"id": "s1", "title": "Dock strike", "date": "2025-03-14", "text": body}))
    for path in (page, record):
        result = run("faq", str(path), "--format", "json")
        assert result.returncode == 0, result.stderr
        faq = json.loads(result.stdout)
        assert faq["article"]["date"] == "2025-03-14" and len(faq["items"]) >= 4
    # The record's own id is metadata: the FAQ cites the article by its content hash.
    from newsfaq import load_article

    faq_id = json.loads(run("faq", str(record), "--format", "json").stdout)["article"]["id"]
    assert faq_id == load_article(record).id != "s1"


def test_check_reports_the_planted_claim_in_the_example(example_path):
    result = run("check", str(example_path))
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode()
    assert "How long will the strike last?" in text and "unsupported" in text and "two weeks" in text


def test_check_claims_as_json(example_path):
    result = run(
        "check", str(example_path), "--format", "json",
        "--claim", "About 1,200 workers joined the stoppage.",
        "--claim", "The operators offered a bonus of 9,000 euros.",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["schema"] == "newsfaq.check/1"
    assert [i["verdict"]["label"] for i in report["items"]] == ["supported", "contradicted"]


def test_check_its_own_faq_passes(tmp_path, example_path):
    faq_file = tmp_path / "faq.md"
    assert run("faq", str(example_path), "-o", str(faq_file)).returncode == 0
    result = run("check", str(example_path), "--faq", str(faq_file), "--format", "json")
    assert result.returncode == 0, result.stderr
    labels = {i["verdict"]["label"] for i in json.loads(result.stdout)["items"]}
    assert labels == {"supported"}


def test_check_pairs_batch_skips_malformed_lines(tmp_path, example_path):
    body = example_path.read_text().split("FAQs")[0]
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(
        json.dumps({"id": "p1", "document": body, "claim": "Maersk said it would divert some vessels to Antwerp."})
        + "\n{not json\n"
        + json.dumps({"id": "p3", "document": body, "claim": ""})
        + "\n"
    )
    out = tmp_path / "out.jsonl"
    result = run("check", "--pairs", str(pairs), "-o", str(out))
    assert result.returncode == 1
    assert "line 2: malformed JSON" in result.stderr.decode()
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(r["id"], r["label"]) for r in records] == [("p1", "supported"), ("p3", "unverifiable")]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check"], "give an ARTICLE"),
        (["check", "nope.txt"], "no such file"),
        (["check", "--pairs", "nope.jsonl"], "no such file"),
        (
            ["check", "nope.txt", "--judge", "sometimes"],
            "judge: unknown judge mode 'sometimes'; use off, auto or always",
        ),
    ],
)
def test_check_errors_are_one_line(args, message):
    result = run(*args)
    assert result.returncode == 1
    stderr = result.stderr.decode().strip()
    assert message in stderr and len(stderr.splitlines()) == 1 and "Traceback" not in stderr
    assert not result.crashed


def test_a_judge_endpoint_that_does_not_answer_is_one_line_and_exit_1(example_path, free_port):
    url = f"http://127.0.0.1:{free_port()}"
    result = run("check", str(example_path), "--claim", "Dockers walked out.", "--judge", "always", "--llm-url", url)
    assert result.returncode == 1
    stderr = result.stderr.decode().strip()
    assert f"the model endpoint {url}/v1 cannot be reached" in stderr and len(stderr.splitlines()) == 1, stderr


def test_an_unknown_faq_engine_is_one_line_and_exit_1(example_path):
    result = run("faq", str(example_path), "--engine", "gpt")
    assert result.returncode == 1 and not result.stdout
    expected = "newsfaq: error: --engine: unknown FAQ engine 'gpt'; use fast, model or auto"
    assert result.stderr.decode().strip() == expected


def test_a_question_writer_endpoint_that_does_not_answer_is_one_line_and_exit_1(example_path, free_port):
    url = f"http://127.0.0.1:{free_port()}"
    result = run("faq", str(example_path), "--engine", "model", "--llm-url", url)
    assert result.returncode == 1 and not result.stdout
    stderr = result.stderr.decode().strip()
    assert f"the model endpoint {url}/v1 cannot be reached" in stderr and len(stderr.splitlines()) == 1, stderr


@pytest.mark.parametrize(
    ("variable", "kind"), [("NEWSFAQ_FAQ_ENGINE", "FAQ engine"), ("NEWSFAQ_ASK_ENGINE", "ask engine")]
)
def test_serve_refuses_an_unknown_engine_at_start(free_port, variable, kind, no_server):
    result = run("serve", "--port", str(free_port()), env={variable: "gpt"})
    assert result.returncode == 1
    expected = f"newsfaq: error: {variable}: unknown {kind} 'gpt'; use fast, model or auto"
    assert result.stderr.decode().strip() == expected


def test_ask_refuses_an_unknown_engine_in_one_line(example_path):
    result = run("ask", "How many workers joined?", "--article", str(example_path), "--engine", "gpt")
    assert result.returncode == 1 and not result.stdout
    expected = "newsfaq: error: --engine: unknown ask engine 'gpt'; use fast, model or auto"
    assert result.stderr.decode().strip() == expected


def test_under_auto_a_dead_endpoint_leaves_the_rule_based_faq_and_says_so(example_path, free_port):
    result = run("faq", str(example_path), "--engine", "auto", "--llm-url", f"http://127.0.0.1:{free_port()}")
    assert result.returncode == 0, result.stderr
    assert result.stdout == run("faq", str(example_path), "--engine", "fast").stdout
    assert result.stderr.decode().count("the model question writer is off") == 1


def test_archive_commands_end_to_end(tmp_path, example_path):
    db = str(tmp_path / "a.db")
    added = run("add", str(example_path), "--db", db)
    assert added.returncode == 0, added.stderr
    assert "1 added" in added.stderr.decode()
    assert "1 already stored" in run("add", str(example_path), "--db", db).stderr.decode()
    answer = run("ask", "How many workers joined the stoppage?", "--db", db, "--format", "json")
    assert answer.returncode == 0, answer.stderr
    data = json.loads(answer.stdout)
    assert data["schema"] == "newsfaq.answer/1" and "1,200" in data["answer"] and data["as_of"] == "2025-03-14"
    assert "Maersk" in run("search", "divert vessels", "--db", db).stdout.decode()
    assert "Rotterdam" in run("timeline", "Rotterdam", "--db", db).stdout.decode()
    timeline = json.loads(run("timeline", "Rotterdam", "--db", db, "--format", "json").stdout)
    assert timeline["schema"] == "newsfaq.timeline/1" and timeline["entries"][0]["when"] == "2024"  # "last year"
    hits = json.loads(run("search", "divert vessels", "--db", db, "-f", "json").stdout)["hits"]
    assert "Maersk" in hits[0]["citation"]["text"]
    listed = run("list", "--db", db).stdout.decode().split()
    assert run("remove", listed[0], "--db", db).returncode == 0
    assert "articles: 0" in run("stats", "--db", db).stdout.decode()


def test_ask_one_article_without_an_archive(example_path):
    result = run("ask", "What is the capital of France?", "--article", str(example_path))
    assert result.returncode == 0 and "does not say" in result.stdout.decode()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ask", "How many?", "--db", "missing.db"], "newsfaq add"),
        (["ask", "", "--db", "missing.db"], "no archive"),
        (["search", "words", "--db", "missing.db"], "no archive"),
        (["serve", "--db", "missing.db"], "newsfaq add"),
        (["serve", "--host", "192.0.2.1"], "cannot listen on 192.0.2.1:8000"),
        (["list", "--db", "missing.db", "--format", "xml"], "use text or json"),
    ],
)
def test_archive_errors_are_one_line(tmp_path, monkeypatch, no_server, args, message):
    monkeypatch.chdir(tmp_path)
    result = run(*args)
    assert result.returncode == 1 and not result.crashed
    stderr = result.stderr.decode().strip()
    assert message in stderr and len(stderr.splitlines()) == 1


def test_a_killed_add_leaves_only_whole_articles(tmp_path, example_path):
    """Kill `newsfaq add` mid-run (a real process, for SIGKILL): every stored article has all its sentences and
    index rows."""
    import os
    import signal
    import sqlite3
    import time

    source = tmp_path / "feed"
    source.mkdir()
    body = example_path.read_text().split("FAQs")[0]
    for n in range(300):
        (source / f"a{n:03}.txt").write_text(body.replace("1,200", f"{1000 + n}").replace("40 ships", f"{n} ships"))
    db = tmp_path / "a.db"
    process = subprocess.Popen([*CLI, "add", str(source), "--db", str(db)], stderr=subprocess.PIPE)
    deadline = time.time() + 60
    while time.time() < deadline:
        time.sleep(0.2)
        if db.exists():
            try:
                if sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0] >= 5:
                    break
            except sqlite3.Error:
                continue
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    connection = sqlite3.connect(db)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 0 < stored < 300
    per_article = connection.execute(
        "SELECT a.body, count(s.rowid) FROM articles a LEFT JOIN sentences s ON s.article_id = a.id GROUP BY a.id"
    ).fetchall()
    from newsfaq.nlp.sentences import split_sentences

    expected = [len(sentences) for sentences in split_sentences([body for body, _ in per_article])]
    assert [count for _, count in per_article] == expected
    fts_rows = connection.execute("SELECT count(*) FROM sentences_fts").fetchone()[0]
    assert fts_rows == sum(expected)
    assert connection.execute("SELECT sum(uses) FROM vectors").fetchone()[0] == sum(expected)  # one per sentence
    connection.close()
    resumed = run("add", str(source), "--db", str(db))
    assert resumed.returncode == 0, resumed.stderr
    assert f"{stored} already stored" in resumed.stderr.decode()


def test_check_needs_no_date_but_faq_does(tmp_path):
    undated = tmp_path / "undated.txt"
    undated.write_text("Workers at the port struck on Thursday after talks broke down.\n\nAbout 1,200 joined.\n")
    checked = run("check", str(undated), "--claim", "About 1,200 workers joined the strike.", "--format", "json")
    assert checked.returncode == 0, checked.stderr
    assert json.loads(checked.stdout)["article"]["date"] is None
    assert "no publication date" in run("faq", str(undated)).stderr.decode()
