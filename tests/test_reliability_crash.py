"""Reliability, items 3 and 4: a run killed mid-load leaves the warehouse and the export as they were; two
runs at once never corrupt anything; readers during a run see the old data or the new, never a mix.

The runs are real `timeline run` processes. TIMELINE_FAULT_AFTER_BATCHES (warehouse/validate.py) pauses
a run when its next batch of new documents reaches validation, the batches before it loaded inside the
run's open transaction, and writes a signal file: the test then knows the run is mid-load and acts.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

from tests.faults import SEEDS
from tests.reliability import cli_env, exported, rows, run_flow, snapshot, start_cli
from warehouse.store import WarehouseLocked

SEED_NAMES = sorted(p.name for p in SEEDS.glob("*.txt"))


def wait_for(path: Path, process: subprocess.Popen, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        if process.poll() is not None:
            out, err = process.communicate()
            pytest.fail(f"the run ended (rc {process.returncode}) before the fault point:\n{out}\n{err}")
        if time.monotonic() > deadline:
            pytest.fail("the run did not reach the fault point in time")
        time.sleep(0.1)


def kill_group(process: subprocess.Popen) -> None:
    """SIGKILL the run and anything it started: no clean-up of any kind gets to run."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.communicate(timeout=30)


@pytest.fixture
def two_loaded(prefect_harness, tmp_path: Path) -> tuple[Path, Path]:
    """A data dir whose warehouse and export hold two seeds, and a folder with all five."""
    first = tmp_path / "first"
    first.mkdir()
    for name in SEED_NAMES[:2]:
        shutil.copy(SEEDS / name, first)
    data = tmp_path / "data"
    run_flow([first], data, batch_size=1)
    return data, SEEDS


def paused_run(data: Path, inputs: Path, tmp_path: Path, after: int, pause: float = 600) -> subprocess.Popen:
    signal_file = tmp_path / "paused"
    env = cli_env(
        TIMELINE_FAULT_AFTER_BATCHES=str(after),
        TIMELINE_FAULT_SIGNAL_FILE=str(signal_file),
        TIMELINE_FAULT_PAUSE_SECONDS=str(pause),
    )
    process = start_cli("run", str(inputs), "--data-dir", str(data), "--quiet", "--batch-size", "1", env=env)
    wait_for(signal_file, process)
    return process


def test_sigkill_mid_load_leaves_the_warehouse_and_the_export_as_before(two_loaded, tmp_path: Path) -> None:
    data, seeds = two_loaded
    before = snapshot(data)
    export_before = exported(data)
    runs_before = rows(data, "select run_id, status from runs order by started_at")
    assert len(before["documents"]) == 2 and export_before[1]

    # Batches of one document: 000, 001 unchanged (skipped), 002 and 003 loaded, then killed at 004.
    process = paused_run(data, seeds, tmp_path, after=2)
    kill_group(process)
    assert process.returncode == -signal.SIGKILL

    assert snapshot(data) == before, "the killed run's loaded batches must not survive"
    assert (data / "timeline.duckdb.run").exists()  # they were committed, but to the run's copy
    runs = rows(data, "select run_id, status, finished_at from runs order by started_at")
    assert [(r, s) for r, s, _ in runs[: len(runs_before)]] == runs_before
    # The killed run left only its opening 'running' row (committed before it began loading), and its copy
    # of the warehouse, which the next run removes.
    assert [(status, finished) for _, status, finished in runs[len(runs_before) :]] == [("running", None)]
    assert exported(data) == export_before, "the export must be the previous complete one"
    versions = sorted(p.name for p in (data / "exports" / ".versions").iterdir())
    assert versions == [export_before[0].name]
    assert rows(data, "select count(*) from timeline")[0][0] == len(before["events"])  # queries work

    summary = run_flow([seeds], data, batch_size=1)  # and the next run completes
    assert not (data / "timeline.duckdb.run").exists()
    assert (summary.documents_skipped, summary.documents_loaded) == (2, 3)
    assert len(snapshot(data)["documents"]) == 5
    assert len(exported(data)[1]) == len(snapshot(data)["events"])


HOLD_READ_ONLY = """
import duckdb, sys, time
con = duckdb.connect(sys.argv[1], read_only=True)
print(con.execute("select count(*) from documents").fetchone()[0], flush=True)
time.sleep(60)
"""


