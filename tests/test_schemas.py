"""The expectation suites derived from the table declarations."""

from __future__ import annotations

import subprocess
import sys

import pytest

from schemas.arrow import ARROW_TYPES, arrow_schema
from schemas.ddl import DUCKDB_TYPES
from schemas.expectations import PAIR_RULES, build_suite, expectation_name
from schemas.tables import EVENTS, TABLES, Table
from schemas.vocabulary import STATUSES


def names(table: Table) -> list[str]:
    return [expectation_name(e) for e in build_suite(table).expectations]


def test_events_suite_holds_every_declared_rule() -> None:
    found = names(EVENTS)
    assert found[0] == "expect_table_columns_to_match_set"
    for column in (
        "event_id",
        "doc_id",
        "sentence",
        "trigger",
        "actors",
        "quantities",
        "extractor_version",
        "status",
        "clause_start",
        "clause_end",
        "trigger_start",
        "trigger_end",
        "places",
    ):
        assert f"expect_column_values_to_not_be_null({column})" in found
    for column in ("date_text", "date_value", "date_start", "date_end"):
        assert f"expect_column_values_to_not_be_null({column})" not in found
    assert "expect_column_values_to_be_unique(event_id)" in found
    for column in ("event_type", "date_precision", "date_source", "status"):
        assert f"expect_column_values_to_be_in_set({column})" in found
    for column in (
        "char_start",
        "char_end",
        "confidence",
        "date_start",
        "date_end",
        "clause_start",
        "clause_end",
        "trigger_start",
        "trigger_end",
    ):
        assert f"expect_column_values_to_be_between({column})" in found
    pair = "expect_column_pair_values_a_to_be_greater_than_b"
    assert found[-6:] == [
        f"{pair}(date_end, date_start)",
        f"{pair}(char_end, char_start)",
        f"{pair}(clause_end, clause_start)",
        f"{pair}(clause_start, char_start)",
        f"{pair}(char_end, clause_end)",
        f"{pair}(trigger_end, trigger_start)",
    ]


def test_suite_parameters_come_from_the_declaration() -> None:
    by_name = {expectation_name(e): e for e in build_suite(EVENTS).expectations}
    assert set(by_name["expect_table_columns_to_match_set"].column_set) == set(EVENTS.names)
    confidence = by_name["expect_column_values_to_be_between(confidence)"]
    assert (confidence.min_value, confidence.max_value) == (0.0, 1.0)
    assert set(by_name["expect_column_values_to_be_in_set(event_type)"].value_set) == set(
        EVENTS.column("event_type").allowed or ()
    )
    date_order = by_name["expect_column_pair_values_a_to_be_greater_than_b(date_end, date_start)"]
    assert date_order.or_equal is True
    assert by_name["expect_column_pair_values_a_to_be_greater_than_b(char_end, char_start)"].or_equal is False
    assert set(by_name["expect_column_values_to_be_in_set(status)"].value_set) == set(STATUSES)
    for column in ("clause_start", "clause_end", "trigger_start", "trigger_end"):
        bounds = by_name[f"expect_column_values_to_be_between({column})"]
        assert (bounds.min_value, bounds.max_value) == (0, None), column
    # a clause is never empty; a trigger's span may be (an extractor that cannot place it)
    pair = "expect_column_pair_values_a_to_be_greater_than_b"
    assert by_name[f"{pair}(clause_end, clause_start)"].or_equal is False
    assert by_name[f"{pair}(trigger_end, trigger_start)"].or_equal is True


def test_arrow_and_duckdb_types_are_derived_from_one_struct_declaration() -> None:
    assert arrow_schema(EVENTS).field("quantities").type.value_type.names == [
        "value",
        "unit",
        "text",
        "qualifier",
        "what",
    ]
    assert DUCKDB_TYPES["list<quantity>"] == (
        "struct(value double, unit varchar, text varchar, qualifier varchar, what varchar)[]"
    )
    assert DUCKDB_TYPES["list<place>"] == (
        "struct(name varchar, resolved varchar, country_code varchar, latitude double, longitude double)[]"
    )
    declared = {c.type for t in TABLES for c in t.columns}
    assert declared <= set(ARROW_TYPES) == set(DUCKDB_TYPES)


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_every_table_gets_one_expectation_per_declared_property(table: Table) -> None:
    expected = 1  # the column set
    for column in table.columns:
        expected += (not column.nullable) + (column.unique or column.name == table.primary_key)
        expected += (column.allowed is not None) + (column.minimum is not None or column.maximum is not None)
    expected += len(PAIR_RULES.get(table.name, ()))
    assert len(build_suite(table).expectations) == expected
    assert len(set(names(table))) == expected  # names are unique: they identify a failure


def test_importing_schemas_does_not_import_great_expectations() -> None:
    # GX takes ~5 s to import: the CLI must not pay for it at start-up.
    code = "import sys, schemas, schemas.expectations; print('great_expectations' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
