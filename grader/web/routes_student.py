"""Students' pages: assignments (statement, downloads, submit, results) and quizzes."""
from __future__ import annotations

import io
import tempfile
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import JSONResponse, RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..course import CourseError
from ..feedback.view import build_view
from .deadlines import deadline_of
from .jobs import ALLOWED_SUFFIXES, QueueFull
from .mathtext import render
from .models import Job, QuizSession, QuizSessionAnswer, write_engine, writing
from .site import Site, account_of, check_csrf, site_of, student_of

router = APIRouter()


def _assignment(site: Site, key: str):
    try:
        return site.course.course.assignment(key)
    except CourseError:
        raise HTTPException(404, "такого задания нет") from None


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _deadline_passed(site: Site, spec, student_id: str, name: str) -> bool:
    """Past this student's own deadline (extensions included): full feedback may open then."""
    deadline = deadline_of(site, spec, student_id, name)
    if deadline is None:
        return True
    deadline = deadline if deadline.tzinfo else deadline.replace(tzinfo=timezone.utc)
    return _now() > deadline


def _jobs(site: Site, student_id: str, assignment_id: str | None = None) -> list[Job]:
    with Session(site.engine) as session:
        stmt = select(Job).where(Job.student_id == student_id).order_by(Job.id.desc())
        if assignment_id is not None:
            stmt = stmt.where(Job.assignment_id == assignment_id)
        return list(session.scalars(stmt))


def _scores(site: Site, student_id: str) -> dict[int, float]:
    return {s.id: s.record.score for s in site.gradebook.submissions(student_id=student_id)}


@router.get("/")
def home(request: Request):
    site = site_of(request)
    me = account_of(request)
    if me.is_staff:
        return RedirectResponse("/staff", status_code=303)
    current = {r.assignment_id: r for r in site.gradebook.current() if r.student_id == me.student_id}
    return site.render(request, "home.html.j2", title="Мои задания", assignments=site.course.course.assignments,
                       current=current, topics=site.quizzes.topics(), graded=site.quizzes.graded_quizzes())


@router.get("/a/{key}")
def assignment_page(request: Request, key: str):
    site = site_of(request)
    me = student_of(request)
    spec = _assignment(site, key)
    statement = (site.course.folder(spec) / "README.md").read_text(encoding="utf-8")
    policy = site.config.policy(spec.id)
    used = site.queue.uploads_since(me.student_id, spec.id, _now() - timedelta(days=1), "grade")
    used_public = site.queue.uploads_since(me.student_id, spec.id, _now() - timedelta(days=1), "public")
    mine = deadline_of(site, spec, me.student_id, me.name)
    extended = mine if mine is not None and spec.deadline is not None and mine > spec.deadline else None
    return site.render(request, "assignment.html.j2", title=spec.title, spec=spec, statement=render(statement),
                       extended=extended, used_public=used_public,
                       policy=policy, used=used, jobs=_jobs(site, me.student_id, spec.id),
                       scores=_scores(site, me.student_id), now=_now(), limit_kb=site.config.upload_limit_kb,
                       suffixes=", ".join(ALLOWED_SUFFIXES))


@router.get("/a/{key}/bundle.zip")
def bundle(request: Request, key: str):
    """The same bundle as `nngrader release` (audited: no hidden tests, no reference)."""
    from ..release.bundle import release_bundle

    site = site_of(request)
    student_of(request)
    spec = _assignment(site, key)
    if spec.id not in site.bundles:
        with tempfile.TemporaryDirectory() as tmp:
            folder = release_bundle(site.course, spec, Path(tmp), fmt="py")
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
                for path in sorted(folder.rglob("*")):
                    if path.is_file():
                        archive.write(path, f"{spec.id}/{path.relative_to(folder)}")
            site.bundles[spec.id] = buffer.getvalue()
    return Response(site.bundles[spec.id], media_type="application/zip",
                    headers={"Content-Disposition": f'attachment; filename="{spec.id}.zip"'})