def test_a_second_run_waits_for_the_lock_then_fails_clearly_or_queues(
    two_loaded, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    import threading

    data, seeds = two_loaded
    before = snapshot(data)
    export_before = exported(data)
    first = paused_run(data, seeds, tmp_path, after=1)
    queued: list = []
    try:
        # A second run with a short lock timeout waits that long, then fails with a clear message, exit 4.
        from flows.cli import main

        started = time.monotonic()
        code = main(["run", str(seeds), "--data-dir", str(data), "--quiet", "--lock-timeout", "2"])
        waited = time.monotonic() - started
        message = " ".join(capsys.readouterr().err.split())
        assert code == 4, message
        assert "in use by another process" in message and f"pid {first.pid}" in message
        assert waited >= 2
        with pytest.raises(WarehouseLocked, match="within 0.5 s"):
            run_flow([seeds], data, lock_timeout=0.5)

        # Readers during the run: the Parquet export is the old one, whole.
        assert exported(data) == export_before
        # The warehouse file: the run writes to a copy (its earlier batches already committed there), so
        # a reader opening the file sees the state before the run, never a half-loaded one.
        assert snapshot(data) == before
        assert (data / "timeline.duckdb.run").exists()

        # A run with a long enough lock timeout queues: it starts when the first one is done.
        queue = threading.Thread(target=lambda: queued.append(run_flow([seeds], data, lock_timeout=120)))
        queue.start()
        time.sleep(1)
        assert not queued
        (tmp_path / "paused").unlink()  # let the first run go on
        _, err = first.communicate(timeout=120)
        queue.join(timeout=120)
    finally:
        if first.poll() is None:
            kill_group(first)
    assert first.returncode == 0, err
    # It found the first run's documents loaded (skipped: 5, unless the rules changed in between and
    # it re-extracted them: the sum is what holds in a tree others are editing).
    assert len(queued) == 1 and queued[0].documents_skipped + queued[0].documents_loaded == 5
    after = snapshot(data)
    assert len(after["documents"]) == 5 and len(before["documents"]) == 2
    version, ids = exported(data)
    assert version != export_before[0] and len(ids) == len(after["events"])
    statuses = [s for (s,) in rows(data, "select status from runs order by started_at")]
    assert statuses == ["completed", "completed", "completed"]


def count_resolved(data: Path) -> int:
    """What a careful reader does: resolve `events` once, then read that version directory."""
    version = (data / "exports" / "events").resolve()
    con = duckdb.connect()
    try:
        glob = str(version / "**" / "*.parquet")
        return con.execute(f"select count(*) from read_parquet('{glob}', hive_partitioning=true)").fetchone()[
            0
        ]
    finally:
        con.close()


def count_globbed(data: Path) -> int:
    """What a BI tool does: glob through the link, as the contract's path reads."""
    con = duckdb.connect()
    try:
        glob = str(data / "exports" / "events" / "**" / "*.parquet")
        return con.execute("select count(*) from read_parquet(?, hive_partitioning=true)", [glob]).fetchone()[
            0
        ]
    finally:
        con.close()


def test_parquet_readers_during_exports_see_one_whole_export(two_loaded, tmp_path: Path) -> None:
    """Readers in a loop while two runs load and swap their exports in: every read is one whole export.
    One resolves the link once (never fails); one globs through it (a read that straddles a swap may
    fail, and the reader retries, but it never counts a mix)."""
    import threading

    data, seeds = two_loaded
    old = count_resolved(data)
    seen: list[int] = []
    globbed: list[int] = []
    errors: list[BaseException] = []
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            try:
                seen.append(count_resolved(data))
            except Exception as error:  # noqa: BLE001 - a failed read is a finding, not a crash of the test
                errors.append(error)

    def glob_read() -> None:
        while not stop.is_set():
            with contextlib.suppress(duckdb.IOException, duckdb.InvalidInputException):
                globbed.append(count_globbed(data))

    reader = threading.Thread(target=read)
    globber = threading.Thread(target=glob_read)
    reader.start()
    globber.start()
    try:
        run_flow([seeds], data, batch_size=5)
        middle = count_resolved(data)
        (tmp_path / "more").mkdir()
        more = (SEEDS / SEED_NAMES[0]).read_text(encoding="utf-8") + "\nIn 2030 volgt een evaluatie.\n"
        (tmp_path / "more" / "extra.txt").write_text(more, encoding="utf-8")
        run_flow([tmp_path / "more"], data, batch_size=5)  # a second export over the first
    finally:
        stop.set()
        reader.join()
        globber.join()
    new = count_resolved(data)
    assert old < middle < new
    assert errors == []
    assert len(seen) > 3 and len(globbed) > 3
    assert set(seen) <= {old, middle, new}, sorted(set(seen))
    assert set(globbed) <= {old, middle, new}, sorted(set(globbed))


def walk(directory: Path) -> list[Path]:
    """One step of a lazy reader's walk: list a directory through its path (the link resolved again)."""
    return sorted(Path(entry.path) for entry in os.scandir(directory))


def parquet_under(directory: Path) -> list[str]:
    files = []
    for child in walk(directory):
        files += (
            parquet_under(child) if child.is_dir() else [str(child)] if child.suffix == ".parquet" else []
        )
    return files


def test_a_reader_whose_directory_walk_straddles_the_swap_never_reads_a_mix(two_loaded) -> None:
    """A glob walks `events/` a directory at a time. Listed before a swap and continued after it, the
    walk fails (the reader retries) instead of reading the new export's files under the old listing."""
    data, seeds = two_loaded
    link = data / "exports" / "events"
    old = count_resolved(data)
    first_level = walk(link)  # the walk's first step, before the run
    run_flow([seeds], data, batch_size=5)  # meanwhile a run loads three more documents and swaps
    new = count_resolved(data)
    assert new > old
    with pytest.raises(FileNotFoundError):
        [parquet_under(child) for child in first_level]  # the rest of the walk, after the swap
    assert count_resolved(data) == new  # and the retry reads the new export whole


def test_a_reader_that_listed_the_files_before_the_swap_reads_the_old_export_or_fails(two_loaded) -> None:
    """DuckDB expands a glob first and opens the files later: the files it listed are the old
    export's, and after a swap they are either still the old export's or gone, never new ones."""
    data, seeds = two_loaded
    old = count_resolved(data)
    files = parquet_under(data / "exports" / "events")
    run_flow([seeds], data, batch_size=5)
    assert count_resolved(data) > old
    con = duckdb.connect()
    try:
        with pytest.raises(duckdb.IOException):
            con.execute("select count(*) from read_parquet(?, hive_partitioning=true)", [files]).fetchone()
    finally:
        con.close()


def test_a_bi_tool_holding_the_file_open_makes_a_run_wait_then_fail_clearly(two_loaded, tmp_path) -> None:
    data, seeds = two_loaded
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(HOLD_READ_ONLY), str(data / "timeline.duckdb")],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "2"
        started = time.monotonic()
        with pytest.raises(WarehouseLocked):
            run_flow([seeds], data, lock_timeout=2)
        assert time.monotonic() - started >= 2
    finally:
        holder.kill()
        holder.wait()
