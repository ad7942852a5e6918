"""CLI fuzz (issue 11): seeded malformed inputs to ``faq``, ``check`` and ``add``.

For every input: no Python traceback, exit status 0 or 1, and each error one line that starts with
"newsfaq: error:" or "skipped"; an archive file is unchanged (md5) by every add that refuses its input.
Most inputs go through one ``faq DIR -o OUT`` and one ``add DIR`` run; about thirty need a run of their own
(standard input, a single file, ``check``). Every run is in-process (``cli_helpers.run``); the FAQ's
determinism is checked across two real processes with different hash seeds.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from cli_helpers import CLI, Ran, run

SEED = 20250314
MARKUP = [
    "[/x]",
    "[bold]",
    "[/]",
    "[red on blue]",
    "[link=file:///etc/passwd]here[/link]",
    "<script>alert(1)</script>",
    "<b>",
    "\\",
    "][",
    "\\[/x]",
]
# Markup for file names: no "/" there, so every batch file lives in a directory "in[" and is named "x] ...":
# its path then holds the closing tag "[/x]".
NAME_MARKS = ["[bold]", "<script>", "[red]x[", "]", "%s {0} $HOME", "'q' \"dq\"", "\u00fcn\u00ef \u20ac", "a\\b", "[]"]
WORDS = [
    "port", "union", "workers", "ships", "talks", "minister", "strike", "crane", "terminal", "operators", "automation",
    "jobs", "harbour", "cargo", "vessels", "anchor", "negotiator", "statement", "retraining", "bonus", "economy",
    "exporters", "shipping", "companies", "alarm",
]  # fmt: skip
SUMMARY = re.compile(r"\d+ FAQ\(s\) written, \d+ input\(s\) skipped$|\d+ added \(|\d+ claim\(s\) checked, ")
EXTENSIONS = [".txt", ".html", ".json", ".jsonl", ".md"]


@dataclass(frozen=True)
class Case:
    label: str
    data: bytes
    suffix: str
    expect: str
    """"bad": refused by every command; "undated": refused by faq and add (check needs no date);
    "good": faq writes it; "any": either, but never a crash."""


def _markup(rng: random.Random) -> str:
    return rng.choice(MARKUP)


def _words(rng: random.Random, count: int, marks: float = 0.15) -> str:
    return " ".join(_markup(rng) if rng.random() < marks else rng.choice(WORDS) for _ in range(count))


def _undated_text(rng: random.Random, sentences: int) -> str:
    """English-looking prose with markup and no date anywhere (no digits, no month names)."""
    return "\n\n".join(_words(rng, rng.randint(8, 20)).capitalize() + "." for _ in range(sentences))


def _example_body(example: Path) -> str:
    return example.read_text().split("\n", 1)[1].split("FAQs")[0].strip()


def _marked_body(rng: random.Random, body: str) -> str:
    """The example's prose with a markup-laden sentence after each paragraph."""
    return "\n\n".join(f"{p} The {_markup(rng)} note {_markup(rng)} follows." for p in body.split("\n\n"))


def _record(rng: random.Random, body: str, n: int) -> dict:
    """A feed record with markup in every string field."""
    return {
        "id": f"{_markup(rng)}../{n}{_markup(rng)}",
        "title": f"Good {n} {_markup(rng)} dock strike {_markup(rng)}",
        "url": f"https://news.example.com/{_markup(rng)}/{n}?q=<script>",
        "date": "2025-03-14",
        "text": _marked_body(rng, body).replace("1,200", f"{1200 + n:,}"),
        "source": f"{_markup(rng)} wire",
    }


def _page(rng: random.Random, body: str, marker: int, dated: bool = True) -> str:
    """An article page with scripts and markup; ``marker`` opens the text, so that no two pages share an article."""
    body = f"Report {marker}: {body}"
    paragraphs = "".join(
        f"<p>{p} {_markup(rng)}</p><script>var x = '{_markup(rng)}';</script>" for p in body.split("\n\n")
    )
    meta = '<meta property="article:published_time" content="2025-03-14">' if dated else ""
    return (
        f"<html><head><title>Dock strike {_markup(rng)}</title>{meta}<script>alert('[/x]')</script></head>"
        f"<body><article><h1>Dock strike {_markup(rng)}</h1>{paragraphs}</article></body></html>"
    )


