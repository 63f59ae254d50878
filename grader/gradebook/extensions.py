"""Deadline extensions kept in the gradebook (granted on the site), next to course.yaml's own."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import delete, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from .engine import WRITE
from .models import Extension


@dataclass(frozen=True)
class GrantedExtension:
    student_id: str
    assignment_id: str
    until: datetime
    granted_by: str
    granted_at: datetime
    comment: str


def _plain(row: Extension) -> GrantedExtension:
    return GrantedExtension(row.student_id, row.assignment_id, row.until, row.granted_by, row.granted_at, row.comment)


def set_extension(engine: Engine, student_id: str, assignment_id: str, until: datetime, *, granted_by: str = "",
                  comment: str = "") -> GrantedExtension:
    """Grant (or replace) the student's extension of one assignment; `until` must carry its time zone."""
    if until.tzinfo is None:
        raise ValueError("until must be timezone-aware: a naive time would be read in the server's zone")
    with Session(engine.execution_options(**{WRITE: True}), expire_on_commit=False) as session, session.begin():
        row = session.scalar(select(Extension).where(Extension.student_id == student_id,
                                                     Extension.assignment_id == assignment_id))
        if row is None:
            row = Extension(student_id=student_id, assignment_id=assignment_id)
            session.add(row)
        row.until, row.granted_by, row.comment = until, granted_by, comment
        row.granted_at = datetime.now(timezone.utc)
        session.flush()
        return _plain(row)


def clear_extension(engine: Engine, student_id: str, assignment_id: str) -> bool:
    """Withdraw the extension; False when there was none."""
    with Session(engine.execution_options(**{WRITE: True})) as session, session.begin():
        gone = session.execute(delete(Extension).where(Extension.student_id == student_id,
                                                       Extension.assignment_id == assignment_id))
        return bool(gone.rowcount)


def list_extensions(engine: Engine, assignment_id: str | None = None,
                    student_id: str | None = None) -> list[GrantedExtension]:
    with Session(engine) as session:
        stmt = select(Extension).order_by(Extension.assignment_id, Extension.student_id)
        if assignment_id is not None:
            stmt = stmt.where(Extension.assignment_id == assignment_id)
        if student_id is not None:
            stmt = stmt.where(Extension.student_id == student_id)
        return [_plain(row) for row in session.scalars(stmt)]
