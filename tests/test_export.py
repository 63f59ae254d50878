"""Exports: Excel CSV with BOM, full JSON, Gradescope results.json, Moodle grade-import CSV, and the CLI."""
from __future__ import annotations

import csv
import io
import json

import pytest
import typer
from typer.testing import CliRunner

from grader.course import load_course
from grader.export import (BOM, ExportError, export_csv, export_json, export_moodle, gradescope_results,
                           records_from_json)
from grader.gradebook import Gradebook, default_url
from grader.cli.outputs import register

from report_records import HINT_AXIS, ROOT, hidden_source_lines, sample_records

COURSE = load_course(ROOT)
ACT = COURSE.course.assignment("02_activations")


@pytest.fixture()
def gb(tmp_path):
    book = Gradebook(default_url(tmp_path))
    for r in sample_records():
        book.save(r)
    yield book
    book.close()


def _rows(text: str, delimiter: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.removeprefix(BOM)), delimiter=delimiter))


def _record(student_id, assignment="02_activations"):
    return next(r for r in sample_records() if r.student_id == student_id and r.assignment_id == assignment)


# ---------------------------------------------------------------- CSV

def test_csv_students_by_assignments_with_totals(gb):
    text = export_csv(gb, COURSE)
    assert text.startswith(BOM)
    assert text.encode("utf-8").startswith(b"\xef\xbb\xbf")
    rows = _rows(text)
    header = rows[0]
    assert header[:2] == ["ID", "Студент"]
    assert header[2:10] == [f"{a.id} (из 100)" for a in COURSE.course.assignments]
    assert header[10] == "Итого по заданиям (из 800)"
    table = {r[0]: dict(zip(header, r)) for r in rows[1:]}
    assert sorted(table) == sorted({r.student_id for r in sample_records()})
    assert table["ivanov"]["Студент"] == "Иванов Иван"
    assert table["ivanov"]["01_neuron (из 100)"] == "70"
    assert table["ivanov"]["02_activations (из 100)"] == "100"
    assert table["ivanov"]["Итого по заданиям (из 800)"] == "170"
    assert table["kuznetsova"]["02_activations (из 100)"] == "76.8"
    assert table["petrova"]["01_neuron (из 100)"] == ""  # not submitted: blank, not 0
    assert table["sidorov"]["02_activations (из 100)"] == "0"


def test_csv_one_assignment_has_functions_penalty_status(gb):
    rows = _rows(export_csv(gb, COURSE, "02", delimiter=";"), ";")
    header = rows[0]
    assert header[2:11] == [f"{name} (из {spec.points:g})" for name, spec in ACT.functions.items()]
    assert header[-3:] == ["Опоздание, дн.", "Штраф, %", "Статус"]
    table = {r[0]: dict(zip(header, r)) for r in rows[1:]}
    assert "ivanov" in table and len(table) == 5
    assert table["petrova"]["softmax (из 20)"] == "0"
    assert table["petrova"]["relu (из 8)"] == "8"
    assert table["kuznetsova"]["Штраф, %"] == "20"
    assert table["sidorov"]["Статус"] == "решение не загрузилось"


# ---------------------------------------------------------------- JSON

def test_json_is_full_and_round_trips(gb):
    data = export_json(gb, COURSE)
    again = json.loads(json.dumps(data, ensure_ascii=False))
    assert again == data
    assert {s["id"] for s in data["students"]} == {r.student_id for r in sample_records()}
    assert data["course"] == COURSE.course.title
    petrova = next(s for s in data["submissions"] if s["student_id"] == "petrova")
    assert petrova["is_current"] is True
    assert len(petrova["outcomes"]) == len(_record("petrova").outcomes)
    assert petrova["outcomes"][-1]["hint"] == HINT_AXIS
    back = records_from_json(again)
    assert sorted(back, key=lambda r: (r.student_id, r.assignment_id)) == gb.current()
    assert export_json(gb, COURSE) == data  # deterministic


def test_json_keeps_history(gb):
    from dataclasses import replace

    gb.save(replace(_record("petrova"), content_hash="second"))
    data = export_json(gb)
    mine = [s for s in data["submissions"] if s["student_id"] == "petrova"]
    assert [s["is_current"] for s in mine] == [False, True]
    assert len(records_from_json(data, current_only=True)) == len(sample_records())


# ---------------------------------------------------------------- Gradescope

