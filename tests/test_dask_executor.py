"""Grading on Dask (LocalCluster): the same gradebook as local grading, a killed worker loses and
doubles nothing, course and submissions travel as bytes, a worker below the required isolation refuses."""
from __future__ import annotations

import os
import shutil
import signal
import time
import zipfile
from dataclasses import asdict
from pathlib import Path

import pytest
from typer.testing import CliRunner

if os.environ.get("CI", "").lower() not in ("1", "true", "yes"):  # in CI a missing extra must fail, not skip
    pytest.importorskip("distributed", reason="dask/distributed: pip install 'nngrader[scale]'")

from databases import gradebook_url  # noqa: E402,F401 - the fixture (SQLite and PostgreSQL)
from grader.cli import app  # noqa: E402
from grader.course import load_course  # noqa: E402
from grader.gradebook import Gradebook  # noqa: E402
from grader.grading.dask_executor import DaskGrading, ExecutorError, parse_executor  # noqa: E402
from grader.grading.discover import discover  # noqa: E402
from grader.grading.identity import grading_key, suite_hash  # noqa: E402
from grader.grading.shipping import course_bundle, pack_submission, unpack_course, unpack_submission  # noqa: E402
from grader.grading.synthetic import make_class, make_mixed_class  # noqa: E402
from grader.sandbox.launcher import isolation_level  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
COURSE = load_course(ROOT)
LEVEL, _ = isolation_level()

# Fields that measure the run, not the grade: when it was graded and how many seconds the submission
# and each test took. They differ between any two runs, local or not; everything else must be equal.
TIMING_FIELDS = ("graded_at", "duration")
OUTCOME_TIMING_FIELDS = ("duration",)


def _grade_fields(record) -> dict:
    data = asdict(record)
    # The graded copy lives beside its gradebook (grader.gradebook.copies): compare its place inside the storage.
    data["source_path"] = data["source_path"].split("/.nngrader/submissions/")[-1]
    for name in TIMING_FIELDS:
        data.pop(name)
    for outcome in data["outcomes"]:
        for name in OUTCOME_TIMING_FIELDS:
            outcome.pop(name)
    return data


def _stored(url: str) -> dict[str, dict]:
    with Gradebook(url) as book:
        assert book.verify() == []
        assert len(book.submissions()) == len(book.current())  # nothing stored twice
        return {r.student_id: _grade_fields(r) for r in book.current()}


@pytest.fixture(scope="module")
def mixed_class(tmp_path_factory):
    """Correct, mutant, malformed, notebook and hostile (endless loop, exit at import, patched numpy)
    submissions of assignment 02, and their gradebook after LOCAL grading."""
    folder = tmp_path_factory.mktemp("dask") / "class"
    kinds = make_mixed_class(COURSE, "02", folder, 14, seed=5)
    url = f"sqlite:///{folder.parent / 'local.sqlite'}"
    local = CliRunner().invoke(app, ["grade", "02", str(folder), "--db", url, "--jobs", "2", "--course", str(ROOT)])
    assert local.exit_code == 0, local.output
    return folder, kinds, _stored(url)


def test_dask_local_grades_the_same_gradebook_as_local_grading(mixed_class, gradebook_url, tmp_path):
    folder, kinds, local = mixed_class
    assert {k.split()[0] for k in kinds.values()} >= {"correct", "mutant", "malformed", "hostile", "notebook"}
    runner = CliRunner()
    graded = runner.invoke(app, ["grade", "02", str(folder), "--db", gradebook_url, "--executor", "dask-local:2",
                                 "--course", str(ROOT)])
    assert graded.exit_code == 0, graded.output
    assert "воркеров Dask: 2" in graded.output and "к проверке 14" in graded.output
    assert "Проверено 14" in graded.output and "Студентов: 14" in graded.output  # progress and summary as locally
    assert _stored(gradebook_url) == local  # bit for bit but the timing fields

    # The command stopped and rerun: only what changed is graded again, also through Dask.
    changed = tmp_path / "changed"
    shutil.copytree(folder, changed)
    (changed / "student0004" / "02_activations" / "activations.py").write_text("x = 1\n", encoding="utf-8")
    rerun = runner.invoke(app, ["grade", "02", str(changed), "--db", gradebook_url, "--executor", "dask-local:1",
                                "--course", str(ROOT)])
    assert rerun.exit_code == 0, rerun.output
    assert "к проверке 1, уже проверены 13" in " ".join(rerun.output.split())


