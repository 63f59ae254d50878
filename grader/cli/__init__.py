"""The `nngrader` command line: one verb per job an instructor or a student does."""
from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from .common import fail
from .russian import install as _russian_cli
from ..course import CourseError, LoadedCourse, load_course

_russian_cli()  # usage errors, help headings and --help in Russian
app = typer.Typer(
    help="nngrader — курс по нейросетям на NumPy и автогрейдер для него.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
console = Console()
err_console = Console(stderr=True)

CourseOption = typer.Option(None, "--course", help="каталог курса с course.yaml (по умолчанию ищется от текущего каталога вверх)")


def _course(course_dir: Optional[Path]) -> LoadedCourse:
    try:
        return load_course(course_dir)
    except CourseError as exc:
        raise fail(str(exc)) from None


@app.command()
def validate(
    course_dir: Optional[Path] = CourseOption,
    assignments: Optional[list[str]] = typer.Argument(None, help="проверить только эти задания (id, номер или модуль)"),
    quick: bool = typer.Option(False, "--quick", help="только course.yaml и сигнатуры, без запуска тестов"),
    in_process: bool = typer.Option(False, "--in-process",
                                    help="для отладки тестов: эталон, заготовку и мутантов запускать без песочницы"),
) -> None:
    """Проверить курс: course.yaml, сигнатуры эталона, тесты, правила условия, заготовки, мутанты и их подсказки."""
    from ..sandbox.levels import choose_level
    from ..validate import count_mutants, total_hint_stats, validate_assignment

    loaded = _course(course_dir)
    level = "inprocess" if in_process else choose_level()[0]
    course = loaded.course
    console.print(f"[bold]{course.title}[/] — course.yaml в порядке: заданий {len(course.assignments)}, "
                  f"тестов по теории {len(course.quizzes)}")
    targets = [course.assignment(a) for a in assignments] if assignments else course.assignments
    all_ok = True
    reports = []
    with console.status("Проверяю задания…") as status:
        for a in targets:
            status.update(f"Проверяю {a.id}…")
            report = validate_assignment(loaded, a, suites=not quick, isolation=level)
            reports.append(report)
            all_ok &= report.ok
            table = Table(title=f"{a.id} — {a.title}", title_justify="left", show_lines=False)
            table.add_column("проверка")
            table.add_column("итог", justify="center")
            table.add_column("подробности", overflow="fold")
            for check in report.checks:
                verdict = ("[yellow]внимание[/]" if check.warning else "[green]да[/]") if check.ok else "[red]НЕТ[/]"
                table.add_row(check.name, verdict, check.detail)
            console.print(table)
    if not quick:
        hints = total_hint_stats(reports)
        console.print(f"Подсказки мутантов ({', '.join(a.id for a in targets)}): {hints.summary()}", highlight=False)
    if not quick and not assignments:
        total = count_mutants(loaded)
        console.print(f"Мутантов в курсе: {total}")
    if all_ok:
        console.print("[bold green]Курс корректен.[/]")
    else:
        console.print("[bold red]Есть ошибки — см. строки «НЕТ» выше.[/]")
        raise typer.Exit(1)


@app.command("test")
def test_command(
    assignment: str = typer.Argument(..., help="задание: id (02_activations), номер (2) или модуль (activations)"),
    file: Path = typer.Argument(..., help="решение: .py, .ipynb, папка или .zip", exists=True),
    public: bool = typer.Option(False, "--public", help="запустить публичные тесты вместо скрытых"),
    as_json: bool = typer.Option(False, "--json", help="вывести JSON: одна запись на тест"),
    require_isolation: Optional[str] = typer.Option(
        None, "--require-isolation", help="full — отказаться проверять без полной песочницы (bubblewrap)"),
    in_process: bool = typer.Option(False, "--in-process", help="для отладки: выполнить решение без песочницы"),
    course_dir: Optional[Path] = CourseOption,
) -> None:
    """Прогнать скрытые (или публичные) тесты задания на одном файле (.py, .ipynb, папка, .zip) в песочнице."""
    from ..harness.runner import HarnessError, run_tests
    from ..sandbox.launcher import IsolationError
    from ..sandbox.levels import choose_level

    loaded = _course(course_dir)
    try:
        a = loaded.course.assignment(assignment)
    except CourseError as exc:
        err_console.print(f"[bold red]Ошибка:[/] {exc}")
        raise typer.Exit(2) from None
    tests = loaded.public_tests(a) if public else loaded.hidden_tests(a)
    if not tests.exists():
        err_console.print(f"[bold red]Ошибка:[/] нет файла тестов {tests}")
        raise typer.Exit(2)
    try:
        level, reason = ("inprocess", "решение выполняется в этом процессе (--in-process)") if in_process \
            else choose_level(require_isolation)
    except IsolationError as exc:
        err_console.print(f"[bold red]Отказ:[/] {exc}")
        raise typer.Exit(3) from None
    if level != "full":
        err_console.print(f"[yellow]Внимание: изоляция неполная ({level}): {reason}[/]")
    from ..grading.batch import load_hints
    try:
        results = run_tests(tests, submission=file, isolation=level, limits=loaded.course.limits,
                            hints=None if public else load_hints(loaded, a))
    except HarnessError as exc:
        err_console.print(f"[bold red]Ошибка в тестах задания:[/] {exc}")
        raise typer.Exit(2) from None
    if as_json:
        records = [{"test": r.test_id, "function": r.function, "points": r.points, "max_points": r.max_points,
                    "passed": r.passed, "message": r.message, "isolation": level} for r in results]
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=1) + "\n")
        return
    print_scores(a, results, public=public)
    console.print(f"Уровень изоляции: {level}")


