"""Build the verb-pattern data files of thucydides.events from PETRARCH2's CAMEO.2.0.txt.

Usage: python scripts/build_verb_patterns.py [--shared ../shared]

Reads ../shared/data/petrarch2/CAMEO.2.0.txt (MIT, Open Event Data Alliance) and
../shared/data/cameo/cameo_event_codes_consolidated.tsv (the valid CAMEO codes), writes
src/thucydides/events/data/synsets.yaml and verbs/NN_<root>.yaml (+ verbs/00_no_event.yaml
for PETRARCH's "[---]" blocking patterns). The hand-written verbs/_additions.yaml and
nouns.yaml are never touched. The file format is described in events/data/README.md.

Policy: code 010 ("make statement") is never written, neither as a verb default nor as a
pattern: PETRARCH's filler 010 inflated statements; "said" alone must give no event.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from petrarch_dictionary import (
    MARKERS,
    PARTICLES,
    PREPOSITIONS,
    TOKEN_RE,
    Drop,
    Lemmatizer,
    inflections,
    member_key,
    parse_code,
    parse_sequence,
    read_dictionary,
    term_alternatives,
    valid_codes,
    words_of,
)

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "thucydides" / "events" / "data"
ROOT_NAMES = {
    "01": "statement", "02": "appeal", "03": "intend", "04": "consult", "05": "diplomatic",
    "06": "material", "07": "aid", "08": "yield", "09": "investigate", "10": "demand",
    "11": "disapprove", "12": "reject", "13": "threaten", "14": "protest",
    "15": "force_posture", "16": "reduce_relations", "17": "coerce", "18": "assault",
    "19": "fight", "20": "mass_violence",
}  # fmt: skip


def convert(shared: Path) -> tuple[dict, dict, Counter, Counter]:
    lem = Lemmatizer()
    valid = valid_codes(shared)
    synsets_raw, blocks = read_dictionary(shared / "data" / "petrarch2" / "CAMEO.2.0.txt")
    synsets = {
        name: sorted({" ".join(words_of(w, lem)) for w in members} - {""})
        for name, members in synsets_raw.items()
        if not name.endswith("_")  # PETRARCH-internal auxiliary/preposition sets
    }
    per_root: dict[str, dict] = {}
    dropped: Counter = Counter()
    stats: Counter = Counter()
    seen: dict[tuple, str | None] = {}

    def emit(pat: dict, code: str | None) -> None:
        refs = set(re.findall(r"&(\w+)", json.dumps(pat))) - set(synsets)
        if refs:
            dropped["unknown synonym set &" + "/&".join(sorted(refs)).upper()] += 1
            return
        key = (pat["verb"], pat.get("prt"), json.dumps(pat.get("obj")),
               json.dumps(pat.get("preps")), json.dumps(pat.get("subj")))  # fmt: skip
        if key in seen:
            dropped["duplicate" if seen[key] == code else "duplicate with conflicting code"] += 1
            return
        seen[key] = code
        root = code[:2] if code else "00"
        per_root.setdefault(root, {"defaults": {}, "patterns": []})["patterns"].append(
            {**pat, "code": code}
        )

    for block in blocks:
        block_drop = None
        try:
            block_default = parse_code(block.default, valid) if block.default else None
        except Drop as exc:
            block_default, block_drop = None, str(exc)
        members: dict[str, dict] = {}
        for m in block.members:
            key = member_key(m["raw"])
            words = key.lower().split("_")
            stats["verbs"] += 1
            if "-" in key or set(words) & {"and", "or"}:
                dropped["verb: hyphenated or coordinated form"] += 1
                continue
            if block_drop and not m["code"]:
                dropped[f"verb default: {block_drop}"] += 1
            try:
                code = parse_code(m["code"], valid) if m["code"] else block_default
            except Drop as exc:
                dropped[f"verb default: {exc}"] += 1
                code = None
            base = {"verb": words[0]}
            if len(words) > 1:
                try:
                    base.update(
                        parse_sequence(
                            [w.upper() for w in words[1:]], lem, PARTICLES | PREPOSITIONS
                        )
                    )
                except Drop as exc:
                    dropped[f"verb: {exc}"] += 1
                    continue
            members[key] = {"base": base, "code": code}
            for form in [key, *inflections(key), *(member_key(f) for f in m["forms"])]:
                members.setdefault(form, members[key])
            if len(words) == 1 and code:
                per_root.setdefault(code[:2], {"defaults": {}, "patterns": []})["defaults"][
                    words[0]
                ] = code
            elif len(words) > 1 and code:
                emit(dict(base), code)
        distinct = {id(v): v for v in members.values()}
        for body, raw_code, comment in block.patterns:
            stats["patterns"] += 1
            try:
                if raw_code == "?":
                    raise Drop("no code in brackets")
                code = parse_code(raw_code, valid)
                targets = {
                    id(members[w]): members[w]
                    for w in re.split(r"[\s,]+", comment.upper())
                    if w in members
                }
                owners = list((targets or distinct).values())
                if not owners:
                    raise Drop("block has no usable verb")
                tokens = TOKEN_RE.findall(body)
                if "*" not in tokens:
                    raise Drop("no verb position *")
                star = tokens.index("*")
                before, after = tokens[:star], tokens[star + 1 :]
                if "+" in before:
                    raise Drop("target before verb (roles reversed)")
                subj = [t for t in before if t not in MARKERS]
                spec = parse_sequence(after, lem, PARTICLES)
                if subj:
                    if any(t.startswith("(") for t in subj):
                        raise Drop("prepositional frame before the verb")
                    spec["subj"] = term_alternatives(subj, lem)
            except Drop as exc:
                dropped[str(exc)] += 1
                continue
            for owner in owners:
                pat = dict(owner["base"])
                clash = set(pat) & set(spec) - {"verb"}
                if clash == {"preps"}:
                    pat["preps"] = pat["preps"] + spec["preps"]
                elif clash:
                    dropped["multiword verb and pattern both set " + "/".join(sorted(clash))] += 1
                    continue
                pat.update({k: v for k, v in spec.items() if k not in pat})
                stats["written"] += 1
                emit(pat, code)
    return per_root, synsets, dropped, stats


def pattern_id(p: dict) -> str:
    parts = ["_".join(filter(None, [p["verb"], p.get("prt")]))]
    if p.get("obj"):
        parts.append(p["obj"][0].replace(" ", "_"))
    for fr in p.get("preps", []):
        parts.append(
            f"({fr['prep'].split('|')[0]}"
            + (f"_{fr['obj'][0].replace(' ', '_')})" if fr.get("obj") else ")")
        )
    ident = "+".join(parts)
    if p.get("subj"):
        ident = p["subj"][0].replace(" ", "_") + "~" + ident
    return ident + ("+passive" if p.get("passive") else "")


def yaml_value(v) -> str:
    if isinstance(v, list):
        return "[" + ", ".join(yaml_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{k}: {yaml_value(x)}" for k, x in v.items()) + "}"
    return json.dumps(v, ensure_ascii=False)


def write_files(per_root: dict, synsets: dict) -> dict[str, int]:
    verbs_dir = OUT / "verbs"
    verbs_dir.mkdir(parents=True, exist_ok=True)
    header = ("# Generated by scripts/build_verb_patterns.py from PETRARCH2 CAMEO.2.0.txt\n"
              "# (MIT, Open Event Data Alliance). Do not edit: changes go in _additions.yaml.\n")  # fmt: skip
    counts = {}
    for old in verbs_dir.glob("[0-9][0-9]_*.yaml"):
        old.unlink()
    for root in sorted(per_root):
        data = per_root[root]
        name = "00_no_event" if root == "00" else f"{root}_{ROOT_NAMES[root]}"
        lines = [header, f"root: {yaml_value(root)}", "defaults:"]
        lines += [
            f"  {verb}: {yaml_value(code)}" for verb, code in sorted(data["defaults"].items())
        ]
        if not data["defaults"]:
            lines[-1] += " {}"
        lines.append("patterns:")
        used: Counter = Counter()
        for p in sorted(data["patterns"], key=lambda p: (p["verb"], p["code"] or "")):
            ident = pattern_id(p)
            used[ident] += 1
            if used[ident] > 1:
                ident += f".{used[ident]}"
            lines.append("  - " + yaml_value({"id": ident, **p}))
        (verbs_dir / f"{name}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        counts[name] = len(data["patterns"])
    syn_lines = ["# Synonym sets (&NAME in patterns) from PETRARCH2 CAMEO.2.0.txt (MIT, OEDA);",
                 "# words are spaCy lemmas; a multiword entry is modifier(s) + head noun.",
                 "# Generated by scripts/build_verb_patterns.py: edit the script, not this file."]  # fmt: skip
    for name in sorted(synsets):
        syn_lines.append(f"{name}: {yaml_value(synsets[name])}")
    (OUT / "synsets.yaml").write_text("\n".join(syn_lines) + "\n", encoding="utf-8")
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"),
                        help="path of the shared material folder (default: ../shared)")  # fmt: skip
    args = parser.parse_args(argv)
    shared = Path(args.shared)
    source = shared / "data" / "petrarch2" / "CAMEO.2.0.txt"
    if not source.is_file():
        print(
            f"error: {source} not found: pass --shared PATH to the shared folder", file=sys.stderr
        )
        return 2
    per_root, synsets, dropped, stats = convert(shared)
    counts = write_files(per_root, synsets)
    from thucydides.events.pattern_compiler import compile_patterns  # after convert() set sys.path

    # every file, the hand-written ones included, must load and use only codes of the table
    compiled = compile_patterns(OUT, valid_codes=frozenset(valid_codes(shared)))
    print(f"PETRARCH verbs read: {stats['verbs']}, pattern lines read: {stats['patterns']}")
    print(f"patterns written: {sum(counts.values())} (after per-verb expansion and dedup)")
    for name, n in counts.items():
        print(f"  verbs/{name}.yaml: {n} patterns, {len(per_root[name[:2]]['defaults'])} defaults")
    print("dropped:")
    for reason, n in dropped.most_common():
        print(f"  {n:5d}  {reason}")
    print(f"synonym sets: {len(synsets)}")
    print(f"all files load: {compiled.pattern_count} patterns (with additions and nouns)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
