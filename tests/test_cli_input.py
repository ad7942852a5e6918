"""Regression tests for the CLI's handling of hostile and awkward input (issue 11, defects 4, 5, 6, 9, 11, 13).

The tests run the command in-process (``cli_helpers.run``), as ``test_cli.py`` does, except those that need a
real process: an endless pipe or FIFO on standard input, and /dev/zero under an address-space cap.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import threading
import time
from pathlib import Path

import pytest
from cli_helpers import CLI, run

QUESTION = "How many workers joined the stoppage?"
UNDATED = b"Dock workers at the port walked off the job after talks over automation broke down late on Wednesday.\n"


def stderr_lines(result) -> list[str]:
    """The non-blank lines of stderr (a transient progress bar leaves a blank line behind)."""
    return [line for line in result.stderr.decode(errors="replace").splitlines() if line.strip()]


def assert_one_line_error(result, *needles: str, status: int = 1) -> str:
    stderr = result.stderr.decode(errors="replace")
    assert "Traceback" not in stderr and not getattr(result, "crashed", False), stderr[-3000:]
    assert result.returncode == status, stderr[-3000:]
    lines = stderr_lines(result)
    assert len(lines) == 1 and lines[0].startswith("newsfaq: error:"), stderr[-3000:]
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


def article_body(example_path: Path) -> str:
    """The example's prose: no date line, no FAQ section."""
    return example_path.read_text().split("\n", 1)[1].split("FAQs")[0].strip()


@pytest.fixture(scope="module")
def archive(tmp_path_factory, example_path) -> Path:
    db = tmp_path_factory.mktemp("archive") / "archive.db"
    added = run("add", str(example_path), "--db", str(db))
    assert added.returncode == 0, added.stderr
    return db


# Defect 4: user strings reach Rich as text, never as markup.


def test_markup_in_an_article_id_to_remove(archive):
    line = assert_one_line_error(run("remove", "[/x]", "--db", str(archive)))
    assert "no article '[/x]'" in line


def test_markup_in_as_of(archive):
    assert_one_line_error(run("ask", QUESTION, "--db", str(archive), "--as-of", "[/x]"), "--as-of", "'[/x]'")


@pytest.mark.parametrize("command", ["faq", "check"])
def test_markup_in_date(tmp_path, command):
    path = tmp_path / "undated.txt"
    path.write_bytes(UNDATED)
    assert_one_line_error(run(command, str(path), "--date", "[/x]"), "'[/x]'")


@pytest.mark.parametrize(
    ("args", "status"),
    [
        (["faq", "{example}"], 2),
        (["check", "{example}"], 1),
        (["ask", QUESTION, "--article", "{example}"], 1),
        (["list", "--db", "{db}"], 1),
    ],
    ids=["faq", "check", "ask", "list"],
)
def test_markup_in_format(archive, example_path, args, status):
    args = [a.format(example=example_path, db=archive) for a in args]
    assert_one_line_error(run(*args, "--format", "[/x]"), "unknown format '[/x]'", status=status)


def test_markup_in_a_missing_pairs_path(tmp_path):
    (tmp_path / "pq[").mkdir()
    assert_one_line_error(run("check", "--pairs", str(tmp_path / "pq[" / "q].jsonl")), "pq[/q].jsonl: no such file")


def test_markup_in_a_pairs_path_with_a_bad_line(tmp_path, example_path):
    (tmp_path / "pq[").mkdir()
    pairs = tmp_path / "pq[" / "q].jsonl"
    document = article_body(example_path)
    pairs.write_text(
        json.dumps({"id": "p1", "document": document, "claim": "About 1,200 workers joined."}) + "\n{bad\n"
    )
    out = tmp_path / "out.jsonl"
    result = run("check", "--pairs", str(pairs), "-o", str(out))
    stderr = result.stderr.decode()
    assert result.returncode == 1 and "Traceback" not in stderr and not result.crashed, stderr[-3000:]
    lines = stderr_lines(result)
    assert len(lines) == 2 and lines[0].startswith(f"skipped {pairs}: line 2: malformed JSON"), stderr
    assert lines[1] == "1 claim(s) checked, 1 line(s) skipped"
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["p1"]


