"""Run a test file under pytest in-process and collect one result per test."""
from __future__ import annotations

import contextlib
import functools
import io
import os
import sys
import warnings
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable

import pytest

from . import plugin as harness_plugin
from .plugin import CALLS_KEY, HINTS_PLUGIN, RESULT_KEY, SUBJECTS_PLUGIN, Hints, Subjects
from .recording import TestCalls

_EMPTY_INI = Path(__file__).with_name("pytest.ini")
# Per-test bookkeeping a grading session does not need; together ~0.2 ms per test and submission.
_UNUSED_PLUGINS = ("terminal", "cacheprovider", "warnings", "logging", "junitxml", "pastebin", "doctest",
                   "stepwise", "faulthandler", "unraisableexception", "threadexception", "nose", "debugging",
                   "setuponly", "setupplan")


@dataclass
class TestResult:
    __test__ = False  # not a pytest test class, even when imported into a test module

    test_id: str
    function: str | None
    points: float
    max_points: float
    passed: bool
    message: str
    duration: float
    subject: str | None = None
    details: dict = field(default_factory=dict)
    hint: str | None = None
    mutant_id: str | None = None
    rule: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class _Collector:
    """Merges setup/call/teardown reports into one TestResult per test.

    Items run subject by subject; when the subject changes, the previous one is
    complete: its failures get their hints (from the calls of all its tests) and
    `on_subject_done(subject, results)` hands its results on at once.
    """

    def __init__(self, on_subject_done: Callable[[str | None, list[TestResult]], None] | None = None,
                 hints: Hints | None = None) -> None:
        self.results: dict[str, TestResult] = {}
        self.errors: list[str] = []
        self.on_subject_done = on_subject_done
        self.hints = hints
        self._current: str | None = None
        self._pending: list[TestResult] = []
        self._calls: dict[int, list] = {}

    def flush(self) -> None:
        if self.hints is not None and self._pending:
            self._add_hints()
        if self.on_subject_done is not None and self._pending:
            self.on_subject_done(self._current, self._pending)
        self._pending = []
        self._calls = {}

    def _add_hints(self) -> None:
        tests = [TestCalls(i, self._calls.get(id(r), []), not r.passed) for i, r in enumerate(self._pending)]
        try:
            explained = self.hints.explain(tests)
        except Exception:  # noqa: BLE001 - the outcomes compared are the student's data: no hint, never a crash
            return
        for i, matched in explained.items():
            result = self._pending[i]
            # Observably identical mistakes share the test: show each hint once.
            result.hint = "\n".join(dict.fromkeys(m.hint for m in matched))
            result.mutant_id = ",".join(m.id for m in matched)

    def pytest_sessionfinish(self) -> None:
        self.flush()

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        info = dict(report.user_properties).get(RESULT_KEY, {})
        test_id = info.get("test_id") or report.nodeid.split("::", 1)[-1]
        result = self.results.get(report.nodeid)
        if result is None:
            if info.get("subject") != self._current:
                self.flush()
                self._current = info.get("subject")
            result = self.results[report.nodeid] = TestResult(
                test_id=test_id, function=info.get("function"), points=0.0,
                max_points=float(info.get("max_points", 0.0)), passed=True, message="",
                duration=0.0, subject=info.get("subject"),
            )
            self._pending.append(result)
        result.duration += report.duration
        result.rule = info.get("rule")
        calls = dict(report.user_properties).get(CALLS_KEY)
        if calls:
            self._calls[id(result)] = calls
        if not report.passed and result.passed:
            result.passed = False
            result.message = info.get("message") or "тест не пройден"
            result.details = info.get("details") or {}
        result.points = result.max_points if result.passed else 0.0

    @staticmethod
    def pytest_configure(config: pytest.Config) -> None:
        # pytest's own report of a failure is thrown away (the harness writes the Russian message), and its
        # default "long" style re-parses the source of every traceback entry with `ast`: a third of a grading
        # process's time on a class with mistakes. "native" only reads lines. (No `--tb` here: that option
        # belongs to the terminal plugin, which the runner switches off.)
        config.option.tbstyle = "native"

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            last = (report.longreprtext.strip().splitlines() or ["?"])[-1]
            self.errors.append(f"не удалось собрать тесты {report.nodeid}: {last}")


class HarnessError(Exception):
    """The test file itself is broken (an instructor's problem, not the student's)."""


