"""`timeline evaluate ...`: read gold and system output from disk, score with `transforms.evaluation`, print."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from transforms.evaluation.timeline import OPTIONAL_COLUMNS, score_timeline

BASE_COLUMNS = ("source_name", "sentence", "date_start", "date_end")


def read_exports(exports: Path) -> tuple[list[dict], list[dict]]:
    """The exported events (the columns the scorer reads, those of OPTIONAL_COLUMNS the export has) in the
    order the files give them, and the documents' dates."""
    import duckdb

    glob = str(exports / "events" / "**" / "*.parquet").replace("'", "''")
    source = f"read_parquet('{glob}', hive_partitioning=true, union_by_name=true)"
    con = duckdb.connect()
    try:
        have = {row[0] for row in con.execute(f"describe select * from {source}").fetchall()}
        columns = list(BASE_COLUMNS) + [c for c in OPTIONAL_COLUMNS if c in have]
        # No order by: the order of the rows decides between equally good candidates, as in the shared
        # scorer, which reads them the same way.
        events = con.execute(f"select {', '.join(columns)} from {source}").fetchall()
        docs = con.execute(
            "select source_name, published_start, published_end from read_parquet(?)",
            [str(exports / "documents.parquet")],
        ).fetchall()
    finally:
        con.close()
    return (
        [dict(zip(columns, r, strict=True)) for r in events],
        [dict(zip(("source_name", "published_start", "published_end"), r, strict=True)) for r in docs],
    )


def evaluate_timeline(gold_path: Path, exports: Path) -> int:
    if not (exports / "documents.parquet").exists():
        print(f"error: no export in {exports}; run `timeline run` first", file=sys.stderr)
        return 1
    if not gold_path.exists():
        print(f"error: no reference timeline at {gold_path}", file=sys.stderr)
        return 1
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    events, docs = read_exports(exports)
    score = score_timeline(gold, events, docs)
    for line in score.lines:
        print(line)
    print(score.events_line())
    print(score.summary())
    return 0


# ---------------------------------------------------------------- TimeML (TempEval-3)


def evaluate_timeml(gold_dir: Path, verbose: bool = False) -> int:
    from flows.tagging import timeml_document
    from transforms.evaluation.timeml import Counts, score_document
    from transforms.language import detect_language

    files = sorted(gold_dir.rglob("*.tml"))
    if not files:
        print(f"error: no *.tml files under {gold_dir}", file=sys.stderr)
        return 1
    total = Counts()
    print(
        f"{'file':40s} {'gold':>5s} {'sys':>5s} {'strictF1':>8s} {'relaxF1':>8s} {'valueF1':>8s} {'typeF1':>7s}"
    )
    for path in files:
        raw = path.read_text(encoding="utf-8", errors="replace")
        c = score_document(raw, timeml_document(raw, detect_language))
        total.add(c)
        print(
            f"{path.name[:40]:40s} {c.gold:5d} {c.system:5d} {c.f1(c.strict)[2]:8.3f} {c.f1(c.relaxed)[2]:8.3f} "
            f"{c.f1(c.value)[2]:8.3f} {c.f1(c.type)[2]:7.3f}"
        )
        if verbose:
            for kind, text, gold, system in c.errors:
                print(f"    {kind:8s} {text!r:40s} gold {gold:24s} system {system}")
    for name, hit in (
        ("strict", total.strict),
        ("relaxed", total.relaxed),
        ("value", total.value),
        ("type", total.type),
    ):
        p, r, f = total.f1(hit)
        print(f"{name:8s} P {p:.3f} R {r:.3f} F1 {f:.3f}")
    print(
        f"timeml: strict F1 {total.f1(total.strict)[2]:.3f} relaxed F1 {total.f1(total.relaxed)[2]:.3f} "
        f"value F1 {total.f1(total.value)[2]:.3f} type F1 {total.f1(total.type)[2]:.3f} "
        f"({total.gold} gold, {total.system} system, {len(files)} files)"
    )
    return 0


# ---------------------------------------------------------------- Recognizers-Text specs


LANGUAGE_FOLDERS = {"dutch": "nl", "english": "en"}


def evaluate_specs(path: Path, language: str | None = None, verbose: bool = False) -> int:
    from flows.tagging import parse_dct, timex_json
    from transforms.evaluation.specs import SpecScore, read_cases, score_case
    from transforms.temporal import tag

    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    if not files:
        print(f"error: no spec files in {path}", file=sys.stderr)
        return 1
    total, valued, n_cases, n_valued = SpecScore(), SpecScore(), 0, 0
    print(
        f"{'spec':32s} {'cases':>5s} {'gold':>5s} {'sys':>5s} {'relaxF1':>8s} {'strictF1':>8s} {'valueF1':>8s}"
    )
    for f in files:
        lang = language or LANGUAGE_FOLDERS.get(f.parent.name.lower(), "en")
        spec = json.loads(f.read_text(encoding="utf-8-sig"))
        cases, _ = read_cases(spec)
        score = SpecScore()
        for case in cases:
            timexes = [timex_json(t) for t in tag(case.text, parse_dct(case.ref.isoformat()), lang)]
            score.add(score_case(case, timexes))
        n_cases += len(cases)
        total.add(score)
        has_values = any(g.periods is not None for c in cases for g in c.golds)
        if has_values:  # extractor specs carry no values: their value F1 would be meaningless
            valued.add(score)
            n_valued += len(cases)
        value = f"{score.value_f1():8.3f}" if has_values else f"{'-':>8s}"
        print(
            f"{f.name[:32]:32s} {len(cases):5d} {score.gold:5d} {score.system:5d} {score.f1(score.relaxed):8.3f} "
            f"{score.f1(score.strict):8.3f} {value}"
        )
        if verbose:
            for e in score.errors:
                print(f"    {e}")
    acc = valued.right / valued.valued if valued.valued else 0.0
    print(
        f"specs: extent relaxed F1 {total.f1(total.relaxed):.3f} strict F1 {total.f1(total.strict):.3f} "
        f"({total.gold} gold, {total.system} system, {n_cases} cases); value accuracy {acc:.3f}; "
        f"value F1 {valued.value_f1():.3f} ({n_valued} cases with values)"
    )
    return 0
