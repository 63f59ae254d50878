"""The student's self-check: `nngrader check FILE` and `check()` inside a notebook's namespace."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from grader.course import load_course
from grader.release import release_bundle
from grader.selfcheck.notebook import run_in_namespace
from grader.selfcheck.summary import CheckSummary, Failure, FunctionResult
from grader.cli.student import register
from nbhelpers import fill_notebook, reference_pieces

ROOT = Path(__file__).resolve().parents[1]
COURSE = load_course(ROOT)
REFERENCE = ROOT / "solutions" / "activations.py"


def cli() -> typer.Typer:
    app = typer.Typer()
    register(app)
    app.callback()(lambda: None)
    return app


def check(*args: str, cwd: Path, env: dict | None = None):
    old = Path.cwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(cli(), ["check", *args], env={"NNGRADER_COURSE": None, **(env or {})})
    finally:
        os.chdir(old)


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """A released 02 bundle far from any course.yaml (as on a student's laptop)."""
    out = tmp_path_factory.mktemp("laptop")
    return release_bundle(COURSE, COURSE.course.assignment("02"), out, "py")


def test_starter_in_a_bundle_fails_with_russian_summary(bundle):
    result = check("activations.py", cwd=bundle)
    assert result.exit_code == 1, result.output
    assert "Самопроверка: 02_activations — Функции активации" in result.output
    assert "relu" in result.output and "ещё не реализована" in result.output
    assert "Публичные тесты: пройдено 0 из" in result.output


def test_correct_file_in_a_bundle_passes(bundle, tmp_path):
    folder = tmp_path / "mine"
    shutil.copytree(bundle, folder)
    shutil.copyfile(REFERENCE, folder / "activations.py")
    result = check("activations.py", cwd=folder)
    assert result.exit_code == 0, result.output
    assert "Публичные тесты: все пройдены." in result.output and "✗" not in result.output


def test_notebook_in_a_bundle(bundle, tmp_path):
    nbformat = pytest.importorskip("nbformat")
    from grader.release.notebook import build_notebook

    a = COURSE.course.assignment("02")
    statement = (COURSE.folder(a) / "README.md").read_text(encoding="utf-8")
    notebook = fill_notebook(build_notebook(a, statement, COURSE.starter_path(a)), "activations",
                             skip=("softmax_jacobian",))
    folder = tmp_path / "nb"
    shutil.copytree(bundle, folder)
    (folder / "activations.py").unlink()
    nbformat.write(notebook, str(folder / "activations.ipynb"))
    result = check("activations.ipynb", cwd=folder)
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert any("softmax_jacobian" in line and "ещё не реализована" in line for line in lines)
    assert "пройдено 13 из 15" in result.output


def test_failure_messages_are_the_feedback_messages(bundle, tmp_path):
    folder = tmp_path / "wrong"
    shutil.copytree(bundle, folder)
    wrong = REFERENCE.read_text(encoding="utf-8").replace("def relu(x):", "def relu(x):\n    return x\n\ndef _old(x):")
    (folder / "activations.py").write_text(wrong, encoding="utf-8")
    result = check("activations.py", cwd=folder)
    assert result.exit_code == 1
    assert "✗ relu — relu small: relu([-2, -0.5, 0, 0.5, 2])" in result.output
    out = " ".join(result.output.split())
    assert "относительная ошибка" in out.lower()
    # each fact once: the summary lines do not repeat what the message says
    assert "Макс. относительная ошибка" not in out and "Не совпало элементов" not in out


def test_in_the_course_repository_by_module_name():
    assert check("solutions/activations.py", cwd=ROOT).exit_code == 0
    starter = check("exercises/01_neuron/neuron.py", cwd=ROOT)
    assert starter.exit_code == 1 and "01_neuron" in starter.output


def test_any_file_name_with_assignment_option(tmp_path):
    shutil.copyfile(REFERENCE, tmp_path / "my solution.py")
    result = check(str(tmp_path / "my solution.py"), "--assignment", "2", cwd=tmp_path,
                   env={"NNGRADER_COURSE": str(ROOT)})
    assert result.exit_code == 0, result.output


def test_clear_errors(tmp_path):
    (tmp_path / "activations.py").write_text("def relu(x)\n    return x\n", encoding="utf-8")
    lost = check("activations.py", cwd=tmp_path)
    assert lost.exit_code == 2 and "не найдено задание" in lost.output and "--assignment" in lost.output
    broken = check(str(tmp_path / "activations.py"), cwd=ROOT)
    assert broken.exit_code == 1 and "строка 1" in broken.output and "двоеточие" in broken.output
    assert check("nothing.py", cwd=tmp_path).exit_code == 2


# ---------------------------------------------------------------- check() in a notebook namespace

def namespace(*, skip: tuple[str, ...] = ()) -> dict:
    functions, helpers = reference_pieces("activations")
    ns = {"__name__": "__main__"}
    exec(helpers, ns)  # noqa: S102 - the reference, trusted
    for name, source in functions.items():
        if name not in skip:
            exec(source, ns)  # noqa: S102
    return ns


def run_cell(code: str, ns: dict, cwd: Path) -> dict:
    old = Path.cwd()
    os.chdir(cwd)
    try:
        exec(code, ns)  # noqa: S102 - what a notebook cell does
    finally:
        os.chdir(old)
    return ns


def test_check_in_notebook_namespace(bundle, capsys):
    ns = run_cell("from grader import check\none = check('relu')\nall_ = check()", namespace(), bundle)
    assert ns["one"].ok and [f.name for f in ns["one"].functions] == ["relu"]
    assert ns["all_"].ok and ns["all_"].total == 15
    printed = capsys.readouterr().out
    assert "✓ relu: 2 из 2" in printed and "Публичные тесты: все пройдены." in printed


def test_check_reports_missing_and_unknown_functions(bundle):
    ns = run_cell("from grader import check\nr = check('softmax', 'relu')\nbad = check('rleu')",
                  namespace(skip=("softmax",)), bundle)
    assert not ns["r"].ok and ns["r"].missing == ["softmax"]
    assert "Не определены: softmax" in ns["r"].text()
    assert ns["bad"].error and "нет функции «rleu»" in ns["bad"].error
    with pytest.raises(AssertionError, match="пройдено"):
        run_cell("check('softmax', strict=True)", ns, bundle)


def test_check_is_inert_outside_main(bundle):
    ns = namespace()
    ns["__name__"] = "nngrader_submission_7"  # the notebook being loaded as a submission
    assert run_cell("from grader import check\nr = check()", ns, bundle)["r"] is None


def test_check_finds_the_assignment_in_the_course_by_function_names():
    summary = run_in_namespace(namespace(), ["softmax"], assignment=None)
    assert summary.assignment_id == "02_activations" and summary.ok


def test_check_without_any_assignment_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.delenv("NNGRADER_COURSE", raising=False)
    monkeypatch.chdir(tmp_path)
    summary = run_in_namespace(namespace(), ["relu"])
    assert summary.error and "не найдено задание" in summary.error and not summary.ok


def test_public_tests_from_environment(bundle, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NNGRADER_PUBLIC_TESTS", str(bundle / "test_activations.py"))
    summary = run_in_namespace(namespace(), ["sigmoid"])
    assert summary.ok and summary.assignment_id == "02_activations"


def test_html_is_escaped():
    summary = CheckSummary("02", "<b>т</b>", [FunctionResult("relu", 0, 1, 8.0, [Failure("t", "t", "<script>", [])])])
    html = summary.html()
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;b&gt;" in html


def test_importing_the_engine_stays_light():
    code = "import grader, sys; print(any(m.startswith(('grader.selfcheck', 'pytest')) for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"


def test_assignment_option_outside_a_bundle(bundle, tmp_path):
    """`check FILE --assignment X` away from the bundle: a bundle in a subfolder is found; else advice that works."""
    home = tmp_path / "home"
    home.mkdir()
    shutil.copytree(bundle, home / "02_activations")  # the released folder next to the student's own file
    shutil.copyfile(REFERENCE, home / "моё_решение.py")
    result = check("моё_решение.py", "--assignment", "02_activations", cwd=home)
    assert result.exit_code == 0, result.output
    assert "Публичные тесты: все пройдены" in result.output

    lonely = tmp_path / "lonely"
    lonely.mkdir()
    shutil.copyfile(REFERENCE, lonely / "activations.py")
    result = check("activations.py", "--assignment", "02", cwd=lonely)
    assert result.exit_code == 2
    text = " ".join(result.output.split())
    assert "задание «02» не найдено" in text and "cd ПАПКА_ЗАДАНИЯ" in text
    assert "укажите задание явно" not in text  # never the advice that was just followed
