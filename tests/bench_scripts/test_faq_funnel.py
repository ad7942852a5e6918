"""bench/faq_funnel.py's dump lines: what the checks found survives the trip through JSON."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent / "bench"))

from faq_funnel import from_row, landed_again, to_row  # noqa: E402

from newsfaq.faq.candidates import ItemCandidate  # noqa: E402
from newsfaq.faq.model_engine import Checks, passes  # noqa: E402


def test_a_dump_line_gives_back_the_checks_it_was_written_from():
    candidate = ItemCandidate("why", "Why was the bridge closed?", (3, 4), 0.95, "model")
    checks = Checks(candidate, landed=5, premise_holds=True, fits=True, margin=2.5, rival=-1.0)
    article_id, read = from_row(json.loads(json.dumps(to_row("a1", checks))))
    assert (article_id, read) == ("a1", checks) and passes(read)
    unasked = Checks(candidate, landed=3, premise_holds=False, fits=True)
    assert from_row(json.loads(json.dumps(to_row("a1", unasked))))[1] == unasked
    older = {**to_row("a1", unasked), "echoed": True}  # dumps made before the reader skipped echoing captions
    assert from_row(older)[1] == unasked


def test_a_rival_asked_of_the_old_landing_holds_only_where_the_reader_still_lands():
    candidate = ItemCandidate("why", "Why was the bridge closed?", (3,), 0.95, "model")
    dumped = Checks(candidate, landed=5, premise_holds=True, fits=True, margin=2.5, rival=-1.0)
    assert landed_again(dumped, 5) == dumped and passes(landed_again(dumped, 3))
    assert landed_again(dumped, 7).rival is None and not passes(landed_again(dumped, 7))
