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


def snapshot() -> Iterator[dict]:
    for key, text, dct, lang in texts():
        yield {"key": key, "timexes": [timex_json(t) for t in tag(text, dct, lang)]}


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("save", "check"):
        print(__doc__)
        return 2
    path = Path(argv[1])
    if argv[0] == "save":
        with path.open("w", encoding="utf-8") as out:
            n = 0
            for row in snapshot():
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                n += 1
        print(f"{n} texts saved to {path}")
        return 0
    before = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        before[row["key"]] = row["timexes"]
    differ = n = 0
    for row in snapshot():
        n += 1
        old = before.pop(row["key"], None)
        if old != row["timexes"]:
            differ += 1
            if differ <= 20:
                print(f"DIFF {row['key']}\n  before {old}\n  after  {row['timexes']}")
    print(f"{n} texts compared, {differ} differ, {len(before)} missing")
    return 1 if differ or before else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
