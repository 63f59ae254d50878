"""Evaluate `param_numeric` answers with the reference library (solutions/<module>.py).

The modules are loaded by path into a private package name, so a course's
`solutions` never clashes with another course's (tests load fixture courses)
or with an installed package. Names allowed in an expression: the parameters,
`np`, the reference modules (topic names) and a few harmless builtins.
"""
from __future__ import annotations

import ast
import builtins
import hashlib
import importlib.util
import math
import sys
import types
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

from .model import TOPICS

SAFE_BUILTINS = {name: getattr(builtins, name) for name in (
    "abs", "min", "max", "round", "float", "int", "sum", "len", "pow", "range",
    "list", "tuple", "dict", "bool", "sorted", "zip", "enumerate",
)}


class ReferenceUnavailable(Exception):
    """The reference module an expression needs is not there (e.g. a student bundle)."""


class AnswerError(Exception):
    """The expression failed or did not give one finite number."""


class Reference:
    def __init__(self, solutions_dir: Path | None):
        self.dir = Path(solutions_dir) if solutions_dir else None
        self._modules: dict[str, types.ModuleType] = {}
        self._compiled: dict[str, tuple[types.CodeType, set[str]]] = {}
        digest = hashlib.sha256(str(self.dir.resolve() if self.dir else "").encode()).hexdigest()
        self._package = f"_nngrader_reference_{digest[:12]}"

    def module(self, name: str) -> types.ModuleType:
        if name in self._modules:
            return self._modules[name]
        if self.dir is None or not (self.dir / f"{name}.py").is_file():
            where = self.dir.as_posix() if self.dir else "solutions/"
            raise ReferenceUnavailable(f"нет эталонного модуля {name}.py в {where}")
        self._ensure_package()
        full = f"{self._package}.{name}"
        spec = importlib.util.spec_from_file_location(full, self.dir / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[full] = module
        try:
            with _sys_path(self.dir, self.dir.parent):  # flat or absolute sibling imports
                spec.loader.exec_module(module)
        except Exception as exc:
            sys.modules.pop(full, None)
            raise ReferenceUnavailable(
                f"эталонный модуль {name}.py не импортируется: {type(exc).__name__}: {exc}") from exc
        self._modules[name] = module
        return module

    def _ensure_package(self) -> None:
        if self._package not in sys.modules:
            pkg = types.ModuleType(self._package)
            pkg.__path__ = [str(self.dir)]  # relative imports inside solutions/ keep working
            sys.modules[self._package] = pkg

    def compile(self, expr: str) -> tuple[types.CodeType, set[str]]:
        """Compile once; return the code and the free names it uses."""
        if expr not in self._compiled:
            try:
                tree = ast.parse(expr.strip(), mode="eval")
            except SyntaxError as exc:
                raise AnswerError(f"синтаксическая ошибка в выражении ответа: {exc.msg}") from None
            # Free names only: lambda arguments and comprehension variables are bound inside.
            bound = {n.arg for n in ast.walk(tree) if isinstance(n, ast.arg)}
            bound |= {n.id for n in ast.walk(tree)
                      if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
            names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)} - bound
            self._compiled[expr] = (compile(tree, "<answer>", "eval"), names)
        return self._compiled[expr]

    def unknown_names(self, expr: str, params: set[str]) -> set[str]:
        _, names = self.compile(expr)
        return names - params - set(TOPICS) - set(SAFE_BUILTINS) - {"np", "math"}

    def evaluate(self, expr: str, values: dict[str, Any]) -> float:
        code, names = self.compile(expr)
        scope: dict[str, Any] = {"__builtins__": SAFE_BUILTINS, "np": np, "math": math}
        for name in names & set(TOPICS):
            if name not in values:
                scope[name] = self.module(name)
        scope.update(values)
        try:
            with np.errstate(all="ignore"):
                result = eval(code, scope)  # noqa: S307 - instructor-authored bank
        except ReferenceUnavailable:
            raise
        except Exception as exc:
            raise AnswerError(f"выражение ответа упало: {type(exc).__name__}: {exc}") from None
        return to_float(result)


def to_float(result: Any) -> float:
    try:
        arr = np.asarray(result, dtype=np.float64)
    except (TypeError, ValueError):
        raise AnswerError(f"выражение ответа вернуло не число: {type(result).__name__}") from None
    if arr.size != 1:
        raise AnswerError(f"выражение ответа вернуло массив формы {arr.shape}, а нужно одно число")
    value = float(arr.reshape(()))
    if not math.isfinite(value):
        raise AnswerError(f"выражение ответа дало {value}, а нужно конечное число")
    return value


@contextmanager
def _sys_path(*dirs: Path):
    added = [str(d) for d in dirs if str(d) not in sys.path]
    sys.path[:0] = added
    try:
        yield
    finally:
        for d in added:
            if d in sys.path:
                sys.path.remove(d)
