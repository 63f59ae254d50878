"""`nngrader grade ASSIGNMENT PATH`: the instructor's weekly job."""
from __future__ import annotations

import time
from contextlib import contextmanager
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..course import CourseError, load_course
from ..gradebook import Gradebook, GradebookError, default_url, summarize
from ..sandbox.launcher import IsolationError
from ..sandbox.levels import choose_level, reduced_refusal
from ..submission import SubmissionError
from ..grading.discover import discover
from ..grading.identity import grading_key, student_deadline, suite_hash
from ..grading.parallel import default_jobs, grade_in_parallel
from ..grading.people import load_roster, rename_students, resolve_people
from ..grading.points_check import PointsMismatch, check_points
from ..grading.worksheet import WorksheetError, read_worksheet
from .common import fail

console = Console()


def _fail(message: str, code: int = 2) -> None:
    raise fail(message, code)


def grade_command(
    assignment: str = typer.Argument(..., help="задание: id (02_activations), номер (2), модуль или all — все задания"),
    path: Optional[Path] = typer.Argument(None, help="решение или папка класса (<студент>/…, nbgrader submitted/, "
                                                     "архив Moodle); не нужен с --nbgrader"),
    jobs: int = typer.Option(0, "--jobs", "-j", help="параллельных процессов (0 — по числу ядер)"),
    executor: str = typer.Option("local", "--executor",
                                 help="где проверять: local — здесь, --jobs процессов; dask-local[:N] — N воркеров "
                                      "Dask здесь; dask://ХОСТ:ПОРТ — кластер Dask (docs/scale.md)"),
    force: bool = typer.Option(False, "--force", help="перепроверить и неизменившиеся решения"),
    db: Optional[str] = typer.Option(None, "--db", help="SQLAlchemy URL журнала (по умолчанию gradebook.sqlite курса)"),
    require_isolation: Optional[str] = typer.Option(None, "--require-isolation",
                                                    help="full — отказаться проверять без полной песочницы"),
    allow_reduced: bool = typer.Option(False, "--allow-reduced",
                                       help="проверять и без полной песочницы (небезопасно для класса)"),
    no_hints: bool = typer.Option(False, "--no-hints", help="не подбирать подсказки по типичным ошибкам"),
    course_dir: Optional[Path] = typer.Option(None, "--course", help="каталог курса с course.yaml"),
    nbgrader: Optional[Path] = typer.Option(None, "--nbgrader",
                                            help="каталог курса nbgrader: проверить его submitted/ и записать "
                                                 "оценки в его журнал"),
    worksheet: Optional[Path] = typer.Option(None, "--worksheet",
                                             help="ведомость оценок задания из Moodle (CSV): кто есть кто (e-mail, "
                                                  "ID) и время сдачи из «Последнее изменение (ответ)»"),
) -> None:
    """Проверить решения класса в песочнице, записать в журнал и показать сводку."""
    try:
        loaded = load_course(course_dir)
        every = assignment.lower() in ("all", "все")
        targets = loaded.course.assignments if every else [loaded.course.assignment(assignment)]
    except CourseError as exc:
        _fail(str(exc))
    if worksheet is not None and every:
        _fail("ведомость Moodle относится к одному заданию: укажите задание вместо all")
    try:
        sheet = read_worksheet(worksheet, loaded.course.tz) if worksheet is not None else None
        roster = load_roster(loaded)
    except (WorksheetError, OSError) as exc:
        _fail(str(exc))
    try:
        level, reason = choose_level(require_isolation)
    except IsolationError as exc:
        _fail(str(exc), 3)
    if level != "full" and not allow_reduced:
        _fail(reduced_refusal(reason), 3)
    if level != "full":
        console.print(f"[yellow]Внимание: изоляция неполная ({level}): {reason}[/]")
    if nbgrader is not None:
        if executor != "local":
            _fail("--nbgrader проверяет только локально: уберите --executor")
        _grade_nbgrader_course(loaded, targets, nbgrader, every=every, level=level, force=force,
                               jobs=jobs or default_jobs(), hints=not no_hints, db=db)
        return
    if path is None:
        _fail("укажите решение или папку класса (или --nbgrader КАТАЛОГ_КУРСА)")
    found = {}
    for target in targets:
        try:
            found[target.id] = discover(path, target, loaded.course.tz)
        except SubmissionError as exc:
            _fail(str(exc))
    if not any(found.values()):
        _fail(f"в {path} не найдено ни одного решения " + ("ни одного задания" if every else f"задания {targets[0].id}"))
    if every and any(c.participant for cs in found.values() for c in cs):
        _fail("архив Moodle — это ответы одного задания: укажите задание вместо all (nngrader grade 02 АРХИВ.zip)")
    _refuse_wrong_points(loaded, [t for t in targets if found[t.id] or not every])
    try:
        gradebook = Gradebook(db or default_url(loaded.root))
    except GradebookError as exc:
        _fail(str(exc))
    with gradebook, _executor(executor, loaded, require_isolation or level) as dask:
        for target in targets:
            if found[target.id] and (sheet is not None or roster or any(c.participant for c in found[target.id])):
                _identify(found[target.id], target.id, gradebook, sheet, roster)
            if found[target.id] or not every:
                _grade_assignment(loaded, target, found[target.id], gradebook, level=level, force=force,
                                  jobs=jobs or default_jobs(), hints=not no_hints, dask=dask)
        if every:
            _print_class(gradebook, [t for t in targets if found[t.id]])
        else:
            _print_summary(gradebook, targets[0], loaded.course)


