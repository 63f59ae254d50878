"""Moodle as it really is: both archive layouts, names without the UTF-8 flag, online text,
submission times from the archive or the worksheet, per-assignment participant numbers,
the untouched starter beside a filled file, and hidden points that do not add up."""
import csv
import io
import shutil
import struct
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml
from typer.testing import CliRunner

from grader.cli import app
from grader.course import grade_mark, load_course
from grader.grading.discover import (ONLINE_TEXT_IGNORED, TIME_FROM_ARCHIVE, TIME_UNKNOWN_UNPACKED, discover,
                                     zip_entry_time)
from grader.grading.identity import late_days, late_penalty
from grader.grading.worksheet import parse_moodle_date, parse_worksheet
from grader.submission import SubmissionError, read_submission
from moodle_archives import Part, moodle_zip, notebook, worksheet_csv

ROOT = Path(__file__).resolve().parents[1]
COURSE = load_course(ROOT)
MSK = ZoneInfo("Europe/Moscow")
A02 = COURSE.course.assignment("02")
SOLUTION = COURSE.solution_path(A02).read_text(encoding="utf-8")
STARTER = COURSE.starter_path(A02).read_text(encoding="utf-8")


def _parts(when: datetime) -> list[Part]:
    return [Part("Анна Ёлкина", 11, "activations.py", SOLUTION, when),
            Part("Анна Ёлкина", 11, "onlinetext.html", "<p>см. файл</p>", when + timedelta(days=3), "onlinetext"),
            Part("Борис Петров", 12, "activations.ipynb", notebook(SOLUTION), when + timedelta(days=2)),
            Part("Вера Соколова", 13, "onlinetext.html", "<p>def relu(x): ...</p>", when, "onlinetext")]


@pytest.mark.parametrize("layout", ["folders", "flat"])
@pytest.mark.parametrize("names", ["utf8", "utf8-noflag", "cp866"])
def test_archive_layouts_names_online_text_and_entry_dates(tmp_path, layout, names):
    when = datetime(2026, 11, 20, 15, 30)
    archive = moodle_zip(tmp_path / "download.zip", _parts(when), layout=layout, names=names)
    found = {c.participant: c for c in discover(archive, A02, MSK)}
    assert sorted(found) == ["11", "12", "13"]  # one submission per participant, never a student called «flat»
    assert [found[p].student_name for p in ("11", "12", "13")] == ["Анна Ёлкина", "Борис Петров", "Вера Соколова"]
    anna = found["11"]
    assert sorted(p.name for p in anna.path.iterdir()) == ["activations.py"]  # online text kept out
    assert ONLINE_TEXT_IGNORED in anna.notes
    assert anna.submitted_at == when.replace(tzinfo=MSK)  # the file's date in the archive, not the unpack time
    assert TIME_FROM_ARCHIVE in anna.notes
    assert found["12"].submitted_at == (when + timedelta(days=2)).replace(tzinfo=MSK)
    assert any("Текст ответа" in n for n in found["13"].notes)
    assert read_submission(anna.path, "activations").text == SOLUTION
    repaired = any("не в UTF-8" in n for n in anna.notes)
    assert repaired == (names != "utf8")


def test_unpacked_download_is_one_candidate_per_participant_with_unknown_time(tmp_path):
    when = datetime(2026, 11, 20, 15, 30)
    for layout in ("folders", "flat"):
        archive = moodle_zip(tmp_path / f"{layout}.zip", _parts(when), layout=layout)
        unpacked = tmp_path / f"unpacked-{layout}"
        zipfile.ZipFile(archive).extractall(unpacked)
        found = {c.participant: c for c in discover(unpacked, A02, MSK)}
        assert sorted(found) == ["11", "12", "13"], layout
        assert all(c.submitted_at is None and TIME_UNKNOWN_UNPACKED in c.notes for c in found.values())
        assert ONLINE_TEXT_IGNORED in found["11"].notes
        assert read_submission(found["11"].path, "activations").text == SOLUTION


