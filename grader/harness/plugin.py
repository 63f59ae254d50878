"""The pytest plugin behind every public and hidden test.

It provides the `student` fixture (the submission under test), reads the
`@points(n, function)` marker, and turns every failure into one Russian
message that names what was checked — never the hidden test's source.
"""
from __future__ import annotations

import traceback
from collections import Counter
from pathlib import Path
from typing import Any, Callable

import pytest

from ..submission import SubmissionError, describe_homoglyph, homoglyph_of, read_submission
from .loader import SubmissionLoadError, load_module_from_source

INPROCESS = "inprocess"

SUBJECTS_PLUGIN = "nngrader-subjects"
RESULT_KEY = "nngrader"


class Subjects:
    """Named module-like objects to run the tests against (registered by the runner)."""

    def __init__(self, factories: dict[str, Callable[[], Any]], default: str | None = None):
        self.factories = factories
        self.default = default or next(iter(factories))
        self._cache: dict[str, Any] = {}

    def get(self, name: str) -> Any:
        if name not in self._cache:
            try:
                self._cache[name] = self.factories[name]()
            except SubmissionLoadError as exc:
                self._cache[name] = exc
        value = self._cache[name]
        if isinstance(value, SubmissionLoadError):
            raise value
        return value


class StudentModule:
    """The submission as tests see it: attribute access with Russian errors."""

    def __init__(self, module: Any, label: str):
        self._module = module
        self._label = label

    def __getattr__(self, name: str) -> Any:
        try:
            return getattr(self._module, name)
        except AttributeError:
            pass
        defined = list(getattr(self._module, "functions", None) or vars(self._module))
        twin = homoglyph_of(name, defined)
        if twin is not None:
            pytest.fail(f"в решении ({self._label}) нет функции «{name}», но есть «{twin}»: "
                        f"{describe_homoglyph(twin)} — перепечатайте имя латиницей", pytrace=False)
        pytest.fail(f"в решении ({self._label}) нет функции «{name}»: проверьте имя и что она определена "
                    "на верхнем уровне файла", pytrace=False)

    @property
    def source_file(self) -> str | None:
        return getattr(self._module, "__file__", None)


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("nngrader")
    group.addoption("--submission", default=None,
                    help="файл решения, который проверяют тесты (по умолчанию — <module>.py рядом с тестом)")
    group.addoption("--isolation", default=INPROCESS, choices=[INPROCESS, "full", "reduced"],
                    help="где выполнять решение: в этом процессе (самопроверка) или в песочнице")
    group.addoption("--call-timeout", type=float, default=10.0, help="лимит времени одного вызова, с")
    group.addoption("--budget", type=float, default=120.0, help="лимит времени на всё решение, с")
    group.addoption("--memory-mb", type=int, default=1024, help="лимит памяти процесса решения, МБ")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "nngrader(points, function): баллы теста и проверяемая функция")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    subjects = metafunc.config.pluginmanager.get_plugin(SUBJECTS_PLUGIN)
    if subjects is not None and "student" in metafunc.fixturenames and len(subjects.factories) > 1:
        names = list(subjects.factories)
        metafunc.parametrize("student", names, indirect=True, ids=names)


def _module_name(test_path: Path) -> str:
    return test_path.stem.removeprefix("test_").removesuffix("_hidden")


def _default_submission(test_path: Path) -> Path:
    """test_activations.py -> activations.py beside it; hidden tests look one folder up."""
    folder = test_path.parent.parent if test_path.parent.name == "hidden" else test_path.parent
    return folder / f"{_module_name(test_path)}.py"


def _load_submission(config: pytest.Config, path: Path, module: str) -> Any:
    """The submission as a module (self-check) or as a proxy to a sandboxed worker (grading)."""
    source = read_submission(path, module)
    isolation = config.getoption("--isolation")
    if isolation == INPROCESS:
        return load_module_from_source(source.text, str(path))
    from ..sandbox.launcher import WorkerLimits
    from ..sandbox.proxy import SandboxedSubmission, SubmissionLoadFailed
    budget = config.getoption("--budget")
    limits = WorkerLimits(memory_mb=config.getoption("--memory-mb"), cpu_seconds=int(budget) + 1)
    try:
        return SandboxedSubmission(source.text, module_name=module, level=isolation, limits=limits,
                                   call_timeout_s=config.getoption("--call-timeout"), budget_s=budget)
    except SubmissionLoadFailed as exc:
        raise SubmissionLoadError(f"{source.origin}: {exc}") from None