@router.post("/a/{key}/submit", dependencies=[Depends(check_csrf)])
async def submit(request: Request, key: str, file: UploadFile = File(...), kind: str = Form("grade")):
    """Upload for grading (kind "grade", hidden tests) or for the open tests only (kind "public")."""
    site = site_of(request)
    me = student_of(request)
    spec = _assignment(site, key)
    name = Path(file.filename or "").name

    def refuse(text: str, status: int = 400):
        return site.render(request, "message.html.j2", status_code=status, title="Решение не принято", text=text,
                           back=f"/a/{spec.id}")

    if not name.lower().endswith(ALLOWED_SUFFIXES):
        return refuse(f"Файл «{name or 'без имени'}» не подходит: сдавайте {', '.join(ALLOWED_SUFFIXES)}.")
    limit = site.config.upload_limit_kb * 1024
    data = await file.read(limit + 1)
    if len(data) > limit:
        return refuse(f"Файл больше {site.config.upload_limit_kb} КБ. Сдавайте только своё решение, без данных "
                      "и лишних файлов.", 413)
    if not data.strip():
        return refuse("Файл пуст.")
    if site.queue.uploads_since(me.student_id, None, _now() - timedelta(minutes=1)) >= site.config.per_student_per_minute:
        return refuse("Слишком часто: подождите минуту и отправьте снова.", 429)
    if kind not in ("grade", "public"):
        return refuse("Непонятно, что сделать с файлом: отправьте форму со страницы задания.")
    policy = site.config.policy(spec.id)
    used = site.queue.uploads_since(me.student_id, spec.id, _now() - timedelta(days=1), kind)
    if kind == "grade" and policy.hidden_per_day is not None and used >= policy.hidden_per_day:
        return refuse(f"За сутки можно отправить это задание {policy.hidden_per_day} раз; попытки кончились. "
                      "Проверяйте решение открытыми тестами (кнопка «Открытые тесты» или nngrader check у себя) "
                      "и приходите завтра.", 429)
    if kind == "public" and policy.public_per_day is not None and used >= policy.public_per_day:
        return refuse(f"Открытые тесты этого задания можно запускать на сайте {policy.public_per_day} раз в сутки; "
                      "запуски кончились. Запускайте их у себя: nngrader check.", 429)
    try:
        job_id = site.queue.enqueue(me.student_id, me.name, spec.id, name, data, kind)
    except QueueFull:
        return refuse("Очередь проверки переполнена. Попробуйте через несколько минут — ваш файл не потерян, "
                      "он просто не отправлен.", 503)
    return RedirectResponse(f"/jobs/{job_id}", status_code=303)


def _own_job(site: Site, request: Request, job_id: int) -> Job:
    me = account_of(request)
    with Session(site.engine) as session:
        job = session.get(Job, job_id)
    if job is None or not (me.is_staff or job.student_id == me.student_id):
        raise HTTPException(404, "такой попытки нет")  # the same answer whether it exists or not
    return job


@router.get("/jobs/{job_id}")
def job_page(request: Request, job_id: int):
    site = site_of(request)
    me = account_of(request)
    job = _own_job(site, request, job_id)
    spec = _assignment(site, job.assignment_id)
    view, detail = None, True
    if job.submission_id is not None:
        stored = next((s for s in site.gradebook.submissions(job.assignment_id, job.student_id)
                       if s.id == job.submission_id), None)
        if stored is not None:
            view = build_view(stored.record, spec)
        policy = site.config.policy(spec.id).feedback
        detail = me.is_staff or policy == "full" or (
            policy == "after_deadline" and _deadline_passed(site, spec, job.student_id, job.student_name))
    return site.render(request, "job.html.j2", title=f"Попытка {job.id}", job=job, spec=spec, view=view,
                       detail=detail, position=site.queue.position(job.id))


@router.get("/jobs/{job_id}/status")
def job_status(request: Request, job_id: int):
    site = site_of(request)
    job = _own_job(site, request, job_id)
    return JSONResponse({"status": job.status, "position": site.queue.position(job.id)})


# ---------------------------------------------------------------- quizzes

@router.get("/quiz/self/{topic}")
def selfcheck_page(request: Request, topic: str):
    site = site_of(request)
    me = student_of(request)
    if topic not in dict(site.quizzes.topics()):
        raise HTTPException(404, "такой темы нет")
    variant = site.quizzes.variant(topic, me.student_id)
    return site.render(request, "quiz_self.html.j2", title=variant.quiz.title, topic=topic,
                       questions=site.quizzes.shown(variant))


@router.post("/quiz/self/{topic}/check", dependencies=[Depends(check_csrf)])
async def selfcheck_answer(request: Request, topic: str):
    site = site_of(request)
    me = student_of(request)
    payload = await request.json()
    if topic not in dict(site.quizzes.topics()):
        raise HTTPException(404, "такой темы нет")
    variant = site.quizzes.variant(topic, me.student_id)
    try:
        verdict = site.quizzes.check(variant, str(payload.get("question", "")), str(payload.get("given", ""))[:500])
    except KeyError:
        raise HTTPException(404, "такого вопроса нет") from None
    return JSONResponse(verdict.__dict__)


def _window(site: Site, quiz_id: str):
    window = site.config.window(quiz_id)
    now = _now()
    if window.opens is not None and now < window.opens:
        return f"тест откроется {site.course.course.format_time(window.opens)}"
    if window.closes is not None and now > window.closes:
        return "тест закрыт"
    return None


def _session(site: Site, student_id: str, quiz_id: str) -> QuizSession | None:
    with Session(site.engine) as session:
        return session.scalar(select(QuizSession).where(QuizSession.student_id == student_id,
                                                         QuizSession.quiz_id == quiz_id))


def _ends_at(site: Site, quiz_session: QuizSession) -> datetime | None:
    window = site.config.window(quiz_session.quiz_id)
    ends = [t for t in (window.closes,
                        quiz_session.started_at + timedelta(minutes=window.minutes) if window.minutes else None) if t]
    return min(ends) if ends else None