def test_a_bad_file_under_a_directory_named_with_a_bracket_keeps_the_batch_going(tmp_path, example_path):
    """'a[/bad].txt' holds the closing tag '[/bad]': once read as markup it aborted the batch."""
    source = tmp_path / "a["
    source.mkdir()
    (source / "bad].txt").write_bytes(b"\x00\x01\x02binary")
    (source / "good.txt").write_bytes(example_path.read_bytes())
    out = tmp_path / "out"
    result = run("faq", str(source), "-o", str(out))
    stderr = result.stderr.decode()
    assert result.returncode == 1 and "Traceback" not in stderr and not result.crashed, stderr[-3000:]
    assert stderr_lines(result) == [
        f"skipped {source / 'bad].txt'}: looks like a binary file, not text; give a .txt, .html or .json article",
        "1 FAQ(s) written, 1 input(s) skipped",
    ]
    written = list(out.iterdir())
    assert len(written) == 1 and "Rotterdam" in written[0].read_text()


def test_a_file_in_a_directory_named_with_a_bracket_keeps_its_own_name(tmp_path, example_path):
    source = tmp_path / "a["
    source.mkdir()
    (source / "good.txt").write_bytes(example_path.read_bytes())
    (source / "other.txt").write_bytes(example_path.read_bytes().replace(b"1,200", b"1,300"))
    out = tmp_path / "out"
    assert run("faq", str(source), "-o", str(out)).returncode == 0
    assert sorted(p.name for p in out.iterdir()) == ["good.faq.md", "other.faq.md"]


# Defect 5: feed record ids make safe, unique output names inside the output directory.

HOSTILE_IDS = [
    "../../../escape-deeper",
    "../../escape",
    "https://news.example.com/2025/03/bridge",
    "/abs/path",
    "..",
    "",
    "a\\b:c*?<script>",
    "1",
    "1",  # the same id twice, with different text
]


def _files(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file()}


def test_feed_record_ids_never_leave_the_output_directory(tmp_path, example_path):
    body = article_body(example_path)
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        "".join(
            json.dumps({"id": rid, "date": "2025-03-14", "text": body.replace("1,200", f"{1000 + n:,}")}) + "\n"
            for n, rid in enumerate(HOSTILE_IDS)
        )
    )
    out = tmp_path / "deep" / "out"
    # With "feed-.." present, a name built from "../../escape" would resolve to a path outside out/.
    (out / "feed-..").mkdir(parents=True)
    before = _files(tmp_path.parent)
    result = run("faq", str(feed), "-o", str(out), "--format", "json")
    new = _files(tmp_path.parent) - before
    assert new and all(path.parent == out for path in new), sorted(map(str, new))
    assert result.returncode == 0, result.stderr.decode()[-3000:]
    # One FAQ per record: none overwrote another.
    assert len(new) == len(HOSTILE_IDS)
    ids = {json.loads(path.read_text())["article"]["id"] for path in new}
    assert len(ids) == len(HOSTILE_IDS)
    assert not any(path.name.startswith(".") for path in new)


def test_feed_output_names_keep_the_record_id_sanitised(tmp_path, example_path):
    body = article_body(example_path)
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"id": "https://news.example.com/2025/03/bridge", "date": "2025-03-14", "text": body}) + "\n"
        + json.dumps({"id": "../../escape", "date": "2025-03-14", "text": body.replace("1,200", "1,300")}) + "\n"
    )  # fmt: skip
    out = tmp_path / "out"
    result = run("faq", str(feed), "-o", str(out))
    assert result.returncode == 0, result.stderr.decode()[-3000:]
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == 2 and any("news.example.com_2025_03_bridge" in n for n in names), names
    assert any("escape" in n for n in names), names


def test_every_faq_counted_as_written_is_a_file(tmp_path, example_path):
    record = json.dumps({"id": "1", "date": "2025-03-14", "text": article_body(example_path)})
    feed = tmp_path / "feed.jsonl"
    feed.write_text(f"{record}\n{record}\n{record}\n")
    out = tmp_path / "out"
    result = run("faq", str(feed), "-o", str(out))
    assert result.returncode == 0, result.stderr.decode()[-3000:]
    written = int(stderr_lines(result)[-1].split()[0])
    assert written == len(list(out.iterdir()))


# Defect 6: -o that cannot be written is a one-line error.


