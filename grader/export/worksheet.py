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
whichever the student id is.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from typing import Callable

from ..records import SubmissionRecord
from .safe import safe_row
from .table import ExportError, number

GRADE_HEADERS = ("Grade", "Оценка")
COMMENT_HEADERS = ("Feedback comments", "Отзыв в виде комментария")
NAME_HEADERS = ("Full name", "Полное имя", "ФИО")
EMAIL_HEADERS = ("Email address", "Адрес электронной почты", "Электронная почта")
ID_NUMBER_HEADERS = ("ID number", "Индивидуальный номер", "Идентификационный номер")
_PARTICIPANT = re.compile(r"^\D*?(\d+)\s*$")
DOWNLOAD_HINT = ("скачайте её заново (Задание → Просмотр всех ответов → Действие оценивания → "
                 "Скачать ведомость оценок)")


@dataclass
class Participant:
    number: str
    full_name: str = ""
    email: str = ""
    id_number: str = ""

    def keys(self) -> list[str]:
        return [k for k in (self.number, self.email.lower(), self.id_number) if k]


@dataclass
class Worksheet:
    rows: list[list[str]]
    id_col: int
    grade_col: int
    comment_col: int | None = None
    name_col: int | None = None
    email_col: int | None = None
    id_number_col: int | None = None
    participants: list[Participant | None] = field(default_factory=list)  # per data row

    @property
    def header(self) -> list[str]:
        return self.rows[0]


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    wanted = {n.casefold() for n in names}
    return next((i for i, h in enumerate(header) if h.strip().casefold() in wanted), None)


def _cell(row: list[str], col: int | None) -> str:
    return row[col].strip() if col is not None and col < len(row) else ""


def parse_worksheet(text: str) -> Worksheet:
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    if not rows:
        raise ExportError(f"ведомость Moodle пуста: {DOWNLOAD_HINT}")
    header = rows[0]
    grade_col = _column(header, GRADE_HEADERS)
    if grade_col is None:
        raise ExportError(f"в ведомости Moodle нет колонки оценки ({' / '.join(GRADE_HEADERS)}); "
                          f"заголовки: {', '.join(header)}")
    id_col = next((i for i in range(len(header)) if i != grade_col and rows[1:] and all(
        _PARTICIPANT.match(r[i]) for r in rows[1:] if len(r) > i and r[i].strip())), None)
    if id_col is None:
        raise ExportError("в ведомости Moodle не найдена колонка идентификатора («Participant N» / «Участник N»)")
    sheet = Worksheet(rows, id_col, grade_col, _column(header, COMMENT_HEADERS), _column(header, NAME_HEADERS),
                      _column(header, EMAIL_HEADERS), _column(header, ID_NUMBER_HEADERS))
    for row in rows[1:]:
        match = _PARTICIPANT.match(_cell(row, id_col))
        sheet.participants.append(None if match is None else Participant(
            match.group(1), _cell(row, sheet.name_col), _cell(row, sheet.email_col), _cell(row, sheet.id_number_col)))
    return sheet


def match_records(sheet: Worksheet, records: list[SubmissionRecord]) -> dict[int, SubmissionRecord]:
    """Data row index (1-based in sheet.rows) -> the student's record, by participant number, e-mail or ID number."""
    by_key: dict[str, SubmissionRecord] = {}
    for record in records:
        by_key.setdefault(record.student_id, record)
        by_key.setdefault(record.student_id.lower(), record)
    found: dict[int, SubmissionRecord] = {}
    for index, participant in enumerate(sheet.participants, start=1):
        if participant is None:
            continue
        record = next((by_key[k] for k in participant.keys() if k in by_key), None)
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
    records = gradebook.current(assignment_id)
    if not records:
        raise ExportError(f"в журнале оценок нет решений задания {assignment_id}. "
                          "Сначала проверьте решения: nngrader grade ЗАДАНИЕ ПАПКА_С_РЕШЕНИЯМИ")
    if comment is not None and sheet.comment_col is None and notes is not None:
        notes.append("в ведомости нет колонки «Отзыв в виде комментария» (Feedback comments): включите этот тип "
                     "отзыва в настройках задания и скачайте ведомость заново, чтобы отзывы попали в Moodle")
    matched = match_records(sheet, records)
    for index, record in matched.items():
        row = sheet.rows[index]
        width = max(sheet.grade_col, sheet.comment_col or 0) + 1
        row.extend([""] * (width - len(row)))
        row[sheet.grade_col] = number(record.score)
        if comment is not None and sheet.comment_col is not None:
            row[sheet.comment_col] = comment(record)
    if notes is not None:
        unmatched = sorted({r.student_id for r in records} - {r.student_id for r in matched.values()})
        if unmatched:
            notes.append(f"нет в ведомости (оценки не вписаны): {', '.join(unmatched[:10])}"
                         + (f" и ещё {len(unmatched) - 10}" if len(unmatched) > 10 else ""))
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(safe_row(r) for r in sheet.rows)
    return buffer.getvalue(), len(matched)
