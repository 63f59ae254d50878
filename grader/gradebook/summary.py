"""Class statistics of one assignment, computed from graded records."""
from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from ..records import SubmissionRecord


@dataclass(frozen=True)
class AssignmentSummary:
    assignment_id: str
    count: int                      # students with a current submission
    mean: float | None              # of the final score (after late penalties); None when count == 0
    median: float | None
    max_score: float                # the largest max_score among the submissions
    failures: dict[str, int] = field(default_factory=dict)  # function -> students failing ≥ 1 of its tests
    statuses: dict[str, int] = field(default_factory=dict)  # "graded" / "load_error" / "error" -> count
    late: int = 0                   # submissions with late_days > 0


def summarize(assignment_id: str, records: Iterable[SubmissionRecord]) -> AssignmentSummary:
    """One pass over `records` (a list or a stream such as Gradebook.iter_current): only scores are kept."""
    scores: list[float] = []
    failures: Counter[str] = Counter()
    statuses: Counter[str] = Counter()
    max_score, late = 0.0, 0
    for r in records:
        scores.append(r.score)
        failures.update({o.function or "—" for o in r.outcomes if not o.passed})
        statuses[r.status] += 1
        max_score = max(max_score, r.max_score)
        late += r.late_days > 0
    return AssignmentSummary(
        assignment_id=assignment_id,
        count=len(scores),
        mean=statistics.fmean(scores) if scores else None,
        median=statistics.median(scores) if scores else None,
        max_score=max_score,
        failures=dict(sorted(failures.items(), key=lambda kv: (-kv[1], kv[0]))),
        statuses=dict(sorted(statuses.items())),
        late=late,
    )
