"""Reader for PETRARCH2's verb dictionary (CAMEO.2.0.txt), used by build_verb_patterns.py.

The dictionary's syntax (PETRARCH2's PETRreader.read_verb_dictionary documents it):
`&NAME` synonym sets of `+WORD` lines; `--- NAME [code] ---` verb blocks; member verbs
`WORD {irregular forms} [default]` or `+MULTI_WORD`; patterns `- subj * words (PREP words)
[code] # verb it was written for`, where `{A B}` is a multiword noun, `&SET` a synonym set,
`$`/`+`/`%` mark source/target, `^` skips, `_` joins words (trailing `_`: no plural forms).
"""

from __future__ import annotations

import csv
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

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
        elif low in PREPOSITIONS:  # a bare preposition starts a frame, even at the end
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
