"""Shared helpers of the reliability tests: run the flow or the CLI on a data dir, read the warehouse."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import duckdb

from tests.faults import ROOT

TIMELINE = ROOT / ".venv" / "bin" / "timeline"


def run_flow(inputs, data_dir: Path, batch_size: int = 50, lock_timeout: float = 30):
    from flows.pipeline import timeline_flow

    return timeline_flow([str(p) for p in inputs], str(data_dir), batch_size, lock_timeout)


def rows(data_dir: Path, sql: str, params: list | None = None) -> list[tuple]:
    """Rows of a query on the warehouse, opened read-only as a BI tool would."""
    con = duckdb.connect(str(data_dir / "timeline.duckdb"), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def snapshot(data_dir: Path) -> dict[str, list[tuple]]:
    """Everything a run may change in the warehouse, as sorted rows (the runs table apart)."""
    return {
        "documents": rows(
            data_dir, "select doc_id, source_key, extractor_version, text from documents order by 1"
        ),
        "events": rows(
            data_dir, "select * exclude (actors, locations, quantities) from events order by event_id"
        ),
        "rejected": rows(data_dir, "select rejected_id, run_id, reason from rejected order by 1"),
        "migrations": rows(data_dir, "select version, name from schema_migrations order by 1"),
    }


def exported(data_dir: Path) -> tuple[Path, list[tuple]]:
    """(the version directory `events` points at, the exported event ids in order)."""
    link = data_dir / "exports" / "events"
    glob = str(link / "**" / "*.parquet")
    con = duckdb.connect()
    try:
        ids = con.execute(f"select event_id from read_parquet('{glob}', hive_partitioning=true) order by 1")
        return link.resolve(), ids.fetchall()
    finally:
        con.close()


def cli_env(**extra: str) -> dict[str, str]:
    """The environment for a `timeline` subprocess: the test session's Prefect API when there is one
    (no ephemeral server to start: 15-25 s saved per run), quiet logging."""
    from prefect.settings import PREFECT_API_URL

    env = {k: v for k, v in os.environ.items() if not k.startswith("TIMELINE_")}
    api = PREFECT_API_URL.value()
    if api:
        env["PREFECT_API_URL"] = api
    env.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    env.update(extra)
    return env


def cli(*args: str, env: dict[str, str] | None = None, timeout: float = 240) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(TIMELINE), *args],
        check=False,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env or cli_env(),
        timeout=timeout,
    )


def start_cli(*args: str, env: dict[str, str]) -> subprocess.Popen:
    """A `timeline` run in its own process group, so a test can SIGKILL it with its children."""
    return subprocess.Popen(
        [str(TIMELINE), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
