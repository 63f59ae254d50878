"""`quiz validate`: every rule of the bank, each error naming file, line and question id."""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from . import cues, glossary
from .bank import Bank, BankQuestion, load_course_bank
from .config import ConfigError, load_quiz_config
from .issues import Issue
from .model import QUESTION_TYPES, SECTIONS, TOPICS
from .params import draw_params, placeholders
from .reference import AnswerError, Reference, ReferenceUnavailable
from .rng import HashRng, derive_seed


@dataclass(frozen=True)
class Rules:
    """Thresholds; the defaults are the real course's (issue 6), tests loosen them."""

    min_per_topic: int = 20
    required_sections: tuple[str, ...] | None = tuple(SECTIONS)
    required_types: tuple[str, ...] | None = QUESTION_TYPES
    param_seeds: int = 1000
    require_exercise_quizzes: bool = True  # every exercises/NN_topic has a quiz.yaml
    known_topics: tuple[str, ...] | None = TOPICS
    cues: cues.CueLimits | None = cues.CueLimits()  # None: answer cues not checked
    glossary: bool = True  # check docs/quiz_glossary.yaml when the course has one
    strict_glossary: bool = False  # statements and hints too are errors (not only warnings)


@dataclass
class Validation:
    bank: Bank
    issues: list[Issue]  # errors: exit code 1
    warnings: list[Issue] = field(default_factory=list)
    cues: cues.CueReport | None = None
    glossary_terms: int | None = None  # None: no glossary file
    exam_pools: dict[str, tuple[int, int]] = field(default_factory=dict)  # quiz -> (pool, asked)


def validate_course(course_dir: Path, rules: Rules = Rules()) -> tuple[Bank, list[Issue]]:
    result = validate_course_full(course_dir, rules)
    return result.bank, result.issues


def validate_course_full(course_dir: Path, rules: Rules = Rules()) -> Validation:
    course_dir = Path(course_dir)
    bank = load_course_bank(course_dir)
    result = Validation(bank, validate_bank(bank, Reference(course_dir / "solutions"), rules))
    result.cues = cues.measure(bank.questions)
    extra: list[Issue] = []
    path = course_dir / glossary.GLOSSARY_FILE
    if rules.glossary and path.is_file():
        try:
            terms = glossary.load_glossary(path)
        except glossary.GlossaryError as exc:
            extra.append(Issue(glossary.GLOSSARY_FILE.as_posix(), None, None, str(exc)))
        else:
            result.glossary_terms = len(terms)
            extra += glossary.check_bank(bank, terms)
            texts = glossary.check_course_texts(course_dir, terms)
            if rules.strict_glossary:
                extra += texts
            else:
                result.warnings += texts
    extra += _check_exam_pools(course_dir, bank, result)
    result.issues = _sorted(result.issues + extra)
    result.warnings = _sorted(result.warnings)
    return result


def _sorted(issues: list[Issue]) -> list[Issue]:
    return sorted(set(issues), key=lambda i: (i.file, i.line or 0, i.qid or "", i.message))


def _check_exam_pools(course_dir: Path, bank: Bank, result: Validation) -> list[Issue]:
    """Each graded quiz of course.yaml must find enough exam-only questions."""
    from .variants import pool

    try:
        config = load_quiz_config(course_dir)
    except ConfigError as exc:
        return [Issue("course.yaml", None, None, str(exc))]
    issues = []
    for quiz in config.quizzes:
        questions = pool(bank, quiz)
        exam = [bq for bq in questions if bq.q.exam_only]
        result.exam_pools[quiz.id] = (len(exam), quiz.n_questions or len(questions))
        if exam and quiz.n_questions and len(exam) < quiz.n_questions:
            issues.append(Issue("course.yaml", None, None,
                                f"в тесте {quiz.id} {quiz.n_questions} вопросов, а вопросов только для "
                                f"контрольных (exam_only) в его темах {len(exam)}"))
        elif not exam and any(not bq.q.exam_only for bq in questions):
            result.warnings.append(Issue("course.yaml", None, None,
                                         f"у теста {quiz.id} нет вопросов exam_only: он берёт вопросы из "
                                         "банка самопроверки, ответы на которые есть у студентов"))
    return issues


