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
        "ref = _types.SimpleNamespace(**{k: v for k, v in dict(globals()).items() if not k.startswith('__')})",
        _support_code(course.mutants_path(assignment)),
        mutant_source(mutant),
    ])


def assignment_mutants(course: LoadedCourse, assignment_id: str) -> list[Mutant]:
    assignment = course.course.assignment(assignment_id)
    return mutants_of(load_module_from_file(course.mutants_path(assignment), prefix="nngrader_mutants"))


_HOSTILE = {
    "patch_numpy": "np.allclose = lambda *a, **k: True\nnp.testing.assert_allclose = lambda *a, **k: None\n"
                   "print('Итого: 100 из 100')\n",
    "infinite_loop": "def softmax(z, axis=-1):\n    while True:\n        pass\n",
    "exit_at_import": "import sys\nsys.exit(0)\n",
    "memory_bomb": "def relu(x):\n    hoard = [bytearray(256 * 1024 * 1024) for _ in range(12)]\n    return hoard\n",
    "steal_reference": "import os\ndef sigmoid(x):\n    for root in ('/work', '/root', '/home', os.getcwd()):\n"
                       "        path = os.path.join(root, 'solutions', 'activations.py')\n"
                       "        if os.path.exists(path):\n            ns = {}\n            exec(open(path).read(), ns)\n"
                       "            return ns['sigmoid'](x)\n    return np.zeros(np.shape(x))\n",
}


def _notebook(code: str) -> str:
    import json
    cells = [{"cell_type": "markdown", "metadata": {}, "source": "# Решение"},
             {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [], "source": "%matplotlib inline"},
             {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [], "source": code}]
    return json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, ensure_ascii=False)


def make_mixed_class(course: LoadedCourse, assignment_id: str, out: Path, n: int, *, seed: int = 0) -> dict[str, str]:
    """A realistic class: correct, buggy (mutants), hostile, malformed, notebooks and cp1251 files.

    Returns {student folder name: kind} so callers can check what each one should get.
    """
    assignment = course.course.assignment(assignment_id)
    reference = course.solution_path(assignment).read_text(encoding="utf-8")
    mutants = assignment_mutants(course, assignment_id)
    rng = random.Random(seed)
    kinds = {}
    for i in range(n):
        kind = rng.choices(["correct", "mutant", "hostile", "malformed", "notebook", "cp1251"],
                           weights=[30, 40, 8, 7, 10, 5])[0]
        folder = out / f"student{i:04d}" / assignment.id
        folder.mkdir(parents=True, exist_ok=True)
        name, data = f"{assignment.module}.py", reference.encode("utf-8")
        if kind == "mutant" and mutants:
            mutant = rng.choice(mutants)
            kind = f"mutant {mutant.id}"
            data = mutant_submission(course, assignment_id, mutant).encode("utf-8")
        elif kind == "hostile":
            attack = rng.choice(sorted(_HOSTILE))
            kind = f"hostile {attack}"
            data = (reference + "\n\n" + _HOSTILE[attack]).encode("utf-8")
        elif kind == "malformed":
            flaw = rng.choice(["empty", "syntax", "bytes", "notebook"])
            kind = f"malformed {flaw}"
            if flaw == "empty":
                data = b""
            elif flaw == "syntax":
                data = reference.replace("def ", "def def ", 1).encode("utf-8")
            elif flaw == "bytes":
                data = b"import numpy as np\n# \x98\x98\x98\n"
            else:
                name, data = f"{assignment.module}.ipynb", b"{not a notebook"
        elif kind == "notebook":
            name, data = f"{assignment.module}.ipynb", _notebook(reference).encode("utf-8")
        elif kind == "cp1251":
            data = ("# Решение с русскими комментариями, сохранено в Windows\n" + reference).encode("cp1251", "replace")
        (folder / name).write_bytes(data)
        kinds[f"student{i:04d}"] = kind
    return kinds
