"""`nngrader release`: the student bundle, its notebook, and the audit that keeps answers out."""
import ast
import os
import shutil
import time
from pathlib import Path

import pytest
import typer
import yaml
from typer.testing import CliRunner

from grader.course import load_course
from grader.harness.runner import run_tests
from grader.release import ReleaseError, audit_release, release_bundle
from grader.release.audit import collect_secrets
from grader.release.wheel import wheel_name
from grader.selfcheck.marker import MARKER, read_marker
from grader.sandbox.launcher import isolation_level
from grader.cli.student import register
from nbhelpers import fill_notebook, role_cells

ROOT = Path(__file__).resolve().parents[1]
COURSE = load_course(ROOT)
IDS = [a.id for a in COURSE.course.assignments]
SECRET = "nngrader-test-secret-3f9a1c"
LEVEL, _ = isolation_level()

nbformat = pytest.importorskip("nbformat")


def cli() -> typer.Typer:
    app = typer.Typer()
    register(app)
    app.callback()(lambda: None)
    return app


@pytest.fixture(scope="module")
def released(tmp_path_factory):
    """Every assignment released in both formats, with the graded-quiz secret set."""
    out = tmp_path_factory.mktemp("dist")
    saved = os.environ.get(COURSE.course.secret_env)
    os.environ[COURSE.course.secret_env] = SECRET
    try:
        for a in COURSE.course.assignments:
            release_bundle(COURSE, a, out)
    finally:
        if saved is None:
            os.environ.pop(COURSE.course.secret_env, None)
        else:
            os.environ[COURSE.course.secret_env] = saved
    return out


@pytest.mark.parametrize("assignment_id", IDS)
def test_bundle_holds_exactly_the_student_files(released, assignment_id):
    a = COURSE.course.assignment(assignment_id)
    folder = released / a.id
    names = {p.name for p in folder.iterdir()}
    assert names == {"README.md", f"{a.module}.py", f"{a.module}.ipynb", f"test_{a.module}.py", "quiz.yaml", MARKER,
                     wheel_name()}
    info = read_marker(folder / MARKER)
    assert (info.assignment_id, info.module) == (a.id, a.module)
    assert info.functions == {n: s.points for n, s in a.functions.items()}
    assert (folder / f"{a.module}.py").read_bytes() == COURSE.starter_path(a).read_bytes()
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert f"nngrader check {a.module}.py" in readme and "check(\"имя_функции\")" in readme


@pytest.mark.parametrize("assignment_id", IDS)
def test_nothing_secret_in_any_released_file(released, assignment_id):
    """Reference bodies, mutant names and hints, hidden test names, answer keys: none of them."""
    a = COURSE.course.assignment(assignment_id)
    folder = released / a.id
    os.environ[COURSE.course.secret_env] = SECRET
    try:
        assert audit_release(COURSE, a, folder) == []
        secrets = collect_secrets(COURSE, a)
    finally:
        os.environ.pop(COURSE.course.secret_env, None)
    assert secrets.bodies and secrets.words and secrets.phrases  # the scan really looks for something
    for path in folder.rglob("*"):
        if path.suffix == ".whl":  # the engine: only grader/ and its metadata, no course file
            import zipfile

            names = zipfile.ZipFile(path).namelist()
            assert all(n.startswith(("grader/", "nngrader-")) for n in names) and "grader/cli/__init__.py" in names
            assert not any("solutions" in n or "hidden" in n or "exercises" in n for n in names)
            continue
        text = path.read_text(encoding="utf-8")
        assert SECRET not in text
        if path.suffix in (".py", ".ipynb"):
            assert "import solutions" not in text and "from solutions" not in text
            assert "reference(" not in text
    quiz = yaml.safe_load((folder / "quiz.yaml").read_text(encoding="utf-8"))
    assert quiz["topic"] == a.topic and quiz["questions"]
    assert all(q["type"] != "param_numeric" and "params" not in q for q in quiz["questions"])


def _planted(tmp_path: Path) -> Path:
    """A copy of the course whose 02 starter carries the reference softmax under another name."""
    copy = tmp_path / "course"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".git", ".venv", "*.sqlite*", "__pycache__",
                                                                ".hypothesis", "benchmarks", "examples", "tests"))
    source = (copy / "solutions" / "activations.py").read_text(encoding="utf-8")
    softmax = next(n for n in ast.parse(source).body if isinstance(n, ast.FunctionDef) and n.name == "softmax")
    leak = ast.get_source_segment(source, softmax).replace("def softmax(", "def helper_softmax(")
    starter = copy / "exercises" / "02_activations" / "activations.py"
    starter.write_text(starter.read_text(encoding="utf-8") + "\n\n" + leak + "\n", encoding="utf-8")
    return copy


