"""The progress bar of `timeline run` in a terminal: a total from the start, a rate and the time left,
and nothing else printed into it (Prefect's notices come before it, or not at all)."""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import time
from pathlib import Path

from flows.inventory import count_documents

ROOT = Path(__file__).resolve().parents[1]
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def run_in_a_terminal(args: list[str], env: dict[str, str], timeout: float = 300) -> str:
    """What a person would see: the command's output through a pseudo-terminal, colours removed."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen(args, stdin=follower, stdout=follower, stderr=follower, cwd=ROOT, env=env)
    os.close(follower)
    chunks, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.5)
        if ready:
            try:
                data = os.read(leader, 65536)
            except OSError:  # the terminal closed: the command is done
                break
            if not data:
                break
            chunks.append(data)
        elif proc.poll() is not None:
            break
    proc.wait(10)
    os.close(leader)
    assert proc.returncode == 0, b"".join(chunks).decode("utf-8", "replace")
    return ANSI.sub("", b"".join(chunks).decode("utf-8", "replace"))


def test_count_documents_counts_what_discovery_reads(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "one.txt.meta.json").write_text("{}", encoding="utf-8")  # metadata, not a document
    (tmp_path / "a" / ".hidden.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / "feed.jsonl").write_text('{"text": "a"}\n\n{"text": "b"}\nnot json\n', encoding="utf-8")
    (tmp_path / "link").symlink_to(tmp_path / "a")  # the same folder twice is read once
    assert count_documents([tmp_path, tmp_path / "missing.txt"]) == 1 + 3 + 1


def test_the_progress_bar_has_a_total_a_rate_and_time_left_and_nothing_inside_it(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_API", "TIMELINE_"))}
    env |= {"COLUMNS": "160", "LINES": "40", "TERM": "xterm-256color"}
    timeline = str(ROOT / ".venv" / "bin" / "timeline")
    # a temporary Prefect server is started (no API configured): its notices must not land in the bar
    shown = run_in_a_terminal(
        [timeline, "run", "seeds", "--data-dir", str(tmp_path / "d"), "--batch-size", "2"], env
    )
    frames = [f.strip() for f in re.split(r"[\r\n]", shown) if f.strip()]
    bar = [f for f in frames if f.startswith("documents")]
    assert bar, shown
    assert all(re.search(r" \d+/5 ", f) for f in bar), bar  # the total from the first frame on
    assert any(re.search(r"[\d.]+ docs/s", f) for f in bar)
    assert any(re.search(r"left \d+:\d\d:\d\d", f) for f in bar)
    assert any(" 2/5 " in f or " 4/5 " in f for f in bar)  # it moves batch by batch
    others = [f for f in frames if not f.startswith("documents")]
    ours = re.compile(r"^(run [0-9a-f]{12}: |warehouse: |report: |timeline \(|\d{4}-\d\d-\d\d)")
    assert [f for f in others if not ours.match(f)] == []
