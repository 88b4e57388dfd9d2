"""The whole pipeline through Prefect, on the seeds, into a real DuckDB file in a temp dir."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.conftest import ROOT, SHARED, shared_path
from tests.test_export import CONTRACT_EVENT_TYPES
from transforms.evaluation.timeline import score_timeline

SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "golden" / "seeds" / "timeline.json"

DOCUMENT_COLUMNS = [
    "doc_id",
    "source_name",
    "title",
    "language",
    "published_start",
    "published_end",
    "published_precision",
    "published_source",
    "char_count",
    "content_sha256",
    "ingested_at",
]


def run(inputs, data_dir: Path):
    from flows.pipeline import timeline_flow

    return timeline_flow([str(p) for p in inputs], str(data_dir), 2, 30)


def rows(data_dir: Path, sql: str):
    con = duckdb.connect(str(data_dir / "timeline.duckdb"), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def exported_events(data_dir: Path):
    con = duckdb.connect()
    glob = str(data_dir / "exports" / "events" / "**" / "*.parquet")
    return con.execute(f"select * from read_parquet('{glob}', hive_partitioning=true)").fetchall(), con


@pytest.fixture(scope="module")
def seeded(prefect_harness, tmp_path_factory):
    data = tmp_path_factory.mktemp("data")
    summary = run([SEEDS], data)
    return data, summary


def test_seeds_load_into_the_warehouse(seeded):
    data, summary = seeded
    assert summary.documents_loaded == 5 and summary.documents_rejected == 0
    assert rows(data, "select count(*) from documents") == [(5,)]
    (events,) = rows(data, "select count(*) from events")[0]
    assert events == summary.events_loaded > 20
    assert rows(data, "select status, documents_loaded from runs") == [("completed", 5)]
    assert rows(data, "select count(*) from timeline")[0][0] == events
    assert rows(data, "select count(*) from monthly_event_counts")[0][0] > 0


def test_export_has_the_contract_columns_and_types(seeded):
    data, _ = seeded
    con = duckdb.connect()
    glob = str(data / "exports" / "events" / "**" / "*.parquet")
    described = dict(
        con.execute(
            f"select column_name, column_type from (describe select * from read_parquet('{glob}', hive_partitioning=true))"
        ).fetchall()
    )
    for name, kind in CONTRACT_EVENT_TYPES.items():
        assert described.get(name) == kind, (name, described.get(name))
    docs = con.execute(f"select * from read_parquet('{data / 'exports' / 'documents.parquet'}')")
    assert [d[0] for d in docs.description][: len(DOCUMENT_COLUMNS)] == DOCUMENT_COLUMNS
    parts = sorted(p.name for p in (data / "exports" / "events").glob("*/year=*"))
    assert any(p.startswith("year=2024") for p in parts)


def test_seed_reference_timeline(seeded):
    data, _ = seeded
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    con = duckdb.connect()
    glob = str(data / "exports" / "events" / "**" / "*.parquet")
    events = [
        dict(zip(("source_name", "sentence", "date_start", "date_end"), r, strict=False))
        for r in con.execute(
            f"select source_name, sentence, date_start, date_end from read_parquet('{glob}', hive_partitioning=true)"
        ).fetchall()
    ]
    docs = [
        dict(zip(("source_name", "published_start", "published_end"), r, strict=False))
        for r in con.execute(
            f"select source_name, published_start, published_end from read_parquet('{data / 'exports' / 'documents.parquet'}')"
        ).fetchall()
    ]
    score = score_timeline(gold, events, docs)
    print("\n".join(score.lines + [score.summary()]))
    assert score.required >= 17, score.summary()
    assert (score.invented, score.traps) == (0, 0), score.summary()
    assert score.dct_right == score.dct_total == 5


def test_our_scorer_agrees_with_the_shared_one(seeded):
    data, _ = seeded
    scorer = shared_path("tools", "score_timeline.py")
    out = (
        subprocess.run(
            [sys.executable, str(scorer), str(GOLD), str(data / "exports")],
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    mine = subprocess.run(
        [sys.executable, "-m", "flows.cli", "evaluate", "timeline", str(GOLD), "--data-dir", str(data)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    assert mine.strip().splitlines()[-1] == out


def test_second_run_changes_nothing(seeded):
    data, _ = seeded
    before = rows(data, "select event_id from events order by event_id")
    docs_before = rows(data, "select doc_id, ingested_at from documents order by doc_id")
    summary = run([SEEDS], data)
    assert (summary.documents_skipped, summary.documents_loaded, summary.events_loaded) == (5, 0, 0)
    assert rows(data, "select event_id from events order by event_id") == before
    assert rows(data, "select doc_id, ingested_at from documents order by doc_id") == docs_before
    assert rows(data, "select count(*) from runs")[0][0] == 2


def test_changed_document_replaces_its_own_events(prefect_harness, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS / "000_644458f05d8138fc.txt", folder)
    shutil.copy(SEEDS / "002_df1d154bfbcc9e03.txt", folder)
    data = tmp_path / "data"
    run([folder], data)
    target = folder / "002_df1d154bfbcc9e03.txt"
    target.write_text(
        target.read_text(encoding="utf-8") + "\nIn 2030 volgt een evaluatie.\n", encoding="utf-8"
    )
    run([folder], data)
    assert rows(data, "select count(*) from documents") == [(2,)]
    (orphans,) = rows(data, "select count(*) from events where doc_id not in (select doc_id from documents)")[
        0
    ]
    assert orphans == 0
    assert rows(data, "select count(*) from events where sentence like 'In 2030%'") == [(1,)]


def test_bad_input_lands_in_rejected_and_the_run_completes(prefect_harness, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS / "004_f2b82cc3597c9be6.txt", folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "broken.txt").write_bytes(b"caf\xe9 \xff\xfe\xfa\x80 na\xefve " * 3)
    data = tmp_path / "data"
    summary = run([folder], data)
    rejected = dict(rows(data, "select source_name, reason from rejected"))
    assert "empty.txt" in rejected and "image.txt" in rejected
    loaded = {r[0] for r in rows(data, "select source_name from documents")}
    assert "004_f2b82cc3597c9be6.txt" in loaded
    assert "broken.txt" in loaded | set(rejected)  # decoded as Latin-1, or rejected: never lost
    assert summary.documents_rejected == len(rejected) >= 2
    assert rows(data, "select status from runs") == [("completed_with_rejections",)]


def test_cli_tag_filter():
    lines = "\n".join(
        [
            json.dumps(
                {
                    "id": 1,
                    "text": "Starmer werd in juli vorig jaar verkozen.",
                    "dct": "2025-05",
                    "language": "nl",
                }
            ),
            "not json",
            json.dumps({"id": 3, "text": "He left three days ago.", "dct": "2025-05-14", "language": None}),
        ]
    )
    out = subprocess.run(
        [sys.executable, "-m", "flows.cli", "tag"],
        input=lines,
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout.splitlines()
    first, second, third = (json.loads(x) for x in out)
    assert first["timexes"][0] | {} == {
        "start": 16,
        "end": 31,
        "text": "juli vorig jaar",
        "type": "DATE",
        "value": "2024-07",
        "date_start": "2024-07-01",
        "date_end": "2024-07-31",
        "precision": "month",
    }
    assert "error" in second
    assert (third["language"], third["timexes"][0]["date_start"]) == ("en", "2025-05-11")


def test_extraction_makes_no_reference_cycles_and_restores_the_collector():
    """`extract_rows` raises the garbage collector's threshold while it extracts (`fewer_collections`):
    sound only because extraction leaves no cyclic garbage, which only the collector could free."""
    import datetime as dt
    import gc

    from flows.pipeline import EXTRACT_GC_THRESHOLD, extract_rows
    from transforms.model import RawSource

    devnews = SHARED / "corpora" / "devnews"  # with the seeds when it is there; the seeds alone suffice
    paths = sorted(SEEDS.glob("*.txt")) + sorted(devnews.glob("*.txt"))
    raws = [RawSource(p.name, str(p), "txt", p.read_bytes()) for p in paths]
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    extract_rows(raws, now)  # the rules' resources loaded (once per process), and the garbage of that freed
    gc.collect()
    before = gc.get_threshold()
    gc.disable()
    try:
        batch = extract_rows(raws, now)
        assert batch.events.num_rows > 0
        del batch
        assert gc.collect() == 0  # nothing left that reference counting did not free
    finally:
        gc.enable()
    assert gc.get_threshold() == before
    assert before[0] < EXTRACT_GC_THRESHOLD
