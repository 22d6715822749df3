"""Build the CAMEO/PLOVER ontology tables in src/thucydides/ontology/data/ from ../shared.

Reads shared/data/cameo (consolidated table, ICEWS codebook CSV, GDELT lookup, CAMEO
1.1b3 manual ch. 2 and 6) and shared/data/plover (plover_ontology.json,
CAMEO2PLOVER-2021.txt) and writes two readable files the package loads at run time:

  cameo_codes.tsv     one row per CAMEO event code, with the choices below in its header
  plover_types.json   the 16 PLOVER event types: definition, quad code, modes, default code

Run:  .venv/bin/python scripts/build_ontology.py --shared ../shared
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "src" / "thucydides" / "ontology" / "data"

# Penta (five-class) by root, from shared/docs/evaluation.md.
PENTA = {f"{r:02d}": p for p, roots in enumerate(
    [(1, 2), (3, 4, 5), (6, 7, 8), (9, 10, 11, 12, 13, 16), (14, 15, 17, 18, 19, 20)]
) for r in roots}  # fmt: skip
# Quad class by root, GDELT convention (1 verbal coop .. 4 material conflict).
QUAD = {f"{r:02d}": 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4 for r in range(1, 21)}
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
              4: "material conflict"}  # fmt: skip

# CAMEO 1.1b3 codes that neither the GDELT lookup nor the ICEWS table (nor therefore
# CAMEO2PLOVER-2021) lists: their PLOVER type and mode, chosen from the PLOVER manual's
# mode definitions.
EXTRA_PLOVER = {
    "155": ("MOBILIZE", None, "cyber"),  # mobilize cyber-forces: root 15, no cyber mode there
    "176": ("COERCE", "cyber", "cyber"),  # attack cybernetically: COERCE 'cyber' mode
    "1834": ("ASSAULT", "explosives", None),  # location bombing, like 1832/1833
    "1951": ("ASSAULT", "aerial", "military"),  # precision-guided aerial munitions
    "1952": ("ASSAULT", "drone", "military"),  # remotely piloted aerial munitions
}
# Modes in CAMEO2PLOVER-2021 that are not modes of the mapped type get dropped (null),
# except these, where the manual names the right mode for the code's meaning.
MODE_FIXES = {
    "1712": "destroy",  # destroy property: ASSAULT 'destroy' (the table says COERCE's 'seize')
    "195": "aerial",  # aerial weapons: ASSAULT 'aerial' (the table says 'heavy-weapons')
}

# plover_to_cameo_default(): the most generic CAMEO code for each PLOVER type, used when a
# classifier gives a type but no rule gives a code: the root's "x0" code; where a type
# spans roots (ACCUSE 09/11, ASSAULT 18-20, REQUEST 02/10) the root of its commonest plain act.
DEFAULT_CAMEO = {
    "AGREE": "030", "CONSULT": "040", "SUPPORT": "050", "CONCEDE": "080",
    "COOPERATE": "060", "AID": "070", "RETREAT": "084",  # 084 return/release: first RETREAT code
    "REQUEST": "100",  # demand (10), not appeal (02): 10 is REQUEST in the manual's table
    "ACCUSE": "110",  # disapprove (11) rather than investigate (09)
    "REJECT": "120", "THREATEN": "130", "PROTEST": "140", "SANCTION": "160",
    "MOBILIZE": "150", "COERCE": "170",
    "ASSAULT": "190",  # conventional military force: the common "attack" in news
}  # fmt: skip

HEADER = """\
# CAMEO event codes with names, Goldstein scores, quad/penta classes and PLOVER mapping.
# Built by scripts/build_ontology.py from ../shared/data/{cameo,plover}; do not edit by hand.
# Sources: icews_cameo-codes.csv (MIT, icews R package: names, descriptions, usage notes);
#   GDELT CAMEO lookups; CAMEO 1.1b3 manual ch. 2 and 6 (codes 155 176 1834 1951 1952);
#   CAMEO2PLOVER-2021.txt and plover_ontology.json (PLOVER, CC BY-SA 4.0).
# Choices where the tables disagree:
# - codes: every code of the GDELT lookup, the ICEWS codebook and the CAMEO 1.1b3 manual.
#   Phoenix-only codes without a name in any codebook (0110 0357 109 1641 1642 1643) are
#   left out; the manual's typo "1883" (= 183) is not a code.
# - name: ICEWS name, else GDELT lookup, else manual ch. 6. Examples are NOT copied (they
#   are the cameo_examples gold set).
# - goldstein: GDELT column first (the published scale most data users compare with), then
#   ICEWS, then Phoenix; goldstein_source says which, "inherited:<code>" when none lists it.
#   Known disagreements kept at GDELT's value: 016 (+3.4; ICEWS -5), 124 (-5; ICEWS -4),
#   163 (-6.5; ICEWS -8), 164 (-7; ICEWS -6.5), 166 (-8; ICEWS -7).
# - quad_class: GDELT (1 verbal coop, 2 material coop, 3 verbal conflict, 4 material
#   conflict), by root: 01-05 1, 06-08 2, 09-13 3, 14-20 4 (so 16 REDUCE RELATIONS is 4).
# - penta: shared/docs/evaluation.md: 01-02 0, 03-05 1, 06-08 2, 09-13 and 16 3, others 4.
# - plover_*: CAMEO2PLOVER-2021.txt per code (it also overrides the root table, e.g.
#   163 -> COERCE, 1712 -> ASSAULT, 191/192 -> COERCE). Modes that are not modes of the
#   type in plover_ontology.json are dropped: {dropped}.
#   Mode fixes from the manual's mode definitions: 1712 'destroy', 195 'aerial'.
#   01 (statements): null, the PLOVER manual drops CAMEO 01.
#   02 (appeals): REQUEST ("all requests, demands, and orders" in the manual; CAMEO 02
#   reads "make an appeal or request"), with the mode of the parallel 10 code (021 like
#   101 'assist', 024 like 104 'change', 025 'yield', 026-028 'meet').
#   Two-digit root codes map like their x0 code (08 like 080: CONCEDE; the consolidated
#   table has 08 RETREAT). 155 176 1834 1951 1952 (not in the 2021 table) by hand from
#   the PLOVER mode definitions.
"""


def fail(msg: str) -> None:
    print(f"build_ontology: {msg}", file=sys.stderr)
    raise SystemExit(2)


def read_icews(path: Path) -> dict[str, dict[str, str]]:
    """The ICEWS CSV has UTF-8 punctuation that was decoded as MacRoman and saved as
    cp1252 (’ became 0x82 0xC4 0xF4): undo that per run of non-ASCII bytes."""

    def fix(m: re.Match[bytes]) -> bytes:
        b = m.group()
        try:
            return b.decode("cp1252").encode("mac_roman").decode("utf-8").encode()
        except UnicodeError:
            return b.decode("cp1252", errors="replace").encode()

    text = re.sub(rb"[\x80-\xff]+", fix, path.read_bytes()).decode("utf-8")
    return {r["code"]: r for r in csv.DictReader(text.splitlines(True))}


def clean(text: str | None) -> str:
    if text is None or text.strip() in ("", "NA"):
        return ""
    return re.sub(r"\s+", " ", text).strip()


def read_manual_codes(path: Path) -> dict[str, str]:
    """Code -> name from the manual's condensed list (ch. 6)."""
    codes: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(?:#+\s*|-\s*)?(\d{2,4}):\s*(.+)$", line.strip())
        if m:
            codes.setdefault(m.group(1), clean(m.group(2)))
    return codes


def manual_description(ch2: list[str], code: str, name: str) -> str:
    """Best effort: the 'Description' row that follows the code's entry in ch. 2."""
    for i, line in enumerate(ch2):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 2 and cells[0].upper() in ("NAME", "CAMEO") and cells[1] in (code, name):
            for nxt in ch2[i + 1 : i + 5]:
                parts = [c.strip() for c in nxt.strip().strip("|").split("|")]
                if len(parts) >= 2 and parts[0] == "Description":
                    return clean(parts[1])
    return ""


def read_cameo2plover(path: Path) -> dict[str, tuple[str, str | None, str | None]]:
    table: dict[str, tuple[str, str | None, str | None]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{3,4}):\s*([^#]*)", line)
        if not m:
            continue  # comments, blank lines and "08: RETREAT" section headers
        fields = [f.strip() for f in m.group(2).split(",")]
        fields += [""] * (3 - len(fields))
        etype, mode, context = fields[0], fields[1] or None, fields[2] or None
        table.setdefault(m.group(1), (etype, mode, context))
    return table


def fmt_num(x: float | None) -> str:
    return "" if x is None else f"{x:g}"


def build(shared: Path) -> tuple[list[dict[str, str]], dict, list[str]]:
    cam, plv = shared / "data" / "cameo", shared / "data" / "plover"
    consolidated = {
        r["cameo_code"]: r
        for r in csv.DictReader(
            (cam / "cameo_event_codes_consolidated.tsv").open(encoding="utf-8"), delimiter="\t"
        )
    }
    icews = read_icews(cam / "icews_cameo-codes.csv")
    gdelt: dict[str, str] = {}
    for line in (cam / "GDELT_CAMEO.eventcodes.txt").read_text(encoding="utf-8").splitlines()[1:]:
        code, _, name = line.strip().partition("\t")
        if code:
            gdelt[code] = clean(name)
    manual = read_manual_codes(cam / "CAMEO_Manual_1.1b3_ch6_event_codes.md")
    ch2 = (cam / "CAMEO_Manual_1.1b3_ch2_verb_codebook.md").read_text(encoding="utf-8").split("\n")
    ontology = json.loads((plv / "plover_ontology.json").read_text(encoding="utf-8"))
    c2p = read_cameo2plover(plv / "CAMEO2PLOVER-2021.txt")

    codes = set(gdelt) | set(icews)
    for code in sorted(manual):  # manual-only codes, if their parent is a code
        parent = code[:2] if len(code) == 3 else code[:3] if len(code) == 4 else None
        if code not in codes and (parent is None or parent in codes):
            codes.add(code)
    if bad := sorted(c for c in codes if not re.fullmatch(r"\d{2,4}", c) or c[:2] not in PENTA):
        fail(f"unexpected codes {bad}")

    valid_modes = {
        t["event"]: {m["mode"] for m in t["modes"]} | set(t["modes_in_ngec_codebook"])
        for t in ontology["event_types"]
    }
    dropped: list[str] = []

    def plover_for(code: str) -> tuple[str | None, str | None, str | None]:
        root = code[:2]
        if root == "01":
            return None, None, None
        if root == "02":
            twin = "10" + code[2:]  # 021 <-> 101, 0211 <-> 1011, 026 <-> 106
            twin_mode = plover_for(twin)[1] if twin in codes else None
            return "REQUEST", twin_mode, None
        if len(code) == 2:
            etype, _, _ = plover_for(code + "0")
            return etype, None, None
        if code in EXTRA_PLOVER:
            return EXTRA_PLOVER[code]
        if code not in c2p:
            fail(f"no PLOVER mapping for CAMEO {code}")
        etype, mode, context = c2p[code]
        if code in MODE_FIXES:
            mode = MODE_FIXES[code]
        elif mode is not None and mode not in valid_modes[etype]:
            dropped.append(f"{code} {etype} '{mode}'")
            mode = None
        return etype, mode, context

    rows: list[dict[str, str]] = []
    for code in sorted(codes, key=lambda c: (c[:2], c[:3], c)):
        con, ice = consolidated.get(code, {}), icews.get(code, {})
        name = clean(ice.get("name")) or gdelt.get(code) or manual.get(code, "")
        desc = clean(ice.get("description")) or (
            "" if code in icews else manual_description(ch2, code, name)
        )
        gold, src = None, ""
        for col, label in (("goldstein_gdelt", "gdelt"), ("goldstein_icews", "icews"),
                           ("goldstein_phoenix", "phoenix")):  # fmt: skip
            if con.get(col, "") != "":
                gold, src = float(con[col]), label
                break
        if gold is None:
            for anc in (code[:3], code[:2]):
                if anc != code and anc in consolidated and consolidated[anc]["goldstein_gdelt"]:
                    gold, src = float(consolidated[anc]["goldstein_gdelt"]), f"inherited:{anc}"
                    break
        quad = QUAD[code[:2]]
        if con and int(con["quad_class_gdelt"]) != quad:
            fail(f"quad class of {code} disagrees with its root")
        etype, mode, context = plover_for(code)
        rows.append({
            "code": code, "root": code[:2], "level": str(len(code) - 2), "name": name,
            "goldstein": fmt_num(gold), "goldstein_source": src, "quad_class": str(quad),
            "penta": str(PENTA[code[:2]]), "plover_type": etype or "", "plover_mode": mode or "",
            "plover_context": context or "", "description": desc,
            "usage_notes": clean(ice.get("usage_notes")),
        })  # fmt: skip

    types = {}
    for t in ontology["event_types"]:
        et = t["event"]
        defs = {m["mode"]: m["definition"] for m in t["modes"]}
        default = DEFAULT_CAMEO[et]
        mapped = next(r for r in rows if r["code"] == default)["plover_type"]
        if mapped != et:
            fail(f"default CAMEO {default} for {et} maps to {mapped}")
        types[et] = {
            "definition": clean(t["definition"]),
            "quad_code": t["quad_code"],
            "quad_name": QUAD_NAMES[t["quad_code"]],
            "requires_recipient": t["requires_recipient"],
            "modes": {m: defs.get(m) for m in sorted(valid_modes[et])},
            "default_cameo": default,
            "cameo_codes": [r["code"] for r in rows if r["plover_type"] == et],
        }
    plover = {
        "source": "plover_ontology.json (PLOVER manual and NGEC codebook), CC BY-SA 4.0; "
        "built by scripts/build_ontology.py",
        "notes": [
            "quad_code: SANCTION is 4 (material conflict), following the manual's SANCTION "
            "section header and GDELT's quad class of CAMEO 16; the manual's quad table says 3.",
            "modes: the manual's modes plus those only in the NGEC structured codebook; "
            "definition null where the manual gives none.",
            "default_cameo: the generic CAMEO code used when only the type is known.",
        ],
        "types": types,
    }
    print(f"{len(rows)} CAMEO codes; {len(types)} PLOVER types; dropped modes: {dropped}")
    disagree = [
        r["code"] for r in rows
        if r["code"] in consolidated and r["plover_type"] != consolidated[r["code"]]["plover_event"]
    ]  # fmt: skip
    print(f"PLOVER type differs from the consolidated table for: {disagree}")
    return rows, plover, dropped


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared",
                    help="path to the shared/ folder (default: ../shared)")  # fmt: skip
    args = ap.parse_args(argv)
    if (
        not (args.shared / "data" / "cameo").is_dir()
        or not (args.shared / "data" / "plover").is_dir()
    ):
        fail(f"{args.shared} has no data/cameo and data/plover: pass --shared PATH to shared/")
    rows, plover, dropped = build(args.shared)
    OUT.mkdir(parents=True, exist_ok=True)
    with (OUT / "cameo_codes.tsv").open("w", encoding="utf-8", newline="") as fh:
        fh.write(HEADER.replace("{dropped}", "; ".join(dropped)))
        fh.write("\t".join(rows[0]) + "\n")
        for row in rows:  # clean() left no tabs or newlines in any field
            fh.write("\t".join(row.values()) + "\n")
    (OUT / "plover_types.json").write_text(
        json.dumps(plover, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"wrote {OUT / 'cameo_codes.tsv'} and {OUT / 'plover_types.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
