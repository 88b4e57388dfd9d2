"""Validate a batch before it is loaded: good rows go on, failing rows are split off with the names of
the expectations they failed (they become `rejected` rows in the same transaction).

The suite comes from `schemas.expectations`; it runs in an ephemeral, offline Great Expectations
context on a pandas DataFrame made from the Arrow batch. Failing rows are identified by the
`unexpected_index_list` of each expectation's COMPLETE result (asked for only when one fails): positions
in the DataFrame, whose RangeIndex equals the row positions in the Arrow table. The context and the suites are built once
per process (GX set-up is slow) and reused for every batch.
"""

from __future__ import annotations

import functools
import json
import os
import signal
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from schemas.expectations import build_suite, expectation_name, import_gx
from schemas.tables import Table
from schemas.vocabulary import Rejection

# A cheap check done without GX: takes the batch, returns {check name: positions of failing rows}.
RowCheck = Callable[[pa.Table], Mapping[str, Sequence[int]]]

UNIQUE = "expect_column_values_to_be_unique"
OFFSETS_INSIDE_TEXT = "offsets_inside_text"
# A table-level expectation: when it fails, the batch does not have the declared columns at all.
COLUMN_SET = "expect_table_columns_to_match_set"

# Above this share of failing rows a batch is not loaded at all (TIMELINE_MAX_INVALID_SHARE): so many
# bad rows mean something is wrong with the batch or the extractor, not with a few documents.
DEFAULT_MAX_INVALID_SHARE = 0.5
MAX_INVALID_SHARE_ENV = "TIMELINE_MAX_INVALID_SHARE"

# One GX context serves every thread; validations run one at a time.
_gx_lock = threading.Lock()


class ValidationCrashed(RuntimeError):
    """An expectation raised instead of judging the rows: a bug in the suite or the batch's types."""


@dataclass(frozen=True)
class ValidationResult:
    good: pa.Table  # the rows that met every expectation, in their original order
    bad: list[tuple[int, list[str]]]  # (row position in the input, names of the expectations it failed)
    success: bool  # every expectation met by every row
    failed_expectations: list[str]  # names of the expectations that failed on any row, sorted
    outcome: Any = None  # GX's own result (ExpectationSuiteValidationResult), for the Data Docs


@functools.cache
def _context() -> Any:
    import logging

    gx = import_gx()
    # no INFO lines in a CLI run: GX sets some of its loggers to INFO itself, so quiet them one by one
    for name in ("great_expectations", "great_expectations.data_context.types.base"):
        logging.getLogger(name).setLevel(logging.WARNING)
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    # Progress bars would write to stderr for every batch of a pipeline run.
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    return context


@functools.cache
def _validator(table: Table) -> tuple[Any, Any]:
    """(batch definition, suite) for `table`, built once."""
    context = _context()
    source = context.data_sources.add_pandas(name=f"{table.name}_batches")
    asset = source.add_dataframe_asset(name=table.name)
    return asset.add_batch_definition_whole_dataframe(f"{table.name}_batch"), build_suite(table)


def offsets_inside_text(text_lengths: Mapping[str, int]) -> RowCheck:
    """Events whose evidence ends past the end of their document's text (documents not given pass)."""

    def check(frame: pa.Table) -> dict[str, list[int]]:
        doc_ids = frame.column("doc_id").to_pylist()
        ends = frame.column("char_end").to_pylist()
        bad = [
            i
            for i, (doc_id, end) in enumerate(zip(doc_ids, ends, strict=True))
            if end is not None and doc_id in text_lengths and end > text_lengths[doc_id]
        ]
        return {OFFSETS_INSIDE_TEXT: bad}

    return check


def _keep_first_duplicates(positions: list[int], values: list[Any]) -> list[int]:
    """Of rows sharing a value, the first stays good: only the repeats are unexpected."""
    first: dict[Any, int] = {}
    for position in sorted(positions):
        first.setdefault(values[position], position)
    kept = set(first.values())
    return [p for p in positions if p not in kept]


def _failures(result: Any, frame: pa.Table) -> tuple[str, list[int] | None]:
    """(name, failing row positions) of one expectation's result; positions None: the whole table."""
    config = result.expectation_config
    name = expectation_name(config)
    if result.exception_info and result.exception_info.get("raised_exception"):
        raise ValidationCrashed(f"{name} raised: {result.exception_info.get('exception_message')}")
    if result.success:
        return name, []
    positions = result.result.get("unexpected_index_list")
    if positions is None:
        return name, None  # a table-level expectation (e.g. the column set): no row is to blame alone
    positions = [int(p) for p in positions]
    if config.type == UNIQUE:
        positions = _keep_first_duplicates(positions, frame.column(config.kwargs["column"]).to_pylist())
    return name, positions


