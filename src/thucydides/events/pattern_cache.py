"""The compiled trigger patterns, from the user cache when fresh.

Parsing a few thousand YAML patterns takes about a second, so the compiled form is
pickled in the user cache (THUCYDIDES_CACHE, else $XDG_CACHE_HOME/thucydides, else
~/.cache/thucydides) under a name that hashes the data files' names, sizes and mtimes:
editing a pattern file invalidates it. An unwritable cache only costs the compile time.
Users add or override patterns with files in the same format (`--patterns FILE`,
`[patterns] files` in thucydides.toml, THUCYDIDES_PATTERNS), read before the package's.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
from collections.abc import Sequence
from pathlib import Path

from thucydides.events.pattern_compiler import Compiled, compile_patterns
from thucydides.events.pattern_files import data_dir

# 2: the compiled types moved from trigger_data to pattern_compiler; a pickle of the
# old module's classes must not be opened (unpickling it would fail to import)
# 3: Compiled gained `undergoers`; 4: and `receivers`
FORMAT_VERSION = 4
KEEP_CACHES = 4


def _cache_dir() -> Path:
    if env := os.environ.get("THUCYDIDES_CACHE"):
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "thucydides"


def _fingerprint(root: Path, user_files: Sequence[Path] = ()) -> str:
    h = hashlib.sha1(f"v{FORMAT_VERSION}".encode())
    for path in sorted(root.rglob("*.yaml")):
        st = path.stat()
        h.update(f"{path.relative_to(root)}:{st.st_size}:{st.st_mtime_ns}".encode())
    for path in user_files:  # by content: a user's file may be rewritten within a second
        try:
            h.update(f"{Path(path).resolve()}:".encode() + Path(path).read_bytes())
        except OSError:
            h.update(f"{path}:unreadable".encode())  # compiling says why, in one sentence
    return h.hexdigest()[:16]


def load_compiled(root: Path | None = None, user_files: Sequence[Path] = ()) -> Compiled:
    """The compiled patterns of the package (and the user's files, which win), from the
    cache when fresh. A user file with bad patterns is a UserError naming the first."""
    root = root or data_dir()
    cache = _cache_dir() / f"triggers-{_fingerprint(root, user_files)}.pickle"
    try:
        with cache.open("rb") as f:
            gc.disable()  # unpickling many small tuples triggers needless collections
            try:
                compiled = pickle.load(f)
            finally:
                gc.enable()
        if isinstance(compiled, Compiled):
            return compiled
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
        pass
    if user_files:
        from thucydides.errors import UserError

        problems: list[str] = []
        compiled = compile_patterns(root, user_files=user_files, problems=problems)
        if problems:
            raise UserError(
                f"Pattern files have {len(problems)} bad pattern(s), first {problems[0]}; "
                "see `thucydides patterns check --patterns FILE`."
            )
    else:
        compiled = compile_patterns(root)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            pickle.dump(compiled, f, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(cache)
        old = sorted(cache.parent.glob("triggers-*.pickle"), key=lambda p: p.stat().st_mtime)
        for stale in old[:-KEEP_CACHES]:  # patterns edited since: keep a few, not all
            stale.unlink(missing_ok=True)
    except OSError:
        pass
    return compiled
