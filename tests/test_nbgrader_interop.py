"""An nbgrader course end to end with nbgrader's own CLI:

release --nbgrader → nbgrader generate_assignment → students submit (one leaves the grade
cells alone, one deletes them, one edits them) → grade_nbgrader → nbgrader export and
release_feedback show our scores and our feedback.
"""
import csv
import secrets
import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

nbgrader = pytest.importorskip("nbgrader")  # CI installs the `jupyter` extra; this only guards a bare install
nbformat = pytest.importorskip("nbformat")

from grader.course import load_course  # noqa: E402
from grader.gradebook import Gradebook  # noqa: E402
from grader.nbgrader_interop import NbgraderError, grade_nbgrader  # noqa: E402
from grader.nbgrader_interop.cells import grade_id  # noqa: E402
from grader.sandbox.launcher import isolation_level  # noqa: E402
from grader.cli.student import register  # noqa: E402
from nbhelpers import fill_notebook  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
COURSE = load_course(ROOT)
A = COURSE.course.assignment("02")
LEVEL, _ = isolation_level()


def nbgrader_cli(course: Path, *args: str) -> subprocess.CompletedProcess:
    # The instructor's own nbgrader runs `alembic` by name: give it this environment's tools, as an
    # activated venv would (the tests must pass from `.venv/bin/pytest` without activation too).
    env = dict(os.environ, PATH=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""))
    result = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course, capture_output=True, text=True,
                            timeout=120, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def submit(course: Path, student: str, notebook, *, collected: bool = True) -> Path:
    """What `nbgrader collect` leaves: the notebook, the released starter .py beside it, timestamp.txt and
    submission_secret.txt (`collected=False`: a folder the instructor put there by hand, notebook only)."""
    folder = course / "submitted" / student / A.id
    folder.mkdir(parents=True)
    nbformat.write(notebook, str(folder / "activations.ipynb"))
    if collected:
        (folder / "activations.py").write_bytes((course / "release" / A.id / "activations.py").read_bytes())
        (folder / "timestamp.txt").write_text("2026-03-01 12:00:00.000000 UTC", encoding="utf-8")
        (folder / "submission_secret.txt").write_text(secrets.token_hex(32), encoding="utf-8")
    return folder


def grade_cells(notebook) -> list:
    return [c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("grade")]


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    course = tmp_path_factory.mktemp("nbgrader_course")
    app = typer.Typer()
    register(app)
    app.callback()(lambda: None)
    result = CliRunner().invoke(app, ["release", "02", "--nbgrader", str(course), "--course", str(ROOT)])
    assert result.exit_code == 0, result.output
    assert "nbgrader generate_assignment 02_activations" in " ".join(result.output.split())
    nbgrader_cli(course, "generate_assignment", A.id)
    released = nbformat.read(course / "release" / A.id / "activations.ipynb", as_version=4)
    submit(course, "alice", fill_notebook(released, "activations"))
    submit(course, "bob", released)
    carol = fill_notebook(released, "activations")
    carol.cells = [c for c in carol.cells if c not in grade_cells(carol)]
    submit(course, "carol", carol)
    dave = fill_notebook(released, "activations", skip=("softmax",))
    for cell in grade_cells(dave):
        cell.source = "assert True  # тест «исправлен» студентом"
    submit(course, "dave", dave)
    submit(course, "erin", fill_notebook(released, "activations"), collected=False)
    return course


def test_source_notebook_has_nbgrader_cells_with_course_points(course):
    source = nbformat.read(course / "source" / A.id / "activations.ipynb", as_version=4)
    graded = {c.metadata["nbgrader"]["grade_id"]: c.metadata["nbgrader"]["points"] for c in grade_cells(source)}
    assert graded == {grade_id(f): spec.points for f, spec in A.functions.items()}
    solution = [c for c in source.cells if c.metadata.get("nbgrader", {}).get("solution")]
    assert len(solution) == len(A.functions)
    assert all("### BEGIN SOLUTION" in c.source and '"""' in c.source for c in solution)
    assert (course / "source" / A.id / ".nngrader.yaml").is_file()
    assert not any(p.name in ("mutants.py", "course.yaml") or "hidden" in p.parts for p in course.rglob("*"))
    released = nbformat.read(course / "release" / A.id / "activations.ipynb", as_version=4)
    stubbed = [c.source for c in released.cells if c.metadata.get("nbgrader", {}).get("solution")]
    assert all("ВАШ КОД ЗДЕСЬ" in s and "BEGIN SOLUTION" not in s for s in stubbed)
    assert (course / "release" / A.id / ".nngrader.yaml").is_file()  # nbgrader hands out the self-check marker
    starter = (ROOT / "exercises" / "02_activations" / "activations.py").read_text(encoding="utf-8")
    assert (course / "release" / A.id / "activations.py").read_text(encoding="utf-8") == starter  # the statement names it


