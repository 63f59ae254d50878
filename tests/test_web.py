"""The course site through its HTTP interface (FastAPI's test client): sign-in, submitting and
grading, quizzes, the instructor's pages, and that nobody reaches what is not theirs."""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from grader.web import accounts
from grader.web.models import Job
from webhelpers import PASSWORD, add_people, all_routes, course_with_deadline, csrf_of, make_app, sign_in, student_source

MUTANT = "leaky_relu:leaky_relu_fixed_alpha"


@pytest.fixture()
def app(tmp_path):
    application = make_app(tmp_path)
    add_people(application)
    return application


@pytest.fixture()
def client(app):
    with TestClient(app) as c:
        yield c


def _grade_all(app) -> None:
    while app.state.site.queue.run_once():
        pass


def _submit(client, csrf, data: bytes, name="activations.py", assignment="02_activations"):
    return client.post(f"/a/{assignment}/submit", data={"csrf": csrf}, files={"file": (name, data)},
                       follow_redirects=False)


# ---------------------------------------------------------------- signing in

def test_one_time_link_sets_the_password_once(app, client):
    engine = app.state.site.engine
    new = accounts.add_user(engine, "sidorov", "student", name="Сидоров Пётр", student_id="sidorov")
    token = accounts.issue_link_token(engine, new.id)
    page = client.get(f"/signin/{token}")
    assert page.status_code == 200 and "Сидоров Пётр" in page.text
    csrf = csrf_of(client)
    done = client.post(f"/signin/{token}", data={"password": "новыйпароль1", "again": "новыйпароль1", "csrf": csrf})
    assert done.status_code == 200 and "Задания" in done.text
    client.post("/logout", data={"csrf": csrf_of(client)})
    assert client.get(f"/signin/{token}").status_code == 404  # used up
    assert accounts.authenticate(engine, "sidorov", "новыйпароль1") is not None


def test_wrong_password_and_forms_without_csrf_are_refused(client):
    bad = client.post("/login", data={"login": "ivanov", "password": "не тот", "csrf": csrf_of(client)})
    assert bad.status_code == 401 and "Неверный логин или пароль" in bad.text
    forged = client.post("/login", data={"login": "ivanov", "password": PASSWORD})
    assert forged.status_code == 403 and "CSRF" in forged.text


def test_sign_in_starts_a_fresh_session(client):
    before = csrf_of(client)
    after = sign_in(client, "ivanov")
    assert before != after  # no session fixation: the pre-login session is dropped


# ---------------------------------------------------------------- submitting

def test_mistake_gets_its_hint_then_the_fix_gets_100(app, client):
    csrf = sign_in(client, "ivanov")
    first = _submit(client, csrf, student_source(mutant=MUTANT))
    assert first.status_code == 303
    waiting = client.get(first.headers["location"])
    assert "в очереди: 1" in waiting.text
    _grade_all(app)
    result = client.get(first.headers["location"]).text
    mutant = next(m for m in __import__("grader.grading.synthetic", fromlist=["x"]).assignment_mutants(
        app.state.site.course, "02_activations") if m.id == MUTANT)
    assert mutant.hint in result.replace("&#34;", '"').replace("&#39;", "'")
    assert "из 100" in result and "100 из 100" not in result
    second = _submit(client, csrf, student_source())
    _grade_all(app)
    assert "100 из 100" in client.get(second.headers["location"]).text
    statuses = client.get(second.headers["location"] + "/status").json()
    assert statuses["status"] == "done"


@pytest.mark.parametrize("name,data,status,text", [
    ("activations.txt", b"x = 1\n", 400, "не подходит"),
    ("activations.py", b"   \n", 400, "пуст"),
    ("activations.py", b"#" * (600 * 1024), 413, "больше"),
])
def test_bad_uploads_are_refused_with_a_reason(client, name, data, status, text):
    csrf = sign_in(client, "ivanov")
    response = _submit(client, csrf, data, name=name)
    assert response.status_code == status
    assert text in response.text


def test_huge_body_is_cut_off_before_it_is_read(client):
    csrf = sign_in(client, "ivanov")
    response = _submit(client, csrf, b"0" * (5 * 1024 * 1024))
    assert response.status_code == 413


def test_rate_limits(app, client):
    csrf = sign_in(client, "ivanov")
    limit = app.state.site.config.per_student_per_minute
    codes = [_submit(client, csrf, student_source()).status_code for _ in range(limit + 1)]
    assert codes[:limit] == [303] * limit and codes[-1] == 429


