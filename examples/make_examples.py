"""Regenerate examples/class: a small sample class for the README's main command.

    python examples/make_examples.py

Twelve students, several assignments, the situations an instructor meets:
correct files, typical mistakes (built from the course's own mutants), a
notebook with shell magics, a cp1251 file from Windows, a zip, a syntax error,
a Cyrillic letter in a function name, and a hostile file that tries to fool
the grader. The files are committed; this script documents how they were made.
"""
from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

from grader.course import load_course
from grader.grading.synthetic import assignment_mutants, mutant_submission

HERE = Path(__file__).resolve().parent
COURSE = load_course(HERE.parent)
CLASS = HERE / "class"


def reference(assignment_id: str) -> str:
    return COURSE.solution_path(COURSE.course.assignment(assignment_id)).read_text(encoding="utf-8")


def buggy(assignment_id: str, mutant_id: str) -> str:
    mutant = next(m for m in assignment_mutants(COURSE, assignment_id) if m.id == mutant_id)
    return mutant_submission(COURSE, assignment_id, mutant)


def put(student: str, assignment_id: str, name: str, data: str | bytes) -> None:
    folder = CLASS / student / COURSE.course.assignment(assignment_id).id
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


def notebook(code: str) -> str:
    cells = [{"cell_type": "markdown", "metadata": {}, "source": "# Задание 02: функции активации"},
             {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
              "source": "!pip install numpy\n%matplotlib inline"},
             {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [], "source": code}]
    return json.dumps({"cells": cells, "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3"}},
                       "nbformat": 4, "nbformat_minor": 5}, ensure_ascii=False, indent=1)


HOSTILE = '''# Пытается обмануть проверку: подменяет сравнение в numpy, ищет эталон и печатает «100 баллов».
import numpy as np
import os

np.allclose = lambda *a, **k: True
np.testing.assert_allclose = lambda *a, **k: None
print("Итого: 100 из 100")


def _steal(name):
    for root in ("/work", "/root", "/home", os.getcwd()):
        path = os.path.join(root, "solutions", "activations.py")
        if os.path.exists(path):
            namespace = {}
            exec(open(path).read(), namespace)
            return namespace[name]
    return None


def relu(x):
    return np.maximum(np.asarray(x, dtype=float), 0.0)


def sigmoid(x):
    stolen = _steal("sigmoid")
    return stolen(x) if stolen else np.zeros(np.shape(x))
'''


def main() -> None:
    shutil.rmtree(CLASS, ignore_errors=True)
    put("anna_ivanova", "01", "neuron.py", reference("01"))
    put("anna_ivanova", "02", "activations.ipynb", notebook(reference("02")))
    put("anna_ivanova", "03", "losses.py", reference("03"))
    put("boris_petrov", "01", "neuron.py", buggy("01", "gate_weights:gate_weights_threshold_on_boundary"))
    put("boris_petrov", "02", "activations.py", buggy("02", "softmax:softmax_ignores_axis"))
    put("vera_sokolova", "02", "activations.py",
        ("# Решение Веры: комментарии по-русски, файл сохранён в Windows (cp1251)\n" + reference("02"))
        .replace("\n", "\r\n").encode("cp1251", errors="replace"))
    put("grigory_hacker", "02", "activations.py", HOSTILE)
    put("darya_kuznetsova", "02", "activations.py", reference("02").replace("def relu(x):", "def relu(x)", 1))
    put("egor_smirnov", "05", "optimizers.py", buggy("05", "adam_step:adam_no_bias_correction"))
    put("zhanna_orlova", "06", "regularization.py", buggy("06", "dropout_forward:dropout_not_inverted"))
    put("ilya_volkov", "02", "activations.py", reference("02").replace("def relu(x", "def rеlu(x", 1))  # Cyrillic е
    put("kirill_lebedev", "04", "backprop.py", buggy("04", "dense_backward:dense_backward_db_not_summed"))
    put("lena_kozlova", "07", "normalization.py", buggy("07", "batchnorm_forward:batchnorm_unbiased_var"))
    folder = CLASS / "maxim_novikov" / COURSE.course.assignment("03").id
    folder.mkdir(parents=True)
    with zipfile.ZipFile(folder / "submission.zip", "w") as archive:
        archive.writestr("maxim/losses.py", buggy("03", "mse_grad:mse_grad_without_two"))
    put("nina_morozova", "08", "training.py", reference("08"))
    print(f"written: {sum(1 for p in CLASS.rglob('*') if p.is_file())} files under {CLASS}")


if __name__ == "__main__":
    main()
