"""The Gradebook: graded submissions in (one transaction each, or one per group), records back out."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, fields, is_dataclass, replace
from typing import Any, Iterator

from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from ..records import SubmissionRecord
from .convert import record_from_row, result_values, submission_row
from .engine import WRITE, make_engine
from .models import Assignment, Student, Submission, TestResult
from .schema import upgrade
from .summary import AssignmentSummary, summarize

_SAVE_ATTEMPTS = 3


class GradebookError(Exception):
    """The gradebook cannot be opened or used; str() is a Russian message."""


@dataclass(frozen=True)
class StudentInfo:
    id: str
    name: str


@dataclass(frozen=True)
class StoredSubmission:
    """A record as stored, with its row id and whether it is the current one."""

    id: int
    is_current: bool
    record: SubmissionRecord


class Gradebook:
    """Students, submissions and per-test results in one SQL database.

    `url` is any SQLAlchemy URL; the default for a course is
    `engine.default_url(course_dir)` (SQLite file `gradebook.sqlite`).
    """

    def __init__(self, url: str, *, create: bool = True):
        self.url = url
        try:
            self.engine: Engine = make_engine(url)
            if create:
                upgrade(self.engine)  # Alembic: creates a new gradebook, migrates an older one in place
        except Exception as exc:  # noqa: BLE001 - bad URL, missing driver, unreadable file
            raise GradebookError(f"не удалось открыть журнал оценок {url}: {exc}") from exc
        self._writer = self.engine.execution_options(**{WRITE: True})

    # ------------------------------------------------------------ context

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Gradebook":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------ writing

    def save(self, record: SubmissionRecord) -> int:
        """Store one graded submission with all its results in ONE transaction.

        The student's previous current submission of this assignment stops being
        current in the same transaction; history is kept. Returns the new row id.
        """
        return self.save_many([record])[0]

    def save_many(self, records: list[SubmissionRecord]) -> list[int]:
        """Store several graded submissions in ONE transaction (all or none); their row ids in order.

        One commit (one fsync) for a group of records is what lets a single
        command keep up with many graders: the commit, not the rows, is the cost.
        Records are applied in order, so a later record of the same student and
        assignment becomes the current one."""
        if not records:
            return []
        for attempt in range(_SAVE_ATTEMPTS):
            try:
                return self._save_once([storable(r) for r in records])
            except IntegrityError:
                # Two processes raced to create the same student or the same
                # "current" row (server databases); the retry sees the winner's row.
                if attempt == _SAVE_ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")

    def _save_once(self, records: list[SubmissionRecord]) -> list[int]:
        with Session(self._writer, expire_on_commit=False) as session, session.begin():
            results: list[dict] = []
            ids = [self._add(session, record, results) for record in records]
            if results:
                # One executemany for every result of the group: the ORM's row-by-row unit of work
                # for ~70 results per submission was most of the cost of a save.
                session.execute(insert(TestResult), results)
            return ids

    @staticmethod
    def _add(session: Session, record: SubmissionRecord, results: list[dict]) -> int:
        """Add one submission row (flipping the previous current one); its results go into `results`."""
        student = session.get(Student, record.student_id, with_for_update=True)
        if student is None:
            session.add(Student(id=record.student_id, name=record.student_name))
        elif record.student_name and student.name != record.student_name:
            student.name = record.student_name
        if session.get(Assignment, record.assignment_id) is None:
            session.add(Assignment(id=record.assignment_id))
        session.flush()
        session.execute(
            update(Submission)
            .where(Submission.student_id == record.student_id,
                   Submission.assignment_id == record.assignment_id,
                   Submission.is_current.is_(True))
            .values(is_current=False))
        row = submission_row(record, with_results=False)
        session.add(row)
        session.flush()
        results += [{**values, "submission_id": row.id} for values in result_values(record)]
        return row.id

    # ------------------------------------------------------------ reading

    def known_hash(self, student_id: str, assignment_id: str) -> str | None:
        """The content hash of the current submission, or None: equal -> no need to regrade."""
        with Session(self.engine) as session:
            return session.scalar(select(Submission.content_hash).where(
                Submission.student_id == student_id, Submission.assignment_id == assignment_id,
                Submission.is_current.is_(True)))

    def known_hashes(self, assignment_id: str) -> dict[str, str]:
        """student_id -> content hash of the current submission (one query for a whole batch)."""
        with Session(self.engine) as session:
            rows = session.execute(select(Submission.student_id, Submission.content_hash).where(
                Submission.assignment_id == assignment_id, Submission.is_current.is_(True)))
            return {student: digest for student, digest in rows}

    def current(self, assignment_id: str | None = None) -> list[SubmissionRecord]:
        """Current submissions (of one assignment, or all), results included, sorted by student and assignment."""
        return [s.record for s in self._load(assignment_id=assignment_id, current_only=True)]

    def iter_current(self, assignment_id: str, *, page: int = 100) -> Iterator[SubmissionRecord]:
        """Current submissions of one assignment, `page` at a time: memory stays flat in the class size."""
        with Session(self.engine) as session:
            ids = list(session.scalars(select(Submission.id).where(
                Submission.assignment_id == assignment_id, Submission.is_current.is_(True))
                .order_by(Submission.student_id, Submission.id)))
        for chunk in _chunks(ids, page):
            yield from (s.record for s in self._load(ids=chunk, current_only=True))

    def submissions(self, assignment_id: str | None = None, student_id: str | None = None,
                    *, current_only: bool = False) -> list[StoredSubmission]:
        """Every stored submission (history included unless `current_only`), oldest first per student."""
        return self._load(assignment_id=assignment_id, student_id=student_id, current_only=current_only)

    def students(self) -> list[StudentInfo]:
        with Session(self.engine) as session:
            return [StudentInfo(s.id, s.name) for s in session.scalars(select(Student).order_by(Student.id))]

    def assignments(self) -> list[str]:
        """Assignment ids that have at least one submission, sorted."""
        with Session(self.engine) as session:
            return list(session.scalars(select(Submission.assignment_id).distinct().order_by(Submission.assignment_id)))

    def count(self, assignment_id: str | None = None) -> int:
        """Number of current submissions."""
        with Session(self.engine) as session:
            stmt = select(func.count()).select_from(Submission).where(Submission.is_current.is_(True))
            if assignment_id is not None:
                stmt = stmt.where(Submission.assignment_id == assignment_id)
            return int(session.scalar(stmt) or 0)

    def summary(self, assignment_id: str) -> AssignmentSummary:
        """Count, mean, median and failures per function over the current submissions."""
        return summarize(assignment_id, self.iter_current(assignment_id))

    # ------------------------------------------------------------ extensions (granted on the site)

    def set_extension(self, student_id: str, assignment_id: str, until, *, granted_by: str = "", comment: str = ""):
        """Grant or replace one student's extension of one assignment (`until` timezone-aware)."""
        from .extensions import set_extension
        return set_extension(self.engine, student_id, assignment_id, until, granted_by=granted_by, comment=comment)

    def clear_extension(self, student_id: str, assignment_id: str) -> bool:
        from .extensions import clear_extension
        return clear_extension(self.engine, student_id, assignment_id)

    def extensions(self, assignment_id: str | None = None, student_id: str | None = None) -> list:
        """Granted extensions (GrantedExtension), by assignment and student."""
        from .extensions import list_extensions
        return list_extensions(self.engine, assignment_id, student_id)

    def extended_until(self, assignment_id: str) -> dict:
        """student_id -> the deadline granted in the gradebook for this assignment (for Candidate.extended_until)."""
        return {e.student_id: e.until for e in self.extensions(assignment_id)}

    def quiz_attempts(self, quiz_id: str | None = None) -> list:
        """Quiz attempts stored by `nngrader quiz grade` in the same database (empty without the quiz package)."""
        try:
            from ..quiz.store import attempts
        except ImportError:
            return []
        try:
            return attempts(self.engine, quiz_id)
        except OperationalError:  # the quiz tables were not created in this database
            return []

    def verify(self) -> list[str]:
        """Russian descriptions of inconsistencies: a submission whose stored results
        do not match its result_count, or two current submissions of one student and assignment.
        Empty list = consistent."""
        problems: list[str] = []
        with Session(self.engine) as session:
            counts = dict(session.execute(
                select(TestResult.submission_id, func.count()).group_by(TestResult.submission_id)).all())
            for sid, student, assignment, expected in session.execute(
                    select(Submission.id, Submission.student_id, Submission.assignment_id, Submission.result_count)):
                if counts.get(sid, 0) != expected:
                    problems.append(f"посылка №{sid} ({student}, {assignment}): результатов "
                                    f"{counts.get(sid, 0)}, а записано {expected}")
            doubles = session.execute(
                select(Submission.student_id, Submission.assignment_id, func.count())
                .where(Submission.is_current.is_(True))
                .group_by(Submission.student_id, Submission.assignment_id)
                .having(func.count() > 1)).all()
            problems += [f"{s}, {a}: текущих посылок {n}" for s, a, n in doubles]
        return problems

    # ------------------------------------------------------------ internals

    def _load(self, *, assignment_id: str | None = None, student_id: str | None = None,
              ids: list[int] | None = None, current_only: bool) -> list[StoredSubmission]:
        with Session(self.engine) as session:
            stmt = (select(Submission, Student.name).join(Student, Student.id == Submission.student_id)
                    .order_by(Submission.student_id, Submission.assignment_id, Submission.id))
            if assignment_id is not None:
                stmt = stmt.where(Submission.assignment_id == assignment_id)
            if student_id is not None:
                stmt = stmt.where(Submission.student_id == student_id)
            if ids is not None:
                stmt = stmt.where(Submission.id.in_(ids))
            if current_only:
                stmt = stmt.where(Submission.is_current.is_(True))
            rows = session.execute(stmt).all()
            results = self._results_of(session, [sub.id for sub, _ in rows])
            return [StoredSubmission(sub.id, sub.is_current, record_from_row(sub, name, results.get(sub.id, [])))
                    for sub, name in rows]

    @staticmethod
    def _results_of(session: Session, ids: list[int]) -> dict[int, list[TestResult]]:
        grouped: dict[int, list[TestResult]] = defaultdict(list)
        for chunk in _chunks(ids, 500):  # stay below SQLite's bound-parameter limit
            for r in session.scalars(select(TestResult).where(TestResult.submission_id.in_(chunk))):
                grouped[r.submission_id].append(r)
        return grouped


_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def _text(value: str) -> str:
    """`value` as text every database accepts: lone surrogates (a forged reply, a folder name in a foreign
    encoding) become U+FFFD, and so does NUL (PostgreSQL refuses it)."""
    return _UNSTORABLE.sub("\ufffd", value)


def storable(value: Any) -> Any:
    """A copy of a record (or part of one) whose every string is storable text."""
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, list):
        return [storable(v) for v in value]
    if isinstance(value, tuple):
        return tuple(storable(v) for v in value)
    if isinstance(value, dict):
        return {storable(k): storable(v) for k, v in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        return replace(value, **{f.name: storable(getattr(value, f.name)) for f in fields(value) if f.init})
    return value


def _chunks(items: list[int], size: int) -> Iterator[list[int]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]
