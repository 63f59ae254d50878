"""The wheel is the engine only: a student can install it without receiving any answer."""
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_holds_the_grader_package_and_its_data_only(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(tmp_path)],
                   check=True, capture_output=True, timeout=600)
    [wheel] = list(tmp_path.glob("nngrader-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert {n.split("/")[0] for n in names} == {"grader", wheel.name.split("-py3")[0] + ".dist-info"}
    assert not [n for n in names if any(bad in n for bad in ("solutions", "exercises", "hidden", "mutants", "tests/"))]
    # data the engine reads at run time must ship with it
    for needed in ("grader/harness/pytest.ini", "grader/feedback/templates/student.html.j2",
                   "grader/sandbox/worker.py", "grader/sandbox/seccomp_filter.py",
                   "grader/gradebook/migrations/env.py", "grader/gradebook/migrations/script.py.mako",
                   "grader/gradebook/migrations/versions/0001_baseline.py"):
        assert needed in names, needed
    entry_points = zipfile.ZipFile(wheel).read(f"{wheel.name.split('-py3')[0]}.dist-info/entry_points.txt").decode()
    assert "nngrader = grader.cli:main" in entry_points and "grader.harness.plugin" in entry_points
