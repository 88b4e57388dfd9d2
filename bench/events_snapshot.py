"""Snapshot of the events extraction gives on every text we have, to prove a change for speed changed
nothing.

    python -m bench.events_snapshot save  SNAPSHOT.jsonl   # before the change
    python -m bench.events_snapshot check SNAPSHOT.jsonl   # after: lists every document that differs

Per document: every field of every event `extract_events` gives (the document as `parse_document` makes
it, so the parse's dates, language and layout are covered too). Texts: the seeds, the devnews corpus and
1,000 documents of the benchmark corpus. The layout's caches are cleared between documents, so a
result never leans on the text read before. Needs ../shared for devnews and the benchmark's paragraphs.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from bench.corpus import SHARED, document
from bench.snapshots import run
from transforms import layout
from transforms.documents import parse_document
from transforms.events.extract import extract_events
from transforms.model import RawSource

ROOT = Path(__file__).resolve().parents[1]
BENCH_DOCS = 1000


def sources() -> Iterator[tuple[str, RawSource]]:
    for folder in (ROOT / "seeds", SHARED / "devnews"):
        for path in sorted(folder.glob("*.txt")):
            yield f"{folder.name}/{path.name}", RawSource(path.name, str(path), "txt", path.read_bytes())
    for i in range(BENCH_DOCS):
        rel, text = document(i)
        yield f"bench/{rel}", RawSource(rel, rel, "txt", text.encode("utf-8"))


def record(raw: RawSource) -> dict:
    for cached in (layout.opening_lines, getattr(layout, "line_reader", None)):
        if cached is not None:
            cached.cache_clear()
    doc = parse_document(raw)
    if not hasattr(doc, "text"):
        return {"rejected": doc.reason}
    events = [dataclasses.asdict(e) for e in extract_events(doc)]
    for e in events:
        e.pop("extractor_version", None)
    row = {"published": doc.published, "title": doc.title, "language": doc.language, "events": events}
    return json.loads(json.dumps(row, ensure_ascii=False, default=repr))


def rows() -> Iterator[tuple[str, dict]]:
    for key, raw in sources():
        yield key, record(raw)


def differs(key: str, old: dict | None, new: dict, shown: int) -> bool:
    if old == new:
        return False
    if shown < 10:
        if old is None or "events" not in old or "events" not in new:
            print(f"DIFF {key}: {old and list(old)} -> {list(new)}")
        else:
            print(f"DIFF {key}: {len(old['events'])} -> {len(new['events'])} events")
            for a, b in zip(old["events"], new["events"], strict=False):
                fields = sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))
                if fields:
                    print(f"   {a.get('sentence', '')[:70]!r}: {fields}")
                    break
    return True


def main(argv: list[str]) -> int:
    return run(argv, __doc__, rows, differs, "documents")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
