"""Disguised copies of a solution, at increasing strength (what a student who copies does).

Levels are cumulative:
  1 cosmetic  — comments, docstrings, error-message strings and layout changed;
  2 rename    — plus local variables, parameters (except keyword API ones), helpers and the numpy alias renamed;
  3 reorder   — plus functions shuffled and independent neighbouring statements swapped;
  4 dead code — plus unused variables, prints, `if False:` blocks and an uncalled helper; saved as .ipynb;
  5 rewrite   — plus small equivalent rewrites the detector does not undo fully: a temporary for each
                returned expression, `x > 0` written `0 < x`, `a = a + b` written `a += b`, swapped operands;
  6 partial   — level 3, but only half of the functions are copied: the other half is the course's
                reference solution (what a student who copied half and wrote the rest "by the book" hands in);
  7 restructure — level 5 plus control-flow rewrites the detector was not built around: `if c: A else: B`
                becomes `if not c: B else: A`, `for i in range(n)` a `while` loop, `x ** 2` becomes `x * x`,
                and half of the functions move their body into a new helper they call.
Deterministic for a seed. Run as a script to rebuild the copies folder:
    python tests/similarity_corpus/disguise.py
"""
from __future__ import annotations

import ast
import copy
import json
import random
from pathlib import Path

LEVELS = {1: "cosmetic", 2: "rename", 3: "reorder", 4: "deadcode", 5: "rewrite", 6: "partial", 7: "restructure"}
KEEP_NAMES = {"alpha", "axis", "self"}   # keyword parameters the tests may pass by name
_POOL = ["val", "arr", "inp", "data", "res", "tmp", "buf", "vec", "mat", "q", "w", "u", "h", "acc", "out_",
         "sig", "ee", "mx", "total", "prob", "grad_", "mask_", "ones_", "eps_", "item", "cur", "nxt", "aux"]
_COMMENTS = ["# считаем поэлементно", "# так численно устойчивее", "# проверка формы", "# см. формулу из условия",
             "# TODO: ускорить", "# векторизовано", "# без циклов", "# возвращаем результат"]


def _names_in(fn: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(fn) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)} | {
        a.arg for n in ast.walk(fn) if isinstance(n, (ast.FunctionDef, ast.Lambda)) for a in
        n.args.args + n.args.kwonlyargs + n.args.posonlyargs}


class _Rename(ast.NodeTransformer):
    def __init__(self, mapping: dict[str, str]):
        self.mapping = mapping

    def visit_Name(self, node):
        node.id = self.mapping.get(node.id, node.id)
        return node

    def visit_arg(self, node):
        node.arg = self.mapping.get(node.arg, node.arg)
        return node

    def visit_FunctionDef(self, node):
        node.name = self.mapping.get(node.name, node.name)
        self.generic_visit(node)
        return node

    def visit_alias(self, node):
        if node.asname:
            node.asname = self.mapping.get(node.asname, node.asname)
        return node


class _Strings(ast.NodeTransformer):
    """New texts for error messages only: other strings (einsum subscripts, dtype names) are code."""

    def __init__(self, rng):
        self.rng = rng
        self.inside_raise = False

    def visit_Raise(self, node):
        self.inside_raise = True
        self.generic_visit(node)
        self.inside_raise = False
        return node

    def visit_Constant(self, node):
        if isinstance(node.value, str) and self.inside_raise:
            node.value = self.rng.choice(["неверный вход", "ошибка аргумента", "bad input", "нужен массив"])
        return node

    def visit_JoinedStr(self, node):
        if not self.inside_raise:
            return node
        return ast.copy_location(ast.Constant(self.rng.choice(["неверная форма", "ошибка: форма"])), node)


def _strip_docstrings(tree: ast.Module) -> None:
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
            node.body = body[1:] or [ast.Pass()]


