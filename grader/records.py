"""What grading produces: plain records shared by the grader, the gradebook and the reports.

The batch grader fills them; the gradebook stores them (one transaction per
SubmissionRecord); feedback and exports read them back. No behaviour here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


# The start of the note a record gets when the sandbox saw its code reach for the network, other
# processes, files outside its scratch folder or course files (grader.sandbox.alerts).
ALERT_NOTE = "подозрительные действия решения (посмотрите код)"


@dataclass
class TestOutcome:
    """One hidden test on one submission."""

    test_id: str                 # e.g. "test_softmax_rows_sum_to_one[shape1]"
    function: str | None         # the API function the test is tied to
    points: float                # earned
    max_points: float
    passed: bool
    message: str                 # Russian, what was checked and what went wrong (never test source)
    duration: float              # seconds
    details: dict[str, Any] = field(default_factory=dict)  # GradingFailure.details: shapes, max_rel_error, warnings…
    hint: str | None = None      # targeted hint of the mutant the student's outputs matched, if any
    mutant_id: str | None = None  # e.g. "softmax:softmax_wrong_axis"


@dataclass
class SubmissionRecord:
    """One student's submission of one assignment, graded."""

    student_id: str
    student_name: str
    assignment_id: str           # course.yaml id, e.g. "02_activations"
    source_path: str             # what was graded (file, folder or zip), for the instructor
    content_hash: str            # sha256 of the submission's bytes and of the hidden tests: equal -> not regraded
    submitted_at: datetime | None
    late_days: int               # whole started days after the deadline (0 = on time)
    penalty_percent: float       # late policy applied to the raw score
    isolation: str               # "full" | "reduced"
    raw_score: float             # sum of earned points before the late penalty
    score: float                 # after the late penalty
    max_score: float
    status: str                  # "graded" | "load_error" | "error"
    message: str = ""            # Russian: why it could not be graded (load_error / error)
    notes: list[str] = field(default_factory=list)  # e.g. "кодировка cp1251", magics skipped
    outcomes: list[TestOutcome] = field(default_factory=list)
    graded_at: datetime | None = None
    duration: float = 0.0
