"""Write the class report: one HTML page per assignment and quiz, an index, and the numbers as CSV."""
from __future__ import annotations

import csv
import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable

from jinja2 import Environment, PackageLoader, select_autoescape

from ..export.safe import spreadsheet_text
from . import assignstats, plots, quizstats
from .classdata import AssignmentData, QuizData
from .itemstats import MIN_ATTEMPTS

def _pct(value: float) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return "<1" if 0 < value < 0.5 else f"{value:.0f}"  # one student in 500 is not "0 %"


def _num(value: float) -> str:
    return "—" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value:.2f}".rstrip("0").rstrip(".")


def _env() -> Environment:
    env = Environment(loader=PackageLoader("grader.analytics", "templates"), autoescape=select_autoescape(["j2"]))
    env.globals.update(pct=_pct, num=_num, nan=float("nan"), min_attempts=MIN_ATTEMPTS,
                       known=assignstats.KNOWN, not_known=assignstats.NOT_KNOWN,
                       generated=datetime.now(timezone.utc).astimezone().strftime("%d.%m.%Y %H:%M"))
    return env


def _write_csv(path: Path, header: list[str], rows: Iterable[Iterable]) -> None:
    # UTF-8 with BOM: Excel opens Cyrillic correctly; cells that look like formulas stay text.
    with open(path, "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for row in rows:
            writer.writerow([spreadsheet_text(v) if isinstance(v, str) else round(v, 4) if isinstance(v, float) else v
                             for v in row])


@dataclass
class AssignmentPage:
    title: str
    page: str
    stats: assignstats.AssignmentStats


@dataclass
class QuizPage:
    page: str
    report: quizstats.QuizReport


def write_assignment(out: Path, data: AssignmentData, quizzes: list[QuizData]) -> AssignmentPage:
    stats = assignstats.analyse(data)
    theory_scores = assignstats.section_theory(quizzes, data.topic)
    theory = assignstats.theory_vs_code(data, theory_scores) if theory_scores else None
    times = [a.submitted_at or a.graded_at for a in data.attempts if (a.submitted_at or a.graded_at)]
    figures = {
        "scores": plots.histogram(stats.scores, "балл, % от максимума"),
        "functions": plots.hbar(data.functions, [100 * f.pass_rate if f.pass_rate == f.pass_rate else 0
                                                 for f in stats.functions], "полностью верно, % студентов"),
        "heatmap": plots.heatmap(stats.heatmap, stats.heat_students, data.functions),
        "timeline": plots.timeline(times, data.deadline) if times else "",
    }
    aid = data.assignment_id
    page = f"{aid}.html"
    (out / page).write_text(_env().get_template("assignment.html.j2").render(
        title=data.title, data=data, stats=stats, figures=figures, theory=theory), encoding="utf-8")
    graded = [s for s in data.students if s.status == "graded"]
    _write_csv(out / f"scores_{aid}.csv", ["student_id", "name", "status", "score_percent", "late_days"],
               ([s.student_id, s.name, s.status, 100 * s.score / s.max_score if s.max_score else 0.0, s.late_days]
                for s in data.students))
    _write_csv(out / f"functions_{aid}.csv", ["function", "max_points", "pass_rate", "mean_share"],
               ([f.function, f.max_points, f.pass_rate, f.mean_share] for f in stats.functions))
    _write_csv(out / f"heatmap_{aid}.csv", ["student_id", "name", *data.functions],
               ([s.student_id, s.name, *row] for s, row in zip(graded, stats.heatmap.tolist())))
    _write_csv(out / f"mistakes_{aid}.csv", ["function", "mutant_id", "students", "share", "hint"],
               ([m.function, m.mutant_id, m.students, m.share, m.hint] for m in stats.mistakes))
    _write_csv(out / f"attempts_{aid}.csv", ["student_id", "submitted_at", "graded_at", "score"],
               ([a.student_id, a.submitted_at.isoformat() if a.submitted_at else "",
                 a.graded_at.isoformat() if a.graded_at else "", a.score] for a in data.attempts))
    _write_csv(out / f"theory_code_{aid}.csv", ["student_id", "name", "theory_share", "code_share", "kind"],
               ([d.student_id, d.name, d.theory, d.code, d.kind] for d in theory or []))
    return AssignmentPage(data.title, page, stats)


def write_quiz(out: Path, data: QuizData) -> QuizPage:
    report = quizstats.analyse(data)
    figures = {
        "totals": plots.histogram(report.totals, "балл за тест, % от максимума"),
        "items": plots.facility_discrimination([q.stats.facility for q in report.questions],
                                               [q.stats.discrimination if q.stats.discrimination == q.stats.discrimination
                                                else 0.0 for q in report.questions],
                                               [q.question_id for q in report.questions]),
    }
    qid = data.quiz_id
    page = f"quiz_{qid}.html"
    (out / page).write_text(_env().get_template("quiz.html.j2").render(
        title=report.title, report=report, figures=figures), encoding="utf-8")
    _write_csv(out / f"items_{qid}.csv",
               ["question_id", "topic", "type", "n", "facility", "sd", "discrimination", "efficiency",
                "upper_lower_27", "flags"],
               ([q.question_id, q.topic, q.qtype, q.stats.n, q.stats.facility, q.stats.sd, q.stats.discrimination,
                 q.stats.efficiency, q.stats.upper_lower, "; ".join(q.flags)] for q in report.questions))
    _write_csv(out / f"options_{qid}.csv", ["question_id", "option", "correct", "chosen", "share", "text"],
               ([q.question_id, o.index + 1, int(o.correct), o.chosen, o.share, o.text]
                for q in report.questions for o in q.options))
    t = report.test
    _write_csv(out / f"test_{qid}.csv", ["statistic", "value"],
               [] if t is None else [["attempts", t.n], ["items", t.items], ["mean_percent", t.mean],
                                     ["median_percent", t.median], ["sd_percent", t.sd], ["cronbach_alpha", t.alpha],
                                     ["kr20", t.kr20], ["sem_percent", t.sem]])
    return QuizPage(page, report)


def write_index(out: Path, title: str, assignments: list[AssignmentPage], quizzes: list[QuizPage],
                topic_title: Callable[[str], str], topics: dict[str, str]) -> Path:
    """`topics` maps an assignment page to its syllabus section, for the cross-assignment mistakes table."""
    by_section: dict[str, list] = defaultdict(list)
    for page in assignments:
        by_section[topic_title(topics[page.page])] += page.stats.mistakes
    sections = [(name, sorted(rows, key=lambda r: -r.share)[:5]) for name, rows in by_section.items() if rows]
    path = out / "index.html"
    path.write_text(_env().get_template("index.html.j2").render(
        title=title, assignments=assignments, quizzes=quizzes, sections=sections), encoding="utf-8")
    return path