def to_gx_frame(frame: pa.Table) -> pd.DataFrame:
    """The batch as GX sees it: list columns become their lengths (null stays null).

    The suite only asks whether a list is null, and GX fingerprints every batch: with list cells it
    falls back to pickling the whole frame (1.3 s of 2.3 s for 20k events). Dates stay datetime.date,
    comparable with the declared date bounds. The RangeIndex is the row position in `frame`.
    """
    columns = [pc.list_value_length(c) if pa.types.is_list(c.type) else c for c in frame.columns]
    return pa.table(columns, names=frame.column_names).to_pandas(date_as_object=True)


def _run_suite(table: Table, frame: pa.Table) -> tuple[list[tuple[str, list[int] | None]], Any]:
    """(name and failing positions of each expectation, GX's result).

    First with the BASIC result format (counts and a few unexpected values: what the Data Docs show),
    which costs GX about two thirds of COMPLETE; only when an expectation fails is the suite run again
    with COMPLETE, for the positions of the failing rows. Most batches meet every expectation."""
    df = to_gx_frame(frame)
    with _gx_lock:
        batch_definition, suite = _validator(table)
        batch = batch_definition.get_batch(batch_parameters={"dataframe": df})
        outcome = batch.validate(suite, result_format={"result_format": "BASIC"})
        if not all(result.success for result in outcome.results):
            outcome = batch.validate(suite, result_format={"result_format": "COMPLETE"})
    return [_failures(result, frame) for result in outcome.results], outcome


def validate_batch(
    table: Table,
    frame: pa.Table,
    extra_checks: Sequence[RowCheck] = (),
    text_lengths: Mapping[str, int] | None = None,
) -> ValidationResult:
    """Split `frame` into the rows that meet `table`'s suite (and the extra checks) and those that don't.

    `text_lengths` ({doc_id: length of its text}) adds the `offsets_inside_text` check.
    """
    if table.name == "documents" and frame.num_rows:  # each batch with documents: documents come first
        fault_injection_point()
    if frame.num_rows == 0:
        return ValidationResult(frame, [], True, [])
    checks = list(extra_checks) + ([offsets_inside_text(text_lengths)] if text_lengths is not None else [])
    failures, outcome = _run_suite(table, frame)
    for check in checks:
        failures.extend((name, list(positions)) for name, positions in check(frame).items())

    failed_by_row: dict[int, list[str]] = {}
    failed_names = set()
    for name, positions in failures:
        if positions is None:  # the batch as a whole fails: every row carries the reason
            positions = list(range(frame.num_rows))
        for position in positions:
            failed_by_row.setdefault(position, []).append(name)
        if positions:
            failed_names.add(name)
    bad = sorted((position, sorted(set(names))) for position, names in failed_by_row.items())
    good_mask = pa.array([i not in failed_by_row for i in range(frame.num_rows)])
    return ValidationResult(
        good=frame.filter(good_mask),
        bad=bad,
        success=not failed_names,
        failed_expectations=sorted(failed_names),
        outcome=outcome,
    )


# --- the batch as a whole --------------------------------------------------------------------------


@dataclass(frozen=True)
class BatchVerdict:
    """Whether a batch may be loaded at all, and if not, why (in words and by expectation)."""

    load: bool  # False: nothing of the batch is loaded; its documents stay unknown, to be re-run later
    reason: str | None  # why the whole batch was refused, for `rejected` and the run summary
    failed_expectations: list[str]  # every expectation that failed on any row of the batch, sorted
    invalid_share: float  # failing rows / rows, over all tables of the batch


