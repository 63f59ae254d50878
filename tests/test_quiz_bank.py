"""Quiz bank: loading with file:line, schema errors, and every validator rule."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from grader.quiz.bank import load_bank_files, load_course_bank
from grader.cli.quiz import quiz_app
from grader.quiz.reference import Reference
from grader.quiz.validate import Rules, validate_bank, validate_course

FIXTURES = Path(__file__).parent / "quiz_fixtures"
COURSE = FIXTURES / "course"
BAD = FIXTURES / "bad"
# Only the rule under test: thresholds off, so each bad file shows exactly its own error.
LOOSE = Rules(min_per_topic=0, required_sections=None, required_types=None, param_seeds=1000,
              require_exercise_quizzes=False)
FIXTURE_RULES = Rules(min_per_topic=9)


def marked_line(path: Path) -> int:
    """The fixture marks the line the error must point at with `# <- ERROR`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if "<- ERROR" in line)


CASES = {
    "syntax.yaml": "ошибка синтаксиса YAML",
    "unknown_type.yaml": "неизвестный тип вопроса «essay»",
    "missing_field.yaml": "нет обязательного поля «explanation»",
    "typo_field.yaml": "неизвестное поле «tolerence»",
    "bad_values.yaml": "поле «difficulty»: недопустимое значение 5",
    "bad_section.yaml": "поле «section»: недопустимое значение 'attention'",
    "single_two_correct.yaml": "ровно один верный вариант, а их 2",
    "multiple_none_correct.yaml": "нет ни одного верного варианта",
    "duplicate_option.yaml": "вариант №3 повторяет другой вариант",
    "duplicate_stem.yaml": "такое же условие уже есть у вопроса neuron-001",
    "numeric_infinite.yaml": "answer должен быть конечным числом",
    "param_undefined.yaml": "в условии есть {y}, но параметр y не задан",
    "param_unused.yaml": "параметр k не подставляется в условие",
    "param_fails.yaml": "выражение ответа дало nan",
    "param_unknown_name.yaml": "неизвестные имена: scipy",
    "duplicate_key.yaml": "ключ «stem» повторяется",
    "bad_id.yaml": "id должен иметь вид neuron-NNN",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_rule_reports_file_line_and_id(name):
    path = BAD / name
    issues = validate_bank(load_bank_files([path]), Reference(None), LOOSE)
    assert len(issues) == 1, [str(i) for i in issues]
    issue = issues[0]
    assert CASES[name] in issue.message
    assert issue.file == path.as_posix()
    assert issue.line == marked_line(path)
    text = str(issue)
    assert text.startswith(f"{path.as_posix()}:{issue.line}: ")
    if name not in ("syntax.yaml", "duplicate_key.yaml"):  # file-level problems have no id
        assert issue.qid and f"вопрос {issue.qid}:" in text


def test_duplicate_id_across_files_points_at_second_file():
    a, b = BAD / "duplicate_id_a.yaml", BAD / "duplicate_id_b.yaml"
    issues = validate_bank(load_bank_files([a, b]), Reference(None), LOOSE)
    assert [i.message for i in issues] == [f"id повторяется: уже есть в {a.as_posix()}:4"]
    assert (issues[0].file, issues[0].line, issues[0].qid) == (b.as_posix(), marked_line(b), "neuron-001")


def test_broken_question_does_not_hide_the_others(tmp_path):
    text = (BAD / "missing_field.yaml").read_text(encoding="utf-8") + """
  - id: neuron-002
    type: truefalse
    difficulty: 1
    section: neuron
    answer: false
    stem: "Веса не обучаются."
    explanation: "Обучаются."
"""
    path = tmp_path / "quiz.yaml"
    path.write_text(text, encoding="utf-8")
    bank = load_bank_files([path])
    assert [q.id for q in bank.questions] == ["neuron-002"]
    assert len(bank.issues) == 1 and bank.issues[0].qid == "neuron-001"


def test_schema_error_messages_are_russian_with_line(tmp_path):
    path = tmp_path / "quiz.yaml"
    path.write_text('topic: neuron\ntitle: "x"\nquestions:\n  - id: neuron-001\n    type: truefalse\n'
                    '    difficulty: 1\n    section: neuron\n    answer: "да"\n    stem: "s"\n'
                    '    explanation: "e"\n', encoding="utf-8")
    (issue,) = load_bank_files([path]).issues
    assert issue.line == 8 and "ожидается true или false" in issue.message


def test_non_utf8_file_is_reported(tmp_path):
    path = tmp_path / "quiz.yaml"
    path.write_bytes("topic: neuron\ntitle: 'Нейрон'\n".encode("cp1251"))
    (issue,) = load_bank_files([path]).issues
    assert "UTF-8" in issue.message


def test_fixture_course_is_valid_with_its_thresholds():
    bank, issues = validate_course(COURSE, FIXTURE_RULES)
    assert issues == []
    assert len(bank.questions) == 19
    assert {bq.q.type for bq in bank.questions} == {
        "single", "multiple", "truefalse", "numeric", "param_numeric", "matching", "ordering"}


def test_course_thresholds_are_errors():
    _, issues = validate_course(COURSE)  # the real course's rule: >= 20 per topic
    messages = [i.message for i in issues]
    assert len(issues) == 2
    assert all("нужно не меньше 20" in m for m in messages)


def test_coverage_of_sections_and_types(tmp_path):
    bank = load_bank_files([COURSE / "exercises/01_neuron/quiz.yaml"], root=COURSE)
    issues = validate_bank(bank, Reference(COURSE / "solutions"),
                           Rules(min_per_topic=0, require_exercise_quizzes=False))
    messages = " | ".join(i.message for i in issues)
    for section in ("activations", "losses", "normalization", "vanishing_gradient", "troubleshooting"):
        assert f"раздел программы «{section}»" in messages
    assert "раздел программы «neuron»" not in messages
    assert "типа" not in messages  # the neuron fixture alone has every type


def test_missing_type_is_reported(tmp_path):
    issues = validate_bank(load_bank_files([BAD / "duplicate_id_a.yaml"]), Reference(None),
                           Rules(min_per_topic=0, required_sections=None, require_exercise_quizzes=False))
    kinds = {i.message.rsplit(" ", 1)[-1] for i in issues}
    assert kinds == {"single", "multiple", "numeric", "param_numeric", "matching", "ordering"}


def test_exercise_without_quiz_and_wrong_folder_topic(tmp_path):
    course = tmp_path / "course"
    shutil.copytree(COURSE, course)
    (course / "exercises/03_losses").mkdir()
    moved = course / "exercises/05_optimizers"
    (course / "exercises/02_activations").rename(moved)
    _, issues = validate_course(course, FIXTURE_RULES)
    text = [str(i) for i in issues]
    assert "exercises/03_losses/quiz.yaml: у задания 03_losses нет банка вопросов quiz.yaml" in text
    assert any(t.startswith("exercises/05_optimizers/quiz.yaml:1:") and "не совпадает с папкой" in t
               for t in text)


def test_loading_records_lines_of_questions():
    bank = load_course_bank(COURSE)
    q = bank.by_id()["neuron-004"]
    lines = (COURSE / "exercises/01_neuron/quiz.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[q.line - 1].strip() == "- id: neuron-004"
    assert lines[q.line_of("answer") - 1].strip().startswith("answer:")


def test_validate_cli_exit_codes():
    runner = CliRunner()
    ok = runner.invoke(quiz_app, ["validate", "--course", str(COURSE), "--min-per-topic", "9"])
    assert ok.exit_code == 0, ok.output
    assert "Банк вопросов в порядке: 19 вопросов" in ok.output
    assert "neuron" in ok.output and "activations" in ok.output
    bad = runner.invoke(quiz_app, ["validate", "--course", str(COURSE)])
    assert bad.exit_code == 1
    assert "exercises/01_neuron/quiz.yaml" in bad.output and "нужно не меньше 20" in bad.output
