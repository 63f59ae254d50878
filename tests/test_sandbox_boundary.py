"""One submission cannot harm the grading of the next: hostile files from tests/hostile/ run through
the real sandbox, followed by an honest submission on the same zygote (as in a class batch).

Bounded as the hostile corpus: each attack aims only at the sandbox's own processes and pipes.
"""
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pytest

from grader.sandbox import protocol, seccomp_filter
from grader.sandbox.launcher import FULL, REDUCED, WorkerLimits, ZygoteHost, isolation_level
from grader.sandbox.proxy import SandboxedSubmission, SandboxFailure

HOSTILE = Path(__file__).with_name("hostile")
LEVEL, REASON = isolation_level()
CALL_TIMEOUT = 2.0
HONEST = '''
import numpy as np
def work(n):
    big = np.ones((n, n))  # 72 MB for n=3000: fails if a previous student lowered the zygote's RLIMIT_AS
    return float(big.sum())
'''
needs_seccomp = pytest.mark.skipif(not seccomp_filter.supported() or not os.path.exists("/proc/self/status"),
                                   reason="seccomp-фильтр здесь недоступен")


def _levels():
    return [FULL, REDUCED] if LEVEL == FULL else [REDUCED]


@pytest.fixture(params=_levels())
def host(request):
    zygote = ZygoteHost(request.param, WorkerLimits(memory_mb=768))
    yield zygote
    zygote.close()


def load(host: ZygoteHost, source: str, timeout: float = CALL_TIMEOUT) -> SandboxedSubmission:
    return SandboxedSubmission(source, module_name="m", level=host.level, limits=host.limits, host=host,
                               call_timeout_s=timeout, budget_s=30)


def honest_student_is_unharmed(host: ZygoteHost) -> None:
    started = time.monotonic()
    student = load(host, HONEST, timeout=10)
    try:
        assert student.work(3000) == 9e6
    finally:
        student.close()
    assert time.monotonic() - started < 15  # no 20-30 s wait on a stopped zygote


def hostile(name: str) -> str:
    return (HOSTILE / name).read_text(encoding="utf-8")


@needs_seccomp
def test_a_child_cannot_touch_the_zygote(host):
    student = load(host, hostile("zygote_tamper.py"))
    try:
        outcome = student.attack()
    finally:
        student.close()
    assert "skipped" not in outcome, outcome
    assert set(outcome.values()) == {"PermissionError"}, outcome
    honest_student_is_unharmed(host)
    assert host.starts == 1  # the attacks were refused, not merely repaired


def _zygote_pid(host: ZygoteHost) -> int:
    """The zygote among the confined process and its descendants (bwrap forks it at the full level)."""
    todo = [host._confined.process.pid]
    while todo:
        pid = todo.pop()
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            if b"--zygote" in f.read() and b"bwrap" not in open(f"/proc/{pid}/comm", "rb").read():
                return pid
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                todo += [int(c) for c in f.read().split()]
    raise AssertionError("zygote not found")


@pytest.mark.skipif(os.geteuid() != 0 or not os.path.exists("/proc/self/task"),
                    reason="менять приоритет чужого процесса здесь может только root")
def test_a_zygote_whose_priority_changed_is_replaced_before_the_next_fork(host):
    honest_student_is_unharmed(host)
    # What a child could do if the guard filter missed a way (done here from outside, as root).
    os.setpriority(os.PRIO_PROCESS, _zygote_pid(host), 10)
    honest_student_is_unharmed(host)
    assert host.starts == 2


@pytest.mark.parametrize("name", ["frame_stall.py", "callback_flood.py"])
def test_a_worker_that_stops_mid_frame_or_floods_costs_one_timeout(host, name):
    student = load(host, hostile(name))
    started = time.monotonic()
    try:
        with pytest.raises(SandboxFailure, match="лимит времени"):
            student.sigmoid(np.zeros(3))
    finally:
        student.close()
    assert time.monotonic() - started < CALL_TIMEOUT + 3
    honest_student_is_unharmed(host)


@needs_seccomp
def test_sysv_ipc_objects_cannot_outlive_a_submission(host):
    writer = load(host, hostile("sysv_shm.py"))
    try:
        made = writer.leave_ipc_objects()
    finally:
        writer.close()
    assert made == {"shm": False, "sem": False, "msg": False}
    reader = load(host, '''
import ctypes
def look():
    objects = 0
    for kind in ("shm", "sem", "msg"):
        try:
            with open("/proc/sysvipc/" + kind) as f:
                objects += len(f.readlines()) - 1
        except OSError:
            pass
    libc = ctypes.CDLL(None, use_errno=True)
    return [objects, libc.shmget(0x6E6E6772, 0, 0) >= 0]
''')
    try:
        objects, found = reader.look()
    finally:
        reader.close()
    assert not found
    if host.level == FULL:  # its own IPC namespace: nothing of the host is listed
        assert objects == 0


