"""`nngrader grade ASSIGNMENT PATH`: the instructor's weekly job."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..course import CourseError, load_course
from ..gradebook import Gradebook, GradebookError, default_url, summarize
from ..sandbox.launcher import IsolationError
from ..sandbox.levels import choose_level
from ..submission import SubmissionError
from .discover import discover
from .identity import content_hash
from .parallel import default_jobs, grade_in_parallel

console = Console()


def _fail(message: str, code: int = 2) -> None:
    Console(stderr=True).print(f"[bold red]Ошибка:[/] {message}", highlight=False)
    raise typer.Exit(code)


def grade_command(
    assignment: str = typer.Argument(..., help="задание: id (02_activations), номер (2) или модуль"),
    path: Path = typer.Argument(..., help="решение или папка класса (<студент>/…, nbgrader submitted/, архив Moodle)"),
    jobs: int = typer.Option(0, "--jobs", "-j", help="параллельных процессов (0 — по числу ядер)"),
    force: bool = typer.Option(False, "--force", help="перепроверить и неизменившиеся решения"),
    db: Optional[str] = typer.Option(None, "--db", help="SQLAlchemy URL журнала (по умолчанию gradebook.sqlite курса)"),
    require_isolation: Optional[str] = typer.Option(None, "--require-isolation",
                                                    help="full — отказаться проверять без полной песочницы"),
    no_hints: bool = typer.Option(False, "--no-hints", help="не подбирать подсказки по типичным ошибкам"),
    course_dir: Optional[Path] = typer.Option(None, "--course", help="каталог курса с course.yaml"),
) -> None:
    """Проверить решения класса в песочнице, записать в журнал и показать сводку."""
    try:
        loaded = load_course(course_dir)
        target = loaded.course.assignment(assignment)
    except CourseError as exc:
        _fail(str(exc))
    try:
        level, reason = choose_level(require_isolation)
    except IsolationError as exc:
        _fail(str(exc), 3)
    if level != "full":
        console.print(f"[yellow]Внимание: изоляция неполная ({level}): {reason}[/]")
    try:
        candidates = discover(path, target)
    except SubmissionError as exc:
        _fail(str(exc))
    if not candidates:
        _fail(f"в {path} не найдено ни одного решения задания {target.id}")
    try:
        gradebook = Gradebook(db or default_url(loaded.root))
    except GradebookError as exc:
        _fail(str(exc))
    with gradebook:
        known = {} if force else gradebook.known_hashes(target.id)
        todo = [c for c in candidates if known.get(c.student_id) != content_hash(c.path)]
        skipped = len(candidates) - len(todo)
        console.print(f"{target.id}: решений {len(candidates)}, к проверке {len(todo)}"
                      + (f", без изменений {skipped} (--force — перепроверить)" if skipped else "")
                      + f"; изоляция: {level}")
        started = time.monotonic()
        graded = _run(loaded.root, target.id, todo, level, jobs or default_jobs(), not no_hints, gradebook)
        elapsed = time.monotonic() - started
        if graded:
            console.print(f"Проверено {graded} за {elapsed:.1f} с ({graded / max(elapsed, 1e-9):.1f} решений/с)")
        _print_summary(gradebook, target)


def _run(course_root: Path, assignment_id: str, todo, level: str, jobs: int, hints: bool, gradebook) -> int:
    if not todo:
        return 0
    columns = (TextColumn("[bold]Проверка"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
               TextColumn("{task.description}"))
    done = 0
    with Progress(*columns, console=console, transient=False) as progress:
        task = progress.add_task("", total=len(todo))
        for record in grade_in_parallel(course_root, assignment_id, todo, level=level, jobs=jobs, hints=hints):
            gradebook.save(record)  # one transaction per submission: a crash loses nothing finished
            done += 1
            progress.update(task, advance=1, description=f"{record.student_name}: {record.score:g}")
    return done


def _print_summary(gradebook, assignment) -> None:
    records = gradebook.current(assignment.id)
    summary = summarize(assignment.id, records)
    table = Table(title=f"{assignment.id} — {assignment.title}: сводка", title_justify="left")
    table.add_column("студент")
    table.add_column("баллы", justify="right")
    table.add_column("статус")
    table.add_column("не прошли функции", overflow="fold")
    for record in sorted(records, key=lambda r: r.student_name):
        failed = sorted({o.function or "—" for o in record.outcomes if not o.passed})
        status = {"graded": "проверено", "load_error": "не загружается", "error": "ошибка"}.get(record.status,
                                                                                                  record.status)
        late = f" (опоздание {record.late_days} дн., −{record.penalty_percent:g}%)" if record.late_days else ""
        table.add_row(record.student_name, f"{record.score:g}/{record.max_score:g}", status + late,
                      record.message if record.status != "graded" else ", ".join(failed))
    console.print(table)
    if summary.count:
        console.print(f"Студентов: {summary.count}; средний балл {summary.mean:.1f}, медиана {summary.median:.1f}"
                      + (f"; опоздали: {summary.late}" if summary.late else ""))
        if summary.failures:
            console.print("Ошибки по функциям: " + ", ".join(f"{k} — {v}" for k, v in summary.failures.items()))
