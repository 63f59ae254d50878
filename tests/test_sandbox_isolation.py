"""What student code can see and do inside the worker, probed from the inside."""
import os
import time
from pathlib import Path

import numpy as np
import pytest

from grader.sandbox.inplace import watching
from grader.sandbox.launcher import FULL, WorkerLimits, isolation_level
from grader.sandbox.proxy import SandboxedSubmission, SandboxFailure, StudentCodeError, SubmissionLoadFailed

ROOT = Path(__file__).resolve().parents[1]
LEVEL, REASON = isolation_level()
full_only = pytest.mark.skipif(LEVEL != FULL, reason=f"нет полной изоляции: {REASON}")

PROBE = f'''
import os, ctypes, socket

def probe():
    found = {{}}
    for path in ({str(ROOT / "course.yaml")!r}, {str(ROOT / "solutions")!r}, {str(ROOT / "exercises")!r},
                 {str(ROOT / "gradebook.sqlite")!r}, "/home", "/etc/passwd", "/etc/shadow", "/var"):
        found[path] = os.path.exists(path)
    # The course folder itself may appear only as the parent of a virtualenv kept inside it.
    try:
        found["course_listing"] = sorted(os.listdir({str(ROOT)!r}))
    except OSError:
        found["course_listing"] = []
    # Only the interpreter's own directory may appear (it can live under /root).
    try:
        found["root_listing"] = sorted(os.listdir("/root"))
    except OSError:  # absent, or unreadable by the unprivileged uid (reduced level under root)
        found["root_listing"] = []
    try:
        open("/proc/1/environ", "rb").read()
        found["read_init_environ"] = True
    except OSError:
        found["read_init_environ"] = False
    found["uid"] = os.getuid()
    found["env"] = sorted(os.environ)
    found["cwd"] = os.getcwd()
    found["pids"] = len([p for p in os.listdir("/proc") if p.isdigit()])
    with open("/proc/self/status") as f:
        found["caps"] = [line.split()[1] for line in f if line.startswith("CapEff")][0]
    libc = ctypes.CDLL(None, use_errno=True)
    found["unshare_user"] = libc.unshare(0x10000000) == 0
    try:
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM).connect(("127.0.0.1", 9))
        found["inet"] = True
    except OSError:
        found["inet"] = False
    try:
        open("/usr/evil", "w")
        found["write_usr"] = True
    except OSError:
        found["write_usr"] = False
    return found
'''


@pytest.fixture(scope="module")
def probe():
    os.environ["NNGRADER_SECRET"] = "do-not-leak"
    sandbox = SandboxedSubmission(PROBE, module_name="probe", level=LEVEL)
    try:
        yield sandbox.probe()
    finally:
        sandbox.close()
        os.environ.pop("NNGRADER_SECRET", None)


@full_only
def test_course_files_do_not_exist_inside(probe):
    hidden = [path for path, present in probe.items() if path.startswith("/") and present is True]
    assert hidden == []
    assert set(probe["root_listing"]) <= {".pyenv"}
    assert set(probe["course_listing"]) <= {".venv", "venv"}
    assert probe["read_init_environ"] is False


@full_only
def test_unprivileged_without_capabilities(probe):
    assert probe["uid"] != 0
    assert int(probe["caps"], 16) == 0


@full_only
def test_no_network_no_namespaces_no_host_processes(probe):
    assert probe["inet"] is False
    assert probe["unshare_user"] is False
    assert probe["pids"] <= 3  # bwrap's init, setpriv/python, nothing of the host
    assert probe["write_usr"] is False


def test_environment_is_scrubbed(probe):
    assert "NNGRADER_SECRET" not in probe["env"]
    assert set(probe["env"]) <= {"PATH", "LANG", "LC_ALL", "HOME", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS",
                                 "MKL_NUM_THREADS", "PYTHONDONTWRITEBYTECODE", "PYTHONHASHSEED", "PWD", "TMPDIR"}


def test_calls_cross_as_data_with_callbacks_warnings_and_exceptions():
    source = '''
import numpy as np
def grad(f, x):
    h = 1e-5
    g = np.zeros_like(x)
    for i in range(x.size):
        e = np.zeros_like(x); e.flat[i] = h
        g.flat[i] = (f(x + e) - f(x - e)) / (2 * h)
    return g
def overflow(x):
    return np.exp(x)
def fails():
    return [1][5]
def mutate(x):
    x += 1
    return None
def mutate_state(state):
    state["v"] *= 2
    state["list"][1][:] = 0
    return 1
def shapes():
    return {"a": (1, 2.5, None, "ю"), 3: [np.float32(1.5), np.arange(3, dtype=np.int16)]}
'''
    with_sandbox = SandboxedSubmission(source, module_name="m", level=LEVEL)
    try:
        x = np.array([1.0, -2.0, 0.5])
        np.testing.assert_allclose(with_sandbox.grad(lambda v: float(np.sum(v ** 3)), x), 3 * x ** 2, rtol=1e-6)
        with pytest.warns(RuntimeWarning, match="overflow"):
            with_sandbox.overflow(np.array([1e4]))
        with pytest.raises(IndexError) as info:
            with_sandbox.fails()
        assert info.value.student_line == 13
        # In-place writes are reported to watches, never copied back into the caller's arrays.
        y = np.zeros(2)
        with watching(y) as watch:
            with_sandbox.mutate(y)
        assert y.tolist() == [0.0, 0.0] and watch.modified == [True]
        state = {"v": np.ones(2), "list": [np.ones(1), np.ones(3)]}
        with watching(state["v"], state["list"][0], state["list"][1]) as watch:
            with_sandbox.mutate_state(state)
        assert state["v"].tolist() == [1.0, 1.0] and state["list"][1].tolist() == [1.0, 1.0, 1.0]
        assert watch.modified == [True, False, True]
        value = with_sandbox.shapes()
        assert value["a"] == (1, 2.5, None, "ю")
        assert value[3][0] == np.float32(1.5) and value[3][1].dtype == np.int16
    finally:
        with_sandbox.close()


