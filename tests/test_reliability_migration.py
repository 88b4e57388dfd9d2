"""Reliability, item 6: a warehouse made by a previous schema version (1, and 3 made by the code of its
time) is migrated when it is opened, keeping every row; a migration that fails leaves the old warehouse
exactly as it was, still usable."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import duckdb
import pytest

from schemas.ddl import schema_sql
from schemas.tables import EVENTS, SCHEMA_VERSION, TABLES
from tests.faults import SEEDS
from tests.fixtures import make_warehouse_v3 as v3_fixture
from tests.fixtures.make_warehouse_v1 import unpack
from tests.reliability import run_flow
from warehouse import migrate as migrate_module
from warehouse.migrate import MIGRATIONS_DIR, MigrationError, applied, current_version, migrate
from warehouse.store import Warehouse

OLD_TABLES = ("documents", "events", "rejected", "runs")


# Columns whose type a later migration widened, read as version 1 had them (4 gave quantities a
# qualifier and what).
AS_IN_V1 = {
    "quantities": "list_transform(quantities, lambda q: struct_pack(value := q['value'], unit := q['unit'], "
    "text := q['text']))",
}


def contents(con: duckdb.DuckDBPyConnection, columns_of_v1: bool = True) -> dict[str, list[tuple]]:
    """Every row of the base tables (the v1 columns, as v1 typed them), and the schema version."""
    out: dict[str, list[tuple]] = {}
    for table in OLD_TABLES:
        names = [
            AS_IN_V1.get(c.name, c.name) if columns_of_v1 else c.name
            for t in TABLES
            if t.name == table
            for c in t.columns
            if c.since == 1 or not columns_of_v1
        ]
        out[table] = con.execute(f"select {', '.join(names)} from {table} order by 1").fetchall()
    out["schema_migrations"] = con.execute(
        "select version, name from schema_migrations order by 1"
    ).fetchall()
    return out


def columns(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple]:
    return con.execute(
        "select column_name, data_type, is_nullable from information_schema.columns "
        "where table_name = ? order by ordinal_position",
        [table],
    ).fetchall()


def keys(con: duckdb.DuckDBPyConnection) -> set[str]:
    """The tables with a PRIMARY KEY constraint (the bookkeeping table aside)."""
    found = con.execute("select table_name from duckdb_constraints() where constraint_type = 'PRIMARY KEY'")
    return {name for (name,) in found.fetchall()} - {"schema_migrations"}


@pytest.fixture
def v1(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    return unpack(data / "timeline.duckdb")


def test_the_fixture_is_a_version_1_warehouse(v1: Path) -> None:
    con = duckdb.connect(str(v1), read_only=True)
    assert current_version(con) == 1 < SCHEMA_VERSION
    assert "failed_expectations" not in [c[0] for c in columns(con, "runs")]
    assert con.execute("select count(*) from timeline").fetchone() == (2,)


def test_a_version_1_warehouse_is_migrated_on_open_and_keeps_every_row(v1: Path) -> None:
    con = duckdb.connect(str(v1), read_only=True)
    before = contents(con)
    con.close()
    with Warehouse.open(v1) as wh:
        assert current_version(wh.con) == SCHEMA_VERSION
        assert [name for _, name in applied(wh.con)] == [p.stem for p in sorted(MIGRATIONS_DIR.glob("*.sql"))]
        after = contents(wh.con)
        assert {k: v for k, v in after.items() if k != "schema_migrations"} == {
            k: v for k, v in before.items() if k != "schema_migrations"
        }
        assert wh.con.execute("select failed_expectations, batches_refused from runs").fetchall() == [
            (None, None)
        ]
        assert wh.query("select count(*) from timeline")[1] == [(2,)]
        declared = duckdb.connect()
        declared.execute(schema_sql())
        for table in TABLES:  # the migrated warehouse is exactly the declared schema
            assert columns(wh.con, table.name) == columns(declared, table.name), table.name
        assert keys(wh.con) == keys(declared) == {t.name for t in TABLES if t.key_constraint}


def test_a_migrated_version_1_warehouse_takes_a_run(prefect_harness, v1: Path) -> None:
    summary = run_flow([SEEDS], v1.parent, batch_size=5)
    assert summary.documents_loaded == 5
    con = duckdb.connect(str(v1), read_only=True)
    assert con.execute("select count(*) from documents").fetchone() == (7,)
    assert con.execute("select count(*) from runs").fetchone() == (2,)
    assert current_version(con) == SCHEMA_VERSION


def test_a_failing_migration_leaves_the_old_warehouse_intact_and_usable(
    v1: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    con = duckdb.connect(str(v1), read_only=True)
    before = contents(con)
    columns_before = {t: columns(con, t) for t in OLD_TABLES}
    con.close()
    broken = tmp_path / "migrations"
    broken.mkdir()
    shutil.copy(MIGRATIONS_DIR / "0001_initial.sql", broken)
    real = (MIGRATIONS_DIR / "0002_runs_validation_detail.sql").read_text(encoding="utf-8")
    # The real migration, then a step that deletes data, then one that fails: all of it must roll back.
    (broken / "0002_runs_validation_detail.sql").write_text(
        real
        + "\ndelete from events;\nalter table documents drop column text;\nselect * from no_such_table;\n"
    )
    monkeypatch.setattr(migrate_module, "MIGRATIONS_DIR", broken)
    with pytest.raises(MigrationError, match=r"0002_runs_validation_detail failed.*unchanged at version 1"):
        Warehouse.open(v1)
    monkeypatch.undo()

    con = duckdb.connect(str(v1), read_only=True)
    assert contents(con) == before
    assert {t: columns(con, t) for t in OLD_TABLES} == columns_before
    assert con.execute("select count(*) from timeline").fetchone() == (2,)
    con.close()
    with Warehouse.open(v1, lock_timeout=1) as wh:  # the lock was released; the real code migrates it
        assert current_version(wh.con) == SCHEMA_VERSION
        assert contents(wh.con)["events"] == before["events"]


def test_a_failing_migration_stops_the_run_with_exit_1_and_a_clear_message(
    prefect_harness, v1: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    from flows.cli import main

    broken = tmp_path / "migrations"
    broken.mkdir()
    shutil.copy(MIGRATIONS_DIR / "0001_initial.sql", broken)
    (broken / "0002_broken.sql").write_text(
        "alter table runs add column x integer;\nselect * from nowhere;\n"
    )
    monkeypatch.setattr(migrate_module, "MIGRATIONS_DIR", broken)
    monkeypatch.setenv("PREFECT_LOGGING_LEVEL", "CRITICAL")
    before = contents(duckdb.connect(str(v1), read_only=True))
    code = main(["run", str(SEEDS), "--data-dir", str(v1.parent), "--quiet"])
    assert code == 1
    err = " ".join(capsys.readouterr().err.split())
    assert err.startswith("error: the run failed") and "Traceback" not in err
    assert "0002_broken failed and was rolled back" in err and "the warehouse is unchanged" in err
    assert contents(duckdb.connect(str(v1), read_only=True)) == before


# Version 3 → 4: events gain status, clause and trigger offsets and places; quantities qualifier and what.


@pytest.fixture
def v3(tmp_path: Path) -> Path:
    data = tmp_path / "data3"
    data.mkdir()
    return v3_fixture.unpack(data / "timeline.duckdb")


def test_the_v3_fixture_is_a_version_3_warehouse(v3: Path) -> None:
    con = duckdb.connect(str(v3), read_only=True)
    assert current_version(con) == 3
    assert "status" not in [c[0] for c in columns(con, "events")]
    assert con.execute("select count(*) from timeline").fetchone() == (3,)


def test_a_version_3_warehouse_is_migrated_on_open_and_its_rows_read_back(v3: Path) -> None:
    with Warehouse.open(v3) as wh:
        assert current_version(wh.con) == SCHEMA_VERSION == 5
        declared = duckdb.connect()
        declared.execute(schema_sql())
        for table in TABLES:
            assert columns(wh.con, table.name) == columns(declared, table.name), table.name
        names = [c.name for c in EVENTS.columns]
        cursor = wh.con.execute(f"select {', '.join(names)} from events order by event_id")
        migrated = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        runs = wh.query("select run_id, status, failed_expectations, batches_refused from runs")[1]
        documents = wh.query("select doc_id, text from documents order by doc_id")[1]
        views = {
            "timeline": wh.query("select event_id, status, clause from timeline")[1],
            "event_quantities": wh.query("select * from event_quantities order by event_id, value")[1],
            "event_places": wh.query("select * from event_places")[1],
            "monthly_event_counts": wh.query("select * from monthly_event_counts")[1],
        }
    # Every column of version 3 as it was loaded; quantities widened with NULLs.
    for old, new in zip(v3_fixture.EVENTS, migrated, strict=True):
        widened = [q | {"qualifier": None, "what": None} for q in old["quantities"]]
        assert {k: v for k, v in new.items() if k in old} == old | {"quantities": widened}
    # The new columns: what is true of an event of the old extractor (see the migration's comment).
    assert [
        (e["event_id"], e["status"], e["clause_start"], e["clause_end"], e["trigger_start"], e["trigger_end"])
        for e in migrated
    ] == [
        ("e1", "happened", 25, 115, 25, 25),
        ("e2", "happened", 0, 41, 0, 0),
        ("e3", "happened", 42, 55, 42, 42),
    ]
    assert [e["places"] for e in migrated] == [[], [], []]
    assert documents == [(d["doc_id"], d["text"]) for d in v3_fixture.DOCUMENTS]
    assert runs == [("run1", "completed_with_rejections", [], 0)]
    assert views == {
        "timeline": [
            ("e2", "happened", "Talks with France began in November 2021."),
            ("e1", "happened", v3_fixture.EVENTS[0]["sentence"]),
            ("e3", "happened", "No date here."),
        ],
        "event_quantities": [
            ("e1", 2.0, "countries", "twee", None, None),
            ("e1", 1800.0, "places", "1.800", None, None),
            ("e2", 1.0, "", "one", None, None),
        ],
        "event_places": [("e1", "Parijs", None, None, None, None)],
        "monthly_event_counts": [
            (dt.date(2021, 11, 1), "NEGOTIATION", "happened", 1),
            (dt.date(2024, 3, 1), "AGREEMENT", "happened", 1),
        ],
    }


def test_a_migrated_version_3_warehouse_is_not_migrated_again(v3: Path) -> None:
    with Warehouse.open(v3):
        pass
    con = duckdb.connect(str(v3))
    once = contents(con, columns_of_v1=False)
    assert migrate(con) == []
    assert contents(con, columns_of_v1=False) == once
    assert applied(con)[-2:] == [(4, "0004_events_clauses_status_places"), (5, "0005_runs_validation_docs")]
    con.close()


def test_a_failing_migration_4_leaves_the_version_3_file_byte_for_byte(
    v3: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = v3.read_bytes()
    broken = tmp_path / "migrations"
    broken.mkdir()
    for path in MIGRATIONS_DIR.glob("*.sql"):
        shutil.copy(path, broken)
    real = broken / "0004_events_clauses_status_places.sql"
    # The real migration ran to its end (the old table dropped, the new one renamed), then a step fails.
    real.write_text(real.read_text(encoding="utf-8") + "\nselect * from no_such_table;\n", encoding="utf-8")
    monkeypatch.setattr(migrate_module, "MIGRATIONS_DIR", broken)
    with pytest.raises(
        MigrationError, match=r"0004_events_clauses_status_places failed.*unchanged at version 3"
    ):
        Warehouse.open(v3)
    monkeypatch.undo()
    assert v3.read_bytes() == before
    con = duckdb.connect(str(v3), read_only=True)
    assert current_version(con) == 3
    assert con.execute("select count(*) from timeline").fetchone() == (3,)
    con.close()
