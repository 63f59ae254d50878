"""Helpers for tests that play a student: fill a released notebook with the reference solution."""
from __future__ import annotations

import ast
import copy
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def reference_pieces(module: str) -> tuple[dict[str, str], str]:
    """(function name -> its source, the module's other code: imports, constants, private helpers)."""
    source = (ROOT / "solutions" / f"{module}.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    functions, rest = {}, []
    for node in tree.body:
        segment = ast.get_source_segment(source, node)
        if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
            functions[node.name] = segment
        elif not (isinstance(node, ast.Expr) and isinstance(getattr(node, "value", None), ast.Constant)):
            rest.append(segment)
    return functions, "\n\n".join(rest)


def fill_notebook(notebook, module: str, *, skip: tuple[str, ...] = ()):
    """A copy of a released notebook whose function cells hold the reference (except `skip`)."""
    functions, helpers = reference_pieces(module)
    nb = copy.deepcopy(notebook)
    first_code = next(c for c in nb.cells if c.cell_type == "code")
    first_code.source += "\n\n" + helpers
    for cell in nb.cells:
        info = cell.metadata.get("nngrader", {})
        if info.get("role") == "solution" and info.get("function") in functions and info["function"] not in skip:
            cell.source = functions[info["function"]]
    return nb


def role_cells(notebook, role: str) -> list:
    return [c for c in notebook.cells if c.metadata.get("nngrader", {}).get("role") == role]
