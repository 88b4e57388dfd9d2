"""Like `bench.tagger_snapshot`, but each expression with every field of its Timex (source, mod and the
TimeML-sized parts of a range too), for refactorings of the tagger that must change nothing at all.

    python -m bench.tagger_fields_snapshot save  SNAPSHOT.jsonl   # before the change
    python -m bench.tagger_fields_snapshot check SNAPSHOT.jsonl   # after: lists every text that differs

Same texts as `bench.tagger_snapshot` (6,236). Needs ../shared.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Iterator

from bench.snapshots import run
from bench.tagger_snapshot import differs, texts
from transforms.model import Timex
from transforms.temporal import tag


def fields(t: Timex) -> dict:
    """Every field of `t` as JSON: dates as ISO strings, parts recursively."""
    row = {}
    for f in dataclasses.fields(t):
        v = getattr(t, f.name)
        if f.name == "parts":
            v = [fields(p) for p in v]
        elif v is not None and f.name.startswith("date_"):
            v = v.isoformat()
        row[f.name] = v
    return row


def snapshot() -> Iterator[tuple[str, dict]]:
    for key, text, dct, lang in texts():
        yield key, {"timexes": [fields(t) for t in tag(text, dct, lang)]}


def main(argv: list[str]) -> int:
    return run(argv, __doc__, snapshot, differs, "texts")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
