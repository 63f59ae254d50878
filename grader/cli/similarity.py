"""`nngrader similarity ASSIGNMENT PATH|--gradebook [--out DIR]`; grader/cli/__init__.py mounts it with `register(app)`."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..course import CourseError, load_course
from ..similarity.score import DEFAULT_THRESHOLD
from .common import fail as _fail

console = Console()
err_console = Console(stderr=True)


def similarity_command(
    assignment: str = typer.Argument(..., help="задание: id (02_activations), номер (2) или модуль (activations)"),
    path: Optional[Path] = typer.Argument(None, help="папка класса, архив Moodle или submitted/ nbgrader"),
    from_gradebook: bool = typer.Option(False, "--gradebook", help="взять текущие решения из журнала оценок"),
    db: Optional[str] = typer.Option(None, "--db", help="SQLAlchemy URL журнала (по умолчанию gradebook.sqlite курса)"),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="каталог для pairs.csv, clusters.csv и отчёта HTML"),
    threshold: float = typer.Option(DEFAULT_THRESHOLD, "--threshold", min=0.0, max=1.0,
                                    help="похожесть, с которой пара связывает решения в группу"),
    top: int = typer.Option(50, "--top", min=0, help="сколько самых похожих пар показать в отчёте со сравнением кода"),
    common_share: float = typer.Option(0.5, "--common", min=0.0, max=1.0,
                                       help="доля класса, начиная с которой общий фрагмент считается общеизвестным"),
    keep_reference: bool = typer.Option(False, "--keep-reference",
                                        help="не вычитать эталонное решение (если боитесь, что оно утекло к студентам)"),
    jobs: int = typer.Option(0, "--jobs", "-j", help="процессов для разбора (0 — по числу ядер)"),
    course_dir: Optional[Path] = typer.Option(None, "--course", help="каталог курса с course.yaml"),
) -> None:
    """Найти похожие решения задания: попарно, по функциям и целиком, без учёта заготовки и эталона."""
    from ..similarity.pipeline import run
    from ..similarity.report import write_report
    from ..similarity.score import clusters
    from ..similarity.sources import base_texts, from_folder, from_gradebook as gradebook_sources
    from ..similarity.fingerprint import K, W
    from ..similarity.score import FILE_FLOOR, FUNCTION_FLOOR

    if (path is None) == (not from_gradebook):
        raise _fail("укажите либо папку с решениями, либо --gradebook (одно из двух)")
    try:
        loaded = load_course(course_dir)
        target = loaded.course.assignment(assignment)
    except CourseError as exc:
        raise _fail(str(exc)) from None
    started = time.perf_counter()
    if from_gradebook:
        from ..gradebook import Gradebook, GradebookError, default_url, sqlite_path
        url = db or default_url(loaded.root)
        stored = sqlite_path(url)
        if stored is not None and not stored.is_file():
            raise _fail(f"журнал оценок {stored} не найден — сначала: nngrader grade {target.id} ПАПКА")
        try:
            with Gradebook(url) as gradebook:
                sources, unreadable = gradebook_sources(gradebook, target)
        except GradebookError as exc:
            raise _fail(str(exc)) from None
    else:
        from ..submission import SubmissionError
        try:
            sources, unreadable = from_folder(path, target)
        except SubmissionError as exc:
            raise _fail(str(exc)) from None
    if len(sources) < 2:
        raise _fail(f"для сравнения нужно хотя бы два читаемых решения задания {target.id}, найдено {len(sources)}")
    functions = list(target.functions)
    base = [text for _, text in base_texts(loaded, target, reference=not keep_reference)]
    analysis = run(sources, base, functions, jobs=jobs or None, common_share=common_share)
    groups = clusters(analysis, threshold)
    elapsed = time.perf_counter() - started

    n = len(analysis.documents)
    console.print(f"[bold]{target.id} — {target.title}[/]: решений {n}, пар {n * (n - 1) // 2}, "
                  f"{elapsed:.1f} с", highlight=False)
    if not analysis.file_scores.any():
        console.print("Ни у одной пары нет общей нетривиальной структуры сверх заготовки, условия и эталона.")
    table = Table(title="Самые похожие пары", title_justify="left")
    for column in ("№", "студент А", "студент Б", "похожесть", "похожих функций (≥ 0.5)"):
        table.add_column(column)
    from ..similarity.report import pair_rows
    for row in pair_rows(analysis, 10):
        if row["score"] <= 0:
            break
        both = [v for v in row["functions"].values() if v is not None]
        high = sum(v >= 0.5 for v in both)
        table.add_row(str(row["rank"]), row["a"].student_id, row["b"].student_id, f"{row['score']:.2f}",
                      f"{high} из {len(both)}")
    if analysis.file_scores.any():
        console.print(table)
    for number, members in enumerate(groups, start=1):
        names = ", ".join(analysis.documents[m].source.student_id for m in members)
        console.print(f"Группа {number} ({len(members)} реш.): {names}", highlight=False)
    for problem in [*unreadable, *analysis.not_parsed]:
        student, reason = (problem.student_id, problem.reason) if hasattr(problem, "reason") else \
            (problem[0].student_id, problem[1])
        err_console.print(f"[yellow]Не сравнивалось[/] {escape(student)}: {escape(reason)}", highlight=False)
    console.print("[dim]Похожесть — повод прочитать два решения, а не доказательство списывания.[/]")
    if out is not None:
        settings = {"k": K, "w": W, "file_floor": FILE_FLOOR, "function_floor": FUNCTION_FLOOR,
                    "common_share_percent": round(common_share * 100), "reference": not keep_reference}
        write_report(analysis, out, title=f"{target.id} — {target.title}", threshold=threshold, top=top,
                     groups=groups, unreadable=unreadable, settings=settings)
        console.print(f"Отчёт: {out / 'index.html'}; все пары: {out / 'pairs.csv'}; группы: {out / 'clusters.csv'}",
                      highlight=False)


def register(app: typer.Typer) -> None:
    app.command("similarity")(similarity_command)
