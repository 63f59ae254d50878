"""One terminology: the course glossary (docs/quiz_glossary.yaml) checked over the texts people read.

Each entry names the preferred term and the forbidden variants (regular
expressions, case-insensitive unless `case: true`). Math (`$…$`), inline code
(`…`) and fenced code blocks are not prose, so they are blanked out before
matching: `eps=1e-12` in a signature or `\\mathrm{nan}` in a formula is not a
terminology slip.

Scopes: the question bank (every text of every question), the statements
(exercises/*/README.md) and the feedback texts (Russian strings in
exercises/*/hidden/mutants.py — the hints students read).
"""
from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

from ..yamlsource import YamlSourceError, load_yaml
from .bank import Bank, BankQuestion
from .issues import Issue

GLOSSARY_FILE = Path("docs") / "quiz_glossary.yaml"

_FENCE = re.compile(r"^```.*?^```", re.S | re.M)
_MATH = re.compile(r"(?<!\\)\$\$.+?(?<!\\)\$\$|(?<!\\)\$.+?(?<!\\)\$|`[^`\n]*`", re.S)
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")


@dataclass(frozen=True)
class Term:
    use: str  # the preferred term
    forbidden: tuple[re.Pattern, ...]
    why: str = ""

    def find(self, text: str) -> list[tuple[int, str]]:
        """(offset, variant) of every forbidden variant in prose."""
        prose = blank_non_prose(text)
        return sorted((m.start(), m.group(0)) for p in self.forbidden for m in p.finditer(prose))


class GlossaryError(Exception):
    pass


def blank_non_prose(text: str) -> str:
    """Math, inline code and fenced code replaced by spaces (offsets and lines kept)."""
    blank = lambda m: re.sub(r"[^\n]", " ", m.group(0))  # noqa: E731
    return _MATH.sub(blank, _FENCE.sub(blank, text))


def load_glossary(path: Path) -> list[Term]:
    try:
        doc = load_yaml(path)
    except YamlSourceError as exc:
        raise GlossaryError(str(exc)) from None
    entries = doc.data.get("terms") if isinstance(doc.data, dict) else None
    if not isinstance(entries, list):
        raise GlossaryError(f"{path}: ожидается словарь с полем terms (список терминов)")
    terms = []
    for i, entry in enumerate(entries):
        line = doc.line_of(("terms", i))
        if not isinstance(entry, dict) or not isinstance(entry.get("use"), str) \
                or not isinstance(entry.get("not"), list) or not entry["not"]:
            raise GlossaryError(f"{path}:{line}: у термина нужны поля use (строка) и not (список вариантов)")
        flags = 0 if entry.get("case") else re.IGNORECASE
        try:
            patterns = tuple(re.compile(str(p), flags) for p in entry["not"])
        except re.error as exc:
            raise GlossaryError(f"{path}:{line}: неверное регулярное выражение: {exc}") from None
        terms.append(Term(entry["use"], patterns, str(entry.get("why") or "")))
    return terms


def _message(term: Term, variant: str) -> str:
    why = f" ({term.why})" if term.why else ""
    return f"глоссарий: «{variant}» → «{term.use}»{why}"


def question_texts(bq: BankQuestion) -> list[tuple[str, tuple]]:
    """(text, location inside the question) of everything a student reads."""
    q = bq.q
    out = [(q.stem, ("stem",)), (q.explanation, ("explanation",))]
    if q.type in ("single", "multiple"):
        out += [(o.text, ("options", i)) for i, o in enumerate(q.options)]
    elif q.type == "matching":
        out += [(getattr(p, side), ("pairs", i, side)) for i, p in enumerate(q.pairs) for side in ("left", "right")]
    elif q.type == "ordering":
        out += [(item, ("items", i)) for i, item in enumerate(q.items)]
    return out


def check_bank(bank: Bank, terms: list[Term]) -> list[Issue]:
    issues = []
    for bq in bank.questions:
        for text, loc in question_texts(bq):
            for term in terms:
                for _, variant in term.find(text):
                    issues.append(bq.issue(_message(term, variant), *loc))
    return issues


def _line_issues(display: str, text: str, terms: list[Term], first_line: int = 1) -> list[Issue]:
    issues = []
    for term in terms:
        for offset, variant in term.find(text):
            issues.append(Issue(display, first_line + text.count("\n", 0, offset), None, _message(term, variant)))
    return issues


def check_course_texts(course_dir: Path, terms: list[Term]) -> list[Issue]:
    """Statements and mutant hints of every exercise."""
    course_dir = Path(course_dir)
    issues: list[Issue] = []
    for readme in sorted(course_dir.glob("exercises/*/README.md")):
        display = readme.relative_to(course_dir).as_posix()
        issues += _line_issues(display, readme.read_text(encoding="utf-8"), terms)
    for mutants in sorted(course_dir.glob("exercises/*/hidden/mutants.py")):
        display = mutants.relative_to(course_dir).as_posix()
        try:
            tree = ast.parse(mutants.read_text(encoding="utf-8"))
        except SyntaxError:
            continue  # `nngrader validate` reports a broken mutants file
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and _CYRILLIC.search(node.value):
                issues += _line_issues(display, node.value, terms, node.lineno)
    return issues
