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


def load_module_from_source(source: str, origin: str, prefix: str = "nngrader_submission") -> types.ModuleType:
    """Execute source text in a fresh module in THIS process (students' self-check, never grading)."""
    name = f"{prefix}_{next(_counter)}"
    module = types.ModuleType(name)
    module.__file__ = origin
    sys.modules[name] = module
    try:
        exec(compile(source, origin, "exec"), module.__dict__)  # noqa: S102 - the student's own code, own machine
    except SyntaxError as exc:
        raise SubmissionLoadError(f"{origin}, строка {exc.lineno}: синтаксическая ошибка: {exc.msg}") from None
    except BaseException as exc:  # noqa: BLE001 - SystemExit at import included
        line = _last_line_in(exc, Path(origin))
        where = f", строка {line}" if line else ""
        raise SubmissionLoadError(f"{origin}{where}: ошибка при импорте решения: {type(exc).__name__}: {exc}") from None
    finally:
        sys.modules.pop(name, None)
    return module


def load_module_from_file(path: Path, prefix: str = "nngrader_submission") -> types.ModuleType:
    """Import a trusted .py file (reference, mutants) under a fresh, unique module name."""
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
    """A copy of `module`'s namespace with one function replaced (how a mutant is built).

    The module's own functions are rebound to the copy, so those that call `name`
    (sigmoid_grad calling sigmoid) call the replacement — as in a student's file
    where the wrong definition comes last."""
    namespace = {k: v for k, v in vars(module).items() if not k.startswith("__")}
    namespace[name] = replacement
    globals_ = {**vars(module), name: replacement}
    for key, value in list(namespace.items()):
        if isinstance(value, types.FunctionType) and value.__globals__ is vars(module) and key != name:
            clone = types.FunctionType(value.__code__, globals_, value.__name__, value.__defaults__, value.__closure__)
            clone.__kwdefaults__ = value.__kwdefaults__
            namespace[key] = globals_[key] = clone
    return types.SimpleNamespace(**namespace)


def import_reference(course_root: Path, module: str) -> types.ModuleType:
    """`solutions.<module>` of this course, even if another course's `solutions` was imported before."""
    folder = (Path(course_root) / "solutions").resolve()
    package = sys.modules.get("solutions")
    if package is None or [Path(p).resolve() for p in getattr(package, "__path__", [])] != [folder]:
        for name in [n for n in sys.modules if n == "solutions" or n.startswith("solutions.")]:
            del sys.modules[name]
        spec = importlib.util.spec_from_file_location("solutions", folder / "__init__.py",
                                                      submodule_search_locations=[str(folder)])
        if spec is None or spec.loader is None:
            raise SubmissionLoadError(f"нет эталонной библиотеки {folder}")
        package = importlib.util.module_from_spec(spec)
        sys.modules["solutions"] = package
        spec.loader.exec_module(package)
    return importlib.import_module(f"solutions.{module}")
