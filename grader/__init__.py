"""nngrader: the engine that validates, grades and reports on the course."""

__version__ = "0.1.0"


def __getattr__(name: str):
    # `from grader import check` in a student's notebook; loaded on first use so that
    # importing the engine (grading, sandbox workers) stays light.
    if name == "check":
        from .selfcheck.notebook import check
        return check
    raise AttributeError(f"module 'grader' has no attribute {name!r}")
