"""Grades as CSV for scripts: students × assignments with totals, UTF-8 with BOM (Excel then reads Cyrillic).

For people, the .xlsx export is the default: a Russian-locale Excel puts a
','-separated CSV into one column and reads '6.33' from a ';'-separated one as
a date. Text cells are escaped against formula injection (export/safe.py).
"""
from __future__ import annotations

import csv
import io

from ..course import Course, LoadedCourse
from ..gradebook import Gradebook
from .safe import safe_row
from .sheet import as_text, grade_sheet, single_assignment
from .table import GradeTable, build_table

BOM = "\ufeff"


def table_rows(table: GradeTable, single: str | None) -> list[list[str]]:
    sheet = grade_sheet(table, single)
    return [safe_row(sheet.header)] + [safe_row([as_text(c) for c in row]) for row in sheet.rows]


def export_csv(gradebook: Gradebook, course: Course | LoadedCourse | None = None,
               assignment_id: str | None = None, *, delimiter: str = ",",
               roster: dict[str, str] | None = None) -> str:
    """The CSV text, starting with a BOM. One assignment: per-function points, penalty and status columns."""
    table = build_table(gradebook, course, assignment_id, roster=roster)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows(table_rows(table, single_assignment(table, assignment_id)))
    return BOM + buffer.getvalue()
