"""Reliability, item 5: a batch that fails validation as a whole (more than a configurable share of
failing rows, or a schema mismatch) loads nothing, the run says which expectations failed, and its
documents can be run again later."""

from __future__ import annotations

import shutil

import pyarrow as pa
import pytest

from schemas.arrow import to_arrow
from schemas.tables import DOCUMENTS, EVENTS
from tests.faults import SEEDS
from tests.reliability import rows, run_flow
from tests.test_warehouse import document_row, event_row
from warehouse.validate import (
    COLUMN_SET,
    DEFAULT_MAX_INVALID_SHARE,
    judge_batch,
    parse_max_invalid_share,
    validate_batch,
)

BETWEEN_CONFIDENCE = "expect_column_values_to_be_between(confidence)"


def validated(table, rows_: list[dict]):
    frame = to_arrow(table, rows_)
    return frame.num_rows, validate_batch(table, frame)


def test_a_batch_with_a_few_bad_rows_loads_its_good_rows() -> None:
    events = [event_row(f"e{i}", char_start=i, char_end=i + 5) for i in range(9)] + [
        event_row("bad", confidence=2.0)
    ]
    verdict = judge_batch(
        {"documents": validated(DOCUMENTS, [document_row()]), "events": validated(EVENTS, events)}
    )
    assert verdict.load and verdict.reason is None
    assert verdict.failed_expectations == [BETWEEN_CONFIDENCE]
    assert verdict.invalid_share == pytest.approx(1 / 11)


def test_a_batch_with_too_many_bad_rows_is_refused_whole_and_says_which_expectations_failed() -> None:
    events = [event_row(f"e{i}", char_start=i, char_end=i + 5, confidence=2.0) for i in range(6)]
    events += [
        event_row("late", date_start=None, date_end=None, date_precision="unknown", date_source="bogus")
    ]
    results = {"documents": validated(DOCUMENTS, [document_row()]), "events": validated(EVENTS, events)}
    verdict = judge_batch(results, max_invalid_share=0.5)
    assert not verdict.load
    assert verdict.failed_expectations == [
        BETWEEN_CONFIDENCE,
        "expect_column_values_to_be_in_set(date_source)",
    ]
    assert "7 of 8 rows (88%) failed validation" in verdict.reason
    assert BETWEEN_CONFIDENCE in verdict.reason and "can be run again" in verdict.reason
    assert judge_batch(results, max_invalid_share=0.9).load  # the share is configurable


def test_a_schema_mismatch_refuses_the_batch_whatever_the_share() -> None:
    frame = to_arrow(EVENTS, [event_row()]).append_column("surprise", pa.array(["x"]))
    verdict = judge_batch({"events": (1, validate_batch(EVENTS, frame))}, max_invalid_share=1.0)
    assert not verdict.load
    assert COLUMN_SET in verdict.failed_expectations
    assert "schema mismatch in events" in verdict.reason


def test_an_empty_batch_is_loaded() -> None:
    assert judge_batch({}).load and judge_batch({"events": validated(EVENTS, [])}).load


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, DEFAULT_MAX_INVALID_SHARE), ("", 0.5), ("0", 0.0), ("0.25", 0.25), ("1", 1.0), (0.3, 0.3)],
)
def test_max_invalid_share_setting(value, expected) -> None:
    assert parse_max_invalid_share(value) == expected


@pytest.mark.parametrize("value", ["-0.1", "1.5", "half", "nan%"])
def test_a_bad_max_invalid_share_setting_is_refused_with_its_name(value) -> None:
    with pytest.raises(ValueError, match="TIMELINE_MAX_INVALID_SHARE"):
        parse_max_invalid_share(value)


def test_a_batch_failing_validation_loads_nothing_and_can_be_run_again(
    prefect_harness, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import transforms.events.rows

    folder = tmp_path / "in"
    folder.mkdir()
    for name in sorted(p.name for p in SEEDS.glob("*.txt"))[:2]:
        shutil.copy(SEEDS / name, folder)
    data = tmp_path / "data"
    monkeypatch.setenv("TIMELINE_MAX_INVALID_SHARE", "0.5")
    with monkeypatch.context() as broken:  # an extractor bug: every event's confidence out of range
        broken.setattr(transforms.events.rows, "confidence", lambda *args: 1.5)
        summary = run_flow([folder], data, batch_size=5)
    assert BETWEEN_CONFIDENCE in summary.failed_expectations
    assert summary.documents_rejected == 2  # both documents of the refused batch, counted once each
    assert rows(data, "select count(*) from documents") == [(0,)]
    assert rows(data, "select count(*) from events") == [(0,)]
    reasons = [r for (r,) in rows(data, "select reason from rejected")]
    assert any(r.startswith("batch refused") and BETWEEN_CONFIDENCE in r for r in reasons)
    ((failed, refused),) = rows(data, "select failed_expectations, batches_refused from runs")
    assert BETWEEN_CONFIDENCE in failed and refused == 1

    again = run_flow([folder], data, batch_size=5)  # the bug fixed: the same documents load now
    assert (again.documents_skipped, again.documents_loaded) == (0, 2)
