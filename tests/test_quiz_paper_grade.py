"""Graded mode as an instructor uses it: papers for 30 students, 30 filled answer files, gradebook."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from grader.quiz import responses, scoring
from grader.quiz.bank import load_course_bank
from grader.cli.quiz import quiz_app
from grader.quiz.config import load_quiz_config
from grader.quiz.reference import Reference
from grader.quiz.roster import RosterError, read_roster
from grader.quiz.store import QuizAnswer, QuizAttempt, attempts, open_store
from grader.quiz.variants import build_variant

COURSE = Path(__file__).parent / "quiz_fixtures" / "course"
SECRET_ENV = "NNGRADER_TEST_QUIZ_SECRET"
N = 30


@pytest.fixture(autouse=True)
def secret(monkeypatch):
    monkeypatch.setenv(SECRET_ENV, "секрет-преподавателя")


def variant_of(student_id: str):
    bank = load_course_bank(COURSE)
    config = load_quiz_config(COURSE)
    return build_variant(bank, config.quiz("midterm"), config.secret, student_id, Reference(COURSE / "solutions"))


def partial_answer(vq) -> str:
    """Half-right answers where the type allows partial credit."""
    key = vq.key
    if vq.type == "multiple":
        return str(min(key))
    if vq.type == "matching":
        wrong = dict(key)
        a, b = list(wrong)[:2]
        wrong[a], wrong[b] = wrong[b], wrong[a]
        return responses.format_response(vq, wrong)
    if vq.type == "ordering":
        swapped = list(key)
        swapped[0], swapped[1] = swapped[1], swapped[0]
        return " ".join(map(str, swapped))
    if vq.number % 2 == 0:
        return responses.format_response(vq, key)
    if vq.type == "single":
        return str(key % len(vq.option_order) + 1)
    if vq.type == "truefalse":
        return "нет" if key else "да"
    return "999"


def fill(template: str, answers: dict[str, str]) -> str:
    """Write answers after `N:` (the question's number) as a student would in an editor."""
    def repl(m):
        value = answers.get(m.group(1), "")
        return f'  {m.group(1)}: {value}'.rstrip()
    return re.sub(r'^  (\d+):$', repl, template, flags=re.M)


@pytest.fixture
def papers(tmp_path):
    roster = tmp_path / "roster.csv"
    rows = ["student_id;ФИО"] + [f"2024-{i:03d};Студент Номер{i} Тестович" for i in range(1, N + 1)]
    roster.write_bytes("\ufeff".encode() + "\n".join(rows).encode("utf-8") + b"\n")  # Excel: BOM and ';'
    out = tmp_path / "papers"
    result = CliRunner().invoke(quiz_app, ["paper", "midterm", "--students", str(roster),
                                           "--out", str(out), "--course", str(COURSE)])
    assert result.exit_code == 0, result.output
    assert f"Готово: {N} студентов, {3 * N + 1} файлов" in result.output
    return out


def test_paper_writes_sheet_and_template_per_student(papers):
    sheets = sorted(papers.glob("midterm_2024-*.md"))
    templates = sorted(papers.glob("midterm_2024-*_answers.yaml"))
    assert len(sheets) == len(templates) == N
    sheet = (papers / "midterm_2024-007.md").read_text(encoding="utf-8")
    assert "**Студент:** Студент Номер7 Тестович (2024-007)" in sheet
    assert "## Вопрос 8 ·" in sheet and "## Вопрос 9" not in sheet
    variant = variant_of("2024-007")
    for vq in variant.questions:
        assert vq.stem in sheet and vq.id not in sheet  # ids would point students into the bank
        assert responses.INSTRUCTIONS[vq.type] in sheet
    template = (papers / "midterm_2024-007_answers.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(template)
    assert data["student"] == "2024-007" and data["quiz"] == "midterm"
    assert data["variant"] == variant.fingerprint
    assert list(data["answers"]) == [vq.number for vq in variant.questions]
    assert not any(vq.id in template for vq in variant.questions)
    assert all(v is None for v in data["answers"].values())
    template = (papers / "midterm_2024-007_answers.yaml").read_text(encoding="utf-8")
    for vq in variant.questions:
        assert f"# Вопрос {vq.number} — {responses.EXAMPLES[vq.type]}" in template


def test_grade_thirty_answer_files_into_the_gradebook(papers, tmp_path):
    expected: dict[str, float] = {}
    files = []
    for i in range(1, N + 1):
        sid = f"2024-{i:03d}"
        path = papers / f"midterm_{sid}_answers.yaml"
        template = path.read_text(encoding="utf-8")
        variant = variant_of(sid)
        if i <= 10:  # all correct, typed from the key
            answers = {str(vq.number): responses.format_response(vq, vq.key) for vq in variant.questions}
        elif i <= 20:  # partial credit
            answers = {str(vq.number): partial_answer(vq) for vq in variant.questions}
        elif i <= 28:  # half blank, one unreadable
            answers = {str(vq.number): partial_answer(vq) for vq in variant.questions if vq.number > 4}
            answers[str(variant.questions[-1].number)] = "не помню"
        elif i == 29:  # answers YAML already typed: lists, booleans, mappings
            answers = {}
            for vq in variant.questions:
                if vq.type == "multiple":
                    answers[str(vq.number)] = "[" + ", ".join(map(str, sorted(vq.key))) + "]"
                elif vq.type == "truefalse":
                    answers[str(vq.number)] = "true" if vq.key else "false"
                elif vq.type == "matching":
                    answers[str(vq.number)] = "{" + ", ".join(f"{k}: {'abcdef'[v]}" for k, v in vq.key.items()) + "}"
                else:
                    answers[str(vq.number)] = responses.format_response(vq, vq.key)
        else:  # i == 30: malformed
            path.write_text(template.replace("answers:", "answers: [\n  oops"), encoding="utf-8")
            files.append(path)
            continue
        path.write_text(fill(template, answers), encoding="utf-8")
        files.append(path)
        total = 0.0
        for vq in variant.questions:
            raw = answers.get(str(vq.number))
            if raw:
                try:
                    total += scoring.score(vq, responses.parse(vq, yaml.safe_load(f"v: {raw}")["v"]))
                except responses.ResponseError:
                    pass
        expected[sid] = total

    db = tmp_path / "gradebook.sqlite"
    url = f"sqlite:///{db}"
    result = CliRunner().invoke(quiz_app, ["grade", "midterm", *map(str, files), "--db", url,
                                           "--course", str(COURSE)])
    out = result.output
    assert result.exit_code == 1, out  # one malformed file
    assert "midterm_2024-030_answers.yaml: файл не проверен: строка" in out
    assert "ошибка синтаксиса YAML" in out
    assert f"Проверено файлов: {N - 1}, с ошибками: 1" in out
    assert "ответ не разобран: «не помню» — не число" in out or "ответ не разобран" in out

    engine = open_store(url)
    stored = {a.student_id: a for a in attempts(engine, "midterm")}
    assert set(stored) == set(expected)
    for sid, attempt in stored.items():
        assert attempt.max_score == 8
        assert attempt.score == pytest.approx(expected[sid]), sid
        assert len(attempt.answers) == 8
        assert attempt.variant_seed == variant_of(sid).seed
        assert sum(a.points for a in attempt.answers) == pytest.approx(attempt.score)
    assert all(stored[f"2024-{i:03d}"].score == 8 for i in range(1, 11))
    assert stored["2024-029"].score == 8
    assert all(0 < stored[f"2024-{i:03d}"].score < 8 for i in range(11, 21))
    partial = [a.points for i in range(11, 21) for a in stored[f"2024-{i:03d}"].answers]
    assert any(0 < p < 1 for p in partial)  # partial credit stored per question
    blank = stored["2024-021"].answers
    assert [a.given for a in blank[:4]] == [None] * 4 and all(a.points == 0 for a in blank[:4])

    # Regrading a file replaces the attempt instead of adding a second one.
    again = CliRunner().invoke(quiz_app, ["grade", "midterm", str(files[0]), "--db", url,
                                          "--course", str(COURSE)])
    assert again.exit_code == 0, again.output
    assert "прежний результат студента 2024-001 заменён" in again.output
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(QuizAttempt)) == N - 1
        assert session.scalar(select(func.count()).select_from(QuizAnswer)) == 8 * (N - 1)


def test_malformed_files_are_each_explained(papers, tmp_path):
    good = papers / "midterm_2024-001_answers.yaml"
    cases = {
        "empty.yaml": "",
        "list.yaml": "- 1\n- 2\n",
        "no_student.yaml": "quiz: midterm\nanswers: {}\n",
        "other_quiz.yaml": good.read_text(encoding="utf-8").replace('quiz: "midterm"', 'quiz: "final"'),
        "other_student.yaml": good.read_text(encoding="utf-8").replace('"2024-001"', '"2024-002"'),
    }
    paths = []
    for name, text in cases.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(tmp_path / name)
    (tmp_path / "cp1251.yaml").write_bytes("student: Иванов\n".encode("cp1251"))
    paths += [tmp_path / "cp1251.yaml", tmp_path / "missing.yaml", good]
    result = CliRunner().invoke(quiz_app, ["grade", "midterm", *map(str, paths),
                                           "--db", f"sqlite:///{tmp_path / 'gb.sqlite'}", "--course", str(COURSE)])
    out = result.output
    assert result.exit_code == 1
    assert "empty.yaml: файл не проверен: файл пуст" in out
    assert "list.yaml: файл не проверен: ожидается YAML-словарь" in out
    assert "no_student.yaml: файл не проверен: нет поля student" in out
    assert "other_quiz.yaml: файл не проверен: файл относится к контрольной «final»" in out
    assert "other_student.yaml: файл не проверен: вариант в файле" in out
    assert "cp1251.yaml: файл не проверен: файл не в кодировке UTF-8" in out
    assert "missing.yaml: файл не проверен: не удалось прочитать файл" in out
    assert "Проверено файлов: 1, с ошибками: 7" in out  # the good one is still graded


def test_changed_secret_is_detected(papers, tmp_path, monkeypatch):
    monkeypatch.setenv(SECRET_ENV, "другой секрет")
    result = CliRunner().invoke(quiz_app, ["grade", "midterm", str(papers / "midterm_2024-001_answers.yaml"),
                                           "--db", f"sqlite:///{tmp_path / 'gb.sqlite'}", "--course", str(COURSE)])
    assert result.exit_code == 1
    assert "изменился банк вопросов или секрет курса" in result.output


def test_roster_headers_and_errors(tmp_path):
    plain = tmp_path / "a.csv"
    plain.write_text("id,name\n1,Анна\n2,Борис\n\n", encoding="utf-8")
    assert [(s.id, s.name) for s in read_roster(plain)] == [("1", "Анна"), ("2", "Борис")]
    only_ids = tmp_path / "b.csv"
    only_ids.write_text("Student_ID\nx1\n", encoding="utf-8")
    assert [(s.id, s.name) for s in read_roster(only_ids)] == [("x1", "")]
    for text, fragment in (("name\nАнна\n", "нет столбца"), ("id,name\n1,А\n1,Б\n", "уже был в строке 2"),
                           ("id,name\n", "ни одного студента")):
        bad = tmp_path / "bad.csv"
        bad.write_text(text, encoding="utf-8")
        with pytest.raises(RosterError, match=fragment):
            read_roster(bad)