def generate(example: Path) -> list[Case]:
    """About 225 inputs (200 of them must be refused), the same on every run."""
    rng = random.Random(SEED)
    body = _example_body(example)
    dated = example.read_bytes()
    cases: list[Case] = []

    def add(label: str, data: bytes | str, suffix: str, expect: str) -> None:
        cases.append(Case(label, data.encode() if isinstance(data, str) else data, suffix, expect))

    for n in range(62):  # random bytes
        size = rng.choice([64, 300, 2_000, 20_000])
        add(f"random-bytes-{n}", rng.randbytes(size), rng.choice(EXTENSIONS), "bad")
    for n, data in enumerate(
        [b"", b" \n\t \n", b"\xef\xbb\xbf", b"\xef\xbb\xbf\n\n  ", b"\xef\xbb\xbf[/x] <script>", b"\x00",
         b"\x00" * 5000, "\ufeff".encode("utf-16") + dated.decode().encode("utf-16-le"),
         b"\xff\xfe\x00\x00" + dated.decode().encode("utf-32-le"), b"\n" * 1000]
    ):  # fmt: skip
        add(f"empty-bom-{n}", data, EXTENSIONS[n % len(EXTENSIONS)], "bad")
    for n in range(10):  # NUL bytes through a dated article: binary
        chars = list(dated)
        for _ in range(len(chars) // 20):
            chars.insert(rng.randrange(len(chars)), 0)
        add(f"nul-heavy-{n}", bytes(chars), ".txt", "bad")
    for n in range(3):  # a single NUL: may read, never crashes
        text = dated.replace(b"1,200", f"{1300 + n:,}".encode())
        position = rng.randrange(len(text))
        add(f"one-nul-{n}", text[:position] + b"\x00" + text[position:], ".txt", "any")
    for n in range(50):  # a record cut short
        text = json.dumps(_record(rng, body, n))
        add(f"truncated-json-{n}", text[: rng.randint(1, len(text) - 2)], ".json", "bad")
    for n in range(20):  # JSON lines, every line cut short
        lines = [json.dumps(_record(rng, body, 100 + n * 5 + k)) for k in range(rng.randint(1, 4))]
        add(f"truncated-jsonl-{n}", "\n".join(line[: rng.randint(1, len(line) - 2)] for line in lines), ".jsonl", "bad")
    shapes = [
        "{}", "null", "5", '"[/x]"', '[["[bold]"]]', '{"text": "[/x] <script>"}', '{"text": 5}',
        '{"body": ["[/x]"]}', json.dumps({"text": body, "date": "[/x]"}),
        json.dumps({"text": body, "date": "<script>"}),
        json.dumps({"text": body}), json.dumps({"title": "[/x]", "date": "2025-03-14"}),
        json.dumps([{"text": "[bold]"}, 7, None]), json.dumps({"text": "[/x]" * 5, "date": "2025-03-14"}),
    ]  # fmt: skip
    for n, shape in enumerate(shapes):
        add(
            f"json-shape-{n}",
            shape,
            rng.choice([".json", ".jsonl"]),
            "undated" if shape.startswith('{"text": "Dock') else "bad",
        )
    for n in range(12):  # HTML cut short: may still hold the article
        page = _page(rng, body, n)
        add(f"truncated-html-{n}", page[: rng.randint(0, len(page))], ".html", "any")
    for n in range(3):
        add(f"undated-html-{n}", _page(rng, _undated_text(rng, 6), 100 + n, dated=False), ".html", "any")
    add("huge-line-undated", _words(rng, 28_000).replace("\n", " "), ".txt", "undated")
    add("huge-line-jsonl", json.dumps({"date": "2025-03-14", "text": _words(rng, 28_000)})[:-100], ".jsonl", "bad")
    add("huge-line-html", "<html><body><p>" + _words(rng, 28_000), ".html", "any")
    add("huge-random-bytes", rng.randbytes(280_000), ".txt", "bad")
    add("huge-markup-line", ("[/x][bold]<script>" * 15_000), ".md", "undated")
    for n in range(10):  # not UTF-8, and not Windows-1252 either (0x81 is undefined there)
        noise = bytes(rng.choice(b"\x81\x8d\x8f\x90\x9d\xff\xfe\xc3\xa0") for _ in range(40))
        position = rng.randrange(len(dated))
        add(f"invalid-utf8-{n}", dated[:position] + noise + dated[position:], ".txt", "bad")
    for n, data in enumerate(
        ["date 2025-03-14\n\n[/x] [bold]", "date 2025-03-14\n\n<script>alert(1)</script>", "date 2025-13-45\n\n" + body,
         "date 2025-03-14\n\nFAQs\n\n[/x]?\n\n[bold]", "date 0000-00-00\n\n" + body]
    ):  # fmt: skip
        add(f"dated-short-{n}", data, ".txt", "bad")
    for n in range(15):
        add(f"undated-{n}", _undated_text(rng, rng.randint(3, 12)), rng.choice([".txt", ".md"]), "undated")
    # Good inputs, markup in every field they have.
    add(
        "good-text",
        f"date 2025-03-14\nDock strike {_markup(rng)} <script>\n\n" + _marked_body(rng, body),
        ".txt",
        "good",
    )
    add("good-bom-text", b"\xef\xbb\xbf" + dated, ".txt", "good")
    for n in range(2):
        add(f"good-json-{n}", json.dumps(_record(rng, body, 900 + n)), ".json", "good")
    mixed = [json.dumps(_record(rng, body, 910)), "{broken", json.dumps(_record(rng, body, 911))[:50], "[/x]"]
    add("mixed-jsonl", "\n".join(mixed), ".jsonl", "any")
    add("good-html", _page(rng, body, 200), ".html", "any")
    return cases


def _name(n: int, case: Case) -> str:
    return f"x] {n:03} {NAME_MARKS[n % len(NAME_MARKS)]} {case.label}{case.suffix}"


def _lines(stderr: bytes) -> list[str]:
    return [line for line in stderr.decode(errors="replace").splitlines() if line.strip()]


def assert_sound(result: Ran, refused: bool) -> list[str]:
    """No traceback; status 0 or 1 (1 when the input must be refused); every error one line."""
    stderr = result.stderr.decode(errors="replace")
    context = f"{result.args!r}\n{stderr[-3000:]}"
    assert "Traceback" not in stderr and not result.crashed, context
    assert result.returncode in ((1,) if refused else (0, 1)), context
    lines = _lines(result.stderr)
    problems = [line for line in lines if not SUMMARY.match(line)]
    assert all(line.startswith(("newsfaq: error:", "skipped ")) for line in problems), context
    fatal = [line for line in problems if line.startswith("newsfaq: error:")]
    assert len(fatal) <= 1, context
    if result.returncode == 1:
        assert problems, context
    return problems


def _md5(path: Path) -> str:
    return hashlib.md5(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def cases(example_path) -> list[Case]:
    generated = generate(example_path)
    assert sum(case.expect in ("bad", "undated") for case in generated) >= 200
    return generated


@pytest.fixture(scope="module")
def archive(tmp_path_factory, example_path) -> Path:
    db = tmp_path_factory.mktemp("archive") / "archive.db"
    added = run("add", str(example_path), "--db", str(db))
    assert added.returncode == 0, added.stderr
    return db


def test_generation_is_deterministic(example_path, cases):
    assert [hashlib.md5(c.data).hexdigest() for c in generate(example_path)] == [
        hashlib.md5(c.data).hexdigest() for c in cases
    ]
    assert max(len(c.data) for c in cases) < 300_000


def test_faq_is_the_same_under_any_hash_seed(example_path):
    """Two real processes with different ``PYTHONHASHSEED``: set and dict orders that follow string hashes must
    not reach the output."""
    args = [*CLI, "faq", str(example_path), "--format", "json"]
    processes = [
        subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "PYTHONHASHSEED": s})
        for s in ("1", "2")
    ]
    (first, first_err), (second, second_err) = (process.communicate(timeout=120) for process in processes)
    assert [process.returncode for process in processes] == [0, 0], (first_err + second_err).decode()[-3000:]
    assert json.loads(first)["items"] and first == second


