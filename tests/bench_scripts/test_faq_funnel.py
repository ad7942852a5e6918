"""bench/faq_funnel.py's dump lines: what the checks found survives the trip through JSON."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent / "bench"))

from faq_funnel import from_row, to_row  # noqa: E402

from newsfaq.faq.candidates import ItemCandidate  # noqa: E402
from newsfaq.faq.model_engine import Checks, passes  # noqa: E402


def test_a_dump_line_gives_back_the_checks_it_was_written_from():
    candidate = ItemCandidate("why", "Why was the bridge closed?", (3, 4), 0.95, "model")
    checks = Checks(candidate, landed=5, premise_holds=True, fits=True, margin=2.5, rival=-1.0)
    article_id, read = from_row(json.loads(json.dumps(to_row("a1", checks))))
    assert (article_id, read) == ("a1", checks) and passes(read)
    unasked = Checks(candidate, landed=3, premise_holds=False, fits=True, echoed=True)
    assert from_row(json.loads(json.dumps(to_row("a1", unasked))))[1] == unasked
