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
import csv
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "thucydides" / "events" / "data"
ROOT_NAMES = {
    "01": "statement", "02": "appeal", "03": "intend", "04": "consult", "05": "diplomatic",
    "06": "material", "07": "aid", "08": "yield", "09": "investigate", "10": "demand",
    "11": "disapprove", "12": "reject", "13": "threaten", "14": "protest",
    "15": "force_posture", "16": "reduce_relations", "17": "coerce", "18": "assault",
    "19": "fight", "20": "mass_violence",
}  # fmt: skip
PARTICLES = {"up", "down", "out", "off", "back", "away", "forward", "aside", "apart",
             "together", "ahead", "around", "along", "over", "through", "in", "on"}  # fmt: skip
PREPOSITIONS = {"about", "above", "across", "after", "against", "along", "amid", "among",
                "around", "as", "at", "before", "behind", "below", "beside", "between",
                "beyond", "by", "despite", "during", "for", "from", "in", "inside", "into",
                "near", "of", "off", "on", "onto", "outside", "over", "past", "since",
                "through", "throughout", "to", "toward", "towards", "under", "until",
                "upon", "via", "with", "within", "without"}  # fmt: skip
STOPWORDS = {"the", "a", "an", "that", "its", "his", "her", "their", "this", "these", "those"}
CLAUSE_WORDS = {"when", "while", "if", "and", "or", "not", "will", "would", "has", "have",
                "had", "is", "are", "was", "were", "be", "been", "who", "which"}  # fmt: skip
MARKERS = {"$", "+", "%", "^", "|"}
TOKEN_RE = re.compile(r"\{[^}]*\}|\([^)]*\)|[^\s{}()]+")
STATEMENT_FILLER = "010"


class Drop(Exception):
    """A PETRARCH pattern our format cannot express; the message is the reason."""


@dataclass
class Block:
    name: str
    default: str | None
    members: list[dict] = field(default_factory=list)  # {verb, words, default}
    patterns: list[tuple[str, str, str]] = field(default_factory=list)  # (body, code, comment)


class Lemmatizer:
    """Noun lemmas with spaCy's own rules, so stored words equal what spaCy gives at match time."""

    def __init__(self) -> None:
        sys.path.insert(0, str(ROOT / "src"))
        from spacy.tokens import Doc

        from thucydides.nlp import load_nlp

        self._nlp = load_nlp()
        self._doc = Doc
        self._cache: dict[str, str] = {}

    def noun(self, word: str) -> str:
        if word.startswith("&") or not word.isalpha():
            return word
        if word not in self._cache:
            doc = self._doc(self._nlp.vocab, words=[word])
            doc[0].pos_ = "NOUN"
            self._cache[word] = self._nlp.get_pipe("lemmatizer")(doc)[0].lemma_.lower()
        return self._cache[word]


def valid_codes(shared: Path) -> set[str]:
    path = shared / "data" / "cameo" / "cameo_event_codes_consolidated.tsv"
    with path.open(encoding="utf-8") as f:
        rows = csv.DictReader(f, delimiter="\t")
        return {r["cameo_code"] for r in rows if "1" in (r["in_gdelt_lookup"], r["in_icews"])}


def words_of(raw: str, lem: Lemmatizer) -> list[str]:
    """PETRARCH word (or {group}) → our lowercase lemma words; `_` joins, trailing `_` = exact."""
    raw = raw.strip("{}").strip()
    out: list[str] = []
    for part in raw.split():
        if part in MARKERS:
            continue
        for w in re.split(r"[_\-]+", part.strip("_").lower()):
            w = w.strip(".,'")
            if w and w not in STOPWORDS:
                out.append(lem.noun(w))
    return out


def term_alternatives(raws: list[str], lem: Lemmatizer) -> list[str]:
    """Words of one noun phrase; a word `A/B` gives alternatives → list of term strings."""
    alts = [[]]
    for raw in raws:
        options = raw.split("/") if "/" in raw and not raw.startswith("{") else [raw]
        alts = [a + words_of(o, lem) for a in alts for o in options]
    terms = [" ".join(a) for a in alts if a]
    for t in terms:
        if set(t.split()) & CLAUSE_WORDS:
            raise Drop("clause word in phrase")
        if len(t.split()) > 3:
            raise Drop("noun phrase longer than 3 words")
    return terms


