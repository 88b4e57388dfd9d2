"""Records → warehouse rows: every field of an event reaches its column, and the rows fit the schema."""

from __future__ import annotations

import dataclasses
import datetime as dt

from schemas.arrow import to_arrow
from schemas.tables import EVENTS
from transforms.model import Event, Place, Quantity
from transforms.records import event_row
from warehouse.validate import validate_batch

TEXT = "Kop. De minister sprak maandag met Frontex en bezoekt vrijdag Calais."
SENTENCE = TEXT[5:]


def event(**fields: object) -> Event:
    base = Event(
        event_id="e1",
        doc_id="d1",
        source_name="a.txt",
        language="nl",
        sentence=SENTENCE,
        char_start=5,
        char_end=len(TEXT),
        event_type="MEETING",
        trigger="bezoekt",
        date_text="vrijdag",
        date_value="2025-05-09",
        date_start=dt.date(2025, 5, 9),
        date_end=dt.date(2025, 5, 9),
        date_precision="day",
        date_source="relative_to_dct",
        actors=("minister",),
        locations=("Calais",),
        quantities=(),
        confidence=0.8,
        extractor_version="1",
    )
    return dataclasses.replace(base, **fields)


def test_the_clause_status_trigger_and_places_reach_the_row() -> None:
    clause = TEXT.index("bezoekt vrijdag Calais")
    row = event_row(
        event(
            status="planned",
            clause_start=clause,
            clause_end=clause + len("bezoekt vrijdag Calais"),
            trigger_start=clause,
            trigger_end=clause + len("bezoekt"),
            places=(Place("Calais", "Calais", "FR", 50.95, 1.86),),
            quantities=(Quantity(1800.0, "people", "meer dan 1.800", "more than", "migranten"),),
        )
    )
    assert {k: row[k] for k in ("status", "clause_start", "clause_end", "trigger_start", "trigger_end")} == {
        "status": "planned",
        "clause_start": 46,
        "clause_end": 68,
        "trigger_start": 46,
        "trigger_end": 53,
    }
    assert TEXT[row["trigger_start"] : row["trigger_end"]] == "bezoekt"
    assert row["places"] == [
        {"name": "Calais", "resolved": "Calais", "country_code": "FR", "latitude": 50.95, "longitude": 1.86}
    ]
    assert row["quantities"] == [
        {
            "value": 1800.0,
            "unit": "people",
            "text": "meer dan 1.800",
            "qualifier": "more than",
            "what": "migranten",
        }
    ]
    assert set(row) == set(EVENTS.names)


def test_an_event_without_clause_or_trigger_offsets_is_its_sentence_with_the_trigger_unlocated() -> None:
    # The record's defaults (0): the whole sentence states the event; an empty span where it starts says
    # the trigger was not located (rather than a guess at which occurrence of its word it is).
    row = event_row(event())
    assert (row["clause_start"], row["clause_end"]) == (5, len(TEXT))
    assert (row["trigger_start"], row["trigger_end"]) == (5, 5)
    assert (row["status"], row["places"]) == ("happened", [])


def test_unresolved_places_keep_their_name_only() -> None:
    row = event_row(event(places=(Place("Sangatte"),)))
    assert row["places"] == [
        {"name": "Sangatte", "resolved": None, "country_code": None, "latitude": None, "longitude": None}
    ]


def test_rows_of_real_events_pass_the_suite() -> None:
    clause = TEXT.index("bezoekt")
    frame = to_arrow(
        EVENTS,
        [
            event_row(event()),
            event_row(
                event(
                    event_id="e2",
                    status="negated",
                    clause_start=clause,
                    clause_end=len(TEXT),
                    trigger_start=clause,
                    trigger_end=clause + 7,
                    places=(Place("Calais", "Calais", "FR", 50.95, 1.86), Place("Sangatte")),
                    quantities=(Quantity(2.0, "", "twee"),),
                )
            ),
        ],
    )
    result = validate_batch(EVENTS, frame, text_lengths={"d1": len(TEXT)})
    assert (result.success, result.bad) == (True, [])
