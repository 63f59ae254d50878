"""LMS export: GIFT escaping (checked by an independent GIFT parser) and Moodle XML structure."""
from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from grader.quiz.bank import load_course_bank
from grader.cli.quiz import quiz_app
from grader.quiz.export_common import concrete_items, latex_to_moodle, number, to_html
from grader.quiz.export_gift import escape
from grader.quiz.reference import Reference

COURSE = Path(__file__).parent / "quiz_fixtures" / "course"
N_VARIANTS = 2


def moodle_unescape(text: str) -> str:
    """GIFT escapes undone the way Moodle's importer does (\\\\ first)."""
    text = text.replace("\\\\", "\x00")
    text = re.sub(r"\\([~=#{}:])", r"\1", text)
    return text.replace("\x00", "\\")


def export(tmp_path, fmt: str, *extra: str) -> str:
    out = tmp_path / f"bank.{fmt}"
    result = CliRunner().invoke(quiz_app, ["export", "--format", fmt, "--out", str(out),
                                           "--variants", str(N_VARIANTS), "--course", str(COURSE), *extra])
    assert result.exit_code == 0, result.output
    return out.read_bytes().decode("utf-8")


@pytest.fixture(scope="module")
def items():
    bank = load_course_bank(COURSE)
    items, problems = concrete_items(bank, bank.topics(), Reference(COURSE / "solutions"), N_VARIANTS)
    assert problems == []
    return items


def test_gift_escape_control_characters():
    assert escape("a~b=c#d{e}f:g") == r"a\~b\=c\#d\{e\}f\:g"
    assert escape("\\") == "\\\\"
    assert escape(r"\frac{1}{m}") == r"\\frac\{1\}\{m\}"
    assert moodle_unescape(escape(r"x = \{0, 1\}: ~ # \\")) == r"x = \{0, 1\}: ~ # \\"


def test_latex_delimiters_become_moodle_mathjax():
    assert latex_to_moodle(r"$a^2$ и $$\sum_i x_i$$, цена \$5") == r"\(a^2\) и \[\sum_i x_i\], цена $5"
    assert to_html("$a < b$ & c\nновая строка") == r"\(a &lt; b\) &amp; c<br>новая строка"
    assert number(1e-5) == "0.00001" and number(-1.25) == "-1.25"


def test_gift_has_no_unescaped_control_characters_in_texts(tmp_path, items):
    text = export(tmp_path, "gift")
    assert "Анатомия нейрона" in text  # Cyrillic intact, UTF-8
    assert "$" not in text.replace("$CATEGORY: $course$", "")  # math converted to \( \)
    assert r"\\frac\{1\}\{n\}" in text  # LaTeX braces escaped
    assert text.count("::") == 2 * len(items)
    for block in text.split("\n\n"):
        lines = [ln for ln in block.splitlines() if not ln.startswith("//")]
        if not lines or lines[0].startswith("$CATEGORY"):
            continue
        joined = "\n".join(lines)
        # exactly one unescaped { and } per question: the answer block
        bare = re.sub(r"\\.", "", joined)
        assert bare.count("{") == 1 and bare.count("}") == 1, joined


def test_gift_parses_with_independent_parser(tmp_path, items):
    pytest.importorskip("pygiftparser.gift", reason="нужен пакет pygiftparserrgmf (независимый GIFT-парсер)")
    from pygiftparser import gift, parser

    result = parser.parse(export(tmp_path, "gift"))
    questions = result.questions
    assert len(questions) == len(items)
    expected_class = {"single": gift.MultipleChoiceRadio, "multiple": gift.MultipleChoiceCheckbox,
                      "truefalse": gift.TrueFalse, "numeric": gift.Numerical, "matching": gift.Matching}
    for item, q in zip(items, questions):
        assert q.name == item.name
        assert isinstance(q.answer, expected_class[item.kind]), (item.name, q.answer)
        assert q.category.endswith(item.topic and {"neuron": "Анатомия нейрона",
                                                   "activations": "Функции активации"}[item.topic])
        # The parser undoes \: \~ \= \# \{ \} in the stem; only \\ is left to undo.
        assert q.text.replace("\\\\", "\\") == "[html]" + to_html(item.stem)
        options = q.answer.options
        feedback = options[-1].feedback  # "####…" lands on the last option in this parser
        assert html.unescape(moodle_unescape(feedback.lstrip("#"))) == html.unescape(to_html(item.explanation))
        if item.kind == "single":
            assert [moodle_unescape(o.text) for o in options] == [to_html(t) for t, _ in item.options]
            assert [o.percentage == 1.0 for o in options] == [ok for _, ok in item.options]
        elif item.kind == "multiple":
            k = sum(ok for _, ok in item.options)
            for o, (text, ok) in zip(options, item.options):
                # This parser reads integer weights (%50%) itself and leaves %33.33333% in the text.
                m = re.fullmatch(r"%(-?[\d.]+)%(.*)", o.text, re.S)
                weight, body = m.groups() if m else (100 * o.percentage, o.text)
                assert float(weight) == pytest.approx((100 if ok else -100) / k, abs=1e-4)
                assert moodle_unescape(body) == to_html(text)
        elif item.kind == "truefalse":
            assert options[0].text == ("True" if item.answer else "False")
        elif item.kind == "numeric":
            assert q.answer.get_number() == pytest.approx(item.answer)
            assert q.answer.get_error_margin() == pytest.approx(item.tolerance)
        elif item.kind == "matching":
            pairs = [q.answer.get_pair(o) for o in options]
            assert [(moodle_unescape(p["first"]), moodle_unescape(p["second"])) for p in pairs] == \
                [(to_html(left), " ".join(right.split())) for left, right in item.pairs]