@pytest.fixture
def student(request: pytest.FixtureRequest) -> StudentModule:
    """The submission under test."""
    subjects = request.config.pluginmanager.get_plugin(SUBJECTS_PLUGIN)
    try:
        if subjects is not None:
            name = getattr(request, "param", subjects.default)
            return StudentModule(subjects.get(name), name)
        option = request.config.getoption("--submission")
        test_path = Path(str(request.node.path))
        path = Path(option) if option else _default_submission(test_path)
        cache = request.config.stash.setdefault(_module_cache, {})
        if path not in cache:
            try:
                cache[path] = _load_submission(request.config, path, _module_name(test_path))
            except (SubmissionLoadError, SubmissionError) as exc:
                cache[path] = SubmissionLoadError(str(exc))
        if isinstance(cache[path], SubmissionLoadError):
            raise cache[path]
        return StudentModule(cache[path], path.name)
    except SubmissionLoadError as exc:
        pytest.fail(f"решение не загружается: {exc}", pytrace=False)


_module_cache = pytest.StashKey[dict]()


def pytest_unconfigure(config: pytest.Config) -> None:
    """Stop every sandboxed worker this session started."""
    for module in config.stash.get(_module_cache, {}).values():
        close = getattr(module, "close", None)
        if callable(close):
            close()


def _marker(item: pytest.Item) -> tuple[float, str | None]:
    mark = item.get_closest_marker("nngrader")
    if mark is None:
        return 0.0, None
    return float(mark.kwargs.get("points", 0.0)), mark.kwargs.get("function")


def _subject_of(item: pytest.Item) -> str | None:
    callspec = getattr(item, "callspec", None)
    return callspec.params.get("student") if callspec is not None else None


_max_points = pytest.StashKey[float]()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Split a parametrized test's points evenly among its cases."""
    def key(item: pytest.Item) -> tuple:
        return (str(item.path), getattr(item, "originalname", item.name), _subject_of(item))

    counts = Counter(key(item) for item in items)
    for item in items:
        item.stash[_max_points] = _marker(item)[0] / counts[key(item)]


def _student_file(item: pytest.Item) -> str | None:
    student = getattr(item, "funcargs", {}).get("student")
    return student.source_file if isinstance(student, StudentModule) else None


def russian_failure(excinfo: pytest.ExceptionInfo, student_file: str | None) -> str:
    """One Russian line about a failure, pointing into the student's file when it crashed there."""
    exc = excinfo.value
    if isinstance(exc, AssertionError):
        return str(exc).split("\nassert ")[0].strip() or "проверка не прошла"
    if isinstance(exc, pytest.fail.Exception):
        return str(exc.msg)
    if isinstance(exc, NotImplementedError):
        return "функция ещё не реализована (NotImplementedError) — напишите её тело"
    where = ""
    if getattr(exc, "student_line", None):
        where = f" (строка {exc.student_line} решения)"
    elif student_file:
        lines = [f.lineno for f in traceback.extract_tb(exc.__traceback__) if f.filename == student_file]
        if lines:
            where = f" (строка {lines[-1]} решения)"
    kind = "" if type(exc).__name__ == "StudentCodeError" else f"{type(exc).__name__}: "
    return f"функция завершилась с ошибкой {kind}{exc}{where}"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    outcome = yield
    report: pytest.TestReport = outcome.get_result()
    points, function = _marker(item)
    message = ""
    if report.failed and call.excinfo is not None:
        message = russian_failure(call.excinfo, _student_file(item))
    elif report.skipped and call.excinfo is not None:
        message = f"тест пропущен: {call.excinfo.value}"
    report.user_properties.append((RESULT_KEY, {
        "function": function,
        "max_points": item.stash.get(_max_points, points),
        "subject": _subject_of(item),
        "message": message,
    }))
