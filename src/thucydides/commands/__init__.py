"""CLI commands: one module each, registered in `thucydides.cli.COMMANDS`; what several
of them share (the default date, counted nouns) is here."""

from __future__ import annotations


def plural(n: int, noun: str, nouns: str | None = None) -> str:
    """ "1 document", "2 documents", "0 documents"."""
    return f"{n} {noun if n == 1 else nouns or noun + 's'}"


def default_date(given: str | None) -> str | None:
    """The publication date for documents without one: `--date` (checked: YYYY-MM-DD
    only), else the config's `[documents] date`, else None."""
    from thucydides import config
    from thucydides.dates import check_day

    return check_day(given) if given is not None else config.default_date()
