"""scripts/fit_confidence.py: how the story threshold is chosen from out-of-fold F1."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_PATH = Path(__file__).parents[1] / "scripts" / "fit_confidence.py"
_SPEC = importlib.util.spec_from_file_location("fit_confidence", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
fc = importlib.util.module_from_spec(_SPEC)
sys.modules["fit_confidence"] = fc  # its dataclasses look their module up
_SPEC.loader.exec_module(fc)


def rows(*pairs):
    return [{"threshold": t, "triple_f1": f} for t, f in pairs]


def test_of_thresholds_tied_on_f1_the_lowest_is_chosen():
    curve = rows((0.0, 0.21), (0.08, 0.239), (0.12, 0.236), (0.16, 0.243), (0.2, 0.238))
    assert fc.story_threshold(curve) == 0.08  # within the tolerance of 0.243


def test_a_clear_best_threshold_is_chosen():
    curve = rows((0.0, 0.20), (0.05, 0.21), (0.1, 0.25), (0.2, 0.22))
    assert fc.story_threshold(curve) == 0.1
