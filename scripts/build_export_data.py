"""Build the export tables in src/thucydides/data/ from ../shared.

  gdelt_events_columns.tsv  the 61 columns of the GDELT 2.0 event table, in order, with
                            their types (shared/data/formats, GDELT codebook, Sep 2016)
  countries.tsv             ISO 3166 alpha-3 -> FIPS 10-4 code and English name (GeoNames
                            countryInfo.txt, CC BY 4.0): GDELT's geography uses FIPS codes

Run:  .venv/bin/python scripts/build_export_data.py --shared ../shared
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "src" / "thucydides" / "data"
GDELT = "data/formats/GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv"
COUNTRIES = "data/geo/countryInfo.txt"


def gdelt_columns(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return [(row["tableId"], row["dataType"]) for row in csv.DictReader(f)]


def countries(path: Path) -> list[tuple[str, str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("ISO\t") or not line.strip():
            continue
        f = line.split("\t")
        iso3, fips, name = f[1], f[3], f[4]
        if iso3 and fips:
            rows.append((iso3, fips, name))
    return sorted(rows)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared",
                    help="path to the shared/ folder (default: ../shared)")  # fmt: skip
    args = ap.parse_args()
    missing = [p for p in (GDELT, COUNTRIES) if not (args.shared / p).is_file()]
    if missing:
        print(
            f"error: {args.shared} lacks {', '.join(missing)}: pass --shared PATH", file=sys.stderr
        )
        return 2
    OUT.mkdir(parents=True, exist_ok=True)
    cols = gdelt_columns(args.shared / GDELT)
    with (OUT / "gdelt_events_columns.tsv").open("w", encoding="utf-8") as f:
        f.write(
            "# GDELT 2.0 event table columns, in file order (GDELT Project codebook, Sep 2016)\n"
        )
        f.write("column\ttype\n")
        f.writelines(f"{name}\t{kind}\n" for name, kind in cols)
    rows = countries(args.shared / COUNTRIES)
    with (OUT / "countries.tsv").open("w", encoding="utf-8") as f:
        f.write("# ISO3 -> FIPS 10-4 and name, from GeoNames countryInfo.txt (CC BY 4.0)\n")
        f.write("iso3\tfips\tname\n")
        f.writelines(f"{iso3}\t{fips}\t{name}\n" for iso3, fips, name in rows)
    print(f"wrote {len(cols)} GDELT columns and {len(rows)} countries to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
