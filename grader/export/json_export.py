"""The whole gradebook as JSON: students, every submission with its per-test results, quiz attempts."""
from __future__ import annotations

from typing import Any

from ..course import Course, LoadedCourse
from ..gradebook import Gradebook, jsonable, record_from_dict, record_to_dict
from ..records import SubmissionRecord
from .table import ExportError, plain_course, resolve_assignment

FORMAT = "nngrader-gradebook"
VERSION = 1


def _attempt(a) -> dict[str, Any]:
    return {
        "student_id": a.student_id, "quiz_id": a.quiz_id, "score": a.score, "max_score": a.max_score,
        "variant_seed": a.variant_seed, "source": a.source, "created_at": jsonable(a.created_at),
        "answers": [{"question_id": x.question_id, "given": x.given, "points": x.points, "max_points": x.max_points}
                    for x in a.answers],
    }


def export_json(gradebook: Gradebook, course: Course | LoadedCourse | None = None,
                assignment_id: str | None = None, *, history: bool = True) -> dict[str, Any]:
    """A JSON-ready dict. Deterministic: no export timestamp, everything sorted.

    `history=False` keeps only the current submission of each student and assignment.
    """
    course = plain_course(course)
    assignment_id = resolve_assignment(course, assignment_id)
    stored = gradebook.submissions(assignment_id, current_only=not history)
    attempts = gradebook.quiz_attempts() if assignment_id is None else []
    if not stored and not attempts:
        raise ExportError("журнал оценок пуст: нечего выгружать. "
                          "Сначала проверьте решения: nngrader grade ЗАДАНИЕ ПАПКА_С_РЕШЕНИЯМИ")
    return {
        "format": FORMAT,
        "version": VERSION,
        "course": course.title if course is not None else None,
        "students": [{"id": s.id, "name": s.name} for s in gradebook.students()],
        "assignments": sorted({s.record.assignment_id for s in stored}),
        "submissions": [{"id": s.id, "is_current": s.is_current, **record_to_dict(s.record)} for s in stored],
        "quiz_attempts": [_attempt(a) for a in sorted(attempts, key=lambda a: (a.student_id, a.quiz_id))],
    }


def records_from_json(data: dict[str, Any], *, current_only: bool = False) -> list[SubmissionRecord]:
    """SubmissionRecords back from export_json() output (detail tuples come back as lists)."""
    if data.get("format") != FORMAT:
        raise ExportError("это не выгрузка журнала nngrader (нет поля format: nngrader-gradebook)")
    out = []
    for item in data["submissions"]:
        if current_only and not item["is_current"]:
            continue
        fields = {k: v for k, v in item.items() if k not in ("id", "is_current")}
        out.append(record_from_dict(fields))
    return out
