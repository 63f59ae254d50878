"""`nngrader feedback` and `nngrader export`: what the instructor reads and uploads after grading.

grader/cli/__init__.py mounts them with `register(app)`.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape

from ..course import CourseError, LoadedCourse, load_course
from .common import fail as _fail

console = Console()
err_console = Console(stderr=True)

EMPTY_HINT = "Сначала проверьте решения: nngrader grade ЗАДАНИЕ ПАПКА_С_РЕШЕНИЯМИ"


def _open(course_dir: Optional[Path], db: Optional[str], *, need_course: bool):
    """The course (None when optional and missing) and the gradebook; Russian errors, no empty file created."""
    from ..gradebook import Gradebook, GradebookError, default_url, sqlite_path

    loaded: LoadedCourse | None = None
    try:
        loaded = load_course(course_dir)
    except CourseError as exc:
        if need_course or db is None:
            raise _fail(str(exc)) from None
    url = db or default_url(loaded.root)  # type: ignore[union-attr]
    path = sqlite_path(url)
    if path is not None and not path.is_file():
        raise _fail(f"журнал оценок {path} не найден — решения ещё не проверялись. {EMPTY_HINT}")
    try:
        return loaded, Gradebook(url)
    except GradebookError as exc:
        raise _fail(str(exc)) from None


def _assignment_id(loaded: LoadedCourse | None, key: str | None) -> str | None:
    if key is None or loaded is None:
        return key
    try:
        return loaded.course.assignment(key).id
    except CourseError as exc:
        raise _fail(str(exc)) from None


def feedback_command(
    assignment: str = typer.Argument(..., help="задание: id (02_activations), номер (2) или модуль (activations)"),
    out: Path = typer.Option(..., "--out", "-o", help="каталог для отзывов: по файлу на студента и index"),
    fmt: str = typer.Option("md", "--format", "-f", help="md (Markdown) или html (удобно читать с телефона)"),
    db: Optional[str] = typer.Option(None, "--db", help="журнал оценок: URL SQLAlchemy (по умолчанию gradebook.sqlite в каталоге курса)"),
    course_dir: Optional[Path] = typer.Option(None, "--course", help="каталог курса с course.yaml (по умолчанию ищется от текущего каталога вверх)"),
) -> None:
    """Написать отзывы студентам по заданию: баллы по функциям, что не так и подсказки."""
    from ..feedback import FORMATS, FeedbackError, write_feedback

    if fmt not in FORMATS:
        raise _fail(f"неизвестный формат «{fmt}»: используйте --format md или --format html")
    loaded, gradebook = _open(course_dir, db, need_course=True)
    with gradebook:
        try:
            paths = write_feedback(gradebook, loaded, assignment, out, fmt)
        except (FeedbackError, CourseError) as exc:
            raise _fail(str(exc)) from None
    console.print(f"Отзывов написано: {len(paths) - 1}; сводка для преподавателя: {paths[-1]}", highlight=False)


def _roster(path: Optional[Path]) -> dict[str, str] | None:
    """Student id -> full name from a roster CSV (columns id and name, however spelled)."""
    if path is None:
        return None
    from ..quiz.roster import RosterError, read_roster

    try:
        return {s.id: s.name for s in read_roster(path)}
    except RosterError as exc:
        raise _fail(str(exc)) from None


def export_command(
    fmt: str = typer.Option("xlsx", "--format", "-f",
                            help="xlsx (Excel, по умолчанию) | csv (для скриптов) | json | gradescope | moodle | "
                                 "moodle-feedback (архив файлов отзывов для Moodle)"),
    assignment: Optional[str] = typer.Option(None, "--assignment", "-a", help="только это задание (для gradescope, "
                                             "moodle-feedback и --worksheet обязательно)"),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="файл (или каталог для gradescope по всем студентам); по умолчанию — имя по формату в текущем каталоге"),
    student: Optional[str] = typer.Option(None, "--student", "-s", help="gradescope: один студент → один results.json"),
    sep: str = typer.Option(",", "--sep", help="csv: разделитель; для Excel лучше --format xlsx"),
    roster: Optional[Path] = typer.Option(
        None, "--roster", help="xlsx/csv: список группы (CSV с колонками id и name) — имена из него, "
        "и в таблице все студенты, даже не сдавшие (пустые клетки)", exists=True, dir_okay=False),
    worksheet: Optional[Path] = typer.Option(
        None, "--worksheet", help="moodle: скачанная из задания ведомость оценок — заполнить её колонки оценки и "
        "отзыва; moodle-feedback: сопоставить студентов участникам задания", exists=True, dir_okay=False),
    comments: bool = typer.Option(True, "--comments/--no-comments",
                                  help="moodle --worksheet: вписать отзыв в колонку «Отзыв в виде комментария»"),
    db: Optional[str] = typer.Option(None, "--db", help="журнал оценок: URL SQLAlchemy (по умолчанию gradebook.sqlite в каталоге курса)"),
    course_dir: Optional[Path] = typer.Option(None, "--course", help="каталог курса с course.yaml (по умолчанию ищется от текущего каталога вверх)"),
) -> None:
    """Выгрузить оценки: таблица Excel (.xlsx), CSV, полный JSON, results.json для Gradescope, CSV и отзывы для Moodle."""
    from ..export import FORMATS, ExportError
    from ..feedback import atomic_write

    if fmt not in FORMATS:
        raise _fail(f"неизвестный формат «{fmt}»: используйте {', '.join(FORMATS)}")
    if len(sep) != 1:
        raise _fail("--sep: нужен один символ, например «,» или «;»")
    names = _roster(roster)
    loaded, gradebook = _open(course_dir, db, need_course=False)
    key = _assignment_id(loaded, assignment)
    notes: list[str] = []
    with gradebook:
        try:
            if fmt == "gradescope":
                _export_gradescope(gradebook, loaded, key, student, out)
                return
            data, default = _export_data(fmt, gradebook, loaded, key, names, worksheet, comments, sep, notes)
        except ExportError as exc:
            raise _fail(str(exc)) from None
    target = out or Path(default)
    if target.is_dir():
        target = target / default
    if isinstance(data, bytes):
        atomic_write_bytes(target, data)
    else:
        atomic_write(target, data)
    for note in notes:
        err_console.print(f"[yellow]Внимание:[/] {escape(note)}", highlight=False)
    console.print(f"Записано: {target}", highlight=False)
    _export_advice(fmt, worksheet, data)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    import os
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _export_data(fmt, gradebook, loaded, key, names, worksheet, comments, sep, notes) -> tuple[str | bytes, str]:
    from ..export import (export_csv, export_json, export_moodle, export_xlsx, feedback_comment,
                         feedback_files_zip, fill_moodle_worksheet)

    suffix = f"_{key}" if key else ""
    if fmt == "xlsx":
        return export_xlsx(gradebook, loaded, key, roster=names), f"оценки{suffix}.xlsx"
    if fmt == "csv":
        return export_csv(gradebook, loaded, key, delimiter=sep, roster=names), "grades.csv"
    if fmt == "json":
        return json.dumps(export_json(gradebook, loaded, key), ensure_ascii=False, indent=2) + "\n", "gradebook.json"
    if fmt == "moodle-feedback":
        if key is None:
            raise _fail("для --format moodle-feedback укажите задание: --assignment 02_activations")
        result = feedback_files_zip(gradebook, loaded, key,
                                    worksheet=worksheet.read_text(encoding="utf-8-sig") if worksheet else None)
        notes += result.notes
        console.print(f"Отзывов в архиве: {result.students}", highlight=False)
        return result.data, f"отзывы_{key}.zip"
    if worksheet is not None:  # moodle
        if key is None:
            raise _fail("для --worksheet укажите задание: --assignment 02_activations")
        spec = loaded.course.assignment(key) if loaded is not None else None
        comment = (lambda record: feedback_comment(record, spec)) if comments else None
        text, filled = fill_moodle_worksheet(gradebook, key, worksheet.read_text(encoding="utf-8-sig"),
                                             comment=comment, notes=notes)
        console.print(f"Оценок вписано в ведомость: {filled}", highlight=False)
        return text, worksheet.with_name(worksheet.stem + "_nngrader.csv").name
    if all(s.id.isdigit() for s in gradebook.students()):
        err_console.print(
            "[yellow]Внимание:[/] все ID студентов — числа; если решения взяты из архива Moodle "
            "«Скачать все ответы», это номера участников задания, а не ID number пользователей. "
            "Тогда скачайте из задания ведомость оценок и заполните её: --worksheet ФАЙЛ.csv", highlight=False)
    return export_moodle(gradebook, loaded, key), "moodle_grades.csv"


def _export_advice(fmt: str, worksheet: Optional[Path], data) -> None:
    say = lambda text: console.print(text, highlight=False)  # noqa: E731
    if fmt == "moodle" and worksheet is not None:
        say("Загрузите файл в Moodle: Задание → Просмотр всех ответов → Действие оценивания → "
            "Загрузить ведомость оценок (отметьте «Разрешить обновление записей, которые были изменены "
            "в Moodle позже, чем в электронной таблице», если оценки уже ставились).")
    elif fmt == "moodle":
        ident = data.split(",", 1)[0]
        say(f"Импорт в Moodle: Журнал оценок → Импорт → CSV-файл. Идентификация пользователя: "
            f"«Map from» = «{ident}», «Map to» = {'useremail' if ident.startswith('Email') else 'useridnumber'} "
            "(у студентов в профиле должен быть заполнен этот идентификатор); колонки заданий сопоставьте "
            "с элементами оценивания или выберите «новый элемент оценивания».")
    elif fmt == "moodle-feedback":
        say("Загрузите архив в Moodle: Задание → Просмотр всех ответов → Действие оценивания → "
            "«Загрузить несколько файлов отзывов в zip-архиве» (в настройках задания должен быть включён "
            "тип отзыва «Файлы отзывов»).")


def _export_gradescope(gradebook, loaded: LoadedCourse | None, key: str | None,
                       student: Optional[str], out: Optional[Path]) -> None:
    from ..export import gradescope_results
    from ..feedback import atomic_write, safe_stem

    if key is None:
        raise _fail("для --format gradescope укажите задание: --assignment 02_activations")
    records = gradebook.current(key)
    if not records:
        raise _fail(f"в журнале оценок нет решений задания {key}. {EMPTY_HINT}")
    spec = loaded.course.assignment(key) if loaded is not None else None
    if student is not None:
        records = [r for r in records if r.student_id == student]
        if not records:
            raise _fail(f"у студента «{student}» нет проверенного решения задания {key}")
    single = student is not None or (out is not None and out.suffix == ".json")
    if single:
        if len(records) != 1:
            raise _fail(f"решений задания {key} несколько ({len(records)}): укажите --student "
                        "или --out КАТАЛОГ для файла на каждого студента")
        target = out or Path("results.json")
        if target.is_dir():
            target = target / "results.json"
        atomic_write(target, json.dumps(gradescope_results(records[0], spec), ensure_ascii=False, indent=2) + "\n")
        console.print(f"Записано: {target}", highlight=False)
        return
    folder = out or Path("gradescope")
    for r in records:
        atomic_write(folder / safe_stem(r.student_id) / "results.json",
                     json.dumps(gradescope_results(r, spec), ensure_ascii=False, indent=2) + "\n")
    console.print(f"Записано results.json: {len(records)} — в {folder}/<студент>/results.json", highlight=False)


def register(app: typer.Typer) -> None:
    """Add `feedback`, `export` and `history` to the nngrader app."""
    from .history import register as register_history

    app.command("feedback")(feedback_command)
    app.command("export")(export_command)
    register_history(app)
