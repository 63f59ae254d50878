"""`nngrader quiz …`: validate, take, paper, grade, export (and freeze for student bundles)."""
from __future__ import annotations

import sys
from collections import Counter
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from ..quiz.bank import Bank, load_bank_files, load_course_bank
from ..quiz.config import ConfigError, QuizConfig, QuizDef, load_quiz_config
from ..quiz.grading import FileResult, grade_file
from ..quiz.model import QUESTION_TYPES, TYPE_NAMES
from ..quiz.paper import write_papers
from ..quiz.reference import Reference
from ..quiz.roster import RosterError, read_roster
from ..quiz.selfcheck import run_take
from ..quiz.validate import Rules, validate_course_full
from ..quiz.variants import QuizNotFound, Variant, build_variant, resolve_quiz
from .common import fail

quiz_app = typer.Typer(
    help="Тесты по теории: проверка банка вопросов, самопроверка, варианты на бумаге, "
         "проверка ответов и экспорт в Moodle (XML, GIFT).",
    no_args_is_help=True,
)

TYPE_ABBR = {"single": "О", "multiple": "Н", "truefalse": "ДН", "numeric": "Ч",
             "param_numeric": "ЧП", "matching": "С", "ordering": "П"}

CourseOpt = Annotated[Optional[Path], typer.Option(
    "--course", help="Папка курса (где course.yaml и exercises/); по умолчанию ищется от текущей папки вверх.")]


def _console() -> Console:
    return Console(highlight=False, soft_wrap=True)


def _err() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def _fail(message: str, code: int = 1) -> None:
    raise fail(message, code)


def _course_dir(course: Optional[Path]) -> Path:
    """--course, else $NNGRADER_COURSE, else the nearest folder upwards with course.yaml (as every command)."""
    if course is not None:
        return course
    from ..course import CourseError, find_course_dir

    try:
        return find_course_dir()
    except CourseError as exc:
        _fail(str(exc))


def _bundle_quiz(start: Path) -> Path | None:
    """quiz.yaml of a released assignment: next to the bundle's marker file (.nngrader.yaml)."""
    from ..selfcheck.marker import find_marker

    marker = find_marker(start)
    if marker is not None and (marker.parent / "quiz.yaml").is_file():
        return marker.parent / "quiz.yaml"
    return None


def _config(course: Path) -> QuizConfig:
    try:
        return load_quiz_config(course)
    except ConfigError as exc:
        _fail(str(exc))


def _strict_bank(course: Path) -> Bank:
    """paper/grade/export need the whole bank: a skipped question would change variants."""
    bank = load_course_bank(course)
    if bank.issues:
        for issue in bank.issues:
            _err().print(str(issue), style="red", markup=False)
        _fail(f"банк вопросов с ошибками ({len(bank.issues)}); исправьте их (nngrader quiz validate)")
    if not bank.files:
        _fail(f"в {course / 'exercises'} нет ни одного quiz.yaml")
    return bank


def _quiz(name: str, config: QuizConfig, bank: Bank) -> QuizDef:
    try:
        return resolve_quiz(name, config, bank)
    except QuizNotFound as exc:
        _fail(str(exc))


def _warn_secret(config: QuizConfig) -> None:
    if config.secret_is_default:
        where = f"переменная {config.secret_env} не задана" if config.secret_env else \
            "в course.yaml нет secret_env"
        _err().print(f"Внимание: {where}; секрет вариантов = название курса, и студент может "
                     "предсказать свой вариант. Задайте секрет и не меняйте его до конца проверки.",
                     style="yellow", markup=False)


