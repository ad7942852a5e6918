"""From a support score and an alignment to a label and a reason a reader can act on.

The model says *whether* the article backs a claim; this module says *why*,
from the same alignment: the words the article lacks, or the number, name or
negation that the closest sentence has differently (then the claim is
contradicted, not merely unsupported).
"""

from __future__ import annotations

from dataclasses import replace

from newsfaq.check.features import ClaimAlignment
from newsfaq.check.index import SentenceWords
from newsfaq.model import Citation, Verdict
from newsfaq.nlp.lexicon import Word, calendar_kind

MIN_SHARED_FOR_CONFLICT = 0.6
"""A changed detail is a contradiction only when the rest of the claim matches the evidence sentence."""
MAX_LISTED = 4


def _missing_dates(alignment: ClaimAlignment) -> list[Word]:
    """Day and month names of the claim that the article never uses: a wrong date, like a wrong number."""
    return [w for w in alignment.missing if calendar_kind(w)]


def _citation(entry: SentenceWords) -> Citation:
    s = entry.sentence
    return Citation(sentence=s.index, start=s.start, end=s.end, text=s.text)


def _phrases(missing: list[Word], claim: list[Word]) -> list[str]:
    """Missing words, with neighbours in the claim joined into phrases ("mortar fire")."""
    keys = {id(w) for w in missing}
    phrases: list[list[Word]] = []
    previous = False
    for w in claim:
        if id(w) in keys:
            if previous:
                phrases[-1].append(w)
            else:
                phrases.append([w])
        previous = id(w) in keys
    return [" ".join(w.text for w in phrase) for phrase in phrases]


def _listing(items: list[str]) -> str:
    items = items[:MAX_LISTED]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def sentences_phrase(evidence: list[Citation]) -> str:
    """How a reason names the cited sentences, numbered from 1: "sentence 3", "sentences 2, 4 and 5",
    or "the article" when none is cited."""
    numbers = [str(c.sentence + 1) for c in evidence]
    if len(numbers) < 2:
        return f"sentence {numbers[0]}" if numbers else "the article"
    return f"sentences {', '.join(numbers[:-1])} and {numbers[-1]}"


def _conflict(alignment: ClaimAlignment, claim: list[Word], shared: float) -> str | None:
    """A reason when the closest sentence states a different number, name or polarity."""
    if not alignment.evidence or shared < MIN_SHARED_FOR_CONFLICT:
        return None
    best = alignment.evidence[0]
    claim_keys = {w.key for w in claim}
    number = next(iter(alignment.missing_numbers), None)
    if number is not None:
        theirs = [w.text for w in best.words if w.number and w.key not in claim_keys]
        if theirs:
            return f"the article says {_listing(theirs)}, not {number.text}"
    for date in _missing_dates(alignment):  # a weekday against a weekday, a month against a month
        theirs = [w.text for w in best.words if calendar_kind(w) == calendar_kind(date) and w.key not in claim_keys]
        if theirs:
            return f"sentence {best.sentence.index + 1} says {_listing(theirs)}, not {date.text}"
    name = next((w for w in alignment.missing_names if not calendar_kind(w)), None)
    if name is not None:
        theirs = [
            w.text
            for w in best.words[1:]
            if w.capitalised and w.content and not calendar_kind(w) and w.key not in claim_keys
        ]
        if theirs:
            return f"the article has {_listing(theirs)} where the claim has {name.text}"
    if alignment.swapped_name:
        theirs, ours = alignment.swapped_name
        return f"sentence {best.sentence.index + 1} says this of {theirs}, not {ours}"
    if alignment.negation_mismatch and not alignment.missing and _denies_what_the_other_says(claim, best):
        side = "negates" if any(w.negation for w in claim) else "drops the negation in"
        return f"the claim {side} what sentence {best.sentence.index + 1} says"
    return None


def _denies_what_the_other_says(claim: list[Word], best: SentenceWords) -> bool:
    """Whether the side with the negation denies a word the other side says ("the bridge will reopen" against
    "the bridge will not reopen"), not words the other leaves out: a question's premise "Borini on Tuesday"
    does not drop the negation of "Borini may not have had much success"."""
    claim_keys = {w.key for w in claim if w.content}
    return bool(_negated_keys(claim) & best.content_keys or _negated_keys(best.words) & claim_keys)


def _negated_keys(words: list[Word]) -> set[str]:
    """The first content word after each negation, the one it denies ("will not *reopen* before March", "no one
    was *injured*"); a number is passed over, as a changed number is a conflict of its own."""
    negated = set()
    for i, word in enumerate(words):
        if not word.negation:
            continue
        denied = next((later for later in words[i + 1 :] if later.content and not later.number), None)
        if denied is not None:
            negated.add(denied.key)
    return negated


def judge(claim_text: str, claim: list[Word], alignment: ClaimAlignment, score: float, threshold: float) -> Verdict:
    """The verdict on one atomic claim."""
    evidence = [_citation(e) for e in alignment.evidence]
    shared = alignment.best_sentence_share
    if alignment.verbatim:
        quoted = evidence[:1]
        reason = f"{sentences_phrase(quoted)} says this word for word"
        return Verdict(claim_text, "supported", 1.0, quoted, reason, settled=True)
    lacks_a_fact = bool(alignment.missing_numbers or _missing_dates(alignment))
    if score >= threshold and evidence and not (lacks_a_fact or alignment.swapped_name):
        cited = evidence[:1] if shared == 1.0 else evidence
        verb = "says" if len(cited) == 1 else "say"
        return Verdict(claim_text, "supported", score, cited, f"{sentences_phrase(cited)} of the article {verb} this")
    conflict = _conflict(alignment, claim, shared)
    if conflict:
        return Verdict(claim_text, "contradicted", score, evidence[:1], conflict)
    if alignment.missing:
        reason = f"the article does not mention {_listing(_phrases(alignment.missing, claim))}"
    elif evidence:
        reason = f"the article has these words but does not say this; closest is {sentences_phrase(evidence[:1])}"
    else:
        reason = "the article does not say this"
    return Verdict(claim_text, "unsupported", score, evidence, reason, settled=lacks_a_fact)


def combine(text: str, parts: list[Verdict]) -> Verdict:
    """One verdict for a claim made of parts: supported only if every part is."""
    if len(parts) == 1:
        return replace(parts[0], claim=text)
    evidence = sorted({c for part in parts for c in part.evidence}, key=lambda c: c.sentence)
    for label in ("contradicted", "unsupported", "unverifiable"):
        failing = [p for p in parts if p.label == label]
        if failing:
            worst = min(failing, key=lambda p: p.score)
            reason = f"{len(failing)} of {len(parts)} claims {label}: {worst.reason}"
            settled = any(p.settled for p in failing)  # a part lacking a fact keeps the whole unsupported
            return Verdict(text, label, min(p.score for p in parts), evidence, reason, parts, settled)
    settled = all(p.settled for p in parts)  # every part quoted word for word
    return Verdict(
        text, "supported", min(p.score for p in parts), evidence, "every claim is in the article", parts, settled
    )
