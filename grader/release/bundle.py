"""`nngrader release ASSIGNMENT --out DIR`: the student bundle of one assignment.

DIR/<assignment id>/ gets the statement, the starter (.py and/or .ipynb), the
public tests, the frozen self-check quiz, the marker file and the engine's wheel
(so the README's install line works without a package index). The bundle is
built in a temporary folder and audited (grader.release.audit) before it
replaces the previous release: a leak is never left on disk. Without nbformat
the default format falls back to the .py starter with a note.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from ..course import Assignment, LoadedCourse
from ..selfcheck.marker import MARKER, marker_text
from .audit import audit_release
from .readme import bundle_readme

FORMATS = {"py": ("py",), "ipynb": ("ipynb",), "both": ("py", "ipynb")}


class ReleaseError(Exception):
    """The bundle cannot be released; str() is a Russian message for the instructor."""


def write_quiz(loaded: LoadedCourse, assignment: Assignment, out: Path) -> Path | None:
    """The assignment's quiz.yaml frozen for self-check (param questions get fixed numbers)."""
    from ..quiz.bank import load_bank_files
    from ..quiz.reference import Reference
    from ..quiz.release import write_self_check_bank

    source = loaded.folder(assignment) / "quiz.yaml"
    if not source.is_file():
        return None
    bank = load_bank_files([source], root=loaded.root, in_course=True)
    if bank.issues:
        raise ReleaseError(f"в {source} ошибки ({len(bank.issues)}), первая: {bank.issues[0]}. "
                           "Исправьте их (nngrader quiz validate)")
    try:
        return write_self_check_bank(bank.files[0], Reference(loaded.root / "solutions"), out)
    except Exception as exc:  # ReferenceUnavailable / AnswerError name the question
        raise ReleaseError(f"{source}: не удалось заморозить вопросы для самопроверки: {exc}") from None


def assemble(loaded: LoadedCourse, assignment: Assignment, folder: Path, formats: tuple[str, ...],
             wheel: str | None = None) -> list[Path]:
    """Write the bundle's files into `folder` (no audit); `wheel` is the engine wheel's file name, if shipped."""
    statement_path = loaded.folder(assignment) / "README.md"
    starter = loaded.starter_path(assignment)
    tests = loaded.public_tests(assignment)
    for needed in (statement_path, starter, tests):
        if not needed.is_file():
            raise ReleaseError(f"для выдачи задания {assignment.id} нужен файл {needed}")
    statement = statement_path.read_text(encoding="utf-8")
    written: list[Path] = []
    quiz = write_quiz(loaded, assignment, folder / "quiz.yaml")
    if quiz is not None:
        written.append(quiz)
    readme = folder / "README.md"
    readme.write_text(bundle_readme(statement, assignment, formats, quiz is not None, wheel), encoding="utf-8")
    written.append(readme)
    written.append(Path(shutil.copyfile(tests, folder / tests.name)))
    if "py" in formats:
        written.append(Path(shutil.copyfile(starter, folder / starter.name)))
    if "ipynb" in formats:
        written.append(write_student_notebook(assignment, statement, starter, folder / f"{assignment.module}.ipynb",
                                              wheel))
    marker = folder / MARKER
    functions = {name: spec.points for name, spec in assignment.functions.items()}
    marker.write_text(marker_text(assignment.id, assignment.module, assignment.title, functions), encoding="utf-8")
    written.append(marker)
    return written


def nbformat_available() -> bool:
    try:
        import nbformat  # noqa: F401
    except ImportError:
        return False
    return True


def write_student_notebook(assignment: Assignment, statement: str, starter: Path, path: Path,
                           wheel: str | None = None) -> Path:
    try:
        from .notebook import build_notebook, write_notebook
    except ImportError:
        raise ReleaseError("для блокнота нужен пакет nbformat: pip install \"nngrader[jupyter]\" "
                           "(или выдайте только .py: --format py)") from None
    return write_notebook(build_notebook(assignment, statement, starter, wheel=wheel), path)


def release_bundle(loaded: LoadedCourse, assignment: Assignment, out_dir: Path, fmt: str = "both",
                   *, force: bool = False, wheel: bool = True, notes: list[str] | None = None) -> Path:
    """Write DIR/<assignment id>/ and return it; raises ReleaseError (nothing replaced) on any problem.

    `notes` receives Russian remarks for the instructor (e.g. the notebook left out for want of nbformat).
    """
    if fmt not in FORMATS:
        raise ReleaseError(f"неизвестный формат «{fmt}»: используйте py, ipynb или both")
    formats = FORMATS[fmt]
    if "ipynb" in formats and not nbformat_available():
        if fmt != "both":
            raise ReleaseError("для блокнота нужен пакет nbformat: pip install \"nngrader[jupyter]\" "
                               "(или выдайте только .py: --format py)")
        formats = ("py",)
        if notes is not None:
            notes.append("блокнот не создан: нет пакета nbformat (pip install \"nngrader[jupyter]\"); "
                         "выдана заготовка .py")
    target = Path(out_dir) / assignment.id
    if target.exists() and not target.is_dir():
        raise ReleaseError(f"{target} — файл, а нужен каталог")
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).is_file() and not force:
        raise ReleaseError(f"каталог {target} не пуст и не похож на прежнюю выдачу nngrader; "
                           "укажите другой --out или добавьте --force")
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{assignment.id}.", dir=target.parent))
    try:
        from .wheel import wheel_name

        assemble(loaded, assignment, staging, formats, wheel_name() if wheel else None)
        if wheel:
            from .wheel import build_engine_wheel

            build_engine_wheel(staging)
        problems = audit_release(loaded, assignment, staging)  # the wheel too: only grader/ and its metadata
        if problems:
            raise ReleaseError("выдача остановлена: в файлах нашлось то, что студентам видеть нельзя:\n  "
                               + "\n  ".join(problems))
        _replace(staging, target, assignment)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def _replace(staging: Path, target: Path, assignment: Assignment) -> None:
    """Move the audited files into `target`; our files of an earlier release that are not in this one go."""
    target.mkdir(parents=True, exist_ok=True)
    ours = {f"{assignment.module}.py", f"{assignment.module}.ipynb", "quiz.yaml"}
    ours |= {p.name for p in target.glob("nngrader-*.whl")}
    fresh = {p.name for p in staging.iterdir()}
    for stale in ours - fresh:
        (target / stale).unlink(missing_ok=True)
    for path in staging.iterdir():
        path.replace(target / path.name)
