"""The `save` / `check` command both snapshot tools share (`bench.tagger_snapshot`,
`bench.entities_snapshot`): rows keyed by text, written as JSON Lines, and compared row by row."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path


def run(
    argv: list[str],
    usage: str,
    rows: Callable[[], Iterator[tuple[str, dict]]],
    differs: Callable[[str, dict | None, dict, int], bool],
    what: str,
) -> int:
    """`save PATH` writes every (key, row) of `rows`; `check PATH` compares them with the saved ones:
    `differs(key, old, new, count so far)` says whether a row differs (and prints it). 1 when any row
    differs or is missing, 2 on a bad command line."""
    if len(argv) != 2 or argv[0] not in ("save", "check"):
        print(usage)
        return 2
    path = Path(argv[1])
    if argv[0] == "save":
        n = 0
        with path.open("w", encoding="utf-8") as out:
            for key, row in rows():
                out.write(json.dumps({"key": key, **row}, ensure_ascii=False) + "\n")
                n += 1
        print(f"{n} {what} saved to {path}")
        return 0
    before = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        before[row.pop("key")] = row
    differ = n = 0
    for key, row in rows():
        n += 1
        if differs(key, before.pop(key, None), row, differ):
            differ += 1
    print(f"{n} {what} compared, {differ} differ, {len(before)} missing")
    return 1 if differ or before else 0