def _deps(a: ast.stmt, b: ast.stmt) -> bool:
    def rw(s):
        r = {n.id for n in ast.walk(s) if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Store)}
        w = {n.id for n in ast.walk(s) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
        w |= {n.value.id for n in ast.walk(s) if isinstance(n, ast.Subscript) and isinstance(n.ctx, ast.Store)
              and isinstance(n.value, ast.Name)}
        w |= {n.func.value.id for n in ast.walk(s) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
              and isinstance(n.func.value, ast.Name)}
        return r, w
    (ra, wa), (rb, wb) = rw(a), rw(b)
    return bool(wa & (rb | wb) or ra & wb)


def _swap_independent(body: list[ast.stmt], rng) -> list[ast.stmt]:
    body = list(body)
    simple = (ast.Assign, ast.AugAssign, ast.Expr)
    for i in range(len(body) - 1):
        if isinstance(body[i], simple) and isinstance(body[i + 1], simple) and not _deps(body[i], body[i + 1]) \
                and rng.random() < 0.8:
            body[i], body[i + 1] = body[i + 1], body[i]
    for stmt in body:
        for name in ("body", "orelse"):
            inner = getattr(stmt, name, None)
            if isinstance(inner, list) and inner and isinstance(inner[0], ast.stmt):
                setattr(stmt, name, _swap_independent(inner, rng))
    return body


def _dead_code(fn: ast.FunctionDef, rng, np_name: str) -> None:
    param = fn.args.args[0].arg if fn.args.args else "None"
    junk = [f"debug_{rng.randint(0, 99)} = {np_name}.shape({param})",
            f"print('отладка', {param})",
            f"if False:\n    {param} = {np_name}.zeros(3)",
            f"_unused_{rng.randint(0, 99)} = {rng.randint(2, 9)} * {rng.randint(2, 9)}"]
    for snippet in rng.sample(junk, 2):
        fn.body.insert(rng.randint(0, max(0, len(fn.body) - 1)), ast.parse(snippet).body[0])


class _Rewrite(ast.NodeTransformer):
    def __init__(self, rng):
        self.rng = rng

    def visit_Compare(self, node):
        self.generic_visit(node)
        flip = {ast.Gt: ast.Lt, ast.GtE: ast.LtE, ast.Lt: ast.Gt, ast.LtE: ast.GtE}
        if len(node.ops) == 1 and type(node.ops[0]) in flip:
            node.left, node.comparators, node.ops = node.comparators[0], [node.left], [flip[type(node.ops[0])]()]
        return node

    def visit_BinOp(self, node):
        self.generic_visit(node)
        if isinstance(node.op, (ast.Add, ast.Mult)) and self.rng.random() < 0.7:
            node.left, node.right = node.right, node.left
        return node

    def visit_Assign(self, node):
        self.generic_visit(node)
        t = node.targets[0]
        if len(node.targets) == 1 and isinstance(t, ast.Name) and isinstance(node.value, ast.BinOp) \
                and isinstance(node.value.left, ast.Name) and node.value.left.id == t.id:
            return ast.copy_location(ast.AugAssign(target=t, op=node.value.op, value=node.value.right), node)
        return node

    def visit_FunctionDef(self, node):
        self.generic_visit(node)
        body = []
        for stmt in node.body:
            if isinstance(stmt, ast.Return) and isinstance(stmt.value, (ast.BinOp, ast.Call, ast.Subscript)):
                name = self.rng.choice(["result", "answer", "out", "ret"])
                body.append(ast.parse(f"{name} = 0").body[0])
                body[-1].value = stmt.value
                body.append(ast.Return(ast.Name(name, ast.Load())))
            else:
                body.append(stmt)
        node.body = body
        return node


def disguise(source: str, level: int, seed: int, api: set[str]) -> str:
    """The source copied and disguised at `level` (1..5)."""
    rng = random.Random(seed)
    tree = ast.parse(source)
    _strip_docstrings(tree)
    tree = _Strings(rng).visit(tree)
    np_name = "np"
    if level >= 2:
        mapping: dict[str, str] = {}
        pool = list(_POOL)
        rng.shuffle(pool)
        for fn in [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.Lambda))]:
            for name in sorted(_names_in(fn) - KEEP_NAMES - api):
                mapping.setdefault(name, pool.pop() if pool else f"v{len(mapping)}")
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.name not in api:
                mapping[node.name] = f"_helper_{rng.randint(1, 99)}"
            if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name) and node.targets[0].id not in api:
                mapping.setdefault(node.targets[0].id, f"G_{rng.randint(1, 99)}")
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name == "numpy":
                        mapping[alias.asname or "numpy"] = np_name = rng.choice(["nump", "xp", "npy", "N"])
                        alias.asname = np_name
        tree = _Rename(mapping).visit(tree)
    if level >= 3:
        imports = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]
        rest = [n for n in tree.body if n not in imports]
        defs = [n for n in rest if isinstance(n, ast.FunctionDef)]
        others = [n for n in rest if not isinstance(n, ast.FunctionDef)]
        rng.shuffle(defs)
        tree.body = imports + others + defs  # module constants first: functions may use them at import
        for fn in defs:
            fn.body = _swap_independent(fn.body, rng)
    if level >= 4:
        for fn in [n for n in tree.body if isinstance(n, ast.FunctionDef)]:
            _dead_code(fn, rng, np_name)
        tree.body.append(ast.parse(f"def _never_called(a):\n    b = {np_name}.isfinite(a)\n    return b.all()").body[0])
    if level >= 5:
        tree = _Rewrite(rng).visit(tree)
    ast.fix_missing_locations(tree)
    return _decorate(ast.unparse(tree), rng)