def test_extended_timestamp_is_utc_and_a_zero_dos_date_is_unknown():
    info = zipfile.ZipInfo("x.py", date_time=(2026, 11, 20, 15, 30, 0))
    moment = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)
    info.extra = struct.pack("<HHBI", 0x5455, 5, 1, int(moment.timestamp()))
    assert zip_entry_time(info, MSK) == moment
    assert zip_entry_time(zipfile.ZipInfo("x.py", date_time=(1980, 1, 1, 0, 0, 0)), MSK) is None


def test_worksheet_identities_and_dates():
    text = worksheet_csv([{"participant": 11, "name": "Анна Ёлкина", "email": "Anna@Uni.ru",
                           "submitted": "пятница, 20 ноября 2026, 15:30"},
                          {"participant": 12, "name": "Борис Петров", "email": "boris@uni.ru", "submitted": "-"}])
    sheet = parse_worksheet(text, MSK)
    rows = sheet.by_participant()
    assert rows["11"].person.id == "anna@uni.ru" and rows["11"].submitted_at == datetime(2026, 11, 20, 15, 30,
                                                                                          tzinfo=MSK)
    assert rows["12"].submitted_at is None  # «-»: nothing is guessed
    english = parse_worksheet(worksheet_csv([{"participant": 3, "name": "A B", "email": "a@b.c",
                                              "submitted": "Friday, 20 November 2026, 3:30 PM"}], russian=False), MSK)
    assert english.rows[0].submitted_at == datetime(2026, 11, 20, 15, 30, tzinfo=MSK)
    assert parse_moodle_date("20.11.2026 09:05", MSK) == datetime(2026, 11, 20, 9, 5, tzinfo=MSK)
    assert parse_moodle_date("когда-то", MSK) is None


def test_the_untouched_starter_never_wins(tmp_path):
    folder = tmp_path / "with_notebook"
    folder.mkdir()
    (folder / "activations.py").write_text(STARTER, encoding="utf-8")
    (folder / "Лаба 2.ipynb").write_text(notebook(SOLUTION), encoding="utf-8")
    source = read_submission(folder, "activations", starter=STARTER)
    assert source.origin.endswith("Лаба 2.ipynb") and "def softmax" in source.text
    assert any("«activations.py» — нетронутая заготовка" in n for n in source.notes)

    archive = tmp_path / "final.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr(zipfile.ZipInfo("work/activations.py", (2026, 11, 20, 10, 0, 0)), STARTER)
        z.writestr(zipfile.ZipInfo("work/activations_final.py", (2026, 11, 19, 10, 0, 0)), SOLUTION)
    source = read_submission(archive, "activations", starter=STARTER)
    assert source.origin.endswith("activations_final.py") and source.text == SOLUTION
    # without the starter text, a file whose every function is a stub still counts as untouched
    assert read_submission(archive, "activations").origin.endswith("activations_final.py")

    two = tmp_path / "two.zip"
    with zipfile.ZipFile(two, "w") as z:  # both filled: the exact module name, then the newest
        z.writestr(zipfile.ZipInfo("activations_old.py", (2026, 11, 21, 10, 0, 0)), SOLUTION + "\n# old\n")
        z.writestr(zipfile.ZipInfo("activations.py", (2026, 11, 19, 10, 0, 0)), SOLUTION)
        z.writestr(zipfile.ZipInfo("activations_v2.py", (2026, 11, 20, 10, 0, 0)), SOLUTION + "\n# v2\n")
    source = read_submission(two, "activations", starter=STARTER)
    assert source.origin == "two.zip/activations.py"
    assert any("проверен «activations.py»" in n for n in source.notes)
    newest = tmp_path / "newest.zip"
    with zipfile.ZipFile(newest, "w") as z:
        z.writestr(zipfile.ZipInfo("activations_old.py", (2026, 11, 19, 10, 0, 0)), SOLUTION + "\n# old\n")
        z.writestr(zipfile.ZipInfo("activations_v2.py", (2026, 11, 20, 10, 0, 0)), SOLUTION + "\n# v2\n")
    assert read_submission(newest, "activations", starter=STARTER).origin.endswith("activations_v2.py")

    only = tmp_path / "only_starter.py"
    only.write_text(STARTER, encoding="utf-8")
    assert any("не отличается от заготовки" in n for n in read_submission(only, "activations", starter=STARTER).notes)
    unrelated = tmp_path / "unrelated"
    unrelated.mkdir()
    (unrelated / "a.py").write_text(SOLUTION, encoding="utf-8")
    (unrelated / "b.py").write_text(SOLUTION, encoding="utf-8")
    with pytest.raises(SubmissionError, match="назовите его activations.py"):
        read_submission(unrelated, "activations", starter=STARTER)


