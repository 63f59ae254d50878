"""`quiz take`: one question at a time, immediate verdict and explanation, then what to revisit.

Input is read line by line from any callable, so piped stdin works and tests
drive it directly. A blank line skips a question; an unreadable answer is asked
again (up to 3 times) when a person types; piped input is not re-asked, since
the next line belongs to the next question. End of input ends the quiz.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable

from rich.console import Console

from . import responses, scoring
from .model import SECTIONS, TYPE_NAMES
from .render import choices_lines, describe_key
from .variants import Variant

MAX_TRIES = 3


@dataclass
class TakeResult:
    points: dict[str, float] = field(default_factory=dict)  # question id -> points
    max_points: float = 0.0
    skipped_unavailable: list[str] = field(default_factory=list)

    @property
    def score(self) -> float:
        return sum(self.points.values())


def _fmt(points: float) -> str:
    return f"{points:.2f}".rstrip("0").rstrip(".")


def run_take(variant: Variant, read_line: Callable[[], str | None], console: Console,
             topic_titles: dict[str, str] | None = None, interactive: bool = False) -> TakeResult:
    out = lambda text="", style=None: console.print(text, style=style, markup=False,  # noqa: E731
                                                    highlight=False)
    result = TakeResult()
    total = len(variant.questions)
    out(f"{variant.quiz.title or variant.quiz.id}: {total} вопросов. "
        "Пустая строка — пропустить вопрос.", "bold")
    lost: dict[str, list[tuple[int, float]]] = defaultdict(list)  # section -> (number, lost)
    lost_topics: dict[str, float] = defaultdict(float)
    ended = False
    for vq in variant.questions:
        if vq.unavailable:
            out(f"\nВопрос {vq.number} пропущен: {vq.unavailable}", "yellow")
            result.skipped_unavailable.append(vq.id)
            continue
        result.max_points += scoring.MAX_POINTS
        if ended:
            result.points[vq.id] = 0.0
            lost[vq.q.section].append((vq.number, 1.0))
            lost_topics[vq.topic] += 1.0
            continue
        out(f"\nВопрос {vq.number} из {total} · {TYPE_NAMES[vq.type]} · сложность {vq.q.difficulty}", "bold cyan")
        out(vq.stem)
        for line in choices_lines(vq):
            out(line)
        out(responses.INSTRUCTIONS[vq.type] + ".", "dim")
        response, answered = None, False
        for attempt in range(MAX_TRIES if interactive else 1):
            line = read_line()
            if line is None:
                ended = True
                break
            if responses.is_blank(line):
                break
            try:
                response, answered = responses.parse(vq, line.strip()), True
                break
            except responses.ResponseError as exc:
                again = interactive and attempt + 1 < MAX_TRIES
                out(f"Не понял ответ: {exc}." + (" Попробуйте ещё раз." if again else ""), "yellow")
        if ended:
            out("Ввод закончился: оставшиеся вопросы не засчитаны.", "yellow")
        points = scoring.score(vq, response) if answered else 0.0
        result.points[vq.id] = points
        if points >= scoring.MAX_POINTS:
            out("✔ Верно!", "bold green")
        else:
            if not answered:
                out("— Ответа нет: 0 баллов.", "yellow")
            elif points > 0:
                out(f"◐ Частично верно: {_fmt(points)} из 1.", "bold yellow")
            else:
                out("✘ Неверно.", "bold red")
            out(f"Правильный ответ: {describe_key(vq)}")
            lost[vq.q.section].append((vq.number, scoring.MAX_POINTS - points))
            lost_topics[vq.topic] += scoring.MAX_POINTS - points
        out(f"Пояснение: {vq.q.explanation}", "italic")
    _summary(result, lost, lost_topics, topic_titles or {}, out)
    return result


def _summary(result: TakeResult, lost, lost_topics, topic_titles, out) -> None:
    share = 100 * result.score / result.max_points if result.max_points else 0.0
    out(f"\nИтог: {_fmt(result.score)} из {_fmt(result.max_points)} ({share:.0f} %)", "bold")
    if result.skipped_unavailable:
        out(f"Не оценены (нет эталона): {', '.join(result.skipped_unavailable)}", "yellow")
    if not lost:
        out("Отлично: повторять ничего не нужно.", "green")
        return
    out("Что повторить:", "bold")
    for section, items in sorted(lost.items(), key=lambda kv: -sum(p for _, p in kv[1])):
        numbers = ", ".join(str(n) for n, _ in items)
        out(f"  • {SECTIONS.get(section, section)} (раздел {section}): "
            f"потеряно {_fmt(sum(p for _, p in items))} б., вопросы {numbers}")
    topics = sorted(lost_topics.items(), key=lambda kv: -kv[1])
    out("Темы: " + ", ".join(f"{topic_titles.get(t, t)} ({t})" for t, _ in topics))
