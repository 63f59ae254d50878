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

import json
import os
import resource
import shutil
import site
import socket
import subprocess
import sys
import sysconfig
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

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


def _bwrap_command(staging: Path, uid: int, limits: WorkerLimits, worker_args: list[str]) -> list[str]:
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
    inner = [sys.executable, "-I", "-B", "/nngrader/worker.py", *worker_args, "--seccomp"]
    if os.geteuid() == 0:
        # Root keeps every capability in bwrap unless dropped; then become an unprivileged uid for real.
        cmd += ["--cap-drop", "ALL", "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"]
        inner = ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", "--inh-caps=-all",
                 "--bounding-set=-all", *inner]
    else:
        cmd += ["--unshare-user", "--cap-drop", "ALL"]
    return cmd + ["--", *inner]


def _stage_worker_files() -> Path:
    """A world-readable folder with the worker's code: the only project files the sandbox sees."""
    staging = Path(tempfile.mkdtemp(prefix="nngrader-worker-"))
    os.chmod(staging, 0o755)
    here = Path(__file__).parent
    for name in _WORKER_FILES:
        shutil.copy(here / name, staging / name)
        os.chmod(staging / name, 0o644)
    return staging


class _Confined:
    """Start `worker.py ARGS` at the given level with `pass_fds` inherited."""

    def __init__(self, level: str, limits: WorkerLimits, slot: int, worker_args: list[str], pass_fds: tuple):
        self.level = level
        self.staging = _stage_worker_files()
        self.scratch: str | None = None
        if level == FULL:
            cmd = _bwrap_command(self.staging, SANDBOX_UID - slot, limits, worker_args)
            cwd = None
        else:
            self.scratch = tempfile.mkdtemp(prefix="nngrader-scratch-")
            cmd = [sys.executable, "-I", "-B", str(self.staging / "worker.py"), *worker_args]
            cwd = self.scratch
        self.process = subprocess.Popen(
            cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            pass_fds=pass_fds, cwd=cwd, env=dict(_ENV, HOME=cwd or "/scratch"), start_new_session=True,
            preexec_fn=lambda: _set_limits(limits),
        )

    def stop(self) -> None:
        """Kill the confined process (its own pid only: the pid namespace takes its descendants along)."""
        if self.process.poll() is None:
            self.process.kill()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        shutil.rmtree(self.staging, ignore_errors=True)
        if self.scratch:
            shutil.rmtree(self.scratch, ignore_errors=True)


def _pipes() -> tuple[tuple[int, int], BinaryIO, BinaryIO]:
    """(child's read and write fds, our writer, our reader)."""
    to_child_r, to_child_w = os.pipe()
    from_child_r, from_child_w = os.pipe()
    for fd in (to_child_w, from_child_w):
        _widen(fd)
    return (to_child_r, from_child_w), os.fdopen(to_child_w, "wb", buffering=0), os.fdopen(from_child_r, "rb", buffering=0)


def _widen(fd: int) -> None:
    """1 MiB pipes: an 800 kB array crosses in one go instead of a dozen 64 kB round trips."""
    try:
        import fcntl
        fcntl.fcntl(fd, 1031, 1 << 20)  # F_SETPIPE_SZ
    except (ImportError, OSError):
        pass


def _close_quietly(*streams) -> None:
    for stream in streams:
        try:
            stream.close()
        except OSError:
            pass


class WorkerProcess:
    """One standalone worker process (Python and numpy started from scratch)."""

    def __init__(self, level: str, limits: WorkerLimits, slot: int = 0):
        child_fds, self.writer, self.reader = _pipes()
        self._confined = _Confined(level, limits, slot, [str(fd) for fd in child_fds], child_fds)
        for fd in child_fds:
            os.close(fd)

    def stop(self) -> None:
        _close_quietly(self.writer, self.reader)
        self._confined.stop()


class ZygoteHost:
    """A confined zygote that forks a fresh worker per submission (see worker.Zygote)."""

    def __init__(self, level: str, limits: WorkerLimits, slot: int = 0):
        self.level, self.limits, self.slot = level, limits, slot
        self._confined: _Confined | None = None
        self._control: socket.socket | None = None
        self.generation = 0  # which spawn is the live child: only it may ask for a clear

    def _ensure(self) -> socket.socket:
        if self._control is None or self._confined is None or self._confined.process.poll() is not None:
            self.close()
            ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
            args = ["--zygote", str(theirs.fileno()), "pidns" if self.level == FULL else "plain"]
            if self.level == FULL:
                args += ["/scratch", "/tmp"]
            # The zygote lives for many submissions: its CPU limit is per child, set at fork.
            limits = WorkerLimits(**{**self.limits.__dict__, "cpu_seconds": 24 * 3600})
            self._confined = _Confined(self.level, limits, self.slot, args, (theirs.fileno(),))
            theirs.close()
            ours.settimeout(30)
            self._control = ours
        return self._control

    def spawn(self) -> "ZygoteChild":
        for attempt in range(2):
            control = self._ensure()
            child_fds, writer, reader = _pipes()
            try:
                socket.send_fds(control, [json.dumps({"op": "spawn", "cpu_seconds": self.limits.cpu_seconds}).encode()],
                                list(child_fds))
                reply = json.loads(control.recv(4096) or b"{}")
            except (OSError, ValueError):
                reply = {}
            finally:
                for fd in child_fds:
                    os.close(fd)
            if "pid" in reply:
                self.generation += 1
                return ZygoteChild(self, writer, reader, self.generation)
            _close_quietly(writer, reader)
            self.close()  # the zygote died (a submission may have killed it): start a new one
        raise OSError("не удалось запустить процесс решения")

    def clear(self) -> None:
        """Ask the zygote to kill the current child and everything it started."""
        if self._control is None:
            return
        try:
            self._control.send(b'{"op": "clear"}')
            self._control.recv(4096)
        except OSError:
            self.close()

    def close(self) -> None:
        if self._control is not None:
            _close_quietly(self._control)
            self._control = None
        if self._confined is not None:
            self._confined.stop()
            self._confined = None


class ZygoteChild:
    """A forked worker: the same interface as WorkerProcess."""

    def __init__(self, host: ZygoteHost, writer: BinaryIO, reader: BinaryIO, generation: int):
        self.host, self.writer, self.reader, self.generation = host, writer, reader, generation

    def stop(self) -> None:
        _close_quietly(self.writer, self.reader)
        if self.host.generation == self.generation:  # an older child was already killed by the next spawn
            self.host.clear()
