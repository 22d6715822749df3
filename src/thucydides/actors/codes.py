"""Which CAMEO actor codes are valid: a code is a run of three-letter blocks (country or
international prefix, then roles, regions, identities or organisation codes). Checking
every block against the shipped lists is what catches typos such as `NGOEVN`."""

from __future__ import annotations

import functools
import re
from importlib import resources

CODE_FILES = ("codes.tsv", "codes_extra.tsv")
# armed groups no state commands: rebels, insurgents, separatists, radicals
IRREGULAR_SECTORS = frozenset({"REB", "INS", "SEP", "RAD"})


def is_irregular_code(code: str | None, sectors) -> bool:
    """An armed group that is no state's forces: rebels, insurgents, separatists, or an
    international militant group (IMG)."""
    return bool(IRREGULAR_SECTORS & set(sectors)) or (code or "").startswith("IMG")


# kinds of block that may open a code; organisation codes only follow a prefix
FIRST_KINDS = frozenset({"country", "region", "generic", "identity", "role"})
KINDS = FIRST_KINDS | {"org"}


@functools.cache
def code_blocks() -> dict[str, tuple[str, str]]:
    """Every known three-letter block -> (kind, description), from package data."""
    blocks: dict[str, tuple[str, str]] = {}
    for name in CODE_FILES:
        text = (
            resources.files("thucydides.actors").joinpath("data", name).read_text(encoding="utf-8")
        )
        for line in text.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            code, kind, description = (line.split("\t") + ["", ""])[:3]
            blocks[code] = (kind, description)  # codes_extra.tsv overrides codes.tsv
    return blocks


@functools.cache
def country_codes() -> frozenset[str]:
    """The ISO3 (and historical CAMEO) country codes used in actor codes."""
    return frozenset(c for c, (kind, _) in code_blocks().items() if kind == "country")


def split_blocks(code: str) -> list[str]:
    return [code[i : i + 3] for i in range(0, len(code), 3)]


def _near(block: str, known: dict[str, tuple[str, str]]) -> str | None:
    """A known block one swap or one letter away, to suggest a fix for a typo."""
    candidates = []
    for other, (kind, _) in known.items():
        if kind in ("role", "generic") and sorted(other) == sorted(block):
            return other
        if sum(a != b for a, b in zip(other, block, strict=True)) == 1:
            candidates.append(other)
    return candidates[0] if len(candidates) == 1 else None


@functools.lru_cache(maxsize=65536)
def check_code(code: str, agent: bool = False) -> str | None:
    """None when `code` is a valid CAMEO actor code, else why not (one sentence).
    Agent codes (role nouns such as "police") are roles without a country."""
    if not code or len(code) % 3 or not code.isalpha() or not code.isupper():
        return f"code {code!r} is not a run of three-letter upper-case blocks"
    known = code_blocks()
    blocks = split_blocks(code)
    for i, block in enumerate(blocks):
        entry = known.get(block)
        if entry is None:
            hint = _near(block, known)
            what = "country or international code" if i == 0 else "block"
            why = f"unknown {what} {block!r} in code {code!r}"
            return why + (f" (did you mean {hint!r}?)" if hint else "")
        kind = entry[0]
        if i == 0 and agent and kind not in ("role", "identity", "generic"):
            return f"agent code {code!r} must start with a role code, not {kind} {block!r}"
        if i == 0 and kind not in FIRST_KINDS:
            return f"code {code!r} starts with organisation code {block!r}, not a country or prefix"
    return None


def describe(code: str) -> list[str]:
    """Human reading of each block: ["USA: United States (country)", "GOV: ..."]."""
    known = code_blocks()
    out = []
    for block in split_blocks(code):
        kind, description = known.get(block, ("unknown", "?"))
        out.append(f"{block}: {description} ({kind})")
    return out


# short names of the role blocks, for naming a code ("GEOGOV": "Georgia government")
ROLE_NAMES = {
    "GOV": "government", "MIL": "military", "COP": "police", "JUD": "judiciary",
    "LEG": "legislature", "OPP": "opposition", "REB": "rebels", "INS": "insurgents",
    "SEP": "separatists", "UAF": "armed group", "SPY": "intelligence", "ELI": "elites",
    "CVL": "civilians", "MED": "media", "BUS": "business", "EDU": "education", "HLH": "health",
    "REF": "refugees", "CRM": "criminals", "LAB": "labour", "AGR": "agriculture",
    "ENV": "environment", "HRI": "human rights", "DEV": "development", "RAD": "radicals",
    "MOD": "moderates", "PTY": "political party", "REL": "religious", "PPL": "people",
    "OCC": "occupying authority", "UNR": "transitional state",
}  # fmt: skip
GENERIC_NAMES = {
    "IGO": "international organisation", "NGO": "NGO", "IMG": "international militant group",
    "MNC": "multinational company", "INT": "international actor", "UIS": "unidentified state",
    "NGM": "non-governmental movement",
}  # fmt: skip
# identity codes of two blocks, read as one ("MOSSHI": Shia, not "Muslim" + "Shia")
IDENTITY_NAMES = {"MOSSHI": "Shia", "MOSSUN": "Sunni", "CHRCPT": "Coptic Christian"}


def code_name(code: str) -> str:
    """A readable name for a whole code, naming its role: "GEOGOV" -> "Georgia government",
    "IGOAFRAFU" -> "African Union", "KURREB" -> "Kurd rebels", "LBNREBHEZ" -> "Hezbollah".
    The last organisation block names the actor; identities and roles after it qualify it."""
    known = code_blocks()
    parts: list[str] = []
    kinds: list[tuple[str, str]] = []
    for block in split_blocks(code):
        pair = (parts[-1] if parts else "") + block
        if pair in IDENTITY_NAMES:
            parts[-1], kinds[-1] = pair, ("identity", IDENTITY_NAMES[pair])
        elif block == "PKO" and parts:  # "IGOUNOPKO": the UN's peacekeepers
            parts.append(block)
            kinds.append(("role", "peacekeepers"))
        else:
            parts.append(block)
            kinds.append(known.get(block, ("", block)))
    if not parts:
        return ""
    orgs = [i for i, (kind, _) in enumerate(kinds) if kind == "org"]
    start = orgs[-1] if orgs else 0
    head, (head_kind, head_desc) = parts[start], kinds[start]
    identities, roles = [], []
    for part, (kind, desc) in zip(parts[start + 1 :], kinds[start + 1 :], strict=True):
        if kind == "role":
            roles.append(ROLE_NAMES.get(part, _short(desc).lower()))
        elif kind in ("identity", "country", "region"):
            identities.append(_short(desc))
    if head_kind == "role":  # a role first: "rebels", "Muslim rebels"
        words = [*identities, ROLE_NAMES.get(head, _short(head_desc).lower()), *roles]
    else:
        words = [GENERIC_NAMES.get(head, _short(head_desc)), *identities, *roles]
    return " ".join(w for w in words if w)


def _short(description: str) -> str:
    """ "Kurd (ethnic group)" -> "Kurd"; "Hamas (d.r.)" -> "Hamas"; "Military: troops" -> "Military"."""
    text = re.sub(
        r"\s*\((?:d\.r\.|[^)]*ethnic[^)]*|religious group|Phoenix usage)\)", "", description
    )
    return text.split(":")[0].strip().strip('"')
