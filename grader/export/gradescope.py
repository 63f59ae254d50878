"""Gradescope autograder `results.json` for one submission.

Format (gradescope-autograders.readthedocs.io, "Autograder Specifications"):
top-level "score" (overrides the sum of the tests, so the late penalty holds),
"execution_time", "output", "visibility", "stdout_visibility", "extra_data",
and "tests": [{"name", "score", "max_score", "status", "output", "visibility", "tags", …}].
"""
from __future__ import annotations

from typing import Any

from ..course import Assignment
from ..feedback.view import STATUS_TEXT, detail_lines, fmt_number, new_facts, pretty_test, safe_message
from ..records import SubmissionRecord, TestOutcome

VISIBILITIES = ("visible", "hidden", "after_due_date", "after_published")


def _test_output(o: TestOutcome) -> str:
    if o.passed:
        return ""
    message = safe_message(o.message)
    lines = [message] + new_facts(message, detail_lines(o.details))  # each fact once
    if o.hint:
        lines.append(f"Подсказка: {o.hint}")
    return "\n".join(lines)


def _summary(record: SubmissionRecord, assignment: Assignment | None) -> str:
    title = assignment.title if assignment is not None else record.assignment_id
    lines = [f"{title}: {fmt_number(record.score)} из {fmt_number(record.max_score)} "
             f"({STATUS_TEXT.get(record.status, record.status)})"]
    if record.message:
        lines.append(f"Решение не удалось проверить: {record.message}")
    if record.late_days > 0 or record.penalty_percent > 0:
        lines.append(f"Опоздание {record.late_days} дн., штраф {fmt_number(record.penalty_percent)} %: "
                     f"{fmt_number(record.raw_score)} → {fmt_number(record.score)}")
    lines += [f"Замечание: {n}" for n in record.notes]
    return "\n".join(lines)


def gradescope_results(record: SubmissionRecord, assignment: Assignment | None = None, *,
                       visibility: str = "visible") -> dict[str, Any]:
    """The results.json dict of one graded submission. Never contains hidden test source."""
    if visibility not in VISIBILITIES:
        raise ValueError(f"visibility: одно из {', '.join(VISIBILITIES)}")
    tests = [
        {
            "name": f"{o.function or 'прочее'}: {pretty_test(o.test_id)}",
            "number": str(i),
            "score": round(float(o.points), 4),
            "max_score": round(float(o.max_points), 4),
            "status": "passed" if o.passed else "failed",
            "output": _test_output(o),
            "output_format": "text",
            "tags": [o.function] if o.function else [],
            "visibility": visibility,
        }
        for i, o in enumerate(record.outcomes, start=1)
    ]
    return {
        "score": round(float(record.score), 4),
        "execution_time": round(float(record.duration), 3),
        "output": _summary(record, assignment),
        "output_format": "text",
        "visibility": visibility,
        "stdout_visibility": "hidden",  # the grader's own log is for the instructor
        "tests": tests,
        "extra_data": {
            "student_id": record.student_id, "assignment_id": record.assignment_id,
            "raw_score": record.raw_score, "max_score": record.max_score, "late_days": record.late_days,
            "penalty_percent": record.penalty_percent, "status": record.status,
            "isolation": record.isolation, "content_hash": record.content_hash,
        },
    }
