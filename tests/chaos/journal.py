"""The chaos journal: one SQLite file (WAL) that outlives every runner process and every Redis fault.

Each job run writes a row when it starts and completes it when it ends, so a
run cut short by SIGKILL is still visible (``end`` stays NULL). The harness
writes the faults it injects into the same file, so a failed scenario can be
inspected afterwards with nothing but ``sqlite3``. The journal never touches
Redis: no fault the suite injects can lose or alter a record.

The ``fence`` row is a store that checks fencing tokens, as the docs tell job
authors to build one: a write carrying a token lower than the last accepted
one is refused. Every run writes it, so the journal shows which runs a
fencing-aware store would have rejected (``note`` says ``fenced out``).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    job TEXT NOT NULL,
    slot INTEGER NOT NULL,
    token INTEGER,
    pid INTEGER NOT NULL,
    scheduled REAL NOT NULL,
    start REAL NOT NULL,
    end REAL,
    note TEXT
);
CREATE TABLE IF NOT EXISTS fence (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    token INTEGER NOT NULL,
    pid INTEGER,
    at REAL
);
INSERT OR IGNORE INTO fence (id, token) VALUES (1, 0);
CREATE TABLE IF NOT EXISTS faults (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    pid INTEGER,
    start REAL NOT NULL,
    end REAL NOT NULL,
    allowance REAL NOT NULL
);
"""
FENCED_OUT = "fenced out"
"""The note of a run whose result the fencing-aware store refused: a newer leader had written already."""


@dataclass(frozen=True)
class Run:
    """One job execution as the job itself saw it; times are wall-clock epoch seconds on this host."""

    job: str
    slot: int
    token: int | None
    pid: int
    scheduled: float
    start: float
    end: float | None
    note: str | None = None

    @property
    def fenced_out(self) -> bool:
        return self.note is not None and FENCED_OUT in self.note


@dataclass(frozen=True)
class Fault:
    """An injected fault: ``[start, end]`` is when it acted; ``allowance`` the longest coverage gap it may explain."""

    kind: str
    pid: int | None
    start: float
    end: float
    allowance: float


def connect(path: Path) -> sqlite3.Connection:
    """Autocommit connection; WAL so the harness reads while a runner writes, NORMAL sync (no fsync per row)."""
    connection = sqlite3.connect(str(path), timeout=10.0, isolation_level=None, check_same_thread=False)
    connection.execute("PRAGMA busy_timeout = 10000")
    connection.execute("PRAGMA synchronous = NORMAL")
    return connection


def create(path: Path) -> None:
    """Create the file, switch it to WAL (a persistent property of the file) and lay down the schema."""
    connection = connect(path)
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.executescript(SCHEMA)
    finally:
        connection.close()


class JournalWriter:
    """What a runner process uses: one connection for the life of the process."""

    def __init__(self, path: Path) -> None:
        self.connection = connect(path)

    def begin(self, *, job: str, slot: int, token: int | None, pid: int, scheduled: float, start: float) -> int:
        cursor = self.connection.execute(
            "INSERT INTO runs (job, slot, token, pid, scheduled, start) VALUES (?, ?, ?, ?, ?, ?)",
            (job, slot, token, pid, scheduled, start),
        )
        return int(cursor.lastrowid or 0)

    def fenced_write(self, token: int | None, pid: int, at: float) -> bool:
        """Write if ``token`` is not older than the last accepted one (check and write in one statement)."""
        cursor = self.connection.execute(
            "UPDATE fence SET token = ?, pid = ?, at = ? WHERE id = 1 AND token <= ?", (token or 0, pid, at, token or 0)
        )
        return cursor.rowcount == 1

    def finish(self, row: int, end: float, note: str | None = None) -> None:
        self.connection.execute("UPDATE runs SET end = ?, note = ? WHERE id = ?", (end, note, row))


def record_fault(path: Path, fault: Fault) -> None:
    connection = connect(path)
    try:
        connection.execute(
            "INSERT INTO faults (kind, pid, start, end, allowance) VALUES (?, ?, ?, ?, ?)",
            (fault.kind, fault.pid, fault.start, fault.end, fault.allowance),
        )
    finally:
        connection.close()


def read_runs(path: Path) -> list[Run]:
    """Every run, ordered by start time."""
    connection = connect(path)
    try:
        rows = connection.execute("SELECT job, slot, token, pid, scheduled, start, end, note FROM runs ORDER BY start, id").fetchall()
    finally:
        connection.close()
    return [Run(*row) for row in rows]


def read_faults(path: Path) -> list[Fault]:
    connection = connect(path)
    try:
        rows = connection.execute("SELECT kind, pid, start, end, allowance FROM faults ORDER BY start, id").fetchall()
    finally:
        connection.close()
    return [Fault(*row) for row in rows]