def test_faq_on_a_directory_of_malformed_inputs(tmp_path, cases):
    source = tmp_path / "in["
    source.mkdir()
    paths = {}
    for n, case in enumerate(cases):
        paths[case.label] = source / _name(n, case)
        paths[case.label].write_bytes(case.data)
    out = tmp_path / "out"
    result = run("faq", str(source), "-o", str(out), "-f", "json")
    problems = assert_sound(result, refused=True)
    skipped = [line for line in problems if line.startswith("skipped ")]
    assert len(skipped) == len(problems)  # the batch went on: no fatal error
    summary = _lines(result.stderr)[-1]
    written = sorted(out.iterdir())
    assert summary == f"{len(written)} FAQ(s) written, {len(skipped)} input(s) skipped"
    assert all(path.is_file() for path in written)
    assert {p.name for p in tmp_path.iterdir()} == {"in[", "out"}  # nothing written outside out/
    for case in cases:
        reported = any(line.startswith(f"skipped {paths[case.label]}") for line in skipped)
        if case.expect in ("bad", "undated"):
            assert reported, f"{case.label} was not reported as skipped"
        elif case.expect == "good":
            assert not reported, f"{case.label} was skipped"
    titles = [json.loads(path.read_text())["article"]["title"] or "" for path in written]
    for n in (900, 901):
        assert any(f"Good {n}" in title for title in titles), titles
    goods = sum(case.expect == "good" for case in cases)
    assert len(written) >= goods


