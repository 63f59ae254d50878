"""Graded mode on paper: per student a question sheet (Markdown and printable HTML) and a
YAML answers template; one answer key for the instructor.

Question ids never appear on what students get: answers are keyed by the question's
number in the variant (the fingerprint ties numbers to questions), and the ids —
which would let a student find the question in a bank — are only in the key.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from .model import TYPE_NAMES
from .render import choices_lines
from .responses import EXAMPLES, INSTRUCTIONS
from .roster import Student
from .variants import Variant

TEMPLATE_VERSION = 2  # 2: answers keyed by question number (1: by question id)
KEY_DIR = "key"  # OUT/key/: the answer key, kept apart from the students' files


def safe_name(student_id: str) -> str:
    """A file-name-safe form of a student id (letters of any script, digits, . _ -)."""
    name = re.sub(r"[^\w.-]+", "_", student_id, flags=re.UNICODE).strip("._")
    return name or "student"


def _cell(text: str) -> str:
    """Text inside a Markdown table cell: a bare | would start a new column."""
    return " ".join(text.split()).replace("|", "\\|")


def sheet_markdown(variant: Variant, student: Student, answers_file: str) -> str:
    quiz = variant.quiz
    who = f"{student.name} ({student.id})" if student.name else student.id
    lines = [
        f"# {quiz.title or quiz.id}",
        "",
        f"**Студент:** {who}  ",
        f"**Контрольная:** `{quiz.id}` · вариант `{variant.fingerprint}` · вопросов: {len(variant.questions)}",
        "",
        f"Ответы впишите в файл `{answers_file}`: после двоеточия у номера каждого вопроса. "
        "Формат ответа указан под каждым вопросом. Каждый вопрос стоит 1 балл; "
        "за вопросы с несколькими ответами, сопоставление и порядок ставятся частичные баллы.",
        "",
    ]
    for vq in variant.questions:
        lines += [f"## Вопрос {vq.number} · {TYPE_NAMES[vq.type]}", "", vq.stem, ""]
        if vq.type in ("single", "multiple", "ordering"):
            lines += [f"{line}  " for line in choices_lines(vq)] + [""]
        elif vq.type == "matching":
            lines += ["| № | Слева | Буква | Справа |", "|---|---|---|---|"]
            lefts, rights = vq.shown_lefts(), vq.shown_rights()
            for i in range(max(len(lefts), len(rights))):
                left = f"{i + 1} | {_cell(lefts[i])}" if i < len(lefts) else " | "
                right = f"{chr(97 + i)} | {_cell(rights[i])}" if i < len(rights) else " | "
                lines.append(f"| {left} | {right} |")
            lines.append("")
        lines += [f"*{INSTRUCTIONS[vq.type]}.*", ""]
    return "\n".join(lines)


def answers_template(variant: Variant, student: Student) -> str:
    """YAML with empty answers; comments carry the answer format of each question."""
    q = json.dumps  # a JSON string is a valid YAML scalar and keeps any id intact
    lines = [
        f"# Ответы: {variant.quiz.title or variant.quiz.id}",
        f"# Студент: {student.name or student.id}",
        "# Впишите ответ после двоеточия у каждого вопроса. Пустой ответ = 0 баллов.",
        "# Не меняйте поля student, quiz, variant и номера вопросов.",
        f"format: {TEMPLATE_VERSION}",
        f"student: {q(student.id, ensure_ascii=False)}",
        f"quiz: {q(variant.quiz.id, ensure_ascii=False)}",
        f"variant: {q(variant.fingerprint)}",
        "answers:",
    ]
    for vq in variant.questions:
        lines.append(f"  # Вопрос {vq.number} — {EXAMPLES[vq.type]}")
        lines.append(f"  {vq.number}:")
    return "\n".join(lines) + "\n"


def write_papers(variants: list[tuple[Student, Variant]], out_dir: Path) -> list[Path]:
    """Per student: QUIZ_<id>.md, QUIZ_<id>.html (printable), QUIZ_<id>_answers.yaml;
    once: key/QUIZ_key.html (the answer key, instructor only)."""
    from .paper_html import answer_key_html, sheet_html

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for student, variant in variants:
        base = f"{variant.quiz.id}_{safe_name(student.id)}"
        answers = out_dir / f"{base}_answers.yaml"
        sheet = out_dir / f"{base}.md"
        printable = out_dir / f"{base}.html"
        sheet.write_text(sheet_markdown(variant, student, answers.name), encoding="utf-8")
        printable.write_text(sheet_html(variant, student), encoding="utf-8")
        answers.write_text(answers_template(variant, student), encoding="utf-8")
        written += [sheet, printable, answers]
    if variants:
        key = out_dir / KEY_DIR / f"{variants[0][1].quiz.id}_key.html"
        key.parent.mkdir(exist_ok=True)
        key.write_text(answer_key_html(variants), encoding="utf-8")
        written.append(key)
    return written
