"""Validation with the real Great Expectations suite: good rows go on, bad rows are named and split off."""

from __future__ import annotations

import datetime as dt
import json

import pyarrow as pa
import pytest

from schemas.arrow import to_arrow
from schemas.tables import DOCUMENTS, EVENTS
from tests.test_warehouse import document_row, event_row
from warehouse import validate
from warehouse.validate import rejections, validate_batch

PAIR = "expect_column_pair_values_a_to_be_greater_than_b"


def events(*rows: dict) -> pa.Table:
    return to_arrow(EVENTS, rows)


def test_good_rows_pass_untouched() -> None:
    frame = events(
        event_row("e1"),
        event_row("e2", date_start=None, date_end=None, date_precision="unknown", date_source="unresolved"),
    )
    result = validate_batch(EVENTS, frame)
    assert (result.success, result.bad, result.failed_expectations) == (True, [], [])
    assert result.good.equals(frame)
    # a batch that meets every expectation is judged with the cheaper BASIC results (counts, no row
    # positions): the positions are only asked for when some row fails
    basic = [r.result for r in result.outcome.results if "unexpected_count" in r.result]
    assert basic and not any("unexpected_index_list" in r for r in basic)


def test_bad_rows_are_split_off_with_the_expectations_they_failed() -> None:
    frame = events(
        event_row("ok1"),
        event_row("ends_before_start", date_start=dt.date(2025, 5, 9), date_end=dt.date(2025, 5, 5)),
        event_row("bad_precision", date_precision="fortnight"),
        event_row("too_confident", confidence=1.5),
        event_row("ok1", trigger="duplicate"),
        event_row("no_trigger", trigger=None),
        event_row("empty_span", char_start=10, char_end=10),
        event_row("misread_year", date_start=dt.date(1850, 1, 1), date_end=dt.date(1850, 12, 31)),
        event_row("ok2"),
    )
    result = validate_batch(EVENTS, frame)
    assert any("unexpected_index_list" in r.result for r in result.outcome.results)  # run again: COMPLETE
    assert result.bad == [
        (1, [f"{PAIR}(date_end, date_start)"]),
        (2, ["expect_column_values_to_be_in_set(date_precision)"]),
        (3, ["expect_column_values_to_be_between(confidence)"]),
        (4, ["expect_column_values_to_be_unique(event_id)"]),  # the first "ok1" stays good
        (5, ["expect_column_values_to_not_be_null(trigger)"]),
        # an empty sentence holds no clause either
        (6, [f"{PAIR}(char_end, char_start)", f"{PAIR}(clause_end, clause_start)"]),
        (
            7,
            [
                "expect_column_values_to_be_between(date_end)",
                "expect_column_values_to_be_between(date_start)",
            ],
        ),
    ]
    assert result.good.column("event_id").to_pylist() == ["ok1", "ok2"]
    assert result.good.column("trigger").to_pylist() == ["sprak", "sprak"]
    assert result.success is False
    assert result.failed_expectations == sorted({name for _, failed in result.bad for name in failed})


@pytest.mark.parametrize(
    ("fields", "failed"),
    [
        ({"status": "rumoured"}, ["expect_column_values_to_be_in_set(status)"]),
        ({"clause_start": 20, "clause_end": 20}, [f"{PAIR}(clause_end, clause_start)"]),  # an empty clause
        (
            {"char_start": 5, "clause_start": 4},
            [f"{PAIR}(clause_start, char_start)"],
        ),  # starts before the sentence
        ({"clause_end": 39}, [f"{PAIR}(char_end, clause_end)"]),  # ends after it
        ({"trigger_start": 17, "trigger_end": 12}, [f"{PAIR}(trigger_end, trigger_start)"]),
        ({"trigger_start": -1}, ["expect_column_values_to_be_between(trigger_start)"]),
        ({"clause_start": None}, ["expect_column_values_to_not_be_null(clause_start)"]),
        ({"places": None}, ["expect_column_values_to_not_be_null(places)"]),
    ],
    ids=[
        "status",
        "empty_clause",
        "clause_before",
        "clause_after",
        "trigger_order",
        "negative",
        "null",
        "places",
    ],
)
def test_clause_trigger_status_and_places_rules(fields: dict, failed: list[str]) -> None:
    result = validate_batch(EVENTS, events(event_row("ok"), event_row("bad", **fields)))
    assert result.bad == [(1, failed)]


