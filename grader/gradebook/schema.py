"""Bring a gradebook database to the current schema with Alembic (SQLite and PostgreSQL).

Every process that opens the gradebook calls `upgrade(engine)`: a cheap check
when the database is already at the head revision, else the pending revisions
in ONE transaction that first takes a database-wide lock, so several grading
commands (or the site) starting at once on a fresh database migrate it once:
- PostgreSQL: a transaction-scoped advisory lock; its DDL is transactional;
- SQLite: BEGIN IMMEDIATE (the write lock) around DDL, which SQLite also rolls back.
A gradebook created by an older nngrader (create_all, no alembic_version) is
adopted in place by the baseline revision, which creates only what is missing.
"""
from __future__ import annotations

from functools import lru_cache

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

from .engine import WRITE

_LOCK_KEY = 0x6E6E6772  # "nngr": the advisory lock that serializes migrations on PostgreSQL


def _config() -> Config:
    """A fresh Config per call: it carries the connection, and threads must not share that."""
    config = Config()
    config.set_main_option("script_location", "grader.gradebook:migrations")
    return config


@lru_cache(maxsize=1)
def head() -> str:
    """The newest revision shipped with this nngrader."""
    return ScriptDirectory.from_config(_config()).get_current_head()


def current(engine: Engine) -> str | None:
    """The revision the database is at (None: never migrated, maybe an old create_all gradebook)."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Apply the pending revisions (if any) under a lock; safe to call from many processes at once."""
    if current(engine) == head():
        return
    with engine.execution_options(**{WRITE: True}).connect() as connection:
        with connection.begin():
            if connection.dialect.name == "postgresql":
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_LOCK_KEY})")
            config = _config()
            config.attributes["connection"] = connection
            try:
                # Reads the version again under the lock: a process that waited finds nothing to do.
                command.upgrade(config, "head")
            finally:
                config.attributes.pop("connection", None)
