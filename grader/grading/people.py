"""Who a Moodle participant is, once for the course.

Moodle numbers participants per assignment: «Участник 12» of one assignment is
someone else in the next, so a participant number cannot be a student's id over
a semester. A participant becomes a person through the assignment's grading
worksheet (its e-mail / ID number columns) or through the course roster (by full
name). What was learnt is stored next to the gradebook (table
`nngrader_identities`), so later runs — without the worksheet — keep the same
person, and the semester's export has one row per person.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from ..course import LoadedCourse
from ..gradebook.engine import WRITE
from .discover import TIME_FROM_ARCHIVE, TIME_UNKNOWN_UNPACKED, Candidate
from .worksheet import Person, Worksheet, normalize_name, read_roster

TIME_FROM_WORKSHEET = "время сдачи — «Последнее изменение (ответ)» из ведомости Moodle"


class _Base(DeclarativeBase):
    pass


class Identity(_Base):
    """Participant N of one assignment is person `person_id` (an ID number or an e-mail)."""

    __tablename__ = "nngrader_identities"

    assignment_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    participant: Mapped[str] = mapped_column(String(50), primary_key=True)
    person_id: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(300), default="")


@dataclass
class Resolution:
    """What the instructor should know after matching participants to people."""

    mapped: int = 0
    unmapped: list[str] = field(default_factory=list)  # names of participants left under their number


def load_roster(course: LoadedCourse) -> list[Person]:
    path = course.roster_path()
    return read_roster(path) if path is not None and Path(path).is_file() else []


def resolve_people(candidates: list[Candidate], assignment_id: str, engine, *, worksheet: Worksheet | None = None,
                   roster: list[Person] | None = None) -> Resolution:
    """Give every Moodle candidate its person's id and name (in place); remember the mapping.

    Order: this assignment's worksheet, the stored mapping, the roster by full name.
    Non-Moodle candidates (class folders, nbgrader) keep their folder names."""
    _Base.metadata.create_all(engine)
    rows = worksheet.by_participant() if worksheet is not None else {}
    by_name: dict[str, list[Person]] = {}
    for person in roster or []:
        by_name.setdefault(normalize_name(person.name), []).append(person)
    result = Resolution()
    with Session(engine.execution_options(**{WRITE: True})) as session, session.begin():
        stored = {i.participant: i for i in session.scalars(
            select(Identity).where(Identity.assignment_id == assignment_id))}
        for candidate in candidates:
            if candidate.participant is None:
                continue
            row = rows.get(candidate.participant)
            person: Person | None = row.person if row is not None and row.person.id else None
            if person is None and candidate.participant in stored:
                known = stored[candidate.participant]
                person = Person(known.name, idnumber=known.person_id)
            if person is None:
                namesakes = by_name.get(normalize_name(row.person.name if row is not None and row.person.name
                                                       else candidate.student_name), [])
                if len(namesakes) == 1 and namesakes[0].id:
                    person = namesakes[0]
            if row is not None and row.submitted_at is not None:
                candidate.submitted_at = row.submitted_at
                candidate.notes = [n for n in candidate.notes if n not in (TIME_FROM_ARCHIVE, TIME_UNKNOWN_UNPACKED)]
                candidate.notes.append(TIME_FROM_WORKSHEET)
            if row is not None and row.person.name:
                candidate.student_name = row.person.name  # the worksheet spells names right, whatever the zip did
            if person is None:
                result.unmapped.append(candidate.student_name)
                continue
            candidate.student_id = person.id
            candidate.student_name = person.name or candidate.student_name
            result.mapped += 1
            _retire_participant_row(session, assignment_id, candidate.participant, person.id)
            entry = stored.get(candidate.participant)
            if entry is None:
                session.add(Identity(assignment_id=assignment_id, participant=candidate.participant,
                                     person_id=person.id, name=candidate.student_name))
            else:
                entry.person_id, entry.name = person.id, candidate.student_name
    return result


def _retire_participant_row(session: Session, assignment_id: str, participant: str, person_id: str) -> None:
    """A run before the mapping stored this participant under the bare number: that row is this person's
    old result, and must not stay current beside the person's own (two rows, one of them stale)."""
    from sqlalchemy import update

    from ..gradebook.models import Submission
    if participant == person_id:
        return
    session.execute(update(Submission).where(
        Submission.student_id == participant, Submission.assignment_id == assignment_id,
        Submission.is_current.is_(True)).values(is_current=False))


def rename_students(engine, names: dict[str, str]) -> int:
    """Store corrected names (a later archive with proper UTF-8 names fixes mojibake ones)."""
    from ..gradebook.models import Student
    changed = 0
    with Session(engine.execution_options(**{WRITE: True})) as session, session.begin():
        for student_id, name in names.items():
            student = session.get(Student, student_id)
            if student is not None and name and student.name != name:
                student.name = name
                changed += 1
    return changed
