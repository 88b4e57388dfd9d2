"""Language resources as data: one folder per language, one JSON file per kind of knowledge.

A new language is a new folder (`transforms/resources/<iso-639-1>/`) with the same files;
no code changes. Files are read once and cached.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

HERE = Path(__file__).parent


@cache
def languages() -> tuple[str, ...]:
    """The languages that have resources (folder names)."""
    return tuple(sorted(p.name for p in HERE.iterdir() if p.is_dir() and not p.name.startswith("_")))


@cache
def load(language: str, name: str) -> dict:
    """The resource `name` (e.g. "numbers") for `language`; {} when that language has none."""
    path = HERE / language / f"{name}.json"
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))
