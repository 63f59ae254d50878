"""Which assignment and which public tests a self-check runs.

A self-check runs either in the course repository (course.yaml tells) or in a
released bundle (its marker file tells); both give the same Target.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path


class SelfCheckError(Exception):
    """The self-check cannot start; str() is a Russian message saying what to do."""


@dataclass(frozen=True)
class Target:
    assignment_id: str
    module: str
    title: str
    functions: dict[str, float]  # API function -> points, in course.yaml order
    tests: Path                  # the public test file
    origin: str                  # Russian: where the assignment was found

    def unknown(self, names: list[str]) -> list[str]:
        return [n for n in names if n not in self.functions]


def from_course(loaded, assignment) -> Target:
    tests = loaded.public_tests(assignment)
    if not tests.is_file():
        raise SelfCheckError(f"у задания {assignment.id} нет публичных тестов {tests}")
    return Target(assignment.id, assignment.module, assignment.title,
                  {name: spec.points for name, spec in assignment.functions.items()}, tests,
                  f"курс {loaded.root}")


def from_bundle(info) -> Target:
    tests = info.tests_path
    if not tests.is_file():
        raise SelfCheckError(f"в папке задания {info.root} нет файла публичных тестов {info.public_tests} — "
                             "скачайте пакет задания заново")
    functions = info.functions or {name: 0.0 for name in tests_by_function(tests)}
    return Target(info.assignment_id, info.module, info.title, functions, tests, f"пакет задания {info.root}")


def from_test_file(tests: Path) -> Target:
    """Only a public test file is known (NNGRADER_PUBLIC_TESTS): functions come from its @checks marks."""
    tests = Path(tests).resolve()
    if not tests.is_file():
        raise SelfCheckError(f"файл публичных тестов {tests} не найден (переменная NNGRADER_PUBLIC_TESTS?)")
    module = tests.stem.removeprefix("test_")
    return Target(module, module, module, {name: 0.0 for name in tests_by_function(tests)}, tests,
                  f"файл тестов {tests}")


def tests_by_function(test_file: Path) -> dict[str, list[str]]:
    """function -> names of the public tests tied to it by @checks("function") (read with ast, not imported)."""
    try:
        tree = ast.parse(Path(test_file).read_text(encoding="utf-8"))
    except (OSError, SyntaxError, UnicodeDecodeError) as exc:
        raise SelfCheckError(f"файл публичных тестов {test_file} не читается: {exc}") from None
    found: dict[str, list[str]] = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or not node.name.startswith("test"):
            continue
        for decorator in node.decorator_list:
            if (isinstance(decorator, ast.Call) and getattr(decorator.func, "id", getattr(decorator.func, "attr", ""))
                    in ("checks", "points") and decorator.args):
                last = decorator.args[-1]
                if isinstance(last, ast.Constant) and isinstance(last.value, str):
                    found.setdefault(last.value, []).append(node.name)
    return found


def keyword_for(test_file: Path, functions: list[str]) -> str | None:
    """A pytest -k expression selecting the tests of `functions` (results are filtered again by function)."""
    names = sorted({t for f in functions for t in tests_by_function(test_file).get(f, [])})
    return " or ".join(names) if names else None
