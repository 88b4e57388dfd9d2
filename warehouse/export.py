"""The Parquet export: the interchange BI tools, pandas, Spark and DuckDB read (see the contract).

Layout of `exports_dir`:

    events -> .versions/events-<stamp>        a symlink, swapped atomically by os.replace
    .versions/events-<stamp>/year=2024/month=3/data_0.parquet
    .versions/events-<stamp>/year=__HIVE_DEFAULT_PARTITION__/month=__HIVE_DEFAULT_PARTITION__/...
    documents.parquet                         replaced atomically by os.replace

Readers never see a half-written export: each export is written into a new version directory and
only then does `events` point at it. The previous version is kept until the next export, so a reader
that resolved the old link just before the swap can finish; older versions are removed. Undated
events sit in Hive's null partition, which DuckDB, pyarrow and Spark all read back as NULL.
"""

from __future__ import annotations

import os
import shutil
import time
import uuid
from pathlib import Path
from typing import Any

import duckdb

# The contract's event columns in the contract's order, plus date_value (allowed as an extra).
EVENT_COLUMNS = (
    "event_id", "doc_id", "source_name", "language", "sentence", "char_start", "char_end", "event_type",
    "trigger", "date_text", "date_value", "date_start", "date_end", "date_precision", "date_source",
    "actors", "locations", "quantities", "confidence", "extractor_version",
)  # fmt: skip
DOCUMENT_COLUMNS = (
    "doc_id", "source_name", "title", "language", "published_start", "published_end", "published_precision",
    "published_source", "char_count", "content_sha256", "ingested_at",
)  # fmt: skip
VERSIONS = ".versions"
NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"


def _connection(con_or_warehouse: Any) -> duckdb.DuckDBPyConnection:
    return getattr(con_or_warehouse, "con", con_or_warehouse)


def _quote(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _copied(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    row = con.execute(sql).fetchone()
    return int(row[0]) if row else 0


def write_events(con: duckdb.DuckDBPyConnection, target: Path) -> int:
    """Write the events, hive-partitioned by year and month of date_start, into the new dir `target`."""
    cols = ", ".join(EVENT_COLUMNS)
    rows = _copied(
        con,
        f"copy (select {cols}, year(date_start) as year, month(date_start) as month from events "
        f"order by date_start, doc_id, char_start, event_id) "
        f"to {_quote(target)} (format parquet, partition_by (year, month))",
    )
    if rows == 0:
        # No events: an empty file keeps `events/**/*.parquet` readable, with the right columns.
        empty = target / f"year={NULL_PARTITION}" / f"month={NULL_PARTITION}"
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


def export_parquet(con_or_warehouse: Any, exports_dir: Path) -> dict[str, Any]:
    """Write `events/` (hive-partitioned Parquet) and `documents.parquet` into exports_dir, atomically.

    Takes a DuckDB connection or a `Warehouse`. Returns the row counts and the new version's directory.
    """
    con = _connection(con_or_warehouse)
    exports_dir = Path(exports_dir)
    versions = exports_dir / VERSIONS
    versions.mkdir(parents=True, exist_ok=True)
    stamp = f"{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"

    events_dir = versions / f"events-{stamp}"
    documents_tmp = exports_dir / f".documents-{stamp}.parquet"
    try:
        events = write_events(con, events_dir)
        documents = write_documents(con, documents_tmp)
    except BaseException:
        # Nothing was swapped in: remove the partial new version, readers keep the old one.
        shutil.rmtree(events_dir, ignore_errors=True)
        documents_tmp.unlink(missing_ok=True)
        raise
    previous = swap_link(exports_dir / "events", events_dir)
    os.replace(documents_tmp, exports_dir / "documents.parquet")
    prune_versions(versions, {events_dir} | ({previous} if previous else set()))
    return {
        "events": events,
        "documents": documents,
        "events_dir": str(events_dir),
        "partitions": sum(1 for _ in events_dir.glob("year=*/month=*")),
    }
