"""DuckDB DDL derived from `schemas.tables`."""

from __future__ import annotations

from schemas.tables import TABLES, Table

DUCKDB_TYPES = {
    "varchar": "varchar",
    "integer": "integer",
    "bigint": "bigint",
    "double": "double",
    "boolean": "boolean",
    "date": "date",
    "timestamp": "timestamp",
    "list<varchar>": "varchar[]",
    "list<quantity>": "struct(value double, unit varchar, text varchar)[]",
}


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
