"""Reliability, issue 13 item 4: readers wait for a run's lock instead of crashing.

DuckDB lets no reader open the file while a writer holds it (a run does, for moments: opening,
recording, exporting). `timeline query` tries again for TIMELINE_READ_WAIT seconds, then says in one
line that a run is writing. The writer here is a real second process holding the file open.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

from tests.reliability import cli, cli_env
from warehouse.store import Warehouse, WarehouseBusy, connect_read_only

HOLD_FOR_WRITING = """
import duckdb, sys, time
con = duckdb.connect(sys.argv[1])
print("holding", flush=True)
time.sleep(float(sys.argv[2]))
con.close()
"""


@pytest.fixture
def warehouse(tmp_path: Path) -> Path:
    path = tmp_path / "timeline.duckdb"
    Warehouse.open(path).close()
    return path


def hold(path: Path, seconds: float) -> subprocess.Popen:
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(HOLD_FOR_WRITING), str(path), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
    return holder


def test_query_while_a_run_holds_the_warehouse_says_so_in_one_line(warehouse: Path) -> None:
    holder = hold(warehouse, 60)
    try:
        with pytest.raises(duckdb.IOException, match="lock"):  # what a reader met before
            duckdb.connect(str(warehouse), read_only=True)
        started = time.monotonic()
        done = cli(
            "query", "select count(*) from documents", "--data-dir", str(warehouse.parent),
            env=cli_env(TIMELINE_READ_WAIT="2"),
        )  # fmt: skip
        waited = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait()
    assert done.returncode == 4
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: a run is writing the warehouse"), done.stderr
    assert "retry" in lines[0] and "Traceback" not in done.stderr
    assert waited >= 2


def test_query_answers_once_the_run_lets_go(warehouse: Path) -> None:
    holder = hold(warehouse, 1.5)
    try:
        done = cli(
            "query", "select count(*) as n from documents", "--data-dir", str(warehouse.parent),
            env=cli_env(TIMELINE_READ_WAIT="30"),
        )  # fmt: skip
    finally:
        holder.wait(timeout=30)
    assert done.returncode == 0, done.stderr
    assert "(1 rows)" in done.stdout and done.stderr == ""


def test_connect_read_only_waits_then_raises_warehouse_busy(warehouse: Path) -> None:
    holder = hold(warehouse, 60)
    try:
        started = time.monotonic()
        with pytest.raises(WarehouseBusy, match="a run is writing"):
            connect_read_only(warehouse, wait=0.5)
        assert time.monotonic() - started >= 0.5
    finally:
        holder.kill()
        holder.wait()
    con = connect_read_only(warehouse, wait=0)
    assert con.execute("select count(*) from runs").fetchone() == (0,)
    con.close()
