"""Dumping and restoring the database: PostgreSQL through pg_dump and pg_restore,
SQLite through its online backup API. Connection details come from
settings.DATABASES; a password travels in PGPASSWORD, never on a command line."""

import os
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction

POSTGRESQL, SQLITE = "postgresql", "sqlite"
MEMBER = {POSTGRESQL: "database/postgresql.dump", SQLITE: "database/sqlite3.db"}

# A query on the dumped data, in the dump's own snapshot: (sql) -> rows.
Query = Callable[[str], list[tuple]]


class DatabaseToolFailed(Exception):
    pass


def engine() -> str:
    name = settings.DATABASES["default"]["ENGINE"]
    if name.endswith("postgresql"):
        return POSTGRESQL
    if name.endswith("sqlite3"):
        return SQLITE
    raise DatabaseToolFailed(f"backups support PostgreSQL and SQLite, not {name}")


def _postgresql_environment() -> tuple[list[str], dict[str, str]]:
    database = settings.DATABASES["default"]
    arguments = []
    if database.get("HOST"):
        arguments += ["--host", database["HOST"]]
    if database.get("PORT"):
        arguments += ["--port", str(database["PORT"])]
    if database.get("USER"):
        arguments += ["--username", database["USER"]]
    environment = {**os.environ}
    if database.get("PASSWORD"):
        environment["PGPASSWORD"] = database["PASSWORD"]
    if sslmode := database.get("OPTIONS", {}).get("sslmode"):
        environment["PGSSLMODE"] = sslmode
    return arguments, environment


def _run(command: list[str], environment: dict[str, str]) -> None:
    done = subprocess.run(command, env=environment, capture_output=True, text=True)
    if done.returncode != 0:
        raise DatabaseToolFailed(
            f"{command[0]} failed (exit {done.returncode}): {done.stderr.strip()}"
        )


@contextmanager
def dumped(target: Path) -> Iterator[Query]:
    """Write a consistent copy of the database to ``target``; yield a query that
    reads the copy as it was dumped (to list the media files it names)."""
    if engine() == POSTGRESQL:
        with _postgresql_dump(target) as query:
            yield query
        return
    source = sqlite3.connect(settings.DATABASES["default"]["NAME"])
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
        # One self-contained file, readable without its -wal companion.
        copy.execute("PRAGMA journal_mode=DELETE")
        yield lambda sql: copy.execute(sql).fetchall()
    finally:
        copy.close()
        source.close()


@contextmanager
def _postgresql_dump(target: Path) -> Iterator[Query]:
    # pg_dump reads the snapshot this transaction exports, so what we read here about
    # the dumped rows is exactly what the dump holds.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        (snapshot,) = cursor.fetchone()
        arguments, environment = _postgresql_environment()
        _run(
            [
                "pg_dump",
                *arguments,
                "--format=custom",
                f"--snapshot={snapshot}",
                f"--file={target}",
                settings.DATABASES["default"]["NAME"],
            ],
            environment,
        )

        def query(sql: str) -> list[tuple]:
            cursor.execute(sql)
            return cursor.fetchall()

        yield query


def restore(dump: Path) -> None:
    """Put the dumped database in place of the configured one, all or nothing."""
    connection.close()
    if engine() == POSTGRESQL:
        arguments, environment = _postgresql_environment()
        _run(
            [
                "pg_restore",
                *arguments,
                f"--dbname={settings.DATABASES['default']['NAME']}",
                # Whatever tables an emptied or freshly migrated database has are
                # replaced; one transaction, so a failure leaves it as it was.
                "--clean",
                "--if-exists",
                "--single-transaction",
                "--exit-on-error",
                # Objects belong to the site's own database user on this server.
                "--no-owner",
                "--no-privileges",
                str(dump),
            ],
            environment,
        )
        return
    source = sqlite3.connect(dump)
    target = sqlite3.connect(settings.DATABASES["default"]["NAME"], timeout=20)
    try:
        source.backup(target)
        target.execute("PRAGMA journal_mode=WAL")
    finally:
        target.close()
        source.close()