def test_param_numeric_exported_as_concrete_variants(items):
    variants = [i for i in items if i.idnumber.startswith("activations-002-v")]
    assert [i.idnumber for i in variants] == ["activations-002-v1", "activations-002-v2"]
    for item in variants:
        x = float(re.search(r"\\sigma\((-?\d\.\d)\)", item.stem).group(1))
        assert item.answer == pytest.approx(1 / (1 + 2.718281828459045 ** -x))
    ordering = next(i for i in items if i.idnumber == "neuron-007")
    assert ordering.kind == "matching"
    assert [right for _, right in ordering.pairs] == ["1", "2", "3", "4"]


def test_moodle_xml_structure(tmp_path, items):
    raw = export(tmp_path, "moodle-xml")
    assert raw.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert "Функции активации" in raw  # not &#1060;… character references
    root = ET.fromstring(raw.encode("utf-8"))
    assert root.tag == "quiz"
    categories = [q for q in root if q.get("type") == "category"]
    assert [c.findtext("category/text") for c in categories] == [
        "$course$/top/Тестовый курс: нейросети/Анатомия нейрона",
        "$course$/top/Тестовый курс: нейросети/Функции активации"]
    questions = [q for q in root if q.get("type") != "category"]
    assert len(questions) == len(items)
    kinds = {"single": "multichoice", "multiple": "multichoice", "truefalse": "truefalse",
             "numeric": "numerical", "matching": "matching"}
    for item, q in zip(items, questions):
        assert q.get("type") == kinds[item.kind]
        assert q.findtext("name/text") == item.name
        assert q.find("questiontext").get("format") == "html"
        text = q.findtext("questiontext/text")
        assert text == to_html(item.stem) and "$" not in text
        assert q.findtext("generalfeedback/text") == to_html(item.explanation)
        assert q.findtext("defaultgrade") == "1"
        answers = q.findall("answer")
        if item.kind in ("single", "multiple"):
            assert q.findtext("single") == ("true" if item.kind == "single" else "false")
            assert [a.findtext("text") for a in answers] == [to_html(t) for t, _ in item.options]
            fractions = [float(a.get("fraction")) for a in answers]
            assert sum(f for f in fractions if f > 0) == pytest.approx(100, abs=1e-3)
            if item.kind == "single":
                assert fractions == [100.0 if ok else 0.0 for _, ok in item.options]
            else:
                assert all((f > 0) == ok for f, (_, ok) in zip(fractions, item.options))
        elif item.kind == "truefalse":
            assert [a.findtext("text") for a in answers] == ["true", "false"]
            assert [a.get("fraction") for a in answers] == (["100", "0"] if item.answer else ["0", "100"])
        elif item.kind == "numeric":
            (answer,) = answers
            assert float(answer.findtext("text")) == pytest.approx(item.answer)
            assert float(answer.findtext("tolerance")) == pytest.approx(item.tolerance)
            assert answer.get("fraction") == "100"
        elif item.kind == "matching":
            subs = q.findall("subquestion")
            assert [(s.findtext("text"), s.findtext("answer/text")) for s in subs] == \
                [(to_html(left), right) for left, right in item.pairs]


def test_export_one_topic_to_stdout():
    result = CliRunner().invoke(quiz_app, ["export", "--format", "gift", "--topic", "activations",
                                           "--variants", "1", "--course", str(COURSE)])
    assert result.exit_code == 0, result.output
    assert "::activations-001::" in result.output and "::neuron-001::" not in result.output
    bad = CliRunner().invoke(quiz_app, ["export", "--format", "gift", "--topic", "attention",
                                        "--course", str(COURSE)])
    assert bad.exit_code == 1 and "нет темы attention" in bad.output
