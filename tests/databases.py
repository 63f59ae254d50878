"""Gradebook URLs for tests: a SQLite file, and a fresh database on the real PostgreSQL server.

The server is named by NNGRADER_TEST_PG_URL (`eval "$(.ci/postgres.sh start)"` starts one).
Without it the PostgreSQL cases are skipped on a developer's machine but FAIL in CI (CI=true):
a green CI must mean they ran.
"""
from __future__ import annotations

import os
import uuid

import pytest

PG_URL = os.environ.get("NNGRADER_TEST_PG_URL", "")
BACKENDS = ["sqlite", "postgresql"]


def require_postgres() -> str:
    if PG_URL:
        return PG_URL
    message = ("NNGRADER_TEST_PG_URL не задан: тесты журнала на PostgreSQL не запущены. "
               "Запустите сервер: eval \"$(.ci/postgres.sh start)\"")
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message + " (в CI эти тесты обязательны)", pytrace=False)
    pytest.skip(message)


class FreshPostgres:
    """CREATE DATABASE on enter, DROP … WITH (FORCE) on exit: each test has its own, empty database."""

    def __init__(self, server_url: str):
        from sqlalchemy.engine import make_url
        self.server = make_url(server_url)
        self.name = f"nngrader_t_{uuid.uuid4().hex[:12]}"
        self.url = self.server.set(database=self.name).render_as_string(hide_password=False)

    def _admin(self):
        from sqlalchemy import create_engine
        return create_engine(self.server.set(database="postgres"), isolation_level="AUTOCOMMIT")

    def __enter__(self) -> str:
        admin = self._admin()
        with admin.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{self.name}"')
        admin.dispose()
        return self.url

    def __exit__(self, *exc) -> None:
        admin = self._admin()
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture(params=BACKENDS)
def gradebook_url(request, tmp_path, monkeypatch):
    """An empty gradebook URL, once per backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'gradebook.sqlite'}"
        return
    # A server gradebook keeps graded copies in the course folder unless told otherwise: not the repository.
    monkeypatch.setenv("NNGRADER_STORAGE", str(tmp_path / "storage"))
    with FreshPostgres(require_postgres()) as url:
        yield url
