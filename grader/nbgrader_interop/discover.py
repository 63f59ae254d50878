"""Submissions of one assignment in an nbgrader course: <submitted>/<student>/<assignment>/."""
from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..grading.discover import Candidate
from .config import step_folder


def read_timestamp(folder: Path) -> datetime | None:
    """nbgrader's timestamp.txt ("2026-03-01 12:00:00.123456 UTC") as an aware datetime."""
    stamp = folder / "timestamp.txt"
    if not stamp.is_file():
        return None
    text = stamp.read_text(encoding="utf-8", errors="replace").strip()
    try:
        from nbgrader.utils import parse_utc
        moment = parse_utc(text)
    except Exception:  # noqa: BLE001 - an unreadable stamp: lateness unknown, the work is still graded
        return None
    return moment.replace(tzinfo=timezone.utc) if moment is not None and moment.tzinfo is None else moment


def _same_text(a: Path, b: Path) -> bool:
    try:
        return a.read_text(encoding="utf-8-sig").replace("\r\n", "\n").strip() == \
            b.read_text(encoding="utf-8-sig").replace("\r\n", "\n").strip()
    except (OSError, UnicodeDecodeError):
        return False


def submission_in(folder: Path, module: str, starter: Path | None) -> Path:
    """What to grade in a submitted folder: the notebook when the .py beside it is the untouched starter
    (nbgrader hands out both and collects both); otherwise the folder, as any other submission."""
    notebook, script = folder / f"{module}.ipynb", folder / f"{module}.py"
    if notebook.is_file() and script.is_file() and starter is not None and _same_text(script, starter):
        return notebook
    return folder


def nbgrader_candidates(coursedir: Any, assignment_id: str, *, module: str | None = None,
                        starter: Path | None = None) -> list[Candidate]:
    """One candidate per student folder that holds this assignment, in student order.

    The candidate's path is the folder, or its notebook when the .py beside it is the untouched `starter`.
    """
    pattern = step_folder(coursedir, coursedir.submitted_directory, "*", assignment_id)
    regex = re.compile(coursedir.format_path(coursedir.submitted_directory, "(?P<student_id>[^/]+)",
                                             re.escape(assignment_id), escape=True) + "$")
    found = []
    for folder in sorted(pattern.parent.parent.glob(f"{pattern.parent.name}/{pattern.name}")):
        match = regex.match(str(folder))
        if not folder.is_dir() or folder.is_symlink() or match is None:
            continue
        student = match["student_id"]
        path = submission_in(folder, module, starter) if module else folder
        found.append(Candidate(student, student, path, read_timestamp(folder)))
    return found
