"""Generate a synthetic class of submissions for one assignment: correct ones and typical mistakes.

Each buggy submission is the reference file with one mutant appended under the
function's own name (the last definition wins), so it is a plausible student
file with exactly one known mistake.
"""
from __future__ import annotations

import inspect
import random
import textwrap
from pathlib import Path

from grader.course import LoadedCourse
from grader.harness.loader import load_module_from_file
from grader.testing import mutants_of


def mutant_source(mutant) -> str:
    source = textwrap.dedent(inspect.getsource(mutant.replacement))
    lines = [line for line in source.splitlines() if not line.lstrip().startswith("@")]
    header = lines[0].replace(f"def {mutant.name}(", f"def {mutant.function}(", 1)
    return "\n".join([header, *lines[1:]]) + "\n"


def make_class(course: LoadedCourse, assignment_id: str, out: Path, n: int, *, correct_share: float = 0.5,
               seed: int = 0) -> Path:
    assignment = course.course.assignment(assignment_id)
    reference = course.solution_path(assignment).read_text(encoding="utf-8")
    mutants = mutants_of(load_module_from_file(course.mutants_path(assignment), prefix="bench_mutants"))
    rng = random.Random(seed)
    for i in range(n):
        folder = out / f"student{i:04d}" / assignment.id
        folder.mkdir(parents=True, exist_ok=True)
        text = reference
        if mutants and rng.random() >= correct_share:
            mutant = rng.choice(mutants)
            text += "\n\n# mutant " + mutant.id + "\nimport numpy as np\n" + mutant_source(mutant)
        (folder / f"{assignment.module}.py").write_text(text, encoding="utf-8")
    return out