def test_queue_is_bounded(app, client):
    app.state.site.queue.limit = 1
    csrf = sign_in(client, "ivanov")
    assert _submit(client, csrf, student_source()).status_code == 303
    full = _submit(client, csrf, student_source())
    assert full.status_code == 503 and "переполнена" in full.text


# ---------------------------------------------------------------- nobody sees what is not theirs

def test_students_do_not_see_each_other(app, client):
    csrf = sign_in(client, "ivanov")
    job = _submit(client, csrf, student_source()).headers["location"]
    _grade_all(app)
    client.post("/logout", data={"csrf": csrf})
    sign_in(client, "petrova")
    assert client.get(job).status_code == 404
    assert client.get(job + "/status").status_code == 404
    assert client.get("/jobs/999999").status_code == 404  # the same answer for a job that does not exist
    for url in ("/staff", "/staff/a/02", "/staff/s/ivanov", "/staff/export/csv", "/staff/report/index.html",
                "/staff/quiz/midterm", "/staff/similarity/02/index.html"):
        assert client.get(url).status_code == 403, url
    assert client.get("/staff/a/02/table.json").status_code == 403


def test_student_cannot_submit_for_someone_else(app, client):
    csrf = sign_in(client, "petrova")
    # The form has no student field; extra fields are ignored and the job belongs to the session's user.
    client.post("/a/02_activations/submit", data={"csrf": csrf, "student_id": "ivanov"},
                files={"file": ("activations.py", student_source())})
    with Session(app.state.site.engine) as session:
        owners = {j.student_id for j in session.scalars(select(Job))}
    assert owners == {"petrova"}


@pytest.mark.parametrize("url", ["/solutions/activations.py", "/exercises/02_activations/hidden/mutants.py",
                                 "/static/../course.yaml", "/static/%2e%2e/solutions/activations.py",
                                 "/staff/report/..%2F..%2Fcourse.yaml", "/gradebook.sqlite"])
def test_course_files_are_not_served(client, url):
    sign_in(client, "teacher@example.ru")
    response = client.get(url)
    assert response.status_code in (403, 404)
    assert "def relu" not in response.text and "mutant" not in response.text


def test_every_page_needs_a_signed_in_user(app, client):
    public = {"/login", "/signin/{token}", "/static"}
    routes = all_routes(app)
    assert len(routes) > 30  # the walk reaches the routers' routes
    for path, methods in routes:
        if path in public or path.startswith("/static"):
            continue
        url = re.sub(r"\{[^}]+\}", "1", path)  # "1" fits int and str parameters alike
        for method in methods:
            response = client.request(method, url, follow_redirects=False)
            assert response.status_code in (303, 401, 403), (method, url, response.status_code)
            if response.status_code == 303:
                assert response.headers["location"] == "/login"


def test_pages_carry_security_headers(client):
    response = client.get("/login")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"


# ---------------------------------------------------------------- quizzes

def test_selfcheck_gives_the_verdict_and_explanation(app, client):
    csrf = sign_in(client, "ivanov")
    page = client.get("/quiz/self/activations")
    assert page.status_code == 200 and 'class="question"' in page.text
    variant = app.state.site.quizzes.variant("activations", "ivanov")
    single = next(vq for vq in variant.questions if vq.type == "single")
    right = client.post("/quiz/self/activations/check", json={"question": single.id, "given": str(single.key)},
                        headers={"X-CSRF-Token": csrf}).json()
    assert right["correct"] is True and right["explanation_html"]
    wrong = 1 if single.key != 1 else 2
    verdict = client.post("/quiz/self/activations/check", json={"question": single.id, "given": str(wrong)},
                          headers={"X-CSRF-Token": csrf}).json()
    assert verdict["correct"] is False and verdict["key_text"].startswith(f"{single.key})")


