"""The Parquet export: the interchange BI tools, pandas, Spark and DuckDB read (see the contract).

Layout of `exports_dir`:

    events -> .versions/events-<stamp>        a symlink, swapped atomically by os.replace
    .versions/events-<stamp>/<stamp>/year=2024/month=3/data_0.parquet
    .versions/events-<stamp>/<stamp>/year=__HIVE_DEFAULT_PARTITION__/month=__HIVE_DEFAULT_PARTITION__/...
    documents.parquet                         replaced atomically by os.replace

The export is derived state that repairs itself. `.state.json` records what it was written from:
the column layout and, per (year, month) partition and for the documents, a fingerprint of the
rows as exported (their count and an order-free hash of their values). Each export compares the
warehouse's fingerprints with these and writes again only the partitions that differ (and
documents.parquet when the documents differ); the others are hard links to the previous version's
files (same bytes, no copy). An export that is up to date writes nothing. So an export that fell
behind (a run killed, or out of disk, after the warehouse was swapped in and before the export
was), or was edited by hand, is brought up to date by the next run, whatever that run loads; a
missing or unreadable state, or another layout (a migration, a new release), makes it whole.

Readers never see a half-written export: each export is written into a new version directory and
only then does `events` point at it. The previous version is kept until the next export, so a reader
that resolved the old link just before the swap can finish; older versions are removed.

Why the `<stamp>` level under each version: a reader that globs `events/**/*.parquet` walks the
tree one directory at a time, and each step resolves the `events` link again. A walk that straddles
a swap would otherwise list the old version's partitions and then read the new version's files, a
mix of two exports. With every path below `events/` naming its export, a step taken after the swap
on a path listed before it finds nothing there (an error the reader can retry), never the other
export's files. Hive readers (DuckDB, pyarrow, Spark) ignore a directory level without `=`. Undated
events sit in Hive's null partition, which DuckDB, pyarrow and Spark all read back as NULL.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import time
import uuid
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

# The contract's event columns in the contract's order, then the extras (the contract allows added columns).
CONTRACT_EVENT_COLUMNS = (
    "event_id", "doc_id", "source_name", "language", "sentence", "char_start", "char_end", "clause_start",
    "clause_end", "trigger_start", "trigger_end", "status", "event_type", "trigger", "date_text", "date_start",
    "date_end", "date_precision", "date_source", "actors", "locations", "quantities", "confidence",
    "extractor_version",
)  # fmt: skip
EXTRA_EVENT_COLUMNS = ("date_value", "quantity_details", "places")
EVENT_COLUMNS = CONTRACT_EVENT_COLUMNS + EXTRA_EVENT_COLUMNS
# Export columns that are not the warehouse column of that name. The contract types `quantities` as
# LIST(STRUCT(value, unit, text)): it keeps that type, and the warehouse's quantities with their
# qualifier ("more than") and what is counted go out whole as `quantity_details`.
EVENT_EXPRESSIONS = {
    "quantities": "list_transform(quantities, lambda q: case when q is not null then "
    "struct_pack(value := q['value'], unit := q['unit'], text := q['text']) end)",
    "quantity_details": "quantities",
}
DOCUMENT_COLUMNS = (
    "doc_id", "source_name", "title", "language", "published_start", "published_end", "published_precision",
    "published_source", "char_count", "content_sha256", "ingested_at",
)  # fmt: skip
VERSIONS = ".versions"
NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"
STATE = ".state.json"
Partition = tuple[int | None, int | None]


def _connection(con_or_warehouse: Any) -> duckdb.DuckDBPyConnection:
    return getattr(con_or_warehouse, "con", con_or_warehouse)


def _quote(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _copied(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    row = con.execute(sql).fetchone()
    return int(row[0]) if row else 0


# Rows per Arrow batch streamed from DuckDB into the Parquet files. The sort of all events is the
# largest thing a run holds, so it runs on one DuckDB thread with small batches: on 1.53M events that
# took the export's peak from 436 MB above the process's base to 325 MB, in the same 7 s (the writing,
# not the sort, sets the pace).
EXPORT_BATCH_ROWS = 16_384
EXPORT_THREADS = 1
# Partition files written at once (`PartitionWriters`).
EXPORT_WRITERS = 2


def partition_dir(target: Path, year: int | None, month: int | None) -> Path:
    """Hive's directory for a partition; NULL is Hive's default partition (undated events)."""
    return (
        target
        / f"year={NULL_PARTITION if year is None else year}"
        / (f"month={NULL_PARTITION if month is None else month}")
    )


def event_select_list() -> str:
    """The export's columns as a select list, in EVENT_COLUMNS order."""
    return ", ".join(
        f"{EVENT_EXPRESSIONS[name]} as {name}" if name in EVENT_EXPRESSIONS else name
        for name in EVENT_COLUMNS
    )


