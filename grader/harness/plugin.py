"""The pytest plugin behind every public and hidden test.

It provides the `student` fixture (the submission under test), reads the
`@points(n, function)` marker, and turns every failure into one Russian
message that names what was checked — never the hidden test's source.

The same tests run in two modes: in-process for a student's self-check
(`student` is their imported module) and sandboxed for grading (`student` is
a proxy to a confined worker; see grader.sandbox).
"""
from __future__ import annotations

import traceback
from collections import Counter
from pathlib import Path
from typing import Any, Callable

import pytest

from ..plaindata import jsonable
from ..redaction import from_student, student_error
from ..sandbox.inplace import private_arguments
from ..submission import SubmissionError, describe_homoglyph, homoglyph_of, read_submission
from ..testing import GradingFailure
from .import_advice import advise
from .loader import SubmissionLoadError, load_module_from_source
from .recording import RecordedCall, TestCalls, explain_submission, recording

INPROCESS = "inprocess"
SUBJECTS_PLUGIN = "nngrader-subjects"
HINTS_PLUGIN = "nngrader-hints"
RESULT_KEY = "nngrader"
CALLS_KEY = "nngrader-calls"


class Subjects:
    """Named module-like objects to run the tests against (registered by the runner).

    Items are ordered subject by subject, and only one subject is alive at a
    time: starting the next one closes the previous (its sandboxed worker),
    so two submissions never run side by side in one sandbox.
    """

    def __init__(self, factories: dict[str, Callable[[], Any]], default: str | None = None):
        self.factories = factories
        self.default = default or next(iter(factories))
        self._current: tuple[str, Any] | None = None
        self.order = {name: i for i, name in enumerate(factories)}

    def get(self, name: str) -> Any:
        if self._current is not None and self._current[0] == name:
            value = self._current[1]
        else:
            self.close()
            try:
                value = self.factories[name]()
            except SubmissionLoadError as exc:
                value = exc
            self._current = (name, value)
        if isinstance(value, SubmissionLoadError):
            raise value
        return value

    def close(self) -> None:
        if self._current is not None:
            close = getattr(self._current[1], "close", None)
            if callable(close):
                close()
            self._current = None


class Hints:
    """Trusted mutants and reference used to explain a failure (registered by the batch grader)."""

    def __init__(self, reference: Any, mutants: list, build: Callable, views: dict | None = None):
        self.reference, self.mutants, self.build = reference, mutants, build
        self.views = dict(views or {})  # mutants.py's OBSERVABLES: {function: view of its result}

    def explain(self, tests: list[TestCalls]) -> dict:
        """{failed test key: [mutant, ...]} for one submission's tests (see recording.explain_submission)."""
        return explain_submission(tests, self.reference, self.mutants, self.build, views=self.views)


