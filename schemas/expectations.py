"""Great Expectations 1.x suites derived from the table declarations in `schemas.tables`.

Per table: the column set, not-null for non-nullable columns, unique for unique columns and the
primary key, values in the declared set, values within the declared bounds (numbers and dates),
and the row rules between two columns in `PAIR_RULES` (an event ends no earlier than it starts, its
clause lies inside its sentence).

Great Expectations takes ~5 s to import, so it is imported inside the functions, never at module
level: `import schemas` must stay cheap for the CLI.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from schemas.tables import Table

if TYPE_CHECKING:
    from great_expectations import ExpectationSuite


@dataclass(frozen=True)
class PairRule:
    """`a` >= `b` on every row where both are set (`or_equal=False`: strictly greater)."""

    a: str
    b: str
    or_equal: bool


# Rules between two columns of one row, per table. Nulls are left to the not-null expectations.
# An event's clause is a non-empty stretch inside its evidence (the sentence); its trigger's span may be
# empty (an extractor that cannot place the trigger says so with an empty span, not a made-up one).
PAIR_RULES: dict[str, tuple[PairRule, ...]] = {
    "events": (
        PairRule("date_end", "date_start", True),
        PairRule("char_end", "char_start", False),
        PairRule("clause_end", "clause_start", False),
        PairRule("clause_start", "char_start", True),
        PairRule("char_end", "clause_end", True),
        PairRule("trigger_end", "trigger_start", True),
    ),
    "documents": (PairRule("published_end", "published_start", True),),
    "runs": (PairRule("finished_at", "started_at", True),),
}


def import_gx() -> Any:
    """Import Great Expectations offline and without its usage statistics."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx

    return gx


def expectation_name(config: Any) -> str:
    """A readable, stable name for an expectation: its type and the column(s) it is about.

    `expect_column_values_to_be_between(confidence)`, `expect_column_pair_values_a_to_be_greater_than_b
    (date_end, date_start)`, `expect_table_columns_to_match_set`. Works on expectations and configurations.
    """
    kwargs = config.kwargs if hasattr(config, "kwargs") else config.configuration.kwargs
    kind = config.type if hasattr(config, "type") else config.expectation_type
    columns = [kwargs[k] for k in ("column", "column_A", "column_B") if kwargs.get(k) is not None]
    return f"{kind}({', '.join(columns)})" if columns else kind


def column_expectations(table: Table) -> list[Any]:
    """One expectation per declared property of each column."""
    gxe = import_gx().expectations
    found: list[Any] = []
    for column in table.columns:
        name = column.name
        if not column.nullable:
            found.append(gxe.ExpectColumnValuesToNotBeNull(column=name))
        if column.unique or name == table.primary_key:
            found.append(gxe.ExpectColumnValuesToBeUnique(column=name))
        if column.allowed is not None:
            found.append(gxe.ExpectColumnValuesToBeInSet(column=name, value_set=list(column.allowed)))
        if column.minimum is not None or column.maximum is not None:
            # Nulls are not judged here (GX skips them in map expectations): not-null says if they may be.
            found.append(
                gxe.ExpectColumnValuesToBeBetween(
                    column=name, min_value=column.minimum, max_value=column.maximum
                )
            )
    return found


def pair_expectations(table: Table) -> list[Any]:
    gxe = import_gx().expectations
    return [
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A=rule.a, column_B=rule.b, or_equal=rule.or_equal, ignore_row_if="either_value_is_missing"
        )
        for rule in PAIR_RULES.get(table.name, ())
        if rule.a in table.names and rule.b in table.names
    ]


def table_expectations(table: Table) -> list[Any]:
    gxe = import_gx().expectations
    return [gxe.ExpectTableColumnsToMatchSet(column_set=table.names, exact_match=True)]


def build_suite(table: Table) -> ExpectationSuite:
    """The ExpectationSuite for `table`, named after it. It belongs to no context until one adds it."""
    gx = import_gx()
    expectations = table_expectations(table) + column_expectations(table) + pair_expectations(table)
    # Passed to the constructor, not add_expectation(): that one needs an active context to save into.
    suite = gx.ExpectationSuite(name=f"{table.name}_suite", expectations=expectations)
    if len(suite.expectations) != len(expectations):  # the constructor logs and drops invalid ones
        raise ValueError(f"{table.name}: an expectation derived from the declaration is invalid")
    return suite