def _graded_quiz(site: Site, quiz_id: str):
    quiz = next((q for q in site.quizzes.graded_quizzes() if q.id == quiz_id), None)
    if quiz is None:
        raise HTTPException(404, "такого теста нет")
    return quiz


@router.get("/quiz/{quiz_id}")
def graded_page(request: Request, quiz_id: str):
    site = site_of(request)
    me = student_of(request)
    quiz = _graded_quiz(site, quiz_id)
    current = _session(site, me.student_id, quiz_id)
    closed = _window(site, quiz_id)
    if current is None or current.finished_at is not None:
        return site.render(request, "quiz_start.html.j2", title=quiz.title or quiz.id, quiz=quiz, attempt=current,
                           closed=closed, window=site.config.window(quiz_id))
    variant = site.quizzes.variant(quiz_id, me.student_id)
    with Session(site.engine) as session:
        saved = {a.question_id: a.given for a in session.scalars(
            select(QuizSessionAnswer).where(QuizSessionAnswer.session_id == current.id))}
    return site.render(request, "quiz_graded.html.j2", title=quiz.title or quiz.id, quiz=quiz,
                       questions=site.quizzes.shown(variant), saved=saved, ends_at=_ends_at(site, current))


@router.post("/quiz/{quiz_id}/start", dependencies=[Depends(check_csrf)])
def graded_start(request: Request, quiz_id: str):
    site = site_of(request)
    me = student_of(request)
    _graded_quiz(site, quiz_id)
    if _window(site, quiz_id):
        return RedirectResponse(f"/quiz/{quiz_id}", status_code=303)
    from sqlalchemy.exc import IntegrityError
    try:
        with writing(site.engine) as session, session.begin():
            session.add(QuizSession(student_id=me.student_id, quiz_id=quiz_id, started_at=_now(), finished_at=None,
                                    score=None, max_score=None))
    except IntegrityError:
        pass  # one attempt: a second start (another tab) continues the first
    return RedirectResponse(f"/quiz/{quiz_id}", status_code=303)


@router.post("/quiz/{quiz_id}/answer", dependencies=[Depends(check_csrf)])
async def graded_answer(request: Request, quiz_id: str):
    """Save one answer as soon as it is given: a closed tab or a dropped connection loses nothing."""
    site = site_of(request)
    me = student_of(request)
    payload = await request.json()
    current = _session(site, me.student_id, quiz_id)
    if current is None or current.finished_at is not None:
        raise HTTPException(409, "тест не начат или уже сдан")
    ends = _ends_at(site, current)
    if ends is not None and _now() > ends:
        raise HTTPException(409, "время теста вышло: ответы больше не принимаются")
    question = str(payload.get("question", ""))
    if question not in {vq.id for vq in site.quizzes.variant(quiz_id, me.student_id).questions}:
        raise HTTPException(404, "такого вопроса нет в вашем варианте")
    given = str(payload.get("given", ""))[:500]
    with writing(site.engine) as session, session.begin():
        row = session.scalar(select(QuizSessionAnswer).where(QuizSessionAnswer.session_id == current.id,
                                                             QuizSessionAnswer.question_id == question))
        if row is None:
            session.add(QuizSessionAnswer(session_id=current.id, question_id=question, given=given, saved_at=_now()))
        else:
            row.given, row.saved_at = given, _now()
    return JSONResponse({"saved": True})


@router.post("/quiz/{quiz_id}/finish", dependencies=[Depends(check_csrf)])
def graded_finish(request: Request, quiz_id: str):
    from ..quiz.store import QuizAnswer, QuizAttempt, save_attempt

    site = site_of(request)
    me = student_of(request)
    current = _session(site, me.student_id, quiz_id)
    if current is None:
        raise HTTPException(409, "тест не начат")
    if current.finished_at is None:
        variant = site.quizzes.variant(quiz_id, me.student_id)
        with Session(site.engine) as session:
            saved = {a.question_id: a.given for a in session.scalars(
                select(QuizSessionAnswer).where(QuizSessionAnswer.session_id == current.id))}
        answers = []
        for vq in variant.questions:
            verdict = site.quizzes.check(variant, vq.id, saved.get(vq.id, ""))
            answers.append(QuizAnswer(question_id=vq.id, given=saved.get(vq.id) or None, points=verdict.points,
                                      max_points=0.0 if vq.unavailable else 1.0))
        score, top = sum(a.points for a in answers), sum(a.max_points for a in answers)
        save_attempt(write_engine(site.engine), QuizAttempt(
            student_id=me.student_id, quiz_id=quiz_id, variant_seed=variant.seed, score=score, max_score=top,
            source="web", answers=answers))
        with writing(site.engine) as session, session.begin():
            row = session.get(QuizSession, current.id)
            row.finished_at, row.score, row.max_score = _now(), score, top
    return RedirectResponse(f"/quiz/{quiz_id}", status_code=303)
