"""course.yaml: the schema of the course and its loader.

The course file is the single place where assignments, points, deadlines,
quizzes and grading limits live. A bad file must fail with one Russian line
naming the file, the line and the key, so an instructor can fix it at once.
"""
from __future__ import annotations

import ast
import os
from datetime import datetime, timedelta, timezone, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .yamlsource import YamlSourceError, load_yaml

COURSE_FILE = "course.yaml"
POINTS_PER_ASSIGNMENT = 100


class CourseError(Exception):
    """An invalid or missing course; str() is a one-line Russian message."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FunctionSpec(_Strict):
    points: Annotated[float, Field(gt=0)]
    signature: str = Field(description="parameter list as in COURSE_API.md, e.g. 'x, alpha=0.01'")

    @field_validator("signature")
    @classmethod
    def _parses(cls, value: str) -> str:
        try:
            parse_signature(value)
        except SyntaxError:
            raise ValueError(f"сигнатура «{value}» не разбирается как список параметров Python") from None
        return value


class LatePolicy(_Strict):
    penalty_per_day: Annotated[float, Field(ge=0, le=100)] = Field(description="percent of the score per started day")
    max_days: Annotated[int, Field(ge=0)] | None = Field(default=None, description="later than this scores 0")


class Assignment(_Strict):
    id: str
    folder: str
    module: str
    title: str
    deadline: datetime | None = None
    late_policy: LatePolicy | None = None
    functions: dict[str, FunctionSpec]

    @field_validator("module")
    @classmethod
    def _identifier(cls, value: str) -> str:
        if not value.isidentifier():
            raise ValueError(f"имя модуля «{value}» не является идентификатором Python")
        return value

    @model_validator(mode="after")
    def _points_sum(self) -> "Assignment":
        total = sum(spec.points for spec in self.functions.values())
        if abs(total - POINTS_PER_ASSIGNMENT) > 1e-9:
            raise ValueError(f"сумма баллов функций задания {self.id} равна {total:g}, а должна быть {POINTS_PER_ASSIGNMENT}")
        return self

    @property
    def topic(self) -> str:
        """'02_activations' -> 'activations': the quiz topic of this assignment."""
        return self.id.split("_", 1)[1] if "_" in self.id else self.id


class Extension(_Strict):
    """More time for one student: `days` after the deadline, or a new deadline `until`."""

    student: str = Field(description="id in the gradebook (e-mail, ID number, folder name) or the full name")
    assignment: str | None = Field(default=None, description="id, number or module; omitted — every assignment")
    days: Annotated[float, Field(gt=0)] | None = None
    until: datetime | None = None

    @model_validator(mode="after")
    def _one_of(self) -> "Extension":
        if (self.days is None) == (self.until is None):
            raise ValueError(f"продление для «{self.student}»: укажите ровно одно из days или until")
        return self


class Mark(_Strict):
    min: Annotated[float, Field(ge=0, le=100)] = Field(description="lowest percent of the maximum for this mark")
    mark: str


class GradeScale(_Strict):
    """A course-level scale, e.g. the Russian 5-point one: percent of the maximum -> a word."""

    name: str
    marks: list[Mark]

    @model_validator(mode="after")
    def _covers_zero(self) -> "GradeScale":
        if not self.marks:
            raise ValueError(f"в шкале «{self.name}» нет ни одной оценки")
        if min(m.min for m in self.marks) > 0:
            raise ValueError(f"шкала «{self.name}»: нужна оценка с min: 0 — иначе низким баллам нечего поставить")
        return self

    def mark_for(self, percent: float) -> str:
        for entry in sorted(self.marks, key=lambda m: -m.min):
            if percent >= entry.min - 1e-9:
                return entry.mark
        return sorted(self.marks, key=lambda m: m.min)[0].mark


class Limits(_Strict):
    call_timeout_s: Annotated[float, Field(gt=0)] = 10.0
    submission_budget_s: Annotated[float, Field(gt=0)] = 120.0
    memory_mb: Annotated[int, Field(ge=64)] = 1024


class Quiz(_Strict):
    id: str
    title: str
    topics: list[str]
    questions: Annotated[int, Field(gt=0)]
    difficulty: dict[int, Annotated[float, Field(ge=0)]] = Field(default_factory=lambda: {1: 0.4, 2: 0.4, 3: 0.2})
    shuffle: bool = True


class Course(_Strict):
    title: str
    language: str = "ru"
    secret_env: str = "NNGRADER_SECRET"
    assignments: list[Assignment]
    quiz_topics: list[str] = Field(default_factory=list)
    quizzes: list[Quiz] = Field(default_factory=list)
    limits: Limits = Field(default_factory=Limits)
    timezone: str = Field(default="Europe/Moscow", description="IANA zone of deadlines without an offset and of "
                                                                  "every time shown")
    extensions: list[Extension] = Field(default_factory=list)
    grade_scale: GradeScale | None = None
    roster: str | None = Field(default=None, description="CSV of the course's students (ФИО, e-mail, ID number), "
                                                          "relative to the course directory")

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"часовой пояс «{value}» неизвестен; пример: Europe/Moscow") from None
        return value

    @model_validator(mode="after")
    def _localize_deadlines(self) -> "Course":
        """A deadline written without an offset is the course's local time (Moscow for a Russian course)."""
        zone = ZoneInfo(self.timezone)
        for i, a in enumerate(self.assignments):
            if a.deadline is not None and a.deadline.tzinfo is None:
                self.assignments[i] = a.model_copy(update={"deadline": a.deadline.replace(tzinfo=zone)})
        for i, e in enumerate(self.extensions):
            if e.until is not None and e.until.tzinfo is None:
                self.extensions[i] = e.model_copy(update={"until": e.until.replace(tzinfo=zone)})
        return self

    @model_validator(mode="after")
    def _extensions_known(self) -> "Course":
        for e in self.extensions:
            if e.assignment is not None and self._find(e.assignment) is None:
                raise ValueError(f"продление для «{e.student}» ссылается на неизвестное задание {e.assignment}")
        return self

    @property
    def tz(self) -> tzinfo:
        return ZoneInfo(self.timezone)

    def local_time(self, moment: datetime) -> datetime:
        """`moment` in the course time zone (a naive moment is taken as UTC, as stored)."""
        return (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)).astimezone(self.tz)

    def format_time(self, moment: datetime | None) -> str:
        """How every time is shown to a person: '20.11.2026 15:34 (Europe/Moscow)'; '—' when unknown."""
        if moment is None:
            return "—"
        return self.local_time(moment).strftime("%d.%m.%Y %H:%M") + f" ({self.timezone})"

    def deadline_for(self, assignment: Assignment, student_id: str = "", student_name: str = "") -> datetime | None:
        """The deadline of `assignment` for one student, extensions included (the latest one wins)."""
        if assignment.deadline is None:
            return None
        best = assignment.deadline
        who = {student_id.casefold(), " ".join(student_name.split()).casefold()} - {""}
        for e in self.extensions:
            if " ".join(e.student.split()).casefold() not in who:
                continue
            if e.assignment is not None and self._find(e.assignment) is not assignment:
                continue
            moment = e.until if e.until is not None else assignment.deadline + timedelta(days=e.days or 0)
            best = max(best, moment)
        return best

    def grade_mark(self, score: float, max_score: float = POINTS_PER_ASSIGNMENT) -> str | None:
        """The word of the course grade scale for `score` out of `max_score` (None without a scale)."""
        if self.grade_scale is None or max_score <= 0:
            return None
        return self.grade_scale.mark_for(100.0 * score / max_score)

    @model_validator(mode="after")
    def _unique_and_known(self) -> "Course":
        ids = [a.id for a in self.assignments]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"задания повторяются: {', '.join(duplicates)}")
        for quiz in self.quizzes:
            unknown = [t for t in quiz.topics if t not in self.quiz_topics]
            if unknown:
                raise ValueError(f"тест {quiz.id} ссылается на неизвестные темы: {', '.join(unknown)}")
        return self

    def _find(self, key: str) -> Assignment | None:
        for a in self.assignments:
            if key in (a.id, a.module, a.topic) or (key.isdigit() and a.id.split("_", 1)[0].lstrip("0") == key.lstrip("0")):
                return a
        return None

    def assignment(self, key: str) -> Assignment:
        """Find an assignment by id ('02_activations'), number ('02', '2') or module ('activations')."""
        found = self._find(key)
        if found is not None:
            return found
        known = ", ".join(a.id for a in self.assignments)
        raise CourseError(f"Задание «{key}» не найдено в course.yaml. Есть: {known}")


