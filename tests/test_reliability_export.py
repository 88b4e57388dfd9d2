"""Reliability, issue 13 item 1: the Parquet export never stays behind the warehouse.

A run killed (or out of disk) after its warehouse file was swapped in and before its export was:
the run's row says its data is in (`loaded`), and the next run, even one with nothing new to load,
brings the export up to date. `timeline export` rebuilds it on demand. The runs are real `timeline
run` processes; TIMELINE_FAULT_BEFORE_EXPORT (warehouse/export.py) acts in that very window.
"""

from __future__ import annotations

import shutil
import signal
from pathlib import Path

import pytest

from tests.faults import SEEDS
from tests.reliability import cli, cli_env, exported, rows, run_flow, snapshot, start_cli

SEED_NAMES = sorted(p.name for p in SEEDS.glob("*.txt"))


@pytest.fixture
def two_loaded(prefect_harness, tmp_path: Path) -> Path:
    """A data dir whose warehouse and export hold two seeds."""
    first = tmp_path / "first"
    first.mkdir()
    for name in SEED_NAMES[:2]:
        shutil.copy(SEEDS / name, first)
    data = tmp_path / "data"
    run_flow([first], data)
    return data


def warehouse_event_ids(data: Path) -> list[tuple]:
    return rows(data, "select event_id from events order by 1")


def test_a_run_killed_between_the_warehouse_swap_and_the_export_swap_is_repaired_by_the_next(
    two_loaded: Path,
) -> None:
    data = two_loaded
    export_before = exported(data)
    process = start_cli(
        "run",
        str(SEEDS),
        "--data-dir",
        str(data),
        "--quiet",
        env=cli_env(TIMELINE_FAULT_BEFORE_EXPORT="kill"),
    )
    process.communicate(timeout=300)
    assert process.returncode == -signal.SIGKILL

    # The warehouse holds the run's rows (it was swapped in), and its row says so; the export does not.
    assert len(snapshot(data)["documents"]) == 5
    statuses = [s for (s,) in rows(data, "select status from runs order by started_at")]
    assert statuses == ["completed", "loaded"]
    assert exported(data) == export_before
    assert exported(data)[1] != warehouse_event_ids(data)

    # The next run has nothing to load (every document unchanged), and brings the export up to date.
    again = run_flow([SEEDS], data)
    assert (again.documents_skipped, again.documents_loaded) == (5, 0)
    assert again.export["mode"] == "partitions" and again.status == "completed"
    assert exported(data)[1] == warehouse_event_ids(data)
    # ... and documents.parquet too.
    exported_docs = rows(
        data, f"select doc_id from read_parquet('{data}/exports/documents.parquet') order by 1"
    )
    assert exported_docs == rows(data, "select doc_id from documents order by 1")
    assert run_flow([SEEDS], data).export["mode"] == "unchanged"  # and then it stays put


def test_a_full_disk_in_that_window_says_the_data_is_in_and_the_next_run_repairs_the_export(
    two_loaded: Path,
) -> None:
    data = two_loaded
    export_before = exported(data)
    done = cli(
        "run",
        str(SEEDS),
        "--data-dir",
        str(data),
        "--quiet",
        env=cli_env(TIMELINE_FAULT_BEFORE_EXPORT="enospc"),
    )
    assert done.returncode == 5, done.stderr
    message = " ".join(done.stderr.split())
    assert "data is in the warehouse" in message and "No space left on device" in message
    assert "Traceback" not in done.stderr and "unchanged" not in message
    assert [s for (s,) in rows(data, "select status from runs order by started_at")] == [
        "completed",
        "loaded",
    ]
    assert exported(data) == export_before
    assert not list((data / "exports").glob(".documents-*"))  # the partial export was removed
    assert len(list((data / "exports" / ".versions").iterdir())) == 1

    # More documents change afterwards: the next export is not just their partitions on a stale base.
    more = data.parent / "more"
    more.mkdir()
    (more / "extra.txt").write_text(
        "Op 3 maart 2031 sprak de minister met Frontex in Calais.\n", encoding="utf-8"
    )
    again = run_flow([more], data)
    assert again.documents_loaded == 1
    assert exported(data)[1] == warehouse_event_ids(data)


def test_timeline_export_rebuilds_the_export_on_demand(two_loaded: Path) -> None:
    data = two_loaded
    shutil.rmtree(data / "exports")
    done = cli("export", "--data-dir", str(data))
    assert done.returncode == 0, done.stderr
    assert exported(data)[1] == warehouse_event_ids(data)
    assert "events" in done.stdout and "documents" in done.stdout
    nowhere = cli("export", "--data-dir", str(data.parent / "nowhere"))
    assert nowhere.returncode == 1 and nowhere.stderr.startswith("error: no warehouse")
