"""CAMEO event codes and PLOVER event types: names, Goldstein scores, classes, mapping.

One place answers "what is CAMEO 125?" so every stage (triggers, classifier, records,
analysis, evaluation) agrees. The tables live in `data/` (built by
scripts/build_ontology.py; the choices made where sources disagree are written in the
header of data/cameo_codes.tsv) and are read once, on first use.
"""

from __future__ import annotations

import copy
import csv
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from thucydides.model import Cameo, Plover

__all__ = [
    "CameoCode",
    "cameo",
    "cameo_codes",
    "cameo_record",
    "is_cameo_code",
    "penta_of_root",
    "plover_to_cameo_default",
    "plover_types",
    "quad_of_root",
]

ROOTS = tuple(f"{r:02d}" for r in range(1, 21))
_PENTA = {r: 0 if r <= "02" else 1 if r <= "05" else 2 if r <= "08" else 4 for r in ROOTS}
_PENTA.update({r: 3 for r in ("09", "10", "11", "12", "13", "16")})
_QUAD = {r: 1 if r <= "05" else 2 if r <= "08" else 3 if r <= "13" else 4 for r in ROOTS}


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code. `code` keeps its leading zero ("042")."""

    code: str
    root: str
    name: str
    description: str | None
    goldstein: float | None
    quad_class: int | None
    penta: int
    plover_type: str | None
    plover_mode: str | None
    plover_context: str | None = None
    usage_notes: str | None = None


def _data(name: str) -> str:
    return resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")


@cache
def _codes() -> dict[str, CameoCode]:
    lines = [ln for ln in _data("cameo_codes.tsv").splitlines() if not ln.startswith("#")]
    out: dict[str, CameoCode] = {}
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        out[row["code"]] = CameoCode(
            code=row["code"],
            root=row["root"],
            name=row["name"],
            description=row["description"] or None,
            goldstein=float(row["goldstein"]) if row["goldstein"] else None,
            quad_class=int(row["quad_class"]) if row["quad_class"] else None,
            penta=int(row["penta"]),
            plover_type=row["plover_type"] or None,
            plover_mode=row["plover_mode"] or None,
            plover_context=row["plover_context"] or None,
            usage_notes=row["usage_notes"] or None,
        )
    return out


@cache
def _plover() -> dict[str, dict[str, Any]]:
    return json.loads(_data("plover_types.json"))["types"]


def is_cameo_code(code: object) -> bool:
    """True for a known CAMEO event code given as a string ("042", "0214", "19")."""
    return isinstance(code, str) and code in _codes()


def cameo(code: str) -> CameoCode:
    """The CAMEO code's entry; KeyError (with a hint) for an unknown code."""
    if not isinstance(code, str):
        raise TypeError(
            f"CAMEO codes are strings with their leading zero, e.g. '042'; got {code!r} "
            f"({type(code).__name__})"
        )
    try:
        return _codes()[code]
    except KeyError:
        hint = ""
        if code.strip() in _codes():
            hint = f" (remove the surrounding spaces: {code.strip()!r})"
        elif code.isdigit() and ("0" + code) in _codes():
            hint = f" (did you drop the leading zero? try {'0' + code!r})"
        raise KeyError(
            f"Unknown CAMEO event code {code!r}{hint}: codes are 2-4 digits with root 01-20, "
            "e.g. '042', '0214', '190'"
        ) from None


def cameo_codes() -> dict[str, CameoCode]:
    """All CAMEO event codes, keyed by code, in codebook order (a copy: safe to change)."""
    return dict(_codes())


def plover_types() -> dict[str, dict[str, Any]]:
    """The 16 PLOVER event types: definition, quad_code, modes, default_cameo, cameo_codes."""
    return copy.deepcopy(_plover())


def _check_root(root: str) -> str:
    if not isinstance(root, str) or root not in _QUAD:
        raise ValueError(
            f"Not a CAMEO root: {root!r}; roots are the two-digit strings '01' to '20' "
            "(a code's root is its first two characters)"
        )
    return root


def penta_of_root(root: str) -> int:
    """Five-class (0 statement .. 4 material conflict) of a CAMEO root, as in evaluation."""
    return _PENTA[_check_root(root)]


def quad_of_root(root: str) -> int:
    """Quad class (1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict)."""
    return _QUAD[_check_root(root)]


def cameo_record(code: str) -> tuple[Cameo, Plover]:
    """The record objects (model.Cameo, model.Plover) an Event carries for `code`."""
    c = cameo(code)
    return (
        Cameo(
            code=c.code, root=c.root, name=c.name, goldstein=c.goldstein, quad_class=c.quad_class
        ),  # fmt: skip
        Plover(event_type=c.plover_type, mode=c.plover_mode),
    )


def plover_to_cameo_default(event_type: str) -> str:
    """The generic CAMEO code for a PLOVER type (ASSAULT -> "190"), for a classifier's type
    that no rule gave a code to."""
    types = _plover()
    if event_type not in types:
        raise KeyError(
            f"Unknown PLOVER event type {event_type!r}; the types are: {', '.join(types)}"
        )
    return types[event_type]["default_cameo"]
