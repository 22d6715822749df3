"""Tests for thucydides.ontology: the CAMEO/PLOVER tables and the choices pinned in them."""

from __future__ import annotations

import dataclasses
import re

import pytest

from thucydides import ontology
from thucydides.model import Cameo, Plover
from thucydides.ontology import (
    CameoCode,
    cameo,
    cameo_codes,
    cameo_record,
    is_cameo_code,
    penta_of_root,
    plover_to_cameo_default,
    plover_types,
    quad_of_root,
)

ROOTS = [f"{r:02d}" for r in range(1, 21)]
PLOVER_16 = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip


def test_all_codes_present_with_leading_zeros():
    codes = cameo_codes()
    assert len(codes) > 300
    assert {"042", "0214", "1121", "01", "20", "190", "2042"} <= set(codes)
    assert all(isinstance(c, str) and re.fullmatch(r"\d{2,4}", c) for c in codes)
    assert "42" not in codes and "214" not in codes


def test_every_root_present_and_is_prefix():
    codes = cameo_codes()
    for root in ROOTS:
        assert root in codes, root
        assert codes[root].name.isupper()  # root names are the codebook's headings
    for code, entry in codes.items():
        assert entry.code == code
        assert code.startswith(entry.root) and entry.root in ROOTS
        if len(code) == 4:
            assert code[:3] in codes, f"{code} has no parent"


@pytest.mark.parametrize(
    "code,name,goldstein",
    [
        ("042", "Make a visit", 1.9),
        ("125", "Reject proposal to meet, discuss, or negotiate", -5.0),
        ("190", "Use conventional military force", -10.0),
        ("0214", "Appeal for intelligence", 3.4),
        ("1121", "Accuse of crime, corruption", -2.0),
        ("057", "Sign formal agreement", 8.0),
    ],
)
def test_known_names_and_goldstein(code, name, goldstein):
    entry = cameo(code)
    assert entry.name == name
    assert entry.goldstein == goldstein


def test_goldstein_prefers_gdelt_column():
    # GDELT and ICEWS disagree on these; the documented choice is GDELT's value.
    assert cameo("016").goldstein == 3.4  # ICEWS: -5
    assert cameo("163").goldstein == -6.5  # ICEWS: -8
    # Codes no table scores inherit their parent's score.
    assert cameo("1951").goldstein == cameo("195").goldstein
    assert all(-10 <= c.goldstein <= 10 for c in cameo_codes().values())


def test_codebook_only_codes_and_exclusions():
    # In the CAMEO 1.1b3 manual but not in the GDELT/ICEWS tables.
    assert cameo("176").name == "Attack cybernetically"
    assert cameo("176").plover_type == "COERCE" and cameo("176").plover_mode == "cyber"
    assert cameo("1952").plover_mode == "drone"
    # The manual's typo and Phoenix-only codes without names are not codes.
    for code in ("1883", "109", "0110", "1641"):
        assert not is_cameo_code(code)


def test_descriptions_are_text_without_mojibake():
    entry = cameo("042")
    assert entry.description and entry.description.startswith("Travel to another location")
    assert "\u2018Apologize\u2019" in cameo("015").usage_notes  # curly quotes decoded right
    for c in cameo_codes().values():
        for text in (c.description, c.usage_notes, c.name):
            assert text is None or "\ufffd" not in text and "\u201a\u00c4" not in text


def test_plover_mapping_choices_pinned():
    # Per-code table CAMEO2PLOVER-2021 wins over the root table.
    assert cameo("163").plover_type == "COERCE"
    assert cameo("1712").plover_type == "ASSAULT" and cameo("1712").plover_mode == "destroy"
    assert cameo("192").plover_type == "COERCE"
    # 08 splits into CONCEDE (081-083) and RETREAT (084-087); the root code follows 080.
    assert cameo("083").plover_type == "CONCEDE"
    assert cameo("0871").plover_type == "RETREAT" and cameo("0871").plover_mode == "ceasefire"
    assert cameo("08").plover_type == cameo("080").plover_type == "CONCEDE"
    # Statements have no PLOVER type; appeals are REQUESTs with the parallel 10x mode.
    assert all(c.plover_type is None for c in cameo_codes().values() if c.root == "01")
    assert cameo("02").plover_type == "REQUEST"
    assert cameo("0214").plover_mode == cameo("1014").plover_mode == "assist"
    assert cameo("026").plover_mode == "meet"
    # Modes the 2021 table gives that the type does not have are dropped.
    assert cameo("085").plover_mode is None  # 'ease' is no longer a mode
    assert cameo("042").plover_mode == "visit" and cameo("041").plover_mode == "phone"


