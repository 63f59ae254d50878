"""Compare a module's functions with the signatures course.yaml declares."""
from __future__ import annotations

import ast
import inspect
from typing import Any

from .course import Assignment, parse_signature

_KIND = {
    "posonly": inspect.Parameter.POSITIONAL_ONLY,
    "args": inspect.Parameter.POSITIONAL_OR_KEYWORD,
    "vararg": inspect.Parameter.VAR_POSITIONAL,
    "kwonly": inspect.Parameter.KEYWORD_ONLY,
    "kwarg": inspect.Parameter.VAR_KEYWORD,
}


def expected_parameters(spec: str) -> list[tuple[str, Any, Any]]:
    """[(name, kind, default)] from 'x, alpha=0.01, **hyper'; default is inspect.Parameter.empty if none."""
    args = parse_signature(spec)
    empty = inspect.Parameter.empty
    out: list[tuple[str, Any, Any]] = []
    positional = args.posonlyargs + args.args
    defaults = [empty] * (len(positional) - len(args.defaults)) + [ast.literal_eval(d) for d in args.defaults]
    for i, arg in enumerate(positional):
        kind = _KIND["posonly"] if i < len(args.posonlyargs) else _KIND["args"]
        out.append((arg.arg, kind, defaults[i]))
    if args.vararg:
        out.append((args.vararg.arg, _KIND["vararg"], empty))
    for arg, default in zip(args.kwonlyargs, args.kw_defaults):
        out.append((arg.arg, _KIND["kwonly"], empty if default is None else ast.literal_eval(default)))
    if args.kwarg:
        out.append((args.kwarg.arg, _KIND["kwarg"], empty))
    return out


def signature_problems(module: Any, assignment: Assignment, label: str) -> list[str]:
    """Russian descriptions of every function that is missing or has a different signature."""
    problems = []
    for name, spec in assignment.functions.items():
        func = getattr(module, name, None)
        if not callable(func):
            problems.append(f"{label}: нет функции {name}({spec.signature})")
            continue
        actual = [(p.name, p.kind, p.default) for p in inspect.signature(func).parameters.values()]
        expected = expected_parameters(spec.signature)
        if not _same(actual, expected):
            problems.append(f"{label}: {name}{inspect.signature(func)} — ожидалось {name}({spec.signature})")
    return problems


def _same(actual: list, expected: list) -> bool:
    if len(actual) != len(expected):
        return False
    for (a_name, a_kind, a_def), (e_name, e_kind, e_def) in zip(actual, expected):
        if a_name != e_name or a_kind != e_kind:
            return False
        if type(a_def) is not type(e_def) and not (isinstance(a_def, (int, float)) and isinstance(e_def, (int, float))
                                                   and not isinstance(a_def, bool) and not isinstance(e_def, bool)):
            return False
        if a_def != e_def:
            return False
    return True
