"""What a student's feedback shows, computed from a SubmissionRecord (no formatting markup).

Only what the grader recorded for the student reaches the page: the Russian
message of each failed test, a whitelist of summary details and the mutant's
hint. Hidden test source never does — and a message that carries pytest's
assertion introspection (the `assert …` source line) is cut before it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..course import Assignment
from ..records import ALERT_NOTE, SubmissionRecord, TestOutcome

STATUS_TEXT = {
    "graded": "проверено",
    "load_error": "решение не загрузилось",
    "error": "ошибка проверки",
}
OTHER_FUNCTION = "прочие проверки"
NOT_IMPLEMENTED = "функция ещё не реализована"
_SUMMARY_LABELS = {"первые расхождения", "макс. относительная ошибка", "предупреждения", "не совпало элементов",
                   "форма результата", "элементов nan/inf"}
_NUMBERS = re.compile(r"-?\d+(?:[.,]\d+)?(?:e[-+]?\d+)?", re.IGNORECASE)


# ---------------------------------------------------------------- formatting helpers

def fmt_number(value: float, digits: int = 2) -> str:
    """7.5 -> '7,5', 8.0 -> '8': Russian decimal comma, no trailing zeros."""
    text = f"{round(float(value), digits):.{digits}f}".rstrip("0").rstrip(".")
    return ("0" if text in ("-0", "") else text).replace(".", ",")


def fmt_sci(value: Any) -> str:
    try:
        return f"{float(value):.3g}".replace(".", ",")
    except (TypeError, ValueError):
        return str(value)


def fmt_shape(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        inner = ", ".join(str(v) for v in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    return str(value)


def pretty_test(test_id: str) -> str:
    """'test_softmax_rows_sum_to_one[shape1]' -> 'softmax rows sum to one (вариант shape1)'."""
    name, _, params = test_id.partition("[")
    name = name.rsplit("::", 1)[-1]
    name = name[len("test_"):] if name.startswith("test_") else name
    text = name.replace("_", " ").strip() or test_id
    if params:
        text += f" (вариант {params.rstrip(']')})"
    return text


_INTROSPECTION = re.compile(r"^\s*(assert\b|\+\s+where\b|\+\s+and\b)")


def safe_message(message: str) -> str:
    """The Russian message without pytest's assertion introspection (which shows test source)."""
    kept: list[str] = []
    for line in (message or "").splitlines():
        if _INTROSPECTION.match(line):
            break  # everything after the first introspection line is introspection too
        kept.append(line.rstrip())
    text = "\n".join(kept).strip()
    return capped(text) or "проверка не пройдена"


MAX_MESSAGE = 1500


def capped(text: str, limit: int = MAX_MESSAGE) -> str:
    """At most `limit` characters: a message carries the student's text, which has no size of its own."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _first_diffs(value: Any) -> str | None:
    """details['first_diffs']: [[index, received, expected], …] or [{"index":…, "received":…, "expected":…}, …]."""
    if not isinstance(value, (list, tuple)) or not value:
        return None
    parts = []
    for item in list(value)[:5]:
        if isinstance(item, dict):
            index, got, want = item.get("index"), item.get("received"), item.get("expected")
        elif isinstance(item, (list, tuple)) and len(item) == 3:
            index, got, want = item
        else:
            continue
        parts.append(f"{fmt_shape(index)}: получено {fmt_sci(got)}, ожидалось {fmt_sci(want)}")
    return "; ".join(parts) or None


def detail_lines(details: dict[str, Any]) -> list[str]:
    """Russian summary lines of a failure's details, in a fixed order; unknown keys are not shown."""
    d = details or {}
    lines: list[str] = []
    if "received_shape" in d or "expected_shape" in d:
        lines.append(f"Форма: получено {fmt_shape(d.get('received_shape', '?'))}, "
                     f"ожидалось {fmt_shape(d.get('expected_shape', '?'))}")
    elif "shape" in d:
        lines.append(f"Форма результата: {fmt_shape(d['shape'])}")
    if "mismatched" in d:
        total = f" из {d['size']}" if "size" in d else ""
        lines.append(f"Не совпало элементов: {d['mismatched']}{total}")
    if "max_rel_error" in d:
        lines.append(f"Макс. относительная ошибка: {fmt_sci(d['max_rel_error'])}")
    diffs = _first_diffs(d.get("first_diffs"))
    if diffs:
        lines.append(f"Первые расхождения: {diffs}")
    if d.get("kind") == "nonfinite" and "count" in d:
        lines.append(f"Элементов nan/inf: {d['count']}")
    warnings = d.get("warnings")
    if isinstance(warnings, (list, tuple)) and warnings:
        shown = "; ".join(str(w) for w in list(warnings)[:3])
        more = f" (и ещё {len(warnings) - 3})" if len(warnings) > 3 else ""
        lines.append(f"Предупреждения: {shown}{more}")
    if "received" in d:
        lines.append(f"Получено: {d['received']}")
    if "argument" in d:
        lines.append(f"Изменён на месте аргумент: {d['argument']}")
    return [capped(line, 500) for line in lines]


# ---------------------------------------------------------------- the view

