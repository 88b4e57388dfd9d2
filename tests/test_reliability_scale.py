"""Reliability, item 1 at scale: 20,000 tiny files in nested folders.

Both discovery and the full run through the flow are part of every `make test` (the load took about
40 s with --batch-size 2000 on 2 cores, 2026-11-23).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from flows.sources import discover
from tests.faults import write_tiny_files
from tests.reliability import rows, run_flow
from transforms.model import RawSource

COUNT = 20_000


@pytest.fixture(scope="module")
def tiny_files(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("tiny")
    write_tiny_files(folder, COUNT)
    return folder


def test_20000_tiny_files_in_nested_folders_are_all_discovered(tiny_files: Path) -> None:
    started = time.perf_counter()
    names = []
    for item in discover([tiny_files]):
        assert isinstance(item, RawSource), item
        names.append(item.source_name)
    assert len(names) == COUNT == len(set(names))
    assert names == sorted(names)  # nested folders walked in name order, each file once
    assert time.perf_counter() - started < 60


@pytest.mark.slow
def test_20000_tiny_files_all_load(prefect_harness, tiny_files: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    summary = run_flow([tiny_files], data, batch_size=2000, lock_timeout=30)
    assert (summary.documents_loaded, summary.documents_rejected) == (COUNT, 0)
    assert rows(data, "select count(*) from documents") == [(COUNT,)]
