"""The course's own bank (exercises/*/quiz.yaml): valid, takeable, exportable."""
from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from rich.console import Console

from grader.quiz import responses
from grader.quiz.bank import load_course_bank
from grader.quiz.config import QuizConfig
from grader.quiz.export_common import concrete_items
from grader.quiz.export_gift import export_gift
from grader.quiz.export_moodle import export_moodle_xml
from grader.quiz.model import TOPICS
from grader.quiz.reference import Reference
from grader.quiz.selfcheck import run_take
from grader.quiz.validate import validate_course
from grader.quiz.variants import build_variant, resolve_quiz

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(not list(ROOT.glob("exercises/*/quiz.yaml")),
                                reason="в курсе ещё нет банка вопросов")


@pytest.fixture(scope="module")
def bank():
    return load_course_bank(ROOT)


def test_real_bank_passes_validate():
    bank, issues = validate_course(ROOT)  # the real thresholds: 20 per topic, all types and sections
    assert [str(i) for i in issues] == []
    assert len(bank.questions) >= 220
    assert sorted(bank.topics()) == sorted(TOPICS)


@pytest.mark.parametrize("topic", TOPICS)
def test_every_topic_self_check_scores_full_marks_with_the_key(bank, topic):
    if topic not in bank.topics():
        pytest.skip(f"нет банка темы {topic}")
    variant = build_variant(bank, resolve_quiz(topic, QuizConfig(), bank), "секрет", "s1",
                            Reference(ROOT / "solutions"))
    lines = iter([responses.format_response(vq, vq.key) for vq in variant.questions])
    console = Console(file=io.StringIO(), width=100)
    result = run_take(variant, lambda: next(lines, None), console)
    assert result.skipped_unavailable == []
    assert result.score == pytest.approx(result.max_points) == len(variant.questions)


def test_real_bank_exports(bank):
    items, problems = concrete_items(bank, bank.topics(), Reference(ROOT / "solutions"), 3)
    assert problems == []
    titles = {f.topic: f.title for f in bank.files}
    root = ET.fromstring(export_moodle_xml(items, "Курс", titles).encode("utf-8"))
    assert len([q for q in root if q.get("type") != "category"]) == len(items)
    # Moodle shows matching drop-downs as plain text: no TeX may reach them.
    dropdowns = [a.text for a in root.iter("subquestion") for a in a.iter("text") if a is not None]
    assert dropdowns and not [t for t in root.findall(".//subquestion/answer/text") if "$" in t.text or "\\" in t.text]
    # Everywhere else the math is in the delimiters Moodle's MathJax filter renders.
    for el in root.iter("text"):
        text = el.text or ""
        assert "$" not in text.replace("$course$", ""), text
        assert text.count("\\(") == text.count("\\)"), text
    gift_text = export_gift(items, "Курс", titles)
    pytest.importorskip("pygiftparser.gift", reason="нужен пакет pygiftparserrgmf (независимый GIFT-парсер)")
    from pygiftparser import parser as gift_parser
    assert len(gift_parser.parse(gift_text).questions) == len(items)


def test_self_check_bundles_leave_exam_only_questions_out(bank):
    from grader.quiz.release import frozen_questions

    exam = {bq.id for bq in bank.questions if bq.q.exam_only}
    assert len(exam) >= 20  # the graded quizzes of course.yaml draw from these
    shipped = {q["id"] for f in bank.files for q in frozen_questions(f, Reference(ROOT / "solutions"))}
    assert shipped and not shipped & exam
    assert shipped | exam == {bq.id for bq in bank.questions}
