"""Moodle's offline grading worksheet: read it, match its rows to students, fill grade and comment.

Moodle's "download all submissions" names folders `<Full Name>_<N>_assignsubmission_file_`
where N is the assignment's *participant* number, not a user id, ID number or
email — so the gradebook import cannot match those students. The assignment's
own offline grading worksheet can: its "Identifier" column holds
"Participant N" ("Участник N" in a Russian Moodle). The instructor downloads the
worksheet (Assignment → View all submissions → Grading action → Download grading
worksheet; needs the "Offline grading worksheet" feedback type), we fill in its
grade column — and the feedback comment column when the assignment has
"Feedback comments" on — keeping every header exactly as Moodle wrote it, and
they upload it back ("Upload grading worksheet").

Rows are matched to our students by participant number, e-mail or ID number,
whichever the student id is. Reading the worksheet is grader.grading.worksheet's
job (grading reads submission times and identities from the same file); this
module only finds the grade and comment columns and writes them.
"""
from __future__ import annotations

import csv
import io
from datetime import timezone
from typing import Callable

from ..grading.worksheet import Worksheet, WorksheetError, WorksheetRow, parse_worksheet as read_worksheet_text
from ..records import SubmissionRecord
from .safe import safe_row
from .table import ExportError, number

GRADE_HEADERS = ("Grade", "Оценка")
COMMENT_HEADERS = ("Feedback comments", "Отзыв в виде комментария")


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    wanted = {n.casefold() for n in names}
    return next((i for i, h in enumerate(header) if h.strip().strip("\ufeff").casefold() in wanted), None)


def parse_worksheet(text: str) -> Worksheet:
    """The worksheet's participant rows (times are not needed for writing grades, so read as UTC)."""
    try:
        return read_worksheet_text(text, timezone.utc)
    except WorksheetError as exc:
        raise ExportError(str(exc)) from None


def _keys(row: WorksheetRow) -> list[str]:
    return [k for k in (row.participant, row.person.email.lower(), row.person.idnumber) if k]


def match_records(sheet: Worksheet, records: list[SubmissionRecord]) -> dict[int, SubmissionRecord]:
    """Index into sheet.rows -> the student's record, by participant number, e-mail or ID number."""
    by_key: dict[str, SubmissionRecord] = {}
    for record in records:
        by_key.setdefault(record.student_id, record)
        by_key.setdefault(record.student_id.lower(), record)
    found: dict[int, SubmissionRecord] = {}
    for index, row in enumerate(sheet.rows):
        record = next((by_key[k] for k in _keys(row) if k in by_key), None)
        if record is not None:
            found[index] = record
    return found


def fill_moodle_worksheet(gradebook, assignment_id: str, worksheet: str, *,
                          comment: Callable[[SubmissionRecord], str] | None = None,
                          notes: list[str] | None = None) -> tuple[str, int]:
    """The downloaded worksheet text with the grade (and comment) column filled from the gradebook.

    Rows without a graded submission are left as they were. Returns (csv text, rows filled);
    `notes` receives Russian remarks for the instructor (e.g. no comment column).
    """
    sheet = parse_worksheet(worksheet)
    grade_col = _column(sheet.header, GRADE_HEADERS)
    if grade_col is None:
        raise ExportError(f"в ведомости Moodle нет колонки оценки ({' / '.join(GRADE_HEADERS)}); "
                          f"заголовки: {', '.join(sheet.header)}")
    comment_col = _column(sheet.header, COMMENT_HEADERS)
    records = gradebook.current(assignment_id)
    if not records:
        raise ExportError(f"в журнале оценок нет решений задания {assignment_id}. "
                          "Сначала проверьте решения: nngrader grade ЗАДАНИЕ ПАПКА_С_РЕШЕНИЯМИ")
    if comment is not None and comment_col is None and notes is not None:
        notes.append("в ведомости нет колонки «Отзыв в виде комментария» (Feedback comments): включите этот тип "
                     "отзыва в настройках задания и скачайте ведомость заново, чтобы отзывы попали в Moodle")
    matched = match_records(sheet, records)
    for index, record in matched.items():
        cells = sheet.rows[index].cells
        width = max(grade_col, comment_col or 0) + 1
        cells.extend([""] * (width - len(cells)))
        cells[grade_col] = number(record.score)
        if comment is not None and comment_col is not None:
            cells[comment_col] = comment(record)
    if notes is not None:
        unmatched = sorted({r.student_id for r in records} - {r.student_id for r in matched.values()})
        if unmatched:
            notes.append(f"нет в ведомости (оценки не вписаны): {', '.join(unmatched[:10])}"
                         + (f" и ещё {len(unmatched) - 10}" if len(unmatched) > 10 else ""))
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(safe_row(r) for r in [sheet.header, *(r.cells for r in sheet.rows)])
    return buffer.getvalue(), len(matched)
