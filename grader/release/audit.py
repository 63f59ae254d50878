"""Scan released files for anything that must stay with the instructor.

Looked for in every released file (notebooks: every cell and output):
- a function body of the reference solutions/<module>.py (compared as normalized ASTs,
  and as text for Markdown);
- a mutant's name or its targeted hint (hidden/mutants.py);
- a hidden test's name (hidden/test_<module>_hidden.py) that is not also a public test;
- answer keys: the graded-quiz secret, quiz questions of other topics, unfrozen
  `param_numeric` questions (their answers are reference expressions);
- instructor files by name: hidden/, solutions/, course.yaml, mutants, hidden tests, the gradebook.

The self-check quiz.yaml is expected to carry its own answers: that is what self-check means.
"""
from __future__ import annotations

import ast
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

FORBIDDEN_NAMES = re.compile(r"(^|/)(hidden|solutions)(/|$)|(^|/)course\.yaml$|_hidden\.py$|(^|/)mutants\.py$|"
                             r"gradebook\.(sqlite|db)$")
MIN_BODY_CHARS = 30  # a body this short (`return x`) found in prose is no evidence of a leak


@dataclass(frozen=True)
class Secrets:
    bodies: dict[str, str]       # normalized AST dump -> "solutions/x.py:function"
    body_texts: dict[str, str]   # whitespace-free body text -> the same label
    words: dict[str, str]        # identifier that must not appear -> what it is
    phrases: dict[str, str]      # whitespace-normalized text that must not appear -> what it is
    topic: str


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _normal(text: str) -> str:
    return " ".join(text.split())


def _body_dump(node: ast.AST) -> tuple[str, str] | None:
    body = list(node.body)
    if body and isinstance(body[0], ast.Expr) and isinstance(getattr(body[0], "value", None), ast.Constant) \
            and isinstance(body[0].value.value, str):
        body = body[1:]
    if not body:
        return None
    text = "\n".join(ast.unparse(s) for s in body)
    if "NotImplementedError" in text:
        return None
    return ast.dump(ast.Module(body=body, type_ignores=[]), annotate_fields=False), text


