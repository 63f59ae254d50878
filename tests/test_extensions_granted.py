"""Extensions granted in the gradebook (on the site): stored on SQLite and PostgreSQL, and honoured by
`nngrader grade` on the same gradebook — granting one regrades the student without --force."""
from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from typer.testing import CliRunner

from databases import gradebook_url  # noqa: F401 - the fixture
from grader.cli import app
from grader.gradebook import Gradebook
from webhelpers import ROOT, course_with_deadline

MSK = ZoneInfo("Europe/Moscow")


def test_extensions_are_set_replaced_and_cleared(gradebook_url):
    until = datetime(2026, 12, 10, 23, 59, tzinfo=MSK)
    with Gradebook(gradebook_url) as book:
        book.set_extension("anna", "02_activations", until, granted_by="t@uni.ru", comment="болела")
        book.set_extension("anna", "02_activations", until + timedelta(days=1), granted_by="t@uni.ru")
        book.set_extension("boris", "03_losses", until)
        [anna] = book.extensions(student_id="anna")
        assert anna.until == until + timedelta(days=1) and anna.until.utcoffset() == timedelta(hours=3)
        assert anna.comment == "" and anna.granted_by == "t@uni.ru"  # replaced, not added
        assert book.extended_until("02_activations") == {"anna": until + timedelta(days=1)}
        assert book.clear_extension("anna", "02_activations") and not book.clear_extension("anna", "02_activations")
        assert [e.student_id for e in book.extensions()] == ["boris"]
        with pytest.raises(ValueError):
            book.set_extension("anna", "02_activations", datetime(2026, 12, 10))  # naive: refused


def test_grade_honours_a_gradebook_extension(tmp_path):
    deadline = datetime(2026, 11, 20, 23, 59, tzinfo=MSK)
    course = course_with_deadline(tmp_path, deadline, per_day=10)
    folder = tmp_path / "class" / "anna"
    folder.mkdir(parents=True)
    solution = folder / "activations.py"
    solution.write_bytes((ROOT / "solutions" / "activations.py").read_bytes())
    two_days_late = (deadline + timedelta(days=1, hours=12)).timestamp()
    os.utime(solution, (two_days_late, two_days_late))
    db = f"sqlite:///{tmp_path / 'gb.sqlite'}"
    command = ["grade", "02", str(tmp_path / "class"), "--course", str(course), "--db", db, "--jobs", "1",
               "--allow-reduced"]
    runner = CliRunner()
    first = runner.invoke(app, command)
    assert first.exit_code == 0, first.output
    with Gradebook(db) as book:
        [late] = book.current("02_activations")
        assert late.late_days == 2 and late.score == pytest.approx(80)
        book.set_extension("anna", "02_activations", deadline + timedelta(days=3), granted_by="t@uni.ru")
    second = runner.invoke(app, command)  # no --force: the new deadline is part of the resume key
    assert second.exit_code == 0, second.output
    assert "к проверке 1" in " ".join(second.output.split())
    with Gradebook(db) as book:
        [extended] = book.current("02_activations")
        assert extended.late_days == 0 and extended.score == pytest.approx(100)
        assert "срок продлён до 23.11.2026 23:59 (Europe/Moscow)" in extended.notes
        assert len(book.submissions("02_activations", "anna")) == 2
    third = runner.invoke(app, command)
    assert "к проверке 0" in " ".join(third.output.split())  # nothing changed: nothing regraded


def test_a_revision_0003_gradebook_gains_extensions_and_job_kinds(gradebook_url):
    """A site database from before 0004: its jobs become grading jobs, the extensions table appears."""
    from alembic import command
    from sqlalchemy import create_engine, inspect, text

    from grader.gradebook.schema import _config, current, head
    engine = create_engine(gradebook_url)
    try:
        with engine.begin() as connection:
            config = _config()
            config.attributes["connection"] = connection
            command.upgrade(config, "0003_site_and_identities")
        with engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO web_jobs (student_id, student_name, assignment_id, path, filename, status, message, "
                "created_at) VALUES ('anna', 'Анна', '02_activations', '/x.py', 'x.py', 'done', '', "
                "'2026-11-20T10:00:00+00:00')"))
        assert "extensions" not in inspect(engine).get_table_names()
    finally:
        engine.dispose()
    with Gradebook(gradebook_url) as book:
        assert current(book.engine) == head()
        with book.engine.connect() as connection:
            assert connection.execute(text("SELECT kind, outcome FROM web_jobs")).one() == ("grade", None)
        book.set_extension("anna", "02_activations", datetime(2026, 12, 1, tzinfo=timezone.utc))
        assert book.extended_until("02_activations") == {"anna": datetime(2026, 12, 1, tzinfo=timezone.utc)}
