"""What every page needs: the course, the databases, the queue, templates, and who is asking."""
from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import HTTPException, Request
from fastapi.templating import Jinja2Templates
from sqlalchemy.engine import Engine

from ..course import LoadedCourse
from ..gradebook import Gradebook
from . import accounts
from .config import WebConfig
from .jobs import GradingQueue
from .quizweb import QuizService

TEMPLATES = Path(__file__).parent / "templates"


class NotSignedIn(Exception):
    """Raised by `account_of` for pages that need a user: the app turns it into a redirect to /login."""


@dataclass
class Site:
    course: LoadedCourse
    gradebook: Gradebook
    engine: Engine
    queue: GradingQueue
    quizzes: QuizService
    config: WebConfig
    storage: Path
    level: str
    templates: Jinja2Templates = field(init=False)
    bundles: dict[str, bytes] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.templates = Jinja2Templates(directory=str(TEMPLATES))
        # Every time on the site in the course's time zone (course.yaml `timezone`, Europe/Moscow by default).
        self.templates.env.globals.update(course_title=self.course.course.title,
                                          show_time=self.course.course.format_time)

    def render(self, request: Request, name: str, status_code: int = 200, **context):
        account = current_account(request)
        context.update(request=request, me=account, csrf=csrf_token(request))
        return self.templates.TemplateResponse(request, name, context, status_code=status_code)


def site_of(request: Request) -> Site:
    return request.app.state.site


def current_account(request: Request) -> accounts.Account | None:
    uid = request.session.get("uid")
    if uid is None:
        return None
    return accounts.get_account(site_of(request).engine, int(uid))


def account_of(request: Request) -> accounts.Account:
    account = current_account(request)
    if account is None:
        raise NotSignedIn()
    return account


def student_of(request: Request) -> accounts.Account:
    account = account_of(request)
    if account.student_id is None:
        raise HTTPException(403, "эта страница — для студентов")
    return account


def staff_of(request: Request) -> accounts.Account:
    account = account_of(request)
    if not account.is_staff:
        raise HTTPException(403, "эта страница — для преподавателей")
    return account


def instructor_of(request: Request, refusal: str = "это может только преподаватель") -> accounts.Account:
    account = staff_of(request)
    if account.role != "instructor":
        raise HTTPException(403, refusal)
    return account


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = request.session["csrf"] = secrets.token_urlsafe(24)
    return token


async def check_csrf(request: Request) -> None:
    """Every state-changing request carries the session's token (form field or X-CSRF-Token header)."""
    given = request.headers.get("x-csrf-token")
    if given is None and request.headers.get("content-type", "").startswith(
            ("application/x-www-form-urlencoded", "multipart/form-data")):
        form = await request.form()
        given = form.get("csrf")
    if not accounts.csrf_ok(request.session.get("csrf"), given if isinstance(given, str) else None):
        raise HTTPException(403, "форма устарела или пришла не с этого сайта (CSRF): обновите страницу и повторите")