def test_audit_reports_every_kind_of_leak(released, tmp_path):
    a = COURSE.course.assignment("02")
    folder = tmp_path / "leaky"
    shutil.copytree(released / a.id, folder)
    secrets = collect_secrets(COURSE, a)
    mutant = next(w for w, label in secrets.words.items() if label.startswith("имя мутанта"))
    hidden_test = next(w for w, label in secrets.words.items() if label.startswith("имя скрытого"))
    hint = next(p for p, label in secrets.phrases.items() if label.startswith("подсказка"))
    source = (ROOT / "solutions" / "activations.py").read_text(encoding="utf-8")
    sigmoid = next(n for n in ast.parse(source).body if isinstance(n, ast.FunctionDef) and n.name == "sigmoid")
    notebook = nbformat.read(folder / "activations.ipynb", as_version=4)
    role_cells(notebook, "solution")[0].source = ast.get_source_segment(source, sigmoid).replace("sigmoid", "f", 1)
    nbformat.write(notebook, str(folder / "activations.ipynb"))
    (folder / "notes.md").write_text(f"{mutant}\n{hidden_test}\n{hint}\n", encoding="utf-8")
    (folder / "hidden").mkdir()
    (folder / "hidden" / "mutants.py").write_text("x = 1\n", encoding="utf-8")
    problems = "\n".join(audit_release(COURSE, a, folder))
    for expected in ("тело эталонной функции solutions/activations.py:sigmoid", f"имя мутанта {mutant}",
                     f"имя скрытого теста {hidden_test}", "подсказка мутанта", "hidden/mutants.py: файл преподавателя"):
        assert expected in problems


def test_release_refuses_a_leaking_starter_and_writes_nothing(tmp_path):
    course = load_course(_planted(tmp_path))
    out = tmp_path / "dist"
    with pytest.raises(ReleaseError, match="тело эталонной функции solutions/activations.py:softmax"):
        release_bundle(course, course.course.assignment("02"), out, "py")
    assert not (out / "02_activations").exists()
    assert [p.name for p in out.iterdir()] == []  # the staging folder is gone too


def test_notebook_statement_functions_and_checks(released):
    a = COURSE.course.assignment("02")
    notebook = nbformat.read(released / a.id / "activations.ipynb", as_version=4)
    nbformat.validate(notebook)
    statement = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    readme = (ROOT / "exercises" / "02_activations" / "README.md").read_text(encoding="utf-8")
    formulas = [line for line in readme.splitlines() if "$$" in line]
    assert formulas and all(line in statement for line in formulas)
    solutions = role_cells(notebook, "solution")
    assert [c.metadata["nngrader"]["function"] for c in solutions] == list(a.functions)
    for cell in solutions:
        tree = ast.parse(cell.source)
        assert [type(n).__name__ for n in tree.body] == ["FunctionDef"]
        assert "Параметры" in ast.get_docstring(tree.body[0])
    assert [c.source for c in role_cells(notebook, "check")] == [f'check("{f}")' for f in a.functions]
    assert [c.source for c in role_cells(notebook, "final")] == ["check()"]
    assert all(not c.get("outputs") for c in notebook.cells if c.cell_type == "code")


def test_rerelease_replaces_the_previous_bundle(tmp_path):
    a = COURSE.course.assignment("01")
    release_bundle(COURSE, a, tmp_path, "both")
    release_bundle(COURSE, a, tmp_path, "py")
    assert not (tmp_path / a.id / f"{a.module}.ipynb").exists()
    assert (tmp_path / a.id / f"{a.module}.py").exists()
    foreign = tmp_path / "other" / a.id
    foreign.mkdir(parents=True)
    (foreign / "notes.txt").write_text("чужое", encoding="utf-8")
    with pytest.raises(ReleaseError, match="не пуст"):
        release_bundle(COURSE, a, tmp_path / "other", "py")