@pytest.mark.parametrize(
    "args",
    [
        ["faq", "{example}", "-o", "{missing}/faq.md"],
        ["faq", "{example}", "-o", "{directory}"],
        ["faq", "{example}", "--format", "json", "-o", "{directory}"],
        ["faq", "{many}", "-o", "{file}/sub"],
        ["check", "{example}", "-o", "{missing}/report.txt"],
        ["check", "{example}", "-o", "{directory}"],
        ["check", "{example}", "--format", "json", "-o", "{directory}"],
        ["check", "--pairs", "{pairs}", "-o", "{directory}"],
    ],
    ids=lambda args: " ".join(args),
)
def test_unwritable_output_is_a_one_line_error(tmp_path, example_path, args):
    directory = tmp_path / "existing"
    directory.mkdir()
    file = tmp_path / "a-file"
    file.write_text("keep")
    many = tmp_path / "many"
    many.mkdir()
    (many / "one.txt").write_bytes(example_path.read_bytes())
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(json.dumps({"id": "p1", "document": article_body(example_path), "claim": "1,200 joined."}) + "\n")
    paths = {"example": example_path, "missing": tmp_path / "missing", "directory": directory, "file": file,
             "many": many, "pairs": pairs}  # fmt: skip
    result = run(*(a.format(**paths) for a in args))
    assert_one_line_error(result, "-o")
    assert not (tmp_path / "missing").exists() and not list(directory.iterdir()) and file.read_text() == "keep"


# Defect 9: an endless input is cut off at the size limit.


def _limit() -> int:
    from newsfaq.settings import MAX_INPUT_BYTES

    return MAX_INPUT_BYTES


def _address_space_cap() -> None:
    # Only a guard for the old code, which read /dev/zero until memory ran out: fail fast instead.
    resource.setrlimit(resource.RLIMIT_AS, (6 << 30, 6 << 30))


@pytest.mark.parametrize("command", ["faq", "check"])
def test_dev_zero_is_refused_at_the_limit(command):
    """A real process: the address-space cap keeps a regression from eating the test runner's memory."""
    result = subprocess.run(
        [*CLI, command, "/dev/zero"], capture_output=True, timeout=120, preexec_fn=_address_space_cap
    )
    assert_one_line_error(result, "/dev/zero", "limit")


class EndlessWriter(threading.Thread):
    """Writes English text into a pipe until the reader hangs up; counts what the pipe took."""

    CHUNK = b"Dock workers at the port walked off the job again today. " * 1024

    def __init__(self, fd: int, cap: int) -> None:
        super().__init__(daemon=True)
        self.fd, self.cap, self.written = fd, cap, 0

    def run(self) -> None:
        try:
            while self.written < self.cap:
                self.written += os.write(self.fd, self.CHUNK)
        except OSError:  # BrokenPipeError: the reader stopped reading
            pass
        finally:
            os.close(self.fd)


