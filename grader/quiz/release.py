"""The self-check bank of a student bundle.

A released bundle carries no solutions/, so `param_numeric` answers cannot be
computed there. Each such question is frozen into a `numeric` one (parameters
drawn once, answer computed by the reference now), and exam-only questions
are left out (graded quizzes draw from them); the file stays in the
docs/quiz_format.md format and `quiz take QUIZ --bank quiz.yaml` runs on it.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from .bank import BankFile
from .params import draw_params, render_stem
from .reference import Reference
from .rng import HashRng, derive_seed


def frozen_questions(bank_file: BankFile, reference: Reference) -> list[dict]:
    out = []
    for bq in bank_file.questions:
        q = bq.q
        if q.exam_only:  # asked in graded quizzes: its answer must not reach students
            continue
        data = q.model_dump(exclude_none=True, exclude={"exam_only"})
        if q.type == "param_numeric":
            values = draw_params(q.params, HashRng(derive_seed("self-check", q.id)), q.id, "params")
            data = {"id": q.id, "type": "numeric", "difficulty": q.difficulty, "section": q.section,
                    "stem": render_stem(q.stem, values, q.params),
                    "answer": reference.evaluate(q.answer, values),
                    "tolerance": q.tolerance, "explanation": q.explanation}
        out.append(data)
    return out


def write_self_check_bank(bank_file: BankFile, reference: Reference, out: Path) -> Path:
    """Write the student's quiz.yaml; raises ReferenceUnavailable/AnswerError on a bad question."""
    doc = {"topic": bank_file.topic, "title": bank_file.title,
           "questions": frozen_questions(bank_file, reference)}
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("# Банк вопросов для самопроверки (nngrader quiz take ТЕМА --bank quiz.yaml)\n"
                   + yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=100),
                   encoding="utf-8")
    return out
