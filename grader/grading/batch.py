"""Grade a batch of submissions of one assignment in one pytest session.

Collecting the hidden tests once per batch and forking each submission's
worker from a warm zygote is what makes a class grade in seconds: the
per-submission cost is the tests themselves, not interpreter start-up.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Callable

from ..course import Assignment, LoadedCourse
from ..harness.loader import import_reference, load_module_from_file, with_replacement
from ..harness.plugin import Hints
from ..harness.runner import TestResult, run_tests
from ..records import ALERT_NOTE, SubmissionRecord, TestOutcome
from ..submission import SubmissionError, read_submission
from ..testing import mutants_of
from .discover import TIME_UNKNOWN, Candidate
from .identity import grading_key, late_days, late_penalty, student_deadline, suite_hash


def load_hints(course: LoadedCourse, assignment: Assignment) -> Hints | None:
    """The assignment's mutants (trusted) to explain failures with targeted hints."""
    path = course.mutants_path(assignment)
    if not path.exists():
        return None
    reference = import_reference(course.root, assignment.module)
    module = load_module_from_file(path, prefix="nngrader_mutants")
    return Hints(reference, mutants_of(module), with_replacement, getattr(module, "OBSERVABLES", {}))


def _outcome(result: TestResult) -> TestOutcome:
    return TestOutcome(test_id=result.test_id, function=result.function, points=result.points,
                       max_points=result.max_points, passed=result.passed, message=result.message,
                       duration=result.duration, details=result.details, hint=result.hint,
                       mutant_id=result.mutant_id)


def _record(candidate: Candidate, assignment: Assignment, level: str, digest: str, course: LoadedCourse | None = None,
            **fields: Any) -> SubmissionRecord:
    deadline = student_deadline(course.course if course is not None else None, assignment, candidate)
    days = late_days(assignment, candidate.submitted_at, deadline)
    notes = list(candidate.notes)
    if deadline is not None and candidate.submitted_at is None and not any("время сдачи" in n for n in notes):
        notes.append(TIME_UNKNOWN)
    if deadline is not None and assignment.deadline is not None and deadline > assignment.deadline:
        shown = course.course.format_time(deadline) if course is not None else deadline.isoformat()
        notes.append(f"срок продлён до {shown}")
    notes += fields.pop("notes", [])
    base = dict(student_id=candidate.student_id, student_name=candidate.student_name, assignment_id=assignment.id,
                source_path=str(candidate.path), content_hash=digest, submitted_at=candidate.submitted_at,
                late_days=days, penalty_percent=late_penalty(assignment, days), isolation=level, notes=notes,
                raw_score=0.0, score=0.0, max_score=float(sum(f.points for f in assignment.functions.values())),
                status="graded", graded_at=datetime.now(timezone.utc))
    base.update(fields)
    return SubmissionRecord(**base)


def grade_candidates(course: LoadedCourse, assignment: Assignment, candidates: list[Candidate], *,
                     level: str, loader: Callable, hints: Hints | None,
                     on_record: Callable[[SubmissionRecord], None] | None = None) -> list[SubmissionRecord]:
    """Grade `candidates` (their sources read here, run in the sandbox via `loader`).

    `on_record` receives each record as soon as that submission is graded."""
    records: dict[str, SubmissionRecord] = {}
    subjects: dict[str, Callable] = {}
    suite = suite_hash(course, assignment)
    readable: dict[str, tuple[Candidate, str, Any]] = {}
    made: dict[str, Any] = {}  # the loaded subjects: their sandbox alerts go into the record
    starter_path = course.starter_path(assignment)
    starter = starter_path.read_text(encoding="utf-8") if starter_path.is_file() else None

    def done(key: str, record: SubmissionRecord) -> None:
        records[key] = record
        if on_record is not None:
            on_record(record)

    for index, candidate in enumerate(candidates):
        key = f"s{index}"
        digest = candidate.key or ""
        try:
            digest = digest or grading_key(candidate.path, suite)
            source = read_submission(candidate.path, assignment.module, starter=starter)
        except (SubmissionError, OSError) as exc:
            done(key, _record(candidate, assignment, level, digest, course, status="load_error", message=str(exc)))
            continue
        except Exception as exc:  # noqa: BLE001 - one bad file is one error record, never a crashed class
            done(key, error_record(candidate, assignment, level, "чтение решения", exc, course))
            continue
        readable[key] = (candidate, digest, source)
        subjects[key] = _keeping(made, key, lambda s=source: loader(s.text, assignment.module, s.origin))

    def subject_done(subject: str | None, results: list[TestResult]) -> None:
        key = subject if subject in readable else (next(iter(remaining)) if len(remaining) == 1 else None)
        if key is None or key in records:
            return
        candidate, digest, source = readable[key]
        try:
            record = _graded(candidate, assignment, level, digest, source, results, course)
            record.notes += alert_notes(getattr(made.get(key), "alerts", None))
        except Exception as exc:  # noqa: BLE001 - e.g. results a forged reply made unstorable
            record = error_record(candidate, assignment, level, "сбор результатов", exc, course)
        done(key, record)

    # One pytest session per batch; if it breaks down (whatever the cause), the submission it was
    # on becomes an error record and the rest are graded in a fresh session: bounded by their number.
    remaining = dict(subjects)
    while remaining:
        try:
            run_tests(course.hidden_tests(assignment), subjects=remaining, hints=hints, on_subject_done=subject_done)
            break
        except Exception as exc:  # noqa: BLE001 - HarnessError, or anything a submission provoked
            culprit = next((k for k in remaining if k not in records), None)
            if culprit is None:
                break
            done(culprit, error_record(readable[culprit][0], assignment, level, "проверка", exc, course))
        remaining = {k: f for k, f in remaining.items() if k not in records}
    for key in readable:
        if key not in records:  # no test reached it (cannot happen unless the suite is empty)
            subject_done(key, [])
    return [records[f"s{i}"] for i in range(len(candidates))]


def _keeping(made: dict, key: str, load: Callable) -> Callable:
    """`load`, remembering what it loaded under `key`."""
    def loaded():
        made[key] = subject = load()
        return subject
    return loaded


def alert_notes(alerts: list[str] | None) -> list[str]:
    """One note for the instructor (summary, feedback, exports) when the sandbox saw the code reach out."""
    if not alerts:
        return []
    return [f"{ALERT_NOTE}: " + "; ".join(alerts)]


def error_record(candidate: Candidate, assignment: Assignment, level: str, stage: str,
                 exc: BaseException, course: LoadedCourse | None = None) -> SubmissionRecord:
    """The record of a submission whose grading failed on our side: status "error", a Russian message.

    Its content hash is empty, so the next run grades it again."""
    return _record(candidate, assignment, level, "", course, status="error",
                   message=f"не удалось проверить решение (этап: {stage}): {type(exc).__name__}. "
                           "Остальные решения проверены; запустите проверку ещё раз или сообщите преподавателю")


def _graded(candidate: Candidate, assignment: Assignment, level: str, digest: str, source,
            results: list[TestResult], course: LoadedCourse | None = None) -> SubmissionRecord:
    outcomes = [_outcome(r) for r in results]
    raw = sum(o.points for o in outcomes)
    record = _record(candidate, assignment, level, digest, course, notes=list(source.notes), outcomes=outcomes,
                     raw_score=raw, duration=sum(o.duration for o in outcomes))
    record.score = round(raw * (1 - record.penalty_percent / 100), 6)
    load_failures = [o for o in outcomes if o.message.startswith("решение не загружается")]
    if outcomes and len(load_failures) == len(outcomes):
        record.status, record.message = "load_error", load_failures[0].message
    return record