def test_a_killed_worker_loses_nothing_and_records_nothing_twice(tmp_path):
    assignment = COURSE.course.assignment("01")
    make_class(COURSE, "01", tmp_path / "class", 24, correct_share=0.5, seed=7)
    candidates = discover(tmp_path / "class", assignment)
    suite = suite_hash(COURSE, assignment)
    for candidate in candidates:
        candidate.key = grading_key(candidate.path, suite)
    url = f"sqlite:///{tmp_path / 'gb.sqlite'}"
    killed, orphans = None, set()
    with Gradebook(url) as book, DaskGrading("dask-local:2", COURSE, required_level=LEVEL, chunk=6) as dask:
        for record in dask.grade(assignment.id, candidates):
            book.save(record)
            if killed is None:
                # This worker has just sent the first record of its chunk: it is mid-chunk. Kill it (its pid only).
                killed = dask.last_worker
                pid = dask.client.run(os.getpid, workers=[killed])[killed]
                orphans = _sandbox_children(pid)  # its zygote: must not outlive it
                os.kill(pid, signal.SIGKILL)
        assert killed is not None
        assert killed not in dask.client.scheduler_info()["workers"]  # the nanny started a new one instead
        assert dask.retried >= 1  # the rerun chunk sent at least the record we already had; it was dropped
    with Gradebook(url) as book:
        stored = book.submissions()
        assert sorted(s.record.student_id for s in stored) == sorted(c.student_id for c in candidates)
        assert book.verify() == []
        assert all(s.record.outcomes and s.record.status == "graded" for s in stored)
    assert orphans, "the killed worker had started no sandbox"
    for _ in range(100):  # the killed worker's sandbox notices and exits
        if not any(Path(f"/proc/{pid}").exists() for pid in orphans):
            break
        time.sleep(0.1)
    assert not [pid for pid in orphans if Path(f"/proc/{pid}").exists()], orphans


def test_a_worker_below_the_required_isolation_refuses(tmp_path, monkeypatch):
    """The worker decides its own level: here it can only reach 'reduced', and the command requires 'full'."""
    from distributed import LocalCluster

    import grader.sandbox.levels as levels
    monkeypatch.setattr(levels, "isolation_level", lambda: ("reduced", "тест: bubblewrap не найден"))
    make_class(COURSE, "01", tmp_path / "class", 2)
    candidates = discover(tmp_path / "class", COURSE.course.assignment("01"))
    # Workers in this process (threads) so that they see the patched level.
    with LocalCluster(n_workers=1, processes=False, threads_per_worker=1, dashboard_address=None,
                      protocol="tcp", host="127.0.0.1") as cluster:
        address = cluster.scheduler_address.replace("tcp://", "dask://")
        with DaskGrading(address, COURSE, required_level="full") as dask:
            with pytest.raises(ExecutorError, match="требуется уровень изоляции «full».*тест: bubblewrap не найден"):
                list(dask.grade("01_neuron", candidates))


