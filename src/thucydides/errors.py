"""Errors a user can cause: the CLI prints them as one sentence and exits 2."""


class UserError(Exception):
    """A mistake in what the user asked for or gave (missing file, bad option, bad input)."""
