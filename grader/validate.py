"""`nngrader validate`: prove the course consistent before anyone is graded with it.

Course level: course.yaml is valid and solutions/ implements every function
with the declared signature. Assignment level: the public tests pass on the
reference, the hidden tests give the reference 100 % and the starter 0 %
(every hidden test failing), a file whose functions only raise ValueError
0 % too (validation points need a working computation), every mutant loses
points somewhere, every hidden test names the README rule it enforces, and
graded as a student's file each mutant shows its own hint (recall) and few
others (precision).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from typing import Callable, Iterable

from .course import Assignment, LoadedCourse
from .harness.loader import (SubmissionLoadError, import_reference, load_module_from_file, load_module_from_source,
                             with_replacement)
from .grading.synthetic import mutant_submission
from .harness.plugin import INPROCESS, Hints, sandboxed_loader
from .harness.runner import HarnessError, TestResult, run_tests
from .signatures import signature_problems
from .statement import statement_rules
from .testing import mutants_of

MIN_MUTANTS_PER_ASSIGNMENT = 5
REFERENCE, STARTER, RAISER = "reference", "starter", "raises-only"


@dataclass
class Check:
    name: str
    ok: bool
    detail: str = ""
    warning: bool = False  # passes, but the instructor should look (e.g. a README rule no test uses)


@dataclass
class HintStats:
    """Mutants graded as students' files: who sees their own hint, and how many hints shown are right."""

    mutants: int = 0
    own_shown: int = 0         # mutants whose own hint is among the hints they are shown (recall)
    shown: int = 0             # distinct hints shown, over all mutants
    right: int = 0             # of those, the mutant's own hint (precision = right / shown)
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)  # "mutant -> hint of other mutant"

    @property
    def recall(self) -> float:
        return self.own_shown / self.mutants if self.mutants else 1.0

    @property
    def precision(self) -> float:
        return self.right / self.shown if self.shown else 1.0

    def __add__(self, other: "HintStats") -> "HintStats":
        return HintStats(self.mutants + other.mutants, self.own_shown + other.own_shown, self.shown + other.shown,
                         self.right + other.right, self.missed + other.missed, self.wrong + other.wrong)

    def summary(self) -> str:
        return (f"полнота {self.own_shown}/{self.mutants} ({self.recall:.1%}), "
                f"точность {self.right}/{self.shown} ({self.precision:.1%})")


@dataclass
class AssignmentReport:
    assignment: Assignment
    checks: list[Check] = field(default_factory=list)
    hints: HintStats | None = None

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)

    def add(self, name: str, ok: bool, detail: str = "", warning: bool = False) -> None:
        self.checks.append(Check(name, ok, detail, warning))


def total_hint_stats(reports: Iterable[AssignmentReport]) -> HintStats:
    """Recall and precision over any subset of assignments (what `validate 05 06` prints as the total)."""
    total = HintStats()
    for report in reports:
        if report.hints is not None:
            total = total + report.hints
    return total


def check_signatures(course: LoadedCourse, assignment: Assignment, report: AssignmentReport) -> None:
    for label, path in (("solutions", course.solution_path(assignment)), ("заготовка", course.starter_path(assignment))):
        if label == "заготовка" and not path.exists():
            continue
        try:
            module = import_reference(course.root, assignment.module) if label == "solutions" else load_module_from_file(path)
        except SubmissionLoadError as exc:
            report.add(f"{label}: модуль загружается", False, str(exc))
            continue
        problems = signature_problems(module, assignment, f"{path.relative_to(course.root)}")
        report.add(f"{label}: сигнатуры как в course.yaml", not problems, "; ".join(problems))


def _score(results: list[TestResult]) -> tuple[float, float]:
    return sum(r.points for r in results), sum(r.max_points for r in results)


def raising_source(assignment: Assignment) -> str:
    """A file that "validates" everything and computes nothing: every function raises ValueError."""
    return "\n\n".join(f"def {name}(*args, **kwargs):\n    raise ValueError('неверные аргументы')"
                         for name in assignment.functions) + "\n"


