"""The ``--pairs`` batch format: JSONL lines ``{"id", "document", "claim"}`` in,
``{"id", "label", "score", "evidence", "reason"}`` out. A bad line is reported
with its number and skipped; it never stops the batch."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass

from newsfaq.model import Verdict

REQUIRED = ("document", "claim")


@dataclass(frozen=True)
class Pair:
    """One ``--pairs`` input line: the claim to check against the document, with the line's id (its line
    number when it gives none)."""

    id: str
    document: str
    claim: str


@dataclass(frozen=True)
class BadLine:
    """An input line that was skipped: its number and the message reported for it."""

    line: int
    message: str


def read_pairs(lines: Iterable[str], first: int = 1) -> Iterator[Pair | BadLine]:
    """Each non-blank line as a ``Pair``, or as a ``BadLine`` saying why it cannot be checked; lines are
    numbered from ``first`` (a batch reads a file's lines in parts)."""
    for number, line in enumerate(lines, start=first):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield BadLine(number, f"line {number}: malformed JSON ({error.msg})")
            continue
        if not isinstance(record, dict):
            yield BadLine(number, f"line {number}: expected a JSON object")
            continue
        missing = [key for key in REQUIRED if not isinstance(record.get(key), str)]
        if missing:
            yield BadLine(number, f"line {number}: missing or non-text field(s) {', '.join(missing)}")
            continue
        given = record.get("id")
        if isinstance(given, dict | list):
            yield BadLine(number, f"line {number}: 'id' must be a string or a number")
            continue
        yield Pair(str(number if given is None else given), record["document"], record["claim"])


def verdict_line(pair: Pair, verdict: Verdict) -> str:
    """The output line (without its newline) for a pair's verdict."""
    return json.dumps(
        {
            "id": pair.id,
            "label": verdict.label,
            "score": verdict.score,
            "evidence": [asdict(c) for c in verdict.evidence],
            "reason": verdict.reason,
        },
        ensure_ascii=False,
    )
