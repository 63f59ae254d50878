"""Excel workbook export, formula injection, Moodle worksheet comments and the feedback-files zip."""
from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import replace

import openpyxl
import pytest
import typer
from typer.testing import CliRunner

from grader.course import load_course
from grader.export import (BOM, export_csv, export_moodle, export_xlsx, feedback_comment, feedback_files_zip,
                           fill_moodle_worksheet, spreadsheet_text)
from grader.export.moodle_feedback import participant_from_path
from grader.gradebook import Gradebook, default_url
from grader.cli.outputs import register

from report_records import ROOT, sample_records

COURSE = load_course(ROOT)
ACT = COURSE.course.assignment("02_activations")
HOSTILE = ['=HYPERLINK("http:\\\\evil.example/x","open")', "@SUM(1+1)*cmd|' -c calc'!A0", "+1+cmd|'/c calc'!A0",
           "-2+3", "\t=1+1", "\r=1+1", "＝1+1"]


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.removeprefix(BOM))))


def _record(student_id, assignment="02_activations"):
    return next(r for r in sample_records() if r.student_id == student_id and r.assignment_id == assignment)


@pytest.fixture()
def gb(tmp_path):
    book = Gradebook(default_url(tmp_path))
    for r in sample_records():
        book.save(r)
    yield book
    book.close()


@pytest.fixture()
def hostile_book(tmp_path):
    (tmp_path / "h").mkdir()
    book = Gradebook(default_url(tmp_path / "h"))
    for i, name in enumerate(HOSTILE):
        book.save(replace(_record("ivanov"), student_id=name, student_name=name, content_hash=f"h{i}"))
    book.save(replace(_record("kuznetsova"), student_id="-5", student_name="Минус Пять"))
    yield book
    book.close()


# ---------------------------------------------------------------- formula injection

@pytest.mark.parametrize("value", HOSTILE)
def test_dangerous_text_is_prefixed(value):
    assert spreadsheet_text(value) == "'" + value.replace("\r", " ")


@pytest.mark.parametrize("value", ["76.8", "-5", "+3", "1e-3", "-", "", "Иванов Иван", "a=b", "ivanov@uni.ru"])
def test_numbers_and_plain_text_stay(value):
    assert spreadsheet_text(value) == value


def test_csv_and_moodle_exports_escape_student_text(hostile_book):
    for text in (export_csv(hostile_book, COURSE), export_moodle(hostile_book, COURSE),
                 export_csv(hostile_book, COURSE, "02")):
        rows = _rows(text)
        cells = [c for r in rows for c in r[:2]]
        for name in HOSTILE:
            assert spreadsheet_text(name) in cells and name not in cells
        assert "-5" in cells  # a numeric id is not text to escape
        for row in rows[1:]:
            assert not any(c and c[0] in "=+@\t\r" for c in row)


def test_worksheet_round_trip_escapes_names(hostile_book):
    sheet = "Identifier,Full name,Grade\nParticipant 5,=HYPERLINK(\"http://x\"),\n"
    with Gradebook(hostile_book.url) as book:
        book.save(replace(_record("kuznetsova"), student_id="5"))
        text, filled = fill_moodle_worksheet(book, "02_activations", sheet)
    assert filled == 1
    assert _rows(text)[1] == ["Participant 5", "'=HYPERLINK(\"http://x\")", "76.8"]


# ---------------------------------------------------------------- .xlsx

def _read(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data)).active


def test_xlsx_numbers_names_and_empty_cells(gb):
    roster = {"ivanov": "Иванов Иван Петрович", "petrova": "Петрова Мария", "novikov": "Новиков Никто"}
    ws = _read(export_xlsx(gb, COURSE, roster=roster))
    header = [c.value for c in ws[1]]
    assert header[:2] == ["ID", "Студент"]
    assert header[2:10] == [f"{a.id} (из 100)" for a in COURSE.course.assignments]
    rows = {r[0]: dict(zip(header, r)) for r in ws.iter_rows(min_row=2, values_only=True)}
    assert rows["ivanov"]["Студент"] == "Иванов Иван Петрович"  # the roster's name wins
    assert rows["ivanov"]["02_activations (из 100)"] == 100 and rows["ivanov"]["01_neuron (из 100)"] == 70  # numbers, not text
    assert rows["kuznetsova"]["02_activations (из 100)"] == pytest.approx(76.8)
    assert rows["petrova"]["01_neuron (из 100)"] is None  # not submitted: empty, never 0
    assert rows["sidorov"]["02_activations (из 100)"] == 0  # submitted and scored 0 stays 0
    novikov = rows["novikov"]  # on the roster, submitted nothing: every grade cell empty
    assert novikov["Студент"] == "Новиков Никто"
    assert all(novikov[h] is None for h in header[2:])
    assert ws.freeze_panes == "C2"


