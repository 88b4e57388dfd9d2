"""The temporal tagger as a filter (`timeline tag`) and over TimeML files (`timeline timeml`): I/O edges only."""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from transforms.documents import parse_published_value
from transforms.language import detect_language
from transforms.model import Published, Timex
from transforms.temporal import tag
from transforms.temporal.timeml import timeml_document
from transforms.timeml_links import without_dangling_links


def parse_dct(value) -> Published | None:
    """'YYYY-MM-DD' or 'YYYY-MM' (or null) as the document's date, read as a sidecar date is."""
    if value in (None, ""):
        return None
    published = parse_published_value(str(value).strip())
    if published is None:
        raise ValueError(f"dct must be YYYY-MM-DD or YYYY-MM, not {value!r}")
    return published


def timex_json(t: Timex) -> dict:
    return {
        "start": t.start,
        "end": t.end,
        "text": t.text,
        "type": t.type,
        "value": t.value,
        "date_start": t.date_start.isoformat() if t.date_start else None,
        "date_end": t.date_end.isoformat() if t.date_end else None,
        "precision": t.precision,
    }


def tag_line(line: str) -> str:
    ident = None
    try:
        obj = json.loads(line)
        if not isinstance(obj, dict):
            raise ValueError("each line must be a JSON object")
        ident = obj.get("id")
        text = obj.get("text")
        if not isinstance(text, str):
            raise ValueError("'text' must be a string")
        language = obj.get("language") or detect_language(text)
        timexes = tag(text, parse_dct(obj.get("dct")), language)
        return json.dumps(
            {"id": ident, "language": language, "timexes": [timex_json(t) for t in timexes]},
            ensure_ascii=False,
        )
    except Exception as exc:  # noqa: BLE001 - a bad line gets an error line and the rest go on
        return json.dumps({"id": ident, "error": f"{type(exc).__name__}: {exc}"}, ensure_ascii=False)


def tag_lines(lines: Iterable[str]) -> Iterator[str]:
    for line in lines:
        if line.strip():
            yield tag_line(line)


def tag_timeml_dir(in_dir: Path, out_dir: Path) -> int:
    out_dir.mkdir(parents=True, exist_ok=True)
    n = 0
    for path in sorted(in_dir.glob("*.tml")):
        raw = path.read_text(encoding="utf-8", errors="replace")
        tagged = without_dangling_links(timeml_document(raw, detect_language))
        (out_dir / path.name).write_text(tagged, encoding="utf-8")
        n += 1
    return n


__all__ = ["html", "parse_dct", "tag_line", "tag_lines", "tag_timeml_dir", "timex_json"]
