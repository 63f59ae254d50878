"""Instructors' pages: live class table, one student's attempts, regrading, roster, exports, quiz results, report."""
from __future__ import annotations

from fastapi import APIRouter, Depends, File, HTTPException, Request, UploadFile
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..course import CourseError
from . import accounts
from .deadlines import deadline_of
from .models import Job
from .site import Site, check_csrf, instructor_of, site_of, staff_of

router = APIRouter(prefix="/staff")


def _assignment(site: Site, key: str):
    try:
        return site.course.course.assignment(key)
    except CourseError:
        raise HTTPException(404, "такого задания нет") from None


@router.get("")
def staff_home(request: Request):
    site = site_of(request)
    staff_of(request)
    counts = {a.id: site.gradebook.count(a.id) for a in site.course.course.assignments}
    with Session(site.engine) as session:
        waiting = len(list(session.scalars(select(Job.id).where(Job.status.in_(("queued", "running"))))))
    return site.render(request, "staff_home.html.j2", title="Преподавателю", assignments=site.course.course.assignments,
                       counts=counts, waiting=waiting, quizzes=site.quizzes.graded_quizzes(),
                       students=accounts.students(site.engine), level=site.level)


def _class_rows(site: Site, assignment_id: str) -> list[dict]:
    current = {r.student_id: r for r in site.gradebook.current(assignment_id)}
    with Session(site.engine) as session:
        latest: dict[str, Job] = {}
        for job in session.scalars(select(Job).where(Job.assignment_id == assignment_id, Job.kind == "grade")
                                   .order_by(Job.id)):
            latest[job.student_id] = job
    rows = []
    for student in accounts.students(site.engine):
        record, job = current.get(student.student_id), latest.get(student.student_id)
        failed = sorted({o.function or "—" for o in record.outcomes if not o.passed}) if record else []
        rows.append({"student_id": student.student_id, "name": student.name,
                     "score": record.score if record else None, "max": record.max_score if record else None,
                     "status": job.status if job else ("graded" if record else "none"),
                     "job": job.id if job else None, "late_days": record.late_days if record else 0,
                     "failed": failed})
    return rows


@router.get("/a/{key}")
def class_table(request: Request, key: str):
    site = site_of(request)
    staff_of(request)
    spec = _assignment(site, key)
    return site.render(request, "staff_assignment.html.j2", title=f"{spec.id}: группа", spec=spec,
                       rows=_class_rows(site, spec.id))


@router.get("/a/{key}/table.json")
def class_table_json(request: Request, key: str):
    site = site_of(request)
    staff_of(request)
    return JSONResponse(_class_rows(site, _assignment(site, key).id))


@router.post("/a/{key}/regrade", dependencies=[Depends(check_csrf)])
def regrade_all(request: Request, key: str):
    site = site_of(request)
    staff_of(request)
    spec = _assignment(site, key)
    with Session(site.engine) as session:
        latest: dict[str, int] = {}
        for job in session.scalars(select(Job).where(Job.assignment_id == spec.id, Job.status == "done",
                                                     Job.kind == "grade")
                                   .order_by(Job.id)):
            latest[job.student_id] = job.id
    site.queue.requeue(list(latest.values()))
    return RedirectResponse(f"/staff/a/{spec.id}", status_code=303)


@router.post("/jobs/{job_id}/regrade", dependencies=[Depends(check_csrf)])
def regrade_one(request: Request, job_id: int):
    site = site_of(request)
    staff_of(request)
    if not site.queue.requeue([job_id]):
        raise HTTPException(404, "такой попытки нет")
    return RedirectResponse("/staff", status_code=303)


@router.get("/s/{student_id}")
def student_page(request: Request, student_id: str):
    site = site_of(request)
    staff_of(request)
    with Session(site.engine) as session:
        jobs = list(session.scalars(select(Job).where(Job.student_id == student_id).order_by(Job.id.desc())))
    scores = {s.id: s.record.score for s in site.gradebook.submissions(student_id=student_id)}
    name = next((s.name for s in accounts.students(site.engine) if s.student_id == student_id), student_id)
    granted = {e.assignment_id: e for e in site.gradebook.extensions(student_id=student_id)}
    deadlines = [(spec, deadline_of(site, spec, student_id, name), granted.get(spec.id))
                 for spec in site.course.course.assignments if spec.deadline is not None]
    return site.render(request, "staff_student.html.j2", title=name, student_name=name, student_id=student_id,
                       jobs=jobs, scores=scores, quiz=site.gradebook.quiz_attempts(), deadlines=deadlines,
                       tz=site.course.course.timezone)