def test_gradescope_results_schema():
    record = _record("kuznetsova")
    res = gradescope_results(record, ACT)
    assert set(res) >= {"score", "tests", "output", "visibility", "execution_time", "stdout_visibility"}
    assert res["score"] == pytest.approx(record.score)  # the late penalty overrides the sum of tests
    assert len(res["tests"]) == len(record.outcomes)
    for t, o in zip(res["tests"], record.outcomes):
        assert set(t) >= {"name", "score", "max_score", "output", "visibility", "status"}
        assert t["score"] == o.points and t["max_score"] == o.max_points
        assert t["status"] == ("passed" if o.passed else "failed")
        assert t["visibility"] in ("visible", "hidden", "after_due_date", "after_published")
        assert isinstance(t["name"], str) and isinstance(t["output"], str)
    assert "штраф 20 %" in res["output"]
    json.dumps(res)


def test_gradescope_failures_carry_hint_but_no_source():
    res = gradescope_results(_record("petrova"), ACT)
    outputs = "\n".join(t["output"] for t in res["tests"])
    assert f"Подсказка: {HINT_AXIS}" in outputs
    assert "assert np.allclose" not in outputs
    assert [line for line in hidden_source_lines() if line in json.dumps(res, ensure_ascii=False)] == []


def test_gradescope_load_error():
    res = gradescope_results(_record("sidorov"), ACT)
    assert res["score"] == 0 and res["tests"] == []
    assert "SyntaxError" in res["output"]


# ---------------------------------------------------------------- Moodle

def test_moodle_csv_for_grade_import(gb):
    text = export_moodle(gb, COURSE)
    assert not text.startswith(BOM)
    rows = _rows(text)
    header = rows[0]
    assert header[0] == "ID number" and header[1] == "Full name"
    assert header[2:] == [f"{a.title} ({a.id})" for a in COURSE.course.assignments]
    body = {r[0]: r for r in rows[1:]}
    assert all(len(r) == len(header) for r in rows)
    act = header.index(f"{ACT.title} ({ACT.id})")
    assert body["kuznetsova"][act] == "76.8"
    assert body["petrova"][2] == "-"  # 01_neuron not submitted: "no grade", never 0
    for r in rows[1:]:
        for value in r[2:]:
            assert value == "-" or float(value) >= 0


def test_moodle_uses_email_when_ids_are_emails(tmp_path):
    from dataclasses import replace

    with Gradebook(default_url(tmp_path)) as book:
        book.save(replace(_record("ivanov"), student_id="ivanov@uni.ru"))
        rows = _rows(export_moodle(book, COURSE, "02"))
    assert rows[0] == ["Email address", "Full name", f"{ACT.title} ({ACT.id})"]
    assert rows[1] == ["ivanov@uni.ru", "Иванов Иван", "100"]


def test_empty_gradebook_is_a_clear_error(tmp_path):
    with Gradebook(default_url(tmp_path)) as book:
        for export in (export_csv, export_moodle, export_json):
            with pytest.raises(ExportError, match="nngrader grade"):
                export(book, COURSE)


# ---------------------------------------------------------------- CLI

@pytest.fixture()
def cli():
    app = typer.Typer()

    @app.callback()
    def _root() -> None:
        """nngrader"""

    register(app)
    return app


