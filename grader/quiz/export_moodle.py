"""Export to Moodle XML (the question bank import format), UTF-8.

Types: single/multiple -> multichoice (<single>true|false</single>; for
multiple each correct option weighs 100/k and each wrong one −100/k, which is
our partial-credit rule since Moodle floors the sum at 0), truefalse,
numeric -> numerical with <tolerance>, matching -> matching (<subquestion>),
ordering -> matching of items to positions 1..n, param_numeric -> N concrete
numerical questions. The explanation becomes <generalfeedback>.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

from .export_common import ExportItem, fraction, number, to_html

MOODLE_KIND = {"single": "multichoice", "multiple": "multichoice", "truefalse": "truefalse",
               "numeric": "numerical", "matching": "matching"}


def _text(parent: ET.Element, tag: str, text: str, fmt: str | None = "html", **attrs) -> ET.Element:
    el = ET.SubElement(parent, tag, **({"format": fmt} if fmt else {}), **attrs)
    ET.SubElement(el, "text").text = text
    return el


def _simple(parent: ET.Element, tag: str, value: str) -> None:
    ET.SubElement(parent, tag).text = value


def _answer(parent: ET.Element, frac: str, text: str, fmt: str = "html") -> ET.Element:
    el = _text(parent, "answer", text, fmt, fraction=frac)
    _text(el, "feedback", "")
    return el


def question(item: ExportItem) -> ET.Element:
    q = ET.Element("question", type=MOODLE_KIND[item.kind])
    name = ET.SubElement(q, "name")
    ET.SubElement(name, "text").text = item.name
    _text(q, "questiontext", to_html(item.stem))
    _text(q, "generalfeedback", to_html(item.explanation))
    _simple(q, "defaultgrade", "1")
    _simple(q, "penalty", "0")
    _simple(q, "hidden", "0")
    _simple(q, "idnumber", item.idnumber)
    if item.kind in ("single", "multiple"):
        _simple(q, "single", "true" if item.kind == "single" else "false")
        _simple(q, "shuffleanswers", "true")
        _simple(q, "answernumbering", "123")
        k = sum(ok for _, ok in item.options)
        for text, ok in item.options:
            frac = ("100" if ok else "0") if item.kind == "single" else fraction(100 / k if ok else -100 / k)
            _answer(q, frac, to_html(text))
    elif item.kind == "truefalse":
        _answer(q, "100" if item.answer else "0", "true", "moodle_auto_format")
        _answer(q, "0" if item.answer else "100", "false", "moodle_auto_format")
    elif item.kind == "numeric":
        el = _answer(q, "100", number(item.answer), "moodle_auto_format")
        _simple(el, "tolerance", number(item.tolerance))
        _simple(q, "unitgradingtype", "0")
        _simple(q, "unitpenalty", "0.1000000")
        _simple(q, "showunits", "3")
        _simple(q, "unitsleft", "0")
    elif item.kind == "matching":
        _simple(q, "shuffleanswers", "true")
        for left, right in item.pairs:
            sub = _text(q, "subquestion", to_html(left))
            ans = ET.SubElement(sub, "answer")
            ET.SubElement(ans, "text").text = " ".join(right.split())  # drop-down: plain text
    return q


def export_moodle_xml(items: list[ExportItem], course_title: str, topic_titles: dict[str, str]) -> str:
    quiz = ET.Element("quiz")
    quiz.append(ET.Comment(f" nngrader: банк вопросов курса «{course_title}» "))
    topic = None
    for item in items:
        if item.topic != topic:
            topic = item.topic
            cat = ET.SubElement(quiz, "question", type="category")
            path = "/".join(p.replace("/", "//") for p in
                            ("$course$", "top", course_title, topic_titles.get(topic, topic)))
            _text(cat, "category", path, fmt=None)
        quiz.append(question(item))
    ET.indent(quiz, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, encoding="unicode", short_empty_elements=False) + "\n"
