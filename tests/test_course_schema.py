"""course.yaml: the real file validates; a bad file gets one Russian line with file, line and key."""
from pathlib import Path

import pytest

from grader.course import CourseError, load_course

ROOT = Path(__file__).resolve().parents[1]


def test_real_course_loads_and_points_sum_to_100():
    loaded = load_course(ROOT)
    assert len(loaded.course.assignments) == 8
    for a in loaded.course.assignments:
        assert sum(f.points for f in a.functions.values()) == 100
        assert loaded.solution_path(a).exists()


GOOD = """\
title: "Курс"
assignments:
  - id: 01_x
    folder: exercises/01_x
    module: x
    title: "Икс"
    functions:
      f: {points: 60, signature: "a, b=1"}
      g: {points: 40, signature: "a"}
"""


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "course.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def error_of(tmp_path: Path, text: str) -> str:
    with pytest.raises(CourseError) as info:
        load_course(write(tmp_path, text))
    message = str(info.value)
    assert "\n" not in message
    return message


def test_minimal_course_is_valid(tmp_path):
    course = load_course(write(tmp_path, GOOD)).course
    assert course.assignment("1").module == "x"
    assert course.assignment("x").id == "01_x"
    assert course.limits.call_timeout_s > 0


def test_wrong_type_names_file_line_and_key(tmp_path):
    message = error_of(tmp_path, GOOD.replace("points: 60", "points: много"))
    assert "course.yaml:8:" in message
    assert "assignments[0].functions.f.points" in message
    assert "ожидалось число" in message


def test_unknown_key_is_reported_as_typo(tmp_path):
    message = error_of(tmp_path, GOOD.replace("    title: \"Икс\"", "    titel: \"Икс\""))
    assert "course.yaml:6:" in message and "titel" in message and "неизвестный ключ" in message


def test_points_must_sum_to_100(tmp_path):
    message = error_of(tmp_path, GOOD.replace("points: 40", "points: 30"))
    assert "сумма баллов" in message and "90" in message and "course.yaml:3:" in message


def test_missing_key(tmp_path):
    message = error_of(tmp_path, GOOD.replace("    module: x\n", ""))
    assert "assignments[0].module" in message and "обязательный ключ отсутствует" in message


def test_bad_signature(tmp_path):
    message = error_of(tmp_path, GOOD.replace('signature: "a"', 'signature: "a,,"'))
    assert "functions.g.signature" in message and "не разбирается" in message


def test_yaml_syntax_error_names_line(tmp_path):
    message = error_of(tmp_path, GOOD.replace("    functions:", "    functions: [\n"))
    assert "course.yaml:" in message and "ошибка синтаксиса YAML" in message


def test_bad_deadline(tmp_path):
    message = error_of(tmp_path, GOOD.replace("    functions:", "    deadline: вчера\n    functions:"))
    assert "deadline" in message and "ISO 8601" in message


def test_quiz_with_unknown_topic(tmp_path):
    text = GOOD + "quiz_topics: [x]\nquizzes:\n  - {id: q, title: Т, topics: [y], questions: 3}\n"
    assert "неизвестные темы: y" in error_of(tmp_path, text)


def test_missing_course_file(tmp_path, monkeypatch):
    monkeypatch.delenv("NNGRADER_COURSE", raising=False)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CourseError, match="course.yaml не найден"):
        load_course()