def _refuse_wrong_points(loaded, targets) -> None:
    """Never print 102/100: the hidden tests' points must add up to course.yaml's."""
    for target in targets:
        try:
            check_points(loaded, target)
        except PointsMismatch as exc:
            _fail(str(exc))


def _identify(candidates, assignment_id: str, gradebook, sheet, roster) -> None:
    """Moodle participants -> people (worksheet, stored mapping, roster); say who is left unmatched."""
    result = resolve_people(candidates, assignment_id, gradebook.engine, worksheet=sheet, roster=roster)
    if result.unmapped:
        shown = ", ".join(result.unmapped[:5]) + (" …" if len(result.unmapped) > 5 else "")
        console.print(f"[yellow]{assignment_id}: не сопоставлены с людьми курса {len(result.unmapped)} участников "
                      f"Moodle ({shown}) — они записаны под номером участника этого задания. Укажите --worksheet "
                      "(ведомость задания) или roster в course.yaml, чтобы в сводке за семестр у человека была "
                      "одна строка.[/]", highlight=False)


def _grade_nbgrader_course(loaded, targets, nbgrader: Path, *, every: bool, level: str, force: bool, jobs: int,
                           hints: bool, db: Optional[str]) -> None:
    from ..nbgrader_interop import NbgraderError, grade_nbgrader
    if every:
        _fail("с --nbgrader укажите одно задание")
    _refuse_wrong_points(loaded, targets)
    try:
        summary = grade_nbgrader(loaded, targets[0], nbgrader, jobs=jobs, level=level, force=force, hints=hints, db=db)
    except NbgraderError as exc:
        _fail(str(exc))
    for line in summary.lines():
        console.print(line, highlight=False, markup=False, soft_wrap=True)
    with Gradebook(db or default_url(loaded.root)) as gradebook:
        _print_summary(gradebook, targets[0], loaded.course,
                       only={r.student_id for r in summary.records})  # this nbgrader course only


@contextmanager
def _executor(spec: str, loaded, required_level: str):
    """None for local grading, else a connected DaskGrading (its workers refuse below `required_level`)."""
    if spec == "local":
        yield None
        return
    from grader.grading.dask_executor import DaskGrading, ExecutorError  # absolute: this module may move
    try:
        with DaskGrading(spec, loaded, required_level=required_level) as dask:
            console.print(f"Исполнитель: {spec}, воркеров Dask: {dask.workers()}")
            yield dask
    except ExecutorError as exc:
        _fail(str(exc), 3)


