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

from ..course import Course, LoadedCourse
from ..gradebook import Gradebook
from .safe import safe_row
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
    writer.writerow(safe_row(header))
    for row in table.rows:
        values = [row.values.get(c.key) for c in columns]
        writer.writerow(safe_row([row.student_id, row.name]) + [NO_GRADE if v is None else number(v) for v in values])
    return buffer.getvalue()
