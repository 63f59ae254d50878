"""`nngrader history STUDENT`: every attempt of one student — score, status, the graded copy and its feedback.

Feedback pages are written on demand next to the stored copies (beside the
gradebook: `<course>/.nngrader/feedback/<student>/<assignment>-<attempt>.html`), so a
link printed here stays valid after the grading command's temporary folders are gone.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from .common import fail as _fail

console = Console()
FEEDBACK_STORE = Path(".nngrader") / "feedback"
STATUS = {"graded": "проверено", "load_error": "не загружается", "error": "ошибка проверки"}


def find_student(gradebook, key: str) -> str:
    """A student id from an id or (part of) a name; a Russian error when none or several match."""
    students = gradebook.students()
    if any(s.id == key for s in students):
        return key
    wanted = key.casefold()
    matches = [s for s in students if wanted in s.name.casefold() or wanted in s.id.casefold()]
    if len(matches) == 1:
        return matches[0].id
    if not matches:
        raise _fail(f"в журнале оценок нет студента «{key}» (ни по ID, ни по имени)")
    listed = ", ".join(f"{s.name} ({s.id})" for s in matches[:10])
    raise _fail(f"«{key}» подходит нескольким студентам: {listed}. Укажите ID")


def _when(value) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value is not None else "—"


def history_command(
    student: str = typer.Argument(..., help="студент: ID или часть имени"),
    assignment: Optional[str] = typer.Option(None, "--assignment", "-a", help="только это задание"),
    no_feedback: bool = typer.Option(False, "--no-feedback", help="не писать страницы отзывов"),
    db: Optional[str] = typer.Option(None, "--db", help="журнал оценок: URL SQLAlchemy (по умолчанию gradebook.sqlite в каталоге курса)"),
    course_dir: Optional[Path] = typer.Option(None, "--course", help="каталог курса с course.yaml (по умолчанию ищется от текущего каталога вверх)"),
) -> None:
    """История студента: каждая сданная попытка — когда, сколько баллов, что проверялось и ссылка на отзыв."""
    from ..feedback import atomic_write, render_feedback, safe_stem
    from .outputs import _assignment_id, _open

    loaded, gradebook = _open(course_dir, db, need_course=False)
    key = _assignment_id(loaded, assignment)
    with gradebook:
        student_id = find_student(gradebook, student)
        attempts = gradebook.submissions(key, student_id)
    if not attempts:
        raise _fail(f"у студента {student_id} нет проверенных решений" + (f" задания {key}" if key else ""))
    from ..gradebook.copies import storage_base

    store = storage_base(gradebook.url, loaded.root if loaded else None) / FEEDBACK_STORE / safe_stem(student_id)
    name = attempts[-1].record.student_name or student_id
    table = Table(title=f"{name} ({student_id}): попыток {len(attempts)}", title_justify="left")
    for column in ("задание", "№", "сдано", "проверено", "баллы", "статус", "решение", "отзыв"):
        table.add_column(column, overflow="fold")
    number: dict[str, int] = {}
    for stored in attempts:
        r = stored.record
        number[r.assignment_id] = number.get(r.assignment_id, 0) + 1
        spec = None
        if loaded is not None:
            try:
                spec = loaded.course.assignment(r.assignment_id)
            except Exception:  # noqa: BLE001 - an assignment since removed from course.yaml
                spec = None
        link = "—"
        if not no_feedback:
            page = store / f"{safe_stem(r.assignment_id)}-{stored.id}.html"
            atomic_write(page, render_feedback(r, spec, "html"))
            link = page.resolve().as_uri()
        source = Path(r.source_path)
        kept = r.source_path if source.exists() else f"{r.source_path} (файла больше нет)"
        status = STATUS.get(r.status, r.status)
        if r.late_days:
            status += f", опоздание {r.late_days} дн. (−{r.penalty_percent:g}%)"
        score = f"{r.score:g}/{r.max_score:g}" + (" ← текущая" if stored.is_current else "")
        table.add_row(r.assignment_id, str(number[r.assignment_id]), _when(r.submitted_at), _when(r.graded_at),
                      score, status, escape(kept), link)
    console.print(table)
    if not no_feedback:
        console.print(f"Отзывы каждой попытки: {store}", highlight=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    app.command("history")(history_command)
