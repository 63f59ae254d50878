"""The gradebook on SQLite and on a real PostgreSQL: same records back, Alembic migrations
(fresh, and an older SQLite gradebook in place), many writer processes without lost or doubled rows."""
from __future__ import annotations

import importlib
import subprocess
import sys
import textwrap
from dataclasses import replace

from sqlalchemy import MetaData, create_engine, inspect, text

from databases import gradebook_url  # noqa: F401 - the fixture
from grader.gradebook import Gradebook
from grader.gradebook.models import Base
from grader.gradebook.schema import current, head
from grader.quiz.store import Base as QuizBase
from report_records import ROOT, sample_records


def _by_key(records):
    return {(r.student_id, r.assignment_id): r for r in records}


def test_records_round_trip_exactly(gradebook_url):
    records = sample_records()
    with Gradebook(gradebook_url) as book:
        for record in records:
            book.save(record)
        assert _by_key(book.current()) == _by_key(records)  # every field: floats, Cyrillic, +03:00 times, JSON
        first = records[1]
        book.save(replace(first, content_hash="second", score=1.0))
        history = book.submissions(first.assignment_id, first.student_id)
        assert [(s.is_current, s.record.content_hash) for s in history] == [(False, first.content_hash),
                                                                            (True, "second")]
        assert book.verify() == []


# Tables other modules declare on their own bases, in the same database (revision 0003).
OTHER_SCHEMAS = [
    ("grader.web.models", "WebBase", {"web_users", "web_tokens", "web_jobs", "web_quiz_sessions", "web_quiz_answers"}),
    ("grader.grading.people", "_Base", {"nngrader_identities"}),
]


def test_migrations_build_exactly_the_models_schema(gradebook_url):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    Gradebook(gradebook_url).close()
    expected = MetaData()
    absent: set[str] = set()  # tables of modules not in this build: not compared
    for module, base, tables in OTHER_SCHEMAS:
        try:
            metadata = getattr(importlib.import_module(module), base).metadata
        except ImportError:
            absent |= tables
            continue
        for table in metadata.tables.values():
            table.to_metadata(expected)
    for metadata in (Base.metadata, QuizBase.metadata):
        for table in metadata.tables.values():
            table.to_metadata(expected)

    def compared(obj, name, type_, reflected, compare_to) -> bool:
        return not (type_ == "table" and name in absent)

    engine = create_engine(gradebook_url)
    try:
        assert current(engine) == head()
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True, "include_object": compared})
            diff = compare_metadata(context, expected)
    finally:
        engine.dispose()
    assert diff == []


def test_an_old_create_all_gradebook_upgrades_in_place(tmp_path):
    """A gradebook written before migrations (create_all, no alembic_version, duplicate quiz attempts)."""
    from grader.quiz.store import QuizAnswer, QuizAttempt, attempts

    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    engine = create_engine(url)
    Base.metadata.create_all(engine)
    QuizBase.metadata.create_all(engine)
    with engine.begin() as connection:  # what create_all made before revision 0002
        connection.exec_driver_sql("DROP INDEX uq_quiz_attempts_student_quiz")
    engine.dispose()
    records = sample_records()
    with Gradebook(url, create=False) as book:
        for record in records:
            book.save(record)
    from sqlalchemy.orm import Session
    engine = create_engine(url)
    with Session(engine) as session, session.begin():  # a race of the old store: two attempts of one quiz
        for score in (3.0, 5.0):
            session.add(QuizAttempt(student_id="ivanov", quiz_id="q1", variant_seed="s", score=score, max_score=5.0,
                                    answers=[QuizAnswer(question_id="a", given="x", points=score, max_points=5.0)]))
    assert current(engine) is None
    engine.dispose()

    with Gradebook(url) as book:
        assert current(book.engine) == head()
        assert _by_key(book.current()) == _by_key(records)  # every row kept
        assert book.verify() == []
        kept = attempts(book.engine, "q1")
        assert [(a.score, len(a.answers)) for a in kept] == [(5.0, 1)]  # the newest attempt survives
        indexes = {ix["name"] for ix in inspect(book.engine).get_indexes("quiz_attempts")}
        assert "uq_quiz_attempts_student_quiz" in indexes