def run_tests(test_file: Path, *, subjects: dict[str, Callable[[], Any]] | None = None,
              submission: Path | None = None, keyword: str | None = None,
              isolation: str = "inprocess", limits: Any = None, hints: Hints | None = None,
              on_subject_done: Callable[[str | None, list[TestResult]], None] | None = None) -> list[TestResult]:
    """Run `test_file` against one submission file or several named (trusted) subjects.

    `isolation` is "inprocess" (self-check, trusted code) or a sandbox level
    ("full", "reduced") for grading; `limits` is course.yaml's Limits.
    """
    collector = _Collector(on_subject_done, hints)
    # The harness plugin is handed over as a module, not as `-p grader.harness.plugin`: pytest looks a
    # `-p` name up among the entry points of every installed distribution first, which took a third
    # of a second per session in a full environment.
    plugins: list[Any] = [harness_plugin, collector]
    args = [str(test_file), "-c", str(_EMPTY_INI), "--rootdir", str(Path(test_file).parent),
            "--import-mode=importlib",
            "--capture=no", *(arg for name in _UNUSED_PLUGINS for arg in ("-p", f"no:{name}"))]
    if keyword:
        args += ["-k", keyword]
    if submission is not None:
        args += ["--submission", str(Path(submission).absolute()), "--isolation", isolation]
        if limits is not None:
            args += ["--call-timeout", str(limits.call_timeout_s), "--budget", str(limits.submission_budget_s),
                     "--memory-mb", str(limits.memory_mb)]
    registered: dict[str, Any] = {}
    if subjects is not None:
        registered[SUBJECTS_PLUGIN] = Subjects(subjects)
    if hints is not None:
        registered[HINTS_PLUGIN] = hints
    if registered:
        plugins.append(_Named(registered))
    sink = io.StringIO()  # pytest's own report is not for students: we print our own
    with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink), _isolated_run(Path(test_file)):
        code = pytest.main(args, plugins=plugins)
    if collector.errors or code in (pytest.ExitCode.INTERNAL_ERROR, pytest.ExitCode.USAGE_ERROR):
        raise HarnessError("; ".join(collector.errors) or f"pytest завершился с кодом {code}:\n{sink.getvalue()[-2000:]}")
    return list(collector.results.values())


@contextlib.contextmanager
def _isolated_run(test_file: Path):
    """No third-party pytest plugins, and no course content cached between runs.

    Test modules, `solutions.*` and mutants are imported from the course tree;
    dropping them afterwards means the next run (another assignment, another
    course in the same process) imports fresh copies instead of stale ones.
    """
    saved_env = os.environ.get("PYTEST_DISABLE_PLUGIN_AUTOLOAD")
    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    try:
        # Students' warnings matter only inside `no_warnings` checks (which record their own);
        # elsewhere they must not spill into the caller's output.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        if saved_env is None:
            os.environ.pop("PYTEST_DISABLE_PLUGIN_AUTOLOAD", None)
        else:
            os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = saved_env
        content = tuple(_content_dirs(Path(test_file)))
        for name, module in list(sys.modules.items()):
            origin = getattr(module, "__file__", None) or ""
            if origin and name != "__main__" and _inside(origin, content):
                del sys.modules[name]


@functools.lru_cache(maxsize=100_000)
def _inside(origin: str, content: tuple[Path, ...]) -> bool:
    """Whether a module file really lies in one of the course folders `content`. Cached: resolving
    every module of the process after each pytest session (thousands of realpath walks) was most
    of a grading process's time; a module's file does not move while the process runs."""
    path = Path(origin).resolve()
    return any(path.is_relative_to(folder) for folder in content)


def _content_dirs(test_file: Path) -> list[Path]:
    """The assignment folder of `test_file` and the course's solutions/."""
    test_file = test_file.resolve()
    folder = test_file.parent.parent if test_file.parent.name == "hidden" else test_file.parent
    dirs = [folder]
    for candidate in test_file.parents:
        if (candidate / "course.yaml").is_file():
            dirs.append(candidate / "solutions")
            break
    return dirs


class _Named:
    """Registers helper objects under the names the plugin looks them up by."""

    def __init__(self, registry: dict[str, Any]):
        self.registry = registry

    def pytest_configure(self, config: pytest.Config) -> None:
        for name, obj in self.registry.items():
            config.pluginmanager.register(obj, name)
