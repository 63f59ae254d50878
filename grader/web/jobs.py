"""The grading queue: uploads wait in the database, one thread grades them in batches.

A batch is every queued upload of one assignment, graded by the same code as
`nngrader grade` (sandboxed grading processes with their zygotes), so the site
gives exactly the grade the command would. Jobs live in the database: a restart
re-queues what was running, and nothing is lost.
"""
from __future__ import annotations

import threading
from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import func, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from ..gradebook import Gradebook
from ..grading.discover import Candidate
from ..grading.parallel import grade_in_parallel
from .models import Job, writing

ALLOWED_SUFFIXES = (".py", ".ipynb", ".zip")


class QueueFull(Exception):
    pass


def now() -> datetime:
    return datetime.now(timezone.utc)


class GradingQueue:
    def __init__(self, engine: Engine, gradebook: Gradebook, course_root: Path, storage: Path, *, level: str,
                 jobs: int, limit: int, executor=None):
        self.engine, self.gradebook, self.course_root = engine, gradebook, Path(course_root)
        self.executor = executor  # an open DaskGrading, or None: this machine's worker pool
        self.storage, self.level, self.jobs, self.limit = Path(storage), level, jobs, limit
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.batches = 0
        with writing(engine) as session, session.begin():  # a crash mid-batch: grade those again
            session.execute(update(Job).where(Job.status == "running").values(status="queued"))

    # ------------------------------------------------------------ producer side

    def enqueue(self, student_id: str, student_name: str, assignment_id: str, filename: str, data: bytes,
                kind: str = "grade") -> int:
        """Queue an upload: kind "grade" (hidden tests, a grade) or "public" (the open tests, feedback only)."""
        with writing(self.engine) as session, session.begin():
            waiting = session.scalar(select(func.count()).select_from(Job).where(Job.status.in_(("queued", "running"))))
            if waiting >= self.limit:
                raise QueueFull()
            job = Job(student_id=student_id, student_name=student_name, assignment_id=assignment_id, path="",
                      filename=filename, status="uploading", created_at=now(), kind=kind)
            session.add(job)
            session.flush()
            folder = self.storage / "uploads" / _safe(student_id) / assignment_id / str(job.id)
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / _safe(filename)
            path.write_bytes(data)
            job.path, job.status = str(path), "queued"
            job_id = job.id
        self._wake.set()
        return job_id

    def requeue(self, job_ids: list[int]) -> int:
        """Grade these uploads again (a new attempt each), e.g. after the hidden tests changed or an extension.

        The new attempt keeps the upload's time: it is the submission time lateness is counted from, and
        a regrade the student did not ask for must not use up their attempts of the day."""
        made = 0
        with writing(self.engine) as session, session.begin():
            for old in session.scalars(select(Job).where(Job.id.in_(job_ids))):
                session.add(Job(student_id=old.student_id, student_name=old.student_name,
                                assignment_id=old.assignment_id, path=old.path, filename=old.filename,
                                status="queued", created_at=old.created_at, kind=old.kind))
                made += 1
        self._wake.set()
        return made

    def position(self, job_id: int) -> int:
        """1 = next to be graded; 0 = not waiting."""
        with Session(self.engine) as session:
            job = session.get(Job, job_id)
            if job is None or job.status != "queued":
                return 0
            return int(session.scalar(select(func.count()).select_from(Job).where(
                Job.status == "queued", Job.id <= job_id)) or 0)

    def uploads_since(self, student_id: str, assignment_id: str | None, since: datetime,
                      kind: str | None = None) -> int:
        """The student's uploads since `since`. Counted by file: a regrade (requeue) reuses the upload's
        file and time, so it never uses up the student's attempts."""
        with Session(self.engine) as session:
            stmt = select(func.count(func.distinct(Job.path))).select_from(Job).where(
                Job.student_id == student_id, Job.created_at >= since)
            if assignment_id is not None:
                stmt = stmt.where(Job.assignment_id == assignment_id)
            if kind is not None:
                stmt = stmt.where(Job.kind == kind)
            return int(session.scalar(stmt) or 0)

    # ------------------------------------------------------------ consumer side

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="nngrader-grading", daemon=True)
        self._thread.start()
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=30)

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(timeout=2.0)
            self._wake.clear()
            while not self._stop.is_set() and self.run_once():
                pass

    def run_once(self) -> bool:
        """Grade every queued upload of the assignment that waits longest; False when nothing waits."""
        with writing(self.engine) as session, session.begin():
            first = session.scalar(select(Job).where(Job.status == "queued").order_by(Job.id).limit(1))
            if first is None:
                return False
            assignment_id, public = first.assignment_id, first.kind == "public"
            # An open-test run goes alone; a grading batch is every queued upload of the assignment.
            batch = [first] if public else list(session.scalars(
                select(Job).where(Job.status == "queued", Job.kind == "grade", Job.assignment_id == assignment_id)
                .order_by(Job.id).limit(200)))
            for job in batch:
                job.status = "running"
            plan = [(j.id, j.student_id, j.student_name, j.path, j.created_at) for j in batch]
        if public:
            self._run_public(plan[0][0], assignment_id, plan[0][3])
            return True
        by_path: dict[str, list[int]] = defaultdict(list)
        candidates = []
        granted = self.gradebook.extended_until(assignment_id)  # extensions granted on the site
        for job_id, student_id, name, path, created in plan:
            by_path[path].append(job_id)
            candidates.append(Candidate(student_id, name, Path(path), created,
                                        extended_until=granted.get(student_id)))
        try:
            records = (grade_in_parallel(self.course_root, assignment_id, candidates, level=self.level,
                                         jobs=min(self.jobs, len(candidates)))
                       if self.executor is None else self.executor.grade(assignment_id, candidates))
            for record in records:
                submission_id = self.gradebook.save(record)
                job_id = by_path[record.source_path].pop(0)
                self._finish(job_id, "done", "", submission_id)
        except Exception as exc:  # noqa: BLE001 - the site must outlive any grading failure
            # A Dask worker's refusal (isolation below the site's) is a Russian message worth showing as is.
            why = str(exc) if type(exc).__name__ == "ExecutorError" else type(exc).__name__
            with writing(self.engine) as session, session.begin():
                session.execute(update(Job).where(Job.id.in_([p[0] for p in plan]), Job.status == "running")
                                .values(status="failed", finished_at=now(), message=f"проверка не удалась: {why}"))
        self.batches += 1
        return True

    def _run_public(self, job_id: int, assignment_id: str, path: str) -> None:
        """The open tests on one upload; the results go onto the job, never into the gradebook."""
        from ..course import load_course
        from .opentests import OpenTestsFailed, run_public
        try:
            budget = load_course(self.course_root).course.limits.submission_budget_s
            outcome = run_public(self.course_root, assignment_id, Path(path), self.level, budget)
        except Exception as exc:  # noqa: BLE001 - the site must outlive any failure
            text = str(exc) if isinstance(exc, OpenTestsFailed) else type(exc).__name__
            self._finish(job_id, "failed", f"открытые тесты не запустились: {text}", None)
            return
        with writing(self.engine) as session, session.begin():
            job = session.get(Job, job_id)
            job.status, job.outcome, job.finished_at = "done", outcome, now()

    def _finish(self, job_id: int, status: str, message: str, submission_id: int | None) -> None:
        with writing(self.engine) as session, session.begin():
            job = session.get(Job, job_id)
            job.status, job.message, job.submission_id, job.finished_at = status, message, submission_id, now()


def _safe(name: str) -> str:
    """A file or folder name with nothing that could climb out of the uploads folder."""
    cleaned = "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in Path(name).name)
    return cleaned.lstrip(".") or "file"