@dataclass
class FailedTest:
    test_id: str       # for the instructor's tools; student pages show `title`
    title: str         # Russian: "проверка 3 из 7"
    message: str
    details: list[str]  # only the facts the message does not already state
    hint: str | None
    count: int = 1     # identical failures (same message and details) are shown once


@dataclass
class FunctionView:
    name: str
    points: float
    max_points: float
    passed: int
    total: int
    failed: list[FailedTest] = field(default_factory=list)
    hints: list[str] = field(default_factory=list)  # distinct targeted hints of its failed tests

    @property
    def points_text(self) -> str:
        return f"{fmt_number(self.points)} из {fmt_number(self.max_points)}"

    @property
    def ok(self) -> bool:
        return not self.failed and self.total > 0

    @property
    def not_implemented(self) -> bool:
        """Every test failed on NotImplementedError: one line says it all."""
        return bool(self.failed) and self.passed == 0 and all(
            f.message.startswith(NOT_IMPLEMENTED) for f in self.failed)


@dataclass
class FeedbackView:
    student_id: str
    student_name: str
    assignment_id: str
    assignment_title: str
    status: str
    status_text: str
    message: str
    notes: list[str]
    score_text: str
    raw_score_text: str
    late_days: int
    penalty_text: str | None
    submitted_at: str | None
    isolation: str
    functions: list[FunctionView]

    @property
    def failed_count(self) -> int:
        return sum(len(f.failed) for f in self.functions)


def _fmt_time(value) -> str | None:
    if value is None:
        return None
    text = value.strftime("%Y-%m-%d %H:%M")
    offset = value.strftime("%z")
    return f"{text} (UTC{offset[:3]}:{offset[3:]})" if offset else text


def _function_views(record: SubmissionRecord, assignment: Assignment | None) -> list[FunctionView]:
    by_function: dict[str, list[TestOutcome]] = {}
    for o in record.outcomes:
        by_function.setdefault(o.function or OTHER_FUNCTION, []).append(o)
    names = list(assignment.functions) if assignment is not None else []
    names += [n for n in by_function if n not in names]
    views = []
    for name in names:
        outcomes = by_function.get(name, [])
        if assignment is not None and name in assignment.functions:
            max_points = assignment.functions[name].points
        else:
            max_points = sum(o.max_points for o in outcomes)
        failed: list[FailedTest] = []
        seen: dict[tuple, FailedTest] = {}
        for number, o in enumerate(outcomes, start=1):
            if o.passed:
                continue
            message = safe_message(o.message)
            details = new_facts(message, detail_lines(o.details))
            key = (message, tuple(details))
            if key in seen:
                seen[key].count += 1
                continue
            seen[key] = FailedTest(test_id=o.test_id, title=f"проверка {number} из {len(outcomes)}",
                                   message=message, details=details, hint=o.hint)
            failed.append(seen[key])
        hints: list[str] = []
        for f in failed:
            if f.hint and f.hint not in hints:
                hints.append(f.hint)
        views.append(FunctionView(name=name, points=sum(o.points for o in outcomes), max_points=max_points,
                                  passed=sum(1 for o in outcomes if o.passed), total=len(outcomes),
                                  failed=failed, hints=hints))
    return views


def _numbers(text: str) -> set[str]:
    return {n.replace(",", ".") for n in _NUMBERS.findall(text)}


def new_facts(message: str, details: list[str]) -> list[str]:
    """Detail lines that add something: a line whose every number the message already states is dropped
    ("Не совпало элементов: 640 из 640" under "значения не совпадают (640 из 640 элементов …)")."""
    said = _numbers(message)
    lowered = message.lower()
    kept = []
    for line in details:
        numbers = _numbers(line)
        label, _, fact = line.partition(": ")
        if (numbers and numbers <= said) or (fact and fact in message) \
                or (label.lower() in _SUMMARY_LABELS and label.lower() in lowered):
            continue  # the message already says it (often with more digits)
        kept.append(line)
    return kept


def build_view(record: SubmissionRecord, assignment: Assignment | None = None) -> FeedbackView:
    """The feedback page of one submission; `assignment` (from course.yaml) gives titles and points."""
    penalty = None
    if record.late_days > 0 or record.penalty_percent > 0:
        penalty = (f"сдано с опозданием на {record.late_days} дн., штраф {fmt_number(record.penalty_percent)} %: "
                   f"{fmt_number(record.raw_score)} → {fmt_number(record.score)}")
    return FeedbackView(
        student_id=record.student_id, student_name=record.student_name or record.student_id,
        assignment_id=record.assignment_id,
        assignment_title=assignment.title if assignment is not None else record.assignment_id,
        status=record.status, status_text=STATUS_TEXT.get(record.status, record.status),
        message=capped(record.message or ""),  # about the student's own file: shown as is, bounded
        notes=[n for n in record.notes if not n.startswith(ALERT_NOTE)],  # for the instructor only
        score_text=f"{fmt_number(record.score)} из {fmt_number(record.max_score)}",
        raw_score_text=fmt_number(record.raw_score),
        late_days=record.late_days, penalty_text=penalty,
        submitted_at=_fmt_time(record.submitted_at), isolation=record.isolation,
        functions=_function_views(record, assignment),
    )
