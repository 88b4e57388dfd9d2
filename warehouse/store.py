"""The DuckDB warehouse: one writer at a time, migrated and with fresh views on open, loaded from Arrow.

    with Warehouse.open(Path("data/timeline.duckdb")) as wh:
        with wh.on_a_copy():               # a run: the file changes all at once, at the end, or not at all
            for batch in batches:
                with wh.transaction():
                    wh.load_batch(documents, events, rejected)

A batch carries each of its documents together with all of that document's events: loading a
document replaces whatever the warehouse held for it (and for an older text of the same source).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any, Self

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from schemas.arrow import to_arrow
from schemas.tables import DOCUMENTS, EVENTS, REJECTED, RUNS, Table
from warehouse.migrate import migrate

VIEWS_SQL = Path(__file__).with_name("views.sql")
LOCK_POLL_SECONDS = 0.1

# Kept from the first load of a document when a later run updates its row.
KEEP_ON_UPDATE = {"documents": {"ingested_at"}}


# DuckDB's default memory limit is 80% of RAM, and it keeps every block it reads or writes cached up to
# that limit: a run's memory grew with the warehouse file (about 1 MB of RSS per MB written). Under a
# limit the cache is evicted instead, at no cost measured in load or export time (loads of 1.5M events
# ran under 160 MB, the export under 256 MB). The index of a key constraint (ART, ~75 bytes a key) cannot
# be evicted, so the limit grows by twice that above half the floor. Only the small tables keep one
# (schemas.tables, Table.key_constraint), so in practice the limit is the floor.
MEMORY_FLOOR_BYTES = 256 * 2**20
# The run's loads need less: they append batches and look keys up, and under 128 MiB they ran as fast
# as under 256 (10 batches into 1.53M events: 2.7 s either way, peak RSS 341 MB instead of 465). The
# export's sort of every event, after the loads, keeps the larger floor.
LOAD_MEMORY_FLOOR_BYTES = 128 * 2**20
INDEX_BYTES_PER_KEY = 150


def memory_limit_bytes(indexed_keys: int, floor: int = MEMORY_FLOOR_BYTES) -> int:
    """DuckDB's memory limit for a warehouse whose key constraints index `indexed_keys` rows."""
    return max(floor, floor // 2 + INDEX_BYTES_PER_KEY * indexed_keys)


def bound_memory(con: duckdb.DuckDBPyConnection, floor: int = MEMORY_FLOOR_BYTES) -> None:
    """Set the connection's memory limit from the rows its key constraints index (see MEMORY_FLOOR_BYTES).
    Read from the file, not the declarations: a warehouse not yet migrated has the old constraints."""
    tables = con.execute(
        "select distinct table_name from duckdb_constraints() where constraint_type = 'PRIMARY KEY'"
    ).fetchall()
    keys = sum(con.execute(f'select count(*) from "{name}"').fetchone()[0] for (name,) in tables)
    con.execute(f"set memory_limit = '{memory_limit_bytes(keys, floor) // 2**20}MiB'")


class WarehouseLocked(RuntimeError):
    """Another process holds the warehouse's lock for longer than we were willing to wait."""


def lock_path_for(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def work_path_for(path: Path) -> Path:
    """The copy a run writes to (see `Warehouse.on_a_copy`)."""
    return path.with_name(path.name + ".run")


def remove_database_file(path: Path) -> None:
    """Remove a DuckDB file and its write-ahead log."""
    for file in (path, path.with_name(path.name + ".wal")):
        file.unlink(missing_ok=True)


def fsync_path(path: Path) -> None:
    """Flush a file's (or a directory's) contents to disk: a rename is durable only after both."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _holder(handle: IO[str]) -> str:
    handle.seek(0)
    pid = handle.read().strip()
    return f" (held by pid {pid})" if pid else ""


def acquire_lock(lock_path: Path, timeout: float) -> IO[str]:
    """Take an exclusive flock on lock_path, polling until `timeout` seconds have passed."""
    handle = open(lock_path, "a+", encoding="utf-8")  # noqa: SIM115 - held open until close()
    deadline = time.monotonic() + timeout
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            if time.monotonic() >= deadline:
                holder = _holder(handle)
                handle.close()
                raise WarehouseLocked(
                    f"the warehouse is in use by another process: could not lock {lock_path}{holder} "
                    f"within {timeout:g} s; wait for that run to finish or raise the lock timeout"
                ) from None
            time.sleep(LOCK_POLL_SECONDS)
    # The pid is only for the message above; the flock itself is what excludes.
    handle.seek(0)
    handle.truncate()
    handle.write(f"{os.getpid()}\n")
    handle.flush()
    return handle


def release_lock(handle: IO[str]) -> None:
    fcntl.flock(handle, fcntl.LOCK_UN)
    handle.close()


def first_per_key(table: pa.Table, key: str) -> pa.Table:
    """The rows of `table` keeping only the first row of each key (a batch must not collide with itself)."""
    seen: set[Any] = set()
    keep = []
    for index, value in enumerate(table.column(key).to_pylist()):
        if value not in seen:
            seen.add(value)
            keep.append(index)
    return table if len(keep) == table.num_rows else table.take(keep)


def _count(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] | None = None) -> int:
    """Run a DML statement and return the number of rows it changed."""
    row = con.execute(sql, params or []).fetchone()
    return int(row[0]) if row else 0


def _loaded_columns(table: Table, incoming: pa.Table) -> list[str]:
    """The declared columns the incoming batch carries (in declaration order)."""
    return [name for name in table.names if name in incoming.column_names]


def insert_new_sql(table: Table, source: str, columns: list[str]) -> str:
    """Insert the rows of `source` whose key is not in `table` yet: a re-run adds nothing."""
    cols = ", ".join(columns)
    key = table.primary_key
    return (
        f"insert into {table.name} ({cols}) select {cols} from {source} as i "
        f"where not exists (select 1 from {table.name} as t where t.{key} = i.{key})"
    )


def update_changed_sql(table: Table, source: str, columns: list[str]) -> str:
    """Update rows whose key is in `source` and whose values differ: updating in place, not deleting and
    re-inserting, so a key is never deleted and inserted in one transaction (DuckDB's over-eager
    unique checks)."""
    key = table.primary_key
    kept = KEEP_ON_UPDATE.get(table.name, set())
    targets = [c for c in columns if c != key and c not in kept]
    assignments = ", ".join(f"{c} = i.{c}" for c in targets)
    changed = " or ".join(f"{table.name}.{c} is distinct from i.{c}" for c in targets)
    return (
        f"update {table.name} set {assignments} from {source} as i "
        f"where {table.name}.{key} = i.{key} and ({changed})"
    )


def connect_waiting(path: Path, timeout: float) -> duckdb.DuckDBPyConnection:
    """Connect for writing; while another process (a BI tool) holds the DuckDB file open, wait for it
    up to `timeout` seconds, then raise WarehouseLocked with a clear message."""
    deadline = time.monotonic() + max(0.0, timeout)
    while True:
        try:
            return duckdb.connect(str(path))
        except duckdb.IOException as error:
            if "lock" not in str(error).lower():
                raise
            if time.monotonic() >= deadline:
                raise WarehouseLocked(
                    f"{path} is held open by another process (a BI tool or a reader with the file open?): "
                    f"waited {max(0.0, timeout):.0f} s; close it or raise --lock-timeout. ({error})"
                ) from None
            time.sleep(0.25)


# How long a reader (`timeline query`, the closing timeline) waits for a run that holds the file
# (TIMELINE_READ_WAIT): a run holds it for moments (opening, recording, exporting), a BI tool for longer.
READ_WAIT_SECONDS = 15.0
READ_WAIT_ENV = "TIMELINE_READ_WAIT"


class WarehouseBusy(WarehouseLocked):
    """A reader waited for the warehouse file and a run still holds it."""


def connect_read_only(path: Path, wait: float | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the warehouse file. While a run holds the file for writing (DuckDB
    lets no reader in then), try again for up to `wait` seconds (TIMELINE_READ_WAIT), then raise
    WarehouseBusy, whose message is one line a person can act on."""
    if wait is None:
        wait = float(os.environ.get(READ_WAIT_ENV) or READ_WAIT_SECONDS)
    deadline = time.monotonic() + max(0.0, wait)
    while True:
        try:
            return duckdb.connect(str(path), read_only=True)
        except duckdb.IOException as error:
            if "lock" not in str(error).lower():
                raise
            if time.monotonic() >= deadline:
                raise WarehouseBusy(
                    f"a run is writing the warehouse {path} (waited {max(0.0, wait):g} s): retry in a "
                    f"moment, or read the Parquet export beside it (exports/), which never has this wait"
                ) from None
            time.sleep(0.2)


class Warehouse:
    """An open warehouse file: holds the inter-process lock until `close()`."""

    def __init__(
        self, path: Path, con: duckdb.DuckDBPyConnection, lock: IO[str], lock_timeout: float = 60
    ) -> None:
        self.path = path
        self.con = con
        self.lock_timeout = lock_timeout
        self._lock: IO[str] | None = lock

    @classmethod
    def open(cls, path: Path, lock_timeout: float = 60) -> Warehouse:
        """Lock, connect, migrate to the current schema and (re)create the views."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        started = time.monotonic()
        lock = acquire_lock(lock_path_for(path), lock_timeout)
        try:
            # the lock is ours: a copy left here was a run's that was killed before it finished
            remove_database_file(work_path_for(path))
            con = connect_waiting(path, lock_timeout - (time.monotonic() - started))
            try:
                bound_memory(con)
                if migrate(con):
                    bound_memory(con)  # a migration may have dropped a key constraint
                con.execute(VIEWS_SQL.read_text(encoding="utf-8"))
                # the lock is ours: a run still marked running was killed and never finished
                con.execute("update runs set status = 'failed' where status = 'running'")
            except BaseException:
                con.close()
                raise
        except BaseException:
            release_lock(lock)
            raise
        return cls(path, con, lock, lock_timeout)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (an open transaction is rolled back) and release the lock."""
        if self._lock is None:
            return
        try:
            self.con.close()
        finally:
            release_lock(self._lock)
            self._lock = None

    # Transactions: the caller groups a batch's load (and its rejections) into one.
    def begin(self) -> None:
        self.con.execute("begin transaction")

    def commit(self) -> None:
        self.con.execute("commit")

    def rollback(self) -> None:
        self.con.execute("rollback")

    @contextlib.contextmanager
    def on_a_copy(self) -> Iterator[None]:
        """Run the block against a copy of the warehouse file; on success the copy takes the file's
        place in one `os.replace`, on any error (or a kill) the file stays exactly as it was.

        Why a copy rather than one transaction for the whole run: DuckDB holds a transaction's
        uncommitted rows in memory, so a run's memory grew with its size (4.8 GB at 100,000
        documents, 1.0 GB at 10,000). On the copy each batch commits as it loads and memory stays
        flat, while the file readers see changes all at once or not at all. Readers may even open
        the file during the run: they see the state before it. The price is a copy per run (about
        a second per GB, where copying takes that long) and room on disk for a second file."""
        work = work_path_for(self.path)
        self.con.execute("checkpoint")  # everything in the file itself, nothing left in its log
        self.con.close()
        try:
            remove_database_file(work)
            shutil.copyfile(self.path, work)
            self.con = duckdb.connect(str(work))
            bound_memory(self.con, LOAD_MEMORY_FLOOR_BYTES)
            yield
            self.con.execute("checkpoint")
            self.con.close()
            fsync_path(work)
            os.replace(work, self.path)
            fsync_path(self.path.parent)
        except BaseException:
            with contextlib.suppress(duckdb.Error):
                self.con.close()
            remove_database_file(work)
            raise
        finally:
            self.con = connect_waiting(self.path, self.lock_timeout)
            bound_memory(self.con)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """begin(); commit() on success, rollback() on any error."""
        self.begin()
        try:
            yield
        except BaseException:
            self.rollback()
            raise
        self.commit()

    def unchanged_sources(self, keys: Sequence[tuple[str, str]], extractor_version: str) -> set[str]:
        """Of (source_key, sha256 of the raw bytes) pairs, the source_keys whose document is loaded
        with these very bytes by this extractor version: skipped before they are even parsed."""
        if not keys:
            return set()
        incoming = pa.table({"source_key": [k for k, _ in keys], "content_sha256": [h for _, h in keys]})
        self.con.register("incoming_sources", incoming)
        try:
            rows = self.con.execute(
                "select d.source_key from documents as d join incoming_sources as i "
                "on d.source_key = i.source_key and d.content_sha256 = i.content_sha256 "
                "where d.extractor_version = ?",
                [extractor_version],
            ).fetchall()
        finally:
            self.con.unregister("incoming_sources")
        return {row[0] for row in rows}

    def known_documents(self, doc_ids: list[str], extractor_version: str) -> set[str]:
        """The doc_ids already loaded by this extractor version: unchanged documents a run can skip."""
        if not doc_ids:
            return set()
        rows = self.con.execute(
            "select doc_id from documents where extractor_version = ? "
            "and doc_id in (select unnest(?::varchar[]))",
            [extractor_version, list(doc_ids)],
        ).fetchall()
        return {row[0] for row in rows}

    def load_batch(self, documents: pa.Table, events: pa.Table, rejected: pa.Table) -> dict[str, int]:
        """Load one batch inside the caller's transaction; return what changed.

        Keys: documents_inserted, documents_updated, documents_replaced (older texts of the same
        source, removed), events_inserted, events_updated, events_deleted, rejected_inserted.
        Loading the same batch twice changes nothing the second time.
        """
        incoming = {
            "incoming_documents": first_per_key(documents, DOCUMENTS.primary_key or "doc_id"),
            "incoming_events": first_per_key(events, EVENTS.primary_key or "event_id"),
            "incoming_rejected": first_per_key(rejected, REJECTED.primary_key or "rejected_id"),
        }
        for name, arrow in incoming.items():
            self.con.register(name, arrow)
        try:
            return self._load_registered(incoming)
        finally:
            for name in incoming:
                self.con.unregister(name)

    def _load_registered(self, incoming: Mapping[str, pa.Table]) -> dict[str, int]:
        """The load, statement by statement. Why it first asks which keys and documents exist: every
        join against `events` reads the whole table (DuckDB joins do not use the key's index), so
        joins whose answer is known to be empty are skipped. A batch of new documents, the common
        case, costs one scan of the event keys and an append, however large the warehouse."""
        con = self.con
        # Documents whose source now has a different text: they go, with all their events.
        replaced = [
            row[0]
            for row in con.execute(
                """
                select distinct d.doc_id
                from documents as d
                join incoming_documents as i on d.source_key = i.source_key
                where not exists (select 1 from incoming_documents as n where n.doc_id = d.doc_id)
                """
            ).fetchall()
        ]
        # The warehouse's documents that this batch reloads or replaces: only their events may go.
        # (Every event row belongs to a loaded document: events load with their document and leave
        # with it.)
        owners = replaced + [
            row[0]
            for row in con.execute(
                "select doc_id from documents where doc_id in (select doc_id from incoming_documents)"
            ).fetchall()
        ]
        # The incoming event keys the warehouse holds already (under any document): updated in place.
        existing = [
            row[0]
            for row in con.execute(
                "select event_id from events where event_id in (select event_id from incoming_events)"
            ).fetchall()
        ]
        events_deleted = 0
        if owners:
            # Events of these documents that the new extraction no longer yields. Those it yields
            # again are updated in place below, never deleted and re-inserted.
            events_deleted = _count(
                con,
                """
                delete from events
                where doc_id in (select unnest(?::varchar[]))
                  and not exists (select 1 from incoming_events as i where i.event_id = events.event_id)
                """,
                [owners],
            )
        documents_replaced = _count(
            con, "delete from documents where doc_id in (select unnest(?::varchar[]))", [replaced]
        )

        doc_columns = _loaded_columns(DOCUMENTS, incoming["incoming_documents"])
        event_columns = _loaded_columns(EVENTS, incoming["incoming_events"])
        rejected_columns = _loaded_columns(REJECTED, incoming["incoming_rejected"])
        events_updated = 0
        if existing:
            events = incoming["incoming_events"]
            known = events.filter(
                pc.is_in(events.column("event_id"), value_set=pa.array(existing, pa.string()))
            )
            con.register("known_incoming_events", known)
            try:
                events_updated = _count(
                    con, update_changed_sql(EVENTS, "known_incoming_events", event_columns)
                )
            finally:
                con.unregister("known_incoming_events")
        cols = ", ".join(event_columns)
        events_inserted = _count(
            con,
            f"insert into events ({cols}) select {cols} from incoming_events "
            "where event_id not in (select unnest(?::varchar[]))",
            [existing],
        )
        return {
            "documents_updated": _count(
                con, update_changed_sql(DOCUMENTS, "incoming_documents", doc_columns)
            ),
            "documents_inserted": _count(con, insert_new_sql(DOCUMENTS, "incoming_documents", doc_columns)),
            "documents_replaced": documents_replaced,
            "events_updated": events_updated,
            "events_inserted": events_inserted,
            "events_deleted": events_deleted,
            "rejected_inserted": _count(con, insert_new_sql(REJECTED, "incoming_rejected", rejected_columns)),
        }

    def record_run(self, row: Mapping[str, Any]) -> None:
        """Insert the run's row, or update the columns `row` carries when the run is already recorded."""
        columns = [name for name in RUNS.names if name in row]
        key = RUNS.primary_key or "run_id"
        updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != key)
        action = f"do update set {updates}" if updates else "do nothing"
        self.con.register("incoming_run", to_arrow(RUNS, [row]).select(columns))
        try:
            cols = ", ".join(columns)
            self.con.execute(
                f"insert into runs ({cols}) select {cols} from incoming_run on conflict ({key}) {action}"
            )
        finally:
            self.con.unregister("incoming_run")

    def query(self, sql: str, params: Sequence[Any] | None = None) -> tuple[list[str], list[tuple]]:
        """Run any SQL; return the column names and the rows."""
        cursor = self.con.execute(sql, params or [])
        if cursor.description is None:
            return [], []
        return [d[0] for d in cursor.description], cursor.fetchall()
