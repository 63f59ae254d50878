"""Printable quiz papers: an HTML sheet per student and one answer key for the instructor.

Formulas are rendered on our side as MathML (latex2mathml), which browsers
display and print without any script or CDN, so a sheet opened offline in an
exam room looks the same as on the author's machine. A formula the converter
does not understand is shown as its TeX source in monospace rather than lost.
The student's sheet carries no question ids (they would let students look the
question up in the self-check bank); the answer key carries them.
"""
from __future__ import annotations

import html
import re

from .model import TYPE_NAMES
from .render import describe_key
from .responses import INSTRUCTIONS, LETTERS
from .variants import Variant

_MATH = re.compile(r"(?<!\\)\$\$(.+?)(?<!\\)\$\$|(?<!\\)\$(.+?)(?<!\\)\$", re.S)

STYLE = """
body { font-family: "PT Serif", "Times New Roman", serif; max-width: 48em; margin: 1.5em auto; line-height: 1.4; }
h1 { font-size: 1.4em; margin-bottom: 0.2em; } .meta { color: #333; margin-bottom: 1em; }
.q { page-break-inside: avoid; break-inside: avoid; border-top: 1px solid #999; padding: 0.5em 0; }
.q h2 { font-size: 1.05em; margin: 0.2em 0; } .hint { font-style: italic; color: #444; font-size: 0.9em; }
ol.opts { list-style: none; padding-left: 1em; } .box { border: 1px solid #000; min-height: 1.6em; width: 14em; margin-top: 0.4em; }
table { border-collapse: collapse; margin: 0.4em 0; } td, th { border: 1px solid #888; padding: 0.2em 0.5em; vertical-align: top; }
.page { page-break-after: always; break-after: page; } code { font-size: 0.95em; }
"""


def math_html(tex: str, display: bool = False) -> str:
    from latex2mathml.converter import convert

    try:
        return convert(tex.strip(), display="block" if display else "inline")
    except Exception:  # the converter's own exceptions: show the source, never drop it
        return f"<code>{html.escape(tex)}</code>"


def text_html(text: str) -> str:
    """Prose escaped, $…$ and $$…$$ rendered as MathML, line breaks kept, \\$ a dollar."""
    out, last = [], 0
    for m in _MATH.finditer(text):
        out.append(_prose(text[last:m.start()]))
        out.append(math_html(m.group(1), display=True) if m.group(1) is not None else math_html(m.group(2)))
        last = m.end()
    out.append(_prose(text[last:]))
    return "".join(out)


def _prose(text: str) -> str:
    return html.escape(text.replace("\\$", "$"), quote=False).replace("\n", "<br>")


def _page(title: str, body: list[str]) -> str:
    return ("<!DOCTYPE html>\n<html lang=\"ru\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(title)}</title><style>{STYLE}</style></head><body>\n"
            + "\n".join(body) + "\n</body></html>\n")


def _question(vq) -> list[str]:
    parts = [f'<div class="q"><h2>Вопрос {vq.number} · {TYPE_NAMES[vq.type]}</h2>', f"<p>{text_html(vq.stem)}</p>"]
    if vq.type in ("single", "multiple"):
        parts.append('<ol class="opts">' + "".join(
            f"<li>{i}) {text_html(t)}</li>" for i, t in enumerate(vq.shown_options(), start=1)) + "</ol>")
    elif vq.type == "ordering":
        parts.append('<ol class="opts">' + "".join(
            f"<li>{i}) {text_html(t)}</li>" for i, t in enumerate(vq.shown_items(), start=1)) + "</ol>")
    elif vq.type == "matching":
        lefts, rights = vq.shown_lefts(), vq.shown_rights()
        rows = []
        for i in range(max(len(lefts), len(rights))):
            left = f"<td>{i + 1}</td><td>{text_html(lefts[i])}</td>" if i < len(lefts) else "<td></td><td></td>"
            right = f"<td>{LETTERS[i]}</td><td>{text_html(rights[i])}</td>" if i < len(rights) else "<td></td><td></td>"
            rows.append(f"<tr>{left}{right}</tr>")
        parts.append("<table><tr><th>№</th><th>Слева</th><th>Буква</th><th>Справа</th></tr>"
                     + "".join(rows) + "</table>")
    parts.append(f'<p class="hint">{html.escape(INSTRUCTIONS[vq.type])}.</p><div class="box"></div></div>')
    return parts


def sheet_html(variant: Variant, student) -> str:
    quiz = variant.quiz
    who = f"{student.name} ({student.id})" if student.name else student.id
    body = [f"<h1>{html.escape(quiz.title or quiz.id)}</h1>",
            f'<div class="meta">Студент: <b>{html.escape(who)}</b> · вариант <code>{variant.fingerprint}</code> · '
            f"вопросов: {len(variant.questions)}<br>Ответ впишите в рамку под вопросом. Каждый вопрос — 1 балл; "
            "за вопросы с несколькими ответами, сопоставление и порядок ставятся частичные баллы.</div>"]
    for vq in variant.questions:
        body += _question(vq)
    return _page(f"{quiz.title or quiz.id} — {who}", body)


def answer_key_html(variants: list) -> str:
    """One page per student: number, question id, correct answer (for the instructor only)."""
    if not variants:
        return _page("Ключ", ["<p>Нет студентов.</p>"])
    quiz = variants[0][1].quiz
    body = [f"<h1>Ключ ответов: {html.escape(quiz.title or quiz.id)}</h1>",
            '<p class="meta"><b>Только для преподавателя.</b> Не выкладывайте этот файл студентам.</p>']
    for student, variant in variants:
        who = f"{student.name} ({student.id})" if student.name else student.id
        rows = "".join(f"<tr><td>{vq.number}</td><td><code>{html.escape(vq.id)}</code></td>"
                       f"<td>{text_html(describe_key(vq))}</td></tr>" for vq in variant.questions)
        body.append(f'<div class="page"><h2>{html.escape(who)} · вариант <code>{variant.fingerprint}</code></h2>'
                    f"<table><tr><th>№</th><th>id вопроса</th><th>Верный ответ</th></tr>{rows}</table></div>")
    return _page(f"Ключ: {quiz.title or quiz.id}", body)
