"""Feedback back into Moodle: the worksheet's comment column and the bulk "feedback files" zip.

Moodle (Assignment → View all submissions → Grading action → "Upload multiple
feedback files in a zip", needs the "Feedback files" feedback type) reads each
path part as `<Full Name>_<participant N>_<plugin type>_<plugin name>_` — the
folder names of its own "download all submissions" — and attaches the files
below it to participant N. The name part is ignored but must not contain '_'
(Moodle's download removes them too).

The participant number of a student comes from the grading worksheet when one is
given (matched by participant number, e-mail or ID number), else from the Moodle
folder the submission was graded from, else from a numeric student id.
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePath

from ..course import Assignment, Course, LoadedCourse
from ..gradebook import Gradebook
from ..records import SubmissionRecord
from .table import ExportError, plain_course
from .worksheet import match_records, parse_worksheet

SUBMISSION_PLUGIN = "assignsubmission_file_"
_MOODLE_FOLDER = re.compile(r"^(?P<name>.+?)_(?P<number>\d+)_(assignsubmission|assignfeedback|onlinetext)")
_UNSAFE = re.compile(r'[_\x00-\x1f/\\:*?"<>|]+')


@dataclass
class FeedbackZip:
    data: bytes
    students: int
    notes: list[str] = field(default_factory=list)


def feedback_comment(record: SubmissionRecord, assignment: Assignment | None = None) -> str:
    """The short HTML comment for Moodle's «Отзыв в виде комментария» (Feedback comments) column."""
    from ..feedback.render import environment
    from ..feedback.view import build_view

    html = environment("html").get_template("moodle_comment.html.j2").render(v=build_view(record, assignment))
    return " ".join(html.split("\n")).strip()


def folder_name(full_name: str, number: str) -> str:
    name = " ".join(_UNSAFE.sub(" ", full_name).split()) or "Студент"
    return f"{name}_{number}_{SUBMISSION_PLUGIN}"


def participant_from_path(source_path: str) -> tuple[str, str] | None:
    """(full name, participant number) from a Moodle folder in the graded path, if any."""
    for part in reversed(PurePath(source_path).parts):
        match = _MOODLE_FOLDER.match(part)
        if match:
            return match.group("name"), match.group("number")
    return None


def feedback_files_zip(gradebook: Gradebook, course: Course | LoadedCourse | None, assignment_id: str, *,
                       worksheet: str | None = None, fmt: str = "html") -> FeedbackZip:
    """The zip Moodle accepts as "feedback files": one folder per participant with the feedback page."""
    from ..feedback import render_feedback

    plain = plain_course(course)
    spec = plain.assignment(assignment_id) if plain is not None else None
    key = spec.id if spec is not None else assignment_id
    records = gradebook.current(key)
    if not records:
        raise ExportError(f"в журнале оценок нет решений задания {key}. "
                          "Сначала проверьте решения: nngrader grade ЗАДАНИЕ ПАПКА_С_РЕШЕНИЯМИ")
    participants: dict[str, tuple[str, str]] = {}
    if worksheet is not None:
        sheet = parse_worksheet(worksheet)
        for index, record in match_records(sheet, records).items():
            row = sheet.rows[index]
            participants[record.student_id] = (row.person.name or record.student_name, row.participant)
    result = FeedbackZip(b"", 0)
    missing: list[str] = []
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for record in records:
            found = participants.get(record.student_id) or participant_from_path(record.source_path)
            if found is None and record.student_id.isdigit():
                found = (record.student_name, record.student_id)
            if found is None:
                missing.append(record.student_id)
                continue
            name = f"{folder_name(*found)}/feedback_{key}.{fmt}"
            archive.writestr(name, render_feedback(record, spec, fmt))
            result.students += 1
    if missing:
        result.notes.append("не найден номер участника Moodle (нет в ведомости и решение не из архива Moodle), "
                            f"отзывы не вошли в архив: {', '.join(missing[:10])}"
                            + (f" и ещё {len(missing) - 10}" if len(missing) > 10 else "")
                            + ("" if worksheet else "; укажите ведомость задания: --worksheet ФАЙЛ.csv"))
    if not result.students:
        raise ExportError("ни одному отзыву не нашёлся участник Moodle: " + "; ".join(result.notes))
    result.data = buffer.getvalue()
    return result
