"""How many documents the inputs hold, counted before a run so its progress has a total.

Cheap: names and sizes from the directory walk, and for JSON Lines the non-blank lines (a byte scan, no
JSON parsing). It follows discovery's rules (`flows.sources`: supported extensions, hidden entries
skipped, each real file once); an input that discovery rejects whole (a missing path) counts as one,
as the run's `documents read` does."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from flows.sources import kind_of


def count_documents(paths: Iterable[str | Path]) -> int:
    seen: set[str] = set()
    return sum(count_path(Path(p), seen) for p in paths)


def count_path(path: Path, seen: set[str]) -> int:
    try:
        if path.is_dir():
            return count_folder(path, seen)
    except OSError:
        return 1
    if not path.is_file():
        return 1  # missing, or not a regular file: one rejected input
    return count_file(path, seen) if kind_of(path) else 1


def count_folder(folder: Path, seen: set[str]) -> int:
    real = os.path.realpath(folder)
    if real in seen:
        return 0
    seen.add(real)
    n = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 1
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir():
                n += count_folder(Path(entry.path), seen)
            elif entry.is_file() and kind_of(Path(entry.path)):
                n += count_file(Path(entry.path), seen)
        except OSError:
            n += 1
    return n


def count_file(path: Path, seen: set[str]) -> int:
    real = os.path.realpath(path)
    if real in seen:
        return 0
    seen.add(real)
    if kind_of(path) != "jsonl":
        return 1
    try:
        with open(path, "rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return 1