class LoadedCourse:
    """A validated course together with the directory it lives in."""

    def __init__(self, root: Path, course: Course):
        self.root = root
        self.course = course

    def folder(self, assignment: Assignment) -> Path:
        return self.root / assignment.folder

    def solution_path(self, assignment: Assignment) -> Path:
        return self.root / "solutions" / f"{assignment.module}.py"

    def starter_path(self, assignment: Assignment) -> Path:
        return self.folder(assignment) / f"{assignment.module}.py"

    def public_tests(self, assignment: Assignment) -> Path:
        return self.folder(assignment) / f"test_{assignment.module}.py"

    def hidden_tests(self, assignment: Assignment) -> Path:
        return self.folder(assignment) / "hidden" / f"test_{assignment.module}_hidden.py"

    def mutants_path(self, assignment: Assignment) -> Path:
        return self.folder(assignment) / "hidden" / "mutants.py"

    def roster_path(self) -> Path | None:
        return self.root / self.course.roster if self.course.roster else None


def grade_mark(course: "Course | LoadedCourse", score: float, max_score: float = POINTS_PER_ASSIGNMENT) -> str | None:
    """Exports call this: the course grade-scale word ('отлично', …) for a score, or None without a scale."""
    plain = course.course if isinstance(course, LoadedCourse) else course
    return plain.grade_mark(score, max_score)


