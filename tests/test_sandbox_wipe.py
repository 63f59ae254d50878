"""The scratch wipe between submissions: everything a student made goes, nothing else does."""
import os
import time

from grader.sandbox import wipe as wipe_module
from grader.sandbox.wipe import wipe


def test_deep_locked_trees_and_symlinks_are_removed_without_following_links(tmp_path):
    scratch = tmp_path / "scratch"
    outside = tmp_path / "outside"
    scratch.mkdir()
    outside.mkdir()
    (outside / "keep.txt").write_text("host file")
    deep = scratch / "d"
    deep.mkdir()
    path = deep
    for _ in range(1200):  # deeper than the recursion limit allows a recursive walk
        path = path / "n"
        path.mkdir()
    (path / "f").write_text("x")
    locked = scratch / "locked"
    (locked / "inner").mkdir(parents=True)
    (locked / "inner" / "f").write_text("x")
    os.chmod(locked / "inner", 0)
    os.chmod(locked, 0o500)
    (scratch / "link").symlink_to(outside)
    (scratch / "file").write_text("x")
    assert wipe(str(scratch)) is True
    assert list(scratch.iterdir()) == []
    assert (outside / "keep.txt").read_text() == "host file"


def test_mount_points_are_never_entered(tmp_path, monkeypatch):
    scratch = tmp_path / "scratch"
    interpreter = scratch / "venv" / "lib"
    interpreter.mkdir(parents=True)
    (interpreter / "numpy.py").write_text("x")
    (scratch / "junk").write_text("x")
    monkeypatch.setattr(wipe_module, "_mount_points", lambda: {str(scratch / "venv")})
    assert wipe(str(scratch)) is True
    assert (interpreter / "numpy.py").exists()
    assert sorted(p.name for p in scratch.iterdir()) == ["venv"]


def test_a_wipe_past_its_deadline_reports_it(tmp_path):
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    for i in range(50):
        (scratch / str(i)).write_text("x")
    assert wipe(str(scratch), deadline=time.monotonic() - 1) is False
