"""Python source -> per-function token streams that survive the usual disguises.

What a copier changes and how it is undone here (AST level, nothing is executed):
- identifiers: every local name and parameter becomes `V`, every function of the file `F`;
  module aliases are resolved (`np.exp`, `numpy.exp`, `from numpy import exp` -> `numpy.exp`);
- comments, docstrings, whitespace, string values: gone with the AST (strings become `S`,
  numbers `N`);
- dead code and prints: `print(...)` statements, `pass`, bare constants, constant-false branches,
  code after `return`/`raise`, assignments whose variable is never read;
- independent statements in another order: each straight-line run of statements is put in one
  canonical topological order (a statement moves only past statements it does not depend on by
  name, ties broken by the statement's own tokens);
- cosmetic rewrites: `a += b` -> `a = a + b`, `a < b` -> `b > a`, operands of commutative
  operators (`+`, `*`, `==`, `np.maximum`…) sorted.
Each token keeps the line of the original source it came from, for highlighting.
"""
from __future__ import annotations

import ast
import builtins
import copy
from dataclasses import dataclass, field

MODULE_UNIT = "<module>"
_BUILTINS = frozenset(dir(builtins))
_COMMUTATIVE_OPS = (ast.Add, ast.Mult, ast.BitAnd, ast.BitOr, ast.BitXor)
_COMMUTATIVE_CALLS = frozenset({"numpy.maximum", "numpy.minimum", "numpy.add", "numpy.multiply", "max", "min",
                                "numpy.fmax", "numpy.fmin", "numpy.logical_and", "numpy.logical_or"})
_SWAPPED = {ast.Lt: ast.Gt, ast.LtE: ast.GtE}


@dataclass
class Unit:
    """One function (or the module's top-level code) as normalised tokens."""

    name: str
    tokens: list[str]
    lines: list[int]                       # original source line of each token
    first_line: int
    last_line: int
    calls: set[str] = field(default_factory=set)  # functions of the same file it calls


@dataclass
class Normalized:
    units: dict[str, Unit]

    def reachable(self, roots: list[str]) -> list[str]:
        """Units reachable from `roots` through calls (uncalled helpers are dead code)."""
        seen: list[str] = []
        stack = [r for r in roots if r in self.units]
        while stack:
            name = stack.pop()
            if name in seen:
                continue
            seen.append(name)
            stack.extend(c for c in self.units[name].calls if c in self.units and c not in seen)
        return seen


# ---------------------------------------------------------------- module scope

def _aliases(tree: ast.Module) -> dict[str, str]:
    """Local name -> canonical dotted name for everything imported anywhere in the file."""
    found: dict[str, str] = {}
    # Top level and first level inside functions: where imports are written (a full walk costs a third of the time).
    nodes = [*tree.body, *(s for f in tree.body if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef)) for s in f.body)]
    for node in nodes:
        if isinstance(node, ast.Import):
            for alias in node.names:
                found[alias.asname or alias.name.split(".")[0]] = alias.name if alias.asname else alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                found[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return found


def _constants(tree: ast.Module) -> dict[str, object]:
    """Module names bound once to a literal (`DEBUG = False`): lets `if DEBUG:` be judged dead."""
    bound: dict[str, list] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            bound.setdefault(node.targets[0].id, []).append(node.value)
    return {k: v[0].value for k, v in bound.items() if len(v) == 1 and isinstance(v[0], ast.Constant)}


# ---------------------------------------------------------------- statement cleaning

def _is_print(stmt: ast.stmt) -> bool:
    return (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call)
            and isinstance(stmt.value.func, ast.Name) and stmt.value.func.id in ("print", "display"))


def _truth(test: ast.expr, constants: dict[str, object]) -> bool | None:
    if isinstance(test, ast.Constant):
        return bool(test.value)
    if isinstance(test, ast.Name) and test.id in constants:
        return bool(constants[test.id])
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        inner = _truth(test.operand, constants)
        return None if inner is None else not inner
    return None


