"""Whose deadline is when: course.yaml's (with its extensions) and the ones granted on the site."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from ..grading.identity import student_deadline


@dataclass(frozen=True)
class _Who:
    student_id: str
    student_name: str
    extended_until: datetime | None


def deadline_of(site, spec, student_id: str, name: str = "") -> datetime | None:
    """The deadline that grading will apply to this student (the same rule as `nngrader grade`)."""
    granted = next((e.until for e in site.gradebook.extensions(spec.id, student_id)), None)  # this student's only
    return student_deadline(site.course.course, spec, _Who(student_id, name, granted))


def parse_until(course, spec, student_id: str, name: str, until: str, days: str) -> datetime:
    """The new deadline from the form: a local date and time (course time zone) or "+N days" after the
    student's deadline in course.yaml. ValueError with a Russian message when the form makes no sense."""
    if spec.deadline is None:
        raise ValueError(f"у задания {spec.id} нет срока в course.yaml — продлевать нечего")
    until, days = until.strip(), days.strip()
    if bool(until) == bool(days):
        raise ValueError("укажите либо новую дату и время, либо число дней — что-то одно")
    if days:
        if not days.isdigit() or not 1 <= int(days) <= 365:
            raise ValueError("число дней — целое от 1 до 365")
        return course.deadline_for(spec, student_id, name) + timedelta(days=int(days))
    try:
        moment = datetime.fromisoformat(until)
    except ValueError:
        raise ValueError(f"«{until}» — не дата и время (нужно ГГГГ-ММ-ДДTЧЧ:ММ)") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=course.tz)
