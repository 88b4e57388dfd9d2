"""The warehouse on real DuckDB files: migrations, loading from Arrow, the lock, the views."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from schemas.arrow import to_arrow
from schemas.ddl import DUCKDB_TYPES, create_table_sql, schema_sql
from schemas.tables import DOCUMENTS, EVENTS, REJECTED, SCHEMA_VERSION, TABLES
from warehouse.migrate import MIGRATIONS_DIR, MigrationError, applied, current_version, migrate
from warehouse.store import Warehouse, WarehouseLocked, lock_path_for, work_path_for

INGESTED = dt.datetime(2025, 6, 1, 12, 0)


def document_row(doc_id: str = "d1", source_key: str = "seeds/a.txt", **overrides: object) -> dict:
    text = overrides.pop("text", "De minister sprak maandag met Frontex. Er waren 36.800 aankomsten.")
    row = {
        "doc_id": doc_id,
        "source_name": Path(source_key).name,
        "source_key": source_key,
        "title": "Kop",
        "url": None,
        "language": "nl",
        "published_start": dt.date(2025, 5, 1),
        "published_end": dt.date(2025, 5, 31),
        "published_precision": "month",
        "published_source": "header",
        "char_count": len(text),
        "content_sha256": "ab" * 32,
        "ingested_at": INGESTED,
        "extractor_version": "1",
        "text": text,
    }
    return row | overrides


def event_row(event_id: str = "e1", doc_id: str = "d1", **overrides: object) -> dict:
    row = {
        "event_id": event_id,
        "doc_id": doc_id,
        "source_name": "a.txt",
        "language": "nl",
        "sentence": "De minister sprak maandag met Frontex.",
        "char_start": 0,
        "char_end": 38,
        "event_type": "MEETING",
        "trigger": "sprak",
        "date_text": "maandag",
        "date_value": "2025-05-05",
        "date_start": dt.date(2025, 5, 5),
        "date_end": dt.date(2025, 5, 5),
        "date_precision": "day",
        "date_source": "relative_to_dct",
        "actors": ["minister"],
        "locations": [],
        "quantities": [],
        "confidence": 0.8,
        "extractor_version": "1",
        "status": "happened",
        "places": [],
    } | overrides
    # The clause is the whole sentence and the trigger its "sprak", wherever the sentence is put, unless
    # the test says otherwise.
    start = row["char_start"] or 0
    located = {"clause_start": start, "clause_end": row["char_end"], "trigger_start": start + 12}
    return located | {"trigger_end": located["trigger_start"] + 5} | row


def rejected_row(rejected_id: str = "r1", **overrides: object) -> dict:
    row = {
        "rejected_id": rejected_id,
        "run_id": "run1",
        "source_name": "b.txt",
        "source_key": "seeds/b.txt",
        "doc_id": None,
        "stage": "parse",
        "reason": "empty file",
        "detail": None,
        "rejected_at": INGESTED,
    }
    return row | overrides


def batch(documents: list[dict], events: list[dict], rejected: list[dict] | None = None) -> tuple:
    return to_arrow(DOCUMENTS, documents), to_arrow(EVENTS, events), to_arrow(REJECTED, rejected or [])


def load(
    wh: Warehouse, documents: list[dict], events: list[dict], rejected: list[dict] | None = None
) -> dict:
    with wh.transaction():
        return wh.load_batch(*batch(documents, events, rejected))


def rows(wh: Warehouse, sql: str) -> list[tuple]:
    return wh.query(sql)[1]


def table_counts(wh: Warehouse) -> dict[str, int]:
    return {t.name: rows(wh, f"select count(*) from {t.name}")[0][0] for t in TABLES}


@pytest.fixture
def wh(tmp_path: Path):
    with Warehouse.open(tmp_path / "data" / "timeline.duckdb") as warehouse:
        yield warehouse


def columns_of(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple]:
    return con.execute(
        "select column_name, data_type, is_nullable from information_schema.columns "
        "where table_name = ? order by ordinal_position",
        [table],
    ).fetchall()


# Migrations


def test_migrations_on_an_empty_db_give_exactly_the_declared_schema(wh: Warehouse) -> None:
    declared = duckdb.connect()
    declared.execute(schema_sql())
    for table in TABLES:
        assert columns_of(wh.con, table.name) == columns_of(declared, table.name), table.name
        assert [c[0] for c in columns_of(wh.con, table.name)] == table.names
        nullable = {c.name: c.nullable and c.name != table.primary_key for c in table.columns}
        assert {c[0]: c[2] == "YES" for c in columns_of(wh.con, table.name)} == nullable
    primary_keys = wh.con.execute(
        "select table_name, constraint_column_names from duckdb_constraints() "
        "where constraint_type = 'PRIMARY KEY' order by table_name"
    ).fetchall()
    assert primary_keys == sorted(
        [(t.name, [t.primary_key]) for t in TABLES if t.key_constraint] + [("schema_migrations", ["version"])]
    )
    base_tables = rows(wh, "select table_name from information_schema.tables where table_type = 'BASE TABLE'")
    assert sorted(r[0] for r in base_tables) == sorted([t.name for t in TABLES] + ["schema_migrations"])


def test_the_first_migration_is_the_generated_ddl() -> None:
    sql = (MIGRATIONS_DIR / "0001_initial.sql").read_text(encoding="utf-8")
    statements = "\n".join(line for line in sql.splitlines() if not line.startswith("--")).strip()
    # The declaration as of schema version 1: without the columns later migrations added, every key a
    # constraint (version 3 dropped the events one).
    version_1 = [
        replace(t, columns=tuple(c for c in t.columns if c.since == 1), key_constraint=True) for t in TABLES
    ]
    generated = "\n\n".join(create_table_sql(t) for t in version_1) + "\n"
    # ... and the quantity of its time (version 4 gave it qualifier and what)
    generated = generated.replace(
        DUCKDB_TYPES["list<quantity>"], "struct(value double, unit varchar, text varchar)[]"
    )
    assert statements + "\n" == generated


def test_migration_is_recorded_and_not_applied_twice(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    with Warehouse.open(path) as wh:
        assert applied(wh.con) == [
            (1, "0001_initial"),
            (2, "0002_runs_validation_detail"),
            (3, "0003_events_without_key_index"),
            (4, "0004_events_clauses_status_places"),
            (5, "0005_runs_validation_docs"),
        ]
        assert current_version(wh.con) == SCHEMA_VERSION
        applied_at = rows(wh, "select applied_at from schema_migrations")[0][0]
        assert isinstance(applied_at, dt.datetime)
    with Warehouse.open(path) as wh:
        assert migrate(wh.con) == []
        assert rows(wh, "select count(*) from schema_migrations") == [(SCHEMA_VERSION,)]


def test_a_failing_migration_rolls_back_and_leaves_the_warehouse_intact(tmp_path: Path) -> None:
    migrations = tmp_path / "migrations"
    migrations.mkdir()
    shutil.copy(MIGRATIONS_DIR / "0001_initial.sql", migrations)
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    assert migrate(con, migrations) == ["0001_initial"]
    con.execute(
        "insert into runs (run_id, started_at, status, extractor_version, documents_seen, "
        "documents_skipped, documents_loaded, documents_rejected, events_loaded, events_dated, "
        "events_undated, events_rejected) values ('r', now(), 'completed', '1', 0,0,0,0,0,0,0,0)"
    )
    (migrations / "0002_broken.sql").write_text(
        "alter table events add column extra varchar;\ndelete from runs;\nselect * from no_such_table;\n"
    )
    with pytest.raises(MigrationError, match=r"0002_broken failed.*unchanged at version 1.*no_such_table"):
        migrate(con, migrations)
    assert current_version(con) == 1
    assert "extra" not in [c[0] for c in columns_of(con, "events")]
    assert con.execute("select run_id from runs").fetchall() == [("r",)]


def test_a_warehouse_newer_than_the_code_is_refused(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    migrate(con)
    con.execute("insert into schema_migrations values (99, '0099_future', now())")
    with pytest.raises(MigrationError, match="newer than this code"):
        migrate(con)


# Loading


def test_load_from_arrow_and_reload_is_a_no_op(wh: Warehouse) -> None:
    documents = [document_row("d1"), document_row("d2", "seeds/b.txt")]
    events = [event_row("e1"), event_row("e2", char_start=39, char_end=66), event_row("e3", "d2")]
    first = load(wh, documents, events, [rejected_row("r1")])
    assert first == {
        "documents_updated": 0,
        "documents_inserted": 2,
        "documents_replaced": 0,
        "events_updated": 0,
        "events_inserted": 3,
        "events_deleted": 0,
        "rejected_inserted": 1,
    }
    before = table_counts(wh)
    stored = rows(wh, "select * from events order by event_id")
    second = load(wh, documents, events, [rejected_row("r1")])
    assert set(second.values()) == {0}
    assert table_counts(wh) == before == {"documents": 2, "events": 3, "rejected": 1, "runs": 0}
    assert rows(wh, "select * from events order by event_id") == stored


def test_loaded_values_round_trip(wh: Warehouse) -> None:
    quantity = {
        "value": 36800.0,
        "unit": "people",
        "text": "36.800",
        "qualifier": "more than",
        "what": "aankomsten",
    }
    place = {
        "name": "Calais",
        "resolved": "Calais",
        "country_code": "FR",
        "latitude": 50.95,
        "longitude": 1.86,
    }
    load(
        wh,
        [document_row()],
        [event_row(quantities=[quantity], locations=["Calais"], places=[place], status="planned")],
    )
    assert rows(
        wh,
        "select actors, locations, quantities, date_start, confidence, status, clause_start, clause_end, "
        "trigger_start, trigger_end, places from events",
    ) == [(["minister"], ["Calais"], [quantity], dt.date(2025, 5, 5), 0.8, "planned", 0, 38, 12, 17, [place])]


def test_a_quantity_without_qualifier_and_what_loads_them_as_null(wh: Warehouse) -> None:
    load(wh, [document_row()], [event_row(quantities=[{"value": 3.0, "unit": "", "text": "drie"}])])
    assert rows(wh, "select quantities from events") == [
        ([{"value": 3.0, "unit": "", "text": "drie", "qualifier": None, "what": None}],)
    ]


def test_a_changed_document_replaces_its_own_events(wh: Warehouse) -> None:
    load(
        wh,
        [document_row("d1"), document_row("d9", "seeds/z.txt")],
        [event_row("e1"), event_row("e2"), event_row("e9", "d9")],
    )
    # The same source now has another text (new doc_id): its old document and events go.
    changed = load(wh, [document_row("d2", title="Nieuwe kop")], [event_row("e3", "d2")])
    assert changed["documents_replaced"] == 1
    assert changed["events_deleted"] == 2
    assert rows(wh, "select doc_id, title from documents order by doc_id") == [
        ("d2", "Nieuwe kop"),
        ("d9", "Kop"),
    ]
    assert rows(wh, "select event_id, doc_id from events order by event_id") == [("e3", "d2"), ("e9", "d9")]


def test_a_changed_document_may_yield_an_event_id_it_had_before(wh: Warehouse) -> None:
    # Within one transaction the key e1 leaves document d1 and arrives with d2: updated in place, never
    # deleted and re-inserted (DuckDB checks unique keys over-eagerly for delete-then-insert).
    load(wh, [document_row("d1")], [event_row("e1"), event_row("e2")])
    changed = load(wh, [document_row("d2")], [event_row("e1", "d2", event_type="STATEMENT")])
    assert (changed["events_updated"], changed["events_deleted"], changed["events_inserted"]) == (1, 1, 0)
    assert rows(wh, "select event_id, doc_id, event_type from events") == [("e1", "d2", "STATEMENT")]
    assert rows(wh, "select doc_id from documents") == [("d2",)]


def test_an_event_key_held_by_another_document_is_updated(wh: Warehouse) -> None:
    # d1 stays; its key e1 arrives with the new document d2, dated in another month. The load skips
    # joins whose answer it knows is empty, so this checks it still finds e1.
    load(wh, [document_row("d1")], [event_row("e1"), event_row("e2")])
    moved = event_row("e1", "d2", date_start=dt.date(2025, 7, 1), date_end=dt.date(2025, 7, 1))
    july = {"date_start": dt.date(2025, 7, 2), "date_end": dt.date(2025, 7, 2)}
    counts = load(wh, [document_row("d2", "seeds/b.txt")], [moved, event_row("e3", "d2", **july)])
    assert (counts["events_updated"], counts["events_inserted"], counts["events_deleted"]) == (1, 1, 0)
    assert rows(wh, "select event_id, doc_id from events order by 1") == [
        ("e1", "d2"),
        ("e2", "d1"),
        ("e3", "d2"),
    ]


def test_re_extraction_with_a_new_extractor_version_replaces_the_events(wh: Warehouse) -> None:
    load(wh, [document_row("d1")], [event_row("e1"), event_row("e2")])
    assert wh.known_documents(["d1", "d7"], "1") == {"d1"}
    assert wh.known_documents(["d1"], "2") == set()
    again = load(
        wh,
        [document_row("d1", extractor_version="2", ingested_at=dt.datetime(2030, 1, 1))],
        [
            event_row("e1", event_type="STATEMENT", extractor_version="2"),
            event_row("e4", extractor_version="2"),
        ],
    )
    assert again == {
        "documents_updated": 1,
        "documents_inserted": 0,
        "documents_replaced": 0,
        "events_updated": 1,
        "events_inserted": 1,
        "events_deleted": 1,
        "rejected_inserted": 0,
    }
    assert rows(wh, "select event_id, event_type, extractor_version from events order by event_id") == [
        ("e1", "STATEMENT", "2"),
        ("e4", "MEETING", "2"),
    ]
    # ingested_at says when the document was first loaded: an update keeps it.
    assert rows(wh, "select extractor_version, ingested_at from documents") == [("2", INGESTED)]
    assert wh.known_documents(["d1"], "2") == {"d1"}


def test_duplicate_keys_within_a_batch_keep_the_first_row(wh: Warehouse) -> None:
    counts = load(
        wh,
        [document_row()],
        [event_row("e1"), event_row("e1", trigger="other")],
        [rejected_row(), rejected_row()],
    )
    assert (counts["events_inserted"], counts["rejected_inserted"]) == (1, 1)
    assert rows(wh, "select trigger from events") == [("sprak",)]


def test_rejected_rows_are_inserted_only_when_new(wh: Warehouse) -> None:
    load(wh, [], [], [rejected_row("r1")])
    counts = load(wh, [], [], [rejected_row("r1", run_id="run2"), rejected_row("r2", run_id="run2")])
    assert counts["rejected_inserted"] == 1
    assert rows(wh, "select rejected_id, run_id from rejected order by rejected_id") == [
        ("r1", "run1"),
        ("r2", "run2"),
    ]


def test_a_rolled_back_batch_leaves_nothing(wh: Warehouse) -> None:
    wh.begin()
    wh.load_batch(*batch([document_row()], [event_row()], [rejected_row()]))
    wh.rollback()
    assert table_counts(wh) == {"documents": 0, "events": 0, "rejected": 0, "runs": 0}
    with pytest.raises(RuntimeError, match="boom"), wh.transaction():
        wh.load_batch(*batch([document_row()], [event_row()]))
        raise RuntimeError("boom")
    assert table_counts(wh)["events"] == 0


def test_duckdb_memory_is_bounded_and_grows_only_with_key_indexes(wh: Warehouse) -> None:
    from warehouse.store import LOAD_MEMORY_FLOOR_BYTES, MEMORY_FLOOR_BYTES, memory_limit_bytes

    assert memory_limit_bytes(0) == memory_limit_bytes(100_000) == MEMORY_FLOOR_BYTES
    assert memory_limit_bytes(10_000_000) > 10_000_000 * 75  # an index of 10M keys, ~75 bytes each
    limit = rows(wh, "select current_setting('memory_limit')")[0][0]
    assert limit == f"{MEMORY_FLOOR_BYTES / 2**20:.1f} MiB"
    with wh.on_a_copy():  # each connection the warehouse makes is bounded; a run's loads more tightly
        assert (
            rows(wh, "select current_setting('memory_limit')")[0][0]
            == f"{LOAD_MEMORY_FLOOR_BYTES / 2**20:.1f} MiB"
        )
    assert rows(wh, "select current_setting('memory_limit')")[0][0] == limit


def test_events_carry_no_key_index_and_stay_unique_through_reloads(wh: Warehouse) -> None:
    """events has no PRIMARY KEY (its index would grow memory with the corpus; the DDL test above checks
    the constraints): the loader alone keeps event_id unique, through a re-load of the same rows and a
    batch that repeats a key."""
    assert not EVENTS.key_constraint
    for _ in range(2):
        with wh.transaction():
            wh.load_batch(*batch([document_row()], [event_row(), event_row()]))
    assert rows(wh, "select count(*), count(distinct event_id) from events") == [(1, 1)]


def test_a_run_on_a_copy_replaces_the_file_only_when_it_succeeds(wh: Warehouse) -> None:
    load(wh, [document_row("d1")], [event_row("e1", "d1")])
    work = work_path_for(wh.path)
    with wh.on_a_copy():
        assert work.exists()
        load(wh, [document_row("d2", "seeds/b.txt")], [event_row("e2", "d2")])  # committed, on the copy
        # the file itself still holds the state before: another process may read it meanwhile
        reader = duckdb.connect(str(wh.path), read_only=True)
        assert reader.execute("select doc_id from documents").fetchall() == [("d1",)]
        reader.close()
    assert not work.exists()
    assert rows(wh, "select doc_id from documents order by 1") == [("d1",), ("d2",)]
    assert rows(wh, "select event_id from events order by 1") == [("e1",), ("e2",)]


def test_a_failed_run_on_a_copy_leaves_the_file_byte_for_byte(wh: Warehouse) -> None:
    load(wh, [document_row("d1")], [event_row("e1", "d1")])
    wh.con.execute("checkpoint")
    before = wh.path.read_bytes()
    with pytest.raises(RuntimeError, match="boom"), wh.on_a_copy():
        load(wh, [document_row("d2", "seeds/b.txt")], [event_row("e2", "d2")])
        load(wh, [], [], [rejected_row("r1")])
        raise RuntimeError("boom")
    assert not work_path_for(wh.path).exists()
    assert rows(wh, "select doc_id from documents") == [("d1",)]  # the connection is back on the file
    assert table_counts(wh) == {"documents": 1, "events": 1, "rejected": 0, "runs": 0}
    wh.close()
    assert wh.path.read_bytes() == before


def test_opening_removes_the_copy_a_killed_run_left(tmp_path: Path) -> None:
    path = tmp_path / "timeline.duckdb"
    with Warehouse.open(path):
        pass
    left = work_path_for(path)
    shutil.copyfile(path, left)
    left.with_name(left.name + ".wal").write_bytes(b"")
    with Warehouse.open(path) as warehouse:
        assert not left.exists() and not left.with_name(left.name + ".wal").exists()
        assert table_counts(warehouse)["documents"] == 0


def test_record_run_inserts_then_updates(wh: Warehouse) -> None:
    started = dt.datetime(2025, 6, 1, 12, 0)
    run = {"run_id": "run1", "started_at": started, "status": "failed", "extractor_version": "1"}
    counts = dict.fromkeys(
        [
            "documents_seen",
            "documents_skipped",
            "documents_loaded",
            "documents_rejected",
            "events_loaded",
            "events_dated",
            "events_undated",
            "events_rejected",
        ],
        0,
    )
    wh.record_run(run | counts)
    wh.record_run({"run_id": "run1", "status": "completed", "events_loaded": 5, "seconds_total": 1.5})
    assert rows(wh, "select run_id, started_at, status, events_loaded, seconds_total from runs") == [
        ("run1", started, "completed", 5, 1.5)
    ]


def test_query_returns_columns_and_rows(wh: Warehouse) -> None:
    assert wh.query("select 1 as one, 'x' as letter") == (["one", "letter"], [(1, "x")])


# The lock

HOLD_LOCK = """
import fcntl, sys, time
handle = open(sys.argv[1], "a+")
fcntl.flock(handle, fcntl.LOCK_EX)
print("locked", flush=True)
time.sleep(30)
"""


def test_a_second_process_waits_then_raises_warehouse_locked(tmp_path: Path) -> None:
    path = tmp_path / "timeline.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(HOLD_LOCK), str(lock_path_for(path))],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(WarehouseLocked, match=r"timeline\.duckdb\.lock"):
            Warehouse.open(path, lock_timeout=0.3)
    finally:
        holder.kill()
        holder.wait()
    with Warehouse.open(path, lock_timeout=5) as wh:  # released when the holder is gone
        assert current_version(wh.con) == SCHEMA_VERSION


def test_the_lock_is_held_until_close(tmp_path: Path) -> None:
    path = tmp_path / "timeline.duckdb"
    first = Warehouse.open(path)
    with pytest.raises(WarehouseLocked, match="in use by another process"):
        Warehouse.open(path, lock_timeout=0.2)
    first.close()
    first.close()  # closing twice is harmless
    Warehouse.open(path, lock_timeout=0.2).close()


# Views


VIEW_TEXTS = {
    "d1": "De minister sprak maandag met Frontex en bezoekt vrijdag Calais. Er waren meer dan 36.800 aankomsten.",
    "d2": "Talks in Dover did not take place in April. Talks in Lille took place in April. Talks resumed.",
}
CALAIS = {"name": "Calais", "resolved": "Calais", "country_code": "FR", "latitude": 50.95, "longitude": 1.86}
UNRESOLVED = {"name": "Sangatte", "resolved": None, "country_code": None, "latitude": None, "longitude": None}


def view_event(
    event_id: str, doc_id: str, sentence: str, clause: str, trigger: str, **fields: object
) -> dict:
    """An event of VIEW_TEXTS with true offsets: its sentence, the clause in it, the trigger in the clause."""
    text = VIEW_TEXTS[doc_id]
    char_start = text.index(sentence)
    clause_start = text.index(clause, char_start)
    trigger_start = text.index(trigger, clause_start)
    return event_row(
        event_id,
        doc_id,
        source_name="a.txt" if doc_id == "d1" else "b.txt",
        sentence=sentence,
        char_start=char_start,
        char_end=char_start + len(sentence),
        clause_start=clause_start,
        clause_end=clause_start + len(clause),
        trigger=trigger,
        trigger_start=trigger_start,
        trigger_end=trigger_start + len(trigger),
        **fields,
    )


def load_view_fixture(wh: Warehouse) -> None:
    """Two clauses of one sentence (one planned), an undated count, a negated and a happened event in
    April and an undated one; places resolved, unresolved and never resolved (only locations)."""
    first = "De minister sprak maandag met Frontex en bezoekt vrijdag Calais."
    april = {"date_start": dt.date(2025, 4, 1), "date_end": dt.date(2025, 4, 30), "date_precision": "month"}
    undated = {
        "date_start": None,
        "date_end": None,
        "date_precision": "unknown",
        "date_source": "unresolved",
        "date_text": None,
        "date_value": None,
    }
    count = {
        "value": 36800.0,
        "unit": "people",
        "text": "meer dan 36.800",
        "qualifier": "more than",
        "what": "aankomsten",
    }
    load(
        wh,
        [
            document_row("d1", title="Eerste", text=VIEW_TEXTS["d1"]),
            document_row("d2", "seeds/b.txt", title="Tweede", text=VIEW_TEXTS["d2"], language="en"),
        ],
        [
            view_event(
                "e1",
                "d1",
                first,
                "De minister sprak maandag met Frontex",
                "sprak",
                actors=["minister", "Frontex"],
            ),
            view_event(
                "e2",
                "d1",
                first,
                "bezoekt vrijdag Calais",
                "bezoekt",
                status="planned",
                date_start=dt.date(2025, 5, 9),
                date_end=dt.date(2025, 5, 9),
                actors=["minister"],
                locations=["Calais", "Sangatte"],
                places=[CALAIS, UNRESOLVED],
            ),
            view_event(
                "e3",
                "d1",
                "Er waren meer dan 36.800 aankomsten.",
                "Er waren meer dan 36.800 aankomsten.",
                "aankomsten",
                event_type="CROSSING_STATISTIC",
                actors=[],
                quantities=[count, {"value": 2.0, "unit": "", "text": "twee"}],
                **undated,
            ),
            view_event(
                "e4",
                "d2",
                "Talks in Dover did not take place in April.",
                "Talks in Dover did not take place in April.",
                "Talks",
                event_type="NEGOTIATION",
                status="negated",
                actors=[],
                locations=["Dover"],  # loaded without places: listed unresolved
                **april,
            ),
            view_event(
                "e5",
                "d2",
                "Talks in Lille took place in April.",
                "Talks in Lille took place in April.",
                "Talks",
                event_type="NEGOTIATION",
                actors=[],
                locations=["Lille"],
                places=[
                    {**CALAIS, "name": "Lille", "resolved": "Lille", "latitude": 50.63, "longitude": 3.06}
                ],
                **april,
            ),
            view_event(
                "e6",
                "d2",
                "Talks resumed.",
                "Talks resumed.",
                "resumed",
                event_type="NEGOTIATION",
                date_start=dt.date(2025, 4, 28),
                date_end=dt.date(2025, 4, 28),
                actors=[],
            ),
        ],
    )


def test_timeline_view_joins_documents_in_time_order_with_status_and_clause(wh: Warehouse) -> None:
    load_view_fixture(wh)
    assert rows(wh, "select event_id, title, date_start, status, clause from timeline") == [
        ("e4", "Tweede", dt.date(2025, 4, 1), "negated", "Talks in Dover did not take place in April."),
        ("e5", "Tweede", dt.date(2025, 4, 1), "happened", "Talks in Lille took place in April."),
        ("e6", "Tweede", dt.date(2025, 4, 28), "happened", "Talks resumed."),
        ("e1", "Eerste", dt.date(2025, 5, 5), "happened", "De minister sprak maandag met Frontex"),
        ("e2", "Eerste", dt.date(2025, 5, 9), "planned", "bezoekt vrijdag Calais"),
        ("e3", "Eerste", None, "happened", "Er waren meer dan 36.800 aankomsten."),
    ]
    assert rows(wh, "select distinct source_name, published_start from timeline order by 1") == [
        ("a.txt", dt.date(2025, 5, 1)),
        ("b.txt", dt.date(2025, 5, 1)),
    ]
    assert rows(
        wh,
        "select clause_start, clause_end, trigger_start, trigger_end, trigger from timeline where event_id = 'e2'",
    ) == [(41, 63, 41, 48, "bezoekt")]
    assert VIEW_TEXTS["d1"][41:48] == "bezoekt"


def test_monthly_event_counts_counts_dated_events_per_type_and_status(wh: Warehouse) -> None:
    load_view_fixture(wh)
    assert wh.query("select * from monthly_event_counts") == (
        ["month", "event_type", "status", "count"],
        [
            (dt.date(2025, 4, 1), "NEGOTIATION", "happened", 2),
            (dt.date(2025, 4, 1), "NEGOTIATION", "negated", 1),
            (dt.date(2025, 5, 1), "MEETING", "happened", 1),
            (dt.date(2025, 5, 1), "MEETING", "planned", 1),
        ],
    )


def test_list_views_have_one_row_per_element(wh: Warehouse) -> None:
    load_view_fixture(wh)
    assert rows(wh, "select * from event_actors order by event_id, actor") == [
        ("e1", "Frontex"),
        ("e1", "minister"),
        ("e2", "minister"),
    ]
    assert rows(wh, "select * from event_locations order by event_id, location") == [
        ("e2", "Calais"),
        ("e2", "Sangatte"),
        ("e4", "Dover"),
        ("e5", "Lille"),
    ]
    assert wh.query("select * from event_quantities order by event_id, value") == (
        ["event_id", "value", "unit", "text", "qualifier", "what"],
        [
            ("e3", 2.0, "", "twee", None, None),
            ("e3", 36800.0, "people", "meer dan 36.800", "more than", "aankomsten"),
        ],
    )


def test_event_places_has_one_row_per_place_resolved_or_not(wh: Warehouse) -> None:
    load_view_fixture(wh)
    assert wh.query("select * from event_places order by event_id, place") == (
        ["event_id", "place", "resolved_name", "country_code", "latitude", "longitude"],
        [
            ("e2", "Calais", "Calais", "FR", 50.95, 1.86),
            ("e2", "Sangatte", None, None, None, None),
            ("e4", "Dover", None, None, None, None),  # never resolved: its location, unresolved
            ("e5", "Lille", "Lille", "FR", 50.63, 3.06),
        ],
    )


def test_views_are_recreated_on_open(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    with Warehouse.open(path) as wh:
        wh.con.execute("drop view timeline")
    with Warehouse.open(path) as wh:
        assert wh.query("select count(*) from timeline") == (["count_star()"], [(0,)])


def test_load_batch_takes_arrow_tables_as_given(wh: Warehouse) -> None:
    # Columns the batch lacks (date_value here) are left null rather than failing the load.
    events = to_arrow(EVENTS, [event_row()]).drop_columns(["date_value"])
    with wh.transaction():
        wh.load_batch(to_arrow(DOCUMENTS, [document_row()]), events, to_arrow(REJECTED, []))
    assert rows(wh, "select event_id, date_value from events") == [("e1", None)]
    assert isinstance(events, pa.Table)
