"""Errors a user can cause: the CLI prints them as one sentence and exits 2."""

from __future__ import annotations

from pathlib import Path


class UserError(Exception):
    """A mistake in what the user asked for or gave (missing file, bad option, bad input)."""


def read_user_text(path: Path, what: str, form: str) -> str:
    """The text of a file the user gave (`what`: "Pattern file", "Actor dictionary"), or
    a UserError saying in one sentence why it cannot be read: missing, a directory,
    unreadable, binary (not `form`, e.g. "YAML text") or not UTF-8."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UserError(f"{what} {path} does not exist.") from None
    except IsADirectoryError:
        raise UserError(f"{what} {path} is a directory, not a file.") from None
    except OSError as exc:
        raise UserError(f"Cannot read {what.lower()} {path}: {exc.strerror}.") from None
    if b"\x00" in data:
        raise UserError(f"{what} {path} is a binary file, not {form}.")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise UserError(f"{what} {path} is not UTF-8 text.") from None
