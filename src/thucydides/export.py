"""Stored events out as CSV, JSON Lines, Parquet, or GDELT 2.0's event table layout.

CSV carries the flat record (model.FLAT_COLUMNS) and four columns of its evidence
(CSV_COLUMNS), Parquet the flat record, JSONL the nested record of
shared/docs/event-record.md. `gdelt` writes GDELT 2.0's 61 event columns, tab-separated
without a header like GDELT's own files, so tools that read GDELT read these: what we
know is filled in (dates, actors, CAMEO code, quad class, Goldstein, mention, article and
source counts, action and actor places, URL), the rest (tone, ethnicity, religion) is empty.
GDELT's rows are events, so this export has one row per event as `counting.py` counts
them; CSV, JSONL and Parquet carry every coded record, with `event_key` and `event_rank`
(0: the record that counts its event) in CSV and Parquet.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

from thucydides.errors import UserError
from thucydides.model import FLAT_COLUMNS
from thucydides.store import Store, event_from_row

FORMATS = ("csv", "jsonl", "parquet", "gdelt")
DATA = Path(__file__).parent / "data"
KEY_COLUMNS = ("event_key", "event_rank")  # which records are one event (counting.py)
INTERNATIONAL = ("IGO", "NGO", "NGM", "IMG", "MNC")  # generic codes a known group follows
# CSV: the flat record, then the evidence a reviewer sorts by: how the roles were found,
# the mood cue, and the code an intent (03x) or a refusal (12x) was made from.
EVIDENCE_COLUMNS = {"evidence_roles": "roles", "evidence_mood": "mood",
                    "intent_of": "intent_of", "refusal_of": "refusal_of"}  # fmt: skip
CSV_COLUMNS = (*FLAT_COLUMNS, *EVIDENCE_COLUMNS)


def csv_row(flat: Mapping[str, Any], evidence: Any) -> dict[str, Any]:
    """One CSV row from a flat row and the event's evidence (a dict, JSON text or None)."""
    found = json.loads(evidence) if isinstance(evidence, str) else evidence or {}
    return {**{c: flat.get(c) for c in (*FLAT_COLUMNS, *KEY_COLUMNS)},
            **{c: found.get(key) for c, key in EVIDENCE_COLUMNS.items()}}  # fmt: skip


def export(store: Store, fmt: str, out: Path | None = None, stream: IO[str] | None = None) -> int:
    """Write every stored event to `out` (or `stream`, default stdout); returns the count."""
    if fmt not in FORMATS:
        raise UserError(f"Unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}.")
    if out is not None and not out.parent.is_dir():
        raise UserError(f"The folder for the output, {out.parent}, does not exist.")
    if fmt == "parquet":
        if out is None:
            raise UserError("Parquet is binary: give a file with --out.")
        return _parquet(store, out)
    if out is None:
        return _write(store, fmt, stream or sys.stdout)
    with out.open("w", encoding="utf-8", newline="") as f:
        return _write(store, fmt, f)


def _write(store: Store, fmt: str, f: IO[str]) -> int:
    n = 0
    if fmt == "csv":
        writer = csv.DictWriter(f, fieldnames=[*CSV_COLUMNS, *KEY_COLUMNS], extrasaction="ignore")
        writer.writeheader()
        for row in store.iter_events():
            writer.writerow(csv_row(row, row.get("evidence")))
            n += 1
    elif fmt == "jsonl":
        for row in store.iter_events():
            f.write(json.dumps(event_from_row(row).to_dict(), ensure_ascii=False) + "\n")
            n += 1
    else:  # GDELT files are plain tab-separated lines: no quoting, no escapes
        for row in store.iter_events(with_story=True):
            f.write("\t".join(gdelt_row(row)) + "\n")
            n += 1
    return n


def _parquet(store: Store, out: Path) -> int:
    cols = ", ".join((*FLAT_COLUMNS, *KEY_COLUMNS))
    target = str(out).replace("'", "''")
    store.con.execute(
        f"COPY (SELECT {cols} FROM events ORDER BY content_hash, event_id) "
        f"TO '{target}' (FORMAT parquet)"
    )
    return store.con.execute("SELECT count(*) FROM events").fetchone()[0]  # records, as CSV


# -- GDELT 2.0 ---------------------------------------------------------------------------


@functools.cache
def gdelt_columns() -> tuple[str, ...]:
    """The GDELT 2.0 event table's columns in file order (package data, GDELT codebook)."""
    return tuple(r["column"] for r in _tsv(DATA / "gdelt_events_columns.tsv"))


@functools.cache
def _countries() -> dict[str, dict[str, str]]:
    return {r["iso3"]: r for r in _tsv(DATA / "countries.tsv")}


def _tsv(path: Path) -> list[dict[str, str]]:
    lines = [
        line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")
    ]
    return list(csv.DictReader(lines, delimiter="\t"))