def test_graded_quiz_saves_every_answer_and_allows_one_attempt(app, client):
    from grader.quiz.store import attempts
    csrf = sign_in(client, "ivanov")
    assert "Начать тест" in client.get("/quiz/midterm").text
    client.post("/quiz/midterm/start", data={"csrf": csrf})
    variant = app.state.site.quizzes.variant("midterm", "ivanov")
    answerable = [vq for vq in variant.questions if not vq.unavailable and vq.type in ("single", "truefalse")]
    for vq in answerable:
        given = str(vq.key) if vq.type == "single" else ("да" if vq.key else "нет")
        saved = client.post("/quiz/midterm/answer", json={"question": vq.id, "given": given},
                            headers={"X-CSRF-Token": csrf})
        assert saved.status_code == 200
    # A dropped connection: a new client of the same student sees the saved answers.
    page = client.get("/quiz/midterm").text
    assert page.count("сохранено") >= len(answerable)
    client.post("/quiz/midterm/finish", data={"csrf": csrf})
    stored = attempts(app.state.site.engine, "midterm")
    assert len(stored) == 1 and stored[0].score == pytest.approx(len(answerable))
    late = client.post("/quiz/midterm/answer", json={"question": answerable[0].id, "given": "1"},
                       headers={"X-CSRF-Token": csrf})
    assert late.status_code == 409
    client.post("/quiz/midterm/start", data={"csrf": csrf})
    assert "Тест сдан" in client.get("/quiz/midterm").text
    assert len(attempts(app.state.site.engine, "midterm")) == 1


def test_answers_to_questions_outside_the_variant_are_refused(client):
    csrf = sign_in(client, "ivanov")
    client.post("/quiz/midterm/start", data={"csrf": csrf})
    response = client.post("/quiz/midterm/answer", json={"question": "training-001", "given": "1"},
                           headers={"X-CSRF-Token": csrf})
    assert response.status_code in (200, 404)
    if response.status_code == 404:
        assert "варианте" in response.json()["detail"]


# ---------------------------------------------------------------- instructors

def test_instructor_sees_the_class_and_regrades(app, client):
    csrf = sign_in(client, "ivanov")
    _submit(client, csrf, student_source(mutant=MUTANT))
    _grade_all(app)
    client.post("/logout", data={"csrf": csrf})
    csrf = sign_in(client, "teacher@example.ru")
    rows = client.get("/staff/a/02/table.json").json()
    ivanov = next(r for r in rows if r["student_id"] == "ivanov")
    assert ivanov["status"] == "done" and "leaky_relu" in ivanov["failed"]
    assert next(r for r in rows if r["student_id"] == "petrova")["status"] == "none"
    client.post("/staff/a/02/regrade", data={"csrf": csrf})
    assert app.state.site.queue.position(ivanov["job"] + 1) == 1
    _grade_all(app)
    assert "Иванов Иван" in client.get("/staff/s/ivanov").text
    export = client.get("/staff/export/csv")
    assert export.status_code == 200 and "Иванов" in export.content.decode("utf-8-sig")
    report = client.get("/staff/report/index.html")
    assert report.status_code == 200 and "02_activations.html" in report.text


def test_instructor_sees_similar_submissions(app, client):
    for login in ("ivanov", "petrova"):
        csrf = sign_in(client, login)
        _submit(client, csrf, student_source(mutant=MUTANT))
        client.post("/logout", data={"csrf": csrf})
    _grade_all(app)
    sign_in(client, "petrova")
    assert client.get("/staff/similarity/02/index.html").status_code == 403
    client.post("/logout", data={"csrf": csrf_of(client)})
    sign_in(client, "teacher@example.ru")
    page = client.get("/staff/similarity/02/index.html")
    assert page.status_code == 200
    assert "Решений: 2" in page.text  # both graded submissions compared (reference-like: no pair stands out)
    assert "доказательств" in page.text
    assert client.get("/staff/similarity/02/..%2F..%2Fsession.key").status_code == 404


def test_roster_upload_gives_one_time_links(app, client):
    csrf = sign_in(client, "teacher@example.ru")
    roster = "id,name,email\nnovikov,Новиков Олег,o@example.ru\n".encode("cp1251")
    page = client.post("/staff/roster", data={"csrf": csrf}, files={"file": ("group.csv", roster)})
    assert page.status_code == 200 and "Новиков Олег" in page.text
    link = re.search(r"/signin/([\w-]+)", page.text).group(1)
    assert accounts.token_user(app.state.site.engine, link).login == "novikov"


def test_assistant_cannot_upload_a_roster(client):
    csrf = sign_in(client, "ta@example.ru")
    page = client.post("/staff/roster", data={"csrf": csrf}, files={"file": ("g.csv", b"id,name\nx,y\n")})
    assert page.status_code == 403


# ---------------------------------------------------------------- extensions granted on the site