def _functions(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield node


def collect_secrets(loaded, assignment) -> Secrets:
    bodies: dict[str, str] = {}
    body_texts: dict[str, str] = {}
    solution = loaded.solution_path(assignment)
    if solution.is_file():
        for node in _functions(ast.parse(solution.read_text(encoding="utf-8"))):
            dumped = _body_dump(node)
            if dumped:
                label = f"тело эталонной функции solutions/{solution.name}:{node.name}"
                bodies[dumped[0]] = label
                if len(_squash(dumped[1])) >= MIN_BODY_CHARS:  # shorter ones are too generic for a text search
                    body_texts[_squash(dumped[1])] = label
    words: dict[str, str] = {}
    phrases: dict[str, str] = {}
    mutants = loaded.mutants_path(assignment)
    if mutants.is_file():
        for node in _functions(ast.parse(mutants.read_text(encoding="utf-8"))):
            for decorator in node.decorator_list:
                if isinstance(decorator, ast.Call) and getattr(decorator.func, "id", "") == "mutant":
                    words[node.name] = f"имя мутанта {node.name}"
                    for keyword in decorator.keywords:
                        if keyword.arg == "hint" and isinstance(keyword.value, ast.Constant):
                            phrases[_normal(keyword.value.value)] = f"подсказка мутанта {node.name}"
    public = _test_names(loaded.public_tests(assignment))
    for name in _test_names(loaded.hidden_tests(assignment)) - public:
        words[name] = f"имя скрытого теста {name}"
    secret_env = loaded.course.secret_env
    if secret_env and os.environ.get(secret_env):
        phrases[_normal(os.environ[secret_env])] = f"секрет контрольных ({secret_env})"
    return Secrets(bodies, body_texts, words, phrases, assignment.topic)


def _test_names(path: Path) -> set[str]:
    if not path.is_file():
        return set()
    return {n.name for n in _functions(ast.parse(path.read_text(encoding="utf-8"))) if n.name.startswith("test")}


def _notebook_parts(text: str) -> tuple[list[str], list[str], int]:
    """(code sources, all texts including outputs, number of cells with outputs)."""
    nb = json.loads(text)
    code, texts, with_outputs = [], [], 0
    for cell in nb.get("cells", []):
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else str(source)
        texts.append(source)
        if cell.get("cell_type") == "code":
            code.append(source)
            if cell.get("outputs"):
                with_outputs += 1
                texts.append(json.dumps(cell["outputs"], ensure_ascii=False))
    return code, texts, with_outputs


def _python_trees(sources: list[str]) -> list[ast.AST]:
    trees = []
    for source in sources:
        cleaned = "\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines())
        try:
            trees.append(ast.parse(cleaned))
        except SyntaxError:
            continue
    return trees


ENGINE_WHEEL = re.compile(r"^nngrader-[^/]+-py3-none-any\.whl$")
_WHEEL_MEMBER = re.compile(r"^(grader/|nngrader-[^/]+\.dist-info/)")


def audit_wheel(path: Path, relative: str) -> list[str]:
    """The engine wheel holds the `grader` package and its metadata, nothing of the course."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return [f"{relative}: повреждённый wheel движка"]
    return [f"{relative}: {name} — не часть движка" for name in names
            if not _WHEEL_MEMBER.match(name) or FORBIDDEN_NAMES.search(name) or ".." in name.split("/")]


def audit_file(path: Path, relative: str, secrets: Secrets) -> list[str]:
    problems: list[str] = []
    if FORBIDDEN_NAMES.search(relative):
        problems.append(f"{relative}: файл преподавателя в выдаче")
    if ENGINE_WHEEL.match(relative):
        return problems + audit_wheel(path, relative)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return problems + [f"{relative}: не текстовый файл в выдаче"]
    code: list[str] = []
    texts = [text]
    if path.suffix == ".ipynb":
        code, cell_texts, with_outputs = _notebook_parts(text)
        texts += cell_texts
        if with_outputs:
            problems.append(f"{relative}: в блокноте сохранены результаты выполнения ({with_outputs} ячеек)")
    elif path.suffix == ".py":
        code = [text]
    for tree in _python_trees(code):
        for node in _functions(tree):
            dumped = _body_dump(node)
            if dumped and dumped[0] in secrets.bodies:
                problems.append(f"{relative}: {secrets.bodies[dumped[0]]} (функция {node.name})")
            for child in ast.walk(node):
                if isinstance(child, (ast.Import, ast.ImportFrom)) and "solutions" in ast.unparse(child):
                    problems.append(f"{relative}: импорт эталона ({ast.unparse(child)})")
    joined = "\n".join(texts)
    squashed, normal = _squash(joined), _normal(joined)
    for body, label in secrets.body_texts.items():
        if body in squashed and not any(label in p for p in problems):
            problems.append(f"{relative}: {label} (в тексте)")
    for word, label in secrets.words.items():
        if re.search(rf"(?<![A-Za-z0-9_]){re.escape(word)}(?![A-Za-z0-9_])", joined):
            problems.append(f"{relative}: {label}")
    for phrase, label in secrets.phrases.items():
        if phrase and phrase in normal:
            problems.append(f"{relative}: {label}")
    if path.name == "quiz.yaml":
        problems += _audit_quiz(text, relative, secrets.topic)
    return problems


def _audit_quiz(text: str, relative: str, topic: str) -> list[str]:
    data = yaml.safe_load(text) or {}
    problems = []
    if data.get("topic") not in (None, topic):
        problems.append(f"{relative}: вопросы чужой темы {data.get('topic')}")
    for q in data.get("questions") or []:
        if q.get("type") == "param_numeric" or "params" in q:
            problems.append(f"{relative}: вопрос {q.get('id')} не заморожен (ответ — выражение через эталон)")
    return problems


def audit_release(loaded, assignment, root: Path) -> list[str]:
    """Russian descriptions of everything in `root` that must not be released (empty list = clean)."""
    secrets = collect_secrets(loaded, assignment)
    root = Path(root)
    problems: list[str] = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        problems += audit_file(path, path.relative_to(root).as_posix(), secrets)
    return problems