def test_files_left_anywhere_writable_are_gone_for_the_next_student(host):
    """Every writable place at the full level; at the reduced one, the submission's own cwd, HOME and TMPDIR
    (the host's /tmp and /dev/shm stay shared there: one reason grading refuses that level)."""
    shared = '"/tmp", "/scratch", "/dev/shm"' if host.level == FULL else ""
    writer = load(host, '''
import os, tempfile
def leave():
    left = []
    for d in {os.getcwd(), os.environ.get("HOME", "."), tempfile.gettempdir(), SHARED}:
        if os.path.isdir(d) and os.access(d, os.W_OK):
            os.makedirs(os.path.join(d, "deep", "er"), exist_ok=True)
            open(os.path.join(d, "deep", "er", "marker"), "w").write("1")
            open(os.path.join(d, "marker"), "w").write("1")
            left.append(d)
    return left
'''.replace("SHARED", shared))
    try:
        left = writer.leave()
    finally:
        writer.close()
    assert left
    reader = load(host, '''
import os
def look(places):
    return [d for d in places if os.path.exists(os.path.join(d, "marker")) or os.path.exists(os.path.join(d, "deep"))]
''')
    try:
        assert reader.look(left) == []
    finally:
        reader.close()


def test_a_forged_huge_reply_is_refused_without_reading_it(host):
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    student = load(host, hostile("forged_huge_reply.py"))
    try:
        with pytest.raises(SandboxFailure, match="недопустимые данные"):
            student.sigmoid(np.zeros(3))
    finally:
        student.close()
    grown_mib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before) / 1024
    assert grown_mib < 200, grown_mib
    honest_student_is_unharmed(host)


def test_what_crosses_back_is_bounded(host):
    student = load(host, hostile("huge_exception_name.py"))
    try:
        with pytest.warns(UserWarning) as caught, pytest.raises(ValueError) as info:
            student.sigmoid(np.zeros(3))
    finally:
        student.close()
    assert len(str(info.value)) <= protocol.MAX_NAME + protocol.MAX_MESSAGE_TEXT + 10
    assert len(getattr(info.value, "student_traceback", "")) <= protocol.MAX_TRACEBACK
    assert len(caught) <= protocol.MAX_WARNINGS
    assert all(len(str(w.message)) <= protocol.MAX_WARNING_TEXT for w in caught)


def test_forged_reply_metadata_is_clipped_and_storable():
    header = protocol.bound_reply({
        "op": "reply", "stdout": "x" * (10 << 20), "error": {"type": "E" * (2 << 20), "base": "not an id",
                                                            "message": "\ud800" * 5000, "line": "7"},
        "warnings": [{"category": "W" * 1000, "message": "m" * 5000}] * 1000, "mutated": [[0]] * 100000})
    assert len(header["stdout"]) <= protocol.MAX_OUTPUT
    assert len(header["error"]["type"]) <= protocol.MAX_NAME and header["error"]["base"] == "Exception"
    header["error"]["message"].encode("utf-8")  # a lone surrogate would break the gradebook write
    assert header["error"]["line"] is None
    assert len(header["warnings"]) == protocol.MAX_WARNINGS and len(header["mutated"]) == protocol.MAX_MUTATED
    deep = [[[[[[0]]]]]]
    for _ in range(protocol.MAX_DEPTH):
        deep = [deep]
    with pytest.raises(protocol.ProtocolError):
        protocol.decode(deep, [])


ABANDON = """
import os, sys
from grader.sandbox.launcher import WorkerLimits, ZygoteHost
from grader.sandbox.proxy import SandboxedSubmission
host = ZygoteHost(sys.argv[1], WorkerLimits(memory_mb=768))
student = SandboxedSubmission("def f():\\n    open('junk', 'w').write('x')\\n    return 1\\n", module_name="m",
                              level=sys.argv[1], host=host)
assert student.f() == 1
os._exit(0)  # as a grading process ends: nobody calls close()
"""


@pytest.mark.parametrize("level", _levels())
def test_no_staging_or_scratch_folder_outlives_the_grader(level):
    # Our own temp dir, reachable by the sandbox uid as /tmp is (pytest's tmp_path is private to root).
    own = Path(tempfile.mkdtemp(prefix="sandbox-test-"))
    try:
        own.chmod(0o711)
        env = {**os.environ, "TMPDIR": str(own), "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
        done = subprocess.run([sys.executable, "-c", ABANDON, level], env=env, capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == 0, done.stderr[-2000:]
        for _ in range(50):  # the zygote notices its grader is gone and cleans up after itself
            if not any(own.iterdir()):
                break
            time.sleep(0.1)
        assert sorted(p.name for p in own.iterdir()) == []
    finally:
        shutil.rmtree(own, ignore_errors=True)
