"""Split a starter module into what a notebook needs: docstring, set-up code, one piece per function."""
from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class FunctionPiece:
    name: str
    head: str  # decorators, signature and the Russian docstring
    body: str  # the rest (the NotImplementedError line), with its original indentation

    @property
    def source(self) -> str:
        return f"{self.head}\n{self.body}" if self.body else self.head

    @property
    def indent(self) -> str:
        first = next((line for line in self.body.splitlines() if line.strip()), "    ")
        return first[: len(first) - len(first.lstrip())] or "    "


@dataclass(frozen=True)
class StarterParts:
    docstring: str
    setup: str                       # top-level code that is not a function (imports, constants)
    functions: list[FunctionPiece]

    def function(self, name: str) -> FunctionPiece | None:
        return next((f for f in self.functions if f.name == name), None)


def split_starter(path: Path) -> StarterParts:
    text = Path(path).read_text(encoding="utf-8")
    tree = ast.parse(text)
    lines = text.splitlines()
    docstring = ast.get_docstring(tree) or ""
    setup: list[str] = []
    functions: list[FunctionPiece] = []
    for index, node in enumerate(tree.body):
        if index == 0 and docstring and isinstance(node, ast.Expr):
            continue
        start = min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", []))]) - 1
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            has_doc = ast.get_docstring(node) is not None
            split = node.body[0].end_lineno if has_doc else node.body[0].lineno - 1
            head = "\n".join(lines[start:split]).rstrip()
            body = "\n".join(lines[split:node.end_lineno]).strip("\n")
            functions.append(FunctionPiece(node.name, head, body))
        else:
            setup.append("\n".join(lines[start:node.end_lineno]).rstrip())
    return StarterParts(docstring, "\n".join(setup), functions)