def test_an_unlocated_trigger_is_an_empty_span_and_passes() -> None:
    result = validate_batch(EVENTS, events(event_row("e1", trigger_start=0, trigger_end=0)))
    assert (result.success, result.bad) == (True, [])


def test_a_row_failing_several_expectations_lists_them_all() -> None:
    result = validate_batch(EVENTS, events(event_row(confidence=-1.0, event_type="PICNIC", language=None)))
    assert result.bad == [
        (
            0,
            [
                "expect_column_values_to_be_between(confidence)",
                "expect_column_values_to_be_in_set(event_type)",
                "expect_column_values_to_not_be_null(language)",
            ],
        )
    ]
    assert result.good.num_rows == 0


def test_offsets_past_the_end_of_the_text_are_rejected() -> None:
    frame = events(
        event_row("e1", char_end=38), event_row("e2", char_end=39), event_row("e3", "other", char_end=999)
    )
    result = validate_batch(EVENTS, frame, text_lengths={"d1": 38})
    assert result.bad == [(1, ["offsets_inside_text"])]
    assert result.good.column("event_id").to_pylist() == ["e1", "e3"]  # documents not given are not judged


def test_extra_checks_add_their_own_names() -> None:
    def no_empty_actors(frame: pa.Table) -> dict[str, list[int]]:
        return {"has_actors": [i for i, a in enumerate(frame.column("actors").to_pylist()) if not a]}

    result = validate_batch(
        EVENTS, events(event_row("e1"), event_row("e2", actors=[])), extra_checks=[no_empty_actors]
    )
    assert (result.bad, result.failed_expectations) == ([(1, ["has_actors"])], ["has_actors"])


def test_a_missing_column_fails_the_whole_batch() -> None:
    frame = events(event_row("e1"), event_row("e2")).drop_columns(["date_value"])
    result = validate_batch(EVENTS, frame)
    assert result.bad == [
        (0, ["expect_table_columns_to_match_set"]),
        (1, ["expect_table_columns_to_match_set"]),
    ]
    assert result.good.num_rows == 0


def test_documents_have_their_own_suite() -> None:
    frame = to_arrow(
        DOCUMENTS, [document_row("d1"), document_row("d2", published_source="rumour", char_count=0)]
    )
    result = validate_batch(DOCUMENTS, frame)
    assert result.bad == [
        (
            1,
            [
                "expect_column_values_to_be_between(char_count)",
                "expect_column_values_to_be_in_set(published_source)",
            ],
        )
    ]


def test_an_empty_batch_is_valid() -> None:
    result = validate_batch(EVENTS, events())
    assert (result.success, result.good.num_rows, result.bad) == (True, 0, [])


def test_the_suite_is_built_once_and_reused() -> None:
    validate_batch(EVENTS, events(event_row()))
    before = validate._validator.cache_info()
    validate_batch(EVENTS, events(event_row("e2")))
    after = validate._validator.cache_info()
    assert (after.hits, after.misses) == (before.hits + 1, before.misses)


def test_rejections_describe_the_failing_rows() -> None:
    frame = events(event_row("e1"), event_row("e2", confidence=1.5))
    result = validate_batch(EVENTS, frame)
    [rejection] = rejections(EVENTS, frame, result)
    assert (rejection.stage, rejection.doc_id, rejection.source_name) == ("validate", "d1", "a.txt")
    assert rejection.reason == "events row 'e2' failed: expect_column_values_to_be_between(confidence)"
    assert json.loads(rejection.detail or "{}")["event_id"] == "e2"


def test_a_null_list_fails_but_an_empty_list_is_fine() -> None:
    # GX sees list columns as their lengths (see to_gx_frame): null must stay null, [] must stay set.
    result = validate_batch(
        EVENTS, events(event_row("e1", actors=[]), event_row("e2", actors=None, quantities=None))
    )
    assert result.bad == [
        (
            1,
            [
                "expect_column_values_to_not_be_null(actors)",
                "expect_column_values_to_not_be_null(quantities)",
            ],
        )
    ]