WRITER = textwrap.dedent("""
    import sys
    sys.path.insert(0, {root!r})
    from grader.gradebook import Gradebook
    from grader.records import SubmissionRecord, TestOutcome
    from grader.quiz.store import QuizAnswer, QuizAttempt, open_store, save_attempt
    url, me, students, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    with Gradebook(url) as gb:          # every writer starts on a fresh database: migrations race too
        for r in range(rounds):
            for s in range(students):
                outcomes = [TestOutcome(f"test_{{k}}", "relu", 1.0, 1.0, True, "", 0.0) for k in range(1 + s % 4)]
                gb.save(SubmissionRecord(f"st{{s}}", f"Студент {{s}}", "02_activations", "p", f"{{me}}:{{r}}:{{s}}",
                                         None, 0, 0.0, "full", 1.0, 1.0, 4.0, "graded", outcomes=outcomes))
    engine = open_store(url)
    for r in range(rounds):
        save_attempt(engine, QuizAttempt(student_id="st0", quiz_id="q", variant_seed=me, score=float(r),
                                         max_score=9.0, answers=[QuizAnswer(question_id="a", given=me, points=0.0,
                                                                             max_points=1.0)]))
    engine.dispose()
    print("done")
""")


def test_many_writer_processes_lose_nothing_and_double_nothing(gradebook_url, tmp_path):
    """Six processes write the SAME students at once (and migrate the empty database at once)."""
    from grader.quiz.store import attempts, open_store

    script = tmp_path / "writer.py"
    script.write_text(WRITER.format(root=str(ROOT)), encoding="utf-8")
    writers, students, rounds = 6, 12, 3
    procs = [subprocess.Popen([sys.executable, str(script), gradebook_url, f"w{i}", str(students), str(rounds)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for i in range(writers)]
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err[-3000:]
        assert out.strip() == "done"
    with Gradebook(gradebook_url) as book:
        stored = book.submissions()
        hashes = [s.record.content_hash for s in stored]
        assert len(hashes) == len(set(hashes)) == writers * students * rounds  # no lost, no doubled row
        assert book.verify() == []                      # results complete, one current per student
        current = book.current("02_activations")
        assert sorted(r.student_id for r in current) == sorted(f"st{s}" for s in range(students))
        for record in current:  # the current one is the last that writer saved for that student
            writer, rnd, s = record.content_hash.split(":")
            assert rnd == str(rounds - 1) and record.student_id == f"st{s}"
            assert len(record.outcomes) == 1 + int(s) % 4
        assert len(book.students()) == students
        with book.engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM assignments")).scalar() == 1
            assert connection.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1
    engine = open_store(gradebook_url)
    try:
        assert len(attempts(engine, "q")) == 1  # one attempt per student and quiz, whatever the interleaving
    finally:
        engine.dispose()


def test_feedback_and_exports_read_the_same_from_either_database(gradebook_url, tmp_path):
    """`--db` takes a PostgreSQL URL wherever it takes one: exports and feedback come out byte for byte as from SQLite."""
    from typer.testing import CliRunner

    from grader.cli import app

    reference_url = f"sqlite:///{tmp_path / 'reference.sqlite'}"
    for url in {gradebook_url, reference_url}:
        with Gradebook(url) as book:
            for record in sample_records():
                book.save(record)
    runner = CliRunner()
    outputs = {}
    for name, url in (("reference", reference_url), ("tested", gradebook_url)):
        for fmt, out in (("csv", "grades.csv"), ("json", "grades.json"), ("moodle", "moodle.csv")):
            result = runner.invoke(app, ["export", "--format", fmt, "--out", str(tmp_path / name / out), "--db", url,
                                         "--assignment", "02", "--course", str(ROOT)])
            assert result.exit_code == 0, (fmt, result.output)
        result = runner.invoke(app, ["feedback", "02", "--out", str(tmp_path / name / "fb"), "--format", "md",
                                     "--db", url, "--course", str(ROOT)])
        assert result.exit_code == 0, result.output
        outputs[name] = {p.relative_to(tmp_path / name).as_posix(): p.read_bytes()
                         for p in sorted((tmp_path / name).rglob("*")) if p.is_file()}
    assert len(outputs["tested"]) >= 5
    assert outputs["tested"] == outputs["reference"]