def _clean_block(body: list[ast.stmt], constants: dict[str, object]) -> list[ast.stmt]:
    out: list[ast.stmt] = []
    for stmt in body:
        if isinstance(stmt, ast.Pass) or _is_print(stmt):
            continue
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
            continue  # docstrings, bare strings, `...`
        if isinstance(stmt, (ast.If, ast.While)):
            truth = _truth(stmt.test, constants)
            if truth is False:
                out.extend(_clean_block(stmt.orelse, constants) if isinstance(stmt, ast.If) else [])
                continue
            if truth is True and isinstance(stmt, ast.If):
                out.extend(_clean_block(stmt.body, constants))
                continue
        for name in ("body", "orelse", "finalbody"):
            inner = getattr(stmt, name, None)
            if isinstance(inner, list) and inner and isinstance(inner[0], ast.stmt):
                setattr(stmt, name, _clean_block(inner, constants) or [ast.Pass()])
        if isinstance(stmt, ast.Try):
            for handler in stmt.handlers:
                handler.body = _clean_block(handler.body, constants) or [ast.Pass()]
        out.append(stmt)
        if isinstance(stmt, (ast.Return, ast.Raise, ast.Continue, ast.Break)):
            break  # the rest of the block never runs
    return out


def _loads(node: ast.AST) -> list[str]:
    return [n.id for n in ast.walk(node) if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Store)]


def _dead(stmt: ast.stmt, uses: dict[str, int]) -> bool:
    if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return uses.get(stmt.name, 0) == 0
    targets = stmt.targets if isinstance(stmt, ast.Assign) else (
        [stmt.target] if isinstance(stmt, (ast.AnnAssign, ast.AugAssign)) else None)
    return bool(targets) and all(isinstance(t, ast.Name) and uses.get(t.id, 0) == 0 for t in targets)


def _drop_unused(fn: ast.FunctionDef) -> None:
    """Remove assignments to plain names nobody reads, until nothing changes (chains of dead code)."""
    blocks = [(node, name) for node in ast.walk(fn) for name in ("body", "orelse", "finalbody")
              if isinstance(getattr(node, name, None), list) and getattr(node, name)
              and isinstance(getattr(node, name)[0], ast.stmt)]
    uses: dict[str, int] = {}
    for name in _loads(fn):
        uses[name] = uses.get(name, 0) + 1
    changed, rounds = True, 0
    while changed and rounds < 100:  # each round removes at least one statement; bounded for huge files
        changed, rounds = False, rounds + 1
        for node, name in blocks:
            kept = []
            for stmt in getattr(node, name):
                if _dead(stmt, uses):
                    for loaded in _loads(stmt):  # what it read may now be dead too
                        uses[loaded] -= 1
                    changed = True
                else:
                    kept.append(stmt)
            setattr(node, name, kept or [ast.Pass()])


# ---------------------------------------------------------------- canonical rewrites

class _Rewriter(ast.NodeTransformer):
    def __init__(self, resolve, local: frozenset[str] = frozenset()):
        self.resolve = resolve
        self.local = local

    def visit_AugAssign(self, node: ast.AugAssign):
        self.generic_visit(node)
        load = copy.deepcopy(node.target)
        for n in ast.walk(load):
            if hasattr(n, "ctx"):
                n.ctx = ast.Load()
        value = self.visit_BinOp(ast.BinOp(left=load, op=node.op, right=node.value))
        return ast.copy_location(ast.Assign(targets=[node.target], value=ast.copy_location(value, node)), node)

    def visit_Compare(self, node: ast.Compare):
        self.generic_visit(node)
        if len(node.ops) == 1 and type(node.ops[0]) in _SWAPPED:
            node.left, node.comparators = node.comparators[0], [node.left]
            node.ops = [_SWAPPED[type(node.ops[0])]()]
        if len(node.ops) == 1 and isinstance(node.ops[0], (ast.Eq, ast.NotEq)):
            a, b = sorted([node.left, node.comparators[0]], key=self._key)
            node.left, node.comparators = a, [b]
        return node

    def visit_BinOp(self, node: ast.BinOp):
        self.generic_visit(node)
        if isinstance(node.op, _COMMUTATIVE_OPS):
            node.left, node.right = sorted([node.left, node.right], key=self._key)
        return node

    def visit_Call(self, node: ast.Call):
        self.generic_visit(node)
        name = _dotted(node.func, self.resolve) or (node.func.id if isinstance(node.func, ast.Name) else None)
        if len(node.args) == 2 and not node.keywords and name in _COMMUTATIVE_CALLS:
            node.args = sorted(node.args, key=self._key)
        return node

    def _key(self, node: ast.AST) -> str:
        return " ".join(_Tokenizer(self.resolve, set(), self.local).run(node)[0])


