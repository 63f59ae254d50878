"""nbgrader cell metadata for our notebook: solution cells (functions) and grade cells (their checks).

Grade ids are derived from function names only, so they stay the same across
releases and `nbgrader generate_assignment` can be re-run on a course that
already has submissions.
"""
from __future__ import annotations

SCHEMA_VERSION = 3
BEGIN = "### BEGIN SOLUTION"
END = "### END SOLUTION"


def solution_id(function: str) -> str:
    return f"solution_{function}"


def grade_id(function: str) -> str:
    return f"check_{function}"


def solution_metadata(function: str) -> dict:
    return {"grade": False, "solution": True, "locked": False, "task": False,
            "grade_id": solution_id(function), "schema_version": SCHEMA_VERSION}


def grade_metadata(function: str, points: float) -> dict:
    return {"grade": True, "solution": False, "locked": True, "task": False,
            "grade_id": grade_id(function), "points": float(points), "schema_version": SCHEMA_VERSION}


def wrap_solution(head: str, body: str, indent: str) -> str:
    """The function with its body between nbgrader's solution markers (the signature and docstring stay)."""
    return f"{head}\n{indent}{BEGIN}\n{body}\n{indent}{END}"
