"""The class gradebook: SQLAlchemy over SQLite (or any URL), crash-safe writes.

    gb = Gradebook(default_url(course_dir))
    if gb.known_hash(student, assignment) != digest:
        gb.save(record)              # one transaction per submission
    gb.current("02_activations")     # -> list[SubmissionRecord]
"""
from .convert import jsonable, record_from_dict, record_to_dict
from .engine import GRADEBOOK_FILE, default_url, make_engine, sqlite_path
from .models import Assignment, Base, Student, Submission, TestResult
from .store import Gradebook, GradebookError, StoredSubmission, StudentInfo
from .summary import AssignmentSummary, summarize

__all__ = [
    "Assignment", "AssignmentSummary", "Base", "GRADEBOOK_FILE", "Gradebook", "GradebookError",
    "StoredSubmission", "Student", "StudentInfo", "Submission", "TestResult", "default_url", "jsonable",
    "make_engine", "record_from_dict", "record_to_dict", "sqlite_path", "summarize",
]