def _dotted(node: ast.expr, resolve) -> str | None:
    """`np.linalg.norm` -> "numpy.linalg.norm" when the root is an imported name, else None."""
    if isinstance(node, ast.Name):
        return resolve(node.id)
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value, resolve)
        return f"{base}.{node.attr}" if base else None
    return None


# ---------------------------------------------------------------- statement order

def _reads_writes(stmt: ast.stmt) -> tuple[set[str], set[str]]:
    reads, writes = set(), set()
    for n in ast.walk(stmt):
        if isinstance(n, ast.Name):
            (writes if isinstance(n.ctx, ast.Store) else reads).add(n.id)
        elif isinstance(n, (ast.Attribute, ast.Subscript)) and isinstance(n.ctx, ast.Store):
            base = n
            while isinstance(base, (ast.Attribute, ast.Subscript)):
                base = base.value
            if isinstance(base, ast.Name):
                writes.add(base.id)  # x[i] = … changes x
        elif isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and isinstance(n.func.value, ast.Name):
            writes.add(n.func.value.id)  # x.append(…), x.fill(…) may change x
    return reads, writes


_SIMPLE = (ast.Assign, ast.AnnAssign, ast.Expr, ast.AugAssign)
MAX_REORDER = 200  # longer straight-line runs keep their order: the canonical sort is quadratic


def _canonical_order(block: list[ast.stmt], key) -> list[ast.stmt]:
    """Each run of simple statements in the one topological order that prefers the smallest key."""
    out: list[ast.stmt] = []
    run: list[ast.stmt] = []

    def flush():
        if 1 < len(run) <= MAX_REORDER:
            rw = [_reads_writes(s) for s in run]
            keys = [key(s) for s in run]
            deps = [{i for i in range(j) if rw[i][1] & (rw[j][0] | rw[j][1]) or rw[i][0] & rw[j][1]}
                    for j in range(len(run))]
            done: set[int] = set()
            while len(done) < len(run):
                ready = [j for j in range(len(run)) if j not in done and deps[j] <= done]
                pick = min(ready, key=lambda j: (keys[j], j))
                done.add(pick)
                out.append(run[pick])
        else:
            out.extend(run)
        run.clear()

    for stmt in block:
        if isinstance(stmt, _SIMPLE):
            run.append(stmt)
            continue
        flush()
        for name in ("body", "orelse", "finalbody"):
            inner = getattr(stmt, name, None)
            if isinstance(inner, list) and inner and isinstance(inner[0], ast.stmt):
                setattr(stmt, name, _canonical_order(inner, key))
        if isinstance(stmt, ast.Try):
            for handler in stmt.handlers:
                handler.body = _canonical_order(handler.body, key)
        out.append(stmt)
    flush()
    return out


# ---------------------------------------------------------------- tokens

class _Tokenizer:
    """Pre-order walk emitting node types, operators, API names; locals -> V, own functions -> F."""

    def __init__(self, resolve, functions: set[str], local: frozenset[str] = frozenset()):
        self.resolve = resolve
        self.functions = functions
        self.local = local  # names bound in the unit: `sum = …` is a variable, not the builtin
        self.tokens: list[str] = []
        self.lines: list[int] = []
        self.calls: set[str] = set()

    def run(self, node: ast.AST, line: int = 0) -> tuple[list[str], list[int]]:
        self._visit(node, line)
        return self.tokens, self.lines

    def _emit(self, token: str, line: int) -> None:
        self.tokens.append(token)
        self.lines.append(line)

    def _visit(self, node: ast.AST, line: int) -> None:
        line = getattr(node, "lineno", line) or line
        if isinstance(node, ast.Name):
            self._emit(self._name(node.id), line)
            return
        if isinstance(node, ast.Attribute):
            dotted = _dotted(node, self.resolve)
            if dotted:
                self._emit(dotted, line)
                return
            self._visit(node.value, line)
            self._emit("." + node.attr, line)
            return
        if isinstance(node, ast.Constant):
            value = node.value
            self._emit("S" if isinstance(value, (str, bytes)) else "N" if isinstance(value, (int, float, complex))
                       and not isinstance(value, bool) else repr(value), line)
            return
        if isinstance(node, ast.JoinedStr):
            self._emit("S", line)  # an f-string is a string literal too: its text is not structure
            return
        if isinstance(node, ast.arg):
            self._emit("V", line)
            return
        if isinstance(node, ast.keyword):
            self._emit(f"{node.arg}=", line)
            self._visit(node.value, line)
            return
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            self._emit("def", line)
            self._visit(node.args, line)
            for stmt in node.body:
                self._visit(stmt, line)
            self._emit("enddef", getattr(node, "end_lineno", line) or line)
            return
        if isinstance(node, (ast.Load, ast.Store, ast.Del, ast.expr_context)):
            return
        if isinstance(node, (ast.operator, ast.unaryop, ast.cmpop, ast.boolop)):
            self._emit(type(node).__name__, line)
            return
        self._emit(type(node).__name__, line)
        for child in ast.iter_child_nodes(node):
            self._visit(child, line)
        if isinstance(node, (ast.If, ast.For, ast.While, ast.With, ast.Try)):
            self._emit("end", getattr(node, "end_lineno", line) or line)

    def _name(self, name: str) -> str:
        if name in self.local:
            return "V"
        if name in self.functions:
            self.calls.add(name)
            return "F"
        resolved = self.resolve(name)
        if resolved is not None:
            return resolved
        return name if name in _BUILTINS else "V"