class _Restructure(ast.NodeTransformer):
    def visit_If(self, node):
        self.generic_visit(node)
        if node.orelse:
            node.test = ast.UnaryOp(ast.Not(), node.test)
            node.body, node.orelse = node.orelse, node.body
        return node

    def visit_BinOp(self, node):
        self.generic_visit(node)
        if isinstance(node.op, ast.Pow) and isinstance(node.right, ast.Constant) and node.right.value == 2 \
                and isinstance(node.left, (ast.Name, ast.Call, ast.Attribute)):
            return ast.BinOp(node.left, ast.Mult(), node.left)
        return node

    def visit_For(self, node):
        self.generic_visit(node)
        it = node.iter
        if isinstance(node.target, ast.Name) and isinstance(it, ast.Call) and isinstance(it.func, ast.Name) \
                and it.func.id == "range" and len(it.args) == 1 and not node.orelse:
            name = node.target.id
            loop = ast.parse(f"{name} = 0\nwhile {name} < 0:\n    {name} += 1").body
            loop[1].test.comparators = [it.args[0]]
            loop[1].body = [*node.body, loop[1].body[0]]
            return loop
        return node


def restructure(source: str, seed: int, api: set[str]) -> str:
    """Level 7: level 5, then control flow rewritten and half the functions' bodies moved into helpers."""
    rng = random.Random(seed)
    tree = _Restructure().visit(ast.parse(disguise(source, 5, seed, api)))
    body = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name in api and rng.random() < 0.5:
            helper = f"_impl_{rng.randint(100, 999)}"
            params = [a.arg for a in node.args.args]
            inner = ast.FunctionDef(name=helper, args=copy.deepcopy(node.args), body=node.body, decorator_list=[],
                                    returns=None, type_params=[])
            inner.args.defaults = []
            node.body = [ast.parse(f"return {helper}({', '.join(params)})").body[0]]
            body.extend([inner, node])
        else:
            body.append(node)
    tree.body = body
    ast.fix_missing_locations(tree)
    return _decorate(ast.unparse(tree), rng)


