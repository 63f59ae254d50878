"""`nngrader grade ASSIGNMENT --nbgrader COURSE_DIR`: grade an nbgrader course's submitted/ with our grader.

1. find <submitted>/<student>/<assignment>/ (grader.nbgrader_interop.discover);
2. grade what changed in the sandbox, in parallel, into OUR gradebook
   (one transaction per submission, resumable, like `nngrader grade`);
3. write every current score into nbgrader's gradebook through its API;
4. write our HTML feedback where `nbgrader release_feedback` picks it up.

Our tests never live in the student's notebook, so a notebook whose grade
cells were deleted or edited is graded like any other.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..course import Assignment, LoadedCourse
from ..records import SubmissionRecord
from .config import NbgraderError, course_directory, db_url, step_folder
from .discover import nbgrader_candidates
from .feedback import HAND_PLACED_FEEDBACK, write_nbgrader_feedback
from .gradebook import write_scores


@dataclass
class NbgraderGradeSummary:
    assignment_id: str
    course_dir: Path
    db_url: str
    notebook: str = ""
    found: int = 0
    graded: int = 0
    skipped: int = 0
    written: int = 0
    feedback_dir: Path | None = None
    not_releasable: list[str] = field(default_factory=list)  # no submission_secret.txt
    notes: list[str] = field(default_factory=list)
    records: list[SubmissionRecord] = field(default_factory=list)

    def lines(self) -> list[str]:
        """Russian lines for the instructor's terminal."""
        out = [f"Курс nbgrader {self.course_dir}, задание {self.assignment_id}: сданных работ {self.found}, "
               f"проверено сейчас {self.graded}"
               + (f", без изменений {self.skipped} (--force — перепроверить)" if self.skipped else "")]
        out += self.notes
        out.append(f"Оценки записаны в журнал nbgrader ({self.db_url}): студентов {self.written}, блокнот "
                   f"{self.notebook}; смотрите formgrader или nbgrader export")
        if self.feedback_dir is not None:
            out.append(f"Отзывы: {self.feedback_dir}/<студент>/{self.assignment_id}/{self.notebook}.html — раздать: "
                       f"nbgrader release_feedback {self.assignment_id}")
        if self.not_releasable:
            out.append("Без timestamp.txt или submission_secret.txt (работы положены в submitted/ не через "
                       "nbgrader collect) — release_feedback такие отзывы раздать не может, поэтому они лежат "
                       f"отдельно, в {self.course_dir / HAND_PLACED_FEEDBACK}/<студент>/{self.assignment_id}/: "
                       f"{', '.join(self.not_releasable)}")
        return out


def grade_nbgrader(loaded: LoadedCourse, assignment: Assignment, nb_course_dir: Path, *, jobs: int, level: str,
                   force: bool = False, hints: bool = True, db: str | None = None,
                   on_record: Callable[[SubmissionRecord], None] | None = None) -> NbgraderGradeSummary:
    """Grade, store, write scores to nbgrader and feedback; raises NbgraderError with a Russian message."""
    from ..gradebook import Gradebook, default_url
    from ..gradebook.copies import keep_copy, storage_base
    from ..harness.import_advice import retry_next_run
    from ..grading.identity import grading_key, suite_hash
    from ..grading.parallel import grade_in_parallel

    coursedir = course_directory(nb_course_dir)
    candidates = nbgrader_candidates(coursedir, assignment.id, module=assignment.module,
                                     starter=loaded.starter_path(assignment))
    submitted = step_folder(coursedir, coursedir.submitted_directory, "*", assignment.id)
    if not candidates:
        raise NbgraderError(f"в {submitted} нет ни одной сданной работы задания {assignment.id} "
                            "(соберите их: nbgrader collect " + assignment.id + ")")
    summary = NbgraderGradeSummary(assignment.id, Path(coursedir.root), db_url(coursedir), found=len(candidates))
    with Gradebook(db or default_url(loaded.root)) as gradebook:
        known = {} if force else gradebook.known_hashes(assignment.id)
        suite = suite_hash(loaded, assignment)
        todo = [c for c in candidates if known.get(c.student_id) != grading_key(c.path, suite)]
        summary.skipped = len(candidates) - len(todo)
        for record in grade_in_parallel(loaded.root, assignment.id, todo, level=level, jobs=max(1, jobs), hints=hints):
            keep_copy(storage_base(gradebook.url, loaded.root), record)
            retry_next_run(record)
            gradebook.save(record)
            summary.graded += 1
            if on_record is not None:
                on_record(record)
        wanted = {c.student_id for c in candidates}
        records = [r for r in gradebook.current(assignment.id) if r.student_id in wanted]
    summary.records = records
    try:
        summary.notebook, notes = write_scores(summary.db_url, coursedir.course_id, assignment, records)
    except Exception as exc:  # noqa: BLE001 - nbgrader's own errors (locked or foreign database) in one line
        raise NbgraderError(f"не удалось записать оценки в журнал nbgrader {summary.db_url}: {exc}") from exc
    summary.written = len(records)
    summary.notes += notes
    folders = {c.student_id: c.path if c.path.is_dir() else c.path.parent for c in candidates}
    for record in records:
        _, releasable = write_nbgrader_feedback(coursedir, assignment, summary.notebook, record,
                                                folders[record.student_id])
        if not releasable:
            summary.not_releasable.append(record.student_id)
    summary.feedback_dir = step_folder(coursedir, coursedir.feedback_directory, "*", assignment.id).parent.parent
    return summary
