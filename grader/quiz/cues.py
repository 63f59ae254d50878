"""Answer cues: what lets a test-wise student pick the key without knowing the topic.

Measured over the whole bank (issue 11):
- how often the correct option of a single-choice question is the longest one
  (chance with 4 options is 25 %; test writers tend to make the key the most
  careful, hence longest, sentence);
- whether the key sits at a fixed stored position (an unshuffled quiz or the
  GIFT export shows the stored order);
- how many options of a multiple-choice question are correct (always 3 of 5
  turns "pick three" into a strategy);
- options of one question whose lengths differ too much (one stands out).

Lengths are counted in characters of the option text with its math source
($\\frac{1}{m}$ counts as typed: it is what a reader sees as a long formula),
and an option shorter than LENGTH_FLOOR counts as LENGTH_FLOOR characters:
"0", "ReLU" or "$x^2$" are read as one token, and a ratio between two such
short answers says nothing to a reader.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from statistics import mean

from .bank import BankQuestion
from .issues import Issue

LENGTH_FLOOR = 20


@dataclass(frozen=True)
class CueLimits:
    """Limits the bank must stay within (docs/quiz_format.md explains each number)."""

    longest_share: float = 0.35  # single: share of questions whose key is the longest option
    position_share: float = 0.40  # single: share of keys at the most frequent stored position
    prefix_share: float = 0.30  # multiple: share of questions whose keys are exactly the first k options
    max_count_share: float = 0.50  # multiple: share of the most frequent number of correct options
    counts: tuple[int, ...] = (1, 2, 3, 4)  # each of these numbers of correct options must occur
    length_ratio: float = 2.5  # longest / shortest option of one question (with the floor)
    min_singles: int = 10  # bank-wide shares are noise on fewer questions: not checked
    min_multiples: int = 8


@dataclass
class CueReport:
    singles: int = 0
    longest: int = 0  # key is the longest option (ties count: a tie still points at the key)
    key_vs_distractors: float = 0.0  # mean over questions of len(key) / mean len(distractors)
    positions: Counter = field(default_factory=Counter)  # stored 1-based position of the key
    multiples: int = 0
    counts: Counter = field(default_factory=Counter)  # number of correct options -> questions
    prefix: int = 0  # multiple questions whose correct options are the first k stored
    ratios: list[tuple[float, BankQuestion]] = field(default_factory=list)  # per question

    @property
    def longest_share(self) -> float:
        return self.longest / self.singles if self.singles else 0.0

    @property
    def position_share(self) -> float:
        return max(self.positions.values()) / self.singles if self.singles else 0.0

    @property
    def prefix_share(self) -> float:
        return self.prefix / self.multiples if self.multiples else 0.0

    def lines(self) -> list[str]:
        """The figures in Russian, one line each (printed by `quiz validate`)."""
        pos = ", ".join(f"{p}: {n}" for p, n in sorted(self.positions.items()))
        counts = ", ".join(f"{k}: {n}" for k, n in sorted(self.counts.items()))
        worst = max(self.ratios, key=lambda r: r[0], default=(0.0, None))
        return [
            f"Один ответ: {self.singles} вопр.; верный вариант самый длинный в {self.longest} "
            f"({100 * self.longest_share:.0f} %), в среднем он в {self.key_vs_distractors:.2f} раза "
            "длиннее неверных",
            f"Позиция верного варианта в файле (один ответ): {pos or '—'}",
            f"Несколько ответов: {self.multiples} вопр.; число верных вариантов → вопросов: {counts or '—'}; "
            f"верные стоят первыми подряд в {self.prefix} ({100 * self.prefix_share:.0f} %)",
            "Наибольшее отношение длин вариантов одного вопроса: "
            + (f"{worst[0]:.2f} ({worst[1].id})" if worst[1] is not None else "—"),
        ]


def _length(text: str) -> int:
    return max(len(" ".join(text.split())), LENGTH_FLOOR)


def measure(questions: list[BankQuestion]) -> CueReport:
    report = CueReport()
    key_ratios = []
    for bq in questions:
        q = bq.q
        if q.type not in ("single", "multiple"):
            continue
        lengths = [_length(o.text) for o in q.options]
        report.ratios.append((max(lengths) / min(lengths), bq))
        correct = [i for i, o in enumerate(q.options) if o.correct]
        if q.type == "single" and len(correct) == 1:
            key = correct[0]
            others = [n for i, n in enumerate(lengths) if i != key]
            report.singles += 1
            report.longest += lengths[key] >= max(others)
            key_ratios.append(lengths[key] / mean(others))
            report.positions[key + 1] += 1
        elif q.type == "multiple" and correct:
            report.multiples += 1
            report.counts[len(correct)] += 1
            report.prefix += correct == list(range(len(correct)))
    report.key_vs_distractors = mean(key_ratios) if key_ratios else 0.0
    return report


def check(report: CueReport, limits: CueLimits, where: str) -> list[Issue]:
    """Issues for every limit the bank exceeds; per-question ratios name the question."""
    issues: list[Issue] = []

    def bank_issue(message: str) -> None:
        issues.append(Issue(where, None, None, message))

    if report.singles >= limits.min_singles:
        if report.longest_share > limits.longest_share:
            bank_issue(f"подсказка длиной: верный вариант самый длинный в {report.longest} из "
                       f"{report.singles} вопросов с одним ответом ({100 * report.longest_share:.0f} %), "
                       f"допустимо не больше {100 * limits.longest_share:.0f} %")
        if report.position_share > limits.position_share:
            pos, n = report.positions.most_common(1)[0]
            bank_issue(f"подсказка позицией: в {n} из {report.singles} вопросов с одним ответом верный "
                       f"вариант записан {pos}-м ({100 * report.position_share:.0f} %), допустимо не больше "
                       f"{100 * limits.position_share:.0f} %: переставьте варианты в файле")
    if report.multiples >= limits.min_multiples:
        if report.prefix_share > limits.prefix_share:
            bank_issue(f"подсказка позицией: в {report.prefix} из {report.multiples} вопросов с несколькими "
                       f"ответами верные варианты записаны первыми подряд ({100 * report.prefix_share:.0f} %), "
                       f"допустимо не больше {100 * limits.prefix_share:.0f} %")
        missing = [k for k in limits.counts if not report.counts[k]]
        if missing:
            bank_issue("подсказка числом верных: нет вопросов с несколькими ответами, где верных ровно "
                       + ", ".join(map(str, missing)))
        k, n = report.counts.most_common(1)[0]
        if n / report.multiples > limits.max_count_share:
            bank_issue(f"подсказка числом верных: в {n} из {report.multiples} вопросов с несколькими "
                       f"ответами верных ровно {k} ({100 * n / report.multiples:.0f} %), допустимо не больше "
                       f"{100 * limits.max_count_share:.0f} %")
    for ratio, bq in report.ratios:
        if ratio > limits.length_ratio:
            issues.append(bq.issue(f"варианты слишком разной длины: самый длинный в {ratio:.1f} раза длиннее "
                                   f"самого короткого (допустимо {limits.length_ratio:g})", "options"))
    return issues
