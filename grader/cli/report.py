"""`nngrader report` (class analytics as HTML + CSV) and `nngrader demo-class` (a simulated class to see it on).

grader/cli/__init__.py mounts them with `register(app)`.
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from ..course import CourseError, load_course
from .common import fail as _fail

console = Console()
err_console = Console(stderr=True)


def report_command(
    target: str = typer.Argument("all", help="задание (id, номер или модуль), id теста по теории или all — всё сразу"),
    out: Path = typer.Option(..., "--out", "-o", help="каталог для отчёта: index.html, страницы и CSV"),
    course_dir: Optional[Path] = typer.Option(None, "--course", help="каталог курса с course.yaml (по умолчанию ищется вверх)"),
    db: Optional[str] = typer.Option(None, "--db", help="URL журнала (по умолчанию sqlite:///<курс>/gradebook.sqlite)"),
) -> None:
    """Отчёт по группе: что не получилось в заданиях (с графиками) и анализ вопросов тестов, как в Moodle."""
    from ..gradebook import Gradebook, GradebookError, default_url, sqlite_path
    from ..analytics.build import build_report

    started = time.perf_counter()
    try:
        loaded = load_course(course_dir)
    except CourseError as exc:
        raise _fail(str(exc)) from None
    url = db or default_url(loaded.root)
    path = sqlite_path(url)
    if path is not None and not path.is_file():
        raise _fail(f"журнал оценок {path} не найден. Сначала проверьте решения: nngrader grade ЗАДАНИЕ ПАПКА "
                    "(или посмотрите отчёт на учебной группе: nngrader demo-class --db sqlite:///demo.sqlite)")
    course = loaded.course
    quiz_ids = [q.id for q in course.quizzes]
    if target == "all":
        assignments, quizzes = list(course.assignments), list(quiz_ids)
    elif target in quiz_ids:
        assignments, quizzes = [], [target]
    else:
        try:
            assignments, quizzes = [course.assignment(target)], []
        except CourseError:
            raise _fail(f"«{target}» — не задание и не тест по теории. Задания: "
                        f"{', '.join(a.id for a in course.assignments)}; тесты: {', '.join(quiz_ids) or 'нет'}; "
                        "или all") from None
    out.mkdir(parents=True, exist_ok=True)
    try:
        book = Gradebook(url, create=False)
    except GradebookError as exc:
        raise _fail(str(exc)) from None
    with book, console.status("Строю отчёт…") as status:
        index, pages, quiz_pages = build_report(loaded, book, out, assignments, quizzes, status.update)
    console.print(f"Отчёт: {index} — заданий {len(pages)}, тестов {len(quiz_pages)}, "
                  f"{time.perf_counter() - started:.1f} с", highlight=False)
    if not pages and not quiz_pages:
        console.print("[yellow]В журнале нет результатов по выбранным заданиям и тестам.[/]")


def demo_class_command(
    db: str = typer.Option(..., "--db", help="куда записать учебную группу, например sqlite:///demo.sqlite "
                                             "(не используйте журнал настоящего курса)"),
    students: int = typer.Option(500, "--students", min=2, max=20000, help="сколько студентов смоделировать"),
    seed: int = typer.Option(0, "--seed", help="зерно генератора: тот же seed — та же группа"),
    course_dir: Optional[Path] = typer.Option(None, "--course", help="каталог курса с course.yaml"),
) -> None:
    """Смоделировать группу (модель 2PL): решения всех заданий с подсказками и ответы на тесты — чтобы увидеть отчёт."""
    from ..gradebook import sqlite_path
    from ..analytics.simulate import demo_class

    try:
        loaded = load_course(course_dir)
    except CourseError as exc:
        raise _fail(str(exc)) from None
    path = sqlite_path(db)
    if path is not None and path.exists():
        raise _fail(f"{path} уже существует: учебная группа пишется только в новый файл, чтобы не смешаться "
                    "с настоящими оценками")
    started = time.perf_counter()
    with console.status("Моделирую группу…") as status:
        counts = demo_class(loaded, db, students=students, seed=seed,
                            progress=lambda name: status.update(f"Моделирую группу… готово: {name}"))
    console.print(f"Учебная группа из {students} студентов: решений {counts['submissions']}, попыток тестов "
                  f"{counts['quiz_attempts']} ({time.perf_counter() - started:.1f} с). Отчёт: "
                  f"nngrader report all --db {db} --out report", highlight=False)


def register(app: typer.Typer) -> None:
    app.command("report")(report_command)
    app.command("demo-class")(demo_class_command)
