"""The closing timeline `timeline run` prints: one readable line per event, its status where it matters."""

from __future__ import annotations

import datetime as dt

import pytest

from flows.cli import timeline_line

JUNE = (dt.date(2025, 6, 1), dt.date(2025, 6, 30), "month")


@pytest.mark.parametrize(
    ("status", "sentence", "shown"),
    [
        ("happened", "De minister sprak met Frontex.", "De minister sprak met Frontex."),
        ("planned", "De top is in juni.", "[planned] De top is in juni."),
        (
            "negated",
            "The talks did not take place in June.",
            "[negated] The talks did not take place in June.",
        ),
        (
            "possible",
            "Als de Kamer instemt, gaat de wet in juni in.",
            "[possible] Als de Kamer instemt, gaat de wet in juni in.",
        ),
    ],
    ids=["happened", "planned", "negated", "possible"],
)
def test_an_event_that_did_not_simply_happen_says_so(status: str, sentence: str, shown: str) -> None:
    line = timeline_line(*JUNE, "MEETING", status, sentence)
    assert line == "  2025-06-01..2025-06-30  month      MEETING                  " + shown


def test_the_line_keeps_its_width_with_a_marker() -> None:
    long = "Het kabinet besluit " + "heel " * 40 + "lang."
    happened = timeline_line(*JUNE, "POLICY_CHANGE", "happened", long)
    planned = timeline_line(*JUNE, "POLICY_CHANGE", "planned", long)
    assert len(planned) == len(happened) and planned.endswith("…")
    assert timeline_line(
        dt.date(2025, 6, 3), dt.date(2025, 6, 3), "day", "ARREST", "happened", "a\n b"
    ).startswith("  2025-06-03              day        ARREST                   a b")
