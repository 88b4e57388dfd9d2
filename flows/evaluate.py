"""`timeline evaluate ...`: read gold and system output from disk, score with `transforms.evaluation`, print."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from transforms.evaluation.timeline import score_timeline


def read_exports(exports: Path) -> tuple[list[dict], list[dict]]:
    import duckdb

    con = duckdb.connect()
    try:
        events = con.execute(
            "select source_name, sentence, date_start, date_end "
            "from read_parquet(?, hive_partitioning=true, union_by_name=true)",
            [str(exports / "events" / "**" / "*.parquet")]).fetchall()
        docs = con.execute("select source_name, published_start, published_end from read_parquet(?)",
                           [str(exports / "documents.parquet")]).fetchall()
    finally:
        con.close()
    return ([dict(zip(("source_name", "sentence", "date_start", "date_end"), r)) for r in events],
            [dict(zip(("source_name", "published_start", "published_end"), r)) for r in docs])


def evaluate_timeline(gold_path: Path, exports: Path) -> int:
    if not (exports / "documents.parquet").exists():
        print(f"error: no export in {exports}; run `timeline run` first", file=sys.stderr)
        return 1
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    events, docs = read_exports(exports)
    score = score_timeline(gold, events, docs)
    for line in score.lines:
        print(line)
    print(score.summary())
    return 0
