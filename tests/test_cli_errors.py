"""Ordinary mistakes end in one `error: …` line and the exit code `timeline --help` documents; no
Python traceback unless --debug. One test per case, each through the real `timeline` command."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import duckdb
import pytest

from tests.reliability import cli, cli_env
from warehouse.store import acquire_lock, lock_path_for, release_lock

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def assert_one_error(done: subprocess.CompletedProcess, code: int, *words: str) -> str:
    """The command exited `code` with exactly one `error:` line (containing `words`) and no traceback."""
    output = done.stdout + done.stderr
    assert "Traceback" not in output, output
    errors = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, done.stderr
    assert done.returncode == code, output
    for word in words:
        assert word in errors[0], errors[0]
    return errors[0]


def test_help_documents_every_exit_code_used_here() -> None:
    text = cli("--help").stdout
    for code in ("0 ", "1 ", "2 ", "3 ", "4 "):
        assert f"\n  {code}" in text
    assert "a bad --cron" in text and "--debug" in text
    assert "stopped by Ctrl-C or SIGTERM" in cli("serve", "--help").stdout


def test_a_bad_cron_is_refused_before_a_server_starts(tmp_path: Path) -> None:
    started = time.monotonic()
    done = cli("serve", "--cron", "every five minutes", str(SEEDS), "--data-dir", str(tmp_path / "d"))
    assert_one_error(done, 2, "--cron", "five fields")
    assert "starting" not in done.stdout and "Prefect server" not in done.stdout
    assert time.monotonic() - started < 30  # no server was waited for
    assert not (tmp_path / "d").exists()


def test_a_data_dir_that_is_a_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.write_text("not a folder", encoding="utf-8")
    assert_one_error(cli("run", str(SEEDS), "--data-dir", str(data)), 2, "is a file")
    assert_one_error(cli("serve", "--cron", "* * * * *", str(SEEDS), "--data-dir", str(data)), 2, "is a file")


def test_a_data_dir_that_cannot_be_written(tmp_path: Path) -> None:
    if os.geteuid() == 0:  # root writes anywhere it may chmod: take a folder no one can create files in
        data = Path("/proc/self/fdinfo")
    else:
        data = tmp_path / "readonly"
        data.mkdir()
        data.chmod(0o555)
    assert_one_error(cli("run", str(SEEDS), "--data-dir", str(data)), 2, "cannot write", str(data))


def test_a_locked_warehouse_is_one_line_and_exit_4(prefect_harness, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    lock = acquire_lock(lock_path_for(data / "timeline.duckdb"), 1)
    try:
        done = cli("run", str(SEEDS), "--data-dir", str(data), "--lock-timeout", "1", "--quiet")
    finally:
        release_lock(lock)
    assert_one_error(done, 4, "in use")


def test_a_failing_run_is_one_line_and_exit_1(prefect_harness, tmp_path: Path) -> None:
    env = cli_env(TIMELINE_FAULT_AFTER_BATCHES="0", TIMELINE_FAULT_ACTION="raise")
    done = cli("run", str(SEEDS), "--data-dir", str(tmp_path / "d"), "--quiet", env=env)
    assert_one_error(done, 1, "the run failed", "InjectedFault", "unchanged")


def test_evaluate_outside_the_project_folder(prefect_harness, tmp_path: Path) -> None:
    """The default reference timeline is the project's, wherever `timeline` is started."""
    data = tmp_path / "data"
    timeline = str(ROOT / ".venv" / "bin" / "timeline")
    common = {"capture_output": True, "text": True, "cwd": tmp_path, "env": cli_env(), "timeout": 240}
    done = subprocess.run([timeline, "evaluate", "timeline", "--data-dir", str(data)], **common)
    assert_one_error(done, 2, "no export", "timeline run")
    run = subprocess.run([timeline, "run", str(SEEDS), "--data-dir", "data", "--quiet"], **common)
    assert run.returncode == 0, run.stderr
    assert "warning" not in run.stderr
    # a data dir given relative to where `timeline` runs: the run's Data Docs are in it, and found
    (pages,) = (
        duckdb.connect(str(data / "timeline.duckdb"), read_only=True)
        .execute("select validation_docs from runs")
        .fetchone()
    )
    assert len(pages) == 2 and all((data / page).is_file() for page in pages)
    done = subprocess.run([timeline, "evaluate", "timeline", "--data-dir", str(data)], **common)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1].startswith("timeline: required ")
    missing = subprocess.run(
        [timeline, "evaluate", "timeline", "nope.json", "--data-dir", str(data)], **common
    )
    assert_one_error(missing, 2, "nope.json", "does not exist")


def test_timeml_on_a_missing_folder(tmp_path: Path) -> None:
    assert_one_error(cli("timeml", str(tmp_path / "nope"), str(tmp_path / "out")), 2, "does not exist")
    (tmp_path / "empty").mkdir()
    assert_one_error(cli("timeml", str(tmp_path / "empty"), str(tmp_path / "out")), 2, "no TimeML files")


@pytest.mark.parametrize(
    ("option", "value", "words"),
    [
        ("--batch-size", "0", ("--batch-size", "at least 1")),
        ("--batch-size", "ten", ("--batch-size", "whole number")),
        ("--lock-timeout", "-1", ("--lock-timeout", "0 or more")),
        ("--workers", "0", ("--workers", "at least 1")),
        ("--runner", "spark", ("--runner", "invalid choice")),
    ],
)
def test_a_bad_option_value(option: str, value: str, words: tuple[str, ...], tmp_path: Path) -> None:
    done = cli("run", str(SEEDS), "--data-dir", str(tmp_path / "d"), option, value)
    assert_one_error(done, 2, *words)
    assert "usage:" not in done.stderr
    assert not (tmp_path / "d").exists()


def test_an_unknown_command() -> None:
    assert_one_error(cli("frobnicate"), 2, "invalid choice")


@pytest.mark.parametrize(
    ("variable", "value"), [("TIMELINE_BATCH_SIZE", "many"), ("TIMELINE_MAX_INVALID_SHARE", "2")]
)
def test_a_bad_setting_in_the_environment(variable: str, value: str, tmp_path: Path) -> None:
    done = cli("run", str(SEEDS), "--data-dir", str(tmp_path / "d"), env=cli_env(**{variable: value}))
    assert_one_error(done, 2, "setting")


def test_report_without_a_warehouse(tmp_path: Path) -> None:
    assert_one_error(cli("report", "--data-dir", str(tmp_path)), 2, "no warehouse", "timeline run")


def test_report_out_is_a_folder(tmp_path: Path) -> None:
    assert_one_error(cli("report", "--data-dir", str(tmp_path), "--out", str(tmp_path)), 2, "is a folder")


def test_evaluate_specs_on_a_missing_path(tmp_path: Path) -> None:
    assert_one_error(cli("evaluate", "specs", str(tmp_path / "nope")), 2, "does not exist")


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    done = cli("--debug", "timeml", str(tmp_path / "nope"), str(tmp_path / "out"))
    assert done.returncode != 0 and "Traceback" in done.stderr
    done = cli("timeml", str(tmp_path / "nope"), str(tmp_path / "out"), "--debug")
    assert "Traceback" in done.stderr
