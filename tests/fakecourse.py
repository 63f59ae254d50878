"""A tiny course written into tmp_path, to test the engine without the real exercises."""
from pathlib import Path
from textwrap import dedent

COURSE = """\
title: "Мини-курс"
assignments:
  - id: 01_act
    folder: exercises/01_act
    module: act
    title: "Активации"
    functions:
      relu: {points: 40, signature: "x"}
      sigmoid: {points: 60, signature: "x"}
"""

REFERENCE = """\
import numpy as np

def relu(x):
    return np.maximum(np.asarray(x, dtype=float), 0.0)

def sigmoid(x):
    x = np.asarray(x, dtype=float)
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))
"""

STARTER = """\
def relu(x):
    raise NotImplementedError

def sigmoid(x):
    raise NotImplementedError
"""

PUBLIC = """\
import numpy as np
from grader.testing import checks, assert_close

@checks("relu")
def test_relu(student):
    assert_close(student.relu(np.array([-1.0, 2.0])), [0.0, 2.0])

@checks("sigmoid")
def test_sigmoid(student):
    assert_close(student.sigmoid(0.0), 0.5)
"""

HIDDEN = """\
import numpy as np
import pytest
from grader.testing import points, assert_close, no_warnings, reference, rule, unchanged
ref = reference("act")

@rule("relu")
@points(40, "relu")
@pytest.mark.parametrize("shape", [(3,), (2, 5)])
def test_relu(student, shape):
    x = np.random.default_rng(0).normal(size=shape)
    with unchanged(x, names=("x",)):
        assert_close(student.relu(x), ref.relu(x), what=f"relu(x) для x формы {shape}")

@rule("sigmoid")
@points(30, "sigmoid")
def test_sigmoid_values(student):
    x = np.linspace(-5, 5, 11)
    assert_close(student.sigmoid(x), ref.sigmoid(x))

@rule("sigmoid-stable")
@points(30, "sigmoid")
def test_sigmoid_stable(student):
    x = np.array([-1e4, 0, 1e4])
    with no_warnings("sigmoid(±1e4)"):
        out = student.sigmoid(x)
    assert_close(out, ref.sigmoid(x))
"""

README = """\
# Активации

## Что проверяется

- `relu` — relu(x) = max(0, x) поэлементно, вход не меняется.
- `sigmoid` — sigmoid(x) = 1 / (1 + e^(−x)).
- `sigmoid-stable` — sigmoid без предупреждений при |x| до 1e4.
"""

MUTANTS = """\
import numpy as np
from grader.testing import mutant

@mutant("sigmoid", hint="Похоже, экспонента переполняется.")
def sigmoid_naive(x):
    return 1 / (1 + np.exp(-np.asarray(x, dtype=float)))

@mutant("relu", hint="Похоже, ReLU изменяет вход на месте.")
def relu_in_place(x):
    x[x < 0] = 0
    return x
"""


def make_course(root: Path, **overrides: str) -> Path:
    """Write the mini course; `overrides` replace files by key (reference, starter, public, hidden, mutants)."""
    files = {
        "course.yaml": COURSE,
        "solutions/__init__.py": "",
        "solutions/act.py": REFERENCE,
        "exercises/01_act/act.py": STARTER,
        "exercises/01_act/test_act.py": PUBLIC,
        "exercises/01_act/hidden/test_act_hidden.py": HIDDEN,
        "exercises/01_act/hidden/mutants.py": MUTANTS,
        "exercises/01_act/README.md": README,
    }
    keys = {"reference": "solutions/act.py", "starter": "exercises/01_act/act.py",
            "public": "exercises/01_act/test_act.py", "hidden": "exercises/01_act/hidden/test_act_hidden.py",
            "mutants": "exercises/01_act/hidden/mutants.py", "readme": "exercises/01_act/README.md"}
    for key, text in overrides.items():
        files[keys[key]] = text
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dedent(text), encoding="utf-8")
    return root
