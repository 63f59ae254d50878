"""Issue 11 and the quiz part of issue 10: answer cues, glossary, Moodle math, exam-only
questions, printable papers without ids, and where quiz commands find their bank."""
from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from typer.testing import CliRunner

from grader.quiz import cues, glossary
from grader.quiz.bank import load_bank_files, load_course_bank
from grader.cli.quiz import quiz_app
from grader.quiz.config import QuizConfig, QuizDef
from grader.quiz.paper_html import answer_key_html, sheet_html, text_html
from grader.quiz.reference import Reference
from grader.quiz.release import frozen_questions
from grader.quiz.roster import Student
from grader.quiz.validate import Rules, validate_bank
from grader.quiz.variants import build_variant, pool, resolve_quiz
from grader.yamlsource import YamlSourceError, parse_yaml

COURSE = Path(__file__).parent / "quiz_fixtures" / "course"
ONLY_CUES = Rules(min_per_topic=0, required_sections=None, required_types=None, param_seeds=1,
                  require_exercise_quizzes=False)


def single(i: int, key: str, others: list[str], key_at: int = 0, **extra) -> dict:
    options = [{"text": t} for t in others]
    options.insert(key_at, {"text": key, "correct": True})
    return {"id": f"neuron-{i:03d}", "type": "single", "difficulty": 1, "section": "neuron",
            "stem": f"Вопрос номер {i}?", "options": options, "explanation": "Потому что.", **extra}


def bank_of(tmp_path: Path, questions: list[dict]):
    path = tmp_path / "quiz.yaml"
    path.write_text(yaml.safe_dump({"topic": "neuron", "title": "Нейрон", "questions": questions},
                                   allow_unicode=True), encoding="utf-8")
    return load_bank_files([path])


def messages(bank) -> list[str]:
    return [i.message for i in validate_bank(bank, Reference(None), ONLY_CUES)]


def test_key_longest_and_fixed_position_fail_validate(tmp_path):
    long_key = "Верный вариант, написанный заметно подробнее всех"
    bank = bank_of(tmp_path, [single(i, long_key + f" {i}", ["Неверный вариант один", "Неверный вариант два",
                                                               "Неверный вариант три"]) for i in range(1, 13)])
    report = cues.measure(bank.questions)
    assert report.singles == 12 and report.longest == 12 and report.positions == {1: 12}
    text = " ".join(messages(bank))
    assert "подсказка длиной: верный вариант самый длинный в 12 из 12" in text
    assert "подсказка позицией" in text


def test_balanced_bank_passes_and_ties_count_as_longest(tmp_path):
    opts = ["Вариант ответа номер один", "Вариант ответа номер два", "Вариант ответа номер три"]
    questions = [single(i, "Короткий верный ответ", opts, key_at=i % 4) for i in range(1, 13)]
    assert messages(bank_of(tmp_path, questions)) == []
    tie = [single(1, "x" * 30, ["y" * 30, "z" * 30, "w" * 30])]
    assert cues.measure(bank_of(tmp_path, tie).questions).longest == 1


def test_option_length_ratio_is_per_question(tmp_path):
    q = single(1, "Да", ["Очень длинный неверный вариант, в котором слов гораздо больше, чем нужно"])
    (issue,) = validate_bank(bank_of(tmp_path, [q]), Reference(None), ONLY_CUES)
    assert "варианты слишком разной длины" in issue.message and issue.qid == "neuron-001"


def test_multiple_choice_counts_must_spread(tmp_path):
    def multiple(i, k):
        return {"id": f"neuron-{i:03d}", "type": "multiple", "difficulty": 1, "section": "neuron",
                "stem": f"Что верно {i}?", "explanation": "Так.",
                "options": [{"text": f"Утверждение номер {j}", "correct": j >= 5 - k} for j in range(5)]}
    text = " ".join(messages(bank_of(tmp_path, [multiple(i, 3) for i in range(1, 9)])))
    assert "верных ровно 3 (100 %)" in text and "где верных ровно 1, 2, 4" in text
    spread = [multiple(i, 1 + i % 4) for i in range(1, 9)]
    assert not [m for m in messages(bank_of(tmp_path, spread)) if "числом верных" in m]


def test_glossary_ignores_math_and_code_and_flags_prose(tmp_path):
    terms = glossary.load_glossary(Path(__file__).resolve().parents[1] / "docs" / "quiz_glossary.yaml")
    q = single(1, "Маленький шаг: learning rate слишком мал", ["Потеря растёт до nan", "Всё в порядке"])
    q["explanation"] = "Формула $\\mathrm{nan}$ и код `eps=1e-8` — не текст; а 1e-8 в тексте — нарушение."
    found = sorted(i.message.split("→")[0] for i in glossary.check_bank(bank_of(tmp_path, [q]), terms))
    assert found == ["глоссарий: «1e-8» ", "глоссарий: «learning rate» ", "глоссарий: «nan» ",
                     "глоссарий: «Потеря» "]


def test_tex_in_matching_dropdown_and_unbalanced_dollar_are_errors(tmp_path):
    q = {"id": "neuron-001", "type": "matching", "difficulty": 1, "section": "neuron",
         "stem": "Сопоставьте $x", "explanation": "Так.",
         "pairs": [{"left": "ReLU", "right": "$\\max(0, x)$"}, {"left": "$\\sigma$", "right": "Сигмоида"}]}
    text = " ".join(messages(bank_of(tmp_path, [q])))
    assert "формула справа" in text and "непарный знак $" in text


