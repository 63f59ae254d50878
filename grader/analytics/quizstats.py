"""Item analysis of one quiz over QuizData (see itemstats for the definitions).

Per question (by bank id): the answers of the attempts that had it, against
those attempts' totals. For the whole test, variants draw different questions,
so a student's i-th question is item i (as Moodle treats a slot holding a
random question); only attempts with every position answered or left blank
and recomputed enter the reliability figures.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np

from .classdata import QuizData, answers_by_question
from .itemstats import MIN_ATTEMPTS, ItemStats, QuizStats, item_stats, quiz_stats

VARIANT_MIN_ATTEMPTS = 5      # per parameter draw, to compare facilities at all
VARIANT_SPREAD = 40.0         # facility points between the easiest and hardest draw


@dataclass
class OptionRow:
    index: int
    text: str
    correct: bool
    chosen: int
    share: float


@dataclass
class QuestionRow:
    question_id: str
    topic: str
    qtype: str
    stem: str
    stats: ItemStats
    options: list[OptionRow] = field(default_factory=list)
    variant_facility: dict[str, tuple[int, float]] = field(default_factory=dict)  # draw -> (n, facility)
    flags: list[str] = field(default_factory=list)


@dataclass
class QuizReport:
    quiz_id: str
    title: str
    attempts: int
    test: QuizStats | None
    questions: list[QuestionRow]
    totals: list[float]   # % per attempt
    notes: list[str]


def analyse(data: QuizData) -> QuizReport:
    rows = []
    for qid, answers in sorted(answers_by_question(data).items()):
        info = data.questions.get(qid)
        x = np.array([a.points for a in answers])
        total = np.array([data.totals[a.student_id][0] for a in answers])
        top = max((a.max_points for a in answers), default=1.0) or 1.0
        stats = item_stats(x, total, max_score=top)
        row = QuestionRow(qid, info.topic if info else "", info.qtype if info else "", info.stem if info else "",
                          stats, flags=list(stats.flags))
        if info is not None and info.options:
            row.options = _options(info, answers)
            unused = [o for o in row.options if not o.correct and o.chosen == 0]
            counted = sum(1 for a in answers if a.chosen is not None)
            if unused and counted >= MIN_ATTEMPTS:
                row.flags.append("дистракторы, которые никто не выбрал: "
                                 + ", ".join(str(o.index + 1) for o in unused))
        row.variant_facility = _variants(answers, top)
        spread = [f for n, f in row.variant_facility.values() if n >= VARIANT_MIN_ATTEMPTS]
        if len(spread) >= 2 and max(spread) - min(spread) > VARIANT_SPREAD:
            row.flags.append(f"варианты параметров различаются по лёгкости на {max(spread) - min(spread):.0f} "
                             "пунктов: проверьте, равноценны ли они")
        rows.append(row)
    matrix, maxima = _position_matrix(data)
    test = quiz_stats(matrix, maxima) if matrix.shape[0] >= 2 and matrix.shape[1] >= 2 else None
    totals = [100.0 * s / m for s, m in data.totals.values() if m > 0]
    return QuizReport(data.quiz_id, data.title, len(data.totals), test, rows, totals, list(data.notes))


def _options(info, answers) -> list[OptionRow]:
    chosen: Counter = Counter()
    counted = 0
    for a in answers:
        if a.chosen is None:
            continue
        counted += 1
        chosen.update(a.chosen)
    return [OptionRow(i, text, i in info.correct, chosen[i], chosen[i] / counted if counted else float("nan"))
            for i, text in enumerate(info.options)]


def _variants(answers, top: float) -> dict[str, tuple[int, float]]:
    groups: dict[str, list[float]] = defaultdict(list)
    for a in answers:
        if a.variant_key is not None:
            groups[a.variant_key].append(a.points)
    return {k: (len(v), 100.0 * float(np.mean(v)) / top) for k, v in sorted(groups.items())}


def _position_matrix(data: QuizData) -> tuple[np.ndarray, np.ndarray]:
    by_student: dict[str, dict[int, tuple[float, float]]] = defaultdict(dict)
    for a in data.answers:
        if a.position is not None:
            by_student[a.student_id][a.position] = (a.points, a.max_points)
    if not by_student:
        return np.zeros((0, 0)), np.zeros(0)
    width = max(len(v) for v in by_student.values())
    complete = [v for v in by_student.values() if sorted(v) == list(range(1, width + 1))]
    matrix = np.array([[v[p][0] for p in range(1, width + 1)] for v in complete]).reshape(len(complete), width)
    maxima = np.array([max(v[p][1] for v in complete) for p in range(1, width + 1)]) if complete else np.zeros(width)
    return matrix, maxima