def validate_bank(bank: Bank, reference: Reference, rules: Rules = Rules()) -> list[Issue]:
    issues = list(bank.issues)
    issues += _check_files(bank, rules)
    issues += _check_ids(bank)
    issues += _check_duplicate_stems(bank)
    for bq in bank.questions:
        issues += check_question(bq, reference, rules.param_seeds)
    issues += _check_coverage(bank, rules)
    if rules.cues is not None:
        where = "exercises/*/quiz.yaml" if bank.root else ", ".join(f.display for f in bank.files)
        issues += cues.check(cues.measure(bank.questions), rules.cues, where)
    return _sorted(issues)


def _check_files(bank: Bank, rules: Rules) -> list[Issue]:
    issues = []
    for f in bank.files:
        if f.topic is None:
            continue
        line = f.marks.line(("topic",)) if f.marks else None
        if rules.known_topics and f.topic not in rules.known_topics:
            issues.append(Issue(f.display, line, None,
                                f"неизвестная тема «{f.topic}»; допустимы: {', '.join(rules.known_topics)}"))
        if f.folder_topic and f.topic != f.folder_topic:
            issues.append(Issue(f.display, line, None,
                                f"topic «{f.topic}» не совпадает с папкой задания (…_{f.folder_topic})"))
        for bq in f.questions:
            if bq.q.topic is not None and bq.q.topic != f.topic:
                issues.append(bq.issue(f"topic вопроса «{bq.q.topic}» не совпадает с темой файла «{f.topic}»", "topic"))
            if not re.fullmatch(rf"{re.escape(f.topic)}-\d{{3,}}", bq.id):
                issues.append(bq.issue(f"id должен иметь вид {f.topic}-NNN (например {f.topic}-001)", "id"))
    return issues


def _check_ids(bank: Bank) -> list[Issue]:
    first: dict[str, BankQuestion] = {}
    issues = []
    for bq in bank.questions:
        if bq.id in first:
            other = first[bq.id]
            issues.append(bq.issue(f"id повторяется: уже есть в {other.file}:{other.line}", "id"))
        else:
            first[bq.id] = bq
    return issues


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _check_duplicate_stems(bank: Bank) -> list[Issue]:
    first: dict[str, BankQuestion] = {}
    issues = []
    for bq in bank.questions:
        key = _norm(bq.q.stem)
        if key in first:
            other = first[key]
            issues.append(bq.issue(f"такое же условие уже есть у вопроса {other.id} ({other.file}:{other.line})", "stem"))
        else:
            first[key] = bq
    return issues


def _duplicates(texts: list[str]) -> list[int]:
    seen, dups = set(), []
    for i, t in enumerate(texts):
        if _norm(t) in seen:
            dups.append(i)
        seen.add(_norm(t))
    return dups


_DOLLAR = re.compile(r"(?<!\\)\$")


def _check_math(bq: BankQuestion) -> list[Issue]:
    """Balanced $…$ everywhere; no formula on the right of a matching pair (a Moodle drop-down
    shows its items as plain text, so TeX there reaches students raw)."""
    issues = []
    for text, loc in glossary.question_texts(bq):
        if len(_DOLLAR.findall(text.replace("$$", ""))) % 2:
            issues.append(bq.issue("непарный знак $: формула не закрыта (знак доллара пишите как \\$)", *loc))
    if bq.q.type == "matching":
        for i, pair in enumerate(bq.q.pairs):
            if _DOLLAR.search(pair.right):
                issues.append(bq.issue(
                    f"пара №{i + 1}: формула справа — в Moodle правые части становятся выпадающим списком "
                    "и TeX покажется как есть; перенесите формулу в левую часть или запишите текстом",
                    "pairs", i, "right"))
    return issues


