"""What a submission reached for that no NumPy solution needs: noted inside the worker, for a person to read.

A CPython audit hook (PEP 578) sees the interpreter's own events — sockets,
starting programs, ctypes, signals and rlimits aimed at other processes, files
opened for writing outside the scratch folders, reads and listings of places
where course files would live. The sandbox refuses most of these anyway (seccomp,
an empty root); the alert is for the instructor: someone tried. A hook cannot be
removed from Python code, but a determined submission could still hide its tracks
(for instance by calling C code directly), so an alert is evidence and no alert is
no proof. Runs inside the worker: standard library only.
"""
from __future__ import annotations

import os

MAX_ALERTS = 20
MAX_TEXT = 200

_RUN = ("subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "pty.spawn", "os.fork",
        "os.forkpty")
_SIGNALS = ("os.kill", "os.killpg", "signal.pthread_kill")
_LIMITS = ("resource.setrlimit", "resource.prlimit")
_LISTINGS = ("os.listdir", "os.scandir", "glob.glob", "os.walk")
_COURSE_WORDS = ("hidden", "solution", "gradebook", "mutant", "/nngrader/", "course.yaml")


class Alerts:
    """Collects Russian one-line alerts; `drain()` hands over the new ones (each alert once)."""

    def __init__(self, allowed_roots: list[str], readable_roots: list[str] = ()):
        self.allowed = [os.path.realpath(r) for r in allowed_roots if r]
        # The interpreter's own files (lazy imports while student code runs) are never an alert.
        self.readable = [os.path.realpath(r) for r in readable_roots if r]
        self.seen: set[str] = set()
        self.pending: list[str] = []
        self.active = False  # only while submission code runs: not numpy's or the worker's own work

    def hook(self, event: str, args: tuple) -> None:
        if not self.active:
            return
        try:
            text = self._judge(event, args)
        except Exception:  # noqa: BLE001 - a hook must never break the audited call
            return
        if text and text not in self.seen and len(self.seen) < MAX_ALERTS:
            self.seen.add(text)
            self.pending.append(text[:MAX_TEXT])

    def drain(self) -> list[str]:
        out, self.pending = self.pending, []
        return out

    def _inside(self, path: str, roots: list[str] | None = None) -> bool:
        full = os.path.realpath(path)
        return any(full == root or full.startswith(root + os.sep) for root in (self.allowed if roots is None else roots))

    def _judge(self, event: str, args: tuple) -> str | None:
        if event.startswith("socket."):
            return "открывает сетевое соединение (socket)"
        if event.startswith(_RUN):
            return f"пытается запустить процесс или программу ({event})"
        if event.startswith("ctypes."):
            return "обращается к памяти или библиотекам напрямую (ctypes)"
        if event in _SIGNALS:
            return f"посылает сигнал процессу ({event})"
        if event in _LIMITS:
            return f"меняет лимиты процессов ({event})"
        if event == "open" and args and isinstance(args[0], (str, bytes)):
            path = os.fsdecode(args[0])
            mode = args[1] if len(args) > 1 and isinstance(args[1], str) else "r"
            if any(c in mode for c in "wax+") and not self._inside(path):
                return f"пишет в файл вне рабочей папки: {path}"
            if self._inside(path, self.readable):
                return None
            if _course_like(path) or path.startswith("/proc/") and not path.startswith("/proc/self"):
                return f"читает файл, где могли бы лежать тесты или чужие данные: {path}"
        if event in _LISTINGS and args and isinstance(args[0], (str, bytes)):
            path = os.fsdecode(args[0])
            if _course_like(path) or not self._inside(path or "."):
                return f"просматривает папки вне рабочей: {path or '.'}"
        return None


def _course_like(path: str) -> bool:
    lowered = path.lower()
    name = os.path.basename(lowered)
    return any(word in lowered for word in _COURSE_WORDS) or (name.startswith("test_") and name.endswith(".py"))