def test_extension_granted_on_the_site_removes_the_late_penalty(tmp_path):
    late_since = datetime.now(timezone.utc) - timedelta(days=2)
    app = make_app(tmp_path, course_root=course_with_deadline(tmp_path, late_since, per_day=10))
    add_people(app)
    book = app.state.site.gradebook
    with TestClient(app) as client:
        csrf = sign_in(client, "ivanov")
        _submit(client, csrf, student_source())
        _grade_all(app)
        [late] = book.current("02_activations")
        assert late.late_days == 3 and late.score == pytest.approx(70)  # 2 days and a few seconds: 3 started
        client.post("/logout", data={"csrf": csrf})

        csrf = sign_in(client, "ta@example.ru")  # an assistant sees the page but cannot extend
        assert "Продлевать сроки может только преподаватель" in client.get("/staff/s/ivanov").text
        refused = client.post("/staff/s/ivanov/extend", data={"csrf": csrf, "assignment": "02", "days": "5"})
        assert refused.status_code == 403 and book.extensions() == []
        client.post("/logout", data={"csrf": csrf})

        csrf = sign_in(client, "teacher@example.ru")
        page = client.get("/staff/s/ivanov").text
        assert 'action="/staff/s/ivanov/extend"' in page and "Продлить" in page
        done = client.post("/staff/s/ivanov/extend", data={"csrf": csrf, "assignment": "02_activations",
                                                           "days": "5", "comment": "болел", "regrade": "1"})
        assert done.status_code == 200 and "продлён до" in done.text and "поставлена на перепроверку" in done.text
        [granted] = book.extensions()
        assert granted.until == late_since + timedelta(days=5) and granted.granted_by == "teacher@example.ru"
        _grade_all(app)
        [regraded] = book.current("02_activations")
        assert regraded.late_days == 0 and regraded.score == pytest.approx(100)
        assert any(n.startswith("срок продлён до") for n in regraded.notes)
        assert regraded.submitted_at == late.submitted_at  # the regrade keeps the upload's time
        since = datetime.now(timezone.utc) - timedelta(days=1)
        assert app.state.site.queue.uploads_since("ivanov", "02_activations", since, "grade") == 1  # not an attempt
        assert "болел" in client.get("/staff/s/ivanov").text
        client.post("/logout", data={"csrf": csrf})

        csrf = sign_in(client, "ivanov")
        own = client.get("/a/02_activations").text
        assert "ваш срок продлён до " + app.state.site.course.course.format_time(granted.until) in own
        client.post("/logout", data={"csrf": csrf})

        csrf = sign_in(client, "teacher@example.ru")
        local = (late_since + timedelta(days=1)).astimezone(app.state.site.course.course.tz)
        client.post("/staff/s/ivanov/extend", data={"csrf": csrf, "assignment": "02_activations",
                                                   "until": local.strftime("%Y-%m-%dT%H:%M")})
        assert book.extensions()[0].until == local.replace(second=0, microsecond=0)  # the course's time zone
        bad = client.post("/staff/s/ivanov/extend", data={"csrf": csrf, "assignment": "02_activations",
                                                         "until": "2026-12-01T10:00", "days": "2"})
        assert bad.status_code == 400 and "что-то одно" in bad.text
        cancelled = client.post("/staff/s/ivanov/extend/02_activations/cancel", data={"csrf": csrf, "regrade": "1"})
        assert cancelled.status_code == 200 and "отменено" in cancelled.text and book.extensions() == []
        _grade_all(app)
        assert book.current("02_activations")[0].late_days == 3  # the penalty is back


def test_students_reach_no_staff_route(app, client):
    """Every route under /staff, every method, with a valid CSRF token and plausible fields: 403 for a student."""
    csrf = sign_in(client, "ivanov")
    values = {"student_id": "ivanov", "key": "02_activations", "job_id": "1", "fmt": "csv", "name": "index.html",
              "quiz_id": "midterm"}
    checked = set()
    for path, methods in all_routes(app):
        if not path.startswith("/staff"):
            continue
        url = re.sub(r"\{([^}]+)\}", lambda m: values[m.group(1)], path)
        for method in methods:
            extra = {} if method in ("GET", "HEAD") else {
                "data": {"csrf": csrf, "assignment": "02_activations", "days": "3", "regrade": "1"},
                "files": {"file": ("group.csv", b"id,name\nx,y\n")}}
            response = client.request(method, url, follow_redirects=False, **extra)
            assert response.status_code == 403, (method, url, response.status_code)
            checked.add(path)
    assert {"/staff", "/staff/s/{student_id}/extend", "/staff/s/{student_id}/extend/{key}/cancel",
            "/staff/s/{student_id}/link"} <= checked
    assert app.state.site.gradebook.extensions() == []


