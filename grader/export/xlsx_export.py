"""Grades as a real Excel workbook (.xlsx): the default spreadsheet export for people.

A CSV meets a Russian-locale Excel badly (',' puts everything in column A; with
';' the decimal '6.33' turns into a date). In .xlsx grades are numbers, absent
grades are empty cells (never 0), names come from the roster when one is given,
and text cells are stored as text with Excel's quote prefix: a folder name
like `=HYPERLINK(…)` is shown, never evaluated.
"""
from __future__ import annotations

import io

from ..course import Course, LoadedCourse
from ..gradebook import Gradebook
from .safe import is_dangerous
from .sheet import Sheet, grade_sheet, single_assignment
from .table import build_table, plain_course

SHEET_TITLE = "Оценки"
GRADE_FORMAT = "0.##"


def _set(ws, row: int, column: int, value) -> None:
    cell = ws.cell(row=row, column=column)
    if value is None:
        return  # an empty cell: nothing submitted
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl would turn a leading '=' into a formula
        if is_dangerous(value):
            cell.quotePrefix = True
    elif isinstance(value, float):
        cell.number_format = GRADE_FORMAT


def write_sheet(ws, sheet: Sheet) -> None:
    """Header in row 1 (filters and scripts expect it there), one student per row, first columns frozen."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    top = 1
    for column, text in enumerate(sheet.header, start=1):
        _set(ws, top, column, text)
        cell = ws.cell(row=top, column=column)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for index, values in enumerate(sheet.rows, start=top + 1):
        for column, value in enumerate(values, start=1):
            _set(ws, index, column, value)
    ws.freeze_panes = ws.cell(row=top + 1, column=3)
    widths = [max([len(str(h)) // 2 + 2] + [len(str(r[i])) + 2 for r in sheet.rows if r[i] is not None])
              for i, h in enumerate(sheet.header)]
    for column, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(column)].width = min(max(width, 8), 45)


def export_xlsx(gradebook: Gradebook, course: Course | LoadedCourse | None = None,
                assignment_id: str | None = None, *, roster: dict[str, str] | None = None) -> bytes:
    """The workbook's bytes: students × assignments (or one assignment's functions, late days and status)."""
    from openpyxl import Workbook

    table = build_table(gradebook, course, assignment_id, roster=roster)
    sheet = grade_sheet(table, single_assignment(table, assignment_id))
    plain = plain_course(course)
    title = None
    if plain is not None:
        title = plain.title
        if assignment_id is not None:
            spec = plain.assignment(assignment_id)
            title = f"{plain.title}: {spec.title} ({spec.id})"
    workbook = Workbook()
    ws = workbook.active
    ws.title = SHEET_TITLE
    workbook.properties.title = title
    write_sheet(ws, sheet)
    ws.auto_filter.ref = ws.dimensions
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
