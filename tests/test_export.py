"""The Parquet export: the contract's columns and types, hive partitions, the atomic swap."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pyarrow.dataset as ds
import pytest

from tests.conftest import SHARED
from tests.test_warehouse import document_row, event_row, load
from warehouse import export as export_module
from warehouse.export import DOCUMENT_COLUMNS, EVENT_COLUMNS, export_parquet
from warehouse.store import Warehouse

SCORER = SHARED / "tools" / "score_timeline.py"

# The contract's columns and types (contract.md) in its order, as DuckDB describes them when reading the
# export back; then the extras, and the hive partition columns (from the directory names).
CONTRACT_EVENT_TYPES = {
    "event_id": "VARCHAR",
    "doc_id": "VARCHAR",
    "source_name": "VARCHAR",
    "language": "VARCHAR",
    "sentence": "VARCHAR",
    "char_start": "INTEGER",
    "char_end": "INTEGER",
    "clause_start": "INTEGER",
    "clause_end": "INTEGER",
    "trigger_start": "INTEGER",
    "trigger_end": "INTEGER",
    "status": "VARCHAR",
    "event_type": "VARCHAR",
    "trigger": "VARCHAR",
    "date_text": "VARCHAR",
    "date_start": "DATE",
    "date_end": "DATE",
    "date_precision": "VARCHAR",
    "date_source": "VARCHAR",
    "actors": "VARCHAR[]",
    "locations": "VARCHAR[]",
    "quantities": 'STRUCT("value" DOUBLE, unit VARCHAR, "text" VARCHAR)[]',
    "confidence": "DOUBLE",
    "extractor_version": "VARCHAR",
}
EXTRA_EVENT_TYPES = {
    "date_value": "VARCHAR",
    "quantity_details": 'STRUCT("value" DOUBLE, unit VARCHAR, "text" VARCHAR, qualifier VARCHAR, what VARCHAR)[]',
    "places": 'STRUCT("name" VARCHAR, resolved VARCHAR, country_code VARCHAR, latitude DOUBLE, longitude DOUBLE)[]',
}
EXPORTED_EVENT_TYPES = CONTRACT_EVENT_TYPES | EXTRA_EVENT_TYPES | {"year": "BIGINT", "month": "BIGINT"}
CONTRACT_DOCUMENT_TYPES = {
    "doc_id": "VARCHAR",
    "source_name": "VARCHAR",
    "title": "VARCHAR",
    "language": "VARCHAR",
    "published_start": "DATE",
    "published_end": "DATE",
    "published_precision": "VARCHAR",
    "published_source": "VARCHAR",
    "char_count": "INTEGER",
    "content_sha256": "VARCHAR",
    "ingested_at": "TIMESTAMP",
}


def events_glob(exports: Path) -> str:
    return str(exports / "events" / "**" / "*.parquet")


def read_events(exports: Path, columns: str = "*") -> list[tuple]:
    return duckdb.execute(
        f"select {columns} from read_parquet(?, hive_partitioning=true, union_by_name=true) "
        "order by event_id",
        [events_glob(exports)],
    ).fetchall()


def describe(sql: str, params: list) -> dict[str, str]:
    return {row[0]: row[1] for row in duckdb.execute(f"describe {sql}", params).fetchall()}


@pytest.fixture
def wh(tmp_path: Path):
    with Warehouse.open(tmp_path / "timeline.duckdb") as warehouse:
        load(
            warehouse,
            [
                document_row("d1"),
                document_row(
                    "d2",
                    "seeds/b.txt",
                    published_start=None,
                    published_end=None,
                    published_precision="unknown",
                    published_source="unknown",
                ),
            ],
            [
                event_row("e1"),
                event_row(
                    "e2",
                    date_start=dt.date(2024, 11, 1),
                    date_end=dt.date(2024, 11, 30),
                    date_precision="month",
                ),
                event_row(
                    "e3",
                    "d2",
                    source_name="b.txt",
                    date_start=None,
                    date_end=None,
                    date_precision="unknown",
                    date_source="unresolved",
                    date_text=None,
                    date_value=None,
                ),
            ],
        )
        yield warehouse


def test_events_have_the_contract_columns_and_types(wh: Warehouse, tmp_path: Path) -> None:
    exports = tmp_path / "exports"
    result = export_parquet(wh, exports)
    assert (result["events"], result["documents"], result["partitions"]) == (3, 2, 3)
    types = describe("select * from read_parquet(?, hive_partitioning=true)", [events_glob(exports)])
    assert types == EXPORTED_EVENT_TYPES
    # the contract's columns first, in its order, then the extras (the partition columns come last)
    assert list(types)[: len(EVENT_COLUMNS)] == list(CONTRACT_EVENT_TYPES) + list(EXTRA_EVENT_TYPES)
    assert list(EVENT_COLUMNS) == list(CONTRACT_EVENT_TYPES) + list(EXTRA_EVENT_TYPES)


def test_the_clause_status_places_and_quantity_details_are_exported(tmp_path: Path) -> None:
    quantity = {
        "value": 1800.0,
        "unit": "people",
        "text": "meer dan 1.800",
        "qualifier": "more than",
        "what": "migranten",
    }
    place = {
        "name": "Parijs",
        "resolved": "Paris",
        "country_code": "FR",
        "latitude": 48.85,
        "longitude": 2.35,
    }
    event = event_row(
        "e1",
        status="planned",
        clause_start=4,
        clause_end=30,
        trigger_start=12,
        trigger_end=17,
        quantities=[quantity],
        locations=["Parijs"],
        places=[place],
    )
    with Warehouse.open(tmp_path / "timeline.duckdb") as warehouse:
        load(warehouse, [document_row("d1")], [event])
        export_parquet(warehouse, tmp_path / "exports")
    columns = (
        "status, clause_start, clause_end, trigger_start, trigger_end, quantities, quantity_details, places"
    )
    assert read_events(tmp_path / "exports", columns) == [
        (
            "planned",
            4,
            30,
            12,
            17,
            [{"value": 1800.0, "unit": "people", "text": "meer dan 1.800"}],  # the contract's type
            [quantity],
            [place],
        )
    ]


def test_an_export_made_with_other_columns_is_rewritten_whole(wh: Warehouse, tmp_path: Path) -> None:
    # An export from before a migration (or older code) has partitions with other columns: linking them
    # into the next version would mix two layouts in one export.
    exports = tmp_path / "exports"

    def export_after_a_change(confidence: float) -> str:
        wh.con.execute("update events set confidence = ? where event_id = 'e1'", [confidence])
        return export_parquet(wh, exports)["mode"]

    assert export_after_a_change(0.5) == "full"  # none there yet
    assert export_after_a_change(0.6) == "partitions"
    state = json.loads((exports / ".state.json").read_text(encoding="utf-8"))
    assert "quantity_details" in state["layout"]
    (exports / ".state.json").write_text(
        json.dumps(state | {"layout": state["layout"].replace("quantity_details", "q")}), encoding="utf-8"
    )
    assert export_after_a_change(0.7) == "full"


def test_the_export_rewrites_exactly_the_partitions_that_differ_from_the_warehouse(
    wh: Warehouse, tmp_path: Path
) -> None:
    exports = tmp_path / "exports"
    assert export_parquet(wh, exports)["mode"] == "full"
    assert export_parquet(wh, exports)["mode"] == "unchanged"  # nothing differs: nothing written
    # The warehouse changes behind the export's back (a run killed after its swap did that): one row
    # of November 2024 changes, the undated event goes; the next export writes November alone.
    wh.con.execute("update events set event_type = 'ARREST' where event_id = 'e2'")
    wh.con.execute("delete from events where event_id = 'e3'")
    result = export_parquet(wh, exports)
    assert (result["mode"], result["partitions"], result["events"]) == ("partitions", 1, 1)
    assert read_events(exports, "event_id, event_type, year, month") == rows(
        wh.con, "select event_id, event_type, year(date_start), month(date_start) from events order by 1"
    )
    # The documents alone change: documents.parquet is written again, the events are linked.
    wh.con.execute("update documents set title = 'Nieuw' where doc_id = 'd1'")
    result = export_parquet(wh, exports)
    assert (result["mode"], result["events"], result["documents"]) == ("partitions", 0, 2)
    titles = duckdb.execute(
        "select title from read_parquet(?) order by doc_id", [str(exports / "documents.parquet")]
    )
    assert titles.fetchall()[0] == ("Nieuw",)
    assert export_parquet(wh, exports)["mode"] == "unchanged"
    # A partition directory removed by hand: written again.
    shutil.rmtree(next((exports / "events").resolve().glob("*/year=2024/month=11")))
    assert export_parquet(wh, exports)["partitions"] == 1
    assert len(read_events(exports)) == 2


def rows(con, sql: str) -> list[tuple]:
    return con.execute(sql).fetchall()


def test_documents_have_the_contract_columns_and_types(wh: Warehouse, tmp_path: Path) -> None:
    exports = tmp_path / "exports"
    export_parquet(wh, exports)
    assert (
        describe("select * from read_parquet(?)", [str(exports / "documents.parquet")])
        == CONTRACT_DOCUMENT_TYPES
    )
    assert list(DOCUMENT_COLUMNS) == list(CONTRACT_DOCUMENT_TYPES)
    assert duckdb.execute(
        "select doc_id, published_start from read_parquet(?) order by doc_id",
        [str(exports / "documents.parquet")],
    ).fetchall() == [("d1", dt.date(2025, 5, 1)), ("d2", None)]


def test_events_are_partitioned_by_year_and_month_with_undated_ones_apart(
    wh: Warehouse, tmp_path: Path
) -> None:
    exports = tmp_path / "exports"
    export_parquet(wh, exports)
    (stamp,) = (exports / "events").iterdir()  # one directory naming the export, then the partitions
    partitions = sorted(str(p.relative_to(stamp)) for p in stamp.glob("year=*/month=*"))
    assert partitions == [
        "year=2024/month=11",
        "year=2025/month=5",
        "year=__HIVE_DEFAULT_PARTITION__/month=__HIVE_DEFAULT_PARTITION__",
    ]
    assert read_events(exports, "event_id, date_start, year, month") == [
        ("e1", dt.date(2025, 5, 5), 2025, 5),
        ("e2", dt.date(2024, 11, 1), 2024, 11),
        ("e3", None, None, None),
    ]


def test_events_spanning_many_months_export_one_sorted_file_per_partition_in_bounded_memory(
    tmp_path: Path,
) -> None:
    # 600 months of events: DuckDB's own partitioned COPY kept state for every partition at once and
    # failed under a small memory limit; the export streams sorted rows, one partition after another.
    months = [dt.date(1950 + i // 12, i % 12 + 1, 1 + i % 28) for i in range(600)]
    events = [
        event_row(f"e{i:04d}{k}", date_start=day, date_end=day, char_start=k)
        for i, day in enumerate(months)
        for k in range(2)
    ]
    with Warehouse.open(tmp_path / "timeline.duckdb") as warehouse:
        load(warehouse, [document_row("d1")], events)
        warehouse.con.execute("set memory_limit = '64MiB'")
        threads = warehouse.con.execute("select current_setting('threads')").fetchone()
        exports = tmp_path / "exports"
        counts = export_parquet(warehouse, exports)
        # the export sorts on one thread (less memory) and gives the connection its threads back
        assert warehouse.con.execute("select current_setting('threads')").fetchone() == threads
    assert (counts["events"], counts["partitions"]) == (1200, 600)
    (stamp,) = (exports / "events").iterdir()
    files = sorted(stamp.glob("year=*/month=*/*.parquet"))
    assert len(files) == 600 and {f.name for f in files} == {"data_0.parquet"}
    one = stamp / "year=1999" / "month=3"
    assert duckdb.execute(
        "select event_id, char_start from read_parquet(?)", [str(one / "data_0.parquet")]
    ).fetchall() == [("e05900", 0), ("e05901", 1)]
    assert sorted(read_events(exports, "event_id")) == sorted((e["event_id"],) for e in events)


def test_partitions_larger_than_a_batch_are_written_whole_and_in_order(tmp_path: Path, monkeypatch) -> None:
    """Small partitions go to the writer threads, one larger than a batch is streamed as it arrives
    (`PartitionWriters`): each file holds its partition's rows, in the export's order, either way."""
    monkeypatch.setattr(export_module, "EXPORT_BATCH_ROWS", 4)
    sizes = {dt.date(2024, 1, 9): 11, dt.date(2024, 2, 3): 1, dt.date(2024, 3, 5): 4, dt.date(2024, 4, 2): 5}
    events = [
        event_row(f"e{day.month}-{k:02d}", date_start=day, date_end=day, char_start=k)
        for day, n in sizes.items()
        for k in range(n)
    ] + [event_row(f"u{k}", date_start=None, date_end=None, char_start=k) for k in range(6)]
    with Warehouse.open(tmp_path / "timeline.duckdb") as warehouse:
        load(warehouse, [document_row("d1")], events)
        counts = export_parquet(warehouse, tmp_path / "exports")
    assert (counts["events"], counts["partitions"]) == (len(events), 5)
    (stamp,) = (tmp_path / "exports" / "events").iterdir()
    for day, n in sizes.items():
        got = duckdb.execute(
            "select event_id from read_parquet(?)",
            [str(stamp / f"year=2024/month={day.month}/data_0.parquet")],
        ).fetchall()
        assert got == [(f"e{day.month}-{k:02d}",) for k in range(n)]
    undated = (
        stamp / "year=__HIVE_DEFAULT_PARTITION__" / "month=__HIVE_DEFAULT_PARTITION__" / "data_0.parquet"
    )
    assert duckdb.execute("select event_id from read_parquet(?)", [str(undated)]).fetchall() == [
        (f"u{k}",) for k in range(6)
    ]


def test_pyarrow_reads_the_export_through_the_link(wh: Warehouse, tmp_path: Path) -> None:
    exports = tmp_path / "exports"
    export_parquet(wh, exports)
    table = ds.dataset(exports / "events", format="parquet", partitioning="hive").to_table()
    assert sorted(zip(table["event_id"].to_pylist(), table["year"].to_pylist(), strict=True)) == [
        ("e1", 2025),
        ("e2", 2024),
        ("e3", None),
    ]


def test_a_new_export_is_swapped_in_whole_and_the_previous_one_stays_readable(
    wh: Warehouse, tmp_path: Path
) -> None:
    exports = tmp_path / "exports"
    first = export_parquet(wh, exports)
    assert (exports / "events").is_symlink()
    # A reader that resolved the link before the swap keeps reading the version it started on.
    old_version = Path(os.path.realpath(exports / "events"))
    assert old_version == Path(first["events_dir"]).resolve()

    load(wh, [document_row("d3", "seeds/c.txt")], [event_row("e4", "d3", date_start=dt.date(2023, 1, 2))])
    second = export_parquet(wh, exports)
    assert [r[0] for r in read_events(exports, "event_id")] == ["e1", "e2", "e3", "e4"]
    assert duckdb.execute(
        "select count(*) from read_parquet(?)", [str(exports / "documents.parquet")]
    ).fetchone() == (3,)
    assert duckdb.execute(
        "select count(*) from read_parquet(?, hive_partitioning=true)",
        [str(old_version / "**" / "*.parquet")],
    ).fetchone() == (3,)

    # The version before the previous one is removed; no temporary files are left behind.
    assert export_parquet(wh, exports)["mode"] == "unchanged"  # up to date: no new version
    assert export_parquet(wh, exports, full=True)["mode"] == "full"  # `timeline export`: a new one
    assert not old_version.exists()
    assert Path(second["events_dir"]).exists()
    assert sorted(p.name for p in exports.iterdir()) == [
        ".state.json",
        ".versions",
        "documents.parquet",
        "events",
    ]
    assert len(list((exports / ".versions").iterdir())) == 2


def test_an_export_over_a_plain_events_directory_replaces_it(wh: Warehouse, tmp_path: Path) -> None:
    exports = tmp_path / "exports"
    (exports / "events" / "year=1999" / "month=1").mkdir(parents=True)
    export_parquet(wh, exports)
    assert (exports / "events").is_symlink()
    assert len(read_events(exports, "event_id")) == 3


def test_an_empty_warehouse_exports_a_readable_empty_table(tmp_path: Path) -> None:
    exports = tmp_path / "exports"
    with Warehouse.open(tmp_path / "empty.duckdb") as wh:
        assert export_parquet(wh.con, exports)["events"] == 0
    assert read_events(exports) == []
    types = describe("select * from read_parquet(?, hive_partitioning=true)", [events_glob(exports)])
    assert {k: v for k, v in types.items() if k not in ("year", "month")} == (
        CONTRACT_EVENT_TYPES | EXTRA_EVENT_TYPES
    )


@pytest.mark.skipif(not SCORER.exists(), reason="the shared scorer is not on this machine")
def test_the_scorer_reads_the_export(wh: Warehouse, tmp_path: Path) -> None:
    exports = tmp_path / "exports"
    export_parquet(wh, exports)
    gold = {
        "documents": {
            "a.txt": {
                "published": {"start": "2025-05-01", "end": "2025-05-31"},
                "events": [
                    {
                        "id": "meeting",
                        "cues": ["sprak maandag"],
                        "accept": [["2025-05-05", "2025-05-05"]],
                        "required": True,
                    }
                ],
            }
        }
    }
    gold_path = tmp_path / "gold.json"
    gold_path.write_text(json.dumps(gold), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(SCORER), str(gold_path), str(exports)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert (
        done.stdout.splitlines()[-1]
        == "timeline: required 1/1, all 1/1 dated right; invented 0; traps 0; dct 1/1"
    )
