"""Write one feedback file per student plus an index for the instructor."""
from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from urllib.parse import quote

from ..course import Assignment, Course, LoadedCourse
from ..gradebook import Gradebook, summarize
from ..records import SubmissionRecord
from .render import FORMATS, render_index, render_student
from .view import STATUS_TEXT, build_view, fmt_number

INDEX_STEM = "index"


class FeedbackError(Exception):
    """Feedback cannot be written; str() is a Russian message for the instructor."""


def safe_stem(student_id: str) -> str:
    """A file name from a student id: Cyrillic and spaces kept, path separators and control characters not."""
    stem = re.sub(r'[\x00-\x1f/\\:*?"<>|]', "_", student_id).strip(" .")
    return stem or "_"


def _resolve(course: Course | LoadedCourse | None, assignment_id: str) -> Assignment | None:
    if course is None:
        return None
    course = course.course if isinstance(course, LoadedCourse) else course
    return course.assignment(assignment_id)


def atomic_write(path: Path, text: str, *, encoding: str = "utf-8") -> None:
    """Write via a temporary file and rename: an interrupted run never leaves a half-written page."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def render_feedback(record: SubmissionRecord, assignment: Assignment | None = None, fmt: str = "md") -> str:
    """The feedback page of one submission as Markdown or HTML."""
    return render_student(build_view(record, assignment), fmt)


def write_feedback(gradebook: Gradebook, course: Course | LoadedCourse | None, assignment_id: str,
                   out_dir: Path | str, fmt: str = "md") -> list[Path]:
    """Write `<student_id>.<fmt>` for every current submission of the assignment, then `index.<fmt>`.

    `assignment_id` may be anything course.assignment() accepts ("02", "activations")
    when a course is given. Returns the written paths, index last.
    """
    if fmt not in FORMATS:
        raise FeedbackError(f"неизвестный формат «{fmt}»: используйте md или html")
    assignment = _resolve(course, assignment_id)
    key = assignment.id if assignment is not None else assignment_id
    records = gradebook.current(key)
    if not records:
        raise FeedbackError(f"в журнале оценок нет проверенных решений задания {key}. "
                            f"Сначала запустите: nngrader grade {key} ПАПКА_С_РЕШЕНИЯМИ")
    out = Path(out_dir)
    written: list[Path] = []
    rows = []
    used: set[str] = {INDEX_STEM}
    for record in records:  # sorted by student id: deterministic output
        stem = safe_stem(record.student_id)
        base, n = stem, 1
        while stem in used:
            n += 1
            stem = f"{base}-{n}"
        used.add(stem)
        path = out / f"{stem}.{fmt}"
        atomic_write(path, render_feedback(record, assignment, fmt))
        written.append(path)
        rows.append({
            "student_id": record.student_id, "name": record.student_name or record.student_id,
            "score_text": f"{fmt_number(record.score)} из {fmt_number(record.max_score)}",
            "status_text": STATUS_TEXT.get(record.status, record.status), "late_days": record.late_days,
            "file": path.name, "href": quote(path.name),
        })
    title = f"{assignment.title} ({key})" if assignment is not None else key
    index = out / f"{INDEX_STEM}.{fmt}"
    atomic_write(index, render_index(title, rows, summarize(key, records), fmt))
    written.append(index)
    return written
