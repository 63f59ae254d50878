"""Shared set-up for the site's tests: an app on a temporary gradebook, users, signed-in clients."""
from __future__ import annotations

import re
import shutil
from datetime import datetime
from pathlib import Path

import yaml

from fastapi.testclient import TestClient

from grader.course import load_course
from grader.sandbox.launcher import isolation_level
from grader.web import accounts
from grader.web.app import create_app

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "пароль-для-теста"


def make_app(tmp: Path, *, start_queue: bool = False, course_root: Path | None = None, executor=None):
    course = load_course(course_root or ROOT)
    return create_app(course, f"sqlite:///{tmp / 'gradebook.sqlite'}", storage=tmp / "site",
                      level=isolation_level()[0], jobs=1, start_queue=start_queue, executor=executor)


def course_with_deadline(tmp: Path, deadline: datetime, per_day: float = 10) -> Path:
    """A copy of the course whose 02_activations is due at `deadline`, minus `per_day` % per late day."""
    dest = tmp / "course"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("exercises", "solutions"):
        shutil.copytree(ROOT / folder, dest / folder, ignore=ignore)
    data = yaml.safe_load((ROOT / "course.yaml").read_text(encoding="utf-8"))
    for a in data["assignments"]:
        if a["id"] == "02_activations":
            a["deadline"] = deadline.isoformat()
            a["late_policy"] = {"penalty_per_day": per_day}
    (dest / "course.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return dest


def add_people(app) -> dict:
    engine = app.state.site.engine
    people = {a.login: a for a in accounts.import_roster(
        engine, "id;name;email\nivanov;Иванов Иван;ivanov@example.ru\npetrova;Петрова Анна;petrova@example.ru\n")}
    for login in people:
        accounts.add_user(engine, login, "student", name=people[login].name, student_id=login, password=PASSWORD)
    people["teacher@example.ru"] = accounts.add_user(engine, "teacher@example.ru", "instructor", name="Преподаватель",
                                                     password=PASSWORD)
    people["ta@example.ru"] = accounts.add_user(engine, "ta@example.ru", "assistant", name="Ассистент",
                                                password=PASSWORD)
    return people


def csrf_of(client: TestClient) -> str:
    page = client.get("/login")
    return re.search(r'name="csrf" content="([^"]+)"', page.text).group(1)


def sign_in(client: TestClient, login: str) -> str:
    """Sign in and return the session's CSRF token."""
    response = client.post("/login", data={"login": login, "password": PASSWORD, "csrf": csrf_of(client)})
    assert response.status_code == 200, response.text[:300]
    return csrf_of(client)


def student_source(name: str = "reference", mutant: str | None = None) -> bytes:
    course = load_course(ROOT)
    if mutant is None:
        return (ROOT / "solutions" / "activations.py").read_bytes()
    from grader.grading.synthetic import assignment_mutants, mutant_submission
    chosen = next(m for m in assignment_mutants(course, "02_activations") if m.id == mutant)
    return mutant_submission(course, "02_activations", chosen).encode("utf-8")


def all_routes(app) -> list[tuple[str, set[str]]]:
    """(path, methods) of every route, those of included routers too. Newer FastAPI keeps an included
    router as one lazy entry of `app.routes` (no `path`), so walking `app.routes` alone sees none of them."""
    found: list[tuple[str, set[str]]] = []

    def walk(routes, prefix: str) -> None:
        for route in routes:
            original = getattr(route, "original_router", None)
            if original is not None:
                walk(original.routes, prefix + getattr(getattr(route, "include_context", None), "prefix", ""))
            elif getattr(route, "path", ""):
                found.append((prefix + route.path, set(getattr(route, "methods", None) or {"GET"})))

    walk(app.routes, "")
    return found