def test_a_chunk_that_keeps_failing_is_split_and_only_the_culprit_gets_an_error_record(tmp_path, monkeypatch):
    """As in local grading: a failing chunk costs a regrade of its submissions one by one, not the class."""
    from distributed import LocalCluster

    from grader.grading import dask_worker
    original = dask_worker.GradingPlugin._grade

    def flaky(self, assignment_id, items, hints, queue):
        if any(item["candidate"]["student_id"] == "student0002" for item in items):
            raise RuntimeError("сбой воркера")
        return original(self, assignment_id, items, hints, queue)

    monkeypatch.setattr(dask_worker.GradingPlugin, "_grade", flaky)
    make_class(COURSE, "01", tmp_path / "class", 4, correct_share=1.0)
    candidates = discover(tmp_path / "class", COURSE.course.assignment("01"))
    with LocalCluster(n_workers=1, processes=False, threads_per_worker=1, dashboard_address=None,
                      protocol="tcp", host="127.0.0.1") as cluster:
        address = cluster.scheduler_address.replace("tcp://", "dask://")
        with DaskGrading(address, COURSE, required_level=LEVEL, chunk=4) as dask:
            records = {r.student_id: r for r in dask.grade("01_neuron", candidates)}
    assert sorted(records) == [f"student{i:04d}" for i in range(4)]
    assert records["student0002"].status == "error" and records["student0002"].content_hash == ""
    assert "воркер Dask" in records["student0002"].message
    assert all(records[s].status == "graded" and records[s].score == 100 for s in records if s != "student0002")


def test_executor_names(tmp_path):
    assert parse_executor("dask-local") == ("local", 0)
    assert parse_executor("dask-local:3") == ("local", 3)
    assert parse_executor("dask://lab-01.cs.example.ru:8786") == ("remote", "tcp://lab-01.cs.example.ru:8786")
    for bad in ("dask-local:0", "dask://nohost", "ray://x:1", "dask-local:two"):
        with pytest.raises(ExecutorError):
            parse_executor(bad)
    (tmp_path / "class" / "anna").mkdir(parents=True)
    (tmp_path / "class" / "anna" / "neuron.py").write_text("x = 1\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["grade", "01", str(tmp_path / "class"), "--executor", "spark://x:1",
                                      "--db", f"sqlite:///{tmp_path / 'gb.sqlite'}", "--course", str(ROOT)])
    assert result.exit_code == 3 and "неизвестный исполнитель «spark://x:1»" in result.output


def test_course_and_submissions_travel_as_bytes(tmp_path):
    bundle, digest = course_bundle(ROOT)
    assert course_bundle(ROOT) == (bundle, digest)  # deterministic: the same course, the same plugin
    course = load_course(unpack_course(bundle, tmp_path / "course"))
    for assignment in course.course.assignments:
        assert course.hidden_tests(assignment).read_bytes() == COURSE.hidden_tests(assignment).read_bytes()
        assert course.solution_path(assignment).read_bytes() == COURSE.solution_path(assignment).read_bytes()
    assert suite_hash(course, course.course.assignment("02")) == suite_hash(COURSE, COURSE.course.assignment("02"))

    student = tmp_path / "ivanov" / "02_activations"
    student.mkdir(parents=True)
    (student / "activations.py").write_bytes(b"# \xd0\xa0\n")
    (student / "data").mkdir()
    (student / "data" / "w.npy").write_bytes(b"\x93NUMPY")
    (student / "secret").symlink_to("/etc/hostname")
    with zipfile.ZipFile(tmp_path / "petrov.zip", "w") as archive:
        archive.writestr("activations.py", "x = 1\n")
    for original in (student, tmp_path / "petrov.zip"):
        rebuilt = unpack_submission(pack_submission(original), tmp_path / "worker" / original.name)
        assert rebuilt.name == original.name
        key = grading_key(original, "s")
        assert grading_key(rebuilt, "s") == key  # the same bytes arrive (links are not followed, not counted)
    link = tmp_path / "worker" / "02_activations" / "02_activations" / "secret"
    assert link.is_symlink() and not link.exists()  # shipped as a link to nowhere: the worker never reads it
    with pytest.raises(ValueError):
        unpack_submission([("../evil.py", "file", b"x")], tmp_path / "worker2")


def _sandbox_children(parent: int) -> set[int]:
    """Sandbox processes (zygote, worker) whose parent is `parent`."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                cmdline = (entry / "cmdline").read_bytes().decode(errors="replace")
            except (OSError, ValueError, IndexError):
                continue
            if ppid == parent and ("/nngrader/worker.py" in cmdline or "/nngrader-worker-" in cmdline
                                   or "bwrap" in cmdline):
                found.add(int(entry.name))
    return found
