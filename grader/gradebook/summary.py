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
    records = list(records)
    scores = [r.score for r in records]
    failures: Counter[str] = Counter()
    for r in records:
        failures.update({o.function or "—" for o in r.outcomes if not o.passed})
    return AssignmentSummary(
        assignment_id=assignment_id,
        count=len(records),
        mean=statistics.fmean(scores) if scores else None,
        median=statistics.median(scores) if scores else None,
        max_score=max((r.max_score for r in records), default=0.0),
        failures=dict(sorted(failures.items(), key=lambda kv: (-kv[1], kv[0]))),
        statuses=dict(sorted(Counter(r.status for r in records).items())),
        late=sum(1 for r in records if r.late_days > 0),
    )