def _bound(node: ast.AST) -> frozenset[str]:
    """Names a function binds itself: parameters and assignment targets."""
    names = {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    names |= {a.arg for n in ast.walk(node) if isinstance(n, ast.arguments)
              for a in (*n.posonlyargs, *n.args, *n.kwonlyargs, n.vararg, n.kwarg) if a is not None}
    return frozenset(names)


def _lambda_as_def(node: ast.stmt) -> ast.stmt:
    """`relu = lambda x: …` at module level is the function `relu` written in one line."""
    if (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
            and isinstance(node.value, ast.Lambda)):
        body = [ast.copy_location(ast.Return(node.value.body), node)]
        fn = ast.FunctionDef(name=node.targets[0].id, args=node.value.args, body=body, decorator_list=[],
                             returns=None, type_params=[])
        return ast.copy_location(fn, node)
    return node


def normalize_source(text: str) -> Normalized:
    """Units of a source text (raises SyntaxError/ValueError on code that does not parse)."""
    tree = ast.parse(text)
    aliases = _aliases(tree)
    constants = _constants(tree)

    def resolve(name: str) -> str | None:
        return aliases.get(name)

    functions: dict[str, ast.AST] = {}
    top: list[ast.stmt] = []
    for node in tree.body:
        node = _lambda_as_def(node)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            functions[node.name] = node  # a later definition replaces an earlier one, as at run time
        elif isinstance(node, ast.ClassDef):
            functions[node.name] = node
        elif not isinstance(node, (ast.Import, ast.ImportFrom)):
            top.append(node)
    own = set(functions)

    def key_of(local: frozenset[str]):
        return lambda stmt: " ".join(_Tokenizer(resolve, own, local).run(stmt)[0])

    units: dict[str, Unit] = {}
    for name, node in functions.items():
        first, last = node.lineno, node.end_lineno or node.lineno  # the tree is ours: rewritten in place
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            node.decorator_list = []
            node.body = _clean_block(node.body, constants) or [ast.Pass()]
            _drop_unused(node)
        local = _bound(node)
        node = _Rewriter(resolve, local).visit(node)
        node.body = _canonical_order(node.body, key_of(local))
        tokenizer = _Tokenizer(resolve, own - {name}, local)
        tokens, lines = tokenizer.run(node, first)
        units[name] = Unit(name, tokens, lines, first, last, tokenizer.calls)
    if top:
        rewriter = _Rewriter(resolve)
        body = _canonical_order([rewriter.visit(s) for s in _clean_block(top, constants)], key_of(frozenset()))
        tokenizer = _Tokenizer(resolve, own)
        for stmt in body:
            tokenizer.run(stmt, stmt.lineno)
        if tokenizer.tokens:
            units[MODULE_UNIT] = Unit(MODULE_UNIT, tokenizer.tokens, tokenizer.lines, top[0].lineno,
                                      top[-1].end_lineno or top[-1].lineno, tokenizer.calls)
    return Normalized(units)
