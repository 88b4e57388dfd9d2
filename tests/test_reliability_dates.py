"""Reliability, item 2: impossible, absurd and backwards dates in text. Never a crash, never an impossible
day, never a range that ends before it starts, never a date outside the sane window in `events`."""

from __future__ import annotations

import datetime as dt

import pytest

from schemas.tables import DATE_WINDOW
from tests.reliability import rows, run_flow
from transforms.model import Published
from transforms.temporal import tag

MAY_2025 = Published(dt.date(2025, 5, 1), dt.date(2025, 5, 31), "month", "header")

# text, language, the dated values the tagger may give (an empty set: nothing dated)
BAD_DATES = [
    ("Op 31 februari 2024 sprak de minister.", "nl", set()),
    ("On 30 February the minister spoke.", "en", set()),
    ("Op 30 februari sprak de minister.", "nl", set()),
    ("In het jaar 20245 sprak de minister.", "nl", set()),
    ("Op 29 februari 2023 sprak de minister.", "nl", set()),  # 2023 is no leap year
    ("Op 31 april 2025 sprak de minister.", "nl", set()),
    ("Het bericht van 31/02/2024 en 2024-02-30.", "nl", set()),
    ("In het jaar 12 en in het jaar 1066 en in 3024.", "nl", set()),
    ("Op 29 februari 2024 sprak de minister.", "nl", {(dt.date(2024, 2, 29), dt.date(2024, 2, 29))}),
]


def dated(text: str, language: str) -> set[tuple[dt.date, dt.date]]:
    return {(t.date_start, t.date_end) for t in tag(text, MAY_2025, language) if t.date_start}


@pytest.mark.parametrize(("text", "language", "expected"), BAD_DATES, ids=[t for t, _, _ in BAD_DATES])
def test_impossible_dates_are_not_dated(text: str, language: str, expected: set) -> None:
    assert dated(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [("Van 2024 tot 2021 sprak de minister.", "nl"), ("From 2024 to 2021 the minister spoke.", "en"),
     ("Tussen 2030 en 2020 daalde het aantal.", "nl"), ("Van 10 tot 3 maart 2024 was er overleg.", "nl")],
)  # fmt: skip
def test_a_range_that_runs_backwards_never_ends_before_it_starts(text: str, language: str) -> None:
    for t in tag(text, MAY_2025, language):
        assert t.date_start is None or t.date_end is None or t.date_start <= t.date_end, t
        for part in t.parts:
            assert part.date_start is None or part.date_start <= part.date_end, part


def test_a_leap_day_without_a_year_is_the_nearest_leap_year() -> None:
    assert dated("Op 29 februari sprak de minister.", "nl") == {(dt.date(2024, 2, 29), dt.date(2024, 2, 29))}


DOCUMENT = """date 2025-05 Data die niet kunnen
Op 31 februari 2024 sprak de minister met Frontex.
In het jaar 20245 tekenden de landen een akkoord.
Van 2024 tot 2021 onderhandelden beide landen over een verdrag.
In 1066 landden de Normandiërs in Engeland.
In 2101 volgt een evaluatie van het akkoord.
Op 29 februari 2024 sprak de minister opnieuw met Frontex.
Op 29 februari 2023 tekende de minister een verdrag.
On 30 February the Home Office announced new measures.
In het jaar 1899 tekende de koning een verdrag.
"""


def test_bad_dates_end_to_end_never_a_crash_never_outside_the_window(prefect_harness, tmp_path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "data.txt").write_text(DOCUMENT, encoding="utf-8")
    data = tmp_path / "data"
    summary = run_flow([folder], data)
    assert summary.documents_loaded == 1
    low, high = DATE_WINDOW
    assert rows(
        data,
        "select count(*) from events where date_start < ? or date_end > ? or date_end < date_start",
        [low, high],
    ) == [(0,)]
    found = {
        r[0]: r[1:]
        for r in rows(data, "select substring(sentence, 1, 22), date_source, date_start from events")
    }
    assert found["Op 29 februari 2024 sp"] == ("explicit", dt.date(2024, 2, 29))
    # An impossible day is no date of its own: the event falls back to the document's date or none.
    for impossible in ("Op 31 februari 2024 sp", "Op 29 februari 2023 te"):
        assert found[impossible][0] in ("dct", "unresolved"), (impossible, found[impossible])
    # A year the tagger reads outside the window costs the event row, which `rejected` keeps, named.
    reasons = [r for (r,) in rows(data, "select reason from rejected where stage = 'validate'")]
    assert all("expect_column_values_to_be_between(date_" in r for r in reasons)
    assert summary.events_rejected == len(reasons)
