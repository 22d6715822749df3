"""User settings that hold for every command and every worker, without editing the package.

Read from `thucydides.toml` in the working directory (or the file named by
`THUCYDIDES_CONFIG`), and from `THUCYDIDES_ACTORS` and `THUCYDIDES_PATTERNS` (paths
joined by the OS path separator, as in PATH). It names the user's own actor
dictionaries and verb/noun pattern files, and the publication date of documents
that carry none (what `--date` gives, which wins over it):

    [actors]
    files = ["my_actors.tsv"]

    [documents]
    date = "2025-03-03"

    [patterns]
    files = ["my_patterns.yaml"]

Relative paths are taken from the config file's folder.
"""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from pathlib import Path

from thucydides.errors import UserError

CONFIG_NAME = "thucydides.toml"


def config_path() -> Path | None:
    named = os.environ.get("THUCYDIDES_CONFIG")
    if named:
        path = Path(named)
        if not path.is_file():
            raise UserError(f"THUCYDIDES_CONFIG names {named}, which is not a file.")
        return path
    local = Path.cwd() / CONFIG_NAME
    return local if local.is_file() else None


def load_config() -> dict:
    path = config_path()
    if path is None:
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UserError(f"{path} is not valid TOML ({exc}).") from None


def default_date() -> str | None:
    """The config's `[documents] date` (YYYY-MM-DD, quoted or a TOML date), or None."""
    from thucydides.dates import check_day

    section = load_config().get("documents", {})
    value = section.get("date") if isinstance(section, dict) else None
    if type(value) is dt.date:  # TOML's own date type: date = 2025-03-03
        value = value.isoformat()
    if not isinstance(section, dict) or not isinstance(value, str | None):
        raise UserError(f'{config_path()}: [documents] date must be a string like "2025-03-03".')
    return check_day(value, f"{config_path()}: [documents] date")


def actor_files() -> list[str]:
    """The user's actor dictionaries from the config file and THUCYDIDES_ACTORS."""
    return _user_files("actors", "THUCYDIDES_ACTORS", "actor dictionary")


def pattern_files() -> list[str]:
    """The user's verb and noun pattern files from the config file and THUCYDIDES_PATTERNS."""
    return _user_files("patterns", "THUCYDIDES_PATTERNS", "pattern file")


def _user_files(section_name: str, variable: str, what: str) -> list[str]:
    files: list[str] = []
    path = config_path()
    section = load_config().get(section_name, {})
    listed = section.get("files", []) if isinstance(section, dict) else None
    if not isinstance(listed, list) or not all(isinstance(f, str) for f in listed):
        raise UserError(f"{path}: [{section_name}] files must be a list of paths.")
    for name in listed:
        files.append(str((path.parent / name) if path and not Path(name).is_absolute() else name))
    env = os.environ.get(variable, "")
    files.extend(p for p in env.split(os.pathsep) if p)
    for name in files:
        if not Path(name).is_file():
            raise UserError(f"The {what} {name} named in the configuration does not exist.")
    return files