def test_xlsx_one_assignment_has_functions_and_status(gb):
    ws = _read(export_xlsx(gb, COURSE, "02", roster={"novikov": "Новиков"}))
    header = [c.value for c in ws[1]]
    assert header[2:11] == [f"{name} (из {spec.points:g})" for name, spec in ACT.functions.items()]
    assert header[-3:] == ["Опоздание, дн.", "Штраф, %", "Статус"]
    rows = {r[0]: dict(zip(header, r)) for r in ws.iter_rows(min_row=2, values_only=True)}
    assert rows["kuznetsova"]["Штраф, %"] == 20 and rows["kuznetsova"]["Опоздание, дн."] == 2
    assert rows["sidorov"]["Статус"] == "решение не загрузилось"
    assert rows["novikov"]["Статус"] == "не сдано" and rows["novikov"]["relu (из 8)"] is None


def test_xlsx_text_cells_are_never_formulas(hostile_book):
    ws = _read(export_xlsx(hostile_book, COURSE))
    for row in ws.iter_rows(min_row=2):
        for cell in row[:2]:
            assert cell.data_type == "s"
    names = {row[1].value for row in ws.iter_rows(min_row=2)}
    assert {h for h in HOSTILE if "\r" not in h} <= names  # the text as is (quote prefix, no visible apostrophe)
    quoted = [row[1] for row in ws.iter_rows(min_row=2) if row[1].value != "Минус Пять"]
    assert all(c.quotePrefix for c in quoted)


# ---------------------------------------------------------------- feedback to Moodle

def _worksheet(prefix="Участник ", grade="Оценка", comment="Отзыв в виде комментария") -> str:
    lines = [["Идентификатор", "Полное имя", "Адрес электронной почты", "Статус", grade, "Максимальная оценка",
              "Последнее изменение (оценка)", comment],
             [f"{prefix}4521", "Смирнов Олег", "smirnov@uni.ru", "Отправлено для оценивания", "", "100,00", "-", ""],
             [f"{prefix}88", "Кузнецова Анна", "kuz@uni.ru", "Отправлено для оценивания", "", "100,00", "-", ""],
             [f"{prefix}777", "Не сдавший", "none@uni.ru", "Нет ответа", "", "100,00", "-", ""]]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(lines)
    return "\ufeff" + buffer.getvalue()


def test_worksheet_gets_grades_and_comments_matched_by_number_or_email(tmp_path):
    with Gradebook(default_url(tmp_path)) as book:
        book.save(replace(_record("petrova"), student_id="4521", student_name="Смирнов Олег"))
        book.save(replace(_record("kuznetsova"), student_id="kuz@uni.ru"))  # identity mapped to e-mail
        notes: list[str] = []
        text, filled = fill_moodle_worksheet(book, "02_activations", _worksheet(),
                                             comment=lambda r: feedback_comment(r, ACT), notes=notes)
    assert filled == 2 and not notes
    rows = _rows(text)
    assert [r[4] for r in rows[1:]] == [f"{_record('petrova').score:g}", "76.8", ""]
    smirnov, kuz, absent = (r[7] for r in rows[1:])
    assert smirnov.startswith("<p><strong>") and "softmax: 0 из 20" in smirnov and "Подсказка:" in smirnov
    assert "\n" not in smirnov
    assert "штраф 20 %" in kuz
    assert absent == ""