def parse_sequence(tokens: list[str], lem: Lemmatizer, particles: set[str]) -> dict:
    """Post-verb PETRARCH tokens → {prt, obj, preps} of our format; a first token in
    `particles` is the verb's particle."""
    out: dict = {}
    preps: list[dict] = []
    obj_words: list[str] = []
    i = 0
    if tokens and tokens[0].lower() in particles:
        out["prt"] = tokens[0].lower()
        i = 1
    while i < len(tokens):
        tok = tokens[i]
        low = tok.lower()
        if tok in MARKERS:
            i += 1
        elif tok.startswith("("):
            inner = TOKEN_RE.findall(tok[1:-1])
            if not inner:
                raise Drop("empty parentheses")
            head = inner[0].lower()
            if head in PARTICLES - PREPOSITIONS - {"in", "on"} or head == "aside":
                if "prt" in out or obj_words:
                    raise Drop("particle frame after object")
                out["prt"] = head
                obj_words = inner[1:]
            else:
                frame = {"prep": "|".join(p for p in head.split("/"))}
                terms = term_alternatives(inner[1:], lem)
                if terms:
                    frame["obj"] = terms
                preps.append(frame)
            i += 1
        elif low in PREPOSITIONS and i + 1 < len(tokens) and not tokens[i + 1].startswith("("):
            j = i + 1
            while (
                j < len(tokens)
                and not tokens[j].startswith("(")
                and tokens[j].lower() not in PREPOSITIONS
            ):
                j += 1
            frame = {"prep": low}
            terms = term_alternatives(tokens[i + 1 : j], lem)
            if terms:
                frame["obj"] = terms
            preps.append(frame)
            i = j
        else:
            if low in CLAUSE_WORDS:
                raise Drop("clause word in pattern")
            if preps and obj_words and tokens[i - 1].startswith("("):
                raise Drop("second noun phrase after a prepositional frame")
            obj_words.append(tok)
            i += 1
    if obj_words:
        terms = term_alternatives(obj_words, lem)
        if terms:
            out["obj"] = terms
    if preps:
        out["preps"] = preps
    return out


def parse_code(raw: str, valid: set[str]) -> str | None:
    """`[125]` → "125"; `[042:043]` → "042" (paired code: the second is the reversed event)."""
    raw = raw.strip().rstrip("!")
    if raw == "---":
        return None
    main = raw.split(":")[0]
    if not main:
        raise Drop("reversed-role code [:x] (target acts on source)")
    if main == STATEMENT_FILLER:
        raise Drop("code 010 (statement filler, by policy)")
    if main not in valid:
        raise Drop(f"invalid CAMEO code {main}")
    return main


def read_dictionary(path: Path) -> tuple[dict[str, list[str]], list[Block]]:
    synsets: dict[str, list[str]] = {}
    blocks: list[Block] = []
    section = None
    current: list[str] | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("####"):
            section = "syn" if "SYNONYM" in line else "verb" if "VERB" in line else "end"
            continue
        text = line.split("#")[0].rstrip() if not line.startswith("---") else line
        if section == "syn":
            if text.startswith("&"):
                current = synsets.setdefault(text.strip()[1:].lower(), [])
            elif text.startswith("+") and current is not None:
                current.append(text.strip()[1:])
        elif section == "verb" and text.strip():
            if line.startswith("---"):
                m = re.match(r"---\s+(\S+)\s+\[([^\]]*)\]", line)
                if m:
                    blocks.append(Block(m.group(1), m.group(2)))
            elif line.startswith("-"):
                m = re.match(r"-\s*(.*?)\s*\[([^\]]*)\]\s*(?:#(.*))?$", line)
                if m and blocks:
                    blocks[-1].patterns.append((m.group(1), m.group(2), m.group(3) or ""))
                elif blocks:
                    blocks[-1].patterns.append((line[1:], "?", ""))
            elif blocks:
                m = re.match(
                    r"(\+?[A-Z][A-Z_\-']*)\s*(\{[^}]*\})?\s*(?:\[([^\]]*)\])?", text.strip()
                )
                if m:
                    blocks[-1].members.append(
                        {
                            "raw": m.group(1),
                            "forms": (m.group(2) or "").strip("{} ").split(),
                            "code": m.group(3),
                        }  # fmt: skip
                    )
    return synsets, blocks


def member_key(raw: str) -> str:
    return raw.lstrip("+").upper()


def inflections(base: str) -> set[str]:
    first, _, rest = base.partition("_")
    forms = {first, first + "S", first + "ES", first + "ED", first + "D", first + "ING"}
    if first.endswith("E"):
        forms.add(first[:-1] + "ING")
    if first.endswith("Y"):
        forms |= {first[:-1] + "IED", first[:-1] + "IES"}
    return {f + ("_" + rest if rest else "") for f in forms}


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
        try:
            block_default = parse_code(block.default, valid) if block.default else None
        except Drop:
            block_default = None
        members: dict[str, dict] = {}
        for m in block.members:
            key = member_key(m["raw"])
            words = key.lower().split("_")
            stats["verbs"] += 1
            if "-" in key or set(words) & {"and", "or"}:
                dropped["verb: hyphenated or coordinated form"] += 1
                continue
            try:
                code = parse_code(m["code"], valid) if m["code"] else block_default
            except Drop as exc:
                dropped[f"verb default: {exc}"] += 1
                code = None
            base = {"verb": words[0]}
            if len(words) > 1:
                try:
                    base.update(parse_sequence([w.upper() for w in words[1:]], lem, PARTICLES | PREPOSITIONS))
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
    print(f"PETRARCH verbs read: {stats['verbs']}, pattern lines read: {stats['patterns']}")
    print(f"patterns written: {sum(counts.values())} (after per-verb expansion and dedup)")
    for name, n in counts.items():
        print(f"  verbs/{name}.yaml: {n} patterns, {len(per_root[name[:2]]['defaults'])} defaults")
    print("dropped:")
    for reason, n in dropped.most_common():
        print(f"  {n:5d}  {reason}")
    print(f"synonym sets: {len(synsets)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
