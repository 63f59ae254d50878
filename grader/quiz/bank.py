"""Load the question bank: every exercises/*/quiz.yaml of a course, or given files.

Each question is validated on its own, so one broken question is reported
(with file, line and id) and the rest of the bank still loads.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from pydantic import ValidationError

from .issues import Issue
from .model import QUESTION_ADAPTER, QUESTION_TYPES, QuizFileHeader
from ..yamlsource import YamlDocument, YamlSourceError, parse_yaml


@dataclass
class BankQuestion:
    q: Any  # one of the model.*Question classes
    topic: str
    file: str  # path as shown in messages (relative to the course when possible)
    marks: YamlDocument
    path: tuple  # ("questions", index) inside the file

    @property
    def id(self) -> str:
        return self.q.id

    @property
    def line(self) -> int | None:
        return self.marks.line(self.path)

    def line_of(self, *sub) -> int | None:
        return self.marks.line(self.path + tuple(sub))

    def issue(self, message: str, *sub) -> Issue:
        return Issue(self.file, self.line_of(*sub), self.id, message)


@dataclass
class BankFile:
    path: Path
    display: str
    folder_topic: str | None  # suffix of exercises/NN_<topic>, None for a loose file
    topic: str | None = None
    title: str | None = None
    questions: list[BankQuestion] = field(default_factory=list)
    marks: YamlDocument | None = None


@dataclass
class Bank:
    root: Path | None
    files: list[BankFile]
    issues: list[Issue]  # problems met while loading (syntax and schema)
    exercise_folders: list[str] = field(default_factory=list)  # names of exercises/NN_topic folders

    @property
    def questions(self) -> list[BankQuestion]:
        return [q for f in self.files for q in f.questions]

    def by_id(self) -> dict[str, BankQuestion]:
        return {q.id: q for q in self.questions}

    def topics(self) -> list[str]:
        return [f.topic for f in self.files if f.topic]

    def topic_title(self, topic: str) -> str:
        for f in self.files:
            if f.topic == topic and f.title:
                return f.title
        return topic

    def for_topics(self, topics: Iterable[str]) -> list[BankQuestion]:
        wanted = list(topics)
        return [q for t in wanted for q in self.questions if q.topic == t]


def folder_topic(folder_name: str) -> str:
    """`02_activations` -> `activations`."""
    head, sep, tail = folder_name.partition("_")
    return tail if sep and head.isdigit() else folder_name


def load_course_bank(course_dir: Path) -> Bank:
    course_dir = Path(course_dir)
    exercises = course_dir / "exercises"
    folders = sorted(p for p in exercises.iterdir() if p.is_dir()) if exercises.is_dir() else []
    paths = [p / "quiz.yaml" for p in folders if (p / "quiz.yaml").is_file()]
    bank = load_bank_files(paths, root=course_dir, in_course=True)
    bank.exercise_folders = [p.name for p in folders]
    return bank


def load_bank_files(paths: Iterable[Path], root: Path | None = None,
                    in_course: bool = False) -> Bank:
    files: list[BankFile] = []
    issues: list[Issue] = []
    for path in paths:
        path = Path(path)
        bank_file, file_issues = load_file(path, _display(path, root),
                                           folder_topic(path.parent.name) if in_course else None)
        files.append(bank_file)
        issues.extend(file_issues)
    return Bank(root=root, files=files, issues=issues)


def _display(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return path.resolve().relative_to(Path(root).resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def load_file(path: Path, display: str, folder_topic_: str | None) -> tuple[BankFile, list[Issue]]:
    bank_file = BankFile(path=path, display=display, folder_topic=folder_topic_)
    issues: list[Issue] = []

    def fail(line: int | None, message: str, qid: str | None = None) -> None:
        issues.append(Issue(display, line, qid, message))

    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        fail(None, f"не удалось прочитать файл: {exc.strerror or exc}")
        return bank_file, issues
    except UnicodeDecodeError:
        fail(None, "файл не в кодировке UTF-8: сохраните его в UTF-8")
        return bank_file, issues
    try:
        marks = parse_yaml(text)
    except YamlSourceError as exc:
        fail(exc.line, exc.message)
        return bank_file, issues
    bank_file.marks = marks
    for line, key in marks.duplicates:
        fail(line, f"ключ «{key}» повторяется: YAML молча оставит только последнее значение")
    data = marks.data
    if not isinstance(data, dict):
        fail(1, "ожидается словарь с полями topic, title, questions")
        return bank_file, issues
    try:
        QuizFileHeader.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            loc = tuple(err["loc"])
            fail(marks.line(loc), _field_message(loc, err))
    bank_file.topic = data.get("topic") if isinstance(data.get("topic"), str) else folder_topic_
    bank_file.title = data.get("title") if isinstance(data.get("title"), str) else None
    items = data.get("questions")
    if not isinstance(items, list):
        return bank_file, issues
    for index, item in enumerate(items):
        path_ = ("questions", index)
        qid = item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else None
        if not isinstance(item, dict):
            fail(marks.line(path_), f"вопрос №{index + 1}: ожидается словарь полей вопроса", qid)
            continue
        try:
            model = QUESTION_ADAPTER.validate_python(item)
        except ValidationError as exc:
            for err in exc.errors():
                loc = tuple(err["loc"])
                if loc and loc[0] == item.get("type"):  # the discriminated union's tag
                    loc = loc[1:]
                if err["type"] == "union_tag_invalid":
                    loc = ("type",)
                fail(marks.line(path_ + loc), _field_message(loc, err), qid)
            continue
        bank_file.questions.append(
            BankQuestion(q=model, topic=bank_file.topic or "", file=display, marks=marks, path=path_))
    return bank_file, issues


def _field_message(loc: tuple, err: dict) -> str:
    """A Russian message for a pydantic error at `loc`."""
    where = ".".join(str(p) for p in loc) or "файл"
    kind = err["type"]
    ctx = err.get("ctx") or {}
    field_name = str(loc[-1]) if loc else ""
    if kind == "missing":
        return f"нет обязательного поля «{field_name}»"
    if kind == "extra_forbidden":
        return f"неизвестное поле «{field_name}» (опечатка?)"
    if kind == "union_tag_invalid":
        return (f"неизвестный тип вопроса «{ctx.get('tag')}»; допустимы: "
                + ", ".join(QUESTION_TYPES))
    if kind == "union_tag_not_found":
        return "нет поля «type» (тип вопроса: " + ", ".join(QUESTION_TYPES) + ")"
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace(" or ", " или ")
        return f"поле «{where}»: недопустимое значение {err.get('input')!r}, ожидается {expected}"
    if kind in ("bool_type", "bool_parsing"):
        return f"поле «{where}»: ожидается true или false, а не {err.get('input')!r}"
    if kind in ("float_type", "float_parsing", "int_type", "int_parsing", "finite_number"):
        return f"поле «{where}»: ожидается число, а не {err.get('input')!r}"
    if kind in ("string_type",):
        return f"поле «{where}»: ожидается строка, а не {err.get('input')!r}"
    if kind in ("list_type",):
        return f"поле «{where}»: ожидается список"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"поле «{where}»: ожидается словарь"
    if kind == "too_short":
        if ctx.get("min_length") == 1 and isinstance(err.get("input"), str):
            return f"поле «{where}» пустое"
        return f"поле «{where}»: нужно не меньше {ctx.get('min_length')} элементов"
    if kind == "too_long":
        return f"поле «{where}»: допускается не больше {ctx.get('max_length')} элементов"
    if kind == "string_too_short":
        return f"поле «{where}» пустое"
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        sign = {"greater_than_equal": "≥", "greater_than": ">", "less_than_equal": "≤",
                "less_than": "<"}[kind]
        bound = next(iter(ctx.values()), "")
        return f"поле «{where}»: значение должно быть {sign} {bound}"
    if kind == "value_error":
        msg = str(ctx.get("error") or err.get("msg"))
        return f"поле «{where}»: {msg}" if loc else msg
    return f"поле «{where}»: {err.get('msg')}"
