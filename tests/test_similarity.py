"""Similarity: what normalisation undoes, what is subtracted, how pairs score."""
from __future__ import annotations

import importlib.util
import sys
import json
from pathlib import Path

import numpy as np
import pytest

from grader.similarity.fingerprint import K, W, kgram_hashes, winnow
from grader.similarity.normalize import normalize_source
from grader.similarity.score import analyse, clusters
from grader.similarity.sources import Source, statement_code
from grader.submission import notebook_source

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "similarity_corpus"
ORIGINALS = sorted((CORPUS / "02_activations" / "originals").glob("*.py"))


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"similarity_corpus_{name}", CORPUS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


disguise = _load("disguise")


def tokens(source: str) -> dict[str, list[str]]:
    return {name: unit.tokens for name, unit in normalize_source(source).units.items()}


# ---------------------------------------------------------------- normalisation

@pytest.mark.parametrize("original", ORIGINALS, ids=lambda p: p.stem)
@pytest.mark.parametrize("level", [1, 2, 3, 4])
def test_disguises_up_to_dead_code_leave_every_function_unchanged(original, level):
    source = original.read_text(encoding="utf-8")
    mine = tokens(source)
    for seed in range(2):
        copied = tokens(disguise.disguise(source, level, seed, disguise.API_02))
        for function in disguise.API_02 & set(mine):
            assert copied[function] == mine[function], (function, level, seed)


def test_renaming_comments_strings_and_layout_do_not_matter():
    a = '''
import numpy as np
def softmax(z, axis=-1):
    """Softmax."""
    m = np.max(z, axis=axis, keepdims=True)  # shift
    e = np.exp(z - m)
    if e.ndim == 0:
        raise ValueError("плохо")
    return e / e.sum(axis=axis, keepdims=True)
'''
    b = '''
import numpy as numpy_lib
from numpy import exp as EXP
def softmax(logits, axis = -1):
    top  =  numpy_lib.max(logits, axis=axis, keepdims=True)
    ex = EXP(logits - top)


    if ex.ndim == 0: raise ValueError(f"bad {ex}")
    return ex / ex.sum(axis=axis, keepdims=True)
'''
    assert tokens(a)["softmax"] == tokens(b)["softmax"]


def test_dead_code_prints_and_unused_variables_are_removed():
    clean = "import numpy as np\ndef f(x):\n    y = np.exp(x)\n    return y * 2\n"
    noisy = '''import numpy as np
DEBUG = False
def f(x):
    print("входим", x)
    unused = np.zeros(3)
    chain = unused + 1
    y = np.exp(x)
    if DEBUG:
        print(y)
    if False:
        y = 0
    pass
    return y * 2
    print("never")
'''
    assert tokens(noisy)["f"] == tokens(clean)["f"]


def test_independent_statements_reorder_but_dependent_ones_do_not():
    a = "def f(x):\n    a = x + 1\n    b = x * 2\n    c = a - b\n    return c\n"
    b = "def f(x):\n    b = x * 2\n    a = x + 1\n    c = a - b\n    return c\n"
    assert tokens(a)["f"] == tokens(b)["f"]
    first = "def f(x):\n    x = x + 1\n    y = x * 2\n    return y\n"
    swapped = "def f(x):\n    y = x * 2\n    x = x + 1\n    return y\n"  # a different program
    assert tokens(first)["f"] != tokens(swapped)["f"]


def test_commutative_operands_comparisons_and_augmented_assignment_are_canonical():
    a = "import numpy as np\ndef f(x, s):\n    s = s + x * 2\n    return np.where(x > 0, np.maximum(x, 0), s)\n"
    b = "import numpy as np\ndef f(x, s):\n    s += 2 * x\n    return np.where(0 < x, np.maximum(0, x), s)\n"
    assert tokens(a)["f"] == tokens(b)["f"]


def test_notebook_reads_like_the_same_py_file():
    source = ORIGINALS[0].read_text(encoding="utf-8")
    notebook, _ = notebook_source(disguise.as_notebook(source).encode("utf-8"), "activations.ipynb")
    py, nb = tokens(source), tokens(notebook)
    for function in disguise.API_02:
        assert nb[function] == py[function]


def test_uncalled_helpers_are_not_reachable():
    normalized = normalize_source("def _used(x):\n    return x\ndef _dead(x):\n    return x + 1\n"
                                  "def relu(x):\n    return _used(x)\n")
    assert normalized.reachable(["relu"]) == ["relu", "_used"]


# ---------------------------------------------------------------- winnowing

def test_winnowing_keeps_a_fingerprint_of_every_long_enough_shared_run():
    rng = np.random.default_rng(0)
    vocabulary = [f"t{i}" for i in range(30)]
    for _ in range(50):
        shared = list(rng.choice(vocabulary, K + W - 1))
        a = list(rng.choice(vocabulary, 40)) + shared + list(rng.choice(vocabulary, 40))
        b = list(rng.choice(vocabulary, 17)) + shared
        ha, hb = kgram_hashes(a), kgram_hashes(b)
        assert {ha[p] for p in winnow(ha)} & {hb[p] for p in winnow(hb)}


# ---------------------------------------------------------------- scoring

def _reference() -> str:
    return (ROOT / "solutions" / "activations.py").read_text(encoding="utf-8")


