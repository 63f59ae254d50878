"""Markdown with $…$ and $$…$$ formulas to HTML, the formulas as MathML (rendered by the browser, no CDN).

Formulas are cut out before Markdown sees them (so `_` and `*` inside stay TeX),
converted with latex2mathml, and put back; a formula that does not convert is
shown as its TeX source in <code>, never dropped.
"""
from __future__ import annotations

import html
import re

from latex2mathml.converter import convert
from markdown_it import MarkdownIt

_DISPLAY = re.compile(r"\$\$(.+?)\$\$", re.S)
_INLINE = re.compile(r"(?<![\\$])\$(?!\s)([^$\n]+?)(?<!\s)\$(?!\d)")
_markdown = MarkdownIt("commonmark", {"html": False}).enable("table")


def _math(tex: str, display: bool) -> str:
    try:
        return convert(tex.strip(), display="block" if display else "inline")
    except Exception:  # noqa: BLE001 - an unknown macro must not break the page
        return f"<code>{html.escape(tex)}</code>"


def render(text: str) -> str:
    """Markdown (CommonMark + tables, raw HTML escaped) with formulas → HTML."""
    formulas: list[str] = []

    def keep(match: re.Match, display: bool) -> str:
        formulas.append(_math(match.group(1), display))
        return f"MATHSLOT{len(formulas) - 1}TOLSHTAM"  # letters only: Markdown leaves it alone

    text = _DISPLAY.sub(lambda m: keep(m, True), text)
    text = _INLINE.sub(lambda m: keep(m, False), text)
    rendered = _markdown.render(text)
    return re.sub(r"MATHSLOT(\d+)TOLSHTAM", lambda m: formulas[int(m.group(1))], rendered)


def render_inline(text: str) -> str:
    """One line (a quiz option, a stem) without the surrounding <p>."""
    out = render(text).strip()
    if out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
        out = out[3:-4]
    return out
