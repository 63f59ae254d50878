"""Content hashes and lateness: what decides whether and how a submission is (re)graded."""
from __future__ import annotations

import hashlib
import math
from datetime import datetime, timezone
from pathlib import Path

from ..course import Assignment


def content_hash(path: Path) -> str:
    """sha256 over the submission's bytes (a folder: its relative paths and files, sorted)."""
    digest = hashlib.sha256()
    path = Path(path)
    if path.is_dir():
        for file in sorted(p for p in path.rglob("*") if p.is_file() and not p.is_symlink()):
            digest.update(file.relative_to(path).as_posix().encode("utf-8") + b"\0")
            digest.update(file.read_bytes())
            digest.update(b"\0")
    else:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def suite_hash(course, assignment: Assignment) -> str:
    """What the grade also depends on: the hidden tests, the mutants (hints) and the engine version."""
    from .. import __version__
    digest = hashlib.sha256(__version__.encode())
    for path in (course.hidden_tests(assignment), course.mutants_path(assignment)):
        digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()


def grading_key(submission: Path, suite: str) -> str:
    """Equal keys mean an equal grade: same bytes graded by the same tests."""
    return hashlib.sha256((content_hash(submission) + suite).encode()).hexdigest()


def late_days(assignment: Assignment, submitted_at: datetime | None, deadline: datetime | None = None) -> int:
    """Started days after the deadline (0 when on time or when either time is unknown).

    `deadline` overrides the assignment's one: a student's extension (Course.deadline_for)."""
    deadline = deadline or assignment.deadline
    if deadline is None or submitted_at is None:
        return 0
    deadline = deadline if deadline.tzinfo else deadline.replace(tzinfo=timezone.utc)
    moment = submitted_at if submitted_at.tzinfo else submitted_at.replace(tzinfo=timezone.utc)
    late = (moment - deadline).total_seconds()
    return max(0, math.ceil(late / 86400))


def late_penalty(assignment: Assignment, days: int) -> float:
    """Percent of the score taken away by the course.yaml late policy."""
    policy = assignment.late_policy
    if days <= 0 or policy is None:
        return 0.0
    if policy.max_days is not None and days > policy.max_days:
        return 100.0
    return min(100.0, days * policy.penalty_per_day)


def student_deadline(course, assignment: Assignment, candidate) -> datetime | None:
    """The deadline that applies to `candidate`: the latest of course.yaml's (extensions included) and the
    one granted in the gradebook (`candidate.extended_until`). None when the assignment has no deadline."""
    deadline = course.deadline_for(assignment, candidate.student_id, candidate.student_name) \
        if course is not None else assignment.deadline
    granted = getattr(candidate, "extended_until", None)
    if deadline is None or granted is None:
        return deadline
    return max(deadline, granted if granted.tzinfo else granted.replace(tzinfo=timezone.utc))
