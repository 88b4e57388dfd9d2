"""Declarations of the warehouse tables. Change a column here and only here.

Types are a small vocabulary mapped to Arrow and DuckDB by `schemas.arrow` and `schemas.ddl`:
varchar, integer, bigint, double, boolean, date, timestamp, list<varchar>, list<quantity>, list<place>
(the two structs are spelled out in `schemas.arrow`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from schemas.ontology import EVENT_TYPES
from schemas.vocabulary import DATE_SOURCES, PRECISIONS, PUBLISHED_SOURCES, REJECTION_STAGES, STATUSES

SCHEMA_VERSION = 5

# Dates outside this window are not believable for a news/policy timeline: a sign of a misread number.
DATE_WINDOW = (dt.date(1900, 1, 1), dt.date(2100, 12, 31))


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    nullable: bool = True
    description: str = ""
    allowed: tuple[str, ...] | None = None  # the value set, when closed
    minimum: float | dt.date | None = None
    maximum: float | dt.date | None = None
    unique: bool = False
    since: int = 1  # the schema version (migration) that added the column


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    primary_key: str | None = None
    description: str = ""
    # Whether DuckDB enforces the key itself (a PRIMARY KEY constraint). Its index (ART) is held whole
    # in memory and never evicted: ~75 bytes a row. The loader keeps keys unique on its own (it inserts
    # only keys not yet present, and the batch suite expects them unique), so a table that grows with
    # the corpus can do without it and keep a run's memory flat; a small table keeps the safety net.
    key_constraint: bool = True

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


EVENTS = Table(
    "events",
    (
        Column("event_id", "varchar", False, "stable across re-runs for the same document text", unique=True),
        Column("doc_id", "varchar", False, "the document it came from"),
        Column("source_name", "varchar", False, "file name of the source document"),
        Column("language", "varchar", False, "ISO 639-1 code"),
        Column(
            "sentence", "varchar", False, "the evidence: the sentence stating the event (and maybe others)"
        ),
        Column("char_start", "integer", False, "offset of the evidence in the document text", minimum=0),
        Column("char_end", "integer", False, "end offset (exclusive) of the evidence", minimum=1),
        Column(
            "clause_start", "integer", False, "offset of the clause stating the event", minimum=0, since=4
        ),
        Column("clause_end", "integer", False, "end offset (exclusive) of that clause", minimum=0, since=4),
        Column("trigger_start", "integer", False, "offset of the trigger in the text", minimum=0, since=4),
        Column("trigger_end", "integer", False, "end offset (exclusive) of the trigger", minimum=0, since=4),
        Column(
            "status",
            "varchar",
            False,
            "happened, planned, negated (the text says it did not happen) or possible",
            allowed=STATUSES,
            since=4,
        ),
        Column("event_type", "varchar", False, "from the ontology in schemas/", allowed=EVENT_TYPES),
        Column("trigger", "varchar", False, "the word(s) that signal the event"),
        Column("date_text", "varchar", True, "the temporal expression the date came from"),
        Column("date_value", "varchar", True, "TIMEX3 value of that expression (2024-Q3, 2025-05, ...)"),
        Column(
            "date_start",
            "date",
            True,
            "first day of the period, inclusive",
            minimum=DATE_WINDOW[0],
            maximum=DATE_WINDOW[1],
        ),
        Column(
            "date_end",
            "date",
            True,
            "last day of the period, inclusive",
            minimum=DATE_WINDOW[0],
            maximum=DATE_WINDOW[1],
        ),
        Column("date_precision", "varchar", False, "granularity of the period", allowed=PRECISIONS),
        Column("date_source", "varchar", False, "where the date came from", allowed=DATE_SOURCES),
        Column("actors", "list<varchar>", False, "people, organisations, countries acting"),
        Column("locations", "list<varchar>", False, "places"),
        Column("places", "list<place>", False, "the locations resolved against the gazetteer", since=4),
        Column("quantities", "list<quantity>", False, "counts and amounts stated with the event"),
        Column("confidence", "double", False, "in [0, 1]", minimum=0.0, maximum=1.0),
        Column("extractor_version", "varchar", False, "version of the extraction rules"),
    ),
    primary_key="event_id",
    key_constraint=False,  # millions of rows: the index alone was 114 MB at 1.5M events
    description="One row per extracted event.",
)

DOCUMENTS = Table(
    "documents",
    (
        Column("doc_id", "varchar", False, "sha256 of the normalised text", unique=True),
        Column("source_name", "varchar", False, "file name of the source document"),
        Column("source_key", "varchar", False, "path (or path#record) the document was read from"),
        Column("title", "varchar", True, "headline or title"),
        Column("url", "varchar", True, "where the document was published"),
        Column("language", "varchar", False, "ISO 639-1 code"),
        Column(
            "published_start",
            "date",
            True,
            "first day of the document's own date",
            minimum=DATE_WINDOW[0],
            maximum=DATE_WINDOW[1],
        ),
        Column(
            "published_end",
            "date",
            True,
            "last day of the document's own date",
            minimum=DATE_WINDOW[0],
            maximum=DATE_WINDOW[1],
        ),
        Column(
            "published_precision", "varchar", False, "precision of the document's date", allowed=PRECISIONS
        ),
        Column("published_source", "varchar", False, "where the date was found", allowed=PUBLISHED_SOURCES),
        Column("char_count", "integer", False, "length of the text in characters", minimum=1),
        Column("content_sha256", "varchar", False, "sha256 of the raw input"),
        Column("ingested_at", "timestamp", False, "when the document was first loaded"),
        Column("extractor_version", "varchar", False, "version of the rules its events came from"),
        Column("text", "varchar", False, "the document text the offsets refer to"),
    ),
    primary_key="doc_id",
    description="One row per document.",
)

REJECTED = Table(
    "rejected",
    (
        Column(
            "rejected_id",
            "varchar",
            False,
            "hash of source, stage and reason: one row per distinct problem",
            unique=True,
        ),
        Column("run_id", "varchar", False, "the run that first met the problem"),
        Column("source_name", "varchar", False, "file (or file#record) concerned"),
        Column("source_key", "varchar", True, "path (or path#record)"),
        Column("doc_id", "varchar", True, "the document, when it was parsed"),
        Column(
            "stage",
            "varchar",
            False,
            "where it was rejected",
            allowed=REJECTION_STAGES,
        ),
        Column("reason", "varchar", False, "why, in words"),
        Column("detail", "varchar", True, "the failed expectation or the record"),
        Column("rejected_at", "timestamp", False, "when"),
    ),
    primary_key="rejected_id",
    description="Documents and records that could not be taken, with the reason.",
)

RUNS = Table(
    "runs",
    (
        Column("run_id", "varchar", False, "one row per flow run", unique=True),
        Column("started_at", "timestamp", False),
        Column("finished_at", "timestamp", True),
        Column(
            "status",
            "varchar",
            False,
            # loaded: the run's data is in the warehouse, but its Parquet export was not written (the
            # run was killed or failed after the warehouse swap); the next run or `timeline export`
            # brings the export up to date
            allowed=("running", "loaded", "completed", "completed_with_rejections", "failed"),
        ),
        Column("inputs", "varchar", True, "the paths the run read"),
        Column("extractor_version", "varchar", False),
        Column("documents_seen", "integer", False),
        Column("documents_skipped", "integer", False, "unchanged since an earlier run"),
        Column("documents_loaded", "integer", False),
        Column("documents_rejected", "integer", False),
        Column("events_loaded", "integer", False),
        Column("events_dated", "integer", False),
        Column("events_undated", "integer", False),
        Column("events_rejected", "integer", False),
        Column("validation_success", "boolean", True, "every batch met its expectations"),
        Column("seconds_ingest", "double", True),
        Column("seconds_extract", "double", True),
        Column("seconds_validate", "double", True),
        Column("seconds_load", "double", True),
        Column("seconds_export", "double", True),
        Column("seconds_total", "double", True),
        Column("failed_expectations", "list<varchar>", True, "expectations that failed on any row", since=2),
        Column("batches_refused", "integer", True, "batches not loaded at all (validation)", since=2),
        Column(
            "validation_docs",
            "list<varchar>",
            True,
            "Great Expectations Data Docs pages of the run's validation, relative to the data dir",
            since=5,
        ),
    ),
    primary_key="run_id",
    description="One row per flow run: counts, timings, validation outcome.",
)

TABLES = (DOCUMENTS, EVENTS, REJECTED, RUNS)
