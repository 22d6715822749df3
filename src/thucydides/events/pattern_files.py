"""Where the trigger pattern files are, and how a file of patterns is read.

The package's files (events/data/) are trusted and read fast; a user's file (`--patterns
FILE`, thucydides.toml, THUCYDIDES_PATTERNS) is read so that every way it can be
unreadable is one sentence, and each mapping keeps its line for the compiler's messages.
Kept apart from the compiler (`pattern_compiler.py`): reading is about files, compiling
about patterns.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import yaml


def data_dir() -> Path:
    return Path(str(resources.files("thucydides.events") / "data"))


def pattern_files(root: Path) -> list[Path]:
    """Additions first: they win ties and replace generated patterns with the same form."""
    verbs = root / "verbs"
    return [verbs / "_additions.yaml", *sorted(verbs.glob("[0-9][0-9]_*.yaml"))]


def load_yaml(path: Path):
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with path.open(encoding="utf-8") as f:
        return yaml.load(f, Loader=loader) or {}


class _LineLoader(yaml.SafeLoader):
    """Keeps each mapping's line (as "__line__") so a user file's messages can name it."""

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


def read_user_file(path: Path) -> dict:
    """A user's pattern file, or a UserError saying in one sentence why it cannot be read."""
    from thucydides.errors import UserError, read_user_text

    text = read_user_text(path, "Pattern file", "YAML text")
    try:
        parsed = yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark is not None else ""
        raise UserError(f"Pattern file {path} is not valid YAML{at}.") from None
    if parsed is None:
        return {}
    if not isinstance(parsed, dict):
        raise UserError(
            f"Pattern file {path} must be a YAML mapping with patterns, defaults, remove "
            "or nouns (see events/data/README.md)."
        )
    return parsed
