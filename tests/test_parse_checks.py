"""scripts/parse_checks.py: the checks that found the lemma and sentence-split repairs."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_PATH = Path(__file__).parents[1] / "scripts" / "parse_checks.py"
_SPEC = importlib.util.spec_from_file_location("parse_checks", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
pc = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(pc)


def test_a_verb_form_less_its_ending_is_a_candidate_lemma():
    assert {"hope", "hop"} <= pc.stripped_candidates("hoped")
    assert "hope" in pc.stripped_candidates("hopes")
    assert "rape" in pc.stripped_candidates("raped")
    assert pc.stripped_candidates("go") == set()  # nothing left to strip


def test_without_the_stories_it_says_so_and_exits_2(tmp_path, capsys):
    assert pc.main(["--shared", str(tmp_path)]) == 2
    assert "no news stories at" in capsys.readouterr().err
