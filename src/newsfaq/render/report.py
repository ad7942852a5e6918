"""Check results for people (a coloured report) and for machines (versioned JSON)."""

from __future__ import annotations

from dataclasses import asdict

from rich.markup import escape

from newsfaq.model import CHECK_SCHEMA, Article, ArticleRef, QAPair, Verdict

COLOURS = {"supported": "green", "unsupported": "yellow", "contradicted": "bold red", "unverifiable": "dim"}
MARKS = {"supported": "✓", "unsupported": "?", "contradicted": "✗", "unverifiable": "·"}


def _label(verdict: Verdict) -> str:
    colour = COLOURS[verdict.label]
    return f"[{colour}]{MARKS[verdict.label]} {verdict.label}[/] ({verdict.score:.2f})"


def _evidence(verdict: Verdict, indent: str) -> list[str]:
    return [f"{indent}[dim]sentence {c.sentence + 1}:[/] “{escape(c.text)}”" for c in verdict.evidence]


def report_markup(items: list[tuple[QAPair | None, Verdict]]) -> str:
    """Rich markup: each answer, its verdict, then each of its claims with reason and evidence."""
    lines = []
    for item, verdict in items:
        # A bare claim is repeated, so that verdicts on several claims can be told apart.
        lines.append(f"[bold]{escape(item.question if item is not None else verdict.claim)}[/]")
        lines.append(f"  {_label(verdict)}  {escape(verdict.reason)}")
        for part in verdict.claims or [verdict]:
            if verdict.claims:
                lines.append(f"    {_label(part)}  {escape(part.claim)}")
                lines.append(f"      [italic]{escape(part.reason)}[/]")
            lines += _evidence(part, "      " if verdict.claims else "    ")
        lines.append("")
    counts = {label: sum(v.label == label for _, v in items) for label in COLOURS}
    lines.append(", ".join(f"{n} {label}" for label, n in counts.items() if n) or "nothing to check")
    return "\n".join(lines)


def report_dict(article: Article, items: list[tuple[QAPair | None, Verdict]]) -> dict:
    """The ``newsfaq.check/1`` document: each item's question (None for a bare claim) and verdict."""
    return {
        "schema": CHECK_SCHEMA,
        "article": asdict(ArticleRef.of(article)),
        "items": [
            {"question": item.question if item else None, "verdict": verdict.to_dict()} for item, verdict in items
        ],
    }