def check_question(bq: BankQuestion, reference: Reference, seeds: int = 1000) -> list[Issue]:
    q = bq.q
    issues: list[Issue] = _check_math(bq)
    if q.type in ("single", "multiple"):
        n_correct = sum(o.correct for o in q.options)
        if q.type == "single" and n_correct != 1:
            issues.append(bq.issue(f"у вопроса с одним ответом должен быть ровно один верный вариант, а их {n_correct}", "options"))
        if q.type == "multiple" and n_correct < 1:
            issues.append(bq.issue("нет ни одного верного варианта (correct: true)", "options"))
        for i in _duplicates([o.text for o in q.options]):
            issues.append(bq.issue(f"вариант №{i + 1} повторяет другой вариант", "options", i))
    elif q.type == "matching":
        for side in ("left", "right"):
            for i in _duplicates([getattr(p, side) for p in q.pairs]):
                issues.append(bq.issue(f"пара №{i + 1}: {side} повторяет другую пару", "pairs", i))
    elif q.type == "ordering":
        for i in _duplicates(q.items):
            issues.append(bq.issue(f"пункт №{i + 1} повторяет другой пункт", "items", i))
    elif q.type == "numeric":
        if not math.isfinite(q.answer):
            issues.append(bq.issue(f"answer должен быть конечным числом, а не {q.answer}", "answer"))
        if not math.isfinite(q.tolerance):
            issues.append(bq.issue("tolerance должен быть конечным числом", "tolerance"))
    elif q.type == "param_numeric":
        issues += _check_param_numeric(bq, reference, seeds)
    return issues


def _check_param_numeric(bq: BankQuestion, reference: Reference, seeds: int) -> list[Issue]:
    q = bq.q
    issues = []
    used = {name for _, name in placeholders(q.stem)}
    for name in sorted(used - set(q.params)):
        issues.append(bq.issue(f"в условии есть {{{name}}}, но параметр {name} не задан в params", "stem"))
    for name in sorted(set(q.params) - used):
        issues.append(bq.issue(f"параметр {name} не подставляется в условие: добавьте {{{name}}} в stem", "params", name))
    if not q.tolerance > 0 or not math.isfinite(q.tolerance):
        issues.append(bq.issue("у вопроса с параметрами нужна конечная tolerance > 0", "tolerance"))
    try:
        unknown = reference.unknown_names(q.answer, set(q.params))
    except AnswerError as exc:
        return issues + [bq.issue(str(exc), "answer")]
    if unknown:
        return issues + [bq.issue("в выражении ответа неизвестные имена: " + ", ".join(sorted(unknown)), "answer")]
    for k in range(seeds):
        values = draw_params(q.params, HashRng(derive_seed("validate", str(k))), q.id, "params")
        try:
            reference.evaluate(q.answer, values)
        except ReferenceUnavailable as exc:
            return issues + [bq.issue(str(exc), "answer")]
        except AnswerError as exc:
            shown = ", ".join(f"{n}={v}" for n, v in values.items())
            return issues + [bq.issue(f"{exc} (вариант {k + 1} из {seeds}: {shown})", "answer")]
    return issues


def _check_coverage(bank: Bank, rules: Rules) -> list[Issue]:
    issues = []
    # Bank-wide problems belong to no single file.
    where = "exercises/*/quiz.yaml" if bank.root else ", ".join(f.display for f in bank.files)
    questions = bank.questions
    if rules.require_exercise_quizzes:
        have = {f.path.parent.name for f in bank.files}
        for folder in bank.exercise_folders:
            if folder not in have:
                issues.append(Issue(f"exercises/{folder}/quiz.yaml", None, None,
                                    f"у задания {folder} нет банка вопросов quiz.yaml"))
    for f in bank.files:
        if f.topic and len(f.questions) < rules.min_per_topic:
            issues.append(Issue(f.display, None, None,
                                f"в теме «{f.topic}» {len(f.questions)} корректных вопросов, нужно не меньше {rules.min_per_topic}"))
    if rules.required_sections:
        have = Counter(bq.q.section for bq in questions)
        for section in rules.required_sections:
            if not have[section]:
                issues.append(Issue(where, None, None,
                                    f"раздел программы «{section}» ({SECTIONS.get(section, '')}) не покрыт ни одним вопросом"))
    if rules.required_types:
        have = Counter(bq.q.type for bq in questions)
        for kind in rules.required_types:
            if not have[kind]:
                issues.append(Issue(where, None, None, f"в банке нет ни одного вопроса типа {kind}"))
    return issues