def test_cli_export_and_feedback(gb, cli, tmp_path):
    runner = CliRunner()
    db = gb.url
    out = tmp_path / "grades.csv"
    result = runner.invoke(cli, ["export", "--format", "csv", "--db", db, "--course", str(ROOT), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")

    moodle = tmp_path / "moodle.csv"
    result = runner.invoke(cli, ["export", "--format", "moodle", "--db", db, "--course", str(ROOT), "--out", str(moodle)])
    assert result.exit_code == 0, result.output
    assert "useridnumber" in result.output

    result = runner.invoke(cli, ["export", "--format", "gradescope", "--assignment", "2", "--student", "petrova",
                                 "--db", db, "--course", str(ROOT), "--out", str(tmp_path / "results.json")])
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))["tests"]

    result = runner.invoke(cli, ["export", "--format", "gradescope", "--assignment", "02_activations",
                                 "--db", db, "--course", str(ROOT), "--out", str(tmp_path / "gs")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "gs" / "petrova" / "results.json").is_file()

    result = runner.invoke(cli, ["feedback", "2", "--out", str(tmp_path / "fb"), "--format", "html",
                                 "--db", db, "--course", str(ROOT)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "fb" / "petrova.html").is_file() and (tmp_path / "fb" / "index.html").is_file()


def test_cli_errors_are_russian(cli, tmp_path):
    runner = CliRunner()
    missing = f"sqlite:///{tmp_path / 'none.sqlite'}"
    result = runner.invoke(cli, ["export", "--format", "csv", "--db", missing, "--course", str(ROOT)])
    assert result.exit_code == 2
    assert "nngrader grade" in result.output
    assert not (tmp_path / "none.sqlite").exists()  # reading never creates an empty gradebook

    Gradebook(default_url(tmp_path)).close()
    result = runner.invoke(cli, ["feedback", "2", "--out", str(tmp_path / "fb"), "--db", default_url(tmp_path),
                                 "--course", str(ROOT)])
    assert result.exit_code == 2 and "nngrader grade" in result.output

    result = runner.invoke(cli, ["export", "--format", "xls", "--db", default_url(tmp_path), "--course", str(ROOT)])
    assert result.exit_code == 2 and "неизвестный формат" in result.output

    result = runner.invoke(cli, ["export", "--format", "gradescope", "--db", default_url(tmp_path),
                                 "--course", str(ROOT)])
    assert result.exit_code == 2 and "--assignment" in result.output


# ---------------------------------------------------------------- Moodle grading worksheet

def _worksheet(identifier: str, grade: str, prefix: str) -> str:
    lines = [[identifier, "Full name", "Status", grade, "Maximum Grade", "Grade can be changed", "Last modified (grade)"],
             [f"{prefix}4521", "Смирнов Олег", "Submitted for grading", "", "100.00", "Yes", "-"],
             [f"{prefix}777", "Не сдавший", "No submission", "", "100.00", "Yes", "-"],
             [f"{prefix}88", "Кузнецова Анна", "Submitted for grading", "", "100.00", "Yes", "-"]]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(lines)
    return "\ufeff" + buffer.getvalue()


@pytest.mark.parametrize("identifier, grade, prefix", [("Identifier", "Grade", "Participant "),
                                                       ("Идентификатор", "Оценка", "Участник")])
def test_moodle_worksheet_is_filled_by_participant_number(tmp_path, identifier, grade, prefix):
    from dataclasses import replace

    from grader.export import fill_moodle_worksheet

    with Gradebook(default_url(tmp_path)) as book:  # ids as the download-all archive gives them
        book.save(replace(_record("Смирнов Олег_4521"), student_id="4521"))
        book.save(replace(_record("kuznetsova"), student_id="88"))
        text, filled = fill_moodle_worksheet(book, "02_activations", _worksheet(identifier, grade, prefix))
    assert filled == 2
    rows = _rows(text)
    assert rows[0] == [identifier, "Full name", "Status", grade, "Maximum Grade", "Grade can be changed",
                       "Last modified (grade)"]
    assert [r[3] for r in rows[1:]] == ["100", "", "76.8"]  # the student without a submission is untouched
    assert [r[0] for r in rows[1:]] == [f"{prefix}4521", f"{prefix}777", f"{prefix}88"]


def test_moodle_worksheet_without_grade_column_is_explained(gb):
    from grader.export import fill_moodle_worksheet

    with pytest.raises(ExportError, match="колонки оценки"):
        fill_moodle_worksheet(gb, "02_activations", "Identifier,Full name\nParticipant 1,X\n")


def test_cli_moodle_worksheet(cli, tmp_path):
    from dataclasses import replace

    with Gradebook(default_url(tmp_path)) as book:
        book.save(replace(_record("kuznetsova"), student_id="88"))
    sheet = tmp_path / "worksheet.csv"
    sheet.write_text(_worksheet("Identifier", "Grade", "Participant "), encoding="utf-8")
    runner = CliRunner()
    args = ["export", "--format", "moodle", "--db", default_url(tmp_path), "--course", str(ROOT)]
    result = runner.invoke(cli, args + ["--out", str(tmp_path / "plain.csv")])
    assert result.exit_code == 0 and "--worksheet" in result.output  # numeric ids: warned about participant numbers
    result = runner.invoke(cli, args + ["--assignment", "2", "--worksheet", str(sheet), "--out", str(tmp_path / "up.csv")])
    assert result.exit_code == 0, result.output
    assert "Оценок вписано в ведомость: 1" in result.output
    assert _rows((tmp_path / "up.csv").read_text(encoding="utf-8"))[3][3] == "76.8"


def test_quiz_attempts_join_the_exports(gb):
    from grader.quiz.store import QuizAnswer, QuizAttempt, save_attempt

    save_attempt(gb.engine, QuizAttempt(student_id="petrova", quiz_id="midterm", variant_seed="0" * 64, score=9.5,
                                        max_score=12.0, answers=[QuizAnswer(question_id="q1", given="B", points=1.0,
                                                                            max_points=1.0)]))
    rows = _rows(export_csv(gb, COURSE))
    header = rows[0]
    assert header[-1] == "тест midterm (из 12)"
    table = {r[0]: dict(zip(header, r)) for r in rows[1:]}
    assert table["petrova"]["тест midterm (из 12)"] == "9.5" and table["ivanov"]["тест midterm (из 12)"] == ""
    assert table["petrova"]["Итого по заданиям (из 800)"] == table["petrova"]["02_activations (из 100)"]
    data = export_json(gb)
    assert data["quiz_attempts"][0]["answers"][0]["given"] == "B"
    assert _rows(export_moodle(gb, COURSE))[0][-1] == "тест midterm"
