"""The one source of truth for the warehouse tables: each column declared once.

The pyarrow schemas (`schemas.arrow`), the DuckDB DDL (`schemas.ddl`) and the Great
Expectations suites (`schemas.expectations`) are all derived from `schemas.tables`.
"""

from schemas.ontology import EVENT_TYPES
from schemas.tables import DOCUMENTS, EVENTS, REJECTED, RUNS, SCHEMA_VERSION, TABLES, Column, Table

__all__ = [
    "DOCUMENTS",
    "EVENTS",
    "EVENT_TYPES",
    "REJECTED",
    "RUNS",
    "SCHEMA_VERSION",
    "TABLES",
    "Column",
    "Table",
]