def _grade_assignment(loaded, target, candidates, gradebook, *, level: str, force: bool, jobs: int,
                      hints: bool, dask=None) -> None:
    known = {} if force else gradebook.known_hashes(target.id)
    suite = suite_hash(loaded, target)
    granted = gradebook.extended_until(target.id)  # extensions granted on the site
    for candidate in candidates:  # hashed once here; the grading processes reuse it
        candidate.extended_until = granted.get(candidate.student_id)
        candidate.key = grading_key(candidate.path, suite + _lateness(loaded, target, candidate))
    todo = [c for c in candidates if known.get(c.student_id) != c.key]
    skipped = len(candidates) - len(todo)
    waiting = {id(c) for c in todo}
    rename_students(gradebook.engine, {c.student_id: c.student_name for c in candidates if id(c) not in waiting})
    console.print(f"[bold]{target.id}[/]: решений {len(candidates)}, к проверке {len(todo)}"
                  + (f", уже проверены {skipped} (--force — перепроверить)" if skipped else "")
                  + f"; изоляция: {level}")
    started = time.monotonic()
    graded = _run(loaded.root, target.id, todo, level, jobs, hints, gradebook, dask)
    elapsed = time.monotonic() - started
    if graded:
        console.print(f"Проверено {graded} за {elapsed:.1f} с ({graded / max(elapsed, 1e-9):.1f} решений/с)")


def _lateness(loaded, target, candidate) -> str:
    """What else decides the grade when there is a deadline: the submission time and the student's deadline."""
    deadline = student_deadline(loaded.course, target, candidate)
    if deadline is None:
        return ""
    moment = candidate.submitted_at.isoformat() if candidate.submitted_at else "?"
    return f"|{moment}|{deadline.isoformat()}"


