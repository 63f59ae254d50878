"""SubmissionRecord <-> database rows <-> plain JSON dictionaries."""
from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from typing import Any

from ..plaindata import jsonable
from ..records import SubmissionRecord, TestOutcome
from .models import Submission, TestResult


def result_values(record: SubmissionRecord) -> list[dict[str, Any]]:
    """The column values of a record's TestResult rows, in order (submission_id left to the caller)."""
    return [dict(position=i, test_id=o.test_id, function=o.function, points=float(o.points),
                 max_points=float(o.max_points), passed=bool(o.passed), message=o.message or "",
                 details=jsonable(o.details or {}), hint=o.hint, mutant_id=o.mutant_id, duration=float(o.duration))
            for i, o in enumerate(record.outcomes)]


def submission_row(record: SubmissionRecord, *, with_results: bool = True) -> Submission:
    """A new, current Submission row; with its TestResult rows unless the caller inserts them itself
    (Gradebook.save_many inserts the results of a whole group in one statement)."""
    results = [TestResult(**values) for values in result_values(record)] if with_results else []
    return Submission(
        student_id=record.student_id, assignment_id=record.assignment_id, content_hash=record.content_hash,
        source_path=record.source_path, submitted_at=record.submitted_at, graded_at=record.graded_at,
        late_days=int(record.late_days), penalty_percent=float(record.penalty_percent),
        isolation=record.isolation, raw_score=float(record.raw_score), score=float(record.score),
        max_score=float(record.max_score), status=record.status, message=record.message or "",
        notes=[str(n) for n in record.notes], duration=float(record.duration), is_current=True,
        result_count=len(record.outcomes), results=results,
    )


def outcome_from_row(row: TestResult) -> TestOutcome:
    return TestOutcome(test_id=row.test_id, function=row.function, points=row.points,
                       max_points=row.max_points, passed=row.passed, message=row.message,
                       duration=row.duration, details=dict(row.details or {}), hint=row.hint,
                       mutant_id=row.mutant_id)


def record_from_row(row: Submission, student_name: str, results: list[TestResult]) -> SubmissionRecord:
    return SubmissionRecord(
        student_id=row.student_id, student_name=student_name, assignment_id=row.assignment_id,
        source_path=row.source_path, content_hash=row.content_hash, submitted_at=row.submitted_at,
        late_days=row.late_days, penalty_percent=row.penalty_percent, isolation=row.isolation,
        raw_score=row.raw_score, score=row.score, max_score=row.max_score, status=row.status,
        message=row.message, notes=list(row.notes or []),
        outcomes=[outcome_from_row(r) for r in sorted(results, key=lambda r: r.position)],
        graded_at=row.graded_at, duration=row.duration,
    )


def record_to_dict(record: SubmissionRecord) -> dict[str, Any]:
    """A JSON-ready dict of a record (datetimes as ISO 8601)."""
    return jsonable(asdict(record))


def record_from_dict(data: dict[str, Any]) -> SubmissionRecord:
    """The inverse of record_to_dict (tuples in details come back as lists)."""
    fields = dict(data)
    for key in ("submitted_at", "graded_at"):
        if fields.get(key) is not None:
            fields[key] = datetime.fromisoformat(fields[key])
    fields["outcomes"] = [TestOutcome(**o) for o in fields.get("outcomes", [])]
    return SubmissionRecord(**fields)
