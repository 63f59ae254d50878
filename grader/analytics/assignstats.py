"""What the class got wrong in one assignment: plain numbers over AssignmentData.

Thresholds for "theory and code disagree" are stated here once: a section's
questions are "known" at ≥ 70 % of their points and "not known" below 50 %;
its functions "work" at ≥ 70 % of their points and "fail" below 50 %.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from .classdata import AssignmentData

KNOWN, NOT_KNOWN = 0.70, 0.50


@dataclass
class FunctionRow:
    function: str
    max_points: float
    pass_rate: float      # share of graded students with full points
    mean_share: float     # mean share of the points earned


@dataclass
class MistakeRow:
    function: str
    mutant_id: str
    hint: str
    students: int
    share: float          # of graded students


@dataclass
class AssignmentStats:
    graded: int
    not_graded: int       # load errors and crashes: counted, not in the shares
    scores: list[float]   # % of the maximum, graded students
    mean: float
    median: float
    late: int
    functions: list[FunctionRow]
    heatmap: np.ndarray   # students × functions, share of points
    heat_students: list[str]
    mistakes: list[MistakeRow] = field(default_factory=list)


def analyse(data: AssignmentData) -> AssignmentStats:
    graded = [s for s in data.students if s.status == "graded"]
    n = len(graded)
    scores = [100.0 * s.score / s.max_score if s.max_score else 0.0 for s in graded]
    heat = np.array([[s.functions[f].points / s.functions[f].max_points if s.functions[f].max_points else 0.0
                      for f in data.functions] for s in graded]).reshape(n, len(data.functions))
    functions = [FunctionRow(f, data.function_points[f],
                             float(np.mean([s.functions[f].passed for s in graded])) if n else float("nan"),
                             float(heat[:, j].mean()) if n else float("nan"))
                 for j, f in enumerate(data.functions)]
    counts: Counter = Counter()
    texts: dict[tuple[str, str], str] = {}
    for s in graded:
        for f, result in s.functions.items():
            for mutant_id, hint in result.hints:
                counts[(f, mutant_id)] += 1
                texts[(f, mutant_id)] = hint
    mistakes = sorted((MistakeRow(f, m, texts[(f, m)], c, c / n) for (f, m), c in counts.items()),
                      key=lambda r: (-r.students, r.function, r.mutant_id))
    return AssignmentStats(
        graded=n, not_graded=len(data.students) - n, scores=scores,
        mean=float(np.mean(scores)) if n else float("nan"), median=float(np.median(scores)) if n else float("nan"),
        late=sum(1 for s in data.students if s.late_days > 0), functions=functions, heatmap=heat,
        heat_students=[s.name for s in graded], mistakes=mistakes)


@dataclass
class Disagreement:
    student_id: str
    name: str
    theory: float   # share of the section's quiz points
    code: float     # share of the assignment's points
    kind: str       # "theory_not_code" | "code_not_theory"


def theory_vs_code(data: AssignmentData, theory: dict[str, float]) -> list[Disagreement]:
    """Students whose quiz answers on the assignment's section and whose code disagree.

    `theory` maps a student to the share of points earned on the section's questions (all quizzes)."""
    rows = []
    for s in data.students:
        if s.status != "graded" or s.student_id not in theory or not s.max_score:
            continue
        t, c = theory[s.student_id], s.score / s.max_score
        if t >= KNOWN and c < NOT_KNOWN:
            rows.append(Disagreement(s.student_id, s.name, t, c, "theory_not_code"))
        elif t < NOT_KNOWN and c >= KNOWN:
            rows.append(Disagreement(s.student_id, s.name, t, c, "code_not_theory"))
    return sorted(rows, key=lambda r: (r.kind, -abs(r.theory - r.code), r.student_id))


def section_theory(quizzes, topic: str) -> dict[str, float]:
    """Per student: share of points on questions of `topic` over all the given QuizData."""
    earned: Counter = Counter()
    possible: Counter = Counter()
    for quiz in quizzes:
        for a in quiz.answers:
            info = quiz.questions.get(a.question_id)
            if info is not None and info.topic == topic and a.max_points > 0:
                earned[a.student_id] += a.points
                possible[a.student_id] += a.max_points
    return {s: earned[s] / possible[s] for s in possible if possible[s] > 0}
