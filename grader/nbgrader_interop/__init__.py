"""Interop with courses that run nbgrader: our assignment in their source/, their submitted/ graded by us.

    release_to_nbgrader(loaded, assignment, COURSE_DIR)      # nngrader release A --nbgrader COURSE_DIR
    grade_nbgrader(loaded, assignment, COURSE_DIR, jobs=…, level=…, force=…)   # nngrader grade A --nbgrader …

nbgrader itself is imported only when these run (it is the optional `jupyter` extra).
"""
from .config import NbgraderError
from .grade import NbgraderGradeSummary, grade_nbgrader
from .source import NbgraderRelease, release_to_nbgrader

__all__ = ["NbgraderError", "NbgraderGradeSummary", "NbgraderRelease", "grade_nbgrader", "release_to_nbgrader"]