@pytest.fixture(scope="module")
def graded(course, tmp_path_factory):
    db = f"sqlite:///{tmp_path_factory.mktemp('ours') / 'gradebook.sqlite'}"
    summary = grade_nbgrader(COURSE, A, course, jobs=2, level=LEVEL, db=db)
    return summary, db


def test_scores_go_to_our_gradebook_and_to_nbgrader_export(course, graded):
    summary, db = graded
    assert (summary.found, summary.graded, summary.written) == (5, 5, 5)
    with Gradebook(db) as ours:
        scores = {r.student_id: r.score for r in ours.current(A.id)}
    # the untouched starter .py collected beside the notebook does not hide the notebook
    assert scores["alice"] == 100 and scores["carol"] == 100 and scores["erin"] == 100 and scores["bob"] == 0
    assert 0 < scores["dave"] < 100  # the edited grade cells change nothing: softmax is missing
    nbgrader_cli(course, "export", "--to", "grades.csv")
    with open(course / "grades.csv", encoding="utf-8") as handle:
        exported = {row["student_id"]: row for row in csv.DictReader(handle)}
    assert {s: float(row["score"]) for s, row in exported.items()} == scores
    assert all(float(row["max_score"]) == 100 for row in exported.values())
    from nbgrader.api import Gradebook as NbGradebook

    with NbGradebook(summary.db_url, "") as gb:
        assert gb.find_grade(grade_id("softmax"), "activations", A.id, "dave").score == 0
        assert gb.find_grade(grade_id("relu"), "activations", A.id, "dave").score == 8
        assert not gb.find_submission(A.id, "dave").needs_manual_grade


def test_feedback_is_where_release_feedback_takes_it(course, graded, tmp_path):
    summary, _ = graded
    page = course / "feedback" / "dave" / A.id / "activations.html"
    assert "отзыв о решении" in page.read_text(encoding="utf-8") and "softmax" in page.read_text(encoding="utf-8")
    exchange = tmp_path / "exchange"
    exchange.mkdir()
    nbgrader_cli(course, "release_feedback", A.id, f"--Exchange.root={exchange}")
    handed_out = list(exchange.rglob("*.html"))
    assert len(handed_out) == 4
    assert all("отзыв о решении" in p.read_text(encoding="utf-8") for p in handed_out)
    assert summary.not_releasable == ["erin"]  # hand-placed: its page is kept apart and release_feedback runs
    assert not (course / "feedback" / "erin").exists()
    assert (course / "nngrader_feedback" / "erin" / A.id / "activations.html").is_file()
    assert any("nngrader_feedback" in line for line in summary.lines())


def test_regrading_skips_unchanged_work_and_keeps_nbgrader_scores(course, graded):
    summary, db = graded
    again = grade_nbgrader(COURSE, A, course, jobs=1, level=LEVEL, db=db)
    assert (again.graded, again.skipped, again.written) == (0, 5, 5)
    assert any("без изменений 5" in line for line in again.lines())


def test_no_submissions_is_a_clear_error(tmp_path):
    with pytest.raises(NbgraderError, match="нет ни одной сданной работы"):
        grade_nbgrader(COURSE, A, tmp_path, jobs=1, level=LEVEL, db=f"sqlite:///{tmp_path / 'g.sqlite'}")


def test_scores_late_penalty_and_missing_structure_through_nbgrader_api(tmp_path):
    """Without generate_assignment: assignment, notebook and grade cells are created; the penalty is kept."""
    from datetime import datetime, timezone

    from nbgrader.api import Gradebook as NbGradebook
    from nbgrader.plugins.export import CsvExportPlugin

    from grader.nbgrader_interop.gradebook import write_scores
    from grader.records import SubmissionRecord, TestOutcome

    outcomes = [TestOutcome(f"test_{f}", f, spec.points if f != "softmax" else 0.0, spec.points, f != "softmax", "",
                            0.0) for f, spec in A.functions.items()]
    record = SubmissionRecord("eve", "eve", A.id, "x", "h", datetime(2026, 3, 2, tzinfo=timezone.utc), 1, 25.0,
                              "full", 80.0, 60.0, 100.0, "graded", outcomes=outcomes)
    url = f"sqlite:///{tmp_path / 'gradebook.db'}"
    notebook, _ = write_scores(url, "", A, [record])
    assert notebook == A.module
    with NbGradebook(url, "") as gb:
        plugin = CsvExportPlugin(to=str(tmp_path / "grades.csv"))
        plugin.export(gb)
    with open(tmp_path / "grades.csv", encoding="utf-8") as handle:
        row = next(csv.DictReader(handle))
    assert (row["student_id"], float(row["raw_score"]), float(row["late_submission_penalty"]),
            float(row["score"]), float(row["max_score"])) == ("eve", 80.0, 20.0, 60.0, 100.0)
