"""The site's own tables, in the same database as the gradebook (on their own declarative base)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from ..gradebook.engine import WRITE
from ..gradebook.models import IsoDateTime


class WebBase(DeclarativeBase):
    type_annotation_map = {datetime: IsoDateTime}


class User(WebBase):
    __tablename__ = "web_users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    login: Mapped[str] = mapped_column(String(200), unique=True)        # student id or instructor e-mail
    role: Mapped[str] = mapped_column(String(20))                       # student | assistant | instructor
    student_id: Mapped[str | None] = mapped_column(String(200), unique=True)
    name: Mapped[str] = mapped_column(String(300), default="")
    email: Mapped[str] = mapped_column(String(300), default="")
    password_hash: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]


class SignInToken(WebBase):
    """A one-time sign-in link: only its SHA-256 is stored, so a database leak does not sign anyone in."""

    __tablename__ = "web_tokens"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("web_users.id"))
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]


class Job(WebBase):
    """One upload waiting for, undergoing or done with grading."""

    __tablename__ = "web_jobs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    student_id: Mapped[str] = mapped_column(String(200), index=True)
    student_name: Mapped[str] = mapped_column(String(300), default="")
    assignment_id: Mapped[str] = mapped_column(String(200))
    path: Mapped[str] = mapped_column(Text)
    filename: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[str] = mapped_column(String(20), default="queued")  # queued | running | done | failed
    message: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    submission_id: Mapped[int | None] = mapped_column(Integer)
    # "grade": hidden tests, a grade in the gradebook; "public": the open tests, feedback only,
    # their results kept here in `outcome` (never in the gradebook). Added by revision 0004.
    kind: Mapped[str] = mapped_column(String(20), default="grade", server_default="grade")
    outcome: Mapped[list | None] = mapped_column(JSON)

    __table_args__ = (Index("ix_web_jobs_status", "status", "id"),)


class QuizSession(WebBase):
    """A graded quiz in the browser: one per student and quiz; answers are saved as they are given."""

    __tablename__ = "web_quiz_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    student_id: Mapped[str] = mapped_column(String(200))
    quiz_id: Mapped[str] = mapped_column(String(200))
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    score: Mapped[float | None]
    max_score: Mapped[float | None]

    __table_args__ = (UniqueConstraint("student_id", "quiz_id", name="uq_web_quiz_once"),)


class QuizSessionAnswer(WebBase):
    __tablename__ = "web_quiz_answers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("web_quiz_sessions.id", ondelete="CASCADE"))
    question_id: Mapped[str] = mapped_column(String(200))
    given: Mapped[str] = mapped_column(Text, default="")
    saved_at: Mapped[datetime]

    __table_args__ = (UniqueConstraint("session_id", "question_id", name="uq_web_quiz_answer"),)


def write_engine(engine):
    return engine.execution_options(**{WRITE: True})


def writing(engine) -> Session:
    """A session for a transaction that writes. On SQLite it begins with BEGIN IMMEDIATE: a plain
    transaction that reads first and writes later cannot wait for another writer and fails with
    "database is locked" at once (seen under load); this one waits its turn (busy timeout)."""
    return Session(write_engine(engine))
