"""Class grading end to end: discovery, the sandboxed batch, mutant hints, lateness, the CLI."""
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from typer.testing import CliRunner

from grader.cli import app
from grader.course import load_course
from grader.grading.discover import discover
from grader.grading.identity import late_days, late_penalty
from grader.grading.parallel import grade_in_parallel
from grader.grading.synthetic import assignment_mutants, mutant_submission
from grader.sandbox.launcher import isolation_level

ROOT = Path(__file__).resolve().parents[1]
COURSE = load_course(ROOT)
LEVEL, _ = isolation_level()


@pytest.fixture(scope="module")
def graded_mutants(tmp_path_factory):
    """Assignment 02: the reference and every mutant as students' files, graded in parallel."""
    out = tmp_path_factory.mktemp("class02")
    assignment = COURSE.course.assignment("02")
    mutants = assignment_mutants(COURSE, "02")
    (out / "reference").mkdir()
    (out / "reference" / "activations.py").write_text(COURSE.solution_path(assignment).read_text(), encoding="utf-8")
    for i, mutant in enumerate(mutants):
        (out / f"m{i:02d}").mkdir()
        (out / f"m{i:02d}" / "activations.py").write_text(mutant_submission(COURSE, "02", mutant), encoding="utf-8")
    candidates = discover(out, assignment)
    records = {r.student_id: r for r in grade_in_parallel(ROOT, assignment.id, candidates, level=LEVEL, jobs=2)}
    return mutants, records


def test_reference_full_marks_every_mutant_loses_points(graded_mutants):
    mutants, records = graded_mutants
    assert len(records) == len(mutants) + 1
    assert records["reference"].score == 100 and records["reference"].status == "graded"
    survivors = [m.id for i, m in enumerate(mutants) if records[f"m{i:02d}"].score >= 100]
    assert survivors == []


def test_failures_carry_the_targeted_hint_of_the_matching_mutant(graded_mutants):
    mutants, records = graded_mutants
    hinted = 0
    for i, mutant in enumerate(mutants):
        failed = [o for o in records[f"m{i:02d}"].outcomes if not o.passed]
        assert failed and all(o.message for o in failed)
        if any(mutant.id in (o.mutant_id or "").split(",") and mutant.hint in (o.hint or "") for o in failed):
            hinted += 1
    assert hinted == len(mutants), f"подсказка найдена для {hinted} из {len(mutants)}"


def test_discovery_of_nbgrader_and_moodle_layouts(tmp_path):
    assignment = COURSE.course.assignment("02")
    nb = tmp_path / "course" / "submitted" / "ivanov" / assignment.id
    nb.mkdir(parents=True)
    (nb / "activations.ipynb").write_text("{}", encoding="utf-8")
    (nb / "timestamp.txt").write_text("2026-11-20 12:34:56.000000 UTC", encoding="utf-8")
    found = discover(tmp_path / "course", assignment)
    assert [(c.student_id, c.submitted_at) for c in found] == \
        [("ivanov", datetime(2026, 11, 20, 12, 34, 56, tzinfo=timezone.utc))]

    archive = tmp_path / "moodle.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("Иван Петров_1234_assignsubmission_file_/activations.py", "x = 1\n")
        z.writestr("Анна Смирнова_5678_assignsubmission_file_/work.zip", b"PK")
    found = sorted(discover(archive, assignment), key=lambda c: c.student_id)
    assert [(c.student_id, c.student_name) for c in found] == [("1234", "Иван Петров"), ("5678", "Анна Смирнова")]


def test_late_policy():
    base = COURSE.course.assignments[0]
    assignment = type(base).model_validate({**base.model_dump(), "deadline": "2026-12-01T23:59:00+00:00",
                                            "late_policy": {"penalty_per_day": 10, "max_days": 3}})
    on_time = datetime(2026, 12, 1, 23, 0, tzinfo=timezone.utc)
    assert late_days(assignment, on_time) == 0
    assert late_days(assignment, on_time + timedelta(hours=2)) == 1
    assert late_penalty(assignment, 1) == 10 and late_penalty(assignment, 3) == 30
    assert late_penalty(assignment, 4) == 100


def test_grade_command_resumes_and_skips_unchanged(tmp_path):
    """The CLI grades a class into a gradebook; a second run regrades only what changed."""
    assignment = COURSE.course.assignment("01")
    for name in ("anna", "boris"):
        (tmp_path / "class" / name).mkdir(parents=True)
        (tmp_path / "class" / name / "neuron.py").write_text(
            COURSE.solution_path(assignment).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "class" / "vera").mkdir()
    (tmp_path / "class" / "vera" / "neuron.py").write_bytes(b"")
    db = f"sqlite:///{tmp_path / 'gb.sqlite'}"
    runner = CliRunner()
    first = runner.invoke(app, ["grade", "01", str(tmp_path / "class"), "--db", db, "--jobs", "1",
                                "--course", str(ROOT)])
    assert first.exit_code == 0, first.output
    assert "к проверке 3" in first.output and "файл пуст" in first.output
    (tmp_path / "class" / "boris" / "neuron.py").write_text("def weighted_sum(x, w, b):\n    return 0\n",
                                                             encoding="utf-8")
    second = runner.invoke(app, ["grade", "01", str(tmp_path / "class"), "--db", db, "--jobs", "1",
                                 "--course", str(ROOT)])
    assert second.exit_code == 0, second.output
    assert "к проверке 1, уже проверены 2" in second.output