def test_release_command(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    runner = CliRunner()
    result = runner.invoke(cli(), ["release", "2", "--out", str(tmp_path), "--format", "ipynb"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "02_activations").iterdir()) == sorted([
        ".nngrader.yaml", "README.md", "activations.ipynb", "quiz.yaml", "test_activations.py", wheel_name()])
    result = runner.invoke(cli(), ["release", "2", "--out", str(tmp_path), "--format", "ipynb", "--no-wheel"])
    assert result.exit_code == 0 and not list((tmp_path / "02_activations").glob("*.whl"))  # a stale wheel goes
    result = runner.invoke(cli(), ["release", "99", "--out", str(tmp_path)])
    assert result.exit_code == 2 and "не найдено" in result.output
    result = runner.invoke(cli(), ["release", "2"])
    assert result.exit_code == 2 and "--out" in result.output


def _execute(notebook, folder: Path):
    nbclient = pytest.importorskip("nbclient")
    client = nbclient.NotebookClient(notebook, kernel_name="python3", timeout=120,
                                     resources={"metadata": {"path": str(folder)}})
    client.execute()
    return notebook


def _shown(cell) -> str:
    assert [o["output_type"] for o in cell.outputs] == ["display_data"], cell.outputs
    assert "text/html" in cell.outputs[0]["data"]
    return cell.outputs[0]["data"]["text/plain"]


def test_released_notebook_runs_politely_then_passes_when_filled(released, tmp_path):
    """nbclient runs the starter notebook (checks report, never raise) and the reference-filled one."""
    a = COURSE.course.assignment("02")
    folder = tmp_path / a.id
    shutil.copytree(released / a.id, folder)
    (folder / "activations.py").unlink()  # the student works in the notebook only
    started = time.monotonic()
    starter = _execute(nbformat.read(folder / "activations.ipynb", as_version=4), folder)
    for cell in role_cells(starter, "check"):
        text = _shown(cell)
        assert f"✗ {cell.metadata['nngrader']['function']}:" in text and "ещё не реализована" in text
    assert "пройдено 0 из" in _shown(role_cells(starter, "final")[0])
    assert not any(o["output_type"] == "error" for c in starter.cells if c.cell_type == "code" for o in c.outputs)

    filled = _execute(fill_notebook(nbformat.read(folder / "activations.ipynb", as_version=4), "activations"), folder)
    for cell in role_cells(filled, "check"):
        assert "все пройдены" in _shown(cell)
    final = _shown(role_cells(filled, "final")[0])
    assert "Публичные тесты: все пройдены." in final and "✗" not in final
    assert time.monotonic() - started < 60
    # Submitted as is, the filled notebook scores 100 in the sandbox: its check cells are inert there.
    submission = tmp_path / "submission.ipynb"
    nbformat.write(filled, str(submission))
    results = run_tests(COURSE.hidden_tests(a), submission=submission, isolation=LEVEL, limits=COURSE.course.limits)
    assert results and sum(r.points for r in results) == pytest.approx(100)


# ---------------------------------------------------------------- the bundle works offline


def test_bundle_wheel_installs_without_an_index_and_readme_says_how(tmp_path):
    import subprocess
    import sys
    import zipfile

    folder = release_bundle(COURSE, COURSE.course.assignment("02"), tmp_path / "dist", "py")
    wheel = folder / wheel_name()
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert f"pip install {wheel.name}" in readme and "pip install nngrader`" not in readme
    names = zipfile.ZipFile(wheel).namelist()
    assert {"grader/cli/__init__.py", "grader/harness/plugin.py", "grader/feedback/templates/student.html.j2"} <= set(names)
    assert all(n.startswith(("grader/", "nngrader-")) for n in names)
    target = tmp_path / "site"
    result = subprocess.run([sys.executable, "-m", "pip", "install", "--no-index", "--no-deps", "--quiet",
                             "--target", str(target), str(wheel)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert (target / "grader" / "selfcheck" / "run.py").is_file()
    entry = next(target.glob("nngrader-*.dist-info/entry_points.txt")).read_text(encoding="utf-8")
    assert "nngrader = grader.cli:main" in entry and "pytest11" in entry
    again = release_bundle(COURSE, COURSE.course.assignment("02"), tmp_path / "dist", "py")
    assert zipfile.ZipFile(again / wheel_name()).namelist() == names  # same engine, same entries


def test_default_release_without_nbformat_falls_back_to_py(tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "nbformat", None)  # `import nbformat` now raises ImportError
    notes: list[str] = []
    folder = release_bundle(COURSE, COURSE.course.assignment("02"), tmp_path, notes=notes)
    names = {p.name for p in folder.iterdir()}
    assert "activations.py" in names and "activations.ipynb" not in names
    assert notes and "nbformat" in notes[0]
    assert "activations.ipynb" not in (folder / "README.md").read_text(encoding="utf-8")
    with pytest.raises(ReleaseError, match="nbformat"):
        release_bundle(COURSE, COURSE.course.assignment("02"), tmp_path / "nb", "ipynb")
    result = CliRunner().invoke(cli(), ["release", "2", "--out", str(tmp_path / "cli"), "--course", str(ROOT)])
    assert result.exit_code == 0, result.output
    assert "nbformat" in result.output
