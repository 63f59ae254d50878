"""Assemble the site: middleware (sessions, body limit, security headers), routers, error pages."""
from __future__ import annotations

import os
import re
import secrets
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware

from ..course import LoadedCourse
from ..gradebook import Gradebook
from . import routes_auth, routes_extensions, routes_staff, routes_student
from .config import load_web_config
from .jobs import GradingQueue
from .models import WebBase
from .quizweb import QuizService
from .site import NotSignedIn, Site

STATIC = Path(__file__).parent / "static"
HEADERS = {
    # Scripts and styles only from this site: an injected <script> would not run.
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                               "frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


GENERIC = {
    404: "Такой страницы нет.",
    405: "Так к этой странице обращаться нельзя.",
    413: "Файл слишком большой.",
    422: "Запрос неполный: заполните все поля формы и отправьте снова.",
}


class BodyLimit:
    """Refuse request bodies past `limit` bytes before anything reads them into memory or onto disk."""

    def __init__(self, app, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            return await _too_large(send, self.limit)
        seen = 0

        async def limited():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _TooLarge()
            return message

        try:
            await self.app(scope, limited, send)
        except _TooLarge:
            await _too_large(send, self.limit)


class _TooLarge(Exception):
    pass


async def _too_large(send, limit: int) -> None:
    body = f"Файл больше {limit // 1024} КБ: сдавайте только своё решение, без данных и лишних файлов.".encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def session_secret(storage: Path) -> str:
    """NNGRADER_WEB_SECRET, or a random key kept (0600) in the site's storage so sessions survive restarts."""
    if os.environ.get("NNGRADER_WEB_SECRET"):
        return os.environ["NNGRADER_WEB_SECRET"]
    path = storage / "session.key"
    if not path.is_file():
        storage.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(48))
    return path.read_text().strip()


def create_app(course: LoadedCourse, db_url: str, *, storage: Path, level: str, jobs: int = 1,
               secure_cookies: bool = False, start_queue: bool = True, executor=None) -> FastAPI:
    """The site. `executor`: an open DaskGrading that grades the queue's batches (`serve --executor dask…`);
    None grades on this machine's worker pool. The caller opens and closes it."""
    config = load_web_config(course.root)
    gradebook = Gradebook(db_url)
    WebBase.metadata.create_all(gradebook.engine)
    queue = GradingQueue(gradebook.engine, gradebook, course.root, storage, level=level, jobs=jobs,
                         limit=config.queue_limit, executor=executor)
    site = Site(course=course, gradebook=gradebook, engine=gradebook.engine, queue=queue,
                quizzes=QuizService(course.root), config=config, storage=storage, level=level)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if start_queue:
            queue.start()
        yield
        queue.stop()
        gradebook.close()

    app = FastAPI(title=course.course.title, lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)
    app.state.site = site
    app.add_middleware(SessionMiddleware, secret_key=session_secret(storage), session_cookie="nngrader_session",
                       max_age=14 * 24 * 3600, same_site="lax", https_only=secure_cookies)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    for router in (routes_auth.router, routes_student.router, routes_staff.router, routes_extensions.router):
        app.include_router(router)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        for key, value in HEADERS.items():
            response.headers.setdefault(key, value)
        return response

    @app.exception_handler(NotSignedIn)
    async def to_login(request: Request, exc: NotSignedIn):
        if _wants_json(request):
            return JSONResponse({"detail": "войдите на сайт"}, status_code=401)
        return RedirectResponse("/login", status_code=303)

    @app.exception_handler(StarletteHTTPException)
    async def error_page(request: Request, exc: StarletteHTTPException):
        return _error(request, exc.status_code, exc.detail)

    @app.exception_handler(RequestValidationError)
    async def bad_form(request: Request, exc: RequestValidationError):
        return _error(request, 422, None)

    def _error(request: Request, status: int, detail):
        # Our own messages are Russian; the framework's English ones are replaced by ours.
        text = detail if isinstance(detail, str) and re.search("[а-яё]", detail.lower()) else GENERIC.get(
            status, "Запрос не выполнен.")
        if _wants_json(request):
            return JSONResponse({"detail": text}, status_code=status)
        return site.render(request, "message.html.j2", status_code=status, title="Ошибка", text=text, back="/")

    app.add_middleware(BodyLimit, limit=config.upload_limit_kb * 1024 + 64 * 1024)
    return app


def _wants_json(request: Request) -> bool:
    return ("application/json" in request.headers.get("accept", "")
            or request.headers.get("content-type", "").startswith("application/json")
            or request.url.path.endswith(("/status", ".json")))

