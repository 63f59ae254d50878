"""A CSV that Moodle's gradebook import ("Import → CSV file") accepts.

Moodle maps each row to a user by ONE identifier column chosen on the import
page ("Map from" → "Map to"): user id, username, ID number or email address.
We write the student id into an "ID number" column (Map to: useridnumber) —
or "Email address" (Map to: useremail) when every id looks like an email — then
a full-name column Moodle simply ignores, then one column per grade item whose
header becomes the item name for "new grade item", or which the instructor maps
to an existing item. Grades use '.' decimals; "-" means "no grade" (Moodle
leaves it empty instead of writing 0). Plain UTF-8 without BOM, comma separated:
the import page's defaults.
"""
from __future__ import annotations

import csv
import io
import re

from ..course import Course, LoadedCourse
from ..gradebook import Gradebook
from ..grading.worksheet import person_keys
from .table import ExportError, build_table, number, plain_course

ID_NUMBER = "ID number"
EMAIL = "Email address"
FULL_NAME = "Full name"
NO_GRADE = "-"


def identifier_header(student_ids: list[str]) -> str:
    return EMAIL if student_ids and all("@" in s for s in student_ids) else ID_NUMBER


def export_moodle(gradebook: Gradebook, course: Course | LoadedCourse | None = None,
                  assignment_id: str | None = None) -> str:
    """The CSV text: identifier, full name, one grade column per assignment (and quiz)."""
    course = plain_course(course)
    table = build_table(gradebook, course, assignment_id)
    columns = [c for c in table.columns if c.kind in ("assignment", "quiz")]
    titles = {a.id: a.title for a in course.assignments} if course is not None else {}
    ident = identifier_header([r.student_id for r in table.rows])
    header = [ident, FULL_NAME] + [f"{titles[c.key]} ({c.key})" if c.key in titles else c.header for c in columns]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in table.rows:
        values = [row.values.get(c.key) for c in columns]
        writer.writerow([row.student_id, row.name] + [NO_GRADE if v is None else number(v) for v in values])
    return buffer.getvalue()


# ---------------------------------------------------------------- the assignment's grading worksheet
#
# Moodle's "download all submissions" names folders `<Full Name>_<N>_assignsubmission_file_`
# where N is the assignment's *participant* number, not a user id, ID number or
# email — so the gradebook import above cannot match those students. The
# assignment's own offline grading worksheet can: its "Identifier" column holds
# "Participant N" ("Участник N" in a Russian Moodle). The instructor downloads
# the worksheet (Assignment → View all submissions → Grading action → Download
# grading worksheet; needs the "Offline grading worksheet" feedback type), we
# fill in its grade column keeping every header exactly as Moodle wrote it
# (headers are in the site's language), and they upload it back
# ("Upload grading worksheet").

GRADE_HEADERS = ("Grade", "Оценка")
_PARTICIPANT = re.compile(r"^\D*?(\d+)\s*$")


def fill_moodle_worksheet(gradebook: Gradebook, assignment_id: str, worksheet: str) -> tuple[str, int]:
    """The downloaded worksheet text with the grade column filled from the gradebook.

    Rows are matched by the participant number in the identifier column (the
    number in the download-all folder names = our student id). Rows without a
    graded submission are left as they were. Returns (csv text, rows filled).
    """
    rows = list(csv.reader(io.StringIO(worksheet.removeprefix("\ufeff"))))
    if not rows:
        raise ExportError("ведомость Moodle пуста: скачайте её заново (Задание → Просмотр всех ответов → "
                          "Действие оценивания → Скачать ведомость оценок)")
    header = rows[0]
    grade_col = next((i for i, h in enumerate(header) if h.strip() in GRADE_HEADERS), None)
    if grade_col is None:
        raise ExportError(f"в ведомости Moodle нет колонки оценки ({' / '.join(GRADE_HEADERS)}); "
                          f"заголовки: {', '.join(header)}")
    id_col = next((i for i in range(len(header)) if i != grade_col and rows[1:] and all(
        _PARTICIPANT.match(r[i]) for r in rows[1:] if len(r) > i and r[i].strip())), None)
    if id_col is None:
        raise ExportError("в ведомости Moodle не найдена колонка идентификатора («Participant N» / «Участник N»)")
    scores = {r.student_id: r.score for r in gradebook.current(assignment_id)}
    if not scores:
        raise ExportError(f"в журнале оценок нет решений задания {assignment_id}. "
                          "Сначала проверьте решения: nngrader grade ЗАДАНИЕ ПАПКА_С_РЕШЕНИЯМИ")
    filled = 0
    for row in rows[1:]:
        if len(row) <= max(id_col, grade_col):
            continue
        match = _PARTICIPANT.match(row[id_col])
        # a participant mapped to a person (grade --worksheet / roster) is stored under the ID number or e-mail
        key = next((k for k in person_keys(header, row) + ([match.group(1)] if match else []) if k in scores), None)
        if match and key is not None:
            row[grade_col] = number(scores[key])
            filled += 1
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue(), filled