@quiz_app.command()
def validate(
    course: CourseOpt = None,
    min_per_topic: Annotated[int, typer.Option(help="Минимум вопросов в теме.")] = 20,
    seeds: Annotated[int, typer.Option(help="Сколько вариантов параметров проверить.")] = 1000,
    strict_glossary: Annotated[bool, typer.Option(
        "--strict-glossary", help="Нарушения глоссария в условиях и подсказках — ошибки, а не предупреждения.")] = False,
) -> None:
    """Проверить банк вопросов: схема, id, ответы, параметры, покрытие программы, подсказки к ответу, глоссарий."""
    course = _course_dir(course)
    rules = Rules(min_per_topic=min_per_topic, param_seeds=seeds, strict_glossary=strict_glossary)
    result = validate_course_full(course, rules)
    bank, issues = result.bank, result.issues
    console = _console()
    table = Table(title="Банк вопросов", caption="Типы: " + ", ".join(
        f"{TYPE_ABBR[t]} — {TYPE_NAMES[t]}" for t in QUESTION_TYPES))
    for col in ("Тема", "Вопр.", "Сложн. 1/2/3", "Типы", "Разделы"):
        table.add_column(col, overflow="fold")
    for f in bank.files:
        types = Counter(bq.q.type for bq in f.questions)
        levels = Counter(bq.q.difficulty for bq in f.questions)
        sections = Counter(bq.q.section for bq in f.questions)
        table.add_row(
            f.topic or f.display, str(len(f.questions)),
            "/".join(str(levels[d]) for d in (1, 2, 3)),
            " ".join(f"{TYPE_ABBR[t]}{types[t]}" for t in QUESTION_TYPES if types[t]),
            ", ".join(f"{s} {n}" for s, n in sections.most_common()))
    console.print(table)
    total = len(bank.questions)
    exam = sum(bq.q.exam_only for bq in bank.questions)
    console.print(f"Вопросов только для контрольных (exam_only): {exam}; в самопроверке: {total - exam}"
                  + "".join(f"; тест {q}: {n} в пуле на {k} вопросов" for q, (n, k) in result.exam_pools.items()),
                  markup=False)
    console.print("Подсказки к ответу:", style="bold")
    for line in result.cues.lines():
        console.print(f"  {line}", markup=False)
    if result.glossary_terms is None:
        console.print("Глоссарий: нет файла docs/quiz_glossary.yaml — термины не проверены.", style="yellow")
    else:
        bad = sum("глоссарий:" in i.message for i in issues)
        console.print(f"Глоссарий: терминов {result.glossary_terms}; нарушений в банке: {bad}; в условиях и "
                      f"подсказках: {sum('глоссарий:' in w.message for w in result.warnings)}", markup=False)
    for warning in result.warnings:
        console.print(f"Предупреждение: {warning}", style="yellow", markup=False)
    if issues:
        for issue in issues:
            console.print(str(issue), style="red", markup=False)
        console.print(f"Ошибок: {len(issues)} (вопросов загружено: {total}).", style="bold red")
        raise typer.Exit(1)
    console.print(f"Банк вопросов в порядке: {total} вопросов, тем: {len(bank.files)}.", style="bold green")


@quiz_app.command()
def take(
    quiz: Annotated[Optional[str], typer.Argument(
        help="id контрольной из course.yaml или тема (neuron, activations, …); в папке задания — необязательно.")] = None,
    course: CourseOpt = None,
    student: Annotated[str, typer.Option(help="Ваш id: от него зависит вариант.")] = "self",
    bank: Annotated[Optional[Path], typer.Option(
        "--bank", help="Файл quiz.yaml (выданный пакет задания, без course.yaml).")] = None,
) -> None:
    """Самопроверка в терминале: вопрос за вопросом, ответы можно подать через stdin.

    В папке выданного задания хватит `nngrader quiz take`: банк quiz.yaml найдётся сам."""
    course_dir: Path | None = course
    if bank is None and course is None:
        # A student's bundle has quiz.yaml and no course.yaml; the course repo is found upwards.
        bank = _bundle_quiz(Path.cwd())
        if bank is None:
            from ..course import CourseError, find_course_dir
            try:
                course_dir = find_course_dir()
            except CourseError:
                if (Path.cwd() / "quiz.yaml").is_file():  # a bank copied without its marker
                    bank = Path.cwd() / "quiz.yaml"
                else:
                    _fail("не найден банк вопросов: здесь нет quiz.yaml выданного задания, а выше нет course.yaml. "
                          "Запустите команду из папки задания или курса, либо укажите --bank quiz.yaml или --course ПАПКА")
    if bank is not None:
        if not bank.is_file():
            _fail(f"нет файла {bank}")
        loaded = load_bank_files([bank])
    else:
        loaded = load_course_bank(course_dir)
    for issue in loaded.issues:
        _err().print(f"{issue} (вопрос пропущен)", style="yellow", markup=False)
    config = _config(course_dir) if course_dir is not None else QuizConfig()
    if quiz is None:
        if len(loaded.topics()) != 1:
            _fail("укажите тему или тест: " + ", ".join([q.id for q in config.quizzes] + loaded.topics()))
        quiz = loaded.topics()[0]
    quiz_def = _quiz(quiz, config, loaded)
    solutions = course_dir / "solutions" if course_dir is not None else None
    variant = build_variant(loaded, quiz_def, config.secret, student,
                            Reference(solutions if solutions is not None and solutions.is_dir() else None))
    if not variant.questions:
        _fail("в этой контрольной нет вопросов")
    interactive = sys.stdin.isatty()
    console = _console()

    def read_line() -> str | None:
        if interactive:
            console.print("> ", end="")
        try:
            line = sys.stdin.readline()
        except KeyboardInterrupt:  # Ctrl-C: finish with the summary instead of a traceback
            return None
        return None if line == "" else line.rstrip("\r\n")

    titles = {f.topic: f.title for f in loaded.files if f.topic and f.title}
    run_take(variant, read_line, console, titles, interactive)


