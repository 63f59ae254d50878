"""Deadline extensions on the site: the instructor grants or withdraws them on a student's page
(assistants see them), and the student's latest attempt is regraded so the late penalty follows."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..course import CourseError
from . import accounts
from .deadlines import parse_until
from .models import Job
from .site import Site, check_csrf, instructor_of, site_of

router = APIRouter(prefix="/staff")


def _student(site: Site, student_id: str) -> accounts.Account:
    student = next((s for s in accounts.students(site.engine) if s.student_id == student_id), None)
    if student is None:
        raise HTTPException(404, "такого студента нет")
    return student


def _spec(site: Site, key: str):
    try:
        return site.course.course.assignment(key)
    except CourseError:
        raise HTTPException(404, "такого задания нет") from None


def regrade_latest(site: Site, student_id: str, assignment_id: str) -> int | None:
    """Queue the student's latest graded upload of the assignment again; its number, or None if none."""
    with Session(site.engine) as session:
        latest = session.scalar(select(Job.id).where(Job.student_id == student_id, Job.assignment_id == assignment_id,
                                                     Job.kind == "grade", Job.status.in_(("done", "failed")))
                                .order_by(Job.id.desc()).limit(1))
    if latest is None:
        return None
    site.queue.requeue([latest])
    return latest


def _done(request: Request, site: Site, student: accounts.Account, text: str, regraded: int | None, wanted: bool):
    if wanted:
        text += (f" Последняя попытка (№{regraded}) поставлена на перепроверку — штраф за опоздание пересчитается."
                 if regraded else " Проверенных попыток по этому заданию пока нет — перепроверять нечего.")
    return site.render(request, "message.html.j2", title="Срок сдачи", text=text, ok=True,
                       back=f"/staff/s/{student.student_id}")


@router.post("/s/{student_id}/extend", dependencies=[Depends(check_csrf)])
def extend(request: Request, student_id: str, assignment: str = Form(...), until: str = Form(""),
           days: str = Form(""), comment: str = Form(""), regrade: str = Form("")):
    site = site_of(request)
    me = instructor_of(request, "продлевать сроки может только преподаватель")
    student = _student(site, student_id)
    spec = _spec(site, assignment)
    try:
        moment = parse_until(site.course.course, spec, student_id, student.name, until, days)
    except ValueError as exc:
        return site.render(request, "message.html.j2", status_code=400, title="Срок не продлён", text=str(exc),
                           back=f"/staff/s/{student_id}")
    site.gradebook.set_extension(student_id, spec.id, moment, granted_by=me.login, comment=comment.strip()[:1000])
    regraded = regrade_latest(site, student_id, spec.id) if regrade else None
    return _done(request, site, student, f"Срок задания {spec.id} для студента {student.name} продлён до "
                 f"{site.course.course.format_time(moment)}.", regraded, bool(regrade))


@router.post("/s/{student_id}/extend/{key}/cancel", dependencies=[Depends(check_csrf)])
def cancel(request: Request, student_id: str, key: str, regrade: str = Form("")):
    site = site_of(request)
    instructor_of(request, "отменять продления может только преподаватель")
    student = _student(site, student_id)
    spec = _spec(site, key)
    if not site.gradebook.clear_extension(student_id, spec.id):
        raise HTTPException(404, "такого продления нет")
    regraded = regrade_latest(site, student_id, spec.id) if regrade else None
    return _done(request, site, student, f"Продление задания {spec.id} для студента {student.name} отменено: "
                 "действует срок из course.yaml.", regraded, bool(regrade))
