"""What the HTML report shows, read from the warehouse (read-only): events, documents, rejections, the
last run and the events per month and type. Plain Python values out; rendering is `flows.report`'s.

Events come as rows of a fixed column order (`EVENT_FIELDS`), not dicts: 100,000 events are read,
serialised and parsed by the page as arrays, which is several times smaller and faster than objects.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

# The order of an event row in ReportData.events (the page's script reads them by these names).
EVENT_FIELDS = (
    "date_start",
    "date_end",
    "precision",
    "type",
    "status",
    "actors",
    "locations",
    "quantities",
    "sentence",
    "date_text",
    "trigger",
    "doc",  # index into ReportData.documents
    "language",
    "date_source",
)

DOCUMENT_FIELDS = ("source_name", "title", "url", "source_key", "language", "published", "events")

# The `rejected` rows shown (the most recent first); the report says how many there are in all.
MAX_REJECTED = 2000


class NoWarehouse(FileNotFoundError):
    """There is no warehouse file to report on yet."""


@dataclass
class ReportData:
    events_json: str = "[]"  # a JSON array of the events, each an array in EVENT_FIELDS order
    events_total: int = 0
    events_dated: int = 0
    documents: list[list[Any]] = field(default_factory=list)  # rows in DOCUMENT_FIELDS order
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)  # filter values and counts
    rejected: list[dict[str, Any]] = field(default_factory=list)  # the newest MAX_REJECTED
    rejected_total: int = 0
    last_run: dict[str, Any] | None = None
    # (run_id, Data Docs pages) of the newest run that validated anything (an unchanged re-run does not)
    last_validation: tuple[str, list[str]] | None = None
    monthly: list[tuple[str, str, int]] = field(default_factory=list)  # (YYYY-MM, event_type, count)


def iso(value: dt.date | dt.datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def published_text(start: dt.date | None, end: dt.date | None) -> str | None:
    """The document's own date as a person reads it: a day, or first..last day."""
    if start is None:
        return None
    return start.isoformat() if start == end or end is None else f"{start.isoformat()}..{end.isoformat()}"


# The documents in report order; an event names its document by this position.
NUMBERED_DOCUMENTS = """
select doc_id, (row_number() over (order by source_name, doc_id) - 1)::integer as doc
from documents
"""

# Each event as a JSON array, made by DuckDB: 100,000 events in half a second, without a Python object
# per value.
EVENTS_SQL = f"""
with numbered as ({NUMBERED_DOCUMENTS})
select json_array(
    cast(e.date_start as varchar), cast(e.date_end as varchar), e.date_precision, e.event_type, e.status,
    e.actors, e.locations, [q.text for q in e.quantities], e.sentence, e.date_text, e.trigger, n.doc,
    e.language, e.date_source)::varchar
from events as e join numbered as n using (doc_id)
order by e.date_start nulls last, e.date_end, e.doc_id, e.char_start, e.clause_start, e.event_id
"""

DOCUMENTS_SQL = """
select d.source_name, d.title, d.url, d.source_key, d.language, d.published_start, d.published_end,
       coalesce(n.events, 0)
from documents as d
left join (select doc_id, count(*) as events from events group by doc_id) as n using (doc_id)
order by d.source_name, d.doc_id
"""

MONTHLY_SQL = """
select strftime(month, '%Y-%m'), event_type, sum(count)::bigint
from monthly_event_counts group by 1, 2 order by 1, 2
"""

# What the filters offer: every type, status and language; the most frequent actors and places.
FACETS_SQL = {
    "type": "select event_type, count(*) from events group by 1 order by 1",
    "status": "select status, count(*) from events group by 1 order by 1",
    "language": "select language, count(*) from events group by 1 order by 1",
    "actor": "select a, count(*) from (select unnest(actors) as a from events) group by 1 order by 2 desc, 1 limit ?",
    "place": "select p, count(*) from (select unnest(locations) as p from events) group by 1 order by 2 desc, 1 limit ?",
}
MAX_SUGGESTIONS = 400


def read_report(database: Path) -> ReportData:
    """Everything the report shows, read from the warehouse at `database` opened read-only."""
    if not Path(database).is_file():
        raise NoWarehouse(f"no warehouse at {database}")
    con = duckdb.connect(str(database), read_only=True)
    try:
        return read_report_from(con)
    finally:
        con.close()


def read_report_from(con: duckdb.DuckDBPyConnection) -> ReportData:
    """The same through an open connection (a run's own, while it still holds the warehouse: a
    second connection would clash with the next run opening the file)."""
    events = [row[0] for row in con.execute(EVENTS_SQL).fetchall()]
    total, dated = con.execute("select count(*), count(date_start) from events").fetchone()
    documents = [
        [name, title, url, key, language, published_text(start, end), n]
        for name, title, url, key, language, start, end, n in con.execute(DOCUMENTS_SQL).fetchall()
    ]
    return ReportData(
        events_json="[" + ",".join(events) + "]",
        events_total=total,
        events_dated=dated,
        documents=documents,
        facets={
            name: con.execute(sql, [MAX_SUGGESTIONS] if "?" in sql else []).fetchall()
            for name, sql in FACETS_SQL.items()
        },
        rejected=_rejected(con),
        rejected_total=con.execute("select count(*) from rejected").fetchone()[0],
        last_run=_last_run(con),
        last_validation=con.execute(
            "select run_id, validation_docs from runs where len(validation_docs) > 0 "
            "order by started_at desc limit 1"
        ).fetchone(),
        monthly=con.execute(MONTHLY_SQL).fetchall(),
    )


def _rejected(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    cursor = con.execute(
        "select source_name, stage, reason, rejected_at from rejected "
        "order by rejected_at desc, source_name limit ?",
        [MAX_REJECTED],
    )
    names = [d[0] for d in cursor.description]
    return [
        {k: iso(v) if isinstance(v, dt.datetime) else v for k, v in zip(names, row, strict=True)}
        for row in cursor.fetchall()
    ]


def _last_run(con: duckdb.DuckDBPyConnection) -> dict[str, Any] | None:
    cursor = con.execute("select * from runs order by started_at desc limit 1")
    row = cursor.fetchone()
    if row is None:
        return None
    names = [d[0] for d in cursor.description]
    return {
        k: iso(v) if isinstance(v, (dt.date, dt.datetime)) else v for k, v in zip(names, row, strict=True)
    }