# ---------------------------------------------------------------- a course of our own (deadlines, extensions)

DEADLINE = "2026-11-20T23:59:00"  # no offset: the course time zone (Moscow)


def make_course(tmp_path: Path, **changes) -> Path:
    """A copy of the real course with deadlines on 01 and 02 (10 %/day) and `changes` at the top level."""
    dest = tmp_path / "course"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "exercises", dest / "exercises", ignore=ignore)
    shutil.copytree(ROOT / "solutions", dest / "solutions", ignore=ignore)
    data = yaml.safe_load((ROOT / "course.yaml").read_text(encoding="utf-8"))
    for a in data["assignments"]:
        if a["id"] in ("01_neuron", "02_activations"):
            a["deadline"] = DEADLINE
            a["late_policy"] = {"penalty_per_day": 10, "max_days": 5}
    data.update(changes)
    (dest / "course.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return dest


def test_deadlines_are_course_local_and_extensions_apply(tmp_path):
    course = load_course(make_course(tmp_path, extensions=[
        {"student": "vera@uni.ru", "assignment": "02", "days": 3},
        {"student": "Борис Петров", "until": "2026-12-01T12:00:00"}]))
    a02 = course.course.assignment("02")
    assert a02.deadline == datetime(2026, 11, 20, 23, 59, tzinfo=MSK)
    late_evening = datetime(2026, 11, 20, 23, 30, tzinfo=MSK)  # 20:30 UTC — on time in Moscow
    assert late_days(a02, late_evening) == 0
    two_days = datetime(2026, 11, 22, 12, 0, tzinfo=MSK)
    assert late_days(a02, two_days) == 2 and late_penalty(a02, 2) == 20
    vera = course.course.deadline_for(a02, "vera@uni.ru")
    assert vera == a02.deadline + timedelta(days=3) and late_days(a02, two_days, vera) == 0
    assert course.course.deadline_for(course.course.assignment("01"), "vera@uni.ru") == \
        course.course.assignment("01").deadline  # her extension is for 02 only
    assert course.course.deadline_for(a02, "x", "петров  борис".title()) == a02.deadline  # names match exactly
    assert course.course.deadline_for(a02, "boris@uni.ru", "Борис Петров") == datetime(2026, 12, 1, 12, tzinfo=MSK)
    assert late_days(a02, None) == 0  # unknown time: no penalty
    assert course.course.format_time(datetime(2026, 11, 20, 20, 30, tzinfo=timezone.utc)) == \
        "20.11.2026 23:30 (Europe/Moscow)"


def test_grade_scale_is_a_course_function():
    assert [grade_mark(COURSE, s) for s in (100, 85, 84.9, 70, 55, 49.9, 0)] == \
        ["отлично", "отлично", "хорошо", "хорошо", "удовлетворительно", "неудовлетворительно", "неудовлетворительно"]
    assert grade_mark(COURSE, 42.5, 50) == "отлично"


def test_course_schema_rejects_bad_zone_scale_and_extension(tmp_path):
    from grader.course import CourseError
    for changes, expected in (({"timezone": "Марс/Олимп"}, "часовой пояс"),
                              ({"grade_scale": {"name": "x", "marks": [{"min": 50, "mark": "зачёт"}]}}, "min: 0"),
                              ({"extensions": [{"student": "a", "days": 1, "until": "2026-12-01T00:00:00"}]},
                               "ровно одно"),
                              ({"extensions": [{"student": "a", "assignment": "99", "days": 1}]}, "неизвестное")):
        folder = tmp_path / expected.replace(" ", "_").replace(":", "")
        folder.mkdir()
        with pytest.raises(CourseError, match=expected):
            load_course(make_course(folder, **changes))


def test_grading_refuses_hidden_points_that_disagree_with_course_yaml(tmp_path):
    course = make_course(tmp_path)
    hidden = course / "exercises" / "02_activations" / "hidden" / "test_activations_hidden.py"
    text = hidden.read_text(encoding="utf-8")
    assert '@points(4, "relu")' in text
    hidden.write_text(text.replace('@points(4, "relu")', '@points(6, "relu")', 1), encoding="utf-8")
    (tmp_path / "class" / "anna").mkdir(parents=True)
    (tmp_path / "class" / "anna" / "activations.py").write_text(SOLUTION, encoding="utf-8")
    result = CliRunner().invoke(app, ["grade", "02", str(tmp_path / "class"), "--course", str(course),
                                      "--db", f"sqlite:///{tmp_path / 'gb.sqlite'}", "--jobs", "1"])
    assert result.exit_code == 2, result.output
    message = " ".join(result.output.split())
    assert "функция relu: в тестах 10, в course.yaml 8" in message
    assert "сумма тестов 102, в course.yaml 100" in message
    assert not (tmp_path / "gb.sqlite").exists() or "проверено" not in message


def _read_csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_a_semester_of_moodle_downloads_end_to_end(tmp_path):
    """Two assignments, two downloads with different participant numbers, worksheets, an extension:
    grades, late days, identities, remarks, the semester export and the worksheet round trip."""
    from grader.gradebook import Gradebook

    course = make_course(tmp_path, extensions=[{"student": "gleb@uni.ru", "assignment": "02", "days": 3}])
    msk = lambda *args: datetime(*args)  # noqa: E731 - local (Moscow) wall-clock times written into the zip
    before, two_late = msk(2026, 11, 19, 18, 0), msk(2026, 11, 22, 10, 0)
    people = {"anna": ("Анна Ёлкина", "anna@uni.ru"), "boris": ("Борис Петров", "boris@uni.ru"),
              "vera": ("Вера Соколова", "vera@uni.ru"), "gleb": ("Глеб Орлов", "gleb@uni.ru"),
              "dina": ("Дина Ким", "dina@uni.ru")}
    numbers02 = {"anna": 101, "boris": 102, "vera": 103, "gleb": 104, "dina": 105}
    parts02 = [Part(people["anna"][0], 101, "activations.py", SOLUTION, before),
               Part(people["boris"][0], 102, "activations.py", SOLUTION, two_late),
               Part(people["vera"][0], 103, "activations.py", SOLUTION, before),
               Part(people["vera"][0], 103, "onlinetext.html", "<p>решение в файле</p>", two_late, "onlinetext"),
               Part(people["gleb"][0], 104, "activations.py", SOLUTION, two_late),
               Part(people["dina"][0], 105, "activations.py", STARTER, before),
               Part(people["dina"][0], 105, "activations_final.py", SOLUTION, before)]
    archive02 = moodle_zip(tmp_path / "02.zip", parts02, layout="folders", names="cp866")
    sheet02 = tmp_path / "ведомость02.csv"
    sheet02.write_text(worksheet_csv([{"participant": numbers02[k], "name": people[k][0], "email": people[k][1]}
                                      for k in people]), encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'gb.sqlite'}"
    runner = CliRunner()
    base = ["--course", str(course), "--db", db, "--jobs", "1"]
    graded = runner.invoke(app, ["grade", "02", str(archive02), "--worksheet", str(sheet02), *base])
    assert graded.exit_code == 0, graded.output
    summary = " ".join(graded.output.split())
    assert "проверен «activations_final.py»" in summary and "нетронутая заготовка" in summary
    assert "«Текст ответа» Moodle не проверялся" in summary and "отлично" in summary

    neuron = COURSE.solution_path(COURSE.course.assignment("01")).read_text(encoding="utf-8")
    numbers01 = {"anna": 7, "boris": 3, "vera": 1, "gleb": 5}  # Moodle numbers participants per assignment
    archive01 = moodle_zip(tmp_path / "01.zip", [Part(people[k][0], n, "neuron.py", neuron, before)
                                                 for k, n in numbers01.items()], layout="flat", names="utf8-noflag")
    sheet01 = tmp_path / "ведомость01.csv"
    sheet01.write_text(worksheet_csv([{"participant": n, "name": people[k][0], "email": people[k][1],
                                       "submitted": "среда, 25 ноября 2026, 12:00" if k == "boris" else "-"}
                                      for k, n in numbers01.items()]), encoding="utf-8")
    graded = runner.invoke(app, ["grade", "01", str(archive01), "--worksheet", str(sheet01), *base])
    assert graded.exit_code == 0, graded.output

    with Gradebook(db) as gradebook:
        r02 = {r.student_id: r for r in gradebook.current("02_activations")}
        r01 = {r.student_id: r for r in gradebook.current("01_neuron")}
    assert set(r02) == {p[1] for p in people.values()}  # people, not participant numbers
    assert set(r01) == {people[k][1] for k in numbers01}
    anna, boris, vera, gleb, dina = (r02[people[k][1]] for k in ("anna", "boris", "vera", "gleb", "dina"))
    assert (anna.score, anna.late_days, anna.student_name) == (100, 0, "Анна Ёлкина")
    assert (boris.raw_score, boris.late_days, boris.penalty_percent, boris.score) == (100, 2, 20, 80)
    assert (vera.score, vera.late_days) == (100, 0)  # her later online text neither overwrote nor delayed her
    assert (gleb.score, gleb.late_days) == (100, 0) and any("срок продлён" in n for n in gleb.notes)
    assert dina.score == 100 and any("activations_final.py" in n for n in dina.notes)
    assert r01["boris@uni.ru"].late_days == 5  # the worksheet's «Последнее изменение (ответ)» wins over the zip
    assert r01["anna@uni.ru"].late_days == 0 and r01["anna@uni.ru"].submitted_at == before.replace(tzinfo=MSK)

    exported = runner.invoke(app, ["export", "--format", "csv", "--out", str(tmp_path / "semester.csv"),
                                   "--db", db, "--course", str(course)])
    assert exported.exit_code == 0, exported.output
    rows = _read_csv(tmp_path / "semester.csv")
    body = [r for r in rows[1:] if r and any(c.strip() for c in r)]
    assert len(body) == len(people)  # one row per person over the semester
    assert sum("anna@uni.ru" in r for r in body) == 1

    filled = runner.invoke(app, ["export", "--format", "moodle", "--assignment", "02", "--worksheet", str(sheet02),
                                 "--out", str(tmp_path / "filled.csv"), "--db", db, "--course", str(course)])
    assert filled.exit_code == 0, filled.output
    back = parse_worksheet((tmp_path / "filled.csv").read_text(encoding="utf-8"), MSK)
    grades = {r.participant: r.cells[4] for r in back.rows}
    assert grades[str(numbers02["boris"])] in ("80", "80.0") and grades[str(numbers02["anna"])] in ("100", "100.0")


def test_a_later_correct_archive_fixes_stored_names(tmp_path):
    """An archiver we cannot recognise garbles names; the next download (UTF-8) puts them right without regrading."""
    from grader.gradebook import Gradebook

    parts = [Part("Анна Ёлкина", 21, "activations.py", SOLUTION, datetime(2026, 11, 19, 12, 0))]
    garbled = moodle_zip(tmp_path / "garbled.zip", parts, names="mac_cyrillic")
    fixed = moodle_zip(tmp_path / "fixed.zip", parts, names="utf8")
    db = f"sqlite:///{tmp_path / 'gb.sqlite'}"
    base = ["--course", str(ROOT), "--db", db, "--jobs", "1"]
    runner = CliRunner()
    assert runner.invoke(app, ["grade", "02", str(garbled), *base]).exit_code == 0
    with Gradebook(db) as gradebook:
        assert [r.student_name for r in gradebook.current("02_activations")] != ["Анна Ёлкина"]
    second = runner.invoke(app, ["grade", "02", str(fixed), *base])
    assert second.exit_code == 0 and "к проверке 0" in second.output, second.output
    with Gradebook(db) as gradebook:
        assert [(r.student_id, r.student_name) for r in gradebook.current("02_activations")] == [("21", "Анна Ёлкина")]


def test_people_from_roster_and_the_stored_mapping(tmp_path):
    """Without a worksheet the roster maps names once for the course; a stored mapping outlives the worksheet."""
    from grader.gradebook import Gradebook
    from grader.grading.people import resolve_people
    from grader.grading.worksheet import read_roster

    roster_file = tmp_path / "roster.csv"
    roster_file.write_text("Фамилия;Имя;Адрес электронной почты;Индивидуальный номер\n"
                           "Ёлкина;Анна;anna@uni.ru;С-001\nПетров;Борис;boris@uni.ru;\n", encoding="cp1251")
    roster = read_roster(roster_file)
    assert [(p.name, p.id) for p in roster] == [("Анна Ёлкина", "С-001"), ("Борис Петров", "boris@uni.ru")]
    archive = moodle_zip(tmp_path / "d.zip", [Part("елкина анна", 4, "activations.py", SOLUTION, datetime(2026, 11, 1)),
                                              Part("Борис Петров", 5, "activations.py", SOLUTION, datetime(2026, 11, 1)),
                                              Part("Кто-то Новый", 6, "activations.py", SOLUTION, datetime(2026, 11, 1))])
    with Gradebook(f"sqlite:///{tmp_path / 'gb.sqlite'}") as gradebook:
        found = discover(archive, A02, MSK)
        result = resolve_people(found, A02.id, gradebook.engine, roster=roster)
        assert [(c.student_id, c.student_name) for c in found] == [("С-001", "Анна Ёлкина"),
                                                                   ("boris@uni.ru", "Борис Петров"),
                                                                   ("6", "Кто-то Новый")]
        assert result.mapped == 2 and result.unmapped == ["Кто-то Новый"]
        again = discover(archive, A02, MSK)
        resolve_people(again, A02.id, gradebook.engine)  # no roster now: the stored mapping remembers
        assert [c.student_id for c in again] == ["С-001", "boris@uni.ru", "6"]


def test_a_mapping_learnt_later_retires_the_participant_number_row(tmp_path):
    from grader.gradebook import Gradebook
    from grader.grading.people import resolve_people
    from grader.records import SubmissionRecord

    archive = moodle_zip(tmp_path / "d.zip", [Part("Анна Ёлкина", 4, "activations.py", SOLUTION, datetime(2026, 11, 1))])
    sheet = parse_worksheet(worksheet_csv([{"participant": 4, "name": "Анна Ёлкина", "email": "anna@uni.ru"}]), MSK)
    with Gradebook(f"sqlite:///{tmp_path / 'gb.sqlite'}") as gradebook:
        gradebook.save(SubmissionRecord(student_id="4", student_name="Анна Ёлкина", assignment_id=A02.id,
                                        source_path="x", content_hash="h", submitted_at=None, late_days=0,
                                        penalty_percent=0, isolation="reduced", raw_score=90, score=90,
                                        max_score=100, status="graded"))
        found = discover(archive, A02, MSK)
        resolve_people(found, A02.id, gradebook.engine, worksheet=sheet)
        assert found[0].student_id == "anna@uni.ru"
        assert gradebook.current(A02.id) == []  # the number's row is history now; the person's row comes next
        assert len(gradebook.submissions(A02.id)) == 1
