"""Answers, search hits and timelines as readable text (JSON comes from the dataclasses)."""

from __future__ import annotations

from rich.markup import escape

from newsfaq.archive.timeline import TimelineEntry
from newsfaq.model import Answer, ArticleRef, Citation
from newsfaq.store.base import Hit


def _source(article: ArticleRef, citation: Citation) -> str:
    name = article.title or article.id
    return f"{escape(name)}, {article.date or 'undated'}, sentence {citation.sentence + 1}"


def answer_markup(answer: Answer) -> str:
    """Rich markup for an answer: the answer, its as-of date and cited sentence, and answers as of other
    dates; or why there is none, with the closest sentences as leads."""
    if answer.answer is None:
        lines = [f"[yellow]{escape(answer.message)}[/]"]
        lines += [f"  lead: “{escape(e.citation.text)}” ({_source(e.article, e.citation)})" for e in answer.evidence]
        return "\n".join(lines)
    lines = [f"[bold]{escape(answer.answer)}[/]  (as of {answer.as_of or 'an undated source'})"]
    lines += [f"  “{escape(e.citation.text)}” ({_source(e.article, e.citation)})" for e in answer.evidence]
    for other in answer.alternatives:
        lines.append(f"  [dim]but as of {other.as_of}:[/] {escape(other.answer or '')}")
        lines += [f"    “{escape(e.citation.text)}” ({_source(e.article, e.citation)})" for e in other.evidence]
    return "\n".join(lines)


def timeline_markup(entries: list[TimelineEntry]) -> str:
    """Rich markup for a timeline, one line per entry: its date (marked when the report date stands in),
    the sentence and its source."""
    if not entries:
        return "[yellow]nothing found[/]"
    lines = []
    for entry in entries:
        note = "" if entry.dated_by == "sentence" else " [dim](report date)[/]"
        hit = entry.hit
        lines.append(
            f"{entry.when or 'undated'}{note}  “{escape(hit.citation.text)}” ({_source(hit.article, hit.citation)})"
        )
    return "\n".join(lines)


def hits_markup(hits: list[Hit]) -> str:
    """Rich markup for search hits, one line per sentence with its article's date and its source."""
    if not hits:
        return "[yellow]nothing found[/]"
    return "\n".join(f"{h.article.date or 'undated'}  “{escape(h.citation.text)}” ({_source(h.article, h.citation)})"
                     for h in hits)  # fmt: skip