def event_layout(con: duckdb.DuckDBPyConnection) -> str:
    """The names and types of the exported event columns: partitions written under another layout (before
    a migration, or by older code) are not reused, so an export never mixes two."""
    described = con.execute(f"describe select {event_select_list()} from events").fetchall()
    return "; ".join(f"{row[0]} {row[1]}" for row in described)


def write_events(con: duckdb.DuckDBPyConnection, target: Path, only: set[Partition] | None = None) -> int:
    """Write the events, hive-partitioned by year and month of date_start, into the new dir `target`
    (only the partitions in `only`, when given): one `data_0.parquet` per partition.

    Why not DuckDB's `COPY ... (partition_by ...)`: it holds state for every partition of the run at
    once, about half a MB each whatever their size, so its memory grew with the number of months
    the events span (2,400 partitions needed a memory_limit of 2 GiB, 440 partitions of 30,000
    events failed under 256 MiB). Here the rows come sorted by date, so each partition arrives
    whole, one after another, and is written when it is (`PartitionWriters`): memory is a few batches."""
    cols = event_select_list()
    where = ""
    if only is not None:
        con.register(
            "export_partitions",
            pa.table(
                {
                    "y": pa.array([y for y, _ in only], pa.int64()),
                    "m": pa.array([m for _, m in only], pa.int64()),
                }
            ),
        )
        where = (
            "where exists (select 1 from export_partitions as p where p.y is not distinct from "
            "year(date_start) and p.m is not distinct from month(date_start))"
        )
    rows = 0
    threads = con.execute("select current_setting('threads')").fetchone()[0]
    con.execute(f"set threads = {EXPORT_THREADS}")
    try:
        reader = con.execute(
            f"select {cols}, year(date_start) as year, month(date_start) as month from events {where} "
            "order by date_start, doc_id, char_start, clause_start, event_id"
        ).to_arrow_reader(EXPORT_BATCH_ROWS)
        with PartitionWriters(target) as writers:
            for batch in reader:
                keys = list(
                    zip(batch.column("year").to_pylist(), batch.column("month").to_pylist(), strict=True)
                )
                data = batch.drop_columns(["year", "month"])
                start = 0
                while start < len(keys):
                    stop = start
                    while stop < len(keys) and keys[stop] == keys[start]:
                        stop += 1
                    writers.add(keys[start], data.slice(start, stop - start))
                    rows += stop - start
                    start = stop
    finally:
        con.execute(f"set threads = {threads}")
        if only is not None:
            con.unregister("export_partitions")
    if only is not None:
        return rows
    if rows == 0:
        # No events: an empty file keeps `events/**/*.parquet` readable, with the right columns.
        empty = partition_dir(target, None, None)
        empty.mkdir(parents=True, exist_ok=True)
        con.execute(
            f"copy (select {cols} from events where false) "
            f"to {_quote(empty / 'data_0.parquet')} (format parquet)"
        )
    return rows


