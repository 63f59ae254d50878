"""The student's notebook: statement as Markdown, one code cell per function, a self-check after each.

Every cell carries `metadata.nngrader.role` ("statement", "howto", "setup",
"solution", "check", "final") and, for solution/check cells, the function's name, so that
the nbgrader variant (grader.nbgrader_interop.source) can add its metadata
without re-parsing anything.
"""
from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from ..course import Assignment
from .starter import StarterParts, split_starter
from .statement import markdown_cells

CHECK_IMPORT = '''\
# Самопроверка: check("имя_функции") запускает публичные тесты одной функции, check() — всех.
# Нужен движок курса: {install}. На оценку эта ячейка не влияет.
try:
    from grader import check
except ImportError:
    def check(*functions, **options):
        print("Самопроверка недоступна: установите движок курса ({install}) и перезапустите ядро.")'''


def check_import(wheel: str | None = None) -> str:
    install = f"pip install {wheel} — файл лежит рядом с блокнотом" if wheel else "pip install nngrader"
    return CHECK_IMPORT.format(install=install)

KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}


def how_to(assignment: Assignment, notebook_name: str) -> str:
    return (f"## Как работать с этим блокнотом\n\n"
            f"1. Выполните две первые ячейки с кодом (импорт NumPy и самопроверки).\n"
            f"2. Впишите тело каждой функции в её ячейку вместо `raise NotImplementedError(...)`; "
            f"имена функций и аргументов не меняйте.\n"
            f"3. После каждой функции есть ячейка `check(\"…\")`: она запускает публичные тесты этой функции "
            f"и показывает, что не так. В конце блокнота `check()` проверяет всё сразу.\n"
            f"4. Сдайте файл `{notebook_name}` целиком. Оценку ставят скрытые тесты: они выполняют только "
            f"ячейки с кодом и никогда не выполняют ячейки самопроверки, так что удалять или менять их можно.\n\n"
            f"Пишите код только на NumPy; команды `!pip …` и `%…` при проверке не выполняются.")


def function_title(assignment: Assignment, name: str) -> str:
    spec = assignment.functions.get(name)
    if spec is None:
        return f"### `{name}` (вспомогательная)"
    return f"### `{name}({spec.signature})` — {spec.points:g} б."


def _cell(kind, source: str, role: str, function: str | None = None):
    cell = kind(source)
    cell.metadata["nngrader"] = {"role": role, **({"function": function} if function else {})}
    return cell


def ordered_functions(assignment: Assignment, parts: StarterParts) -> list[str]:
    """API functions in course.yaml order, then the starter's own helpers."""
    names = [n for n in assignment.functions if parts.function(n) is not None]
    return names + [f.name for f in parts.functions if f.name not in assignment.functions]


def build_notebook(assignment: Assignment, statement: str, starter: Path,
                   wheel: str | None = None) -> nbformat.NotebookNode:
    parts = split_starter(starter)
    missing = [n for n in assignment.functions if parts.function(n) is None]
    if missing:
        raise ValueError(f"в заготовке {starter} нет функций {', '.join(missing)} из course.yaml")
    notebook_name = f"{assignment.module}.ipynb"
    cells = [_cell(new_markdown_cell, text, "statement") for text in markdown_cells(statement)]
    cells.insert(1, _cell(new_markdown_cell, how_to(assignment, notebook_name), "howto"))
    if parts.setup.strip():
        cells.append(_cell(new_code_cell, parts.setup, "setup"))
    cells.append(_cell(new_code_cell, check_import(wheel), "setup"))
    for name in ordered_functions(assignment, parts):
        piece = parts.function(name)
        cells.append(_cell(new_markdown_cell, function_title(assignment, name), "statement", name))
        cells.append(_cell(new_code_cell, piece.source, "solution", name))
        if name in assignment.functions:
            cells.append(_cell(new_code_cell, f'check("{name}")', "check", name))
    final = "## Итоговая самопроверка\n\nВсе публичные тесты задания разом."
    cells.append(_cell(new_markdown_cell, final, "statement"))
    cells.append(_cell(new_code_cell, "check()", "final"))
    _stable_ids(cells)
    notebook = new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = dict(KERNELSPEC)
    notebook.metadata["language_info"] = {"name": "python"}
    notebook.metadata["nngrader"] = {"assignment": assignment.id, "module": assignment.module}
    nbformat.validate(notebook)
    return notebook


def _stable_ids(cells: list) -> None:
    """Cell ids from roles and function names: a re-release differs only where the content does."""
    used: set[str] = set()
    for index, cell in enumerate(cells):
        info = cell.metadata["nngrader"]
        base = f"{info['role']}-{info['function']}" if "function" in info else f"{info['role']}-{index}"
        if info["role"] == "statement" and "function" in info:
            base = f"title-{info['function']}"
        cell_id, n = base[:60], 1
        while cell_id in used:
            n += 1
            cell_id = f"{base[:56]}-{n}"
        used.add(cell_id)
        cell.id = cell_id


def write_notebook(notebook: nbformat.NotebookNode, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, str(path))
    return path
