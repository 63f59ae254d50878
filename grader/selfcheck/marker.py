"""The marker file of a released student bundle: which assignment this folder is.

A bundle carries no course.yaml, so `nngrader check` and `check()` in a
notebook learn the assignment, its functions and its public tests from this
small YAML file written by `nngrader release`.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

MARKER = ".nngrader.yaml"
MAX_PARENTS = 3  # a bundle is the notebook's folder or close above it, never the whole home


class MarkerError(Exception):
    """An unreadable marker file; str() is a Russian message."""


@dataclass(frozen=True)
class BundleInfo:
    """What the marker says: the assignment of the bundle folder `root`."""

    root: Path
    assignment_id: str
    module: str
    title: str
    functions: dict[str, float]  # function -> points (as in course.yaml)
    public_tests: str  # file name inside `root`

    @property
    def tests_path(self) -> Path:
        return self.root / self.public_tests

    def matches(self, key: str) -> bool:
        """The same keys Course.assignment accepts: id, module, topic or number."""
        number, _, topic = self.assignment_id.partition("_")
        if key in (self.assignment_id, self.module, topic):
            return True
        return key.isdigit() and number.isdigit() and number.lstrip("0") == key.lstrip("0")


def marker_text(assignment_id: str, module: str, title: str, functions: dict[str, float]) -> str:
    doc = {"assignment": assignment_id, "module": module, "title": title,
           "functions": {name: float(points) for name, points in functions.items()},
           "public_tests": f"test_{module}.py"}
    return ("# Задание для самопроверки (nngrader check и check() в Jupyter). Не удаляйте этот файл.\n"
            + yaml.safe_dump(doc, allow_unicode=True, sort_keys=False))


def read_marker(path: Path) -> BundleInfo:
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise MarkerError(f"{path}: не удаётся прочитать файл задания: {exc}") from None
    if not isinstance(data, dict) or not all(isinstance(data.get(k), str) for k in ("assignment", "module")):
        raise MarkerError(f"{path}: файл задания повреждён — скачайте пакет задания заново")
    functions = data.get("functions") or {}
    if isinstance(functions, list):
        functions = {name: 0.0 for name in functions}
    if not isinstance(functions, dict):
        raise MarkerError(f"{path}: в файле задания испорчен список функций — скачайте пакет задания заново")
    module = data["module"]
    return BundleInfo(root=path.parent.resolve(), assignment_id=data["assignment"], module=module,
                      title=str(data.get("title") or data["assignment"]),
                      functions={str(k): float(v or 0) for k, v in functions.items()},
                      public_tests=str(data.get("public_tests") or f"test_{module}.py"))


def find_marker(start: Path) -> Path | None:
    """The marker in `start` or in one of its nearest parents."""
    here = Path(start).resolve()
    if here.is_file():
        here = here.parent
    for candidate in [here, *here.parents][: MAX_PARENTS + 1]:
        if (candidate / MARKER).is_file():
            return candidate / MARKER
    return None
