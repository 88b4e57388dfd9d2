"""The Parquet export: the interchange BI tools, pandas, Spark and DuckDB read (see the contract).

Layout of `exports_dir`:

    events -> .versions/events-<stamp>        a symlink, swapped atomically by os.replace
    .versions/events-<stamp>/<stamp>/year=2024/month=3/data_0.parquet
    .versions/events-<stamp>/<stamp>/year=__HIVE_DEFAULT_PARTITION__/month=__HIVE_DEFAULT_PARTITION__/...
    documents.parquet                         replaced atomically by os.replace

A run passes the (year, month) partitions its loads touched: only those are written again; the
others are hard links to the previous version's files (same bytes, no copy). A run that changed
nothing writes nothing. `.state.json` names the run the export reflects and its columns: when it is
not the last completed run (an export that failed after its commit, a hand edit), or the columns have
changed since (a migration, a new release), the next export is whole.

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

import json
import os
import shutil
import time
import uuid
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
    whole, one after another, and one file is open at a time: memory is one batch."""
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
    writer: pq.ParquetWriter | None = None
    current: Partition | None = None
    threads = con.execute("select current_setting('threads')").fetchone()[0]
    con.execute(f"set threads = {EXPORT_THREADS}")
    try:
        reader = con.execute(
            f"select {cols}, year(date_start) as year, month(date_start) as month from events {where} "
            "order by date_start, doc_id, char_start, clause_start, event_id"
        ).to_arrow_reader(EXPORT_BATCH_ROWS)
        for batch in reader:
            keys = list(zip(batch.column("year").to_pylist(), batch.column("month").to_pylist(), strict=True))
            data = batch.drop_columns(["year", "month"])
            start = 0
            while start < len(keys):
                stop = start
                while stop < len(keys) and keys[stop] == keys[start]:
                    stop += 1
                if writer is None or keys[start] != current:
                    if writer is not None:
                        writer.close()
                    current = keys[start]
                    directory = partition_dir(target, *current)
                    directory.mkdir(parents=True, exist_ok=True)
                    writer = pq.ParquetWriter(directory / "data_0.parquet", data.schema)
                writer.write_batch(data.slice(start, stop - start))
                rows += stop - start
                start = stop
    finally:
        con.execute(f"set threads = {threads}")
        if writer is not None:
            writer.close()
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
        return json.loads((exports_dir / STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def write_state(exports_dir: Path, run_id: str | None, layout: str | None = None) -> None:
    """Record which run the export reflects, and its column layout (no run: the next export is whole)."""
    if run_id is None:
        (exports_dir / STATE).unlink(missing_ok=True)
        return
    temporary = exports_dir / f".state-{uuid.uuid4().hex[:8]}.json"
    temporary.write_text(json.dumps({"run_id": run_id, "layout": layout}), encoding="utf-8")
    os.replace(temporary, exports_dir / STATE)


def last_completed_run(con: duckdb.DuckDBPyConnection, other_than: str) -> str | None:
    try:
        row = con.execute(
            "select run_id from runs where run_id <> ? and status like 'completed%' "
            "order by started_at desc limit 1",
            [other_than],
        ).fetchone()
    except duckdb.Error:
        return None
    return row[0] if row else None


def export_parquet(
    con_or_warehouse: Any, exports_dir: Path, run_id: str | None = None, changed: set[Partition] | None = None
) -> dict[str, Any]:
    """Write `events/` (hive-partitioned Parquet) and `documents.parquet` into exports_dir, atomically.

    Takes a DuckDB connection or a `Warehouse`. With `run_id` and the set of partitions the run
    `changed`, an export that is up to date with the previous run is extended: nothing is written
    when nothing changed, else only the changed partitions (and documents.parquet). Returns the row
    counts written, the new version's directory and how the export was made (`mode`).
    """
    con = _connection(con_or_warehouse)
    exports_dir = Path(exports_dir)
    versions = exports_dir / VERSIONS
    versions.mkdir(parents=True, exist_ok=True)
    link = exports_dir / "events"
    current = link.parent / os.readlink(link) if link.is_symlink() else None
    layout = event_layout(con)
    state = read_state(exports_dir)
    up_to_date = (
        run_id is not None
        and changed is not None
        and current is not None
        and current.is_dir()
        and (exports_dir / "documents.parquet").exists()
        and state.get("run_id") == last_completed_run(con, run_id)
        and state.get("layout") == layout
    )
    if up_to_date and not changed:
        write_state(exports_dir, run_id, layout)
        return {"mode": "unchanged", "events": 0, "documents": 0, "events_dir": str(current), "partitions": 0}

    stamp = f"{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"
    events_dir = versions / f"events-{stamp}"
    data_dir = events_dir / stamp  # see the module's docstring: every path names its export
    documents_tmp = exports_dir / f".documents-{stamp}.parquet"
    try:
        events_dir.mkdir()  # the new version's own directory: an error, not a mix, if the name were taken
        if up_to_date and current is not None:
            events = write_events(con, data_dir, only=changed)
            data_dir.mkdir(parents=True, exist_ok=True)
            link_partitions(data_root(current), data_dir, skip=set(changed or ()))
            if not any(data_dir.glob("year=*/month=*/*.parquet")):
                shutil.rmtree(data_dir)
                write_events(con, data_dir)  # no events left at all: the empty file
        else:
            events = write_events(con, data_dir)
        documents = write_documents(con, documents_tmp)
    except BaseException:
        # Nothing was swapped in: remove the partial new version, readers keep the old one.
        shutil.rmtree(events_dir, ignore_errors=True)
        documents_tmp.unlink(missing_ok=True)
        raise
    previous = swap_link(link, events_dir)
    os.replace(documents_tmp, exports_dir / "documents.parquet")
    write_state(exports_dir, run_id, layout)
    prune_versions(versions, {events_dir} | ({previous} if previous else set()))
    return {
        "mode": "partitions" if up_to_date else "full",
        "events": events,
        "documents": documents,
        "events_dir": str(events_dir),
        "partitions": sum(1 for _ in data_dir.glob("year=*/month=*")),
    }
