"""What is compared: the class's submissions, and what everyone shares by design (the base).

Submissions come from a class folder (the same discovery as `nngrader grade`) or from the
gradebook's current submissions (their stored source path). The base, subtracted like MOSS's
base file, is what every student saw or is expected to write: the starter, the public tests,
the code of the statement's examples, and the reference solution (the canonical form of each
short function — a student who writes `np.maximum(0, x)` has copied nobody).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..course import Assignment, LoadedCourse
from ..submission import SubmissionError, read_submission


@dataclass
class Source:
    student_id: str
    student_name: str
    origin: str        # the file as the instructor knows it
    text: str          # Python source (a notebook's code cells joined, as graded)


@dataclass
class Unreadable:
    student_id: str
    origin: str
    reason: str        # Russian


def from_folder(path: Path, assignment: Assignment) -> tuple[list[Source], list[Unreadable]]:
    from ..grading.discover import discover

    sources, problems = [], []
    for candidate in discover(path, assignment):
        _read(candidate.student_id, candidate.student_name, candidate.path, assignment, sources, problems,
              root=Path(path) if Path(path).is_dir() else None)
    return sources, problems


def from_gradebook(gradebook, assignment: Assignment) -> tuple[list[Source], list[Unreadable]]:
    """Current submissions as graded; a source path that no longer exists is reported, not fatal."""
    sources, problems = [], []
    for record in gradebook.current(assignment.id):
        _read(record.student_id, record.student_name, Path(record.source_path), assignment, sources, problems)
    return sources, problems


def _read(student_id, name, path: Path, assignment: Assignment, sources: list, problems: list,
          root: Path | None = None) -> None:
    try:
        submission = read_submission(path, assignment.module)
    except SubmissionError as exc:
        problems.append(Unreadable(student_id, str(path), str(exc)))
        return
    except OSError as exc:
        problems.append(Unreadable(student_id, str(path), f"файл не читается: {exc}"))
        return
    sources.append(Source(student_id, name or student_id, _shown(path, submission.origin, root), submission.text))


def _shown(path: Path, origin: str, root: Path | None) -> str:
    """The file as the instructor finds it: relative to the class folder, down to the file read."""
    inner = PurePosixPath(origin).parts[1:] if path.is_dir() else ()
    full = path.joinpath(*inner)
    try:
        return full.relative_to(root).as_posix() if root is not None else full.as_posix()
    except ValueError:  # a Moodle archive unpacked elsewhere
        return full.as_posix()


_FENCE = re.compile(r"```(?:python|py|pycon)?\s*\n(.*?)```", re.S)


def statement_code(readme: str) -> str:
    """The Python of the statement's examples: fenced blocks, `>>>` prompts stripped, outputs dropped."""
    chunks = []
    for block in _FENCE.findall(readme):
        lines = block.splitlines()
        if any(line.lstrip().startswith(">>>") for line in lines):
            lines = [line.lstrip()[4:] for line in lines if line.lstrip().startswith((">>>", "..."))]
        chunks.append("\n".join(lines))
    return "\n\n".join(chunks)


def base_texts(course: LoadedCourse, assignment: Assignment, *, reference: bool = True) -> list[tuple[str, str]]:
    """(label, source) of everything subtracted from every submission; missing files are skipped."""
    folder = course.folder(assignment)
    candidates = [("заготовка", course.starter_path(assignment)),
                  ("публичные тесты", folder / f"test_{assignment.module}.py")]
    if reference:
        candidates.append(("эталонное решение", course.solution_path(assignment)))
    found = [(label, path.read_text(encoding="utf-8")) for label, path in candidates if path.is_file()]
    readme = folder / "README.md"
    if readme.is_file():
        found.append(("примеры из условия", statement_code(readme.read_text(encoding="utf-8"))))
    return found
