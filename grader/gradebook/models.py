"""The gradebook schema: students, assignments, submissions and per-test results.

One declarative `Base` for the whole gradebook database; other tables that live
in the same file (quiz attempts) can be declared on it too.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (JSON, Boolean, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator


class IsoDateTime(TypeDecorator):
    """A datetime stored as ISO 8601 text.

    SQLite has no datetime type and SQLAlchemy's DateTime drops the UTC offset
    there; deadlines and Moodle timestamps carry one, so we keep the exact value
    (naive stays naive, +03:00 stays +03:00).
    """

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> str | None:
        return None if value is None else value.isoformat()

    def process_result_value(self, value: str | None, dialect) -> datetime | None:
        return None if value is None else datetime.fromisoformat(value)


class Base(DeclarativeBase):
    type_annotation_map = {datetime: IsoDateTime, dict[str, Any]: JSON, list[str]: JSON}


class Student(Base):
    __tablename__ = "students"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)  # as the class folder names the student
    name: Mapped[str] = mapped_column(String(300), default="")


class Assignment(Base):
    __tablename__ = "assignments"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)  # course.yaml id


class Submission(Base):
    __tablename__ = "submissions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    student_id: Mapped[str] = mapped_column(ForeignKey("students.id"))
    assignment_id: Mapped[str] = mapped_column(ForeignKey("assignments.id"))
    content_hash: Mapped[str] = mapped_column(String(128))
    source_path: Mapped[str] = mapped_column(Text, default="")
    submitted_at: Mapped[datetime | None]
    graded_at: Mapped[datetime | None]
    late_days: Mapped[int] = mapped_column(Integer, default=0)
    penalty_percent: Mapped[float] = mapped_column(Float, default=0.0)
    isolation: Mapped[str] = mapped_column(String(20))
    raw_score: Mapped[float] = mapped_column(Float)
    score: Mapped[float] = mapped_column(Float)
    max_score: Mapped[float] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(20))
    message: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[list[str]] = mapped_column(JSON, default=list)
    duration: Mapped[float] = mapped_column(Float, default=0.0)
    is_current: Mapped[bool] = mapped_column(Boolean, default=True)
    # Written in the same transaction as the results: lets `verify()` prove no
    # submission lost results (it would only differ after real corruption).
    result_count: Mapped[int] = mapped_column(Integer, default=0)

    results: Mapped[list["TestResult"]] = relationship(
        back_populates="submission", cascade="all, delete-orphan", order_by="TestResult.position")

    __table_args__ = (
        Index("ix_submissions_student_assignment", "student_id", "assignment_id", "is_current"),
        Index("ix_submissions_assignment_current", "assignment_id", "is_current"),
        # At most one current submission per student and assignment. Partial indexes
        # exist only in SQLite and PostgreSQL; elsewhere a plain unique index would
        # forbid history, so the index is simply not created there.
        Index("uq_submissions_current", "student_id", "assignment_id", unique=True,
              sqlite_where=text("is_current = 1"), postgresql_where=text("is_current")
              ).ddl_if(dialect=("sqlite", "postgresql")),
    )


class TestResult(Base):
    __tablename__ = "test_results"
    __test__ = False  # not a pytest class

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)  # order in which the grader ran the tests
    test_id: Mapped[str] = mapped_column(String(500))
    function: Mapped[str | None] = mapped_column(String(200))
    points: Mapped[float] = mapped_column(Float)
    max_points: Mapped[float] = mapped_column(Float)
    passed: Mapped[bool] = mapped_column(Boolean)
    message: Mapped[str] = mapped_column(Text, default="")
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    hint: Mapped[str | None] = mapped_column(Text)
    mutant_id: Mapped[str | None] = mapped_column(String(300))
    duration: Mapped[float] = mapped_column(Float, default=0.0)

    submission: Mapped[Submission] = relationship(back_populates="results")


class Extension(Base):
    """A deadline extension granted to one student for one assignment (on the site, or any future tool).

    course.yaml `extensions` still apply; the effective deadline is the latest of the two. Not a
    foreign key to students: an extension may be granted before the student's first submission."""

    __tablename__ = "extensions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    student_id: Mapped[str] = mapped_column(String(200))
    assignment_id: Mapped[str] = mapped_column(String(200))
    until: Mapped[datetime]                                    # timezone-aware
    granted_by: Mapped[str] = mapped_column(String(300), default="")
    granted_at: Mapped[datetime]
    comment: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (UniqueConstraint("student_id", "assignment_id", name="uq_extensions_student_assignment"),)