def test_exam_only_questions_stay_out_of_self_check_and_feed_graded_quizzes(tmp_path):
    opts = ["Вариант ответа номер один", "Вариант ответа номер два"]
    questions = [single(i, "Верный ответ на вопрос", opts, key_at=i % 3, **({"exam_only": True} if i > 3 else {}))
                 for i in range(1, 7)]
    bank = bank_of(tmp_path, questions)
    selfcheck = resolve_quiz("neuron", QuizConfig(), bank)
    assert [bq.id for bq in pool(bank, selfcheck)] == ["neuron-001", "neuron-002", "neuron-003"]
    graded = QuizDef(id="exam", topics=["neuron"], questions=2)
    assert {bq.id for bq in pool(bank, graded)} == {"neuron-004", "neuron-005", "neuron-006"}
    variant = build_variant(bank, graded, "секрет", "s1")
    assert all(vq.q.exam_only for vq in variant.questions)
    frozen = frozen_questions(bank.files[0], Reference(None))
    assert [q["id"] for q in frozen] == ["neuron-001", "neuron-002", "neuron-003"]
    assert not any("exam_only" in q for q in frozen)


def test_printable_sheet_renders_mathml_without_ids_and_key_has_them(tmp_path):
    assert "<math" in text_html("Сигмоида $\\sigma(z)$ & <b>") and "&amp; &lt;b&gt;" in text_html("& <b>")
    bank = load_course_bank(COURSE)
    variant = build_variant(bank, resolve_quiz("activations", QuizConfig(), bank), "с", "s1",
                            Reference(COURSE / "solutions"))
    sheet = sheet_html(variant, Student("s1", "Анна"))
    assert "<math" in sheet and "$" not in sheet and "cdn" not in sheet.lower()
    assert not any(vq.id in sheet for vq in variant.questions)
    key = answer_key_html([(Student("s1", "Анна"), variant)])
    assert all(vq.id in key for vq in variant.questions)


def test_quiz_take_in_a_bundle_folder_finds_its_quiz_yaml(tmp_path, monkeypatch):
    monkeypatch.delenv("NNGRADER_COURSE", raising=False)
    bundle = tmp_path / "02_activations"
    bundle.mkdir()
    shutil.copy(COURSE / "exercises" / "02_activations" / "quiz.yaml", bundle / "quiz.yaml")
    (bundle / "sub").mkdir()
    (bundle / ".nngrader.yaml").write_text("assignment: 02_activations\nmodule: activations\n", encoding="utf-8")
    monkeypatch.chdir(bundle / "sub")
    result = CliRunner().invoke(quiz_app, ["take"], input="\n" * 40)
    assert result.exit_code == 0, result.output
    assert "Самопроверка" in result.output and "Итог:" in result.output


def test_quiz_commands_find_course_yaml_upwards(tmp_path, monkeypatch):
    monkeypatch.delenv("NNGRADER_COURSE", raising=False)
    monkeypatch.chdir(COURSE / "exercises" / "01_neuron")
    result = CliRunner().invoke(quiz_app, ["validate", "--min-per-topic", "9", "--seeds", "5"])
    assert "Подсказки к ответу" in result.output and "Банк вопросов в порядке" in result.output, result.output
    monkeypatch.chdir(tmp_path)
    lost = CliRunner().invoke(quiz_app, ["validate"])
    assert lost.exit_code != 0 and "course.yaml не найден" in lost.output


def test_one_yaml_loader_lines_duplicates_and_russian_errors():
    doc = parse_yaml("a: 1\nb:\n  - x: 1\n    x: 2\n")
    assert doc.line_of(("b", 0, "x")) == 3 and doc.line_of(("b", 0, "missing")) == 3
    assert doc.duplicates == [(4, "x")]
    try:
        parse_yaml("a: [1, 2\nb: 3\n")
    except YamlSourceError as exc:
        assert exc.line is not None and str(exc).startswith(f"строка {exc.line}: ошибка синтаксиса YAML")
        assert not any(ch.isascii() and ch.isalpha() for ch in exc.message.split(":", 1)[1]), exc.message
    else:
        raise AssertionError("syntax error not raised")


def test_old_templates_keyed_by_question_id_still_grade(tmp_path):
    from grader.quiz import responses
    from grader.quiz.grading import grade_file

    bank = load_course_bank(COURSE)
    quiz = QuizDef(id="midterm", topics=["neuron", "activations"], questions=4)
    variant = build_variant(bank, quiz, "секрет", "s1", Reference(COURSE / "solutions"))
    answers = {vq.id: responses.format_response(vq, vq.key) for vq in variant.questions}
    path = tmp_path / "old.yaml"
    path.write_text(yaml.safe_dump({"format": 1, "student": "s1", "quiz": "midterm", "variant": variant.fingerprint,
                                    "answers": answers}, allow_unicode=True), encoding="utf-8")
    result = grade_file(path, "midterm", lambda sid: variant)
    assert result.error is None and result.score == result.max_score == 4