def _run(course_root: Path, assignment_id: str, todo, level: str, jobs: int, hints: bool, gradebook,
         dask=None) -> int:
    if not todo:
        return 0
    columns = (TextColumn("[bold]Проверка"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
               TextColumn("{task.description}"))
    from ..gradebook.copies import keep_copy, storage_base
    from ..gradebook.writer import RecordWriter
    from ..harness.import_advice import retry_next_run

    storage = storage_base(gradebook.url, course_root)
    with Progress(*columns, console=console, transient=False) as progress:
        task = progress.add_task("", total=len(todo))

        def saved(record, _row_id) -> None:  # the bar counts what is committed, not merely graded
            progress.update(task, advance=1, description=f"{record.student_name}: {record.score:g}")

        # Records are committed on the writer's thread, all that have piled up in one transaction:
        # the grading loop never waits for the disk, and nothing unsaved is counted as done.
        writer = RecordWriter(gradebook, on_saved=saved)
        try:
            records = (grade_in_parallel(course_root, assignment_id, todo, level=level, jobs=jobs, hints=hints)
                       if dask is None else dask.grade(assignment_id, todo, hints=hints))
            for record in records:
                keep_copy(storage, record)  # the gradebook never points into a temporary folder
                retry_next_run(record)
                writer.put(record)
        except KeyboardInterrupt:
            writer.close()  # what was graded before Ctrl-C is kept
            Console(stderr=True).print(
                f"[yellow]Прервано.[/] Проверено и сохранено в журнале: {writer.saved} из {len(todo)}. "
                "Запустите ту же команду ещё раз — она продолжит с того места, где остановилась "
                "(проверенные решения повторно не проверяются).", highlight=False)
            raise typer.Exit(130) from None
        finally:
            writer.close()
    return writer.saved


# Notes worth an instructor's look in the summary: which file was graded, Moodle online text, unknown times.
_SUMMARY_NOTES = ("файлов решения несколько", "не отличается от заготовки", "«Текст ответа»", "время сдачи неизвестно",
                  "срок продлён", "подозрительные действия")


TABLE_MAX = 200    # students listed one by one; a larger class is read in the exports, not in a terminal
REMARKS_MAX = 50


def _print_summary(gradebook, assignment, course=None, only: set[str] | None = None) -> None:
    """The class table (up to TABLE_MAX students), the remarks and the statistics, read from the
    gradebook a page at a time: the command's memory does not grow with the class."""
    scale = course is not None and course.grade_scale is not None
    rows: list[tuple[str, list[str]]] = []
    remarks: list[tuple[str, str]] = []

    def tapped():
        for record in gradebook.iter_current(assignment.id):
            if only is not None and record.student_id not in only:
                continue
            if len(rows) <= TABLE_MAX:
                rows.append((record.student_name, _summary_row(record, course if scale else None)))
            for note in record.notes:
                if any(key in note for key in _SUMMARY_NOTES):
                    when = f" (сдано {course.format_time(record.submitted_at)})" if course is not None and \
                        record.submitted_at is not None and "срок" in note else ""
                    remarks.append((record.student_name, note + when))
            yield record

    summary = summarize(assignment.id, tapped())
    if summary.count <= TABLE_MAX:
        table = Table(title=f"{assignment.id} — {assignment.title}: сводка", title_justify="left")
        for column, justify in [("студент", "left"), ("баллы", "right")] + ([("оценка", "left")] if scale else []) \
                + [("статус", "left")]:
            table.add_column(column, justify=justify)
        table.add_column("не прошли функции", overflow="fold")
        for name, cells in sorted(rows, key=lambda row: row[0]):
            table.add_row(name, *cells)
        console.print(table)
    else:
        console.print(f"{assignment.id} — {assignment.title}: студентов {summary.count}, таблица по каждому в "
                      "терминал не выводится — она в выгрузке: nngrader export --assignment "
                      f"{assignment.id} (.xlsx)", highlight=False)
    if remarks:
        console.print("Замечания:")
        remarks.sort(key=lambda remark: remark[0])
        for name, note in remarks[:REMARKS_MAX]:
            console.print(f"  {name}: {note}", highlight=False, markup=False, soft_wrap=True)
        if len(remarks) > REMARKS_MAX:
            console.print(f"  … и ещё {len(remarks) - REMARKS_MAX} (все замечания — в выгрузке и в отзывах)")
    if summary.count:
        console.print(f"Студентов: {summary.count}; средний балл {summary.mean:.1f}, медиана {summary.median:.1f}"
                      + (f"; опоздали: {summary.late}" if summary.late else ""))
        if summary.failures:
            console.print("Ошибки по функциям: " + ", ".join(f"{k} — {v}" for k, v in summary.failures.items()))


def _summary_row(record, course) -> list[str]:
    """The table cells after the name: score, the course's mark (with a scale), status, failed functions."""
    failed = sorted({o.function or "—" for o in record.outcomes if not o.passed})
    status = {"graded": "проверено", "load_error": "не загружается", "error": "ошибка"}.get(record.status,
                                                                                              record.status)
    late = f" (опоздание {record.late_days} дн., −{record.penalty_percent:g}%)" if record.late_days else ""
    mark = [course.grade_mark(record.score, record.max_score) or ""] if course is not None else []
    return [f"{record.score:g}/{record.max_score:g}", *mark, status + late,
            record.message if record.status != "graded" else ", ".join(failed)]


def _print_class(gradebook, targets) -> None:
    """Students × assignments (up to TABLE_MAX students), then one line of statistics per assignment."""
    scores: dict[str, dict[str, str]] = {}
    names: dict[str, str] = {}
    summaries = []

    def marks(target):
        for record in gradebook.iter_current(target.id):
            names[record.student_id] = record.student_name
            scores.setdefault(record.student_id, {})[target.id] = \
                f"{record.score:g}" if record.status == "graded" else "—"
            yield record

    for target in targets:
        summaries.append(summarize(target.id, marks(target)))
    if len(names) <= TABLE_MAX:
        table = Table(title="Сводка по классу", title_justify="left")
        table.add_column("студент")
        for target in targets:
            table.add_column(target.id.split("_", 1)[0], justify="right")
        for student in sorted(names, key=lambda s: names[s]):
            table.add_row(names[student], *(scores[student].get(t.id, "") for t in targets))
        console.print(table)
    else:
        console.print(f"Студентов: {len(names)} — таблица по каждому в терминал не выводится, она в выгрузке: "
                      "nngrader export (.xlsx)", highlight=False)
    for target, summary in zip(targets, summaries):
        problems = ", ".join(f"{k} — {v}" for k, v in list(summary.failures.items())[:4])
        not_loaded = summary.statuses.get("load_error", 0)
        console.print(f"{target.id}: студентов {summary.count}, средний {summary.mean:.1f}, медиана {summary.median:.1f}"
                      + (f", не загрузились {not_loaded}" if not_loaded else "")
                      + (f"; чаще всего ошибки в: {problems}" if problems else ""))
    console.print("Подробный отзыв каждому студенту: nngrader feedback ЗАДАНИЕ --out feedback/")
