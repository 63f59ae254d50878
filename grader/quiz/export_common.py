"""What both LMS exporters share: concrete questions and text conversion.

LMS formats cannot run the reference library, so each `param_numeric` question
becomes N concrete numerical questions (parameters drawn per variant, answer
computed here). Ordering has no core Moodle type (qtype_ordering is a plugin),
so it is exported as matching: each item is matched to its position 1..n —
importable everywhere, graded per correctly placed item.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

import numpy as np

from .bank import Bank, BankQuestion
from .params import draw_params, render_stem
from .reference import AnswerError, Reference, ReferenceUnavailable
from .rng import HashRng, derive_seed

ORDERING_HINT = "Сопоставьте каждому пункту его место в правильном порядке (1 — первый)."


@dataclass
class ExportItem:
    name: str
    idnumber: str
    topic: str
    kind: str  # single | multiple | truefalse | numeric | matching
    stem: str  # source text with $…$ LaTeX
    explanation: str
    options: list[tuple[str, bool]] = field(default_factory=list)  # single, multiple
    answer: float | bool | None = None  # numeric, truefalse
    tolerance: float = 0.0
    pairs: list[tuple[str, str]] = field(default_factory=list)  # matching


def concrete_items(bank: Bank, topics: list[str], reference: Reference,
                   n_variants: int) -> tuple[list[ExportItem], list[str]]:
    """Items in bank order, and the problems (questions that could not be exported)."""
    items: list[ExportItem] = []
    problems: list[str] = []
    for bq in bank.for_topics(topics):
        try:
            items.extend(_items_of(bq, reference, n_variants))
        except (ReferenceUnavailable, AnswerError) as exc:
            problems.append(f"{bq.file}:{bq.line}: вопрос {bq.id}: не экспортирован: {exc}")
    return items, problems


def _items_of(bq: BankQuestion, reference: Reference, n_variants: int) -> list[ExportItem]:
    q = bq.q
    base = dict(name=q.id, idnumber=q.id, topic=bq.topic, stem=q.stem, explanation=q.explanation)
    if q.type in ("single", "multiple"):
        return [ExportItem(kind=q.type, options=[(o.text, o.correct) for o in q.options], **base)]
    if q.type == "truefalse":
        return [ExportItem(kind="truefalse", answer=q.answer, **base)]
    if q.type == "numeric":
        return [ExportItem(kind="numeric", answer=q.answer, tolerance=q.tolerance, **base)]
    if q.type == "matching":
        return [ExportItem(kind="matching", pairs=[(p.left, p.right) for p in q.pairs], **base)]
    if q.type == "ordering":
        base["stem"] = f"{q.stem}\n\n{ORDERING_HINT}"
        return [ExportItem(kind="matching", pairs=[(item, str(i)) for i, item in enumerate(q.items, 1)],
                           **base)]
    out = []  # param_numeric
    for k in range(1, n_variants + 1):
        values = draw_params(q.params, HashRng(derive_seed("export", q.id, str(k))), q.id, "params")
        out.append(ExportItem(
            kind="numeric", name=f"{q.id} (вариант {k})", idnumber=f"{q.id}-v{k}", topic=bq.topic,
            stem=render_stem(q.stem, values, q.params), explanation=q.explanation,
            answer=reference.evaluate(q.answer, values), tolerance=q.tolerance))
    return out


_DISPLAY_MATH = re.compile(r"(?<!\\)\$\$(.+?)(?<!\\)\$\$", re.S)
_INLINE_MATH = re.compile(r"(?<!\\)\$(.+?)(?<!\\)\$", re.S)


def latex_to_moodle(text: str) -> str:
    """$$…$$ -> \\[…\\], $…$ -> \\(…\\) (the delimiters Moodle's MathJax filter knows); \\$ -> $."""
    text = _DISPLAY_MATH.sub(lambda m: r"\[" + m.group(1) + r"\]", text)
    text = _INLINE_MATH.sub(lambda m: r"\(" + m.group(1) + r"\)", text)
    return text.replace(r"\$", "$")


def to_html(text: str) -> str:
    """Question text as HTML: escape markup, convert math delimiters, keep line breaks."""
    text = latex_to_moodle(html.escape(text.strip(), quote=False))
    return re.sub(r"\n", "<br>", text)


def number(value: float) -> str:
    """A plain decimal (no exponent: GIFT readers do not all accept 1e-05)."""
    return np.format_float_positional(float(value), trim="-")


def fraction(value: float) -> str:
    """Moodle answer weights in percent, e.g. 33.33333, -50."""
    text = f"{value:.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