def test_add_refuses_a_directory_of_malformed_inputs_and_keeps_the_archive(tmp_path, cases, archive):
    source = tmp_path / "in["
    source.mkdir()
    refused = [case for case in cases if case.expect in ("bad", "undated")]
    for n, case in enumerate(refused):
        (source / _name(n, case)).write_bytes(case.data)
    before = _md5(archive)
    result = run("add", str(source), "--db", str(archive))
    problems = assert_sound(result, refused=True)
    assert _md5(archive) == before
    assert "0 added" in result.stderr.decode()
    assert all(line.startswith("skipped ") for line in problems)
    for n, case in enumerate(refused):
        assert any(line.startswith(f"skipped {source / _name(n, case)}") for line in problems), case.label


def _single_runs(
    cases: list[Case], tmp: Path, example: Path, archive: Path
) -> list[tuple[list[str], bytes | None, bool]]:
    """(arguments, standard input, must be refused) for the inputs that need a process of their own."""
    rng = random.Random(SEED + 1)
    bad = [case for case in cases if case.expect == "bad"]
    undated = [case for case in cases if case.expect == "undated"]
    picks = rng.sample(bad, 20) + rng.sample(undated, 3)
    files = []
    for n, case in enumerate(picks):
        path = tmp / _name(n, case)
        path.write_bytes(case.data)
        files.append(path)
    runs: list[tuple[list[str], bytes | None, bool]] = []
    runs += [(["faq", str(path)], None, True) for path in files[:5] + files[20:22]]
    runs += [(["faq", "-"], case.data, True) for case in picks[5:10] + picks[22:23]]
    runs += [(["check", str(path)], None, True) for path in files[10:13]]
    runs += [(["check", "-"], case.data, True) for case in picks[13:15]]
    runs += [(["ask", "Who struck?", "--article", str(files[15])], None, True)]
    runs += [(["ask", "Who struck?", "--article", "-"], picks[16].data, True)]
    runs += [(["add", str(path), "--db", str(archive)], None, True) for path in files[17:19] + files[20:21]]
    runs += [(["add", "-", "--db", str(archive)], case.data, True) for case in picks[19:20] + picks[21:22]]
    claims = ["[/x]", "[bold]Workers[/bold] struck", "<script>alert(1)</script>", "ends in a backslash \\",
              "About 1,200 [red]workers[/red] joined the stoppage."]  # fmt: skip
    runs += [(["check", str(example), *(arg for claim in claims for arg in ("--claim", claim))], None, False)]
    runs += [(["faq", str(example), "-o", str(tmp / "x] [bold] <script>.md")], None, False)]
    return runs


def _pairs_file(tmp: Path, example: Path) -> tuple[Path, int]:
    """JSON lines for ``check --pairs``: malformed, wrong types, markup everywhere; returns the good count."""
    rng = random.Random(SEED + 2)
    document = _example_body(example)
    good = [
        {"id": _markup(rng), "document": document, "claim": f"About 1,200 workers {_markup(rng)} joined."},
        {"id": 7, "document": f"{_markup(rng)} " * 30, "claim": "[/x]"},
        {"id": None, "document": "", "claim": "<script>alert(1)</script>"},
        {"document": "\x00" * 50, "claim": "\\"},
    ]
    bad = ['{"id": ["[bold]"], "document": "x", "claim": ""}',  # an id that is a list
           '{"id": "[/x]", "document": 5, "claim": "x"}', '{"claim": "[bold]"}', "[1, 2]", '"[/x]"', "null",
           '{"document": "x", "claim": ["[/x]"]}', "{[/x]", "<script>", json.dumps(good[0])[:40]]  # fmt: skip
    bad += [re.sub(r"\s", " ", rng.randbytes(60).decode("latin-1")) for _ in range(6)]
    lines = [json.dumps(record) for record in good] + bad
    rng.shuffle(lines)
    path = tmp / "pairs [bold] <script>.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, len(good)


