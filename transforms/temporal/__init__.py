"""Temporal tagging: find and normalise temporal expressions (TIMEX3) in Dutch and English text.

Public entry point: `tag(text, dct, language) -> list[Timex]` (stub until the tagger lands).
"""

from __future__ import annotations

from transforms.model import Published, Timex


def tag(text: str, dct: Published | None = None, language: str = "en") -> list[Timex]:
    return []