@quiz_app.command()
def paper(
    quiz: Annotated[str, typer.Argument(help="id контрольной из course.yaml (или тема).")],
    students: Annotated[Path, typer.Option("--students", help="CSV со столбцами id,name (или student_id, ФИО).")],
    out: Annotated[Path, typer.Option("--out", help="Куда записать листы и шаблоны ответов.")],
    course: CourseOpt = None,
) -> None:
    """Листы с вопросами (Markdown и HTML для печати), шаблоны ответов (YAML) и ключ для преподавателя."""
    course = _course_dir(course)
    bank = _strict_bank(course)
    config = _config(course)
    quiz_def = _quiz(quiz, config, bank)
    try:
        roster = read_roster(students)
    except RosterError as exc:
        _fail(str(exc))
    _warn_secret(config)
    reference = Reference(course / "solutions")
    made: list[tuple] = []
    for s in roster:
        variant = build_variant(bank, quiz_def, config.secret, s.id, reference)
        broken = [f"{vq.id}: {vq.unavailable}" for vq in variant.questions if vq.unavailable]
        if broken:
            _fail("нельзя вычислить ответы: " + "; ".join(broken))
        made.append((s, variant))
    if not made:
        _fail(f"в {students} нет ни одного студента")
    written = write_papers(made, out)
    from ..quiz.paper import KEY_DIR
    _console().print(f"Готово: {len(made)} студентов, {len(written)} файлов в {out} "
                     f"(по {len(made[0][1].questions)} вопросов). Ключ для преподавателя: "
                     f"{out / KEY_DIR} — не раздавайте его студентам.", style="bold green", markup=False)


