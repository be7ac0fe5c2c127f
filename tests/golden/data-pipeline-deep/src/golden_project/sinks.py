"""SQL sinks: upsert orders by key, newest ``updated_at`` wins, one transaction per write.

The same sink runs on SQLite (the standard library, so its tests always run) and on PostgreSQL
(the service in docker-compose.test.yml, with psycopg 3). Each ``write`` is atomic: a batch is
stored whole or not at all, so a failed run can simply be retried. Rejected records are kept in
a dead-letter table next to the data. Replace the table and columns with yours; keep the upsert
condition, it is what makes reruns and out-of-order batches safe.
"""

from __future__ import annotations

import contextlib
import json
import re
import sqlite3
from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Any, ClassVar

from .pipeline import DeadLetter
from .records import to_json_record

COLUMNS = ("order_id", "customer_id", "amount_eur_cents", "currency", "updated_at", "status", "channel")
IDENTIFIER = re.compile(r"[a-z_][a-z0-9_]*")
#: How SQLite stores timestamps: fixed-width UTC text, so that text order is time order.
TIMESTAMP_TEXT = "%Y-%m-%dT%H:%M:%S.%fZ"


class SqlSink(ABC):
    """Shared logic; subclasses supply the parameter marker, the column types and the transaction."""

    param_marker: ClassVar[str] = "?"
    types: ClassVar[Mapping[str, str]] = {}

    def __init__(self, connection: Any, table: str = "orders") -> None:
        if not IDENTIFIER.fullmatch(table):
            raise ValueError(f"not a safe table name: {table!r}")
        self.connection = connection
        self.table = table
        columns = ", ".join(f"{name} {self.types[name]}" for name in COLUMNS)
        with self.transaction() as cursor:
            cursor.execute(f"CREATE TABLE IF NOT EXISTS {table} ({columns}, PRIMARY KEY (order_id))")
            cursor.execute(
                f"CREATE TABLE IF NOT EXISTS {table}_dead_letters "
                f"(id {self.types['serial']}, stage TEXT NOT NULL, reason TEXT NOT NULL, record TEXT NOT NULL)"
            )

    @abstractmethod
    def transaction(self) -> contextlib.AbstractContextManager[Any]:
        """A cursor inside one transaction: committed when the block ends, rolled back on an error."""

    def encode(self, record: Mapping[str, Any]) -> tuple[Any, ...]:
        return tuple(record.get(name) for name in COLUMNS)

    def decode(self, row: Sequence[Any]) -> dict[str, Any]:
        return dict(zip(COLUMNS, row, strict=True))

    def write(self, records: Sequence[Mapping[str, Any]]) -> None:
        marks = ", ".join([self.param_marker] * len(COLUMNS))
        updates = ", ".join(f"{name} = excluded.{name}" for name in COLUMNS[1:])
        statement = (
            f"INSERT INTO {self.table} ({', '.join(COLUMNS)}) VALUES ({marks}) "
            f"ON CONFLICT (order_id) DO UPDATE SET {updates} "
            f"WHERE excluded.updated_at >= {self.table}.updated_at"
        )
        with self.transaction() as cursor:
            cursor.executemany(statement, [self.encode(record) for record in records])

    def write_dead_letters(self, dead_letters: Sequence[DeadLetter]) -> None:
        statement = (
            f"INSERT INTO {self.table}_dead_letters (stage, reason, record) "
            f"VALUES ({self.param_marker}, {self.param_marker}, {self.param_marker})"
        )
        rows = [
            (d.stage, d.reason, json.dumps(to_json_record(d.record), sort_keys=True, default=str)) for d in dead_letters
        ]
        with self.transaction() as cursor:
            cursor.executemany(statement, rows)

    def rows(self) -> list[dict[str, Any]]:
        with self.transaction() as cursor:
            cursor.execute(f"SELECT {', '.join(COLUMNS)} FROM {self.table} ORDER BY order_id")
            return [self.decode(row) for row in cursor.fetchall()]

    def dead_letter_count(self) -> int:
        with self.transaction() as cursor:
            cursor.execute(f"SELECT count(*) FROM {self.table}_dead_letters")
            return int(cursor.fetchone()[0])


class SqliteSink(SqlSink):
    """SQLite through the standard library; timestamps are stored as ``TIMESTAMP_TEXT``."""

    param_marker = "?"
    types = {
        "order_id": "TEXT NOT NULL",
        "customer_id": "TEXT NOT NULL",
        "amount_eur_cents": "INTEGER NOT NULL",
        "currency": "TEXT NOT NULL",
        "updated_at": "TEXT NOT NULL",
        "status": "TEXT NOT NULL",
        "channel": "TEXT",
        "serial": "INTEGER PRIMARY KEY",
    }

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Cursor]:
        with self.connection:
            yield self.connection.cursor()

    def encode(self, record: Mapping[str, Any]) -> tuple[Any, ...]:
        values = dict(zip(COLUMNS, super().encode(record), strict=True))
        stamp = values["updated_at"]
        if isinstance(stamp, datetime):
            values["updated_at"] = stamp.astimezone(timezone.utc).strftime(TIMESTAMP_TEXT)
        return tuple(values.values())

    def decode(self, row: Sequence[Any]) -> dict[str, Any]:
        record = super().decode(row)
        record["updated_at"] = datetime.strptime(record["updated_at"], TIMESTAMP_TEXT).replace(tzinfo=timezone.utc)
        return record


class PostgresSink(SqlSink):
    """PostgreSQL through psycopg 3; open the connection with ``autocommit=True``."""

    param_marker = "%s"
    types = {
        "order_id": "text NOT NULL",
        "customer_id": "text NOT NULL",
        "amount_eur_cents": "bigint NOT NULL",
        "currency": "char(3) NOT NULL",
        "updated_at": "timestamptz NOT NULL",
        "status": "text NOT NULL",
        "channel": "text",
        "serial": "bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
    }

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        with self.connection.transaction(), self.connection.cursor() as cursor:
            yield cursor

    def decode(self, row: Sequence[Any]) -> dict[str, Any]:
        record = super().decode(row)
        record["updated_at"] = record["updated_at"].astimezone(timezone.utc)
        return record
