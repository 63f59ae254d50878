"""Start a confined worker process and report the isolation level reached.

full    — Linux with bubblewrap: empty root with only the interpreter, numpy
          and the worker mounted read-only; new net/pid/ipc/uts namespaces;
          an unprivileged uid; all capabilities dropped; seccomp; rlimits.
reduced — a plain child process with rlimits, a scratch cwd and a scrubbed
          environment (macOS, containers without bwrap). The trusted/untrusted
          split still defeats monkeypatching and forged reports, but files
          and network are not hidden. The grader warns about it.
"""
from __future__ import annotations

import os
import resource
import shutil
import site
import subprocess
import sys
import sysconfig
import tempfile
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import numpy

from . import seccomp_filter

FULL, REDUCED = "full", "reduced"
_WORKER_FILES = ("worker.py", "protocol.py", "seccomp_filter.py")
SANDBOX_UID = 65534  # nobody; a slot number is subtracted so parallel workers do not share a uid


class IsolationError(Exception):
    """The required isolation level cannot be reached here; the message is Russian."""


@dataclass(frozen=True)
class WorkerLimits:
    memory_mb: int = 1024
    cpu_seconds: int = 120
    file_size_mb: int = 16
    open_files: int = 256
    processes: int = 64
    scratch_mb: int = 64


def isolation_level() -> tuple[str, str]:
    """(level, reason) reachable on this machine."""
    if not sys.platform.startswith("linux"):
        return REDUCED, f"ОС {sys.platform}: песочница bubblewrap доступна только в Linux"
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        return REDUCED, "не найден bubblewrap (bwrap): установите пакет bubblewrap"
    if not seccomp_filter.supported():
        return REDUCED, "seccomp-фильтр не поддерживается на этой архитектуре"
    probe = subprocess.run([bwrap, "--unshare-net", "--ro-bind", "/", "/", "true"], capture_output=True, timeout=30)
    if probe.returncode != 0:
        return REDUCED, f"bubblewrap не может создать пространства имён: {probe.stderr.decode(errors='replace').strip()}"
    return FULL, "bubblewrap: отдельные пространства имён, непривилегированный uid, seccomp"


def _python_paths() -> list[Path]:
    """Directories the interpreter and numpy need, mounted read-only into the sandbox."""
    candidates = {Path(sys.base_prefix), Path(sys.prefix), Path(numpy.__file__).parents[1],
                  Path(sysconfig.get_paths()["stdlib"]), Path(os.path.realpath(sys.executable)).parent}
    candidates.update(Path(p) for p in site.getsitepackages())
    resolved = sorted({p.resolve() for p in candidates if p.exists()})
    # Drop paths already covered by a parent in the list.
    return [p for p in resolved if not any(q != p and q in p.parents for q in resolved)]


def _set_limits(limits: WorkerLimits) -> None:
    """preexec: rlimits are inherited by bwrap and everything it starts."""
    mb = 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limits.memory_mb * mb, limits.memory_mb * mb))
    resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds + 1))
    resource.setrlimit(resource.RLIMIT_FSIZE, (limits.file_size_mb * mb, limits.file_size_mb * mb))
    resource.setrlimit(resource.RLIMIT_NOFILE, (limits.open_files, limits.open_files))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    # Counted per uid; root ignores it, the unprivileged uid inside the sandbox does not.
    resource.setrlimit(resource.RLIMIT_NPROC, (limits.processes, limits.processes))


_ENV = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "HOME": "/scratch",
        "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
        "PYTHONDONTWRITEBYTECODE": "1", "PYTHONHASHSEED": "0"}


def _bwrap_command(staging: Path, uid: int, limits: WorkerLimits, rfd: int, wfd: int) -> list[str]:
    cmd = ["bwrap", "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
           "--die-with-parent", "--new-session", "--clearenv"]
    for key, value in _ENV.items():
        cmd += ["--setenv", key, value]
    cmd += ["--ro-bind", "/usr", "/usr", "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
            "--symlink", "usr/bin", "/bin", "--ro-bind-try", "/etc/ld.so.cache", "/etc/ld.so.cache",
            "--proc", "/proc", "--dev", "/dev"]
    for scratch in ("/tmp", "/scratch"):  # writable by the unprivileged uid, bounded in size
        cmd += ["--perms", "1777", "--size", str(limits.scratch_mb * 1024 * 1024), "--tmpfs", scratch]
    made: set[Path] = {Path("/"), Path("/usr"), Path("/tmp"), Path("/scratch")}
    for path in [*_python_paths(), Path("/nngrader")]:
        for parent in reversed(path.parents):
            if parent not in made:
                cmd += ["--perms", "0755", "--dir", str(parent)]
                made.add(parent)
        if path == Path("/nngrader"):
            cmd += ["--ro-bind", str(staging), "/nngrader"]
        elif not str(path).startswith("/usr/"):
            cmd += ["--ro-bind", str(path), str(path)]
        made.add(path)
    cmd += ["--chdir", "/scratch", "--remount-ro", "/"]
    inner = [sys.executable, "-I", "-B", "/nngrader/worker.py", str(rfd), str(wfd), "--seccomp"]
    if os.geteuid() == 0:
        # Root keeps every capability in bwrap unless dropped; then become an unprivileged uid for real.
        cmd += ["--cap-drop", "ALL", "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"]
        inner = ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", "--inh-caps=-all",
                 "--bounding-set=-all", *inner]
    else:
        cmd += ["--unshare-user", "--cap-drop", "ALL"]
    return cmd + ["--", *inner]


class WorkerProcess:
    """One running worker: its process, its private pipes, its staging folder."""

    def __init__(self, level: str, limits: WorkerLimits, slot: int = 0):
        self.level = level
        self.limits = limits
        self.staging = Path(tempfile.mkdtemp(prefix="nngrader-worker-"))
        os.chmod(self.staging, 0o755)
        here = Path(__file__).parent
        for name in _WORKER_FILES:
            shutil.copy(here / name, self.staging / name)
            os.chmod(self.staging / name, 0o644)
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        child_fds = (to_child_r, from_child_w)
        if level == FULL:
            cmd = _bwrap_command(self.staging, SANDBOX_UID - slot, limits, *child_fds)
            cwd = None
        else:
            self.scratch = tempfile.mkdtemp(prefix="nngrader-scratch-")
            cmd = [sys.executable, "-I", "-B", str(self.staging / "worker.py"), *map(str, child_fds)]
            cwd = self.scratch
        env = dict(_ENV, HOME=cwd or "/scratch")
        self.process = subprocess.Popen(
            cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            pass_fds=child_fds, cwd=cwd, env=env, start_new_session=True,
            preexec_fn=lambda: _set_limits(limits),
        )
        os.close(to_child_r)
        os.close(from_child_w)
        self.writer = os.fdopen(to_child_w, "wb", buffering=0)
        self.reader = os.fdopen(from_child_r, "rb", buffering=0)

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        """Kill the worker (only its own pid: the pid namespace takes its descendants along)."""
        for stream in (self.writer, self.reader):
            try:
                stream.close()
            except OSError:
                pass
        if self.process.poll() is None:
            self.process.kill()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        shutil.rmtree(self.staging, ignore_errors=True)
        if self.level != FULL:
            shutil.rmtree(self.scratch, ignore_errors=True)