def partial(source: str, donor: str, seed: int, api: set[str]) -> str:
    """Level-3 copy of `source` in which a random half of the API functions come from `donor` instead."""
    rng = random.Random(seed)
    copied = ast.parse(disguise(source, 3, seed, api))
    theirs = ast.parse(donor)
    _strip_docstrings(theirs)
    replaced = set(rng.sample(sorted(api), len(api) // 2))
    donor_defs = {n.name: n for n in theirs.body if isinstance(n, ast.FunctionDef)}
    body = [donor_defs[n.name] if isinstance(n, ast.FunctionDef) and n.name in replaced and n.name in donor_defs
            else n for n in copied.body]
    have = {n.name for n in body if isinstance(n, ast.FunctionDef)}
    helpers = [n for n in theirs.body if isinstance(n, ast.FunctionDef) and n.name not in api and n.name not in have]
    copied.body = [ast.parse("import numpy as np").body[0], *body, *helpers]
    return _decorate(ast.unparse(copied), rng)


def _decorate(code: str, rng) -> str:
    """New comments and blank lines (ast.unparse dropped the old ones)."""
    out = ["# Решение задания 02 — активации"]
    for line in code.splitlines():
        if line.startswith("def ") and rng.random() < 0.6:
            out.append("")
            out.append(rng.choice(_COMMENTS))
        elif line.startswith("    ") and rng.random() < 0.15:
            out.append("    " + rng.choice(_COMMENTS))
        out.append(line)
    return "\n".join(out) + "\n"


def as_notebook(code: str) -> str:
    """One code cell per top-level block, with a markdown title and a check cell, like a student's notebook."""
    tree = ast.parse(code)
    lines = code.splitlines()
    cells = [{"cell_type": "markdown", "metadata": {}, "source": ["# Задание 02\n"]}]
    for node in tree.body:
        text = "\n".join(lines[node.lineno - 1:node.end_lineno])
        cells.append({"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
                      "source": text.splitlines(keepends=True)})
    cells.append({"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
                  "source": ["%matplotlib inline\n", "import numpy as np\n", "print(relu(np.array([-1.0, 2.0])))\n"]})
    notebook = {"cells": cells, "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                              "language": "python"}},
                "nbformat": 4, "nbformat_minor": 5}
    return json.dumps(notebook, ensure_ascii=False, indent=1)


COPIES_PER_LEVEL = 2


def build(originals: Path, copies: Path, api: set[str], reference: str) -> list[Path]:
    """Write COPIES_PER_LEVEL copies of every original at every level; returns the files written."""
    copies.mkdir(parents=True, exist_ok=True)
    written = []
    for number, original in enumerate(sorted(originals.glob("*.py"))):
        text = original.read_text(encoding="utf-8")
        for level in LEVELS:
            for copy_no in range(COPIES_PER_LEVEL):
                seed = 1000 * number + 10 * level + copy_no
                code = partial(text, reference, seed, api) if level == 6 else \
                    restructure(text, seed, api) if level == 7 else disguise(text, level, seed, api)
                name = f"{original.stem}__L{level}{LEVELS[level]}_{'ab'[copy_no]}"
                if level in (4, 5) and copy_no == 0:
                    target = copies / f"{name}.ipynb"
                    target.write_text(as_notebook(code), encoding="utf-8")
                else:
                    target = copies / f"{name}.py"
                    target.write_text(code, encoding="utf-8")
                written.append(target)
    return written


API_02 = {"relu", "relu_grad", "leaky_relu", "leaky_relu_grad", "sigmoid", "sigmoid_grad", "tanh_grad",
          "softmax", "softmax_jacobian"}

if __name__ == "__main__":
    here = Path(__file__).resolve().parent / "02_activations"
    for old in (here / "copies").glob("*"):
        old.unlink()
    reference = (here.parents[2] / "solutions" / "activations.py").read_text(encoding="utf-8")
    files = build(here / "originals", here / "copies", API_02, reference)
    print(f"записано копий: {len(files)}")
