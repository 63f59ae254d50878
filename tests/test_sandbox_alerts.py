"""The sandbox notes what a submission reached for (network, programs, files outside its folder,
course files) and the instructor sees it in the summary, the feedback and the exports — without
changing the grade, and without a single note for honest code."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from grader.cli import app
from grader.gradebook import Gradebook
from grader.records import ALERT_NOTE
from grader.sandbox.alerts import Alerts

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def _judge(event: str, *args) -> list[str]:
    alerts = Alerts(["/scratch", "/tmp"], ["/usr/lib/python3"])
    alerts.active = True
    alerts.hook(event, args)
    return alerts.drain()


@pytest.mark.parametrize("event,args,word", [
    ("socket.connect", (None, ("127.0.0.1", 9)), "сетевое"),
    ("subprocess.Popen", ("sh", ["sh"], None, None), "процесс"),
    ("os.system", ("ls",), "процесс"),
    ("ctypes.dlopen", ("libc.so.6",), "ctypes"),
    ("os.kill", (1, 9), "сигнал"),
    ("resource.prlimit", (1, 9, (1, 1)), "лимиты"),
    ("open", ("/etc/passwd-copy", "w", 0), "пишет"),
    ("open", ("/course/exercises/02/hidden/test_x_hidden.py", "r", 0), "тесты"),
    ("open", ("/proc/1/environ", "r", 0), "чужие"),
    ("os.listdir", ("/home",), "папки"),
])
def test_reaching_out_is_noted(event, args, word):
    found = _judge(event, *args)
    assert len(found) == 1 and word in found[0]


@pytest.mark.parametrize("event,args", [
    ("open", ("/scratch/notes.txt", "w", 0)),        # its own scratch folder
    ("open", ("/tmp/x.npy", "wb", 0)),
    ("open", ("/usr/lib/python3/json/__init__.py", "r", 0)),  # a lazy import of the interpreter's own files
    ("os.listdir", ("/scratch",)),
    ("open", ("/scratch/data.csv", "r", 0)),
])
def test_ordinary_work_is_not_noted(event, args):
    assert _judge(event, *args) == []


def test_nothing_is_noted_while_the_worker_itself_works():
    alerts = Alerts(["/scratch"])
    alerts.hook("socket.connect", (None, ("127.0.0.1", 9)))  # not active: the worker's own machinery
    assert alerts.drain() == []


def test_each_alert_once_and_bounded():
    alerts = Alerts(["/scratch"])
    alerts.active = True
    for i in range(100):
        alerts.hook("os.system", ("ls",))
        alerts.hook("open", (f"/etc/file{i}", "w", 0))
    found = alerts.drain()
    assert found.count(found[0]) == 1 and len(found) == 20


def test_the_instructor_sees_it_and_the_grade_is_unchanged(tmp_path):
    course = tmp_path / "class"
    for name in ("honest", "prober"):
        (course / name).mkdir(parents=True)
    reference = (ROOT / "solutions" / "activations.py").read_text(encoding="utf-8")
    shutil.copy(ROOT / "solutions" / "activations.py", course / "honest" / "activations.py")
    # The reference with relu replaced by the hostile corpus's prober (its later definition wins).
    probe = (ROOT / "tests" / "hostile" / "reach_out.py").read_text(encoding="utf-8")
    (course / "prober" / "activations.py").write_text(reference + "\n\n" + probe, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'gb.sqlite'}"
    result = runner.invoke(app, ["grade", "02", str(course), "--db", url, "--course", str(ROOT)])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "prober: подозрительные действия" in text and "honest: подозрительные" not in text
    with Gradebook(url) as book:
        records = {r.student_id: r for r in book.current("02_activations")}
    assert records["prober"].score == records["honest"].score == 100
    note = next(n for n in records["prober"].notes if n.startswith(ALERT_NOTE))
    assert "сетевое соединение" in note and "/var/tmp/nngrader-reach-out" in note
    assert not any(n.startswith(ALERT_NOTE) for n in records["honest"].notes)
    out = tmp_path / "grades.csv"
    assert runner.invoke(app, ["export", "--format", "csv", "--db", url, "--course", str(ROOT),
                               "--out", str(out)]).exit_code == 0
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].endswith("Проверить вручную")
    assert next(line for line in lines if line.startswith("prober")).endswith("02_activations")
