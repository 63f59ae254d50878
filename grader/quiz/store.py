"""Quiz results in the gradebook database (SQLAlchemy 2.0, SQLite by default).

Isolated on its own declarative Base so the class-gradebook issue can merge
these two tables into its schema later. A server URL works as well.
"""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import (DateTime, Float, ForeignKey, Index, Integer, String, Text, delete, select, text)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


def _now() -> datetime:
    return datetime.now(timezone.utc)


class QuizAttempt(Base):
    __tablename__ = "quiz_attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    student_id: Mapped[str] = mapped_column(String(200), index=True)
    quiz_id: Mapped[str] = mapped_column(String(200), index=True)
    variant_seed: Mapped[str] = mapped_column(String(64))  # sha256 hex of secret|student|quiz
    score: Mapped[float] = mapped_column(Float)
    max_score: Mapped[float] = mapped_column(Float)
    source: Mapped[str | None] = mapped_column(Text, nullable=True)  # the graded file
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    answers: Mapped[list["QuizAnswer"]] = relationship(
        back_populates="attempt", cascade="all, delete-orphan", order_by="QuizAnswer.id")

    # One attempt per student and quiz even with concurrent writers (migration 0002_one_quiz_attempt).
    __table_args__ = (Index("uq_quiz_attempts_student_quiz", "student_id", "quiz_id", unique=True),)


class QuizAnswer(Base):
    __tablename__ = "quiz_answers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("quiz_attempts.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[str] = mapped_column(String(200))
    given: Mapped[str | None] = mapped_column(Text, nullable=True)  # as the student wrote it
    points: Mapped[float] = mapped_column(Float)
    max_points: Mapped[float] = mapped_column(Float)
    attempt: Mapped[QuizAttempt] = relationship(back_populates="answers")


def default_url(course_dir: Path) -> str:
    return f"sqlite:///{(Path(course_dir) / 'gradebook.sqlite').resolve().as_posix()}"


def open_store(url: str) -> Engine:
    """The course gradebook's engine (WAL, busy timeout, fsync on commit), with the quiz tables."""
    from ..gradebook.engine import make_engine
    from ..gradebook.schema import upgrade
    engine = make_engine(url)
    upgrade(engine)  # the gradebook's Alembic migrations own these tables too
    return engine


def save_attempt(engine: Engine, attempt: QuizAttempt) -> bool:
    """Store one graded answer file in ONE transaction, replacing the student's
    earlier attempt at the same quiz (regrading must not double-count).
    Returns True when an earlier attempt was replaced."""
    from ..gradebook.engine import WRITE
    for attempt_no in range(3):
        try:
            return _save_attempt_once(engine.execution_options(**{WRITE: True}), attempt)
        except IntegrityError:
            # Another writer inserted this student's attempt first (unique index): the retry replaces it.
            if attempt_no == 2:
                raise
            _forget_ids(attempt)
    raise AssertionError("unreachable")


def _forget_ids(attempt: QuizAttempt) -> None:
    """After a rolled-back insert: the same objects can be inserted again as new rows."""
    from sqlalchemy.orm import make_transient
    for obj in (attempt, *attempt.answers):
        make_transient(obj)
        obj.id = None
    for answer in attempt.answers:
        answer.attempt_id = None


def _save_attempt_once(engine: Engine, attempt: QuizAttempt) -> bool:
    with Session(engine) as session, session.begin():
        if engine.dialect.name == "postgresql":
            # Writers of the same student and quiz queue here (SQLite: BEGIN IMMEDIATE already serializes);
            # otherwise each would delete the other's attempt and insert its own in a loop.
            session.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"),
                            {"key": f"quiz|{attempt.student_id}|{attempt.quiz_id}"})
        old = session.scalars(select(QuizAttempt.id).where(
            QuizAttempt.student_id == attempt.student_id,
            QuizAttempt.quiz_id == attempt.quiz_id)).all()
        if old:
            session.execute(delete(QuizAnswer).where(QuizAnswer.attempt_id.in_(old)))
            session.execute(delete(QuizAttempt).where(QuizAttempt.id.in_(old)))
        session.add(attempt)
    return bool(old)


def attempts(engine: Engine, quiz_id: str | None = None) -> list[QuizAttempt]:
    with Session(engine) as session:
        stmt = select(QuizAttempt).order_by(QuizAttempt.student_id)
        if quiz_id is not None:
            stmt = stmt.where(QuizAttempt.quiz_id == quiz_id)
        rows = session.scalars(stmt).all()
        for row in rows:
            _ = row.answers  # load while the session is open
        session.expunge_all()
        return list(rows)
