"""The model engine's funnel on the FAQ panel: every candidate with what each check found, dumped once so that
other policies on the checks can be replayed against the editors' judgements in seconds, without the model.

    python bench/faq_funnel.py --dump bench/out/funnel.jsonl      # about half an hour on 2 cores
    python bench/faq_funnel.py --replay bench/out/funnel.jsonl [--answers-at 1.0] [--fill-to 4]

The dump has the model word a question for every answer sentence the engine would ask about, filler sentences
once per filler intent (every round of ``wording_rounds``), and asks it every margin
(``check_candidates(thorough=True)``). The replay keeps the candidates that ``passes`` at the bar given, lets
the writer choose the FAQ (``choose_items``) and tallies the items with the panel's judgements
(``faq_panel.tally``). At the defaults it rebuilds the model engine's FAQs on the panel, up to the drift of the
model's arithmetic between runs (a prompt read from another cached prefix can come out differently), so a
replayed policy is compared with the replayed default, not with a panel run. A dump made before the reader
changed keeps its rivals only where the reader still lands (``landed_again``), so its replayed default drifts
further. Items with no judgement are listed for an editor to judge before a policy is believed.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from dataclasses import asdict, replace
from pathlib import Path

from articles import dev_articles
from common import print_table
from faq_panel import PANEL, SIZES, TALLY_COLUMNS, choose, load_judgements, tally
from rich.progress import track

from newsfaq.engines import FAQ_WRITER
from newsfaq.faq.answer_kinds import fits
from newsfaq.faq.candidates import ItemCandidate, ranked
from newsfaq.faq.model_engine import (
    SPARE,
    Checks,
    answer_sentences,
    check_candidates,
    model_questions,
    passes,
    wording_rounds,
)
from newsfaq.faq.question_checks import ANSWERS_AT, asked_back
from newsfaq.faq.wording import garbled_or_vague
from newsfaq.faq.writer import answer_item, choose_items, fewest_items, plan_candidates, reach
from newsfaq.nlp.analysis import analyze
from newsfaq.settings import Settings


def to_row(article_id: str, checks: Checks) -> dict:
    """One dump line: the article, the candidate and what the checks found."""
    return {"article": article_id, **asdict(checks)}


def from_row(row: dict) -> tuple[str, Checks]:
    """The article id and the checks of one dump line (JSON has no tuples; older dumps also hold whether the
    reader landed on a caption echoing the candidate's sentence, which the reader now never reads)."""
    candidate = ItemCandidate(**{**row["candidate"], "sentences": tuple(row["candidate"]["sentences"])})
    fields = {k: v for k, v in row.items() if k not in ("article", "candidate", "echoed")}
    return row["article"], Checks(candidate=candidate, **fields)


def dump(path: Path, settings: Settings) -> None:
    """Write every candidate of the panel's articles with all its checks, one JSON line each."""
    model = FAQ_WRITER.model("model", settings.llm_url)
    with path.open("w") as out:
        for _, _, article in track(choose(dev_articles(), SIZES), description="articles"):
            analysis = analyze(article, limit=reach(settings))
            planned = plan_candidates(analysis)
            rounds = wording_rounds(answer_sentences(planned, analysis, settings.max_questions + SPARE))
            candidates = planned + model_questions(analysis, [t for targets in rounds for t in targets], model)
            for checks in check_candidates(candidates, analysis, settings, model, thorough=True):
                out.write(json.dumps(to_row(article.id, checks)) + "\n")
            out.flush()


def replay(path: Path, settings: Settings, answers_at: float, fill_to: int) -> None:
    """Print the panel's tally for the FAQs chosen from the dump: candidates passing at ``answers_at``, fillers up
    to ``fill_to`` items. Writing every round's questions at once equals the writer's rounds, as ``select`` takes
    a filler only while the FAQ is short, one filler intent after another (``wording_rounds``). Questions the
    wording rules now refuse (``garbled_or_vague``) are dropped, as the writer would, from a dump made before;
    whether the sentence fits the question (``fits``) and where the reader lands (``asked_back``) are found
    again, as both have grown since older dumps; a rival's margin was asked of the old landing, so it holds only
    where the reader lands there still (``landed_again``)."""
    found: dict[str, list[Checks]] = defaultdict(list)
    for line in path.read_text().splitlines():
        article_id, checks = from_row(json.loads(line))
        found[article_id].append(checks)
    panel = choose(dev_articles(), SIZES)
    if set(found) != {article.id for _, _, article in panel}:
        raise SystemExit(f"{path}: the dump's articles are not the panel's (an old or cut-short dump): dump it again")
    entries = {(entry["set"], entry["position"]): entry for entry in json.loads((PANEL / "articles.json").read_text())}
    judged = load_judgements((PANEL / "judgements.jsonl").read_text().splitlines())
    generated, main_event = {}, {}
    for name, position, article in panel:
        analysis = analyze(article, limit=reach(settings))
        landings = asked_back([c.candidate.question for c in found[article.id]], analysis)
        rechecked = [
            replace(landed_again(c, landed), fits=fits(c.candidate, analysis))
            for c, landed in zip(found[article.id], landings, strict=True)
        ]
        kept = [c.candidate for c in rechecked if passes(c, answers_at) and not garbled_or_vague(c.candidate.question)]
        chosen = choose_items(ranked(kept), analysis, settings, fill_to)
        generated[article.id] = [
            (item.question, item.answer) for item in (answer_item(analysis, c, settings) for c in chosen)
        ]
        main_event[article.id] = entries[name, position]["main_event"]
    row, unjudged, furnished = tally(generated, main_event, judged)
    policy = f"answers at {answers_at}, fill to {fill_to}"
    print_table("FAQ panel, model engine replayed from the funnel dump", ["policy", *TALLY_COLUMNS], [[policy, *row]])
    for heading, lines in (("Not judged", unjudged), ("Judged to carry page furniture", furnished)):
        if lines:
            print(f"\n{heading}:")
            print("\n".join(lines))


def landed_again(checks: Checks, landed: int) -> Checks:
    """``checks`` with the reader's landing found again: the rival's margin is dropped when it moved, since it
    was asked of the old landing (a candidate that now lands elsewhere than its own sentence then fails)."""
    return checks if landed == checks.landed else replace(checks, landed=landed, rival=None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--dump", type=Path, help="write every candidate's checks here (runs the model)")
    action.add_argument("--replay", type=Path, help="tally the FAQs a policy chooses from this dump")
    parser.add_argument(
        "--answers-at", type=float, default=ANSWERS_AT, help=f"answer check's bar (default {ANSWERS_AT})"
    )
    parser.add_argument(
        "--fill-to", type=int, help="fillers only up to this many items; 0: none (default: the writer's)"
    )
    args = parser.parse_args()
    settings = Settings(faq_engine="model")
    if args.dump:
        dump(args.dump, settings)
    else:
        fill_to = fewest_items(settings) if args.fill_to is None else args.fill_to
        replay(args.replay, settings, args.answers_at, fill_to)


if __name__ == "__main__":
    main()