def test_single_processes_on_malformed_inputs(tmp_path, cases, archive, example_path):
    runs = _single_runs(cases, tmp_path, example_path, archive)
    assert len(runs) >= 27
    before = _md5(archive)
    pairs, good_pairs = _pairs_file(tmp_path, example_path)
    random_pairs = tmp_path / "random [bold].jsonl"
    random_pairs.write_bytes(random.Random(SEED + 3).randbytes(5_000))

    def one(single):
        args, stdin, refused = single
        result = run(*args, stdin=stdin)
        return single, result, _md5(archive) if args[0] == "add" else None

    pairs_run = run("check", "--pairs", str(pairs), "-o", str(tmp_path / "verdicts.jsonl"))
    random_run = run("check", "--pairs", str(random_pairs))
    outcomes = [one(single) for single in runs]
    for (args, _, refused), result, md5 in outcomes:
        problems = assert_sound(result, refused)
        if refused and args[0] != "add":
            assert len(problems) == 1 and problems[0].startswith("newsfaq: error:"), (args, problems)
        if md5 is not None:
            assert md5 == before, f"{args} changed the archive"
    claims_run, faq_run = outcomes[-2][1], outcomes[-1][1]
    assert claims_run.returncode == 0
    report = claims_run.stdout.decode()
    for claim in ["[/x]", "[bold]Workers[/bold] struck", "<script>alert(1)</script>", "ends in a backslash \\"]:
        assert claim in report, report
    assert faq_run.returncode == 0 and (tmp_path / "x] [bold] <script>.md").read_text().strip()
    assert _md5(archive) == before

    problems = assert_sound(pairs_run, refused=True)
    assert all(line.startswith(f"skipped {pairs}: line ") for line in problems)
    verdicts = [json.loads(line) for line in (tmp_path / "verdicts.jsonl").read_text().splitlines()]
    lines = [line for line in pairs.read_text().split("\n") if line.strip()]
    assert len(verdicts) == good_pairs and len(problems) == len(lines) - good_pairs
    assert_sound(random_run, refused=True)


def _record_with(**fields) -> str:
    body = EXAMPLE_BODY.replace("1,200", "1,777")
    return json.dumps({"date": "2025-03-14", "text": body, **fields})


EXAMPLE_BODY = Path(__file__).resolve().parent.parent.joinpath("examples", "harbour_strike.txt").read_text()
EXAMPLE_BODY = EXAMPLE_BODY.split("\n", 1)[1].split("FAQs")[0].strip()


@pytest.mark.parametrize(
    ("command", "data", "refused"),
    [
        ("faq", "[]", True),  # was an IndexError: an empty JSON array holds no article
        ("faq -", "[]", True),
        ("faq", _record_with(title=5), False),  # was a TypeError
        ("faq", _record_with(title=["[/x]"]), False),
        ("faq", _record_with(date=20250314), False),  # was a TypeError
        ("faq", _record_with(date=["2025-03-14"]), False),  # was an AttributeError
        ("add", _record_with(url=["[/x]"]), False),  # was a sqlite3.ProgrammingError binding a list
    ],
    ids=[
        "faq-empty-array",
        "faq-stdin-empty-array",
        "title-int",
        "title-list",
        "date-int",
        "date-list",
        "add-url-list",
    ],
)
def test_wrongly_typed_json_gives_no_traceback(tmp_path, archive, command, data, refused):
    """Refusing the record (one line) or ignoring the bad field are both fine; a traceback is not."""
    path = tmp_path / "record.json"
    path.write_text(data)
    db = tmp_path / "archive.db"
    shutil.copyfile(archive, db)
    before = _md5(db)
    if command == "faq -":
        args, stdin = ["faq", "-"], data.encode()
    elif command == "add":
        args, stdin = ["add", str(path), "--db", str(db)], None
    else:
        args, stdin = [command, str(path)], None
    result = run(*args, stdin=stdin)
    problems = assert_sound(result, refused=refused)
    if result.returncode == 1:
        assert len(problems) == 1 and _md5(db) == before
