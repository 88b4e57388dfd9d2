"""Reading the date one line gives itself: each form in both languages, and the near misses."""

from __future__ import annotations

import datetime as dt

import pytest

from transforms.datelines import DateLine, find_stamps, read_dateline, read_line, read_segments

D = dt.date


def day(line: str, language: str) -> dt.date | None:
    """The day `read_dateline` reads from a line (None when it reads none)."""
    published = read_dateline(line, language)
    return published.start if published is not None and published.precision == "day" else None


@pytest.mark.parametrize(
    ("line", "language", "expected", "form"),
    [
        # a line that is only a date (a bullet and a time may stand beside it)
        ("02 December 2015", "en", D(2015, 12, 2), "date"),
        ("22 januari 2020", "nl", D(2020, 1, 22), "date"),
        ("2025-02-24", "en", D(2025, 2, 24), "date"),
        ("2025-02-24", "nl", D(2025, 2, 24), "date"),
        ("  • 16/10/2019", "en", D(2019, 10, 16), "date"),
        ("  • 16-10-2019", "nl", D(2019, 10, 16), "date"),
        ("March 4, 2024", "en", D(2024, 3, 4), "date"),
        # a labelled date
        ("Published 13 December 2022", "en", D(2022, 12, 13), "label"),
        ("Posted by Jane Doe on 3 Sep 2024", "en", D(2024, 9, 3), "label"),
        ("Posted on March 3, 2024 by Jane Doe", "en", D(2024, 3, 3), "label"),
        ("Geplaatst op 3 maart 2024 door Jan Jansen", "nl", D(2024, 3, 3), "label"),
        ("Vastgesteld 7 juni 2024", "nl", D(2024, 6, 7), "label"),
        ("Gepubliceerd op 3 sept. 2024 om 14:05 uur", "nl", D(2024, 9, 3), "label"),
        ("Last updated 4 March 2024", "en", D(2024, 3, 4), "updated"),
        ("Laatst bijgewerkt: 4 mrt 2024", "nl", D(2024, 3, 4), "updated"),
        # a line of short fields, one a date
        ("13 November 2025|NEWS", "en", D(2025, 11, 13), "fields"),
        ("Nieuwsbericht | 12-03-2024 | 14:00", "nl", D(2024, 3, 12), "fields"),
        ("Door onze verslaggever · 4 juni 2024", "nl", D(2024, 6, 4), "fields"),
        # a place and a date: a letter's date line, a press release's dateline (dotted numeric in English too)
        ("Den Haag, 17 augustus 2015", "nl", D(2015, 8, 17), "place"),
        ("Brussels, 16.10.2019", "en", D(2019, 10, 16), "place"),
        ("Brussels, 29.9.2021", "en", D(2021, 9, 29), "place"),
        ("Brussel, 29.9.2021", "nl", D(2021, 9, 29), "place"),
        ("LONDON (Reuters), March 3, 2024 - The minister said.", "en", D(2024, 3, 3), "place"),
    ],
)
def test_dateline_forms(line: str, language: str, expected: dt.date, form: str) -> None:
    found = read_line(line, language)
    assert found is not None and found.form == form
    assert day(line, language) == expected


@pytest.mark.parametrize(
    ("line", "language"),
    [
        # a story sentence that starts with a place and a date and goes on
        ("Den Haag, 12 maart 2024 werd het besluit genomen.", "nl"),
        ("Brussels, 3 March 2024 was the day the ministers met.", "en"),
        # a label word that opens a sentence, not a dateline
        ("Published figures show the number fell in March 2024 to a record low.", "en"),
        ("Gepubliceerd werd het rapport op 3 maart 2024 door het ministerie.", "nl"),
        ("Published 3 March 2024 was the report that changed the debate.", "en"),
        # the date of the questions, not of the document
        ("(ingezonden 31 maart 2017)", "nl"),
        # document numbers and citations
        ("120/16", "en"),
        ("2015-2016 | 21501-20 nr. 1094", "nl"),
        ("COM(2019) 481 final", "en"),
        ("Aanhangsel Handelingen, vergaderjaar 2020–2021, nr. 2854", "nl"),
        # no such day; fields that are a sentence
        ("31 februari 2020", "nl"),
        ("Het kabinet besloot op 12 maart 2024 | 14:00", "nl"),
    ],
)
def test_not_a_dateline(line: str, language: str) -> None:
    assert read_dateline(line, language) is None


def test_place_dateline_span_stops_at_the_dash() -> None:
    line = "Den Haag, 12 maart 2024 – Het kabinet besloot vandaag."
    found = read_line(line, "nl")
    assert found is not None and line[found.start : found.end].rstrip() == "Den Haag, 12 maart 2024 –"


@pytest.mark.parametrize(
    ("line", "language", "order", "expected"),
    [
        ("10/03/2016", "en", "dmy", D(2016, 3, 10)),
        ("10/03/2016", "en", "mdy", D(2016, 10, 3)),
        ("10/03/2016", "en", None, None),  # English writes both orders: without the document's, no date
        ("10-03-2016", "nl", "dmy", D(2016, 3, 10)),
        ("23/03/2016", "en", None, D(2016, 3, 23)),  # a day over 12: one reading only
        ("03/23/2016", "en", None, D(2016, 3, 23)),
    ],
)
def test_numeric_order(line: str, language: str, order: str | None, expected: dt.date | None) -> None:
    found = read_line(line, language)
    assert isinstance(found, DateLine)
    published = found.published(order)
    assert (published.start if published else None) == expected


def test_language_order_decides_only_where_it_is_certain() -> None:
    assert day("10-03-2016", "nl") == D(2016, 3, 10)  # Dutch is always day first
    assert day("10/03/2016", "en") is None  # English is not


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Antwoord van de minister (ontvangen 11 mei 2017).", D(2017, 5, 11)),
        ("Antwoord van de minister (ontvangen 21 juni\n2021). Zie ook ...", D(2021, 6, 21)),
        ("Antwoord van de minister (ontvangen\n3 maart 2025)Zie ook ...", D(2025, 3, 3)),
    ],
)
def test_received_stamp_may_break_over_a_line(text: str, expected: dt.date) -> None:
    stamps = find_stamps(text, "nl", 0, len(text))
    assert [date.published(None).start for _, date in stamps] == [expected]


def test_submitted_stamp_is_not_the_documents_date() -> None:
    text = "Vragen van het lid (ingezonden 4 mei 2021).\nAntwoord (ontvangen 21 juni 2021)."
    assert [date.published(None).start for _, date in find_stamps(text, "nl", 0, len(text))] == [
        D(2021, 6, 21)
    ]
    assert find_stamps("Questions (ingezonden 4 mei 2021).", "en", 0, 40) == []


@pytest.mark.parametrize(
    ("line", "language", "expected"),
    [
        ("By Jane Doe, Published 12 May 2023", "en", D(2023, 5, 12)),
        ("Door Jan Jansen · 4 juni 2024", "nl", D(2024, 6, 4)),
        ("Posted by: , Posted on: - Categories: Fact sheet", "en", None),
    ],
)
def test_byline_segments(line: str, language: str, expected: dt.date | None) -> None:
    found = read_segments(line, language)
    assert (found.published(None).start if found else None) == expected
