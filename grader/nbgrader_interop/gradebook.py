"""Write our scores into an nbgrader course's own gradebook (nbgrader.api.Gradebook).

Each function's points go to its grade cell (`check_<function>`) as the
automatic score, so formgrader and `nbgrader export` show them; the late
penalty of course.yaml goes to the submitted notebook. Cells, notebook and
assignment are created when `nbgrader generate_assignment` has not done it.
A manual score an instructor set in formgrader is left alone (it takes
precedence in nbgrader, as usual).
"""
from __future__ import annotations

import os
import sys
import warnings
from contextlib import contextmanager
from typing import Any

from ..course import Assignment
from ..records import SubmissionRecord
from .cells import grade_id


def function_points(record: SubmissionRecord) -> dict[str, float]:
    earned: dict[str, float] = {}
    for outcome in record.outcomes:
        if outcome.function:
            earned[outcome.function] = earned.get(outcome.function, 0.0) + outcome.points
    return {name: round(points, 6) for name, points in earned.items()}


def notebook_name(gb: Any, assignment: Assignment) -> str:
    """The notebook of the assignment whose grade cells are ours; else the module name."""
    from nbgrader.api import MissingEntry

    try:
        notebooks = gb.find_assignment(assignment.id).notebooks
    except MissingEntry:
        return assignment.module
    ours = {grade_id(f) for f in assignment.functions}
    for notebook in notebooks:
        if ours & {cell.name for cell in notebook.grade_cells}:
            return notebook.name
    return assignment.module


def ensure_structure(gb: Any, assignment: Assignment, notebook: str) -> list[str]:
    """Assignment, notebook and one grade cell per function with course.yaml points; returns notes."""
    from nbgrader.api import MissingEntry

    notes = []
    try:
        gb.find_assignment(assignment.id)
    except MissingEntry:
        gb.add_assignment(assignment.id)
        notes.append(f"задание {assignment.id} добавлено в журнал nbgrader")
    try:
        gb.find_notebook(notebook, assignment.id)
    except MissingEntry:
        gb.add_notebook(notebook, assignment.id)
    for function, spec in assignment.functions.items():
        try:
            cell = gb.find_grade_cell(grade_id(function), notebook, assignment.id)
        except MissingEntry:
            gb.add_grade_cell(grade_id(function), notebook, assignment.id, max_score=spec.points, cell_type="code")
            continue
        if abs((cell.max_score or 0) - spec.points) > 1e-9:
            notes.append(f"{grade_id(function)}: максимум {cell.max_score:g} → {spec.points:g} (как в course.yaml)")
            cell.max_score = spec.points
            gb.db.commit()
    return notes


def _submitted_notebook(gb: Any, submission: Any, assignment: Assignment, notebook: str, student: str) -> Any:
    from nbgrader.api import MissingEntry, SubmittedNotebook

    try:
        return gb.find_submission_notebook(notebook, assignment.id, student)
    except MissingEntry:  # the submission existed before our notebook did
        submitted = SubmittedNotebook(notebook=gb.find_notebook(notebook, assignment.id), assignment=submission)
        gb.db.add(submitted)
        gb.db.commit()
        return submitted


def _grade(gb: Any, submitted: Any, cell_name: str, notebook: str, assignment: Assignment, student: str) -> Any:
    from nbgrader.api import Grade, MissingEntry

    try:
        return gb.find_grade(cell_name, notebook, assignment.id, student)
    except MissingEntry:
        grade = Grade(cell_id=gb.find_grade_cell(cell_name, notebook, assignment.id).id, notebook=submitted)
        gb.db.add(grade)
        return grade


def write_record(gb: Any, assignment: Assignment, notebook: str, record: SubmissionRecord) -> None:
    """One student's scores, in one commit."""
    from nbgrader.api import MissingEntry

    student = record.student_id
    try:
        gb.find_student(student)
    except MissingEntry:
        gb.add_student(student)
    extra = {"timestamp": record.submitted_at} if record.submitted_at is not None else {}
    submission = gb.update_or_create_submission(assignment.id, student, **extra)
    submitted = _submitted_notebook(gb, submission, assignment, notebook, student)
    earned = function_points(record)
    for function in assignment.functions:
        grade = _grade(gb, submitted, grade_id(function), notebook, assignment, student)
        grade.auto_score = earned.get(function, 0.0)
        grade.needs_manual_grade = False
    submitted.late_submission_penalty = round(max(0.0, record.raw_score - record.score), 6)
    gb.db.commit()


@contextmanager
def _own_tools_on_path():
    """nbgrader runs `alembic` by name; a venv used without activation (`.venv/bin/nngrader`) has its
    tools beside the interpreter but not on PATH, so put that folder first while nbgrader works."""
    folder = os.path.dirname(sys.executable)
    before = os.environ.get("PATH", "")
    if folder in before.split(os.pathsep):
        yield
        return
    os.environ["PATH"] = folder + os.pathsep + before
    try:
        yield
    finally:
        os.environ["PATH"] = before


def write_scores(db_url: str, course_id: str, assignment: Assignment,
                 records: list[SubmissionRecord]) -> tuple[str, list[str]]:
    """Write every record; returns the notebook name used and notes for the instructor."""
    from nbgrader.api import Gradebook
    from sqlalchemy.exc import SAWarning

    # nbgrader's add_submission builds rows before adding them to its session; SQLAlchemy 2
    # warns about that on every new submission. The rows are stored all the same.
    with _own_tools_on_path(), warnings.catch_warnings(), Gradebook(db_url, course_id) as gb:
        warnings.simplefilter("ignore", SAWarning)
        notebook = notebook_name(gb, assignment)
        notes = ensure_structure(gb, assignment, notebook)
        for record in records:
            write_record(gb, assignment, notebook, record)
    return notebook, notes