def parse_signature(params: str) -> ast.arguments:
    """Parse 'x, alpha=0.01' into an ast.arguments node."""
    tree = ast.parse(f"def _f({params}):\n    pass\n")
    return tree.body[0].args  # type: ignore[attr-defined]


_MESSAGES = {
    "missing": "обязательный ключ отсутствует",
    "extra_forbidden": "неизвестный ключ (опечатка?)",
    "string_type": "ожидалась строка",
    "int_parsing": "ожидалось целое число",
    "int_type": "ожидалось целое число",
    "float_parsing": "ожидалось число",
    "float_type": "ожидалось число",
    "bool_parsing": "ожидалось true или false",
    "bool_type": "ожидалось true или false",
    "list_type": "ожидался список",
    "dict_type": "ожидался словарь (ключ: значение)",
    "model_type": "ожидался словарь (ключ: значение)",
    "datetime_parsing": "ожидалась дата и время ISO 8601, например 2026-12-01T23:59:00+03:00",
    "datetime_from_date_parsing": "ожидалась дата и время ISO 8601, например 2026-12-01T23:59:00+03:00",
    "datetime_type": "ожидалась дата и время ISO 8601, например 2026-12-01T23:59:00+03:00",
    "greater_than": "значение должно быть больше {gt}",
    "greater_than_equal": "значение должно быть не меньше {ge}",
    "less_than_equal": "значение должно быть не больше {le}",
}


def _russian(error: dict) -> str:
    template = _MESSAGES.get(error["type"])
    if template is not None:
        return template.format(**(error.get("ctx") or {}))
    if error["type"] == "value_error":
        return str(error["ctx"]["error"]) if error.get("ctx") else error["msg"]
    return error["msg"]


def _dotted(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(корень)"


def find_course_dir(start: Path | None = None) -> Path:
    """The course directory: $NNGRADER_COURSE, else the nearest parent of `start` with course.yaml."""
    env = os.environ.get("NNGRADER_COURSE")
    if env:
        return Path(env).resolve()
    here = (start or Path.cwd()).resolve()
    for candidate in (here, *here.parents):
        if (candidate / COURSE_FILE).is_file():
            return candidate
    raise CourseError(
        f"course.yaml не найден ни в {here}, ни выше. Запустите команду из каталога курса "
        "или укажите его: --course КАТАЛОГ (или переменная NNGRADER_COURSE)"
    )


def load_course(course_dir: Path | None = None) -> LoadedCourse:
    """Load and validate course.yaml; every problem is one Russian CourseError line."""
    root = find_course_dir() if course_dir is None else Path(course_dir).resolve()
    path = root / COURSE_FILE
    try:
        doc = load_yaml(path)
    except YamlSourceError as exc:
        raise CourseError(str(exc)) from None
    if not isinstance(doc.data, dict):
        raise CourseError(f"{path}:1: ожидался словарь с ключами title, assignments, …")
    try:
        course = Course.model_validate(doc.data)
    except ValidationError as exc:
        # A typo shows up twice (unknown key + missing key): the unknown one explains both.
        error = sorted(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")[0]
        loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        line = doc.line_of(loc)
        where = f"{path}:{line}" if line else str(path)
        more = f" (и ещё ошибок: {exc.error_count() - 1})" if exc.error_count() > 1 else ""
        raise CourseError(f"{where}: {_dotted(loc)}: {_russian(error)}{more}") from None
    return LoadedCourse(root, course)
