"""Quiz results in the gradebook database (SQLAlchemy 2.0, SQLite by default).

Isolated on its own declarative Base so the class-gradebook issue can merge
these two tables into its schema later. A server URL works as well.
"""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import (DateTime, Float, ForeignKey, Integer, String, Text, delete, select)
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
    engine = make_engine(url)
    Base.metadata.create_all(engine)
    return engine


def save_attempt(engine: Engine, attempt: QuizAttempt) -> bool:
    """Store one graded answer file in ONE transaction, replacing the student's
    earlier attempt at the same quiz (regrading must not double-count).
    Returns True when an earlier attempt was replaced."""
    with Session(engine) as session, session.begin():
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
