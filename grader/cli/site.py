"""`nngrader serve` (the course site) and `nngrader site …` (accounts: roster, instructors, sign-in links)."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from ..course import CourseError, load_course
from .common import fail as _fail

console = Console()
site_app = typer.Typer(help="Учётные записи сайта курса: список группы, преподаватели, ссылки для входа.",
                       no_args_is_help=True)


def _course(course_dir: Optional[Path]):
    try:
        return load_course(course_dir)
    except CourseError as exc:
        raise _fail(str(exc)) from None


def _engine(loaded, db: Optional[str]):
    from ..gradebook import Gradebook, default_url
    from ..web.models import WebBase
    book = Gradebook(db or default_url(loaded.root))
    WebBase.metadata.create_all(book.engine)
    return book


def _storage(loaded) -> Path:
    return loaded.root / ".nngrader-site"


CourseOpt = typer.Option(None, "--course", help="каталог курса с course.yaml (по умолчанию ищется вверх)")
DbOpt = typer.Option(None, "--db", help="URL журнала (по умолчанию sqlite:///<курс>/gradebook.sqlite)")


def serve_command(
    host: str = typer.Option("127.0.0.1", "--host", help="адрес (127.0.0.1 — только этот компьютер; 0.0.0.0 — вся сеть)"),
    port: int = typer.Option(8000, "--port", help="порт"),
    jobs: int = typer.Option(0, "--jobs", "-j", help="процессов проверки (0 — по числу ядер)"),
    executor: str = typer.Option("local", "--executor",
                                 help="где проверять: local — здесь, --jobs процессов; dask-local[:N] — N воркеров "
                                      "Dask здесь; dask://ХОСТ:ПОРТ — кластер Dask (как у grade, docs/scale.md)"),
    allow_reduced: bool = typer.Option(False, "--allow-reduced",
                                       help="проверять и без полной песочницы (опасно для сайта с чужим кодом)"),
    secure_cookies: bool = typer.Option(False, "--https", help="сайт за HTTPS-прокси: cookie только по HTTPS"),
    course_dir: Optional[Path] = CourseOpt,
    db: Optional[str] = DbOpt,
) -> None:
    """Запустить сайт курса: студенты сдают решения и проходят тесты в браузере, преподаватель видит группу."""
    import uvicorn

    from ..gradebook import default_url
    from ..grading.parallel import default_jobs
    from ..sandbox.launcher import isolation_level
    from ..web.app import create_app

    loaded = _course(course_dir)
    level, reason = isolation_level()
    if level != "full" and not allow_reduced:
        raise _fail(f"песочница неполная ({level}): {reason}. Сайт запускает код студентов, поэтому без полной "
                    "изоляции он не стартует. Установите nngrader на Linux с bubblewrap (ставится с пакетом) или, "
                    "понимая риск, добавьте --allow-reduced.", 3)
    with _executor(executor, loaded, level) as dask:  # one connection for the life of the site
        app = create_app(loaded, db or default_url(loaded.root), storage=_storage(loaded), level=level,
                         jobs=jobs or default_jobs(), secure_cookies=secure_cookies, executor=dask)
        console.print(f"Сайт курса «{loaded.course.title}»: http://{host}:{port}/ (изоляция: {level}"
                      + (f"; проверка: {executor}, воркеров Dask: {dask.workers()}" if dask else "")
                      + "). Остановить — Ctrl+C.", highlight=False)
        uvicorn.run(app, host=host, port=port, log_level="warning")


@contextmanager
def _executor(spec: str, loaded, level: str):
    """None for this machine's worker pool, else an open DaskGrading whose workers refuse below `level`
    (the same flag and meaning as `nngrader grade --executor`)."""
    if spec == "local":
        yield None
        return
    from ..grading.dask_executor import DaskGrading, ExecutorError
    try:
        dask = DaskGrading(spec, loaded, required_level=level).__enter__()
    except ExecutorError as exc:
        raise _fail(str(exc), 3) from None
    try:
        yield dask
    finally:
        dask.close()


@site_app.command("roster")
def roster_command(
    csv_file: Path = typer.Argument(..., help="CSV со столбцами id,name,email (разделитель , или ;)"),
    base_url: str = typer.Option("http://127.0.0.1:8000", "--url", help="адрес сайта для ссылок"),
    course_dir: Optional[Path] = CourseOpt,
    db: Optional[str] = DbOpt,
) -> None:
    """Загрузить список группы и напечатать каждому студенту одноразовую ссылку для первого входа."""
    from ..web import accounts
    loaded = _course(course_dir)
    raw = csv_file.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1251")
    with _engine(loaded, db) as book:
        try:
            added = accounts.import_roster(book.engine, text)
        except accounts.AccountError as exc:
            raise _fail(str(exc)) from None
        for account in added:
            token = accounts.issue_link_token(book.engine, account.id)
            console.print(f"{account.login}\t{account.name}\t{base_url.rstrip('/')}/signin/{token}", highlight=False,
                          soft_wrap=True)
    console.print(f"Студентов: {len(added)}. Ссылки одноразовые, действуют 14 дней.", style="dim")


@site_app.command("staff")
def staff_command(
    email: str = typer.Argument(..., help="e-mail — логин преподавателя или ассистента"),
    role: str = typer.Option("instructor", "--role", help="instructor или assistant"),
    name: str = typer.Option("", "--name", help="как подписывать на сайте"),
    course_dir: Optional[Path] = CourseOpt,
    db: Optional[str] = DbOpt,
) -> None:
    """Добавить преподавателя или ассистента (пароль спрашивается, хранится как хэш argon2)."""
    from ..web import accounts
    loaded = _course(course_dir)
    password = typer.prompt("Пароль", hide_input=True, confirmation_prompt="Ещё раз")
    with _engine(loaded, db) as book:
        try:
            account = accounts.add_user(book.engine, email, role, name=name, email=email, password=password)
        except accounts.AccountError as exc:
            raise _fail(str(exc)) from None
    console.print(f"Добавлен: {account.login} ({account.role}).")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)
    app.add_typer(site_app, name="site")