def _expand(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for p in paths:
        files += sorted(p.glob("*.yaml")) + sorted(p.glob("*.yml")) if p.is_dir() else [p]
    return files


@quiz_app.command()
def grade(
    quiz: Annotated[str, typer.Argument(help="id контрольной.")],
    answers: Annotated[list[Path], typer.Argument(help="Заполненные файлы ответов (или папки с ними).")],
    course: CourseOpt = None,
    db: Annotated[Optional[str], typer.Option(
        "--db", help="URL базы (по умолчанию sqlite:///<курс>/gradebook.sqlite).")] = None,
) -> None:
    """Проверить файлы ответов и записать результаты в журнал."""
    from ..quiz.store import QuizAnswer, QuizAttempt, default_url, open_store, save_attempt

    course = _course_dir(course)
    bank = _strict_bank(course)
    config = _config(course)
    quiz_def = _quiz(quiz, config, bank)
    reference = Reference(course / "solutions")
    cache: dict[str, Variant] = {}

    def make_variant(student_id: str) -> Variant:
        if student_id not in cache:
            cache[student_id] = build_variant(bank, quiz_def, config.secret, student_id, reference)
        return cache[student_id]

    engine = open_store(db or default_url(course))
    console = _console()
    table = Table(title=f"Результаты: {quiz_def.title or quiz_def.id}")
    for col in ("Файл", "Студент", "Баллы", "По вопросам (№:балл)"):
        table.add_column(col)
    failed: list[FileResult] = []
    notes: list[str] = []
    seen: dict[str, Path] = {}
    for path in _expand(answers):
        res = grade_file(path, quiz_def.id, make_variant)
        if res.error:
            failed.append(res)
            continue
        attempt = QuizAttempt(
            student_id=res.student_id, quiz_id=res.quiz_id, variant_seed=res.seed,
            score=res.score, max_score=res.max_score, source=str(path),
            answers=[QuizAnswer(question_id=r.question_id, given=r.given, points=r.points,
                                max_points=r.max_points) for r in res.questions])
        replaced = save_attempt(engine, attempt)
        if res.student_id in seen:
            notes.append(f"{path}: студент {res.student_id} уже был в {seen[res.student_id]}; "
                         "в журнале оставлен этот файл")
        elif replaced:
            notes.append(f"{path}: прежний результат студента {res.student_id} заменён")
        seen[res.student_id] = path
        per_q = " ".join(f"{r.number}:{r.points:.2g}" for r in res.questions)
        table.add_row(path.name, res.student_id, f"{res.score:.2f} / {res.max_score:.0f}", per_q)
        notes += [f"{path}: {w}" for w in res.warnings]
        notes += [f"{path}: вопрос {r.number} ({r.question_id}): {r.note}" for r in res.questions if r.note]
    console.print(table)
    for note in notes:
        console.print(note, style="yellow", markup=False)
    for res in failed:
        console.print(f"{res.path}: файл не проверен: {res.error}", style="bold red", markup=False)
    console.print(f"Проверено файлов: {len(seen)}, с ошибками: {len(failed)}. Журнал: {db or default_url(course)}",
                  markup=False)
    if failed:
        raise typer.Exit(1)


class ExportFormat(str, Enum):
    moodle_xml = "moodle-xml"
    gift = "gift"


@quiz_app.command()
def export(
    format: Annotated[ExportFormat, typer.Option("--format", help="moodle-xml или gift.")],
    out: Annotated[Optional[Path], typer.Option("--out", help="Файл (по умолчанию — stdout).")] = None,
    topic: Annotated[Optional[list[str]], typer.Option("--topic", help="Только эта тема (можно повторять).")] = None,
    variants: Annotated[int, typer.Option(
        "--variants", min=1, help="Сколько конкретных вариантов на вопрос с параметрами.")] = 3,
    course: CourseOpt = None,
) -> None:
    """Экспорт банка в Moodle XML или GIFT (UTF-8)."""
    from ..quiz.export_common import concrete_items
    from ..quiz.export_gift import export_gift
    from ..quiz.export_moodle import export_moodle_xml

    course = _course_dir(course)
    bank = _strict_bank(course)
    config = _config(course)
    topics = topic or bank.topics()
    unknown = [t for t in topics if t not in bank.topics()]
    if unknown:
        _fail(f"нет темы {', '.join(unknown)}; есть: {', '.join(bank.topics())}")
    items, problems = concrete_items(bank, topics, Reference(course / "solutions"), variants)
    titles = {f.topic: f.title for f in bank.files if f.topic}
    writer = export_gift if format == ExportFormat.gift else export_moodle_xml
    text = writer(items, config.title, titles)
    if out is None:
        sys.stdout.buffer.write(text.encode("utf-8")) if hasattr(sys.stdout, "buffer") else sys.stdout.write(text)
        sys.stdout.flush()
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        _err().print(f"Записано: {out} ({len(items)} вопросов)", style="green", markup=False)
    for p in problems:
        _err().print(p, style="red", markup=False)
    if problems:
        raise typer.Exit(1)


@quiz_app.command()
def freeze(
    topic: Annotated[str, typer.Argument(help="Тема, например activations.")],
    out: Annotated[Path, typer.Option("--out", help="Куда записать quiz.yaml для студентов.")],
    course: CourseOpt = None,
) -> None:
    """quiz.yaml для выдачи студентам: без вопросов exam_only, вопросы с параметрами заменены готовыми числовыми."""
    from ..quiz.release import write_self_check_bank

    course = _course_dir(course)
    bank = _strict_bank(course)
    bank_file = next((f for f in bank.files if f.topic == topic), None)
    if bank_file is None:
        _fail(f"нет темы {topic}; есть: {', '.join(bank.topics())}")
    try:
        write_self_check_bank(bank_file, Reference(course / "solutions"), out)
    except Exception as exc:  # ReferenceUnavailable / AnswerError: say which and stop
        _fail(str(exc))
    _console().print(f"Записано: {out}", style="green", markup=False)
