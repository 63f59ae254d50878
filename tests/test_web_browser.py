"""The site in a real browser: a real server on 127.0.0.1, headless Chromium driven by Playwright.

A student signs in with the one-time link, uploads a file with a typical mistake and sees its hint,
runs the open tests on it and sees a failing test's message, uploads the fix and sees 100, takes a
self-check question with formulas; the instructor sees the result in the live table and extends the
student's deadline, and the student sees the new deadline. With NNGRADER_SCREENSHOTS=DIR the main pages are saved there as PNG
(that is how docs/img/web_*.png are made).
"""
from __future__ import annotations

import os
import socket
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from grader.web import accounts
from webhelpers import PASSWORD, course_with_deadline, make_app, student_source

CHROMIUM = "/usr/bin/chromium"
MUTANT = "leaky_relu:leaky_relu_fixed_alpha"

if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        raise RuntimeError("CI must install Debian's chromium for the browser tests (see .ci/run)")
    pytest.skip("нет /usr/bin/chromium (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    tmp = tmp_path_factory.mktemp("site")
    due = datetime.now(timezone.utc).replace(second=0, microsecond=0) + timedelta(days=7)
    app = make_app(tmp, start_queue=True, course_root=course_with_deadline(tmp, due))
    engine = app.state.site.engine
    student = accounts.add_user(engine, "ivanov", "student", name="Иванов Иван", student_id="ivanov")
    token = accounts.issue_link_token(engine, student.id)
    accounts.add_user(engine, "teacher@example.ru", "instructor", name="Преподаватель", password=PASSWORD)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "сервер не запустился"
    files = tmp / "files"
    files.mkdir()
    (files / "mistake").mkdir()
    (files / "mistake" / "activations.py").write_bytes(student_source(mutant=MUTANT))
    (files / "activations.py").write_bytes(student_source())
    yield {"url": f"http://127.0.0.1:{port}", "token": token, "files": files, "app": app}
    server.should_exit = True
    thread.join(timeout=30)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()


def _shot(page, name: str) -> None:
    folder = os.environ.get("NNGRADER_SCREENSHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / f"web_{name}.png"), full_page=False)


def test_student_and_instructor_in_the_browser(server, browser):
    url = server["url"]
    student = browser.new_page(viewport={"width": 1100, "height": 900}, locale="ru-RU")
    student.goto(f"{url}/signin/{server['token']}")
    student.fill("input[name=password]", "пароль-студента")
    student.fill("input[name=again]", "пароль-студента")
    student.click("text=Сохранить и войти")
    student.wait_for_selector("text=Задания")
    _shot(student, "home")

    student.click("text=Функции активации")
    student.wait_for_selector("text=Отправить на проверку")
    assert student.locator(".statement math").count() > 10  # formulas render as MathML, no CDN
    _shot(student, "assignment")
    student.set_input_files("input[type=file]", str(server["files"] / "mistake" / "activations.py"))
    student.click("button:has-text('Отправить на проверку')")
    student.wait_for_selector(".hint", timeout=120_000)  # the page polls and reloads by itself
    hint = next(m for m in __import__("grader.grading.synthetic", fromlist=["x"]).assignment_mutants(
        server["app"].state.site.course, "02_activations") if m.id == MUTANT).hint
    assert hint in student.inner_text("body")
    _shot(student, "result_hint")

    student.goto(f"{url}/a/02_activations")
    student.set_input_files("input[type=file]", str(server["files"] / "mistake" / "activations.py"))
    student.click("button:has-text('Открытые тесты')")
    student.wait_for_selector(".open-tests", timeout=120_000)  # queued, run, the page reloaded itself
    body = student.inner_text("body")
    assert "не влияют на оценку" in body and "не пройден: leaky_relu(" in body
    _shot(student, "open_tests")

    student.goto(f"{url}/a/02_activations")
    student.set_input_files("input[type=file]", str(server["files"] / "activations.py"))
    student.click("button:has-text('Отправить на проверку')")
    student.wait_for_selector("text=Итог: 100 из 100", timeout=120_000)

    student.goto(f"{url}/quiz/self/activations")
    variant = server["app"].state.site.quizzes.variant("activations", "ivanov")
    single = next(vq for vq in variant.questions if vq.type == "single")
    box = student.locator(f"form[data-question='{single.id}']")
    box.locator(f"input[value='{single.key}']").check()
    box.locator("button").click()
    box.locator(".verdict.ok").wait_for()
    assert "Верно" in box.locator(".verdict").inner_text()
    assert student.locator("math").count() > 0
    box.scroll_into_view_if_needed()
    _shot(student, "selfcheck")

    teacher = browser.new_page(viewport={"width": 1100, "height": 700}, locale="ru-RU")
    teacher.goto(f"{url}/login")
    teacher.fill("input[name=login]", "teacher@example.ru")
    teacher.fill("input[name=password]", PASSWORD)
    teacher.click("button:has-text('Войти')")
    teacher.wait_for_selector("text=Курс: преподавателю")
    teacher.goto(f"{url}/staff/a/02_activations")
    row = teacher.locator("tr", has_text="Иванов Иван")
    assert "100 / 100" in row.inner_text()
    teacher.wait_for_selector("text=обновлено", timeout=15_000)  # the live table refreshed itself
    _shot(teacher, "staff_table")

    teacher.click("text=Иванов Иван")
    teacher.wait_for_selector("text=Продлить срок")
    teacher.fill("#extend input[name=days]", "3")
    teacher.fill("#extend input[name=comment]", "справка о болезни")
    teacher.click("#extend button:has-text('Продлить')")
    teacher.wait_for_selector("text=продлён до")
    course = server["app"].state.site.course.course
    [granted] = server["app"].state.site.gradebook.extensions()
    assert granted.until == course.assignment("02_activations").deadline + timedelta(days=3)
    teacher.goto(f"{url}/staff/s/ivanov")
    assert "справка о болезни" in teacher.inner_text("body")
    _shot(teacher, "staff_student")

    student.goto(f"{url}/a/02_activations")
    assert f"ваш срок продлён до {course.format_time(granted.until)}" in student.inner_text("body")