class PartitionWriters:
    """Writes the partitions of rows that arrive sorted by partition, one file each, two at a time.

    A Parquet file costs about a millisecond of its own (40 columns, nested ones counted by their
    fields) whatever its rows, and most of it outside the GIL: with a partition per month, that cost is
    most of an export, and a second thread takes ~40% off it. A partition is handed to a thread once it
    is whole; one larger than a batch is written here, as it arrives, so memory stays a few batches."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self.pool = ThreadPoolExecutor(EXPORT_WRITERS, thread_name_prefix="export")
        self.pending: deque[Future] = deque()
        self.key: Partition | None = None
        self.parts: list[pa.RecordBatch] = []
        self.held = 0  # rows in self.parts
        self.writer: pq.ParquetWriter | None = None  # the current partition's, once it outgrew a batch

    def add(self, key: Partition, rows: pa.RecordBatch) -> None:
        """The next rows, all of partition `key` (a partition's rows arrive one after another)."""
        if key != self.key:
            self.finish()
            self.key = key
        if self.writer is None and self.held + rows.num_rows > EXPORT_BATCH_ROWS:
            self.writer = self.open(key, rows.schema)
            for part in self.parts:
                self.writer.write_batch(part)
            self.parts, self.held = [], 0
        if self.writer is not None:
            self.writer.write_batch(rows)
        else:
            self.parts.append(rows)
            self.held += rows.num_rows

    def finish(self) -> None:
        """The current partition is whole: close its file, or hand its rows to a thread."""
        if self.writer is not None:
            self.writer.close()
            self.writer = None
        elif self.parts:
            while len(self.pending) >= 2 * EXPORT_WRITERS:  # a bound on the rows waiting to be written
                self.pending.popleft().result()
            self.pending.append(self.pool.submit(self.write, self.key, self.parts))
        self.parts, self.held = [], 0

    def open(self, key: Partition, schema: pa.Schema) -> pq.ParquetWriter:
        directory = partition_dir(self.target, *key)
        directory.mkdir(parents=True, exist_ok=True)
        return pq.ParquetWriter(directory / "data_0.parquet", schema)

    def write(self, key: Partition, parts: list[pa.RecordBatch]) -> None:
        with self.open(key, parts[0].schema) as writer:
            for part in parts:
                writer.write_batch(part)

    def __enter__(self) -> PartitionWriters:
        return self

    def __exit__(self, kind, error, trace) -> None:
        try:
            if kind is None:
                self.finish()
                while self.pending:  # every file written (or its error raised) before the export goes on
                    self.pending.popleft().result()
        finally:
            if self.writer is not None:
                self.writer.close()
            self.pool.shutdown(wait=True, cancel_futures=True)


def write_documents(con: duckdb.DuckDBPyConnection, target: Path) -> int:
    cols = ", ".join(DOCUMENT_COLUMNS)
    return _copied(
        con, f"copy (select {cols} from documents order by doc_id) to {_quote(target)} (format parquet)"
    )


def swap_link(link: Path, target: Path) -> Path | None:
    """Point the symlink `link` at `target` atomically; return the directory it pointed at before."""
    previous: Path | None = None
    if link.is_symlink():
        previous = link.parent / os.readlink(link)
    elif link.exists():
        # An export from before versioning: a plain directory. Move it aside once (not atomic, once).
        previous = target.parent / f"events-legacy-{uuid.uuid4().hex[:8]}"
        os.rename(link, previous)
    temporary = link.with_name(f".{link.name}-{uuid.uuid4().hex[:8]}.link")
    os.symlink(os.path.relpath(target, link.parent), temporary)
    os.replace(temporary, link)
    return previous


def prune_versions(versions: Path, keep: set[Path]) -> list[Path]:
    """Remove the version directories not in `keep`; return what was removed."""
    kept = {k.resolve() for k in keep}
    removed = []
    for version in versions.iterdir():
        if version.resolve() not in kept:
            shutil.rmtree(version, ignore_errors=True)
            removed.append(version)
    return removed


def data_root(version: Path) -> Path:
    """The directory holding a version's `year=` partitions: its one `<stamp>` child (a version
    written before that level existed holds them itself)."""
    if any(version.glob("year=*")):
        return version
    children = [c for c in version.iterdir() if c.is_dir() and not c.name.startswith(".")]
    return children[0] if len(children) == 1 else version


def partition_of(directory: Path) -> Partition:
    """(year, month) of a `year=2024/month=3` directory; None for Hive's null partition."""

    def value(part: str) -> int | None:
        raw = part.split("=", 1)[1]
        return None if raw == NULL_PARTITION else int(raw)

    return value(directory.parent.name), value(directory.name)


def link_partitions(previous: Path, target: Path, skip: set[Partition]) -> int:
    """Hard-link (copy where links are not possible) the previous version's partitions not in `skip`."""
    linked = 0
    for part in sorted(previous.glob("year=*/month=*")):
        if partition_of(part) in skip:
            continue
        dest = target / part.parent.name / part.name
        dest.mkdir(parents=True, exist_ok=True)
        for file in part.iterdir():
            try:
                os.link(file, dest / file.name)
            except OSError:
                shutil.copy2(file, dest / file.name)
        linked += 1
    return linked


def read_state(exports_dir: Path) -> dict:
    try:
        state = json.loads((exports_dir / STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def write_state(exports_dir: Path, state: dict) -> None:
    """Record what the export was written from (see the module's docstring), atomically."""
    temporary = exports_dir / f".state-{uuid.uuid4().hex[:8]}.json"
    temporary.write_text(json.dumps(state), encoding="utf-8")
    os.replace(temporary, exports_dir / STATE)


def partition_key(partition: Partition) -> str:
    year, month = partition
    return f"{year}-{month}"


def fingerprint_sql(columns: list[str]) -> str:
    """count and an order-free hash of the rows' values: equal rows give equal fingerprints, in any order
    (keys are unique, so no two rows cancel out)."""
    return f"count(*)::varchar || ':' || bit_xor(hash({', '.join(columns)}))::varchar"


def fingerprints(con: duckdb.DuckDBPyConnection) -> tuple[dict[str, str], str]:
    """({partition key: fingerprint} of the events as exported, fingerprint of the documents as exported).
    One scan of each table (about 0.3 s for 1.5M events)."""
    event_values = [EVENT_EXPRESSIONS.get(name, name) for name in EVENT_COLUMNS]
    rows = con.execute(
        f"select year(date_start), month(date_start), {fingerprint_sql(event_values)} from events group by all"
    ).fetchall()
    partitions = {partition_key((year, month)): value for year, month, value in rows}
    (documents,) = con.execute(f"select {fingerprint_sql(list(DOCUMENT_COLUMNS))} from documents").fetchone()
    return partitions, documents


def partitions_to_write(
    state: dict, current: Path, wanted: dict[str, str]
) -> tuple[set[Partition], set[Partition]] | None:
    """(partitions to write, partitions of the current export to leave out), or None when the current
    export cannot be extended (no state of this form): then it is written whole."""
    recorded = state.get("partitions")
    if not isinstance(recorded, dict):
        return None
    present = {partition_of(d) for d in data_root(current).glob("year=*/month=*")}
    by_key = {partition_key(p): p for p in present}
    write = {
        parse_partition_key(key)
        for key, value in wanted.items()
        if recorded.get(key) != value or key not in by_key
    }
    stale = {p for key, p in by_key.items() if key not in wanted}
    return write, stale


def parse_partition_key(key: str) -> Partition:
    year, month = key.split("-")
    return (None if year == "None" else int(year)), (None if month == "None" else int(month))


def export_parquet(
    con_or_warehouse: Any, exports_dir: Path, run_id: str | None = None, full: bool = False
) -> dict[str, Any]:
    """Bring `events/` (hive-partitioned Parquet) and `documents.parquet` in exports_dir up to date with
    the warehouse, atomically (see the module's docstring); `full`: write everything again.

    Takes a DuckDB connection or a `Warehouse`; `run_id` is recorded in the state. Returns the rows
    written, the version's directory, the partitions written and how (`mode`: unchanged, partitions
    or full).
    """
    con = _connection(con_or_warehouse)
    exports_dir = Path(exports_dir)
    versions = exports_dir / VERSIONS
    versions.mkdir(parents=True, exist_ok=True)
    link = exports_dir / "events"
    current = link.parent / os.readlink(link) if link.is_symlink() else None
    layout = event_layout(con)
    wanted, documents_print = fingerprints(con)
    state = read_state(exports_dir)
    new_state = {"run_id": run_id, "layout": layout, "partitions": wanted, "documents": documents_print}
    plan = None
    if not full and current is not None and current.is_dir() and state.get("layout") == layout:
        plan = partitions_to_write(state, current, wanted)
    documents_current = (exports_dir / "documents.parquet").exists() and state.get(
        "documents"
    ) == documents_print
    if plan is not None and not plan[0] and not plan[1] and documents_current:
        write_state(exports_dir, new_state)
        return {"mode": "unchanged", "events": 0, "documents": 0, "events_dir": str(current), "partitions": 0}

    stamp = f"{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"
    events_dir = versions / f"events-{stamp}"
    data_dir = events_dir / stamp  # see the module's docstring: every path names its export
    documents_tmp = exports_dir / f".documents-{stamp}.parquet"
    documents = 0
    try:
        events_dir.mkdir()  # the new version's own directory: an error, not a mix, if the name were taken
        if plan is not None and current is not None:
            write, stale = plan
            events = write_events(con, data_dir, only=write) if write else 0
            data_dir.mkdir(parents=True, exist_ok=True)
            link_partitions(data_root(current), data_dir, skip=write | stale)
            if not any(data_dir.glob("year=*/month=*/*.parquet")):
                shutil.rmtree(data_dir)
                write_events(con, data_dir)  # no events left at all: the empty file
        else:
            events = write_events(con, data_dir)
        if not documents_current or plan is None:
            documents = write_documents(con, documents_tmp)
        fault_before_export_swap()
    except BaseException:
        # Nothing was swapped in: remove the partial new version, readers keep the old one.
        shutil.rmtree(events_dir, ignore_errors=True)
        documents_tmp.unlink(missing_ok=True)
        raise
    previous = swap_link(link, events_dir)
    if documents_tmp.exists():
        os.replace(documents_tmp, exports_dir / "documents.parquet")
    write_state(exports_dir, new_state)
    prune_versions(versions, {events_dir} | ({previous} if previous else set()))
    return {
        "mode": "partitions" if plan is not None else "full",
        "events": events,
        "documents": documents,
        "events_dir": str(events_dir),
        "partitions": len(plan[0]) if plan is not None else sum(1 for _ in data_dir.glob("year=*/month=*")),
    }


# --- fault injection (tests only) ------------------------------------------------------------------

# TIMELINE_FAULT_BEFORE_EXPORT=kill|enospc|pause acts when the new export is written and not yet
# swapped in (in a run: after the warehouse file was): `kill` SIGKILLs the process, `enospc` raises
# the OSError of a full disk, `pause` creates TIMELINE_FAULT_SIGNAL_FILE and waits until it is removed
# (TIMELINE_FAULT_PAUSE_SECONDS at most). Never set in production: unset, it costs one lookup.
FAULT_BEFORE_EXPORT_ENV = "TIMELINE_FAULT_BEFORE_EXPORT"


def fault_before_export_swap() -> None:
    action = os.environ.get(FAULT_BEFORE_EXPORT_ENV)
    if not action:
        return
    if action == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    if action == "enospc":
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    from warehouse.validate import pause_at_fault

    pause_at_fault()
