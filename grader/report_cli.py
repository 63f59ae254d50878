"""`nngrader feedback` and `nngrader export`: what the instructor reads and uploads after grading.

grader/cli.py mounts them with `register(app)`.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape

from .course import CourseError, LoadedCourse, load_course

console = Console()
err_console = Console(stderr=True)

EMPTY_HINT = "Сначала проверьте решения: nngrader grade ЗАДАНИЕ ПАПКА_С_РЕШЕНИЯМИ"


def _fail(message: str, code: int = 2) -> typer.Exit:
    err_console.print(f"[bold red]Ошибка:[/] {escape(message)}", highlight=False)
    return typer.Exit(code)


def _open(course_dir: Optional[Path], db: Optional[str], *, need_course: bool):
    """The course (None when optional and missing) and the gradebook; Russian errors, no empty file created."""
    from .gradebook import Gradebook, GradebookError, default_url, sqlite_path

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
    from .feedback import FORMATS, FeedbackError, write_feedback

    if fmt not in FORMATS:
        raise _fail(f"неизвестный формат «{fmt}»: используйте --format md или --format html")
    loaded, gradebook = _open(course_dir, db, need_course=True)
    with gradebook:
        try:
            paths = write_feedback(gradebook, loaded, assignment, out, fmt)
        except (FeedbackError, CourseError) as exc:
            raise _fail(str(exc)) from None
    console.print(f"Отзывов написано: {len(paths) - 1}; сводка для преподавателя: {paths[-1]}", highlight=False)


def export_command(
    fmt: str = typer.Option(..., "--format", "-f", help="csv | json | gradescope | moodle"),
    assignment: Optional[str] = typer.Option(None, "--assignment", "-a", help="только это задание (для gradescope обязательно)"),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="файл (или каталог для gradescope по всем студентам); по умолчанию — имя по формату в текущем каталоге"),
    student: Optional[str] = typer.Option(None, "--student", "-s", help="gradescope: один студент → один results.json"),
    sep: str = typer.Option(",", "--sep", help="csv: разделитель; «;» — для Excel с русской локалью"),
    worksheet: Optional[Path] = typer.Option(
        None, "--worksheet", help="moodle: скачанная из задания ведомость оценок — заполнить её колонку оценки "
        "(для архива «Скачать все ответы»: студенты там — номера участников)", exists=True, dir_okay=False),
    db: Optional[str] = typer.Option(None, "--db", help="журнал оценок: URL SQLAlchemy (по умолчанию gradebook.sqlite в каталоге курса)"),
    course_dir: Optional[Path] = typer.Option(None, "--course", help="каталог курса с course.yaml (по умолчанию ищется от текущего каталога вверх)"),
) -> None:
    """Выгрузить оценки: CSV для Excel, полный JSON, results.json для Gradescope или CSV для импорта в Moodle."""
    from .export import FORMATS, ExportError, export_csv, export_json, export_moodle, fill_moodle_worksheet
    from .feedback import atomic_write

    if fmt not in FORMATS:
        raise _fail(f"неизвестный формат «{fmt}»: используйте {', '.join(FORMATS)}")
    if len(sep) != 1:
        raise _fail("--sep: нужен один символ, например «,» или «;»")
    loaded, gradebook = _open(course_dir, db, need_course=False)
    key = _assignment_id(loaded, assignment)
    with gradebook:
        try:
            if fmt == "gradescope":
                _export_gradescope(gradebook, loaded, key, student, out)
                return
            if fmt == "csv":
                text, default = export_csv(gradebook, loaded, key, delimiter=sep), "grades.csv"
            elif fmt == "moodle" and worksheet is not None:
                if key is None:
                    raise _fail("для --worksheet укажите задание: --assignment 02_activations")
                text, filled = fill_moodle_worksheet(gradebook, key, worksheet.read_text(encoding="utf-8-sig"))
                default = worksheet.with_name(worksheet.stem + "_nngrader.csv").name
                console.print(f"Оценок вписано в ведомость: {filled}", highlight=False)
            elif fmt == "moodle":
                text, default = export_moodle(gradebook, loaded, key), "moodle_grades.csv"
                if all(s.id.isdigit() for s in gradebook.students()):
                    err_console.print(
                        "[yellow]Внимание:[/] все ID студентов — числа; если решения взяты из архива Moodle "
                        "«Скачать все ответы», это номера участников задания, а не ID number пользователей. "
                        "Тогда скачайте из задания ведомость оценок и заполните её: --worksheet ФАЙЛ.csv", highlight=False)
            else:
                data = export_json(gradebook, loaded, key)
                text, default = json.dumps(data, ensure_ascii=False, indent=2) + "\n", "gradebook.json"
        except ExportError as exc:
            raise _fail(str(exc)) from None
    target = out or Path(default)
    if target.is_dir():
        target = target / default
    atomic_write(target, text)
    console.print(f"Записано: {target}", highlight=False)
    if fmt == "moodle" and worksheet is not None:
        console.print("Загрузите файл в Moodle: Задание → Просмотр всех ответов → Действие оценивания → "
                      "Загрузить ведомость оценок.", highlight=False)
    elif fmt == "moodle":
        ident = text.split(",", 1)[0]
        console.print(f"Импорт в Moodle: Журнал оценок → Импорт → CSV-файл. Идентификация пользователя: "
                      f"«Map from» = «{ident}», «Map to» = {'useremail' if ident.startswith('Email') else 'useridnumber'} "
                      "(у студентов в профиле должен быть заполнен этот идентификатор); колонки заданий сопоставьте "
                      "с элементами оценивания или выберите «новый элемент оценивания».", highlight=False)


def _export_gradescope(gradebook, loaded: LoadedCourse | None, key: str | None,
                       student: Optional[str], out: Optional[Path]) -> None:
    from .export import gradescope_results
    from .feedback import atomic_write, safe_stem

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
    """Add `feedback` and `export` to the nngrader app."""
    app.command("feedback")(feedback_command)
    app.command("export")(export_command)
