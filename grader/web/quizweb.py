"""Quizzes in the browser: the same variants, parsing and scoring as `nngrader quiz`.

A question is shown as a form control per type; what the browser sends is the
same text a student would type in the terminal, so `responses.parse` reads it.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..quiz import responses, scoring
from ..quiz.bank import load_course_bank
from ..quiz.config import load_quiz_config
from ..quiz.reference import Reference
from ..quiz.render import describe_key
from ..quiz.variants import Variant, build_variant, resolve_quiz
from .mathtext import render_inline


@dataclass
class ShownQuestion:
    number: int
    id: str
    type: str
    stem_html: str
    options_html: list[str]        # single/multiple: shown options; matching: lefts
    rights_html: list[str]         # matching: rights (lettered)
    instruction: str
    unavailable: str | None


@dataclass
class Verdict:
    points: float
    correct: bool
    key_text: str
    explanation_html: str
    note: str = ""


class QuizService:
    """Loads the bank once; builds each student's variant on demand."""

    def __init__(self, course_root: Path):
        self.root = Path(course_root)
        self.bank = load_course_bank(self.root)
        self.config = load_quiz_config(self.root)
        self.reference = Reference(self.root / "solutions")

    def topics(self) -> list[tuple[str, str]]:
        return [(t, self.bank.topic_title(t)) for t in self.bank.topics()]

    def graded_quizzes(self):
        return list(self.config.quizzes)

    def variant(self, quiz_id: str, student_id: str) -> Variant:
        quiz = resolve_quiz(quiz_id, self.config, self.bank)
        return build_variant(self.bank, quiz, self.config.secret, student_id, self.reference)

    @staticmethod
    def shown(variant: Variant) -> list[ShownQuestion]:
        out = []
        for vq in variant.questions:
            options, rights = [], []
            if vq.type in ("single", "multiple"):
                options = [render_inline(t) for t in vq.shown_options()]
            elif vq.type == "matching":
                options, rights = [render_inline(t) for t in vq.shown_lefts()], [render_inline(t) for t in vq.shown_rights()]
            elif vq.type == "ordering":
                options = [render_inline(t) for t in vq.shown_items()]
            out.append(ShownQuestion(vq.number, vq.id, vq.type, render_inline(vq.stem), options, rights,
                                     responses.INSTRUCTIONS[vq.type], vq.unavailable))
        return out

    @staticmethod
    def check(variant: Variant, question_id: str, given: str) -> Verdict:
        vq = next((q for q in variant.questions if q.id == question_id), None)
        if vq is None:
            raise KeyError(question_id)
        explanation = render_inline(vq.q.explanation)
        if vq.unavailable:
            return Verdict(0.0, False, "", explanation, f"вопрос не оценивается: {vq.unavailable}")
        if responses.is_blank(given):
            return Verdict(0.0, False, describe_key(vq), explanation, "ответа нет")
        try:
            points = scoring.score(vq, responses.parse(vq, given))
        except responses.ResponseError as exc:
            return Verdict(0.0, False, describe_key(vq), explanation, f"ответ не разобран: {exc}")
        return Verdict(points, points >= scoring.MAX_POINTS - 1e-9, describe_key(vq), explanation)