def _subjects_in_process(course: LoadedCourse, assignment: Assignment, mutants: list) -> dict[str, Callable]:
    """Reference, starter and mutants as modules of this process (for debugging the tests)."""
    reference = lambda: import_reference(course.root, assignment.module)  # noqa: E731
    subjects: dict[str, Callable] = {REFERENCE: reference,
                                     STARTER: lambda: load_module_from_file(course.starter_path(assignment)),
                                     RAISER: lambda: load_module_from_source(raising_source(assignment), "raises_only.py")}
    for m in mutants:
        subjects[m.id] = lambda m=m: with_replacement(reference(), m.function, m.replacement)
    return subjects


def _subjects_sandboxed(course: LoadedCourse, assignment: Assignment, mutants: list, loader: Callable) -> dict:
    """Reference, starter and each mutant as a student's file run in the worker: the grading path itself."""
    def source(text: str, origin: str) -> Callable:
        return lambda: loader(text, assignment.module, origin)

    subjects = {
        REFERENCE: source(course.solution_path(assignment).read_text(encoding="utf-8"), f"solutions/{assignment.module}.py"),
        STARTER: source(course.starter_path(assignment).read_text(encoding="utf-8"), f"{assignment.module}.py"),
        RAISER: source(raising_source(assignment), f"{assignment.module}.py"),
    }
    for m in mutants:
        subjects[m.id] = source(mutant_submission(course, assignment.id, m), f"{m.id}.py")
    return subjects


def check_suites(course: LoadedCourse, assignment: Assignment, report: AssignmentReport,
                 min_mutants: int = MIN_MUTANTS_PER_ASSIGNMENT, isolation: str = "full") -> None:
    ref_path = course.solution_path(assignment)
    public, hidden, mutants_file = (course.public_tests(assignment), course.hidden_tests(assignment),
                                    course.mutants_path(assignment))
    missing = [p for p in (public, hidden, mutants_file, course.starter_path(assignment)) if not p.exists()]
    if missing:
        report.add("файлы задания на месте", False,
                   "нет: " + ", ".join(str(p.relative_to(course.root)) for p in missing))
        return

    limits = course.course.limits
    results = run_tests(public, submission=ref_path, isolation=isolation, limits=limits)
    failed = [r for r in results if not r.passed]
    report.add("публичные тесты проходят на эталоне", bool(results) and not failed,
               f"{len(results) - len(failed)}/{len(results)}" + (f"; первый провал: {failed[0].test_id}: {failed[0].message}" if failed else ""))

    mutants_module = load_module_from_file(mutants_file, prefix="nngrader_mutants")
    mutants = mutants_of(mutants_module)
    by_subject: dict[str, list[TestResult]] = defaultdict(list)
    hints = Hints(import_reference(course.root, assignment.module), mutants, with_replacement,
                  getattr(mutants_module, "OBSERVABLES", {}))
    if isolation == INPROCESS:
        results = run_tests(hidden, subjects=_subjects_in_process(course, assignment, mutants), hints=hints)
    else:
        loader = sandboxed_loader(isolation, call_timeout_s=limits.call_timeout_s,
                                  budget_s=limits.submission_budget_s, memory_mb=limits.memory_mb)
        try:
            results = run_tests(hidden, subjects=_subjects_sandboxed(course, assignment, mutants, loader), hints=hints)
        finally:
            loader.close()
    for r in results:
        by_subject[r.subject or REFERENCE].append(r)

    ref_results = by_subject[REFERENCE]
    got, total = _score(ref_results)
    failed = [r for r in ref_results if not r.passed]
    report.add("скрытые тесты: эталон 100 %", total > 0 and not failed,
               f"{got:g}/{total:g}" + (f"; провал: {failed[0].test_id}: {failed[0].message}" if failed else ""))

    per_function: dict[str, float] = defaultdict(float)
    for r in ref_results:
        per_function[r.function or "?"] += r.max_points
    wrong = [f"{name}: {per_function.get(name, 0):g} вместо {spec.points:g}"
             for name, spec in assignment.functions.items() if abs(per_function.get(name, 0) - spec.points) > 1e-6]
    unknown = sorted(set(per_function) - set(assignment.functions))
    report.add("баллы тестов = баллам course.yaml", not wrong and not unknown,
               "; ".join(wrong + [f"тесты ссылаются на неизвестную функцию {u}" for u in unknown]))

    starter = by_subject[STARTER]
    passing = [r.test_id for r in starter if r.passed]
    report.add("скрытые тесты: заготовка 0 %", bool(starter) and not passing,
               f"{_score(starter)[0]:g}/{_score(starter)[1]:g}" + (f"; проходят: {', '.join(passing[:3])}" if passing else ""))

    raiser = by_subject[RAISER]
    rewarded = list(dict.fromkeys(r.test_id.split("[")[0] for r in raiser if r.passed))
    report.add("скрытые тесты: файл, где всё бросает ValueError, — 0 %", bool(raiser) and not rewarded,
               f"{_score(raiser)[0]:g}/{_score(raiser)[1]:g}" + (f"; проходят: {', '.join(rewarded[:3])}" if rewarded else ""))

    survivors = [m.id for m in mutants if _score(by_subject[m.id])[0] >= total - 1e-9]
    report.add(f"мутанты пойманы (не меньше {min_mutants})",
               len(mutants) >= min_mutants and not survivors,
               f"{len(mutants) - len(survivors)}/{len(mutants)}" + (f"; выжили: {', '.join(survivors)}" if survivors else ""))

    check_rules(course, assignment, ref_results, report)
    report.hints = hint_stats(mutants, by_subject)
    report.add("подсказки мутантов (полнота, точность)", True, report.hints.summary()
               + (f"; без своей подсказки: {', '.join(report.hints.missed[:6])}" if report.hints.missed else "")
               + (f"; чужие подсказки: {', '.join(report.hints.wrong[:6])}" if report.hints.wrong else ""),
               warning=bool(report.hints.missed or report.hints.wrong))