# ---------------------------------------------------------------- open tests on the site

def test_open_tests_give_messages_and_no_grade(app, client):
    csrf = sign_in(client, "ivanov")
    sent = client.post("/a/02_activations/submit", data={"csrf": csrf, "kind": "public"},
                       files={"file": ("activations.py", student_source(mutant=MUTANT))}, follow_redirects=False)
    assert sent.status_code == 303
    assert "в очереди: 1" in client.get(sent.headers["location"]).text
    _grade_all(app)
    page = client.get(sent.headers["location"]).text
    assert "Открытые тесты" in page and "не влияют на оценку" in page
    assert "не пройден: leaky_relu(" in page and "значения не совпадают" in page
    assert re.search(r"Пройдено: <b>(\d+) из (\d+)</b>", page).group(1) != re.search(
        r"Пройдено: <b>(\d+) из (\d+)</b>", page).group(2)
    assert app.state.site.gradebook.current() == []  # feedback only: nothing in the gradebook
    with Session(app.state.site.engine) as session:
        [job] = session.scalars(select(Job))
    assert job.kind == "public" and job.submission_id is None and any(not t["passed"] for t in job.outcome)
    assert "открытые тесты: пройдено" in client.get("/a/02_activations").text
    client.post("/logout", data={"csrf": csrf})
    sign_in(client, "teacher@example.ru")
    rows = client.get("/staff/a/02/table.json").json()
    assert next(r for r in rows if r["student_id"] == "ivanov")["status"] == "none"  # not an attempt at a grade


def test_open_test_limit_is_per_assignment_and_separate(app, client):
    from grader.web.config import AssignmentPolicy
    app.state.site.config.assignments["02_activations"] = AssignmentPolicy(public_per_day=1, hidden_per_day=1)
    csrf = sign_in(client, "ivanov")

    def send(kind):
        return client.post("/a/02_activations/submit", data={"csrf": csrf, "kind": kind},
                           files={"file": ("activations.py", student_source())}, follow_redirects=False)

    assert send("public").status_code == 303
    refused = send("public")
    assert refused.status_code == 429 and "Открытые тесты этого задания можно запускать на сайте 1 раз" in refused.text
    assert send("grade").status_code == 303  # the open-test run did not use up the hidden-test attempt
    assert send("grade").status_code == 429
    assert send("sideways").status_code == 400


# ---------------------------------------------------------------- a forgotten password

def test_new_sign_in_link_replaces_a_forgotten_password(app, client):
    engine = app.state.site.engine
    assert "Забыли пароль? Попросите у преподавателя новую ссылку" in client.get("/login").text
    csrf = sign_in(client, "ta@example.ru")
    assert "Новая ссылка для входа" not in client.get("/staff/s/ivanov").text
    assert client.post("/staff/s/ivanov/link", data={"csrf": csrf}).status_code == 403  # instructor only
    client.post("/logout", data={"csrf": csrf})
    csrf = sign_in(client, "teacher@example.ru")
    assert "Новая ссылка для входа" in client.get("/staff/s/ivanov").text
    first = re.search(r"/signin/([\w-]+)", client.post("/staff/s/ivanov/link", data={"csrf": csrf}).text).group(1)
    page = client.post("/staff/s/ivanov/link", data={"csrf": csrf})
    assert page.status_code == 200 and "Иванов Иван" in page.text and "старый перестанет действовать" in page.text
    token = re.search(r"/signin/([\w-]+)", page.text).group(1)
    assert accounts.token_user(engine, first) is None  # the earlier link stopped working
    assert client.post("/staff/s/nobody/link", data={"csrf": csrf}).status_code == 404
    client.post("/logout", data={"csrf": csrf})

    form = client.get(f"/signin/{token}")
    assert form.status_code == 200 and "Задайте новый пароль" in form.text
    assert accounts.authenticate(engine, "ivanov", PASSWORD) is not None  # the old one works until the new is set
    done = client.post(f"/signin/{token}", data={"password": "новый-пароль-1", "again": "новый-пароль-1",
                                                 "csrf": csrf_of(client)})
    assert done.status_code == 200 and "Мои задания" in done.text
    assert accounts.authenticate(engine, "ivanov", PASSWORD) is None
    assert accounts.authenticate(engine, "ivanov", "новый-пароль-1") is not None
    client.post("/logout", data={"csrf": csrf_of(client)})
    assert client.get(f"/signin/{token}").status_code == 404  # one time only
