"""`nngrader check` (the student's self-check) and `nngrader release` (the instructor's student bundle).

grader/cli/__init__.py mounts them with `register(app)`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

console = Console()
err_console = Console(stderr=True)


def _fail(message: str, code: int = 2) -> typer.Exit:
    err_console.print(f"[bold red]Ошибка:[/] {escape(message)}", highlight=False)
    return typer.Exit(code)


# ---------------------------------------------------------------- check

def check_command(
    file: Path = typer.Argument(..., help="ваше решение: .py, .ipynb, папка или .zip"),
    assignment: Optional[str] = typer.Option(
        None, "--assignment", "-a", help="задание (02_activations, 2 или activations), если оно не определилось "
        "по имени файла"),
) -> None:
    """Самопроверка: публичные тесты задания на вашем файле или блокноте, итог по каждой функции."""
    from ..selfcheck.run import check_file
    from ..selfcheck.target import SelfCheckError

    if not file.exists():
        raise _fail(f"файл {file} не найден")
    try:
        summary = check_file(file, assignment)
    except SelfCheckError as exc:
        raise _fail(str(exc)) from None
    print_summary(summary)
    raise typer.Exit(0 if summary.ok else 1)


def print_summary(summary) -> None:
    say = lambda text, style=None: console.print(text, style=style, markup=False, highlight=False)  # noqa: E731
    say(f"Самопроверка: {summary.assignment_id} — {summary.title}", "bold")
    for note in summary.notes:
        say(f"  {note}", "dim")
    if summary.error or summary.load_error:
        say(summary.headline, "bold red")
        return
    table = Table(show_header=True, header_style="bold", box=None, padding=(0, 2))
    table.add_column("")
    table.add_column("функция")
    table.add_column("тесты", justify="right")
    for f in summary.functions:
        style = "green" if f.ok else "red"
        table.add_row("✓" if f.ok else "✗", f.name, f.status, style=style)
    console.print(table)
    for f in summary.functions:
        for failure in ([] if f.not_implemented else f.failures):
            more = f" (и ещё тестов: {failure.count - 1})" if failure.count > 1 else ""
            say(f"✗ {f.name} — {failure.title}{more}: {failure.message}", "red")
            for line in failure.details:
                say(f"    {line}")
    say(summary.headline, "bold green" if summary.ok else "bold red")
    say("Публичные тесты — лишь несколько примеров: итоговую оценку ставят скрытые тесты.", "dim")


# ---------------------------------------------------------------- release

def release_command(
    assignment: str = typer.Argument(..., help="задание: id (02_activations), номер (2), модуль или all — все"),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="каталог выдачи: задание появится в DIR/<id>/"),
    fmt: str = typer.Option("both", "--format", "-f",
                            help="py, ipynb или both — заготовка файлом, блокнотом или обоими"),
    nbgrader: Optional[Path] = typer.Option(
        None, "--nbgrader", help="каталог курса nbgrader: записать задание в его source/<id>/ с разметкой nbgrader"),
    force: bool = typer.Option(False, "--force", help="писать и в непустой каталог, не похожий на прежнюю выдачу"),
    wheel: bool = typer.Option(True, "--wheel/--no-wheel",
                               help="положить в выдачу движок курса (.whl), чтобы студенту не нужен был каталог пакетов"),
    course_dir: Optional[Path] = typer.Option(None, "--course", help="каталог курса с course.yaml (по умолчанию ищется "
                                              "от текущего каталога вверх)"),
) -> None:
    """Выдать задание студентам: условие, заготовку (.py и/или .ipynb), публичные тесты и вопросы для самопроверки.

    Ни скрытых тестов, ни эталона, ни мутантов в выдаче нет: каждый файл проверяется перед записью.
    """
    from ..course import CourseError, load_course
    from ..release import FORMATS, ReleaseError, release_bundle

    if out is None and nbgrader is None:
        raise _fail("укажите, куда выдать: --out КАТАЛОГ (пакет для студентов) и/или --nbgrader КАТАЛОГ_КУРСА")
    if fmt not in FORMATS:
        raise _fail(f"неизвестный формат «{fmt}»: используйте py, ipynb или both")
    try:
        loaded = load_course(course_dir)
        every = assignment.lower() in ("all", "все")
        targets = loaded.course.assignments if every else [loaded.course.assignment(assignment)]
    except CourseError as exc:
        raise _fail(str(exc)) from None
    for target in targets:
        try:
            if out is not None:
                notes: list[str] = []
                folder = release_bundle(loaded, target, out, fmt, force=force, wheel=wheel, notes=notes)
                for note in notes:
                    err_console.print(f"[yellow]Внимание:[/] {escape(note)}", highlight=False)
                files = ", ".join(sorted(p.name for p in folder.iterdir()))
                console.print(f"{target.id}: выдача в {folder} ({files})", highlight=False, markup=False,
                              soft_wrap=True)
            if nbgrader is not None:
                _release_nbgrader(loaded, target, nbgrader)
        except ReleaseError as exc:
            raise _fail(f"{target.id}: {exc}") from None


def _release_nbgrader(loaded, target, course: Path) -> None:
    from ..nbgrader_interop import NbgraderError, release_to_nbgrader
    from ..release import ReleaseError

    try:
        result = release_to_nbgrader(loaded, target, course)
    except NbgraderError as exc:
        raise ReleaseError(str(exc)) from None
    for line in result.lines(target.id):
        console.print(line, highlight=False, markup=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    """Add `check` and `release` to the nngrader app."""
    app.command("check")(check_command)
    app.command("release")(release_command)
