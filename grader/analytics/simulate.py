"""A simulated class for the report: students answer by a two-parameter logistic (2PL) model.

P(correct | ability θ) = 1 / (1 + exp(-a (θ - b))): b is the item's difficulty, a its
discrimination. Items with a ≈ 0 are answered at random whatever the ability: the
report must flag them. The same model decides which functions of each assignment a
student gets right; a wrong function shows the hint of one of its real mutants.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import numpy as np

_FIRST = ["Анна", "Борис", "Вера", "Глеб", "Дарья", "Егор", "Жанна", "Илья", "Ксения", "Лев", "Мария", "Никита",
          "Ольга", "Павел", "Роман", "София", "Тимур", "Ульяна", "Фёдор", "Юлия"]
_LAST = ["Иванов", "Петров", "Смирнов", "Кузнецов", "Попов", "Васильев", "Соколов", "Михайлов", "Новиков", "Фёдоров",
         "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев"]


def p_correct(theta, a, b):
    return 1.0 / (1.0 + np.exp(-np.asarray(a) * (np.asarray(theta) - np.asarray(b))))


@dataclass
class SimulatedItems:
    difficulty: np.ndarray      # b per item
    discrimination: np.ndarray  # a per item
    scores: np.ndarray          # students × items, 0/1
    ability: np.ndarray         # θ per student


def simulate_items(students: int, items: int, *, flat_items: int = 3, seed: int = 0) -> SimulatedItems:
    """0/1 answers of `students` to `items` items; the last `flat_items` have a ≈ 0."""
    rng = np.random.default_rng(seed)
    theta = rng.normal(size=students)
    b = rng.uniform(-2.0, 2.0, size=items)
    a = rng.uniform(0.8, 2.5, size=items)
    a[items - flat_items:] = rng.uniform(0.0, 0.05, size=flat_items)
    scores = (rng.random((students, items)) < p_correct(theta[:, None], a, b)).astype(float)
    return SimulatedItems(b, a, scores, theta)


def _name(i: int, rng) -> str:
    last = _LAST[rng.integers(len(_LAST))]
    first = _FIRST[i % len(_FIRST)]
    feminine = first[-1] in "аяи" and first not in ("Никита", "Илья")
    return f"{last}{'а' if feminine else ''} {first}"


def _item_params(key: str) -> tuple[float, float]:
    """Stable (a, b) per question id: the demo looks the same on every run."""
    digest = hashlib.sha256(key.encode()).digest()
    u1, u2, u3 = (digest[i] / 255 for i in range(3))
    a = 0.02 if u3 < 0.08 else 0.8 + 1.7 * u1   # about 8 % of questions carry no information
    return a, -2.0 + 4.0 * u2


def demo_class(course, url: str, students: int = 500, seed: int = 0, progress=None) -> dict:
    """Fill the gradebook at `url` with a simulated class of the course; returns counts."""
    from sqlalchemy.orm import Session

    from ..gradebook import Gradebook
    from ..grading.synthetic import assignment_mutants
    from ..quiz.bank import load_course_bank
    from ..quiz.config import load_quiz_config
    from ..quiz.store import QuizAnswer, QuizAttempt, open_store
    from ..quiz.variants import build_variant
    from ..records import SubmissionRecord, TestOutcome

    rng = np.random.default_rng(seed)
    theta = rng.normal(size=students)
    ids = [f"demo_{i + 1:04d}" for i in range(students)]
    names = [_name(i, rng) for i in range(students)]
    now = datetime.now(timezone.utc).replace(microsecond=0)
    counts = {"submissions": 0, "quiz_attempts": 0}
    with Gradebook(url) as book:
        for spec in course.course.assignments:
            mutants: dict[str, list] = {}
            for m in assignment_mutants(course, spec.id):
                mutants.setdefault(m.function, []).append(m)
            deadline = spec.deadline or now - timedelta(days=7)
            if deadline.tzinfo is None:
                deadline = deadline.replace(tzinfo=timezone.utc)
            for s in range(students):
                tries = 1 + int(rng.integers(0, 3)) if theta[s] < 0.5 else 1
                for attempt in range(tries):
                    skill = theta[s] + 0.6 * attempt  # later attempts fix some mistakes
                    outcomes = []
                    for function, fspec in spec.functions.items():
                        a, b = _item_params(f"{spec.id}:{function}")
                        ok = rng.random() < p_correct(skill, a, b - 0.8)
                        points = float(fspec.points) if ok else float(fspec.points) * float(rng.choice([0, 0.25, 0.5]))
                        hint = mutant_id = None
                        if not ok and mutants.get(function) and rng.random() < 0.7:
                            m = mutants[function][int(rng.integers(len(mutants[function])))]
                            hint, mutant_id = m.hint, m.id
                        outcomes.append(TestOutcome(f"test_{function}", function, points, float(fspec.points), ok,
                                                    "" if ok else "значение не совпало с ожидаемым", 0.01,
                                                    hint=hint, mutant_id=mutant_id))
                    submitted = deadline - timedelta(hours=float(rng.gamma(2.0, 30.0))) + timedelta(hours=12 * attempt)
                    late = max(0, int(np.ceil((submitted - deadline).total_seconds() / 86400)))
                    raw = sum(o.points for o in outcomes)
                    book.save(SubmissionRecord(ids[s], names[s], spec.id, f"demo/{ids[s]}/{spec.id}",
                                               f"demo-{seed}-{s}-{spec.id}-{attempt}", submitted, late, 0.0, "full",
                                               raw, raw, 100.0, "graded", outcomes=outcomes, graded_at=submitted))
                    counts["submissions"] += 1
            if progress:
                progress(spec.id)
        bank = load_course_bank(course.root)
        config = load_quiz_config(course.root)
        engine = open_store(url)
        with Session(engine) as session, session.begin():
            for quiz in config.quizzes:
                for s in range(students):
                    variant = build_variant(bank, quiz, config.secret, ids[s], None)
                    answers = [_answer(vq, theta[s], rng, QuizAnswer) for vq in variant.questions]
                    session.add(QuizAttempt(student_id=ids[s], quiz_id=quiz.id, variant_seed=variant.seed,
                                            score=sum(x.points for x in answers),
                                            max_score=float(len(answers)), source="demo", answers=answers))
                    counts["quiz_attempts"] += 1
                if progress:
                    progress(quiz.id)
    return counts


def _answer(vq, theta: float, rng, QuizAnswer):
    a, b = _item_params(vq.id)
    ok = bool(rng.random() < p_correct(theta, a, b))
    given = None
    if vq.type == "single":
        wrong = [i for i in range(1, len(vq.option_order) + 1) if i != vq.key]
        # Distractors are not equally attractive: the first shown wrong one by bank order draws most.
        weights = np.array([3.0 if vq.option_order[i - 1] == min(vq.option_order[j - 1] for j in wrong) else 1.0
                            for i in wrong])
        given = str(vq.key if ok else wrong[int(rng.choice(len(wrong), p=weights / weights.sum()))])
    elif vq.type == "multiple":
        given = ",".join(map(str, sorted(vq.key))) if ok else str(1 + int(rng.integers(len(vq.option_order))))
        if not ok and set(map(int, given.split(","))) == set(vq.key):
            ok = True
    elif vq.type == "truefalse":
        given = "да" if (vq.key if ok else not vq.key) else "нет"
    else:
        given = "верно" if ok else "неверно"  # free-form answers: only the score matters here
    return QuizAnswer(question_id=vq.id, given=given, points=1.0 if ok else 0.0, max_points=1.0)