def test_kill_9_mid_batch_then_resume(tmp_path):
    """kill -9 of `nngrader grade` loses no finished submission; the rerun grades only the rest."""
    import signal
    import subprocess
    import sys
    import time

    from grader.gradebook import Gradebook
    from grader.grading.synthetic import make_class

    make_class(COURSE, "01", tmp_path / "class", 48, correct_share=0.5)
    db = f"sqlite:///{tmp_path / 'gb.sqlite'}"
    helpers_before = _grading_helpers()
    command = [sys.executable, "-m", "grader.cli", "grade", "01", str(tmp_path / "class"), "--db", db,
               "--jobs", "2", "--course", str(ROOT)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and process.poll() is None:
        with Gradebook(db) as gradebook:
            stored = gradebook.count("01_neuron")
        if stored >= 8:
            break
        time.sleep(0.1)
    process.send_signal(signal.SIGKILL)  # that one process only
    process.wait(timeout=30)
    leftovers = _grading_helpers() - helpers_before
    for _ in range(100):  # grading processes and sandboxes notice the command is gone and exit
        if not leftovers:
            break
        time.sleep(0.1)
        leftovers = _grading_helpers() - helpers_before
    assert not leftovers, leftovers
    with Gradebook(db) as gradebook:
        before = {r.student_id: r for r in gradebook.current("01_neuron")}
    assert 0 < len(before) < 48, len(before)
    assert all(len(r.outcomes) > 0 for r in before.values())  # nothing half-written

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"к проверке {48 - len(before)}, уже проверены {len(before)}" in rerun.stdout.replace("\n", " ")
    with Gradebook(db) as gradebook:
        after = {r.student_id: r for r in gradebook.current("01_neuron")}
    assert len(after) == 48
    assert all(after[s].graded_at == before[s].graded_at for s in before)  # finished ones were not regraded


def test_a_mixed_class_grades_in_one_command_with_feedback_and_every_export(tmp_path):
    """Correct, buggy, hostile, malformed, notebook and cp1251 submissions: one command, nothing lost."""
    from grader.gradebook import Gradebook
    from grader.grading.synthetic import make_mixed_class

    kinds = make_mixed_class(COURSE, "02", tmp_path / "class", 40, seed=3)
    db = f"sqlite:///{tmp_path / 'gb.sqlite'}"
    runner = CliRunner()
    graded = runner.invoke(app, ["grade", "02", str(tmp_path / "class"), "--db", db, "--course", str(ROOT)])
    assert graded.exit_code == 0, graded.output
    with Gradebook(db) as gradebook:
        records = {r.student_id: r for r in gradebook.current("02_activations")}
    assert set(records) == set(kinds)
    for student, kind in kinds.items():
        record = records[student]
        if kind in ("correct", "notebook", "cp1251", "hostile patch_numpy"):
            # patching numpy on top of correct code changes nothing: it earns what it earned honestly
            assert record.score == 100, (kind, record.message)
        elif kind.startswith("malformed") or kind == "hostile exit_at_import":
            assert record.status == "load_error" and record.score == 0 and record.message, kind
        else:
            assert record.status == "graded" and record.score < 100, (kind, record.score)
        if kind.startswith("mutant"):
            mutant_id = kind.split()[1]
            assert any(mutant_id in (o.mutant_id or "") for o in record.outcomes if not o.passed), kind

    feedback = runner.invoke(app, ["feedback", "02", "--out", str(tmp_path / "fb"), "--format", "html",
                                   "--db", db, "--course", str(ROOT)])
    assert feedback.exit_code == 0, feedback.output
    assert len(list((tmp_path / "fb").glob("*.html"))) >= len(kinds)
    for fmt, out in (("xlsx", "grades.xlsx"), ("csv", "grades.csv"), ("json", "grades.json"), ("moodle", "moodle.csv"),
                     ("gradescope", "gradescope")):
        exported = runner.invoke(app, ["export", "--format", fmt, "--out", str(tmp_path / out), "--db", db,
                                       "--assignment", "02", "--course", str(ROOT)])
        assert exported.exit_code == 0, (fmt, exported.output)
        assert (tmp_path / out).exists(), fmt


def _grading_helpers() -> set[int]:
    """Pids of fork servers, grading processes and sandboxed workers running now."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes().decode(errors="replace")
            except OSError:
                continue
            if "grader.grading.batch" in cmdline or "/nngrader/worker.py" in cmdline:
                found.add(int(entry.name))
    return found
