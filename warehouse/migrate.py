"""Ordered, named schema migrations, recorded in `schema_migrations`.

Each migration is a file `warehouse/migrations/NNNN_name.sql`; NNNN is its version. A migration
runs in one transaction together with the row that records it, so a failing migration leaves the
warehouse exactly as it was. Applied files are never edited: a change is a new file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
FILE_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")

BOOKKEEPING_SQL = """
create table if not exists schema_migrations (
    version integer primary key,
    name varchar not null,
    applied_at timestamp not null
)
"""


class MigrationError(RuntimeError):
    """A migration could not be applied (the warehouse was left at its previous version)."""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str  # the file name without .sql, e.g. 0001_initial
    path: Path

    def sql(self) -> str:
        return self.path.read_text(encoding="utf-8")


def discover(migrations_dir: Path | None = None) -> list[Migration]:
    """The migration files in version order; a stray or duplicate file is an error, not skipped."""
    migrations_dir = migrations_dir or MIGRATIONS_DIR  # looked up at call time: tests point it elsewhere
    migrations = []
    for path in sorted(migrations_dir.glob("*.sql")):
        match = FILE_NAME.match(path.name)
        if not match:
            raise MigrationError(f"{path}: migration files are named NNNN_lowercase_name.sql")
        migrations.append(Migration(int(match[1]), path.stem, path))
    versions = [m.version for m in migrations]
    if len(set(versions)) != len(versions):
        raise MigrationError(f"{migrations_dir}: two migration files share a version number")
    return migrations


def _has_bookkeeping(con: duckdb.DuckDBPyConnection) -> bool:
    found = con.execute(
        "select count(*) from information_schema.tables where table_name = 'schema_migrations'"
    ).fetchone()
    return bool(found and found[0])


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """The highest applied migration version; 0 for a warehouse never migrated."""
    if not _has_bookkeeping(con):
        return 0
    row = con.execute("select coalesce(max(version), 0) from schema_migrations").fetchone()
    return int(row[0]) if row else 0


def applied(con: duckdb.DuckDBPyConnection) -> list[tuple[int, str]]:
    """(version, name) of every applied migration, in order."""
    if not _has_bookkeeping(con):
        return []
    return con.execute("select version, name from schema_migrations order by version").fetchall()


def _apply(con: duckdb.DuckDBPyConnection, migration: Migration) -> None:
    con.execute("begin transaction")
    try:
        con.execute(migration.sql())
        con.execute(
            "insert into schema_migrations (version, name, applied_at) "
            "values (?, ?, current_localtimestamp())",
            [migration.version, migration.name],
        )
        con.execute("commit")
    except Exception as exc:
        con.execute("rollback")
        raise MigrationError(
            f"migration {migration.name} failed and was rolled back; the warehouse is unchanged at "
            f"version {current_version(con)}: {exc}"
        ) from exc


def migrate(con: duckdb.DuckDBPyConnection, migrations_dir: Path | None = None) -> list[str]:
    """Apply the pending migrations in order, each in its own transaction; return their names."""
    con.execute(BOOKKEEPING_SQL)
    migrations = discover(migrations_dir)
    version = current_version(con)
    newest_known = max((m.version for m in migrations), default=0)
    if version > newest_known:
        # Old code must not write into a warehouse a newer release has already changed.
        raise MigrationError(
            f"the warehouse is at schema version {version}, newer than this code knows ({newest_known}): "
            "upgrade timeline"
        )
    names = []
    for migration in migrations:
        if migration.version > version:
            _apply(con, migration)
            names.append(migration.name)
    return names
