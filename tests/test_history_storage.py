"""Graded submissions kept in the course storage, `nngrader history`, Ctrl-C during grade, import advice."""
from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from grader.gradebook import Gradebook, default_url
from grader.gradebook.copies import STORE, keep_copy
from grader.harness.import_advice import RETRY_PREFIX, advise, retry_next_run
from grader.cli.outputs import register

from report_records import ROOT, sample_records


def _record(student_id, assignment="02_activations"):
    return next(r for r in sample_records() if r.student_id == student_id and r.assignment_id == assignment)


def _moodle_submission(tmp_path: Path) -> Path:
    folder = tmp_path / "unpacked" / "Смирнов Олег_4521_assignsubmission_file_"
    folder.mkdir(parents=True)
    (folder / "activations.py").write_text("def relu(x):\n    return x\n", encoding="utf-8")
    return folder / "activations.py"


def test_keep_copy_survives_the_temporary_folder(tmp_path):
    course = tmp_path / "course"
    source = _moodle_submission(tmp_path)
    record = replace(_record("petrova"), source_path=str(source), content_hash="a" * 64)
    copy = keep_copy(course, record)
    assert copy is not None and record.source_path == str(copy)
    assert (course / STORE) in copy.parents
    assert copy.parent.name == "Смирнов Олег_4521_assignsubmission_file_"  # participant number kept
    shutil.rmtree(tmp_path / "unpacked")  # the command's temporary folder is gone
    assert copy.read_text(encoding="utf-8").startswith("def relu")
    again = replace(record, source_path=str(copy))
    assert keep_copy(course, again) is None and again.source_path == str(copy)  # already stored: no copy of a copy


def test_keep_copy_of_a_folder_and_of_a_missing_path(tmp_path):
    folder = tmp_path / "ivanov" / "02_activations"
    folder.mkdir(parents=True)
    (folder / "activations.ipynb").write_text("{}", encoding="utf-8")
    record = replace(_record("ivanov"), source_path=str(folder), content_hash="b" * 64)
    copy = keep_copy(tmp_path / "course", record)
    assert copy is not None and (copy / "activations.ipynb").is_file()
    gone = replace(_record("ivanov"), source_path=str(tmp_path / "nothing"))
    assert keep_copy(tmp_path / "course", gone) is None and gone.source_path == str(tmp_path / "nothing")


def test_missing_module_is_explained_and_regraded_next_run():
    message = "activations.ipynb, строка 2: ошибка при импорте решения: ModuleNotFoundError: No module named 'torch.nn'"
    text = advise(message)
    assert text.startswith(message) and "«torch»" in text and "numpy" in text and "import torch" in text
    assert advise("синтаксическая ошибка") == "синтаксическая ошибка"
    record = replace(_record("sidorov"), status="load_error", message="решение не загружается: " + text)
    retry_next_run(record)
    assert record.content_hash.startswith(RETRY_PREFIX)  # never equal to the file's hash: graded again
    retry_next_run(record)
    assert record.content_hash.count(RETRY_PREFIX) == 1
    other = replace(_record("sidorov"))
    retry_next_run(other)
    assert not other.content_hash.startswith(RETRY_PREFIX)


def test_self_check_names_the_missing_import(tmp_path, monkeypatch):
    from grader.selfcheck.run import check_file

    starter = (ROOT / "exercises" / "02_activations" / "activations.py").read_text(encoding="utf-8")
    file = tmp_path / "activations.py"
    file.write_text("import nngrader_no_such_library_xyz\n" + starter, encoding="utf-8")
    monkeypatch.chdir(ROOT)
    summary = check_file(file, "02")
    assert summary.load_error is not None
    assert "«nngrader_no_such_library_xyz»" in summary.load_error and "numpy" in summary.load_error


# ---------------------------------------------------------------- history

@pytest.fixture()
def cli():
    app = typer.Typer()

    @app.callback()
    def _root() -> None:
        """nngrader"""

    register(app)
    return app


def test_history_lists_every_attempt_with_feedback(tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    kept = tmp_path / "kept.py"
    kept.write_text("x = 1\n", encoding="utf-8")
    with Gradebook(default_url(tmp_path)) as book:
        first = replace(_record("petrova"), content_hash="h1", source_path=str(tmp_path / "gone.py"))
        book.save(first)
        book.save(replace(_record("petrova"), content_hash="h2", source_path=str(kept), score=90.0))
        book.save(_record("ivanov"))
        url = book.url
    result = CliRunner().invoke(cli, ["history", "Петрова", "--db", url, "--course", str(tmp_path)],
                                env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    out = result.output
    assert "попыток 2" in out and "90/100 ← текущая" in out and "64/100" in out
    assert "файла больше нет" in out
    pages = sorted((tmp_path / ".nngrader" / "feedback" / "petrova").glob("*.html"))
    assert len(pages) == 2 and all(p.as_uri() in out for p in pages)
    assert "Петрова Мария" in pages[0].read_text(encoding="utf-8")


def test_history_unknown_or_ambiguous_student(tmp_path, cli):
    with Gradebook(default_url(tmp_path)) as book:
        for r in sample_records():
            book.save(r)
        url = book.url
    result = CliRunner().invoke(cli, ["history", "никто", "--db", url, "--course", str(tmp_path)])
    assert result.exit_code == 2 and "нет студента «никто»" in result.output
    result = CliRunner().invoke(cli, ["history", "ов", "--db", url, "--course", str(tmp_path)])
    assert result.exit_code == 2 and "нескольким студентам" in result.output


# ---------------------------------------------------------------- Ctrl-C during grade

def test_ctrl_c_keeps_what_is_graded_and_says_a_rerun_continues(tmp_path, monkeypatch, capsys):
    from grader.cli import grade as command

    source = _moodle_submission(tmp_path)

    def interrupted(*args, **kwargs):
        yield replace(_record("petrova"), source_path=str(source))
        raise KeyboardInterrupt

    monkeypatch.setattr(command, "grade_in_parallel", interrupted)
    with Gradebook(default_url(tmp_path)) as book:
        with pytest.raises(typer.Exit) as exit_info:
            command._run(tmp_path, "02_activations", [object(), object()], "inprocess", 1, False, book)
        assert exit_info.value.exit_code == 130
        saved = book.current("02_activations")
    assert [r.student_id for r in saved] == ["petrova"]
    assert (tmp_path / STORE) in Path(saved[0].source_path).parents  # beside the gradebook file
    err = capsys.readouterr().err
    assert "Прервано" in err and "1 из 2" in err and "продолжит" in err


def test_nbgrader_summary_shows_only_that_course(tmp_path, capsys):
    from report_records import ROOT as course_root

    from grader.course import load_course
    from grader.cli.grade import _print_summary

    spec = load_course(course_root).course.assignment("02")
    with Gradebook(default_url(tmp_path)) as book:
        book.save(_record("petrova"))  # graded earlier from another class folder
        book.save(replace(_record("ivanov"), student_id="alice", student_name="alice"))
        _print_summary(book, spec, only={"alice"})
    out = capsys.readouterr().out
    assert "alice" in out and "Петрова" not in out and "Студентов: 1" in out
