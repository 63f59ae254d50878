"""Students × grade items: the matrix behind the CSV and Moodle exports."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..course import Assignment, Course, LoadedCourse
from ..gradebook import Gradebook
from ..records import SubmissionRecord


class ExportError(Exception):
    """An export cannot be produced; str() is a Russian message for the instructor."""


@dataclass(frozen=True)
class Column:
    key: str          # assignment id, "quiz:<id>" or "fn:<function>"
    header: str       # Russian, for people
    max: float | None
    kind: str         # "assignment" | "quiz" | "function"


@dataclass
class Row:
    student_id: str
    name: str
    values: dict[str, float | None] = field(default_factory=dict)
    records: dict[str, SubmissionRecord] = field(default_factory=dict)  # assignment id -> current record


@dataclass
class GradeTable:
    columns: list[Column]
    rows: list[Row]

    def total(self, row: Row) -> float:
        """Sum over assignment columns (quizzes and per-function columns excluded)."""
        return sum(row.values.get(c.key) or 0.0 for c in self.columns if c.kind == "assignment")

    @property
    def total_max(self) -> float:
        return sum(c.max or 0.0 for c in self.columns if c.kind == "assignment")


def plain_course(course: Course | LoadedCourse | None) -> Course | None:
    return course.course if isinstance(course, LoadedCourse) else course


def resolve_assignment(course: Course | None, key: str | None) -> str | None:
    """'2' / 'activations' -> '02_activations' when the course is known."""
    if key is None or course is None:
        return key
    return course.assignment(key).id


def _assignment_ids(gradebook: Gradebook, course: Course | None) -> list[str]:
    stored = gradebook.assignments()
    if course is None:
        return stored
    ids = [a.id for a in course.assignments]
    return ids + [a for a in stored if a not in ids]  # graded but since removed from course.yaml


def build_table(gradebook: Gradebook, course: Course | LoadedCourse | None = None,
                assignment_id: str | None = None, *, quizzes: bool = True,
                roster: dict[str, str] | None = None) -> GradeTable:
    """Every student of the gradebook × every assignment (or one assignment's functions) and quiz.

    `roster` (student id -> full name) adds the students who submitted nothing (their
    cells stay empty) and its names win over names guessed from folder names.
    """
    course = plain_course(course)
    assignment_id = resolve_assignment(course, assignment_id)
    records = gradebook.current(assignment_id)
    if not records and not (quizzes and assignment_id is None and gradebook.quiz_attempts()):
        where = f" по заданию {assignment_id}" if assignment_id else ""
        raise ExportError(f"журнал оценок пуст{where}: нечего выгружать. "
                          "Сначала проверьте решения: nngrader grade ЗАДАНИЕ ПАПКА_С_РЕШЕНИЯМИ")
    rows: dict[str, Row] = {s.id: Row(s.id, s.name) for s in gradebook.students()}
    columns: list[Column] = []
    by_assignment: dict[str, list[SubmissionRecord]] = {}
    for r in records:
        by_assignment.setdefault(r.assignment_id, []).append(r)
    spec: Assignment | None = None
    if assignment_id is not None:
        spec = course.assignment(assignment_id) if course is not None else None
        functions = list(spec.functions) if spec is not None else []
        for r in records:
            functions += [o.function for o in r.outcomes if o.function and o.function not in functions]
        for name in functions:
            fmax = spec.functions[name].points if spec is not None and name in spec.functions else None
            columns.append(Column(f"fn:{name}", name, fmax, "function"))
        ids = [assignment_id]
    else:
        ids = [a for a in _assignment_ids(gradebook, course) if a in by_assignment or course is not None]
    for aid in ids:
        amax = max((r.max_score for r in by_assignment.get(aid, [])), default=None)
        columns.append(Column(aid, aid, amax if amax is not None else 100.0, "assignment"))
    for r in records:
        row = rows.setdefault(r.student_id, Row(r.student_id, r.student_name))
        row.values[r.assignment_id] = r.score
        row.records[r.assignment_id] = r
        if assignment_id is not None:
            for o in r.outcomes:
                key = f"fn:{o.function}"
                if o.function:
                    row.values[key] = (row.values.get(key) or 0.0) + o.points
    if quizzes and assignment_id is None:
        attempts = sorted(gradebook.quiz_attempts(), key=lambda a: (a.quiz_id, a.student_id))
        for quiz_id in sorted({a.quiz_id for a in attempts}):
            qmax = max(a.max_score for a in attempts if a.quiz_id == quiz_id)
            columns.append(Column(f"quiz:{quiz_id}", f"тест {quiz_id}", qmax, "quiz"))
        for a in attempts:
            row = rows.setdefault(a.student_id, Row(a.student_id, ""))
            row.values[f"quiz:{a.quiz_id}"] = a.score
    if assignment_id is not None:  # one assignment: only the students who submitted it (and the roster)
        rows = {k: v for k, v in rows.items() if assignment_id in v.records or k in (roster or {})}
    for student_id, name in (roster or {}).items():
        row = rows.setdefault(student_id, Row(student_id, name))
        row.name = name or row.name
    return GradeTable(columns=columns, rows=[rows[k] for k in sorted(rows)])


def number(value: float | None) -> str:
    """A grade as spreadsheets and Moodle parse it: '.' decimal point, at most 2 decimals, '' when absent."""
    if value is None:
        return ""
    text = f"{round(float(value), 2):.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
