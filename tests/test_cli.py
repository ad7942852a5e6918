"""End-to-end: the installed ``newsfaq`` command in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

CLI = [sys.executable, "-m", "newsfaq"]


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], input=stdin, capture_output=True, timeout=120)


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
    assert json.loads(run("faq", str(record), "--format", "json").stdout)["article"]["id"] == "s1"
