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


MIN_CONFIDENCE_HELP = (
    "leave out events under this confidence, the probability that the record is right "
    "(0 to 1; 0 keeps every event; default: the thresholds fitted on story gold, in "
    "events/data/confidence.json: one for stories of 3 or more sentences, one for "
    "shorter texts)"
)


def min_confidence(given: str | None) -> float | None:
    """`--min-confidence`, checked: a number from 0 to 1, or None for the default."""
    from thucydides.errors import UserError

    if given is None:
        return None
    try:
        value = float(given)
    except ValueError:
        value = float("nan")
    if not 0.0 <= value <= 1.0:  # also false for nan
        raise UserError(f"--min-confidence must be a number from 0 to 1, not {given!r}.")
    return value
