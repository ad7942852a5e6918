import json

from newsfaq.check.pairs import BadLine, Pair, read_pairs, verdict_line
from newsfaq.model import Citation, Verdict


def test_good_and_bad_lines_are_told_apart_with_line_numbers():
    lines = [
        json.dumps({"id": "a", "document": "Doc.", "claim": "Claim."}),
        "{broken",
        "",
        json.dumps({"id": "c", "document": "Doc."}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"document": "Doc.", "claim": "No id."}),
    ]
    out = list(read_pairs(iter(lines)))
    assert out[0] == Pair("a", "Doc.", "Claim.")
    assert [(b.line, "JSON" in b.message or "field" in b.message or "object" in b.message)
            for b in out if isinstance(b, BadLine)] == [(2, True), (4, True), (5, True)]  # fmt: skip
    assert out[-1] == Pair("6", "Doc.", "No id.")


def test_verdict_line_has_the_documented_fields():
    verdict = Verdict("Claim.", "supported", 0.9, [Citation(0, 0, 4, "Doc.")], "sentence 1 says this")
    record = json.loads(verdict_line(Pair("x", "Doc.", "Claim."), verdict))
    assert set(record) == {"id", "label", "score", "evidence", "reason"}
    assert record["evidence"][0]["text"] == "Doc."


def test_ids_are_kept_as_given_or_numbered_and_lists_are_refused():
    lines = [
        '{"id": null, "document": "d", "claim": "c"}',
        '{"id": 7, "document": "d", "claim": "c"}',
        '{"id": ["x"], "document": "d", "claim": "c"}',
    ]
    first, second, third = read_pairs(iter(lines))
    assert (first.id, second.id) == ("1", "7")
    assert "'id' must be a string or a number" in third.message
