"""`timeline serve` beside another `serve`: two folders, two data dirs, each on its own schedule and its own
deployment; the one that started the Prefect server stops (SIGTERM: within 5 s, exit 0, its server
with it) and the other says so in one line, starts the server again and goes on with its runs."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest

from flows.schedule import deployment_name, healthy

ROOT = Path(__file__).resolve().parents[1]
TIMELINE = ROOT / ".venv" / "bin" / "timeline"
# Every 20 seconds (Prefect takes a sixth field, seconds): a minute's cron would make this test wait minutes.
CRON = "* * * * * */20"
SUMMARY = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d run [0-9a-f]{12}: ")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Serve:
    """A `timeline serve` process whose output lines are collected as they come."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        self.lines: list[str] = []
        self.proc = subprocess.Popen(
            [str(TIMELINE), "serve", "--cron", CRON, *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            cwd=ROOT,
            env=env,
            start_new_session=True,
        )
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))

    def wait_for(self, pattern: str, count: int = 1, timeout: float = 180, after: int = 0) -> list[str]:
        """The first `count` lines matching `pattern` from line `after` on, once there are that many."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = [line for line in self.lines[after:] if re.search(pattern, line)]
            if len(found) >= count:
                return found
            assert self.proc.poll() is None, "\n".join(self.lines)
            time.sleep(0.5)
        raise AssertionError(f"no {pattern!r} within {timeout} s:\n" + "\n".join(self.lines))

    def stop(self, signum: int) -> float:
        """Send `signum`; the seconds until the process was gone."""
        started = time.monotonic()
        self.proc.send_signal(signum)
        self.proc.wait(30)
        return time.monotonic() - started

    def kill(self) -> None:
        """After a failed test: the serve and everything it started (its server has a session of its own)."""
        import psutil

        if self.proc.poll() is None:
            for child in psutil.Process(self.proc.pid).children(recursive=True):
                with contextlib.suppress(psutil.NoSuchProcess):
                    child.kill()
            os.killpg(self.proc.pid, signal.SIGKILL)


def test_deployment_names_are_stable_and_distinct_per_folder_and_data_dir() -> None:
    a = deployment_name(["/in/a"], "/data/a")
    assert a == deployment_name(["/in/a"], "/data/a")
    assert len({a, deployment_name(["/in/b"], "/data/b"), deployment_name(["/in/a"], "/data/b")}) == 3


@pytest.mark.slow
def test_two_serves_run_on_their_own_and_stop_cleanly(tmp_path: Path) -> None:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    shutil.copy(seeds[0], a)
    shutil.copy(seeds[1], b)
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_API", "TIMELINE_"))}
    env |= {
        "PREFECT_HOME": str(tmp_path / "prefect"),
        "TIMELINE_PREFECT_PORT": str(port),
        "PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS": "5",  # runs are scheduled soon after serve starts
        "PREFECT_RUNNER_POLL_FREQUENCY": "2",
    }
    api = f"http://127.0.0.1:{port}/api"
    first = Serve([str(a), "--data-dir", str(tmp_path / "da")], env)
    second = None
    try:
        first.wait_for("starting one at")
        first.wait_for("deployment 'timeline/timeline-a-")
        second = Serve([str(b), str(tmp_path / "missing"), "--data-dir", str(tmp_path / "db")], env)
        second.wait_for("found a Prefect server")
        second.wait_for("does not exist; each run records it as rejected")
        second.wait_for("deployment 'timeline/timeline-b-")

        # each runs its own folder into its own data dir, and says so in one line
        (line_a,) = first.wait_for(SUMMARY.pattern)
        (line_b,) = second.wait_for(SUMMARY.pattern)
        assert "1 documents read" in line_a and "1 loaded, 0 rejected" in line_a
        assert "2 documents read" in line_b and "1 loaded, 1 rejected" in line_b
        assert (tmp_path / "da" / "report" / "index.html").is_file()
        assert (tmp_path / "db" / "report" / "index.html").is_file()

        # the one that started the server stops within 5 seconds, exit 0, and takes its server along
        assert first.stop(signal.SIGTERM) < 5
        assert first.proc.returncode == 0

        # the other one: one line, the server again, and its next run
        (lost,) = second.wait_for("lost the Prefect server", timeout=30)
        back = second.lines.index(lost)
        second.wait_for(f"starting one at {api}", after=back, timeout=60)
        second.wait_for(SUMMARY.pattern, after=back + 1, timeout=150)  # a run after the server came back
        assert healthy(api)
        assert second.stop(signal.SIGINT) < 5
        assert second.proc.returncode == 0
        assert not healthy(api)  # the server it started stopped with it
        for served in (first, second):
            assert not any("Traceback" in line or "Error" in line for line in served.lines), "\n".join(
                served.lines
            )
        assert len([line for line in second.lines if "lost the Prefect server" in line]) == 1
    finally:
        first.kill()
        if second:
            second.kill()
