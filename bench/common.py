"""Shared helpers for the benchmarks: locating ../shared/data and printing tables."""

from __future__ import annotations

import sys
from pathlib import Path

from newsfaq.settings import Settings

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def data_path(*parts: str) -> Path:
    """A file under ../shared/data, or exit with a clear message when it is absent."""
    path = DATA.joinpath(*parts)
    if not path.exists():
        sys.exit(f"benchmark data not found: {path} (this benchmark needs ../shared/data)")
    return path


def print_table(title: str, header: list[str], rows: list[list[object]]) -> None:
    """A plain fixed-width table, easy to paste into an issue note."""
    cells = [header] + [[f"{c:.3f}" if isinstance(c, float) else str(c) for c in row] for row in rows]
    widths = [max(len(row[col]) for row in cells) for col in range(len(header))]
    print(f"\n{title}")
    line = "| " + " | ".join(h.ljust(w) for h, w in zip(cells[0], widths, strict=True)) + " |"
    print(line)
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in cells[1:]:
        print("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |")


def percentile(values: list[float], share: float) -> float:
    """The value below which ``share`` of ``values`` fall (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


FAST_FAQ = Settings(faq_engine="fast")
"""The rule-based FAQ engine alone: the benchmarks of other parts read its FAQs (the model engine's own
benchmarks are faq_panel.py and faq_speed.py)."""