def test_a_hung_call_costs_one_call_and_the_worker_restarts():
    source = "def slow():\n    while True:\n        pass\ndef fast(x):\n    return x + 1\n"
    # 2 s: a restarted standalone worker starts Python and numpy within the call's time limit.
    sandbox = SandboxedSubmission(source, module_name="m", level=LEVEL, call_timeout_s=2.0)
    try:
        started = time.monotonic()
        with pytest.raises(SandboxFailure, match="превышен лимит времени"):
            sandbox.slow()
        assert time.monotonic() - started < 5
        assert sandbox.fast(1) == 2 and sandbox.restarts == 1
        started = time.monotonic()
        with pytest.raises(SandboxFailure, match="уже превысила лимит времени"):
            sandbox.slow()  # not run again: one infinite loop costs one timeout
        assert time.monotonic() - started < 0.5
        assert sandbox.fast(2) == 3
    finally:
        sandbox.close()


def test_budget_per_submission_is_enforced():
    source = "import time\ndef nap():\n    time.sleep(0.6)\n    return 1\n"
    # The worker's start counts too (0.2-1 s on a loaded machine): room for two naps, not for six.
    sandbox = SandboxedSubmission(source, module_name="m", level=LEVEL, call_timeout_s=5.0, budget_s=2.5)
    try:
        results = []
        for _ in range(6):
            try:
                results.append(sandbox.nap())
            except SandboxFailure as exc:
                results.append(str(exc))
        assert results[:2] == [1, 1]
        assert any("общий лимит времени" in str(r) for r in results[2:])
    finally:
        sandbox.close()


def test_import_error_is_reported_with_line():
    with pytest.raises(SubmissionLoadFailed, match="строка 2"):
        SandboxedSubmission("import numpy\nraise ValueError('boom')\n", module_name="m", level=LEVEL)


def test_library_exceptions_keep_their_builtin_ancestor():
    source = "import numpy as np\nclass MyError(ValueError):\n    pass\n" \
             "def axis():\n    return np.sum(np.ones(2), axis=3)\ndef mine():\n    raise MyError('плохой p')\n"
    sandbox = SandboxedSubmission(source, module_name="m", level=LEVEL)
    try:
        with pytest.raises(ValueError, match="AxisError"):
            sandbox.axis()
        with pytest.raises(ValueError, match="MyError: плохой p"):
            sandbox.mine()
    finally:
        sandbox.close()


def test_system_exit_never_leaves_the_worker():
    sandbox = SandboxedSubmission("def f():\n    raise SystemExit(3)\n", module_name="m", level=LEVEL)
    try:
        with pytest.raises(StudentCodeError, match="SystemExit"):
            sandbox.f()
    finally:
        sandbox.close()


def test_memory_limit_gives_memory_error_not_a_dead_grader():
    source = "def big():\n    return bytearray(900 * 1024 * 1024)\n"
    sandbox = SandboxedSubmission(source, module_name="m", level=LEVEL, limits=WorkerLimits(memory_mb=512))
    try:
        with pytest.raises((MemoryError, SandboxFailure)):
            sandbox.big()
    finally:
        sandbox.close()


def test_numpy_submodules_loaded_lazily_keep_working_across_calls():
    source = "import numpy as np\ndef draw(seed):\n    return np.random.default_rng(seed).random(3)\n" \
             "def spectrum(x):\n    return np.abs(np.fft.rfft(x))\n"
    sandbox = SandboxedSubmission(source, module_name="m", level=LEVEL)
    try:
        first = sandbox.draw(1)
        assert np.array_equal(first, sandbox.draw(1))
        assert sandbox.spectrum(np.ones(4)).shape == (3,)
        assert sandbox.spectrum(np.ones(4)).shape == (3,)
    finally:
        sandbox.close()


def test_require_isolation_full_refuses_below_it(monkeypatch):
    from typer.testing import CliRunner

    from grader.cli import app
    from grader.sandbox import levels
    from grader.sandbox.launcher import IsolationError

    monkeypatch.setattr(levels, "isolation_level", lambda: ("reduced", "не найден bubblewrap (bwrap)"))
    with pytest.raises(IsolationError, match="требуется уровень изоляции «full»"):
        levels.choose_level("full")
    assert levels.choose_level(None)[0] == "reduced"
    result = CliRunner().invoke(app, ["test", "02", str(ROOT / "solutions" / "activations.py"),
                                      "--require-isolation", "full", "--course", str(ROOT)])
    assert result.exit_code == 3 and "Отказ" in result.output
