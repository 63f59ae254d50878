"""Synthetic classes of submissions (for benchmarks and tests): correct ones and typical mistakes.

Each buggy submission is the reference file with one mutant appended under the
function's own name (the last definition wins), so it is a plausible student
file with exactly one known mistake.
"""
from __future__ import annotations

import ast
import inspect
import random
import textwrap
from pathlib import Path

from ..course import LoadedCourse
from ..harness.loader import load_module_from_file
from ..testing import Mutant, mutants_of


def mutant_source(mutant: Mutant) -> str:
    """The mutant's code renamed to the function it replaces."""
    source = textwrap.dedent(inspect.getsource(mutant.replacement))
    lines = source.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("def "))  # after the (multi-line) decorator
    header = lines[start].replace(f"def {mutant.name}(", f"def {mutant.function}(", 1)
    return "\n".join([header, *lines[start + 1:]]) + "\n"


def _support_code(mutants_file: Path) -> str:
    """What mutants.py defines besides the mutants (helpers, constants), minus its use of the engine."""
    text = mutants_file.read_text(encoding="utf-8")
    tree = ast.parse(text)
    keep = []
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("grader"):
            continue
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) \
                and getattr(node.value.func, "id", None) == "reference":
            continue  # `ref = reference(...)`: rebuilt below from the file's own reference functions
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and any(
                isinstance(d, ast.Call) and getattr(d.func, "id", None) == "mutant" for d in node.decorator_list):
            continue
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue  # docstring
        keep.append(ast.get_source_segment(text, node, padded=False) or "")
    return "\n\n".join(keep)


def make_class(course: LoadedCourse, assignment_id: str, out: Path, n: int, *, correct_share: float = 0.5,
               seed: int = 0) -> Path:
    """Write `n` students' folders `<student>/<assignment>/<module>.py` under `out`."""
    assignment = course.course.assignment(assignment_id)
    reference = course.solution_path(assignment).read_text(encoding="utf-8")
    mutants = assignment_mutants(course, assignment_id)
    rng = random.Random(seed)
    for i in range(n):
        folder = out / f"student{i:04d}" / assignment.id
        folder.mkdir(parents=True, exist_ok=True)
        text = reference
        if mutants and rng.random() >= correct_share:
            text = mutant_submission(course, assignment_id, rng.choice(mutants))
        (folder / f"{assignment.module}.py").write_text(text, encoding="utf-8")
    return out


def mutant_submission(course: LoadedCourse, assignment_id: str, mutant: Mutant) -> str:
    """A whole student file: the reference with one mutant appended (the last definition wins).

    Mutants may call the reference as `ref.<name>` and helpers of mutants.py;
    both are provided inside the file, so it runs with numpy alone.
    """
    assignment = course.course.assignment(assignment_id)
    reference = course.solution_path(assignment).read_text(encoding="utf-8")
    return "\n\n".join([
        reference,
        f"# ---- typical mistake {mutant.id}",
        "import types as _types\n"
        "ref = _types.SimpleNamespace(**{k: v for k, v in dict(globals()).items() if callable(v)})",
        _support_code(course.mutants_path(assignment)),
        mutant_source(mutant),
    ])


def assignment_mutants(course: LoadedCourse, assignment_id: str) -> list[Mutant]:
    assignment = course.course.assignment(assignment_id)
    return mutants_of(load_module_from_file(course.mutants_path(assignment), prefix="nngrader_mutants"))
