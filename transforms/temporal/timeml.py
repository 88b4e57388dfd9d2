"""TimeML in and out: strip a document's annotations, tag its text, write our own TIMEX3 tags.

Pure: a TimeML string in, a TimeML string out. Ranges and open intervals are written as their
TimeML-sized parts ("van 2021 tot en met 2024" → two DATEs), as TimeML annotates them.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable

from transforms.model import Published, Timex
from transforms.temporal.tagger import tag

TEXT = re.compile(r"(<TEXT>)(.*?)(</TEXT>)", re.S)
TAG = re.compile(r"<[^>]+>")
DCT = re.compile(r"<TIMEX3[^>]*functionInDocument=\"CREATION_TIME\"[^>]*>", re.S)
VALUE = re.compile(r'value="([^"]*)"')


def creation_time(raw: str) -> Published | None:
    m = DCT.search(raw)
    v = VALUE.search(m.group(0)) if m else None
    if not v:
        return None
    d = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", v.group(1))
    if not d:
        return None
    day = dt.date(int(d.group(1)), int(d.group(2)), int(d.group(3)))
    return Published(day, day, "day", "header")


def plain_text(body: str) -> str:
    """The text inside <TEXT>, without any tags, entities decoded."""
    return html.unescape(TAG.sub("", body))


def timeml_parts(timexes: list[Timex]) -> list[Timex]:
    out = []
    for t in timexes:
        out.extend(t.parts if t.parts else [t])
    return out


def render(text: str, timexes: list[Timex]) -> str:
    pieces, pos = [], 0
    for i, t in enumerate(sorted(timeml_parts(timexes), key=lambda t: t.start), start=1):
        if t.start < pos:
            continue
        pieces.append(html.escape(text[pos : t.start], quote=False))
        attrs = f'tid="t{i}" type="{t.type}" value="{html.escape(t.value)}"'
        if t.mod:
            attrs += f' mod="{t.mod}"'
        pieces.append(f"<TIMEX3 {attrs}>{html.escape(text[t.start : t.end], quote=False)}</TIMEX3>")
        pos = t.end
    pieces.append(html.escape(text[pos:], quote=False))
    return "".join(pieces)


def with_timexes(raw: str, text: str, timexes: list[Timex]) -> str:
    """The TimeML document `raw` with its <TEXT> replaced by `text` tagged with `timexes`."""
    m = TEXT.search(raw)
    return raw[: m.start(2)] + render(text, timexes) + raw[m.end(2) :]


def timeml_document(raw: str, detect_language: Callable[[str], str]) -> str:
    m = TEXT.search(raw)
    if not m:
        return raw
    text = plain_text(m.group(2))
    language = detect_language(text) if text.strip() else "en"
    return with_timexes(raw, text, tag(text, creation_time(raw), language))
