"""Load a submission (or the reference, a starter, a mutant) as a module-like object."""
from __future__ import annotations

import importlib.util
import itertools
import sys
import types
from pathlib import Path

_counter = itertools.count()


class SubmissionLoadError(Exception):
    """The submission could not be imported; the message is Russian."""


def load_module_from_file(path: Path, prefix: str = "nngrader_submission") -> types.ModuleType:
    """Import a .py file under a fresh, unique module name (no caching between subjects)."""
    path = Path(path)
    if not path.is_file():
        raise SubmissionLoadError(f"файл {path} не найден")
    name = f"{prefix}_{next(_counter)}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise SubmissionLoadError(f"{path}: не удалось загрузить как модуль Python")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except SyntaxError as exc:
        raise SubmissionLoadError(f"{path.name}, строка {exc.lineno}: синтаксическая ошибка: {exc.msg}") from None
    except Exception as exc:  # noqa: BLE001 - any import-time failure of student code is reported
        line = _last_line_in(exc, path)
        where = f", строка {line}" if line else ""
        raise SubmissionLoadError(
            f"{path.name}{where}: ошибка при импорте решения: {type(exc).__name__}: {exc}"
        ) from None
    finally:
        sys.modules.pop(name, None)
    return module


def _last_line_in(exc: BaseException, path: Path) -> int | None:
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if Path(tb.tb_frame.f_code.co_filename) == path:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def with_replacement(module: types.ModuleType, name: str, replacement) -> types.SimpleNamespace:
    """A copy of `module`'s namespace with one function replaced (how a mutant is built)."""
    namespace = {k: v for k, v in vars(module).items() if not k.startswith("__")}
    namespace[name] = replacement
    return types.SimpleNamespace(**namespace)
