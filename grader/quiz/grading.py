"""Graded mode: read filled answers templates and score them against recomputed variants.

A malformed file yields an error result naming the file and the problem; the
caller goes on with the next file. The key is never stored: it is recomputed
from (secret, student, quiz), and the template's variant fingerprint proves the
bank and secret are the same as when the papers were printed.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from . import responses, scoring
from .variants import Variant
from ..yamlsource import YamlSourceError, parse_yaml


@dataclass
class QuestionResult:
    number: int
    question_id: str
    given: str | None  # the raw answer as text, None when blank
    points: float
    max_points: float
    note: str = ""  # why the answer could not be read, if so


@dataclass
class FileResult:
    path: Path
    student_id: str | None = None
    quiz_id: str | None = None
    seed: str | None = None
    questions: list[QuestionResult] = field(default_factory=list)
    error: str | None = None  # the file is malformed: nothing was graded
    warnings: list[str] = field(default_factory=list)

    @property
    def score(self) -> float:
        return sum(r.points for r in self.questions)

    @property
    def max_score(self) -> float:
        return sum(r.max_points for r in self.questions)


def _raw_text(raw: Any) -> str | None:
    if responses.is_blank(raw):
        return None
    if isinstance(raw, bool):
        return "да" if raw else "нет"
    if isinstance(raw, (list, tuple)):
        return ",".join(str(x) for x in raw)
    if isinstance(raw, dict):
        return " ".join(f"{k}-{v}" for k, v in raw.items())
    return str(raw)


def grade_file(path: Path, quiz_id: str, make_variant: Callable[[str], Variant]) -> FileResult:
    """Score one answers file; `make_variant(student_id)` recomputes that student's variant."""
    result = FileResult(path=Path(path))

    def bad(message: str) -> FileResult:
        result.error = message
        return result

    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except OSError as exc:
        return bad(f"не удалось прочитать файл: {exc.strerror or exc}")
    except UnicodeDecodeError:
        return bad("файл не в кодировке UTF-8")
    if not text.strip():
        return bad("файл пуст")
    try:
        marked = parse_yaml(text)
    except YamlSourceError as exc:
        return bad(str(exc))  # "строка N: …" (no path: the caller names the file)
    data = marked.data
    if not isinstance(data, dict):
        return bad("ожидается YAML-словарь с полями student, quiz, variant, answers (см. шаблон)")
    for line, key in marked.duplicates:
        result.warnings.append(f"строка {line}: ключ «{key}» повторяется, учтено последнее значение")
    student = data.get("student")
    if student is None or (isinstance(student, str) and not student.strip()):
        return bad("нет поля student (идентификатор студента)")
    result.student_id = str(student).strip()
    result.quiz_id = str(data.get("quiz", "")).strip()
    if not result.quiz_id:
        return bad("нет поля quiz (идентификатор контрольной)")
    if result.quiz_id != quiz_id:
        return bad(f"файл относится к контрольной «{result.quiz_id}», а проверяется «{quiz_id}»")
    answers = data.get("answers")
    if answers is None:
        answers = {}
    if not isinstance(answers, dict):
        return bad(f"строка {marked.line(('answers',))}: answers должен быть словарём «id вопроса: ответ»")
    variant = make_variant(result.student_id)
    result.seed = variant.seed
    fingerprint = str(data.get("variant", "")).strip()
    if fingerprint != variant.fingerprint:
        return bad(f"вариант в файле ({fingerprint or 'не указан'}) не совпадает с вариантом студента "
                   f"({variant.fingerprint}): изменился банк вопросов или секрет курса после выдачи "
                   "листов, либо в файле исправлено поле student/variant")
    # Keys are question numbers (template format 2) or, in older templates, question ids.
    by_key = {str(k).strip(): v for k, v in answers.items()}
    known = {str(vq.number) for vq in variant.questions} | {vq.id for vq in variant.questions}
    unknown = [k for k in by_key if k not in known]
    if unknown:
        result.warnings.append("ответы на вопросы не из варианта не учтены: " + ", ".join(unknown))
    for vq in variant.questions:
        raw = by_key.get(str(vq.number), by_key.get(vq.id))
        qr = QuestionResult(vq.number, vq.id, _raw_text(raw), 0.0, scoring.MAX_POINTS)
        if vq.unavailable:
            qr.note = f"ключ не вычислен: {vq.unavailable}"
            qr.max_points = 0.0
        elif qr.given is not None:
            try:
                qr.points = scoring.score(vq, responses.parse(vq, raw))
            except responses.ResponseError as exc:
                qr.note = f"ответ не разобран: {exc}"
        result.questions.append(qr)
    return result
