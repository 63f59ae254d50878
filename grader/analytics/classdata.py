"""Read what the analytics need from the gradebook into plain tables.

Assignments: one row per current submission with points per function and the
mutant hints shown; all attempts for the timeline. Quizzes: one row per answer,
with the chosen options mapped back to the bank's order (variants shuffle
them) by recomputing each student's variant, as `quiz grade` does.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class FunctionResult:
    points: float
    max_points: float
    hints: list[tuple[str, str]] = field(default_factory=list)  # (mutant id, hint text) shown for this function

    @property
    def passed(self) -> bool:
        return self.max_points > 0 and self.points >= self.max_points - 1e-9


@dataclass
class StudentAssignment:
    student_id: str
    name: str
    score: float
    max_score: float
    status: str
    late_days: int
    submitted_at: datetime | None
    functions: dict[str, FunctionResult] = field(default_factory=dict)


@dataclass
class Attempt:
    student_id: str
    submitted_at: datetime | None
    graded_at: datetime | None
    score: float


@dataclass
class AssignmentData:
    assignment_id: str
    title: str
    topic: str                    # the syllabus section (quiz topic) of the assignment
    functions: list[str]          # in course.yaml order
    function_points: dict[str, float]
    deadline: datetime | None
    students: list[StudentAssignment] = field(default_factory=list)
    attempts: list[Attempt] = field(default_factory=list)


def load_assignment(book, course, assignment) -> AssignmentData:
    """`book` a Gradebook, `course` a LoadedCourse, `assignment` its course.yaml entry."""
    spec = assignment
    data = AssignmentData(
        assignment_id=spec.id, title=spec.title, topic=spec.topic,
        functions=list(spec.functions), function_points={f: float(v.points) for f, v in spec.functions.items()},
        deadline=getattr(spec, "deadline", None))
    for record in book.current(spec.id):
        row = StudentAssignment(record.student_id, record.student_name or record.student_id, record.score,
                                record.max_score, record.status, record.late_days, record.submitted_at,
                                {f: FunctionResult(0.0, p) for f, p in data.function_points.items()})
        for outcome in record.outcomes:
            result = row.functions.get(outcome.function)
            if result is None:
                continue
            result.points += outcome.points
            if outcome.hint and outcome.mutant_id and (outcome.mutant_id, outcome.hint) not in result.hints:
                result.hints.append((outcome.mutant_id, outcome.hint))
        data.students.append(row)
    data.attempts = _attempts(book, spec.id)
    return data


def _attempts(book, assignment_id: str) -> list[Attempt]:
    """Every stored attempt (history included), without loading per-test results."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from ..gradebook.models import Submission

    columns = (Submission.student_id, Submission.submitted_at, Submission.graded_at, Submission.score)
    with Session(book.engine) as session:
        rows = session.execute(select(*columns).where(Submission.assignment_id == assignment_id)
                               .order_by(Submission.id)).all()
    return [Attempt(*row) for row in rows]


@dataclass
class Answer:
    student_id: str
    question_id: str
    position: int | None          # number in the student's variant (None when it cannot be recomputed)
    points: float
    max_points: float
    given: str | None
    chosen: tuple[int, ...] | None = None   # options in bank order (single/multiple/truefalse), None if n/a
    variant_key: str | None = None          # drawn parameters of a parametrized question


@dataclass
class QuestionInfo:
    question_id: str
    topic: str
    qtype: str
    stem: str
    options: list[str] = field(default_factory=list)   # bank order; truefalse: ["да", "нет"]
    correct: set[int] = field(default_factory=set)


@dataclass
class QuizData:
    quiz_id: str
    title: str
    answers: list[Answer] = field(default_factory=list)
    questions: dict[str, QuestionInfo] = field(default_factory=dict)
    totals: dict[str, tuple[float, float]] = field(default_factory=dict)  # student -> (score, max)
    notes: list[str] = field(default_factory=list)


def _question_info(bq) -> QuestionInfo:
    q = bq.q
    info = QuestionInfo(bq.id, bq.topic, q.type, q.stem)
    if q.type in ("single", "multiple"):
        info.options = [o.text for o in q.options]
        info.correct = {i for i, o in enumerate(q.options) if o.correct}
    elif q.type == "truefalse":
        info.options = ["да", "нет"]
        info.correct = {0 if q.answer else 1}
    return info


def _chosen(vq, given: str | None) -> tuple[int, ...] | None:
    from ..quiz import responses
    if given is None:
        return None
    try:
        parsed = responses.parse(vq, given)
    except responses.ResponseError:
        return None
    if vq.type == "single":
        return (vq.option_order[parsed - 1],)
    if vq.type == "multiple":
        return tuple(sorted(vq.option_order[p - 1] for p in parsed))
    if vq.type == "truefalse":
        return (0 if parsed else 1,)
    return None


def load_quiz(book, bank, config, quiz_id: str) -> QuizData:
    """Every stored answer of one quiz, with the bank's questions and, where the variants can be
    recomputed (same bank and secret as at grading), the chosen options in bank order.
    `bank` and `config` as `load_course_bank` and `load_quiz_config` give them."""
    from ..quiz.variants import build_variant, resolve_quiz

    attempts = book.quiz_attempts(quiz_id)
    by_id = bank.by_id()
    try:
        quiz = resolve_quiz(quiz_id, config, bank)
        title = quiz.title or quiz_id
    except Exception:  # noqa: BLE001 - a quiz removed from course.yaml still has stored answers
        quiz, title = None, quiz_id
    data = QuizData(quiz_id, title)
    unmatched = 0
    for attempt in attempts:
        data.totals[attempt.student_id] = (attempt.score, attempt.max_score)
        variant = None
        if quiz is not None:
            variant = build_variant(bank, quiz, config.secret, attempt.student_id, None)
            if variant.seed != attempt.variant_seed:
                variant, unmatched = None, unmatched + 1
        shown = {vq.id: vq for vq in variant.questions} if variant else {}
        for answer in attempt.answers:
            bq = by_id.get(answer.question_id)
            if bq is not None and answer.question_id not in data.questions:
                data.questions[answer.question_id] = _question_info(bq)
            vq = shown.get(answer.question_id)
            data.answers.append(Answer(
                attempt.student_id, answer.question_id, vq.number if vq else None, answer.points,
                answer.max_points, answer.given, _chosen(vq, answer.given) if vq else None,
                json.dumps(vq.params, sort_keys=True, default=str) if vq is not None and vq.params else None))
    if unmatched:
        data.notes.append(f"у {unmatched} попыток вариант не удалось восстановить (изменились банк или секрет "
                          "после проверки): для них нет разбора выбранных вариантов ответа")
    return data


def answers_by_question(data: QuizData) -> dict[str, list[Answer]]:
    grouped: dict[str, list[Answer]] = defaultdict(list)
    for a in data.answers:
        grouped[a.question_id].append(a)
    return grouped
