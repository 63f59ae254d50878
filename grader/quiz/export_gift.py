"""Export to Moodle GIFT (UTF-8).

Every text is HTML (`[html]`), and `\\ ~ = # { } :` are escaped with a
backslash as GIFT requires — LaTeX braces included: \\frac{1}{m} becomes
\\\\frac\\{1\\}\\{m\\}. In the general feedback, `= ~ { }` are written as HTML
character references instead (&#61; …, with the # escaped): Moodle reads both
the same, and some GIFT readers (pygiftparserrgmf) end feedback at the first
= ~ } even when escaped. Right-hand sides of matching are plain text (Moodle
shows them in a drop-down).
"""
from __future__ import annotations

from .export_common import ExportItem, fraction, number, to_html

_SPECIAL = "~=#{}:"
_FEEDBACK_REFS = {"=": "&#61;", "~": "&#126;", "{": "&#123;", "}": "&#125;"}


def escape(text: str) -> str:
    """Backslash-escape GIFT's control characters (the backslash itself first)."""
    text = text.replace("\\", "\\\\")
    for ch in _SPECIAL:
        text = text.replace(ch, "\\" + ch)
    return text


def _feedback(text: str) -> str:
    html_text = to_html(text)
    for ch, ref in _FEEDBACK_REFS.items():
        html_text = html_text.replace(ch, ref)
    return escape(html_text)


def _plain(text: str) -> str:
    return escape(" ".join(text.split()))


def _category_path(course: str, title: str) -> str:
    # In Moodle category paths "/" separates levels; a literal slash is written "//".
    return "/".join(part.replace("/", "//") for part in ("$course$", "top", course, title))


def question(item: ExportItem) -> str:
    head = f"::{escape(item.name)}::[html]{escape(to_html(item.stem))}"
    body: list[str] = []
    if item.kind == "single":
        body = [f"{'=' if ok else '~'}{escape(to_html(text))}" for text, ok in item.options]
    elif item.kind == "multiple":
        k = sum(ok for _, ok in item.options)
        body = [f"~%{fraction(100 / k if ok else -100 / k)}%{escape(to_html(text))}"
                for text, ok in item.options]
    elif item.kind == "truefalse":
        body = ["TRUE" if item.answer else "FALSE"]
    elif item.kind == "numeric":
        body = [f"#{number(item.answer)}:{number(item.tolerance)}"]
    elif item.kind == "matching":
        body = [f"={escape(to_html(left))} -> {_plain(right)}" for left, right in item.pairs]
    body.append(f"####{_feedback(item.explanation)}")
    return head + "{\n" + "\n".join("\t" + line for line in body) + "\n}"


def export_gift(items: list[ExportItem], course_title: str, topic_titles: dict[str, str]) -> str:
    blocks = [f"// nngrader: банк вопросов курса «{course_title}» (UTF-8, GIFT)"]
    topic = None
    for item in items:
        if item.topic != topic:
            topic = item.topic
            blocks.append(f"$CATEGORY: {_category_path(course_title, topic_titles.get(topic, topic))}")
        blocks.append(f"// {item.idnumber}\n{question(item)}")
    return "\n\n".join(blocks) + "\n"