class StudentModule:
    """The submission as tests see it: attribute access with Russian errors, calls recorded."""

    def __init__(self, module: Any, label: str, record: bool = False):
        self._module = module
        self._label = "" if label.startswith("s") and label[1:].isdigit() else f" ({label})"  # s0: batch-internal
        self.calls: list[RecordedCall] | None = [] if record else None

    def __getattr__(self, name: str) -> Any:
        try:
            value = getattr(self._module, name)
        except AttributeError:
            self._missing(name)
        if callable(value) and not getattr(self._module, "copies_arguments", False):
            # In-process code gets private copies like a sandboxed worker does: one semantics for both.
            value = private_arguments(value)
        if self.calls is not None and callable(value):
            return recording(name, value, self.calls)
        return value

    def _missing(self, name: str) -> None:
        defined = list(getattr(self._module, "functions", None) or vars(self._module))
        twin = homoglyph_of(name, defined)
        if twin is not None:
            pytest.fail(f"в решении{self._label} нет функции «{name}», но есть «{twin}»: "
                        f"{describe_homoglyph(twin)} — перепечатайте имя латиницей", pytrace=False)
        pytest.fail(f"в решении{self._label} нет функции «{name}»: проверьте имя и что она определена "
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
    config.addinivalue_line("markers", "nngrader_rule(key): правило условия, которое проверяет тест")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    subjects = metafunc.config.pluginmanager.get_plugin(SUBJECTS_PLUGIN)
    if subjects is not None and "student" in metafunc.fixturenames and len(subjects.factories) > 1:
        names = list(subjects.factories)
        metafunc.parametrize("student", names, indirect=True, ids=names)


def module_name_of(test_path: Path) -> str:
    return test_path.stem.removeprefix("test_").removesuffix("_hidden")


def _default_submission(test_path: Path) -> Path:
    """test_activations.py -> activations.py beside it; hidden tests look one folder up."""
    folder = test_path.parent.parent if test_path.parent.name == "hidden" else test_path.parent
    return folder / f"{module_name_of(test_path)}.py"


def sandboxed_loader(level: str, *, call_timeout_s: float, budget_s: float, memory_mb: int, slot: int = 0):
    """A function source -> proxy that forks workers from one zygote (created on first use)."""
    from ..sandbox.launcher import WorkerLimits, ZygoteHost
    from ..sandbox.proxy import SandboxedSubmission, SubmissionLoadFailed

    limits = WorkerLimits(memory_mb=memory_mb, cpu_seconds=int(budget_s) + 1)
    host = ZygoteHost(level, limits, slot)

    def load(source: str, module: str, origin: str) -> Any:
        try:
            return SandboxedSubmission(source, module_name=module, level=level, limits=limits,
                                       call_timeout_s=call_timeout_s, budget_s=budget_s, host=host)
        except SubmissionLoadFailed as exc:
            raise SubmissionLoadError(f"{origin}: {exc}") from None

    load.close = host.close  # type: ignore[attr-defined]
    return load


def _load_submission(config: pytest.Config, path: Path, module: str) -> Any:
    """The submission as a module (self-check) or as a proxy to a sandboxed worker (grading)."""
    source = read_submission(path, module)
    isolation = config.getoption("--isolation")
    if isolation == INPROCESS:
        return load_module_from_source(source.text, str(path))
    loader = config.stash.get(_loader_key, None)
    if loader is None:
        loader = config.stash[_loader_key] = sandboxed_loader(
            isolation, call_timeout_s=config.getoption("--call-timeout"), budget_s=config.getoption("--budget"),
            memory_mb=config.getoption("--memory-mb"))
    return loader(source.text, module, source.origin)


_module_cache = pytest.StashKey[dict]()
_loader_key = pytest.StashKey[Any]()


@pytest.fixture(scope="module")
def student(request: pytest.FixtureRequest) -> StudentModule:
    """The submission under test (set up once per test file and subject: grading speed)."""
    config = request.config
    subjects = config.pluginmanager.get_plugin(SUBJECTS_PLUGIN)
    record = config.pluginmanager.get_plugin(HINTS_PLUGIN) is not None
    try:
        if subjects is not None:
            name = getattr(request, "param", subjects.default)
            return StudentModule(subjects.get(name), name, record)
        option = config.getoption("--submission")
        test_path = Path(str(request.node.path))
        path = Path(option) if option else _default_submission(test_path)
        cache = config.stash.setdefault(_module_cache, {})
        if path not in cache:
            try:
                cache[path] = _load_submission(config, path, module_name_of(test_path))
            except (SubmissionLoadError, SubmissionError) as exc:
                cache[path] = SubmissionLoadError(str(exc))
        if isinstance(cache[path], SubmissionLoadError):
            raise cache[path]
        return StudentModule(cache[path], path.name, record)
    except SubmissionLoadError as exc:
        pytest.fail(f"решение не загружается: {advise(str(exc))}", pytrace=False)


def pytest_unconfigure(config: pytest.Config) -> None:
    """Stop every sandboxed worker this session started."""
    for module in config.stash.get(_module_cache, {}).values():
        close = getattr(module, "close", None)
        if callable(close):
            close()
    subjects = config.pluginmanager.get_plugin(SUBJECTS_PLUGIN)
    if subjects is not None:
        subjects.close()
    loader = config.stash.get(_loader_key, None)
    if loader is not None:
        loader.close()


def _marker(item: pytest.Item) -> tuple[float, str | None]:
    mark = item.get_closest_marker("nngrader")
    if mark is None:
        return 0.0, None
    return float(mark.kwargs.get("points", 0.0)), mark.kwargs.get("function")


def _rule(item: pytest.Item) -> str | None:
    mark = item.get_closest_marker("nngrader_rule")
    return str(mark.args[0]) if mark is not None and mark.args else None


def _subject_of(item: pytest.Item) -> str | None:
    callspec = getattr(item, "callspec", None)
    return callspec.params.get("student") if callspec is not None else None


_max_points = pytest.StashKey[float]()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Split a parametrized test's points evenly among its cases; group items by subject."""
    def key(item: pytest.Item) -> tuple:
        return (str(item.path), getattr(item, "originalname", item.name), _subject_of(item))

    counts = Counter(key(item) for item in items)
    for item in items:
        item.stash[_max_points] = _marker(item)[0] / counts[key(item)]
    subjects = config.pluginmanager.get_plugin(SUBJECTS_PLUGIN)
    if subjects is not None:
        items.sort(key=lambda item: subjects.order.get(_subject_of(item), -1))


def _student(item: pytest.Item) -> StudentModule | None:
    student = getattr(item, "funcargs", {}).get("student")
    return student if isinstance(student, StudentModule) else None


def russian_failure(excinfo: pytest.ExceptionInfo, student_file: str | None) -> str:
    """One Russian line about a failure, pointing into the student's file when it crashed there."""
    exc = excinfo.value
    if isinstance(exc, GradingFailure) or type(exc).__name__ == "SandboxFailure":
        return str(exc)
    if from_student(exc) and not isinstance(exc, NotImplementedError):
        # Raised by sandboxed code that saw the hidden inputs: its text is redacted (even an
        # AssertionError: it is the student's, not the test's).
        where = f" (строка {exc.student_line} решения)" if getattr(exc, "student_line", None) else ""
        return f"функция завершилась с ошибкой {student_error(exc)}{where}"
    if isinstance(exc, AssertionError):
        # A bare `assert` in a hidden test: pytest's explanation would show the expected values
        # and the test's own code, so only an author-written message (before it) is kept.
        text = str(exc)
        own = "" if text.startswith("assert ") else text.split("\nassert ")[0].strip()
        return own or "проверка не прошла (подробности скрыты)"
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


def _display_name(item: pytest.Item) -> str:
    """The test's name without the subject parameter (students see their test, not our batch key)."""
    name, subject = item.name, _subject_of(item)
    if subject is None or "[" not in name:
        return name
    base, ids = name[:-1].split("[", 1)
    if ids == subject:
        return base
    if ids.startswith(subject + "-"):
        ids = ids[len(subject) + 1:]
    elif ids.endswith("-" + subject):
        ids = ids[:-len(subject) - 1]
    else:
        ids = ids.replace(f"-{subject}-", "-")
    return f"{base}[{ids}]"


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_call(item: pytest.Item) -> None:
    """Each test starts with an empty call log (the fixture lives for the whole file)."""
    student = _student(item)
    if student is not None and student.calls is not None:
        student.calls = []


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    outcome = yield
    report: pytest.TestReport = outcome.get_result()
    points, function = _marker(item)
    student = _student(item)
    info: dict[str, Any] = {"function": function, "max_points": item.stash.get(_max_points, points),
                            "subject": _subject_of(item), "message": "", "test_id": _display_name(item)}
    if report.failed and call.excinfo is not None:
        info["message"] = russian_failure(call.excinfo, student.source_file if student else None)
        info["details"] = jsonable(getattr(call.excinfo.value, "details", {}) or {})
    elif report.skipped and call.excinfo is not None:
        info["message"] = f"тест пропущен: {call.excinfo.value}"
    if report.failed and function is not None:
        # What a student reads under plain `pytest`: the Russian message, not the harness's traceback.
        report.longrepr = f"{function}: {info['message']}"
    info["rule"] = _rule(item)
    report.user_properties.append((RESULT_KEY, info))
    if report.when == "call" and student is not None and student.calls:
        # Hints are chosen after the submission's last test, from the calls of all its tests.
        report.user_properties.append((CALLS_KEY, student.calls))


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    """After a student's plain `pytest` run: passed tests per function, in Russian."""
    per_function: dict[str, list[bool]] = {}
    reports = [r for kind in ("passed", "failed", "error") for r in terminalreporter.stats.get(kind, [])]
    for report in sorted(reports, key=lambda r: (r.location[0], r.location[1] or 0)):
        info = dict(getattr(report, "user_properties", [])).get(RESULT_KEY)
        if info and info.get("function") and getattr(report, "when", "call") in ("call", "setup"):
            if report.when == "setup" and report.passed:
                continue
            per_function.setdefault(info["function"], []).append(report.passed)
    if not per_function:
        return
    terminalreporter.section("итог по функциям")
    for name, outcomes in per_function.items():
        mark = "✓" if all(outcomes) else "✗"
        terminalreporter.write_line(f"{mark} {name}: пройдено {sum(outcomes)} из {len(outcomes)}")