@router.post("/s/{student_id}/link", dependencies=[Depends(check_csrf)])
def new_link(request: Request, student_id: str):
    """A new one-time sign-in link for a student who forgot the password (earlier unused links stop working);
    the old password works until the student sets a new one through the link."""
    site = site_of(request)
    instructor_of(request, "новую ссылку для входа выдаёт преподаватель")
    student = accounts.student_account(site.engine, student_id)
    if student is None:
        raise HTTPException(404, "такого студента нет")
    token = accounts.issue_link_token(site.engine, student.id, revoke_others=True)
    link = f"{str(request.base_url).rstrip('/')}/signin/{token}"
    return site.render(request, "staff_links.html.j2", title="Новая ссылка для входа", links=[(student, link)],
                       reset=True, back=f"/staff/s/{student_id}")


@router.post("/roster", dependencies=[Depends(check_csrf)])
async def roster(request: Request, file: UploadFile = File(...)):
    site = site_of(request)
    me = staff_of(request)
    if me.role != "instructor":
        raise HTTPException(403, "список группы загружает преподаватель")
    raw = await file.read(2_000_000)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1251")  # a roster saved by Excel on a Russian Windows
    try:
        added = accounts.import_roster(site.engine, text)
    except accounts.AccountError as exc:
        return site.render(request, "message.html.j2", status_code=400, title="Список не загружен", text=str(exc),
                           back="/staff")
    base = str(request.base_url).rstrip("/")
    links = [(a, f"{base}/signin/{accounts.issue_link_token(site.engine, a.id)}") for a in added]
    return site.render(request, "staff_links.html.j2", title="Ссылки для входа", links=links)


@router.get("/export/{fmt}")
def export(request: Request, fmt: str):
    import json

    from ..export.csv_export import export_csv
    from ..export.json_export import export_json

    site = site_of(request)
    staff_of(request)
    if fmt == "csv":
        data, media, name = export_csv(site.gradebook, site.course).encode("utf-8"), "text/csv; charset=utf-8", "grades.csv"
    elif fmt == "json":
        data = json.dumps(export_json(site.gradebook, site.course), ensure_ascii=False, indent=1).encode("utf-8")
        media, name = "application/json", "grades.json"
    else:
        raise HTTPException(404, "форматы: csv, json")
    return Response(data, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get("/quiz/{quiz_id}")
def quiz_results(request: Request, quiz_id: str):
    site = site_of(request)
    staff_of(request)
    attempts = site.gradebook.quiz_attempts(quiz_id)
    return site.render(request, "staff_quiz.html.j2", title=f"Тест {quiz_id}", quiz_id=quiz_id, attempts=attempts)


@router.get("/similarity/{key}/{name}")
def similarity(request: Request, key: str, name: str):
    """Who may have copied from whom (`nngrader similarity --gradebook`), rebuilt on every visit of its index."""
    from ..similarity.build import report_from_gradebook

    site = site_of(request)
    staff_of(request)
    spec = _assignment(site, key)
    folder = site.storage / "similarity" / spec.id
    if name == "index.html":
        folder.mkdir(parents=True, exist_ok=True)
        if not report_from_gradebook(site.course, site.gradebook, spec, folder):
            return site.render(request, "message.html.j2", status_code=404, title="Сравнивать нечего",
                               text=f"Для сравнения нужно хотя бы два проверенных решения задания {spec.id}.",
                               back=f"/staff/a/{spec.id}")
    path = (folder / name).resolve()
    if path.parent != folder.resolve() or not path.is_file():
        raise HTTPException(404, "нет такой страницы отчёта")
    return FileResponse(path)


@router.get("/report/{name}")
def report(request: Request, name: str):
    """The analytics report (`nngrader report all`), rebuilt on every visit of its index."""
    from ..analytics.build import build_report

    site = site_of(request)
    staff_of(request)
    folder = site.storage / "report"
    if name == "index.html":
        build_report(site.course, site.gradebook, folder)
    path = (folder / name).resolve()
    if path.parent != folder.resolve() or not path.is_file():
        raise HTTPException(404, "нет такой страницы отчёта")
    return FileResponse(path)
