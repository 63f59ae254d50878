"""Grades as CSV: students × assignments with totals, UTF-8 with BOM (Excel then reads Cyrillic)."""
from __future__ import annotations

import csv
import io

from ..course import Course, LoadedCourse
from ..feedback.view import STATUS_TEXT
from ..gradebook import Gradebook
from .table import GradeTable, build_table, number

BOM = "\ufeff"


def _header(title: str, maximum: float | None) -> str:
    return f"{title} (из {number(maximum)})" if maximum else title


def table_rows(table: GradeTable, single: str | None) -> list[list[str]]:
    header = ["ID", "Студент"]
    header += [_header(c.header, c.max) for c in table.columns if c.kind != "quiz"]
    if single:
        header += ["Опоздание, дн.", "Штраф, %", "Статус"]
    else:
        header.append(_header("Итого по заданиям", table.total_max))
    header += [_header(c.header, c.max) for c in table.columns if c.kind == "quiz"]
    out = [header]
    for row in table.rows:
        line = [row.student_id, row.name]
        line += [number(row.values.get(c.key)) for c in table.columns if c.kind != "quiz"]
        if single:
            record = row.records[single]
            line += [str(record.late_days), number(record.penalty_percent),
                     STATUS_TEXT.get(record.status, record.status)]
        else:
            line.append(number(table.total(row)))
        line += [number(row.values.get(c.key)) for c in table.columns if c.kind == "quiz"]
        out.append(line)
    return out


def export_csv(gradebook: Gradebook, course: Course | LoadedCourse | None = None,
               assignment_id: str | None = None, *, delimiter: str = ",") -> str:
    """The CSV text, starting with a BOM. One assignment: per-function points, penalty and status columns."""
    table = build_table(gradebook, course, assignment_id)
    single = next((c.key for c in table.columns if c.kind == "assignment"), None) if assignment_id else None
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows(table_rows(table, single))
    return BOM + buffer.getvalue()