def test_worksheet_without_comment_column_says_so(tmp_path):
    sheet = "Identifier,Full name,Grade\nParticipant 5,X,\n"
    with Gradebook(default_url(tmp_path)) as book:
        book.save(replace(_record("kuznetsova"), student_id="5"))
        notes: list[str] = []
        _, filled = fill_moodle_worksheet(book, "02_activations", sheet, comment=lambda r: "x", notes=notes)
    assert filled == 1 and any("Отзыв в виде комментария" in n for n in notes)


def test_feedback_zip_has_moodle_folder_names(tmp_path):
    moodle_path = "/tmp/nngrader-moodle-x/Смирнов Олег_4521_assignsubmission_file_/activations.py"
    with Gradebook(default_url(tmp_path)) as book:
        book.save(replace(_record("petrova"), student_id="Смирнов Олег_4521", source_path=moodle_path))
        book.save(replace(_record("kuznetsova"), student_id="88", student_name="Кузнецова_Анна"))
        book.save(replace(_record("ivanov"), student_id="ivanov"))  # no participant number anywhere
        result = feedback_files_zip(book, COURSE, "2")
    names = zipfile.ZipFile(io.BytesIO(result.data)).namelist()
    assert sorted(names) == ["Кузнецова Анна_88_assignsubmission_file_/feedback_02_activations.html",
                             "Смирнов Олег_4521_assignsubmission_file_/feedback_02_activations.html"]
    for name in names:  # Moodle splits each path part by '_' into name, participant, plugin type, plugin name
        parts = name.split("/")[0].split("_", 4)
        assert parts[1].isdigit() and parts[2:4] == ["assignsubmission", "file"]
    page = zipfile.ZipFile(io.BytesIO(result.data)).read(names[0]).decode("utf-8")
    assert "<html" in page and "76,8 из 100" in page
    assert result.students == 2 and "ivanov" in result.notes[0]


def test_feedback_zip_uses_worksheet_participants(tmp_path):
    with Gradebook(default_url(tmp_path)) as book:
        book.save(replace(_record("kuznetsova"), student_id="kuz@uni.ru"))
        result = feedback_files_zip(book, COURSE, "02_activations", worksheet=_worksheet())
    assert zipfile.ZipFile(io.BytesIO(result.data)).namelist() == [
        "Кузнецова Анна_88_assignsubmission_file_/feedback_02_activations.html"]


def test_participant_from_path():
    assert participant_from_path("x/Анна Ли_12_assignsubmission_file_/a.py") == ("Анна Ли", "12")
    assert participant_from_path("x/Анна Ли_12_onlinetext_/a.py") == ("Анна Ли", "12")
    assert participant_from_path("submissions/ivanov/02_activations/activations.py") is None


# ---------------------------------------------------------------- CLI

@pytest.fixture()
def cli():
    app = typer.Typer()

    @app.callback()
    def _root() -> None:
        """nngrader"""

    register(app)
    return app


def test_cli_default_export_is_xlsx_and_moodle_feedback(gb, cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    roster = tmp_path / "group.csv"
    roster.write_text("id;ФИО\nivanov;Иванов И. П.\nnovikov;Новиков Н.\n", encoding="utf-8-sig")
    runner = CliRunner()
    base = ["--db", gb.url, "--course", str(ROOT)]
    result = runner.invoke(cli, ["export", "--roster", str(roster), *base])
    assert result.exit_code == 0, result.output
    ws = openpyxl.load_workbook(tmp_path / "оценки.xlsx").active
    names = {r[0]: r[1] for r in ws.iter_rows(min_row=2, values_only=True)}
    assert names["ivanov"] == "Иванов И. П." and names["novikov"] == "Новиков Н."

    with Gradebook(gb.url) as book:
        book.save(replace(_record("kuznetsova"), student_id="88"))
    result = runner.invoke(cli, ["export", "-f", "moodle-feedback", "-a", "2", *base, "--out", str(tmp_path / "fb.zip")])
    assert result.exit_code == 0, result.output
    assert "Загрузить несколько файлов отзывов" in result.output and "ivanov" in result.output
    assert any(n.endswith("_88_assignsubmission_file_/feedback_02_activations.html")
               for n in zipfile.ZipFile(tmp_path / "fb.zip").namelist())
