"""`nngrader release ASSIGNMENT --nbgrader COURSE_DIR`: the assignment in an nbgrader course's source/.

Writes source/<assignment id>/<module>.ipynb with nbgrader metadata (one
solution cell per function, one locked grade cell per function worth its
course.yaml points), the public tests, the marker file and the self-check
quiz, so `nbgrader generate_assignment <assignment id>` works as is. Solution
regions hold the starter body, never the reference: nothing of solutions/ or
hidden/ enters the nbgrader course.
"""
from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..course import Assignment, LoadedCourse
from ..release.audit import audit_release
from ..release.bundle import ReleaseError, write_quiz
from ..release.starter import split_starter
from ..selfcheck.marker import MARKER, marker_text
from .cells import grade_metadata, solution_metadata, wrap_solution
from .config import course_directory, ensure_config, step_folder

HOW_TO = """\
## Как работать с этим блокнотом

1. Выполните ячейки сверху вниз: сначала импорт NumPy и самопроверки.
2. Впишите тело каждой функции в её ячейку вместо заглушки; имена функций и аргументов не меняйте.
3. Ячейка `check("…")` после функции запускает её публичные тесты и показывает, что не так
   (кнопка Validate в nbgrader покажет такие ячейки как непройденные).
4. Сдайте задание кнопкой Submit. Оценку ставят скрытые тесты nngrader: они выполняют только ячейки
   с кодом и никогда не выполняют ячейки самопроверки, так что их изменение или удаление на оценку не влияет.

Пишите код только на NumPy; команды `!pip …` и `%…` при проверке не выполняются."""


@dataclass
class NbgraderRelease:
    folder: Path          # source/<assignment id>/
    notebook: Path
    config_created: bool

    def lines(self, assignment_id: str) -> list[str]:
        root = self.folder.parent.parent
        out = [f"Задание записано в курс nbgrader: {self.folder}"]
        if self.config_created:
            out.append(f"Создан {root / 'nbgrader_config.py'} (минимальные настройки; course_id — имя каталога)")
        out.append(f"Дальше, из каталога {root}: nbgrader generate_assignment {assignment_id}")
        return out


def nbgrader_notebook(assignment: Assignment, statement: str, starter: Path):
    """The student notebook with nbgrader metadata on function and check cells."""
    from ..release.notebook import build_notebook

    notebook = build_notebook(assignment, statement, starter)
    parts = split_starter(starter)
    for cell in notebook.cells:
        info = cell.metadata.get("nngrader", {})
        role, function = info.get("role"), info.get("function")
        if role == "howto":
            cell.source = HOW_TO
        elif role == "solution" and function in assignment.functions:
            piece = parts.function(function)
            cell.source = wrap_solution(piece.head, piece.body, piece.indent)
            cell.metadata["nbgrader"] = solution_metadata(function)
        elif role == "check":
            cell.source = f'check("{function}", strict=True)'
            cell.metadata["nbgrader"] = grade_metadata(function, assignment.functions[function].points)
    _validate(notebook)
    return notebook


def _validate(notebook) -> None:
    from nbgrader.nbgraderformat import MetadataValidator, ValidationError

    try:
        MetadataValidator().validate_nb(notebook)
    except ValidationError as exc:
        raise ReleaseError(f"метаданные nbgrader не прошли проверку: {exc}") from None


def release_to_nbgrader(loaded: LoadedCourse, assignment: Assignment, nb_course_dir: Path) -> NbgraderRelease:
    import nbformat

    nb_course_dir = Path(nb_course_dir).resolve()
    nb_course_dir.mkdir(parents=True, exist_ok=True)
    created = ensure_config(nb_course_dir)
    coursedir = course_directory(nb_course_dir)
    folder = step_folder(coursedir, coursedir.source_directory, ".", assignment.id)
    statement = (loaded.folder(assignment) / "README.md").read_text(encoding="utf-8")
    starter, tests = loaded.starter_path(assignment), loaded.public_tests(assignment)
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{assignment.id}.", dir=folder.parent))
    try:
        notebook_path = staging / f"{assignment.module}.ipynb"
        nbformat.write(nbgrader_notebook(assignment, statement, starter), str(notebook_path))
        shutil.copyfile(tests, staging / tests.name)
        shutil.copyfile(starter, staging / starter.name)  # the statement points to it; grading prefers the notebook
        write_quiz(loaded, assignment, staging / "quiz.yaml")
        functions = {name: spec.points for name, spec in assignment.functions.items()}
        (staging / MARKER).write_text(marker_text(assignment.id, assignment.module, assignment.title, functions),
                                      encoding="utf-8")
        problems = audit_release(loaded, assignment, staging)
        if problems:
            raise ReleaseError("выдача остановлена: " + "; ".join(problems))
        folder.mkdir(parents=True, exist_ok=True)
        for path in staging.iterdir():
            path.replace(folder / path.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return NbgraderRelease(folder, folder / f"{assignment.module}.ipynb", created)
