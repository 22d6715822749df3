"""Number and Markdown table formatting shared by the sentence and story reports."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def num(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def table(header: Sequence[str], rows: Sequence[Sequence[Any]], align: str = "") -> list[str]:
    """A Markdown table; `align` gives one of l/r per column (default: first l, rest r)."""
    align = align or "l" + "r" * (len(header) - 1)
    rule = ["---:" if a == "r" else "---" for a in align]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(rule) + " |"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return lines


def fixed(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """A fixed-width table for the terminal: first column left, the rest right-aligned."""
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]
    fmt = [f"{{:<{widths[0]}}}", *(f"{{:>{w}}}" for w in widths[1:])]
    return [
        "  ".join(f.format(c) for f, c in zip(fmt, row, strict=True)) for row in [header, *rows]
    ]
