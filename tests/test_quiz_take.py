"""`quiz take` end to end with piped stdin, from a course and from a student bundle."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from grader.quiz import responses
from grader.quiz.bank import load_bank_files, load_course_bank
from grader.cli.quiz import quiz_app
from grader.quiz.config import QuizConfig, load_quiz_config
from grader.quiz.reference import Reference
from grader.quiz.variants import build_variant, resolve_quiz

COURSE = Path(__file__).parent / "quiz_fixtures" / "course"
SECRET_ENV = "NNGRADER_TEST_QUIZ_SECRET"


@pytest.fixture(autouse=True)
def secret(monkeypatch):
    monkeypatch.setenv(SECRET_ENV, "тестовый секрет")


def variant_for(quiz: str, student: str, bank=None, config=None, reference=None):
    bank = bank or load_course_bank(COURSE)
    config = config or load_quiz_config(COURSE)
    reference = reference or Reference(COURSE / "solutions")
    return build_variant(bank, resolve_quiz(quiz, config, bank), config.secret, student, reference)


def typed_keys(variant, wrong: set[str] = frozenset()) -> str:
    """The lines a student pipes in: the key, or a wrong answer for ids in `wrong`."""
    lines = []
    for vq in variant.questions:
        if vq.unavailable:
            continue
        if vq.id in wrong:
            lines.append({"single": "9", "truefalse": "да" if not vq.key else "нет",
                          "numeric": "12345", "param_numeric": "12345"}.get(vq.type, ""))
        else:
            lines.append(responses.format_response(vq, vq.key))
    return "\n".join(lines) + "\n"


def run(args, stdin):
    result = CliRunner().invoke(quiz_app, ["take", *args], input=stdin)
    return result


def test_topic_self_check_all_correct():
    variant = variant_for("neuron", "self")
    result = run(["neuron", "--course", str(COURSE)], typed_keys(variant))
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Самопроверка: Анатомия нейрона: 9 вопросов" in out
    assert out.count("✔ Верно!") == 9
    assert "Итог: 9 из 9 (100 %)" in out
    assert "повторять ничего не нужно" in out
    # each type printed its own instruction
    for kind in ("single", "truefalse", "numeric", "param_numeric", "multiple", "matching", "ordering"):
        assert responses.INSTRUCTIONS[kind] in out


def test_course_quiz_with_mistakes_lists_what_to_revisit():
    variant = variant_for("midterm", "ivanov")
    wrong = {vq.id for vq in variant.questions if vq.type in ("single", "truefalse", "numeric")}
    assert wrong
    result = run(["midterm", "--course", str(COURSE), "--student", "ivanov"], typed_keys(variant, wrong))
    assert result.exit_code == 0, result.output
    out = result.output
    n = len(variant.questions)
    assert f"Итог: {n - len(wrong)} из {n}" in out
    assert "Что повторить:" in out
    for vq in variant.questions:
        if vq.id in wrong:
            assert f"(раздел {vq.q.section})" in out
    assert "Правильный ответ:" in out and "Пояснение:" in out


def test_partial_credit_and_unreadable_answer_are_reported():
    variant = variant_for("neuron", "self")
    lines = []
    for vq in variant.questions:
        if vq.type == "multiple":
            lines.append(str(min(vq.key)))  # one of the two correct options: 0.5
        elif vq.type == "numeric":
            lines.append("не знаю")
        else:
            lines.append(responses.format_response(vq, vq.key))
    out = run(["neuron", "--course", str(COURSE)], "\n".join(lines) + "\n").output
    assert "◐ Частично верно: 0.5 из 1." in out
    assert "Не понял ответ: «не знаю» — не число" in out
    assert "Итог: 7.5 из 9 (83 %)" in out


def test_blank_line_skips_and_end_of_input_stops():
    out = run(["neuron", "--course", str(COURSE)], "\n").output
    assert "— Ответа нет: 0 баллов." in out
    assert "Ввод закончился: оставшиеся вопросы не засчитаны." in out
    assert "Итог: 0 из 9 (0 %)" in out


def test_student_bundle_with_only_quiz_yaml(tmp_path, monkeypatch):
    bundle = tmp_path / "02_activations"
    bundle.mkdir()
    shutil.copy(COURSE / "exercises/02_activations/quiz.yaml", bundle / "quiz.yaml")
    monkeypatch.chdir(bundle)  # no course.yaml, no solutions/ here
    bank = load_bank_files([bundle / "quiz.yaml"])
    variant = build_variant(bank, resolve_quiz("activations", QuizConfig(), bank),
                            QuizConfig().secret, "self", Reference(None))
    result = run(["activations", "--bank", "quiz.yaml"], typed_keys(variant))
    assert result.exit_code == 0, result.output
    out = result.output
    assert "пропущен: нет эталонного модуля activations.py" in out
    assert "Итог: 9 из 9 (100 %)" in out  # 10 questions, the one needing the reference skipped


def test_frozen_bundle_bank_needs_no_reference(tmp_path, monkeypatch):
    frozen = tmp_path / "bundle" / "quiz.yaml"
    result = CliRunner().invoke(quiz_app, ["freeze", "activations", "--out", str(frozen),
                                           "--course", str(COURSE)])
    assert result.exit_code == 0, result.output
    bank = load_bank_files([frozen])
    assert bank.issues == []
    assert "param_numeric" not in {q.q.type for q in bank.questions}
    monkeypatch.chdir(frozen.parent)
    variant = build_variant(bank, resolve_quiz("activations", QuizConfig(), bank),
                            QuizConfig().secret, "self", Reference(None))
    out = run(["activations", "--bank", "quiz.yaml"], typed_keys(variant)).output
    assert "Итог: 10 из 10 (100 %)" in out


def test_unknown_quiz_is_a_clear_error():
    result = run(["deep-learning", "--course", str(COURSE)], "")
    assert result.exit_code == 1
    assert "нет контрольной или темы «deep-learning»" in result.output
