"""Run a Target's public tests in this process on a file or on a module object."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from .summary import LOAD_ERROR_PREFIX, OTHER, CheckSummary, Failure, FunctionResult
from .target import SelfCheckError, Target, keyword_for

NOTEBOOK_SUBJECT = "блокнот"


def _formatters():
    """The feedback's own wording of a failure, so self-check and feedback read the same."""
    try:
        from ..feedback.view import detail_lines, new_facts, pretty_test, safe_message
    except ImportError:  # feedback rendering needs jinja2; the self-check must work without it
        return (lambda m: (m or "проверка не пройдена").split("\nassert ")[0]), (lambda m, d: []), (lambda t: t)
    return safe_message, (lambda message, d: new_facts(message, detail_lines(d))), pretty_test


def run_public(target: Target, *, submission: Path | None = None, module: Any = None,
               functions: list[str] | None = None) -> CheckSummary:
    """Public tests of `target` (only those of `functions` when given) on a file or a module object."""
    from ..harness.runner import HarnessError, run_tests

    summary = CheckSummary(target.assignment_id, target.title)
    unknown = target.unknown(functions or [])
    if unknown:
        summary.error = (f"в задании {target.assignment_id} нет функции «{unknown[0]}». "
                         f"Есть: {', '.join(target.functions)}")
        return summary
    keyword = keyword_for(target.tests, functions) if functions else None
    try:
        if module is not None:
            results = run_tests(target.tests, subjects={NOTEBOOK_SUBJECT: lambda: module}, keyword=keyword)
        else:
            results = run_tests(target.tests, submission=Path(submission), keyword=keyword, isolation="inprocess")
    except HarnessError as exc:
        summary.error = f"публичные тесты задания не запускаются ({exc}) — сообщите преподавателю"
        return summary
    if functions:
        results = [r for r in results if r.function in functions]
    return summarize(target, results, functions, summary)


def summarize(target: Target, results: list, functions: list[str] | None, summary: CheckSummary) -> CheckSummary:
    message_of, details_of, title_of = _formatters()
    failed = [r for r in results if not r.passed]
    if failed and len(failed) == len(results) and all(r.message.startswith(LOAD_ERROR_PREFIX) for r in failed):
        summary.load_error = failed[0].message.removeprefix(LOAD_ERROR_PREFIX).lstrip(": ")
        return summary
    names = list(functions or target.functions)
    names += [r.function or OTHER for r in results if (r.function or OTHER) not in names]
    for name in names:
        own = [r for r in results if (r.function or OTHER) == name]
        result = FunctionResult(name, sum(r.passed for r in own), len(own), target.functions.get(name, 0.0))
        seen: dict[tuple, Failure] = {}
        for r in own:
            if r.passed:
                continue
            message = message_of(r.message)
            details = details_of(message, r.details)  # facts the message states are not repeated
            key = (message, tuple(details))
            if key in seen:
                seen[key].count += 1
                continue
            seen[key] = Failure(r.test_id, title_of(r.test_id), message, details)
            result.failures.append(seen[key])
        summary.functions.append(result)
    return summary


def check_file(file: Path, assignment: str | None = None) -> CheckSummary:
    """`nngrader check FILE`: the file's assignment, its public tests, in this process."""
    from ..submission import SubmissionError, read_submission
    from .locate import for_file

    target = for_file(Path(file), assignment)
    summary = CheckSummary(target.assignment_id, target.title)
    try:
        source = read_submission(Path(file), target.module)
    except SubmissionError as exc:
        summary.load_error = str(exc)
        return summary
    except OSError as exc:
        raise SelfCheckError(f"{file}: не удаётся прочитать: {exc}") from None
    result = run_public(target, submission=Path(file))
    result.notes = [f"Файл: {source.origin}", *source.notes]
    return result
