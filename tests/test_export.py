"""Export: the flat record as CSV and Parquet, the nested record as JSONL, GDELT 2.0 rows."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import duckdb
import pytest
from test_store import TEXT, accord, new_entry

from thucydides import dedup
from thucydides.cli import main
from thucydides.export import export, gdelt_columns, gdelt_row
from thucydides.model import FLAT_COLUMNS, Actor, Cameo, Document, Event, Location, Plover, Trigger
from thucydides.store import Entry, Store

RAID = "Police in Dayton raided a warehouse on Thursday and arrested nine men."


def raid() -> Event:
    return Event(
        doc_id="p2", sentence_index=3, sentence=RAID, trigger=Trigger("arrested", 48, 56),
        cameo=Cameo("173", "17", "Arrest, detain", -5.0, 4), plover=Plover("COERCE", "arrest"),
        source=Actor("Police", 0, 6, "USACOP", "USA", ["COP"], "Police", "dictionary"),
        target=None, date="2023-06-15", date_precision="day",
        location=Location("Dayton", 4509884, 39.76, -84.19, "USA", "Ohio", "city"),
        polarity="asserted", modality="actual", confidence=0.7,
        evidence={"rule": "verbs/arrest", "roles": "subject/object", "mood": None},
    )  # fmt: skip


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "events.duckdb"
    with Store(path) as store:
        store.write([
            new_entry(Document("a1", TEXT, source="Harbour Post", url="https://harbour.example/a1"), [accord("a1")]),
            new_entry(Document("p2", RAID, url="https://valley.example/p2"), [raid()]),
        ])  # fmt: skip
        copy = Document("w7", TEXT, source="Fjord Wire", url="https://fjordwire.example/7")
        store.write([Entry(copy, dedup.content_hash(TEXT), "exact")])
    return path


def run(db: Path, fmt: str, out: Path | None = None) -> str:
    buf = io.StringIO()
    with Store(db, read_only=True) as store:
        assert export(store, fmt, out, buf) == 2
    return buf.getvalue() if out is None else out.read_text(encoding="utf-8")


def test_csv_has_every_flat_column_and_keeps_leading_zeros(db: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(run(db, "csv"))))
    assert list(rows[0]) == [
        *FLAT_COLUMNS,
        "evidence_roles",
        "evidence_mood",
        "intent_of",
        "refusal_of",
        "event_key",
        "event_rank",
    ]
    assert {r["event_rank"] for r in rows} == {"0"} and all(r["event_key"] for r in rows)
    by_code = {r["cameo_code"]: r for r in rows}
    assert set(by_code) == {"057", "173"}
    assert by_code["057"]["target_sectors"] == "GOV" and by_code["173"]["target_code"] == ""
    # the evidence a reviewer sorts by has columns of its own
    assert by_code["173"]["evidence_roles"] == "subject/object"
    assert by_code["173"]["evidence_mood"] == by_code["173"]["intent_of"] == ""


def test_jsonl_gives_back_the_nested_records(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    records = {r["doc_id"]: r for r in map(json.loads, run(db, "jsonl", out).splitlines())}
    assert records["a1"] == accord("a1").to_dict()
    assert records["p2"] == raid().to_dict()
    assert records["p2"]["target"] is None and records["p2"]["plover"]["mode"] == "arrest"


def test_parquet_is_readable_with_the_flat_columns(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    with Store(db, read_only=True) as store:
        assert export(store, "parquet", out) == 2
    rel = duckdb.sql(f"SELECT * FROM read_parquet('{out}') ORDER BY cameo_code")
    assert rel.columns == [*FLAT_COLUMNS, "event_key", "event_rank"]
    assert [
        r[0]
        for r in duckdb.sql(f"SELECT cameo_code FROM read_parquet('{out}') ORDER BY 1").fetchall()
    ] == ["057", "173"]


def test_gdelt_rows_have_the_61_columns_filled_where_we_know(db: Path) -> None:
    assert len(gdelt_columns()) == 61 and gdelt_columns()[0] == "GLOBALEVENTID"
    lines = run(db, "gdelt").splitlines()
    rows = [dict(zip(gdelt_columns(), line.split("\t"), strict=True)) for line in lines]
    g = {r["EventCode"]: r for r in rows}
    accord_row, raid_row = g["057"], g["173"]
    assert (accord_row["SQLDATE"], accord_row["MonthYear"], accord_row["Year"]) == (
        "20240305",
        "202403",
        "2024",
    )
    assert accord_row["FractionDate"] == "2024.1781"
    assert (
        accord_row["Actor1Code"],
        accord_row["Actor1Name"],
        accord_row["Actor1CountryCode"],
    ) == ("CHL", "CHILE", "CHL")
    assert (accord_row["Actor2Code"], accord_row["Actor2Type1Code"]) == ("NORGOV", "GOV")
    assert (accord_row["EventRootCode"], accord_row["EventBaseCode"], accord_row["QuadClass"]) == (
        "05",
        "057",
        "1",
    )
    assert accord_row["GoldsteinScale"] == "8.0" and accord_row["IsRootEvent"] == "1"
    assert (accord_row["NumArticles"], accord_row["NumSources"]) == ("2", "2")
    assert (accord_row["ActionGeo_Type"], accord_row["ActionGeo_CountryCode"]) == ("4", "NO")
    assert accord_row["ActionGeo_FullName"] == "Oslo, Oslo, Norway"
    assert (
        accord_row["SOURCEURL"] == "https://harbour.example/a1"
        and len(accord_row["DATEADDED"]) == 14
    )
    assert (
        raid_row["ActionGeo_Type"] == "3"
        and raid_row["ActionGeo_FullName"] == "Dayton, Ohio, United States"
    )
    assert (
        raid_row["Actor2Code"] == ""
        and raid_row["IsRootEvent"] == "0"
        and raid_row["AvgTone"] == ""
    )
    assert raid_row["NumArticles"] == "1"


def test_gdelt_actor_places_are_filled_where_the_place_is_known(db: Path) -> None:
    lines = run(db, "gdelt").splitlines()
    g = {
        r["EventCode"]: r
        for r in (dict(zip(gdelt_columns(), x.split("\t"), strict=True)) for x in lines)
    }
    accord_row, raid_row = g["057"], g["173"]
    # Norway's government acted in Oslo: its place is the event's; Chile's is its country
    assert (accord_row["Actor2Geo_Type"], accord_row["Actor2Geo_FullName"]) == (
        "4",
        "Oslo, Oslo, Norway",
    )
    assert accord_row["Actor2Geo_FeatureID"] == "3143244" and accord_row["Actor2Geo_Lat"] == "59.91"
    assert (accord_row["Actor1Geo_Type"], accord_row["Actor1Geo_FullName"]) == ("1", "Chile")
    assert (accord_row["Actor1Geo_CountryCode"], accord_row["Actor1Geo_FeatureID"]) == ("CI", "CI")
    assert accord_row["Actor1Geo_Lat"] != "" and accord_row["Actor1Geo_Long"] != ""
    assert raid_row["Actor1Geo_FullName"] == "Dayton, Ohio, United States"
    assert raid_row["Actor2Geo_Type"] == "" and raid_row["Actor2Geo_FullName"] == ""  # no target


def test_export_command_writes_a_file(db: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "e.csv"
    assert main(["export", "--db", str(db), "--format", "csv", "--out", str(out)]) == 0
    assert "Wrote 2 records" in capsys.readouterr().err
    assert out.read_text().startswith("event_id,doc_id,")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--format", "xml"], "Unknown export format 'xml'"),
        (["--format", "parquet"], "Parquet is binary: give a file with --out"),
        (["--format", "csv", "--out", "{tmp}/no/such/dir/e.csv"], "does not exist"),
    ],
)
def test_export_bad_input_is_one_sentence_and_exit_2(
    db: Path, tmp_path: Path, capsys, argv, message
) -> None:
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    assert main(["export", "--db", str(db), *argv]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_export_from_a_missing_database_says_to_ingest_first(tmp_path: Path, capsys) -> None:
    assert main(["export", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "create it with `thucydides ingest`" in capsys.readouterr().err


def test_gdelt_row_keeps_61_fields_when_a_name_has_tabs_or_quotes(db: Path) -> None:
    with Store(db, read_only=True) as store:
        row = next(r for r in store.iter_events(with_story=True) if r["cameo_code"] == "057")
    row["source_name"] = 'The "Harbour"\tCouncil'
    fields = gdelt_row(row)
    assert (
        len(fields) == 61 and fields[gdelt_columns().index("Actor1Name")] == 'THE "HARBOUR" COUNCIL'
    )