@pytest.mark.parametrize(
    "args",
    [["faq", "-", "--date", "2025-03-14"], ["check", "-"], ["ask", QUESTION, "--article", "-"], ["add", "-"]],
    ids=lambda args: args[0],
)
def test_endless_stdin_is_read_only_to_the_limit(tmp_path, args):
    if args[0] == "add":
        args = [*args, "--db", str(tmp_path / "a.db")]
    limit = _limit()
    read_end, write_end = os.pipe()
    process = subprocess.Popen([*CLI, *args], stdin=read_end, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    os.close(read_end)
    writer = EndlessWriter(write_end, cap=12 * limit)
    writer.start()
    stdout, stderr = process.communicate(timeout=120)
    writer.join(timeout=30)
    result = subprocess.CompletedProcess(args, process.returncode, stdout, stderr)
    assert_one_line_error(result, "<stdin>", "limit")
    # What the pipe took: what was read (at most limit + 1) plus what was left in the pipe's buffer.
    assert writer.written <= limit + 1 + (1 << 20), writer.written


def test_an_endless_named_pipe_is_read_only_to_the_limit(tmp_path):
    fifo = tmp_path / "endless.txt"
    os.mkfifo(fifo)
    limit = _limit()
    process = subprocess.Popen([*CLI, "faq", str(fifo)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    fd = None
    while fd is None and process.poll() is None:
        try:
            fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:  # ENXIO: no reader yet
            time.sleep(0.05)
    assert fd is not None, process.communicate()[1].decode()[-3000:]
    os.set_blocking(fd, True)
    writer = EndlessWriter(fd, cap=12 * limit)
    writer.start()
    stdout, stderr = process.communicate(timeout=120)
    writer.join(timeout=30)
    assert_one_line_error(subprocess.CompletedProcess([], process.returncode, stdout, stderr), "limit")
    assert writer.written <= limit + 1 + (1 << 20), writer.written


# Defect 11: text that is neither UTF-8 nor plausible Windows-1252 is refused, not guessed.

GARBAGE = {
    # 0x81, 0x8d, 0x8f, 0x90 and 0x9d are not Windows-1252 either
    "undefined-in-1252": b"\xff\xfe\x80\x81\x8d\x8f\x90\x9d\xc3\x28\xa0\xa1 ",
    # every byte is Windows-1252, but far too many of them are accented letters and symbols for English
    "symbol-run": b"\xff\xfe\xe4\xf6\xfc\xa9\xae\xb0\xb1\xbf\xd7\xf7 ",
}


def garbled(example_path: Path, kind: str) -> bytes:
    paragraphs = example_path.read_bytes().split(b"FAQs")[0].split(b"\n\n")
    return b"\n\n".join([paragraphs[0], GARBAGE[kind] * 12, *paragraphs[1:]])


@pytest.mark.parametrize(
    ("kind", "args"),
    [
        ("undefined-in-1252", ["faq", "{file}"]),
        ("symbol-run", ["faq", "{file}"]),
        ("undefined-in-1252", ["faq", "-"]),
        ("symbol-run", ["faq", "-"]),
        ("undefined-in-1252", ["check", "{file}"]),
        ("undefined-in-1252", ["ask", QUESTION, "--article", "{file}"]),
    ],
    ids=lambda value: value if isinstance(value, str) else " ".join(value),
)
def test_invalid_utf8_is_refused_naming_the_encodings_tried(tmp_path, example_path, kind, args):
    data = garbled(example_path, kind)
    path = tmp_path / "mixed.txt"
    path.write_bytes(data)
    result = run(*(a.format(file=path) for a in args), stdin=data if "-" in args else None)
    assert not result.stdout
    assert_one_line_error(result, "UTF-8", "Windows-1252")


def test_add_refuses_invalid_utf8(tmp_path, example_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes(garbled(example_path, "undefined-in-1252"))
    db = tmp_path / "a.db"
    result = run("add", str(path), "--db", str(db))
    stderr = result.stderr.decode()
    assert result.returncode == 1 and "Traceback" not in stderr and not result.crashed, stderr[-3000:]
    skipped = [line for line in stderr_lines(result) if line.startswith("skipped")]
    assert len(skipped) == 1 and "UTF-8" in skipped[0] and "Windows-1252" in skipped[0], stderr
    assert "0 added" in stderr


def test_windows_1252_english_still_reads(tmp_path, example_path):
    """Guards the fix against refusing genuine legacy text (the old code read this too)."""
    text = (
        example_path.read_text()
        .replace("Niek Stam", "Ni\u00e9k St\u00e4m")
        .replace("Sophie Hermans", "Sophie Herm\u00e0ns")
        .replace("walked off the job on Thursday", "walked off the job on \u201cThursday\u201d")
        .replace("operators' association", "operators\u2019 association")
    )
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode("cp1252"))
    result = run("faq", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr.decode()[-3000:]
    faq = json.loads(result.stdout)
    quoted = " ".join(c["text"] for item in faq["items"] for c in item["citations"])
    assert "Ni\u00e9k St\u00e4m" in quoted or "Herm\u00e0ns" in quoted or "\u201cThursday\u201d" in quoted, quoted
    assert "\ufffd" not in result.stdout.decode()


# Defect 13: "-" reads standard input for check, ask --article and add; check repeats each claim.


def test_check_reads_standard_input(example_path):
    result = run("check", "-", stdin=example_path.read_bytes())
    assert result.returncode == 0, result.stderr.decode()[-3000:]
    assert "How long will the strike last?" in result.stdout.decode()


def test_ask_article_reads_standard_input(example_path):
    result = run("ask", QUESTION, "--article", "-", "--format", "json", stdin=example_path.read_bytes())
    assert result.returncode == 0, result.stderr.decode()[-3000:]
    assert "1,200" in json.loads(result.stdout)["answer"]


def test_add_reads_standard_input(tmp_path, example_path):
    db = str(tmp_path / "a.db")
    result = run("add", "-", "--db", db, stdin=example_path.read_bytes())
    assert result.returncode == 0, result.stderr.decode()[-3000:]
    assert "1 added" in result.stderr.decode()
    listed = json.loads(run("list", "--db", db, "--format", "json").stdout)["articles"]
    assert [(a["date"], a["source"]) for a in listed] == [("2025-03-14", "<stdin>")]


def test_check_report_repeats_each_claim(example_path):
    claims = ["About 1,200 workers joined the stoppage.", "The operators offered a bonus of 9,000 euros."]
    result = run("check", str(example_path), "--claim", claims[0], "--claim", claims[1])
    assert result.returncode == 0, result.stderr.decode()[-3000:]
    text = result.stdout.decode()
    first, second = text.index(claims[0]), text.index(claims[1])
    assert first < text.index("supported", first) < second < text.index("contradicted", second)
