"""Find the assignment of a file (nngrader check) or of a notebook's namespace (check()).

Order: an explicit test file, then the bundle marker near the file or the
working directory, then the course (course.yaml found upwards or via
NNGRADER_COURSE).
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from .marker import MARKER, MarkerError, find_marker, read_marker
from .target import SelfCheckError, Target, from_bundle, from_course, from_test_file

TESTS_ENV = "NNGRADER_PUBLIC_TESTS"
ASSIGNMENT_ENV = "NNGRADER_ASSIGNMENT"
_COPY_SUFFIX = re.compile(r"[\s_\-]*(\(\d+\)|copy\d*|копия\d*|-?copy\d+)$", re.IGNORECASE)


def _bundle(start: Path, key: str | None) -> Target | None:
    marker = find_marker(start)
    if marker is None:
        return None
    try:
        info = read_marker(marker)
    except MarkerError as exc:
        raise SelfCheckError(str(exc)) from None
    if key is not None and not info.matches(key):
        return None
    return from_bundle(info)


def _course(start: Path):
    from ..course import CourseError, find_course_dir, load_course

    try:
        root = find_course_dir(start)
    except CourseError:
        return None
    try:
        return load_course(root)
    except CourseError as exc:
        raise SelfCheckError(str(exc)) from None


def _by_key(loaded, key: str) -> Target:
    from ..course import CourseError

    try:
        return from_course(loaded, loaded.course.assignment(key))
    except CourseError as exc:
        raise SelfCheckError(str(exc)) from None


def _nothing_found(where: Path, key: str | None = None) -> SelfCheckError:
    if key is not None:  # the advice to name the assignment was already followed: say where the tests must be
        return SelfCheckError(
            f"задание «{key}» не найдено: ни рядом с {where}, ни в текущем каталоге нет папки выданного задания "
            f"(в ней лежат .nngrader.yaml и публичные тесты test_<модуль>.py), а выше нет course.yaml. "
            f"Положите решение в папку задания из выдачи (или её — рядом с решением) и запустите проверку там: "
            f"cd ПАПКА_ЗАДАНИЯ && nngrader check ФАЙЛ")
    return SelfCheckError(
        f"не найдено задание: рядом с {where} нет файла .nngrader.yaml из пакета задания, а выше нет course.yaml. "
        "Запустите проверку из папки выданного задания (или из репозитория курса) "
        "либо укажите задание явно: --assignment 02_activations")


def _bundle_below(folders: list[Path], key: str) -> Target | None:
    """A released bundle of `key` in a subfolder (e.g. ./02_activations/ next to the student's file)."""
    for folder in folders:
        try:
            subfolders = sorted(p for p in folder.iterdir() if p.is_dir())[:200]
        except OSError:
            continue
        for sub in subfolders:
            marker = sub / MARKER
            if not marker.is_file():
                continue
            try:
                info = read_marker(marker)
            except MarkerError:
                continue
            if info.matches(key):
                return from_bundle(info)
    return None


def _starts(path: Path) -> list[Path]:
    cwd = Path.cwd().resolve()
    path = path.resolve()
    return [path] if path == cwd else [path, cwd]


def for_file(file: Path, assignment: str | None = None) -> Target:
    """The assignment of a student's .py / .ipynb / folder / .zip."""
    file = Path(file)
    folder = file if file.is_dir() else file.parent
    for start in _starts(folder):
        target = _bundle(start, assignment)
        if target is not None:
            return target
    for start in _starts(folder):
        loaded = _course(start)
        if loaded is None:
            continue
        if assignment is not None:
            return _by_key(loaded, assignment)
        match = _match_file(loaded, file)
        if match is not None:
            return from_course(loaded, match)
        known = ", ".join(f"{a.module} ({a.id})" for a in loaded.course.assignments)
        raise SelfCheckError(f"не понятно, к какому заданию относится {file.name}: назовите файл по модулю задания "
                             f"({known}) или укажите --assignment")
    if assignment is not None:
        target = _bundle_below(_starts(folder), assignment)
        if target is not None:
            return target
    raise _nothing_found(file, assignment)


def _match_file(loaded, file: Path):
    """activations.py / activations (1).ipynb / …/02_activations/anything.py -> that assignment."""
    stem = _COPY_SUFFIX.sub("", file.stem if file.is_file() or file.suffix else file.name).lower()
    by_module = [a for a in loaded.course.assignments if stem == a.module.lower()]
    if not by_module:
        by_module = [a for a in loaded.course.assignments if stem.startswith(a.module.lower())]
    if len(by_module) == 1:
        return by_module[0]
    for parent in [file, *file.resolve().parents][:4]:
        for a in loaded.course.assignments:
            if parent.name in (a.id, a.folder.rstrip("/").rsplit("/", 1)[-1]):
                return a
    return None


def for_namespace(defined: set[str], wanted: list[str], *, assignment: str | None = None,
                  tests: Path | str | None = None, cwd: Path | None = None) -> Target:
    """The assignment of a notebook: the functions it asks about or defines pick it."""
    cwd = Path(cwd or Path.cwd())
    tests = tests or os.environ.get(TESTS_ENV)
    if tests:
        target = _bundle(Path(tests).resolve().parent, assignment)
        if target is not None and target.tests.resolve() == Path(tests).resolve():
            return target
        return from_test_file(Path(tests))
    assignment = assignment or os.environ.get(ASSIGNMENT_ENV) or None
    target = _bundle(cwd, assignment)
    if target is not None:
        return target
    loaded = _course(cwd)
    if loaded is None:
        raise _nothing_found(cwd)
    if assignment is not None:
        return _by_key(loaded, assignment)
    here = cwd.resolve()
    for a in loaded.course.assignments:
        folder = loaded.folder(a).resolve()
        if here == folder or folder in here.parents:
            return from_course(loaded, a)
    return from_course(loaded, _by_functions(loaded, defined, wanted))


def _by_functions(loaded, defined: set[str], wanted: list[str]):
    assignments = loaded.course.assignments
    if wanted:
        owners = [a for a in assignments if all(w in a.functions for w in wanted)]
        if len(owners) == 1:
            return owners[0]
    scores = sorted(((len(defined & set(a.functions)), a) for a in assignments), key=lambda p: -p[0])
    if scores and scores[0][0] > 0 and (len(scores) == 1 or scores[0][0] > scores[1][0]):
        return scores[0][1]
    raise SelfCheckError("не понятно, какое это задание: ни одна функция задания ещё не определена в блокноте. "
                         "Выполните ячейки с функциями или укажите задание: check(assignment=\"02_activations\")")
