"""An nbgrader course as nbgrader itself sees it: its config files, directories and database URL."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

CONFIG_FILE = "nbgrader_config.py"


class NbgraderError(Exception):
    """Interop with an nbgrader course failed; str() is a Russian message for the instructor."""


def require_nbgrader() -> None:
    try:
        import nbgrader  # noqa: F401
    except ImportError:
        raise NbgraderError("nbgrader не установлен: pip install \"nngrader[jupyter]\"") from None


def minimal_config(course_dir: Path) -> str:
    course_id = re.sub(r"[^A-Za-z0-9_\-]", "_", Path(course_dir).resolve().name) or "course"
    return (
        "# Настройки nbgrader для этого курса (создано nngrader release --nbgrader).\n"
        "# Команды nbgrader запускайте из этого каталога.\n"
        "c = get_config()  # noqa: F821\n"
        f"c.CourseDirectory.course_id = {course_id!r}\n"
        "# Заглушка вместо решения в выданных блокнотах (nbgrader generate_assignment).\n"
        "c.ClearSolutions.code_stub = {\"python\": \"# ВАШ КОД ЗДЕСЬ\\nraise NotImplementedError()\"}\n"
        "c.ClearSolutions.text_stub = \"ВАШ ОТВЕТ ЗДЕСЬ\"\n"
    )


def ensure_config(course_dir: Path) -> bool:
    """Create a minimal nbgrader_config.py when the course has none; True if created."""
    path = Path(course_dir) / CONFIG_FILE
    if path.exists():
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(minimal_config(course_dir), encoding="utf-8")
    return True


def load_config(course_dir: Path) -> Any:
    """The merged traitlets Config nbgrader would use when run from `course_dir`."""
    from jupyter_core.paths import jupyter_config_path
    from traitlets.config import Config
    from traitlets.config.loader import ConfigFileNotFound, PyFileConfigLoader

    config = Config()
    for folder in [*reversed(jupyter_config_path()), str(course_dir)]:
        if not (Path(folder) / CONFIG_FILE).is_file():
            continue
        try:
            config.merge(PyFileConfigLoader(CONFIG_FILE, path=folder).load_config())
        except ConfigFileNotFound:
            continue
        except Exception as exc:  # noqa: BLE001 - a broken config file is the instructor's to fix
            raise NbgraderError(f"{Path(folder) / CONFIG_FILE}: ошибка в настройках nbgrader: {exc}") from None
    return config


def course_directory(course_dir: Path) -> Any:
    """nbgrader's CourseDirectory for `course_dir` (its root forced to that folder)."""
    require_nbgrader()
    from nbgrader.coursedir import CourseDirectory

    course_dir = Path(course_dir).resolve()
    if not course_dir.is_dir():
        raise NbgraderError(f"каталог курса nbgrader {course_dir} не найден")
    coursedir = CourseDirectory(config=load_config(course_dir))
    coursedir.root = str(course_dir)
    return coursedir


def step_folder(coursedir: Any, step: str, student: str, assignment_id: str) -> Path:
    """step_folder(cd, cd.submitted_directory, "alice", "02_activations") -> <root>/submitted/alice/02_activations."""
    return Path(coursedir.format_path(step, student, assignment_id)).resolve()


def db_url(coursedir: Any) -> str:
    """nbgrader's gradebook URL (its default is <root>/gradebook.db, computed from the root we set)."""
    url = coursedir.db_url
    return url or f"sqlite:///{Path(coursedir.root) / 'gradebook.db'}"