def parse_max_invalid_share(value: str | float | None) -> float:
    """The share of failing rows above which a batch is refused: a number in [0, 1] (default 0.5).

    >>> parse_max_invalid_share("0.2"), parse_max_invalid_share(None), parse_max_invalid_share("1")
    (0.2, 0.5, 1.0)
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return DEFAULT_MAX_INVALID_SHARE
    try:
        share = float(value)
    except ValueError:
        raise ValueError(f"{MAX_INVALID_SHARE_ENV} must be a number between 0 and 1, not {value!r}") from None
    if not 0.0 <= share <= 1.0:
        raise ValueError(f"{MAX_INVALID_SHARE_ENV} must be between 0 and 1, not {share:g}")
    return share


def judge_batch(
    results: Mapping[str, tuple[int, ValidationResult]], max_invalid_share: float = DEFAULT_MAX_INVALID_SHARE
) -> BatchVerdict:
    """Decide whether a validated batch is loaded (its good rows) or refused whole.

    `results` maps a table name to (rows validated, its ValidationResult). The batch is refused when a
    table does not have the declared columns (a schema mismatch: the batch came from code that does not
    match the warehouse), or when more than `max_invalid_share` of all its rows failed. A refused batch
    loads nothing: not its good rows, and not its documents, so the documents are not marked as done
    and a later run takes them again.
    """
    total = sum(rows for rows, _ in results.values())
    failing = sum(len(result.bad) for _, result in results.values())
    share = failing / total if total else 0.0
    failed = sorted({name for _, result in results.values() for name in result.failed_expectations})
    mismatched = [table for table, (_, result) in results.items() if COLUMN_SET in result.failed_expectations]
    if mismatched:
        reason = (
            f"batch refused: schema mismatch in {', '.join(sorted(mismatched))} (the columns are not the "
            f"declared ones); nothing of the batch was loaded, run it again once the code and warehouse agree"
        )
        return BatchVerdict(False, reason, failed, share)
    if share > max_invalid_share:
        reason = (
            f"batch refused: {failing} of {total} rows ({share:.0%}) failed validation, more than the "
            f"allowed {max_invalid_share:.0%} ({MAX_INVALID_SHARE_ENV}); failed: {', '.join(failed)}; "
            "nothing of the batch was loaded, its documents can be run again"
        )
        return BatchVerdict(False, reason, failed, share)
    return BatchVerdict(True, None, failed, share)


# --- fault injection (tests only) ------------------------------------------------------------------

# TIMELINE_FAULT_AFTER_BATCHES=N makes the validation of the (N+1)th batch that holds new documents stop
# the run: the N such batches before it are loaded (committed to the run's copy of the warehouse).
# TIMELINE_FAULT_ACTION says how:
#   pause  (default) create the file TIMELINE_FAULT_SIGNAL_FILE (if set) and wait until that file is
#          removed or TIMELINE_FAULT_PAUSE_SECONDS (default 600) have passed, then go on: a test kills the
#          process (SIGKILL) at a known point, or watches what others see while the run holds the
#          warehouse and then lets it finish;
#   kill   SIGKILL the process itself;
#   raise  raise InjectedFault (an ordinary failed run).
# Never set in production: unset, the hook costs one environment lookup per batch.
FAULT_AFTER_BATCHES_ENV = "TIMELINE_FAULT_AFTER_BATCHES"
FAULT_ACTION_ENV = "TIMELINE_FAULT_ACTION"
FAULT_SIGNAL_FILE_ENV = "TIMELINE_FAULT_SIGNAL_FILE"
FAULT_PAUSE_SECONDS_ENV = "TIMELINE_FAULT_PAUSE_SECONDS"
_batches_seen = 0


class InjectedFault(RuntimeError):
    """The failure TIMELINE_FAULT_ACTION=raise injects."""


def fault_injection_point() -> None:
    """Called once per batch with new documents, when its validation starts (batches of only unchanged
    documents do not count). Does nothing unless the test variables are set."""
    global _batches_seen
    after = os.environ.get(FAULT_AFTER_BATCHES_ENV)
    if not after:
        return
    _batches_seen += 1
    if _batches_seen != int(after) + 1:  # once per run: the batches after it go on as usual
        return
    action = os.environ.get(FAULT_ACTION_ENV, "pause")
    if action == "raise":
        raise InjectedFault(f"injected fault after {after} batches ({FAULT_AFTER_BATCHES_ENV})")
    if action == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    pause_at_fault()


def pause_at_fault() -> None:
    """Create TIMELINE_FAULT_SIGNAL_FILE (if set), then wait until it is removed or
    TIMELINE_FAULT_PAUSE_SECONDS (default 600) have passed."""
    signal_file = os.environ.get(FAULT_SIGNAL_FILE_ENV)
    if signal_file:
        with open(signal_file, "w", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()}\n")
    deadline = time.monotonic() + float(os.environ.get(FAULT_PAUSE_SECONDS_ENV, "600"))
    while time.monotonic() < deadline and (not signal_file or os.path.exists(signal_file)):
        time.sleep(0.05)


def rejections(table: Table, frame: pa.Table, result: ValidationResult) -> list[Rejection]:
    """The failing rows as `Rejection`s (stage "validate"), ready to become `rejected` rows."""
    key = table.primary_key or table.names[0]
    rows = frame.take([position for position, _ in result.bad]).to_pylist() if result.bad else []
    found = []
    for (_, names), row in zip(result.bad, rows, strict=True):
        record = {k: row.get(k) for k in (key, "doc_id", "char_start", "char_end", "sentence") if k in row}
        found.append(
            Rejection(
                source_name=str(row.get("source_name") or ""),
                stage="validate",
                reason=f"{table.name} row {row.get(key)!r} failed: {', '.join(names)}",
                source_key=row.get("source_key"),
                doc_id=row.get("doc_id"),
                detail=json.dumps(record, default=str, ensure_ascii=False),
            )
        )
    return found


__all__ = [
    "BatchVerdict",
    "InjectedFault",
    "RowCheck",
    "ValidationCrashed",
    "ValidationResult",
    "fault_injection_point",
    "judge_batch",
    "offsets_inside_text",
    "parse_max_invalid_share",
    "rejections",
    "validate_batch",
]
