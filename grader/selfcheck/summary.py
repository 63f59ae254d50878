"""The result of a self-check and its Russian text and HTML forms."""
from __future__ import annotations

import html
from dataclasses import dataclass, field

LOAD_ERROR_PREFIX = "решение не загружается"
NOT_IMPLEMENTED_PREFIX = "функция ещё не реализована"
OTHER = "прочие проверки"
FOOTER = ("Публичные тесты — лишь несколько примеров: итоговую оценку ставят скрытые тесты, "
          "они проверяют гораздо больше случаев.")


@dataclass
class Failure:
    test_id: str
    title: str
    message: str
    details: list[str] = field(default_factory=list)
    count: int = 1  # identical failures of one function are shown once


@dataclass
class FunctionResult:
    name: str
    passed: int
    total: int
    points: float = 0.0
    failures: list[Failure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.total > 0 and self.passed == self.total

    @property
    def not_implemented(self) -> bool:
        """Every test failed on NotImplementedError: one line says it all."""
        return bool(self.failures) and self.passed == 0 and all(
            f.message.startswith(NOT_IMPLEMENTED_PREFIX) for f in self.failures)

    @property
    def status(self) -> str:
        tests = f"{self.passed} из {self.total}" if self.total else "нет публичных тестов"
        return f"{tests} — ещё не реализована" if self.not_implemented else tests


@dataclass
class CheckSummary:
    """What a self-check found; `ok` when every selected public test passed."""

    assignment_id: str
    title: str
    functions: list[FunctionResult] = field(default_factory=list)
    error: str | None = None        # the check could not run at all
    load_error: str | None = None   # the student's code does not load
    missing: list[str] = field(default_factory=list)  # functions not defined (notebook)
    notes: list[str] = field(default_factory=list)
    _shown_in: int | None = field(default=None, repr=False, compare=False)  # IPython cell that showed it

    def _ipython_display_(self) -> None:
        from .display import display_hook
        display_hook(self)

    @property
    def passed(self) -> int:
        return sum(f.passed for f in self.functions)

    @property
    def total(self) -> int:
        return sum(f.total for f in self.functions)

    @property
    def ok(self) -> bool:
        return self.error is None and self.load_error is None and self.total > 0 and self.passed == self.total

    @property
    def headline(self) -> str:
        if self.error:
            return f"Самопроверка не запустилась: {self.error}"
        if self.load_error:
            return f"Решение не загружается: {self.load_error}"
        if not self.total:
            return "Публичных тестов для выбранных функций нет."
        verdict = "все пройдены" if self.ok else f"пройдено {self.passed} из {self.total}"
        return f"Публичные тесты: {verdict}."

    @property
    def short(self) -> str:
        """One paragraph for an exception (check(strict=True)): the verdict and the first problems."""
        problems = [f"{f.name}: {f.failures[0].message}" for f in self.functions if f.failures]
        if self.missing:
            problems.insert(0, f"не определены: {', '.join(self.missing)}")
        return " ".join([self.headline, *(p + "." if not p.endswith(".") else p for p in problems[:3])])

    # ------------------------------------------------------------ text

    def text(self) -> str:
        lines = [f"Самопроверка: {self.assignment_id} — {self.title}" if self.title else "Самопроверка"]
        lines += [f"  {note}" for note in self.notes]
        if self.missing:
            lines.append(f"Не определены: {', '.join(self.missing)} — выполните ячейки (или строки файла) "
                         "с этими функциями.")
        if self.error or self.load_error:
            lines.append(self.headline)
            return "\n".join(lines)
        for f in self.functions:
            mark = "✓" if f.ok else "✗"
            lines.append(f"{mark} {f.name}: {f.status}")
            for failure in ([] if f.not_implemented else f.failures):
                times = f" (и ещё тестов: {failure.count - 1})" if failure.count > 1 else ""
                lines.append(f"    • {failure.title}{times}: {_indent(failure.message, 6)}")
                lines += [f"      {d}" for d in failure.details]
        lines.append(self.headline)
        if self.total:
            lines.append(FOOTER)
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.text()

    # ------------------------------------------------------------ html

    def html(self) -> str:
        e = html.escape
        parts = ['<div class="nngrader-check" style="font-family: sans-serif; line-height: 1.4">',
                 f'<div style="font-weight: bold">Самопроверка: {e(self.assignment_id)} — {e(self.title)}</div>']
        for note in self.notes:
            parts.append(f'<div style="color: #666">{e(note)}</div>')
        if self.missing:
            parts.append(f'<div style="color: #b35c00">Не определены: {e(", ".join(self.missing))} — '
                         'выполните ячейки с этими функциями.</div>')
        if not (self.error or self.load_error):
            parts.append('<table style="border-collapse: collapse; margin: 4px 0">')
            for f in self.functions:
                color = "#1a7f37" if f.ok else "#c62828"
                mark = "✓" if f.ok else "✗"
                tests = f.status
                parts.append(f'<tr><td style="color: {color}; padding: 2px 8px">{mark}</td>'
                             f'<td style="padding: 2px 8px"><code>{e(f.name)}</code></td>'
                             f'<td style="padding: 2px 8px">{e(tests)}</td></tr>')
                for failure in ([] if f.not_implemented else f.failures):
                    times = f" (и ещё тестов: {failure.count - 1})" if failure.count > 1 else ""
                    details = "".join(f'<div style="color: #555">{e(d)}</div>' for d in failure.details)
                    parts.append(f'<tr><td></td><td colspan="2" style="padding: 0 8px 4px 8px">'
                                 f'<em>{e(failure.title)}{e(times)}</em>: '
                                 f'<span style="white-space: pre-wrap">{e(failure.message)}</span>{details}</td></tr>')
            parts.append("</table>")
        color = "#1a7f37" if self.ok else "#c62828"
        parts.append(f'<div style="color: {color}; font-weight: bold">{e(self.headline)}</div>')
        if self.total and not self.error:
            parts.append(f'<div style="color: #666; font-size: 90%">{e(FOOTER)}</div>')
        parts.append("</div>")
        return "\n".join(parts)


def _indent(text: str, spaces: int) -> str:
    return text.replace("\n", "\n" + " " * spaces)