def hint_stats(mutants: list, by_subject: dict[str, list[TestResult]]) -> HintStats:
    """Each mutant graded as a student's file: is its own hint shown, and which others are."""
    stats = HintStats(mutants=len(mutants))
    owner = {}
    for m in mutants:
        owner.setdefault(m.hint, m.id)
    for m in mutants:
        shown = {h for r in by_subject.get(m.id, []) if not r.passed and r.hint for h in r.hint.split("\n")}
        stats.shown += len(shown)
        if m.hint in shown:
            stats.own_shown += 1
            stats.right += 1
        else:
            stats.missed.append(m.id)
        stats.wrong += [f"{m.id} → {owner.get(h, '?')}" for h in shown if h != m.hint]
    return stats


def check_rules(course: LoadedCourse, assignment: Assignment, results: list[TestResult], report: AssignmentReport) -> None:
    """Every hidden test names a rule (@rule), and every rule is a sentence of the README's «Что проверяется»."""
    readme = course.folder(assignment) / "README.md"
    listed, problems = statement_rules(readme.read_text(encoding="utf-8") if readme.exists() else "")
    untagged = sorted({r.test_id.split("[")[0] for r in results if not r.rule})
    report.add("каждый скрытый тест связан с правилом условия (@rule)", bool(results) and not untagged,
               f"без @rule: {', '.join(untagged[:6])}" + (" …" if len(untagged) > 6 else "") if untagged else "")
    used = {r.rule for r in results if r.rule}
    unlisted = sorted(used - set(listed))
    report.add("правила тестов описаны в README («Что проверяется»)", not unlisted and not problems,
               "; ".join(problems + ([f"нет в README: {', '.join(unlisted)}"] if unlisted else [])))
    unused = sorted(set(listed) - used)
    if unused:
        report.add("правила README проверяются тестами", True, f"не проверяются ни одним тестом: {', '.join(unused)}",
                   warning=True)


def validate_assignment(course: LoadedCourse, assignment: Assignment, *, suites: bool = True,
                        min_mutants: int = MIN_MUTANTS_PER_ASSIGNMENT, isolation: str = "full") -> AssignmentReport:
    """Check one assignment; `isolation` is a sandbox level, or "inprocess" to debug the tests themselves."""
    report = AssignmentReport(assignment)
    if not course.solution_path(assignment).exists():
        report.add("эталон есть в solutions/", False, f"нет файла solutions/{assignment.module}.py")
        return report
    check_signatures(course, assignment, report)
    if suites:
        try:
            check_suites(course, assignment, report, min_mutants, isolation)
        except (HarnessError, SubmissionLoadError) as exc:
            report.add("тесты задания запускаются", False, str(exc))
    return report


def count_mutants(course: LoadedCourse) -> int:
    total = 0
    for a in course.course.assignments:
        path = course.mutants_path(a)
        if path.exists():
            total += len(mutants_of(load_module_from_file(path, prefix="nngrader_mutants")))
    return total