def print_scores(assignment, results, *, public: bool) -> None:
    """A per-function table, then every failed test with its Russian message."""
    by_function: dict[str, list] = defaultdict(list)
    for r in results:
        by_function[r.function or "—"].append(r)
    table = Table(title=f"{assignment.id} — {assignment.title} ({'публичные' if public else 'скрытые'} тесты)",
                  title_justify="left")
    table.add_column("функция")
    table.add_column("тесты", justify="right")
    if not public:
        table.add_column("баллы", justify="right")
    for name in [*assignment.functions, *(k for k in by_function if k not in assignment.functions)]:
        rs = by_function.get(name, [])
        passed = sum(r.passed for r in rs)
        row = [name, f"{passed}/{len(rs)}"]
        if not public:
            row.append(f"{sum(r.points for r in rs):g}/{sum(r.max_points for r in rs):g}")
        style = "green" if rs and passed == len(rs) else ("red" if not passed else "yellow")
        table.add_row(*row, style=style)
    console.print(table)
    for name, rs in by_function.items():
        failed = [r for r in rs if not r.passed]
        if not failed:
            continue
        console.print(f"[bold red]✗ {name}[/]: не пройдено {len(failed)} из {len(rs)}", highlight=False)
        shown: dict[str, int] = {}
        for r in failed:  # the same message from several cases is shown once, with a count
            shown[r.message] = shown.get(r.message, 0) + 1
        for message, count in list(shown.items())[:5]:
            console.print(f"   • {message}" + (f" [dim](×{count})[/]" if count > 1 else ""), highlight=False)
        if len(shown) > 5:
            console.print(f"   • … и ещё {len(shown) - 5} разных сообщений", highlight=False)
        hints = dict.fromkeys(h for r in failed if r.hint for h in r.hint.split("\n"))
        for hint in hints:
            console.print(f"   [yellow]Подсказка:[/] {hint}", highlight=False)
    if public:
        console.print(f"Пройдено публичных тестов: {sum(r.passed for r in results)} из {len(results)}")
    else:
        console.print(f"[bold]Итого: {sum(r.points for r in results):g} из {sum(r.max_points for r in results):g}[/]")


# Every other verb lives in its own module beside this one and registers itself here. A failing import
# must fail loudly: a command that silently disappears is worse than a traceback.
from . import grade, outputs, quiz, report, similarity, site, student  # noqa: E402

app.add_typer(quiz.quiz_app, name="quiz")
app.command("grade")(grade.grade_command)
for _module in (student, outputs, similarity, report, site):
    _module.register(app)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
