"""Our HTML feedback where `nbgrader release_feedback` looks for it.

release_feedback hands out <feedback>/<student>/<assignment>/*.html and needs
the submission's timestamp.txt and submission_secret.txt beside them (it names
the released file by a hash of the secret); both are copied from submitted/.
"""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from ..course import Assignment
from ..feedback import atomic_write, render_feedback
from ..records import SubmissionRecord
from .config import step_folder

RELEASE_FILES = ("timestamp.txt", "submission_secret.txt")
# release_feedback reads both files of every folder it finds and stops the whole run when one is missing,
# so the feedback of a hand-placed submission goes here instead (the instructor hands it out).
HAND_PLACED_FEEDBACK = "nngrader_feedback"


def write_nbgrader_feedback(coursedir: Any, assignment: Assignment, notebook: str, record: SubmissionRecord,
                            submitted: Path) -> tuple[Path, bool]:
    """Write the student's page; returns (path, whether release_feedback can hand it out)."""
    folder = step_folder(coursedir, coursedir.feedback_directory, record.student_id, assignment.id)
    releasable = all((submitted / name).is_file() for name in RELEASE_FILES)
    if not releasable:
        stale = folder / f"{notebook}.html"
        if stale.is_file() and not all((folder / name).is_file() for name in RELEASE_FILES):
            stale.unlink()  # left by an earlier version: it would stop release_feedback for everyone
        folder = Path(coursedir.root) / HAND_PLACED_FEEDBACK / record.student_id / assignment.id
    path = folder / f"{notebook}.html"
    atomic_write(path, render_feedback(record, assignment, "html"))
    if releasable:
        for name in RELEASE_FILES:
            shutil.copyfile(submitted / name, folder / name)
    return path, releasable
