"""The grade sheet as typed cells: what CSV prints as text and .xlsx stores as numbers.

Header, then one row per student: id, name, grades (float, or None where
nothing was submitted — an empty cell, never 0), and for one assignment its
late days, penalty and status.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..feedback.view import STATUS_TEXT
from ..records import ALERT_NOTE
from .table import GradeTable, number

Cell = str | float | int | None


@dataclass
class Sheet:
    header: list[str]
    rows: list[list[Cell]]
    numeric_from: int = 2  # columns before this one are text (id, name)


def _header(title: str, maximum: float | None) -> str:
    return f"{title} (из {number(maximum)})" if maximum else title


def single_assignment(table: GradeTable, assignment_id: str | None) -> str | None:
    return next((c.key for c in table.columns if c.kind == "assignment"), None) if assignment_id else None


def grade_sheet(table: GradeTable, single: str | None) -> Sheet:
    header = ["ID", "Студент"]
    header += [_header(c.header, c.max) for c in table.columns if c.kind != "quiz"]
    if single:
        header += ["Опоздание, дн.", "Штраф, %", "Статус"]
    else:
        header.append(_header("Итого по заданиям", table.total_max))
    header += [_header(c.header, c.max) for c in table.columns if c.kind == "quiz"]
    rows: list[list[Cell]] = []
    for row in table.rows:
        line: list[Cell] = [row.student_id, row.name]
        line += [row.values.get(c.key) for c in table.columns if c.kind != "quiz"]
        if single:
            record = row.records.get(single)
            line += ([record.late_days, record.penalty_percent, STATUS_TEXT.get(record.status, record.status)]
                     if record is not None else [None, None, "не сдано"])
        else:
            submitted = any(c.key in row.records for c in table.columns if c.kind == "assignment")
            line.append(table.total(row) if submitted else None)
        line += [row.values.get(c.key) for c in table.columns if c.kind == "quiz"]
        rows.append(line)
    flagged = [_flagged(row) for row in table.rows]
    if any(flagged):  # only when the sandbox saw something: the usual sheet keeps its columns
        header.append(CHECK_HEADER)
        for line, text in zip(rows, flagged):
            line.append(text or None)
    return Sheet(header, rows)


CHECK_HEADER = "Проверить вручную"


def _flagged(row) -> str:
    """Assignments whose graded code reached outside the sandbox's rules (see grader.sandbox.alerts)."""
    return ", ".join(sorted(aid for aid, record in row.records.items()
                            if any(note.startswith(ALERT_NOTE) for note in record.notes)))


def as_text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return str(cell)
    if isinstance(cell, int):
        return str(cell)
    if isinstance(cell, float):
        return number(cell)
    return cell
