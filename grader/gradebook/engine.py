"""Engines for the gradebook: crash-safe SQLite by default, any SQLAlchemy URL accepted.

SQLite settings and why:
- journal_mode=WAL: a commit is one append to the WAL; a process killed at any
  moment leaves either the whole transaction or none of it, and readers never
  block the writer.
- synchronous=FULL: the WAL is fsynced at every commit, so a committed
  submission survives even an OS crash or power loss (NORMAL would only survive
  a killed process). One fsync per graded submission is negligible next to
  grading it.
- busy timeout: several processes may write; a writer waits for the lock
  instead of failing at once.
- write transactions start with BEGIN IMMEDIATE: the write lock is taken up
  front, so two writers never both read and then deadlock upgrading to write
  (SQLITE_BUSY that the busy timeout cannot resolve).
"""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine

GRADEBOOK_FILE = "gradebook.sqlite"
BUSY_TIMEOUT_S = 60.0
WRITE = "nngrader_write"  # execution option: this transaction writes


def default_url(course_dir: Path | str) -> str:
    """The gradebook of a course: `gradebook.sqlite` in the course directory."""
    return f"sqlite:///{(Path(course_dir) / GRADEBOOK_FILE).resolve().as_posix()}"


def sqlite_path(url: str) -> Path | None:
    """The database file of a file-backed SQLite URL, else None (memory or a server)."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    if parsed.database.startswith("file:"):
        return None
    return Path(parsed.database)


def make_engine(url: str, *, synchronous: str = "FULL") -> Engine:
    """An engine for `url`; for SQLite, with WAL, fsync on commit and a busy timeout."""
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        # Let SQLAlchemy (not the sqlite3 module) decide where transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA synchronous={synchronous}")
        cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        immediate = connection.get_execution_options().get(WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine
