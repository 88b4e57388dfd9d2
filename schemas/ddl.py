"""DuckDB DDL derived from `schemas.tables`, through the Arrow types of `schemas.arrow` (so the fields
of a struct such as the quantity are spelled out once)."""

from __future__ import annotations

import pyarrow as pa

from schemas.arrow import ARROW_TYPES
from schemas.tables import TABLES, Table

SCALARS = {
    pa.string(): "varchar",
    pa.int32(): "integer",
    pa.int64(): "bigint",
    pa.float64(): "double",
    pa.bool_(): "boolean",
    pa.date32(): "date",
    pa.timestamp("us"): "timestamp",
}


def duckdb_type(arrow_type: pa.DataType) -> str:
    """DuckDB's spelling of an Arrow type: `struct(value double, unit varchar)[]` for a list of structs."""
    if pa.types.is_list(arrow_type):
        return duckdb_type(arrow_type.value_type) + "[]"
    if pa.types.is_struct(arrow_type):
        fields = ", ".join(f"{f.name} {duckdb_type(f.type)}" for f in arrow_type)
        return f"struct({fields})"
    return SCALARS[arrow_type]


DUCKDB_TYPES = {name: duckdb_type(arrow_type) for name, arrow_type in ARROW_TYPES.items()}


def create_table_sql(table: Table) -> str:
    lines = []
    for c in table.columns:
        line = f"    {c.name} {DUCKDB_TYPES[c.type]}"
        if c.name == table.primary_key and table.key_constraint:
            line += " primary key"
        elif not c.nullable:
            line += " not null"
        lines.append(line)
    return f"create table {table.name} (\n" + ",\n".join(lines) + "\n);"


def schema_sql() -> str:
    """The whole current schema as DDL (what migrations must add up to)."""
    return "\n\n".join(create_table_sql(t) for t in TABLES) + "\n"
