"""Russian per-student feedback: points per function, failures with details, hints, never test source."""
from __future__ import annotations

from html.parser import HTMLParser

import pytest

from grader.course import load_course
from grader.feedback import FeedbackError, pretty_test, render_feedback, safe_message, write_feedback
from grader.gradebook import Gradebook, default_url

from report_records import HINT_AXIS, HINT_OVERFLOW, ROOT, hidden_source_lines, sample_records

COURSE = load_course(ROOT)
ACT = COURSE.course.assignment("02_activations")


def _record(student_id, assignment="02_activations"):
    return next(r for r in sample_records() if r.student_id == student_id and r.assignment_id == assignment)


@pytest.fixture()
def gb(tmp_path):
    book = Gradebook(default_url(tmp_path))
    for r in sample_records():
        book.save(r)
    yield book
    book.close()


class _Checker(HTMLParser):
    """Tracks open elements: every non-void element must be closed in order."""

    VOID = {"meta", "br", "hr", "img", "input", "link", "wbr", "source"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def _parse(html: str) -> _Checker:
    checker = _Checker()
    checker.feed(html)
    checker.close()
    assert checker.errors == [] and checker.stack == [], (checker.errors, checker.stack)
    return checker


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_failures_show_message_details_and_hint(fmt):
    text = render_feedback(_record("petrova"), ACT, fmt)
    assert "Петрова Мария" in text
    assert "Функции активации" in text
    assert "Подсказка:" in text
    assert HINT_AXIS in text and HINT_OVERFLOW in text
    assert text.count(HINT_AXIS) == 1  # two failed softmax tests share one mutant hint: shown once
    for expected in ["Проверка 1 из 2", "Макс. относительная ошибка: 0,812",
                     "Первые расхождения: (0, 0): получено 0,01, ожидалось 0,2",
                     "RuntimeWarning: overflow encountered in exp", "0 из 20", "8 из 8", "кодировка cp1251"]:
        assert expected in text, expected
    # each failure once: facts the message states are not repeated as details, internal test names not shown
    for repeated in ["Не совпало элементов: 640 из 640", "Форма результата: (64, 10)",
                     "Предупреждения: RuntimeWarning", "test_softmax_rows_sum_to_one", "shape0"]:
        assert repeated not in text, repeated


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_not_implemented_and_repeated_failures_collapse(fmt):
    from dataclasses import replace

    from grader.records import TestOutcome

    todo = "функция ещё не реализована (NotImplementedError) — напишите её тело"
    same = "relu для массива формы (3,): значения не совпадают (1 из 3 элементов)"
    outcomes = [TestOutcome(f"test_softmax_{i}", "softmax", 0, 5, False, todo, 0.0) for i in range(4)]
    outcomes += [TestOutcome(f"test_relu[{i}]", "relu", 0, 2, False, same, 0.0) for i in range(3)]
    outcomes += [TestOutcome("test_relu_other", "relu", 0, 2, False, "relu изменила вход", 0.0)]
    text = render_feedback(replace(_record("petrova"), outcomes=outcomes), ACT, fmt)
    assert text.count("NotImplementedError") == 1 and "ни одной из 4 проверок" in text
    assert "напишите её тело" not in text
    assert text.count("значения не совпадают") == 1 and "и ещё 2 с тем же результатом" in text
    assert "relu изменила вход" in text


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_never_any_hidden_test_source(fmt):
    for record in sample_records():
        if record.assignment_id != "02_activations":
            continue
        text = render_feedback(record, ACT, fmt)
        assert "assert np.allclose" not in text and "student.softmax(z)" not in text
        leaked = [line for line in hidden_source_lines() if line in text]
        assert leaked == []


def test_assert_introspection_is_cut():
    assert safe_message("assert x == 1\n+  where x = f()") == "проверка не пройдена"
    assert safe_message("сумма не равна 1\nassert False") == "сумма не равна 1"
    assert safe_message("форма (3, 4) вместо (4, 3)") == "форма (3, 4) вместо (4, 3)"


def test_pretty_test_names():  # the Gradescope export and the self-check still name tests this way
    assert pretty_test("test_softmax_rows_sum_to_one[shape1]") == "softmax rows sum to one (вариант shape1)"
    assert pretty_test("test_relu") == "relu"


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_late_penalty_and_shape_details(fmt):
    text = render_feedback(_record("kuznetsova"), ACT, fmt)
    assert "сдано с опозданием на 2 дн., штраф 20 %" in text
    assert text.count("получено (7, 1), ожидалось (7,)") == 1  # stated by the message, not again as a detail
    assert "96 → 76,8" in text and "76,8 из 100" in text  # 96 raw, minus 20 %, Russian decimal comma


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_load_error_explains_what_to_fix(fmt):
    text = render_feedback(_record("sidorov"), ACT, fmt)
    assert "Решение не удалось проверить" in text
    assert "SyntaxError" in text and "строка 3" in text
    assert "0 из 100" in text
    assert "не проверялась" in text


def test_full_marks_says_so():
    text = render_feedback(_record("ivanov"), ACT, "md")
    assert "Все проверки пройдены" in text and "Что исправить" not in text


def test_html_is_well_formed_self_contained_and_escaped():
    html = render_feedback(_record("petrova"), ACT, "html")
    checker = _parse(html)
    assert any(t == "meta" and a.get("name") == "viewport" for t, a in checker.tags)
    assert any(t == "html" and a.get("lang") == "ru" for t, a in checker.tags)
    assert not [t for t, _ in checker.tags if t in ("script", "link", "img", "iframe")]
    assert "http://" not in html and "https://" not in html
    assert "@media" in html  # responsive
    assert "<сумма>" not in html and "&lt;сумма&gt;" in html  # message text is escaped, never markup


def test_markdown_escapes_markup_in_messages():
    text = render_feedback(_record("petrova"), ACT, "md")
    assert "\\<сумма\\>" in text


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_write_feedback_files_index_and_determinism(gb, tmp_path, fmt):
    out = tmp_path / "feedback"
    paths = write_feedback(gb, COURSE, "2", out, fmt)  # "2" resolves to 02_activations
    names = sorted(p.name for p in paths)
    assert names == sorted([f"ivanov.{fmt}", f"kuznetsova.{fmt}", f"petrova.{fmt}", f"sidorov.{fmt}",
                            f"Смирнов Олег_4521.{fmt}", f"index.{fmt}"])
    assert paths[-1].name == f"index.{fmt}"
    first = {p.name: p.read_bytes() for p in paths}
    index = (out / f"index.{fmt}").read_text(encoding="utf-8")
    assert "Петрова Мария" in index and "Смирнов Олег" in index
    if fmt == "html":
        _parse(index)
        assert "%D0%A1" in index  # the Cyrillic file name is URL-encoded in the link
        for p in paths:
            _parse(p.read_text(encoding="utf-8"))
    write_feedback(gb, COURSE, "02_activations", out, fmt)
    assert {p.name: p.read_bytes() for p in paths} == first
    assert not list(out.glob(".*.tmp"))


def test_write_feedback_on_empty_assignment_points_to_grade(gb, tmp_path):
    with pytest.raises(FeedbackError, match="nngrader grade"):
        write_feedback(gb, COURSE, "08_training", tmp_path / "fb", "md")
