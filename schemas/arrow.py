"""Arrow schemas derived from `schemas.tables`, and record → Arrow conversion."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pyarrow as pa

from schemas.tables import Table

# A count or amount stated with an event; `qualifier` is one of schemas.vocabulary.QUALIFIERS or null.
QUANTITY = pa.struct(
    [
        ("value", pa.float64()),
        ("unit", pa.string()),
        ("text", pa.string()),
        ("qualifier", pa.string()),
        ("what", pa.string()),
    ]
)
# A place as written and as the gazetteer resolves it (null fields: not resolved).
PLACE = pa.struct(
    [
        ("name", pa.string()),
        ("resolved", pa.string()),
        ("country_code", pa.string()),
        ("latitude", pa.float64()),
        ("longitude", pa.float64()),
    ]
)

ARROW_TYPES = {
    "varchar": pa.string(),
    "integer": pa.int32(),
    "bigint": pa.int64(),
    "double": pa.float64(),
    "boolean": pa.bool_(),
    "date": pa.date32(),
    "timestamp": pa.timestamp("us"),
    "list<varchar>": pa.list_(pa.string()),
    "list<quantity>": pa.list_(QUANTITY),
    "list<place>": pa.list_(PLACE),
}


def arrow_schema(table: Table) -> pa.Schema:
    return pa.schema([pa.field(c.name, ARROW_TYPES[c.type], nullable=c.nullable) for c in table.columns])


def to_arrow(table: Table, rows: Iterable[Mapping]) -> pa.Table:
    """Build an Arrow table from dict rows; missing keys become nulls, extra keys are ignored."""
    rows = list(rows)
    schema = arrow_schema(table)
    columns = {name: [r.get(name) for r in rows] for name in schema.names}
    # Nullability is checked by the expectation suite (so bad rows reach `rejected`), not here.
    loose = pa.schema([f.with_nullable(True) for f in schema])
    return pa.Table.from_pydict(columns, schema=loose)
