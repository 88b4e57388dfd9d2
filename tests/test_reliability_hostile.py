"""Reliability, issue 13 items 2, 3 and 5: no single input stops or stalls a run.

A file name that is not UTF-8, a JSON Lines record with a lone surrogate, a file that raises while it
is read, a link out of the input folder, a document whose extraction never ends: each lands in
`rejected` with a reason, the rest loads. SIGTERM and SIGINT stop a run within seconds, with the
warehouse as before. The runs are the flow in this process, or real `timeline run` processes.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest

from flows.budget import OverBudget, parse_doc_seconds, time_budget
from tests.faults import DUTCH, ENGLISH
from tests.reliability import cli, cli_env, rows, run_flow, snapshot, start_cli

TABLE_CHARS = 1_990_000  # just under the 2,000,000 characters a document may hold


def write_good(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "good_nl.txt").write_text(DUTCH + "\n", encoding="utf-8")
    (folder / "good_en.txt").write_text(ENGLISH + "\n", encoding="utf-8")


def write_non_utf8_name(folder: Path) -> str:
    """A file whose name is Latin-1 (`café.txt` from an old archive): how the rejection shows it."""
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as handle:
        handle.write(b"Op 4 maart 2024 sprak de minister.\n")
    return "caf\\xe9.txt"


def write_table(path: Path, chars: int) -> None:
    """A statistics table pasted as text: numbers with dots, nothing else."""
    rng = random.Random(13)
    lines, size = [], 0
    while size < chars:
        line = " ".join(f"{rng.randint(1, 999)}.{rng.randint(0, 999):03d}" for _ in range(8)) + "\n"
        lines.append(line)
        size += len(line)
    path.write_text("".join(lines)[:chars], encoding="utf-8")


def test_a_non_utf8_name_a_lone_surrogate_and_a_failing_file_are_rejected_and_the_rest_loads(
    prefect_harness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    write_good(folder)
    shown = write_non_utf8_name(folder)
    bad_folder = os.path.join(os.fsencode(folder), b"ordner-\xff")
    os.mkdir(bad_folder)
    with open(os.path.join(bad_folder, b"inside.txt"), "wb") as handle:
        handle.write(b"Op 5 maart 2024.\n")
    (folder / "feed.jsonl").write_text(
        json.dumps({"id": "bad", "text": "Op 6 maart 2024 \ud800."})
        + "\n"
        + json.dumps({"id": "ok", "text": DUTCH.replace("12", "15")})
        + "\n",
        encoding="utf-8",
    )
    (folder / "raises.txt").write_text(DUTCH, encoding="utf-8")
    import flows.sources

    real = flows.sources.read_sidecar

    def read_sidecar(path: Path):
        if path.name == "raises.txt":
            raise RuntimeError("a surprise while reading")
        return real(path)

    monkeypatch.setattr(flows.sources, "read_sidecar", read_sidecar)
    summary = run_flow([folder], tmp_path / "data")
    data = tmp_path / "data"
    loaded = {name for (name,) in rows(data, "select source_name from documents")}
    assert loaded == {"good_nl.txt", "good_en.txt", "feed.jsonl#ok"}
    rejected = dict(rows(data, "select source_name, reason from rejected"))
    assert set(rejected) == {shown, "ordner-\\xff", "feed.jsonl#L1", "raises.txt"}
    assert "file name is not valid UTF-8" in rejected[shown] and "rename" in rejected[shown]
    assert "not valid UTF-8" in rejected["ordner-\\xff"]
    assert "lone surrogate" in rejected["feed.jsonl#L1"]
    assert "RuntimeError: a surprise while reading" in rejected["raises.txt"]
    assert summary.status == "completed_with_rejections" and summary.documents_rejected == 4


def test_a_user_named_path_that_is_not_utf8_is_rejected_and_recorded(prefect_harness, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_good(folder)
    from flows.cli import main

    name = os.fsdecode(os.path.join(os.fsencode(folder), b"caf\xe9.txt"))  # as argv hands it over
    shown = write_non_utf8_name(folder)
    args = ["run", str(folder / "good_nl.txt"), name, "--data-dir", str(tmp_path / "data"), "--quiet"]
    assert main(args) == 3
    ((inputs,),) = rows(tmp_path / "data", "select inputs from runs")
    assert inputs.endswith("caf\\xe9.txt")
    ((source, reason),) = rows(tmp_path / "data", "select source_name, reason from rejected")
    assert source == shown and "file name is not valid UTF-8" in reason
    assert rows(tmp_path / "data", "select source_name from documents") == [("good_nl.txt",)]


def test_a_link_out_of_the_input_folder_is_rejected_unless_links_may_be_followed(
    prefect_harness, tmp_path: Path
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Op 1 mei 2024 lekte het wachtwoord uit.\n", encoding="utf-8")
    folder = tmp_path / "in"
    write_good(folder)
    (folder / "passwd.txt").symlink_to(outside / "secret.txt")
    (folder / "elsewhere").symlink_to(outside, target_is_directory=True)
    (folder / "sub").mkdir()
    (folder / "sub" / "inside.txt").write_text(DUTCH.replace("12", "14") + "\n", encoding="utf-8")
    (folder / "alias.txt").symlink_to(folder / "sub" / "inside.txt")  # inside: followed

    data = tmp_path / "data"
    run_flow([folder], data)
    assert {n for (n,) in rows(data, "select source_name from documents")} == {
        "good_nl.txt",
        "good_en.txt",
        "alias.txt",
    }
    rejected = dict(rows(data, "select source_name, reason from rejected"))
    assert set(rejected) == {"passwd.txt", "elsewhere"}
    assert all("outside the input folder" in r and "--follow-links" in r for r in rejected.values())
    assert rows(data, "select count(*) from documents where text like '%wachtwoord%'") == [(0,)]

    from flows.cli import main  # in this process: a second `timeline` process would cost its start-up

    assert main(["run", str(folder), "--data-dir", str(tmp_path / "d2"), "--quiet", "--follow-links"]) == 0
    # followed: the outside file is read (once, through `elsewhere/`, the first link to it by name)
    names = {n for (n,) in rows(tmp_path / "d2", "select source_name from documents")}
    assert names == {"good_nl.txt", "good_en.txt", "alias.txt", "secret.txt"}
    assert rows(tmp_path / "d2", "select count(*) from rejected") == [(0,)]


def test_the_time_budget_interrupts_a_regex_on_the_main_thread_and_python_on_another() -> None:
    import re

    started = time.perf_counter()
    with pytest.raises(OverBudget), time_budget(0.3):
        re.match(r"(a+)+$", "a" * 64 + "b")  # backtracks for longer than the universe's age
    assert time.perf_counter() - started < 2

    outcome: list = []

    def spin() -> None:
        try:
            with time_budget(0.3):
                while True:
                    pass
        except OverBudget:
            outcome.append("interrupted")

    worker = threading.Thread(target=spin)
    worker.start()
    worker.join(timeout=10)
    assert outcome == ["interrupted"]
    with time_budget(5):
        assert sum(range(10)) == 45  # within budget: nothing happens, then or later
    time.sleep(0.1)
    assert (parse_doc_seconds(None), parse_doc_seconds("1.5"), parse_doc_seconds("-1")) == (30.0, 1.5, 0.0)
    with pytest.raises(ValueError, match="TIMELINE_DOC_SECONDS"):
        parse_doc_seconds("soon")


def test_a_document_over_its_time_budget_is_rejected_and_the_run_goes_on(
    prefect_harness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    write_good(folder)
    (folder / "endless.txt").write_text(DUTCH.replace("12", "13") + "\n", encoding="utf-8")
    monkeypatch.setenv("TIMELINE_DOC_SECONDS", "1.5")
    monkeypatch.setenv("TIMELINE_FAULT_SLOW_DOCUMENT", "endless.txt")
    started = time.monotonic()
    summary = run_flow([folder], tmp_path / "data")
    assert time.monotonic() - started < 60
    assert summary.documents_loaded == 2
    ((name, stage, reason),) = rows(tmp_path / "data", "select source_name, stage, reason from rejected")
    assert (name, stage) == ("endless.txt", "extract")
    assert "time budget of 1.5 s" in reason and "TIMELINE_DOC_SECONDS" in reason


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_sigterm_and_sigint_stop_a_run_within_seconds_with_the_warehouse_as_before(
    prefect_harness, tmp_path: Path, signum: int
) -> None:
    folder = tmp_path / "in"
    write_good(folder)
    data = tmp_path / "data"
    run_flow([folder], data)
    before = snapshot(data)
    (folder / "endless.txt").write_text(DUTCH.replace("12", "13") + "\n", encoding="utf-8")
    (folder / "later.txt").write_text(ENGLISH.replace("3 September", "9 September") + "\n", encoding="utf-8")
    started_file = tmp_path / "started"
    env = cli_env(
        TIMELINE_FAULT_SLOW_DOCUMENT="endless.txt",
        TIMELINE_FAULT_SIGNAL_FILE=str(started_file),
        TIMELINE_DOC_SECONDS="0",  # no budget: only the signal can stop it
    )
    process = start_cli("run", str(folder), "--data-dir", str(data), "--quiet", "--batch-size", "1", env=env)
    try:
        deadline = time.monotonic() + 180
        while not started_file.exists():
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "the run never reached the endless document"
            time.sleep(0.1)
        time.sleep(0.5)
        process.send_signal(signal.SIGUSR1)  # its threads' stacks, and the run goes on
        time.sleep(0.5)
        assert process.poll() is None
        sent = time.monotonic()
        process.send_signal(signum)
        try:
            _, err = process.communicate(timeout=30)
        except subprocess.TimeoutExpired:  # where it is stuck: the CLI prints its threads' stacks on SIGUSR1
            process.send_signal(signal.SIGUSR1)
            time.sleep(2)
            process.kill()
            _, err = process.communicate()
            pytest.fail(f"the run did not stop within 30 s of signal {signum}; its threads:\n{err[-20000:]}")
        stopped = time.monotonic() - sent
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert stopped < 10, stopped
    assert process.returncode == 1, err
    assert "the run was stopped" in err and "Traceback" not in err
    assert "in slow_document_fault" in err  # the stack SIGUSR1 printed: where the run was
    assert snapshot(data) == before
    assert not (data / "timeline.duckdb.run").exists()
    statuses = [s for (s,) in rows(data, "select status from runs order by started_at")]
    assert statuses == ["completed", "failed"]


def test_the_attack_folder_finishes_in_under_two_minutes_and_reports_every_bad_input(
    prefect_harness, tmp_path: Path
) -> None:
    """Two good documents, a non-UTF-8 name, a 1.99 M-character table of digits and dots, a link to a
    file outside the folder: one `timeline run`, as a user starts it."""
    folder = tmp_path / "in"
    write_good(folder)
    shown = write_non_utf8_name(folder)
    write_table(folder / "table.txt", TABLE_CHARS)
    assert len((folder / "table.txt").read_text(encoding="utf-8")) == TABLE_CHARS
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    data = tmp_path / "data"
    started = time.monotonic()
    done = cli("run", str(folder), "--data-dir", str(data), "--quiet", env=cli_env(TIMELINE_DOC_SECONDS="10"))
    took = time.monotonic() - started
    assert took < 120, took
    assert done.returncode == 3, done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    loaded = {n for (n,) in rows(data, "select source_name from documents")}
    rejected = dict(rows(data, "select source_name, reason from rejected"))
    assert {"good_nl.txt", "good_en.txt"} <= loaded
    assert {shown, "passwd.txt"} <= set(rejected)
    # A table of digits and dots has no word to read: rejected for that at once, never a stall.
    assert "table.txt" not in loaded and "no words to read" in rejected["table.txt"]
    assert rows(data, "select count(*) from documents where text like '%root:%'") == [(0,)]
