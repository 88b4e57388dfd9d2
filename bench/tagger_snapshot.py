"""Snapshot of the temporal tagger's output on every text we have, to prove a refactoring changed nothing.

    python -m bench.tagger_snapshot save  SNAPSHOT.jsonl   # before the change
    python -m bench.tagger_snapshot check SNAPSHOT.jsonl   # after: lists every expression that differs

Texts: the TempEval-3 training corpus (with each file's creation time), the Dutch and English
Recognizers-Text specs (with their reference dates), the seeds and the devnews corpus (with and
without their document dates), and 300 documents of the benchmark corpus. Needs ../shared.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from bench.corpus import SHARED, document
from bench.snapshots import run
from flows.tagging import timex_json
from transforms.documents import parse_document
from transforms.language import detect_language
from transforms.model import Published, RawSource
from transforms.temporal import tag
from transforms.temporal.timeml import TEXT, creation_time, plain_text

ROOT = Path(__file__).resolve().parents[1]
SPEC_DCT = "2016-11-07"


def day(value: str) -> Published:
    d = dt.date.fromisoformat(value)
    return Published(d, d, "day", "header")


def texts() -> Iterator[tuple[str, str, Published | None, str]]:
    """(key, text, document date, language) of every text in the snapshot."""
    for path in sorted((SHARED / "tempeval3" / "train").rglob("*.tml")):
        raw = path.read_text(encoding="utf-8", errors="replace")
        m = TEXT.search(raw)
        if m:
            yield f"te3/{path.name}", plain_text(m.group(2)), creation_time(raw), "en"
    for lang, folder in (("nl", "Dutch"), ("en", "English")):
        for path in sorted((SHARED / "recognizers-text-datetime" / folder).glob("*.json")):
            for i, case in enumerate(json.loads(path.read_text(encoding="utf-8-sig"))):
                ref = str(case.get("Context", {}).get("ReferenceDateTime") or SPEC_DCT)[:10]
                yield f"specs/{folder}/{path.name}#{i}", str(case.get("Input", "")), day(ref), lang
    for folder in (ROOT / "seeds", SHARED / "devnews"):
        for path in sorted(folder.glob("*.txt")):
            raw = RawSource(path.name, str(path), "txt", path.read_bytes())
            doc = parse_document(raw)
            if hasattr(doc, "text"):
                yield f"{folder.name}/{path.name}", doc.text, doc.published, doc.language
                yield f"{folder.name}/{path.name}#nodct", doc.text, None, doc.language
    for i in range(300):
        rel, text = document(i)
        yield f"bench/{rel}", text, None, detect_language(text)


def snapshot() -> Iterator[tuple[str, dict]]:
    for key, text, dct, lang in texts():
        yield key, {"timexes": [timex_json(t) for t in tag(text, dct, lang)]}


def differs(key: str, old: dict | None, new: dict, shown: int) -> bool:
    if old == new:
        return False
    if shown < 20:
        print(f"DIFF {key}\n  before {old and old['timexes']}\n  after  {new['timexes']}")
    return True


def main(argv: list[str]) -> int:
    return run(argv, __doc__, snapshot, differs, "texts")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
