"""Jinja2 rendering of feedback pages: Markdown and self-contained HTML (no external assets)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from .view import FeedbackView, fmt_number

TEMPLATES = Path(__file__).with_name("templates")
FORMATS = ("md", "html")

# Characters that would change Markdown structure inside running text. `_` is left
# alone: intraword underscores (relu_grad) are literal in CommonMark.
_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*[]<>|"})


def md_text(value: Any) -> str:
    """Plain text safe inside a Markdown paragraph, list item or table cell (one line)."""
    return " ".join(str(value).split("\n")).translate(_MD_SPECIAL)


def md_lines(value: Any, indent: str) -> str:
    """Multi-line text kept as hard line breaks, continuation lines indented for the enclosing block."""
    lines = [line.translate(_MD_SPECIAL) for line in str(value).splitlines()] or [""]
    return ("  \n" + indent).join(lines)


def code_text(value: Any) -> str:
    """Text inside a `code span` (a backtick would end it)."""
    return str(value).replace("`", "'")


@lru_cache(maxsize=None)
def environment(fmt: str) -> jinja2.Environment:
    if fmt not in FORMATS:
        raise ValueError(f"неизвестный формат отзыва «{fmt}»: ожидался md или html")
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=(fmt == "html"),  # student text (messages, names) must never become markup
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(md=md_text, md_lines=md_lines, code=code_text, num=fmt_number)
    return env


def render_student(view: FeedbackView, fmt: str) -> str:
    return environment(fmt).get_template(f"student.{fmt}.j2").render(v=view)


def render_index(title: str, rows: list[dict[str, Any]], summary: Any, fmt: str) -> str:
    return environment(fmt).get_template(f"index.{fmt}.j2").render(title=title, rows=rows, summary=summary)
