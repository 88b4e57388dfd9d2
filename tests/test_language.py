"""Language detection: the few languages we build lingua for, ISO 639-1 codes, metadata codes."""

from __future__ import annotations

import pytest

from transforms.language import build_detector, detect_language, normalise_language_code


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Het kabinet gaat fors investeren om irreguliere migratie te voorkomen.", "nl"),
        ("The minister confirmed that the United Kingdom will finance a package of measures.", "en"),
        ("Die Bundesregierung will die irreguläre Migration stärker begrenzen.", "de"),
        ("Le gouvernement veut lutter contre les passeurs dans la Manche.", "fr"),
        ("Kabinet investeert miljoenen in migratiedeals", "nl"),  # a short headline
    ],
)
def test_detect_language_gives_iso_639_1_codes(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_detect_language_without_letters_is_undetermined() -> None:
    assert detect_language("12 345 — 2024") == "und"


def test_detect_language_reads_only_the_start_of_a_long_text() -> None:
    # Dutch first 2000+ characters, then a long English tail: only the sample decides.
    dutch = "De minister van Asiel en Migratie heeft vandaag nieuwe maatregelen aangekondigd. " * 30
    english = "The minister announced new measures today in London and in Brussels. " * 200
    assert len(dutch) > 2000
    assert detect_language(dutch + english) == "nl"


def test_detector_is_built_once() -> None:
    assert build_detector() is build_detector()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("nl", "nl"),
        ("EN", "en"),
        ("en-GB", "en"),
        ("nl_BE", "nl"),
        (" fr ", "fr"),
        ("Dutch", None),
        ("", None),
        (5, None),
    ],
)
def test_normalise_language_code(value: object, expected: str | None) -> None:
    assert normalise_language_code(value) == expected