def gdelt_row(row: Mapping[str, Any]) -> list[str]:
    """One counted event (with its mention, article and source counts) as the GDELT 2.0
    columns, as text."""
    g: dict[str, Any] = {}
    day = _day(row["date"])
    if day is not None:
        g["SQLDATE"], g["MonthYear"], g["Year"] = (
            day.strftime("%Y%m%d"),
            day.strftime("%Y%m"),
            day.year,
        )
        g["FractionDate"] = f"{day.year + day.timetuple().tm_yday / 365:.4f}"
    g["GLOBALEVENTID"] = int(row["event_id"].removeprefix("ev_"), 16) & (2**63 - 1)
    for n, role in ((1, "source"), (2, "target")):
        g.update(_actor(n, row, role))
    code = row["cameo_code"]
    g["IsRootEvent"] = int(row["sentence_index"] == 0)
    g["EventCode"], g["EventBaseCode"], g["EventRootCode"] = code, code[:3], row["cameo_root"]
    g["QuadClass"], g["GoldsteinScale"] = row["cameo_quad_class"], row["cameo_goldstein"]
    g["NumMentions"] = row.get("num_mentions")
    g["NumArticles"], g["NumSources"] = row.get("num_articles"), row.get("num_sources")
    g.update(_action_place(row))
    for n, role in ((1, "source"), (2, "target")):
        g.update(_actor_place(n, row, role))
    added = row.get("ingested_at")
    g["DATEADDED"] = added.strftime("%Y%m%d%H%M%S") if isinstance(added, dt.datetime) else None
    g["SOURCEURL"] = row.get("doc_url") or row["doc_id"]
    return ["" if g.get(c) is None else _clean(str(g[c])) for c in gdelt_columns()]


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _clean(text: str) -> str:
    return text.replace("\t", " ").replace("\n", " ").replace("\r", " ")


def _actor(n: int, row: Mapping[str, Any], role: str) -> dict[str, Any]:
    code = row[f"{role}_code"]
    if not code:
        return {}
    p = f"Actor{n}"
    types = [s for s in (row[f"{role}_sectors"] or "").split(";") if len(s) == 3][:3]
    out: dict[str, Any] = {f"{p}Code": code, f"{p}CountryCode": row[f"{role}_country"]}
    name = row[f"{role}_name"]
    out[f"{p}Name"] = name.upper() if name else None
    if code[:3] in INTERNATIONAL and len(code) == 6:
        out[f"{p}KnownGroupCode"] = code[3:]
    out.update({f"{p}Type{i}Code": t for i, t in enumerate(types, 1)})
    return out


def _action_place(row: Mapping[str, Any]) -> dict[str, Any]:
    """ActionGeo: the event's place, where the record has one."""
    place = {k: row[f"location_{k}"] for k in ("name", "feature", "country", "admin1", "lat", "lon",
                                                "geonameid")}  # fmt: skip
    return _geo("ActionGeo", place)


def _actor_place(n: int, row: Mapping[str, Any], role: str) -> dict[str, Any]:
    """Actor1Geo/Actor2Geo: where the actor is, as far as the record knows: the event's
    place when it lies in the actor's country ("Pakistani police ... in Karachi"), else
    the actor's country (GDELT type 1, at the gazetteer's point for the country)."""
    iso3 = row[f"{role}_country"]
    if not iso3 or not row[f"{role}_code"]:
        return {}
    if row["location_name"] and row["location_country"] == iso3:
        return {k.replace("ActionGeo", f"Actor{n}Geo"): v for k, v in _action_place(row).items()}
    country = _countries().get(iso3)
    if not country:
        return {}
    point = _country_point(iso3)
    place = {"name": country["name"], "feature": "country", "country": iso3, "admin1": None,
             "lat": point[0], "lon": point[1], "geonameid": None}  # fmt: skip
    return _geo(f"Actor{n}Geo", place)


@functools.cache
def _country_point(iso3: str) -> tuple[float | None, float | None]:
    try:
        from thucydides.geo.gazetteer import Gazetteer

        place = Gazetteer.load().country(iso3)
    except (
        Exception
    ):  # the gazetteer is optional here: a country without a point is still a country
        return None, None
    return (place.lat, place.lon) if place else (None, None)


def _geo(prefix: str, place: Mapping[str, Any]) -> dict[str, Any]:
    """GDELT's geography: type 1 country, 2 US state, 3 US city, 4 world city, 5 world
    state; FIPS country codes; FeatureID the FIPS code for a country, else the GeoNames id."""
    feature, iso3 = place["feature"], place["country"]
    if not place["name"] or feature not in {"country", "admin1", "city"}:
        return {}
    country = _countries().get(iso3 or "", {})
    us = iso3 == "USA"
    kind = {"country": 1, "admin1": 2 if us else 5, "city": 3 if us else 4}[feature]
    parts = [place["name"]]
    if feature == "city" and place["admin1"]:
        parts.append(place["admin1"])
    if feature != "country" and country.get("name"):
        parts.append(country["name"])
    fips = country.get("fips")
    return {
        f"{prefix}_Type": kind, f"{prefix}_FullName": ", ".join(parts),
        f"{prefix}_CountryCode": fips, f"{prefix}_Lat": place["lat"],
        f"{prefix}_Long": place["lon"],
        f"{prefix}_FeatureID": fips if feature == "country" else place["geonameid"],
    }  # fmt: skip