def test_every_mapped_type_and_mode_is_valid():
    types = plover_types()
    for c in cameo_codes().values():
        if c.root != "01":
            assert c.plover_type in types, c.code
        if c.plover_mode is not None:
            assert c.plover_mode in types[c.plover_type]["modes"], c.code


def test_plover_types():
    types = plover_types()
    assert set(types) == PLOVER_16
    assert types["SANCTION"]["quad_code"] == 4  # section header, not the manual's quad table
    assert types["REQUEST"]["quad_code"] == 3 and types["AGREE"]["quad_code"] == 1
    assert "visit" in types["CONSULT"]["modes"]
    assert types["ASSAULT"]["definition"]
    types["AGREE"]["quad_code"] = 99  # a copy: callers cannot corrupt the table
    assert plover_types()["AGREE"]["quad_code"] == 1


def test_penta_and_quad_of_root():
    expected_penta = {"01": 0, "02": 0, "03": 1, "05": 1, "06": 2, "08": 2, "09": 3, "13": 3,
                      "14": 4, "15": 4, "16": 3, "17": 4, "20": 4}  # fmt: skip
    for root, penta in expected_penta.items():
        assert penta_of_root(root) == penta
    assert [quad_of_root(r) for r in ("01", "05", "06", "08", "09", "13", "14", "16", "20")] == [
        1, 1, 2, 2, 3, 3, 4, 4, 4
    ]  # fmt: skip
    for c in cameo_codes().values():
        assert c.penta == penta_of_root(c.root)
        assert c.quad_class == quad_of_root(c.root)


@pytest.mark.parametrize("bad", ["1", "21", "00", "042", 4, None])
def test_bad_root_is_a_clear_error(bad):
    with pytest.raises(ValueError, match="roots are the two-digit strings"):
        penta_of_root(bad)
    with pytest.raises(ValueError, match="Not a CAMEO root"):
        quad_of_root(bad)


def test_cameo_record_builds_model_objects():
    c, p = cameo_record("125")
    assert isinstance(c, Cameo) and isinstance(p, Plover)
    assert (c.code, c.root, c.goldstein, c.quad_class) == ("125", "12", -5.0, 3)
    assert c.name == "Reject proposal to meet, discuss, or negotiate"
    assert (p.event_type, p.mode) == ("REJECT", "meet")
    c, p = cameo_record("010")
    assert (c.root, p.event_type, p.mode) == ("01", None, None)


def test_plover_to_cameo_default():
    assert plover_to_cameo_default("ASSAULT") == "190"
    assert plover_to_cameo_default("PROTEST") == "140"
    assert plover_to_cameo_default("CONSULT") == "040"
    for etype in PLOVER_16:  # each default maps back to its own type
        assert cameo(plover_to_cameo_default(etype)).plover_type == etype
    with pytest.raises(KeyError, match="Unknown PLOVER event type 'YIELD'"):
        plover_to_cameo_default("YIELD")


def test_unknown_code_errors_are_clear():
    with pytest.raises(KeyError, match="Unknown CAMEO event code '999'"):
        cameo("999")
    with pytest.raises(KeyError, match="leading zero"):
        cameo("42")
    with pytest.raises(KeyError, match="spaces"):
        cameo(" 042")
    with pytest.raises(TypeError, match="strings with their leading zero"):
        cameo(42)  # type: ignore[arg-type]
    assert not is_cameo_code("999") and not is_cameo_code(42) and is_cameo_code("0214")


def test_cameo_code_is_frozen_and_tables_are_cached():
    entry = cameo("190")
    assert isinstance(entry, CameoCode)
    with pytest.raises(dataclasses.FrozenInstanceError):
        entry.name = "x"  # type: ignore[misc]
    assert cameo("190") is entry
    codes = cameo_codes()
    codes.clear()  # a copy
    assert ontology.is_cameo_code("190")