def _starter() -> str:
    return (ROOT / "exercises" / "02_activations" / "activations.py").read_text(encoding="utf-8")


FUNCTIONS = sorted(disguise.API_02)


def _class(texts: dict[str, str], base: list[str] | None = None):
    sources = [Source(name, name, f"{name}.py", text) for name, text in texts.items()]
    return analyse(sources, [_starter(), _reference()] if base is None else base, FUNCTIONS)


def test_starter_and_reference_are_subtracted():
    # Three students hand in the reference solution; two hand in the bare starter: nobody copied anybody
    # that the course did not hand out or expect.
    analysis = _class({"a": _reference(), "b": _reference(), "c": _reference(), "d": _starter(), "e": _starter()})
    assert np.all(analysis.file_scores == 0)
    without_base = _class({"a": _reference(), "b": _reference(), "c": _starter()}, base=[])
    assert without_base.file_scores[0, 1] == pytest.approx(1.0)  # the same files do match without a base


def test_a_short_shared_function_counts_little():
    one_liner = "import numpy as np\ndef relu(x):\n    return np.clip(np.asarray(x, dtype=float), 0, None) * 1.0\n"
    a = ORIGINALS[0].read_text(encoding="utf-8") + "\n" + one_liner
    b = ORIGINALS[1].read_text(encoding="utf-8") + "\n" + one_liner
    analysis = _class({"a": a, "b": b, "c": ORIGINALS[2].read_text(encoding="utf-8")})
    assert analysis.function_scores["relu"][0, 1] > 0     # the function does match…
    assert analysis.file_scores[0, 1] < 0.25              # …but two files sharing only it are not alarming


def test_copies_rank_first_and_form_a_cluster():
    texts = {p.stem: p.read_text(encoding="utf-8") for p in ORIGINALS[:6]}
    source = texts[ORIGINALS[2].stem]
    texts["copy_1"] = disguise.disguise(source, 3, 1, disguise.API_02)
    texts["copy_2"] = disguise.disguise(source, 4, 2, disguise.API_02)
    analysis = _class(texts)
    names = [d.source.student_id for d in analysis.documents]
    ring = {ORIGINALS[2].stem, "copy_1", "copy_2"}
    top3 = [{names[i], names[j]} for i, j in analysis.ranked_pairs(3)]
    assert all(pair <= ring for pair in top3)
    assert np.all((analysis.file_scores >= 0) & (analysis.file_scores <= 1))
    assert np.allclose(analysis.file_scores, analysis.file_scores.T)
    groups = clusters(analysis, 0.5)
    assert [{names[m] for m in g} for g in groups] == [ring]
    i, j = names.index("copy_1"), names.index("copy_2")
    assert np.nanmin([analysis.function_scores[f][i, j] for f in FUNCTIONS]) >= 0.0
    assert analysis.function_scores["softmax"][i, j] > 0.5


def test_a_function_missing_on_one_side_has_no_score():
    a = "import numpy as np\ndef sigmoid(x):\n    return 1 / (1 + np.exp(-x))\n"
    analysis = _class({"a": a, "b": ORIGINALS[0].read_text(encoding="utf-8")})
    assert np.isnan(analysis.function_scores["relu"][0, 1])


def test_statement_examples_become_code():
    readme = "Текст\n```python\n>>> import numpy as np\n>>> relu(np.array([1.0]))\narray([1.])\n```\n```bash\npytest\n```"
    code = statement_code(readme)
    assert "relu(np.array([1.0]))" in code and "pytest" not in code and "array([1.])" not in code


def test_notebook_json_of_the_corpus_is_valid():
    notebook = json.loads(disguise.as_notebook(ORIGINALS[0].read_text(encoding="utf-8")))
    assert any(c["cell_type"] == "markdown" for c in notebook["cells"])


def test_a_variable_named_like_a_builtin_is_still_a_variable():
    shadowing = "def f(x):\n    sum = x + 1\n    max = sum * 2\n    return max\n"
    plain = "def f(x):\n    total = x + 1\n    top = total * 2\n    return top\n"
    assert tokens(shadowing)["f"] == tokens(plain)["f"]
    assert tokens("def f(x):\n    return sum(x)\n")["f"] != tokens("def f(x):\n    return len(x)\n")["f"]


def test_what_most_of_the_class_shares_is_common_knowledge():
    forum = '''
def softmax_jacobian(z):
    vec = np.asarray(z, dtype=np.float64)
    if vec.ndim != 1:
        raise ValueError("вектор")
    probs = softmax(vec)
    size = probs.shape[0]
    jac = np.empty((size, size))
    for row in range(size):
        for col in range(size):
            jac[row, col] = probs[row] * (float(row == col) - probs[col])
    return jac
'''
    texts = {p.stem: p.read_text(encoding="utf-8") + forum for p in ORIGINALS[:8]}
    filtered = _class(texts)
    unfiltered = analyse([Source(n, n, n, t) for n, t in texts.items()], [_starter(), _reference()], FUNCTIONS,
                         common_share=1.0)
    assert filtered.common_size > 0
    jacobian = "softmax_jacobian"
    assert np.nanmax(unfiltered.function_scores[jacobian]) == pytest.approx(1.0)
    assert np.nanmax(filtered.function_scores[jacobian]) == 0.0
    assert filtered.file_scores.max() < unfiltered.file_scores.max()
