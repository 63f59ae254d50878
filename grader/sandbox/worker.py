"""The sandboxed side: execute the submission, then serve calls as plain data.

Runs inside the confined process with only the standard library, numpy and
`protocol.py` (copied next to this file). It never sees a test, the
reference or an expected value: it receives arguments, returns results.

The protocol travels on private file descriptors; fds 0-2 are pointed at
/dev/null so a submission that writes to "stdout" at the OS level cannot
corrupt the channel.
"""
from __future__ import annotations

import io
import os
import sys
import traceback
import types
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import numpy as np  # noqa: E402

import alerts  # noqa: E402
import protocol  # noqa: E402
import wipe  # noqa: E402

OUTPUT_CAP = 64 * 1024
SUBMISSION_FILE = "submission.py"


class _CappedText(io.TextIOBase):
    """A text sink that keeps the first OUTPUT_CAP characters and counts the rest."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.dropped = 0

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        text = str(text)
        room = OUTPUT_CAP - self.size
        if room > 0:
            self.parts.append(text[:room])
            self.size += min(room, len(text))
        self.dropped += max(0, len(text) - max(room, 0))
        return len(text)

    def value(self) -> str:
        tail = f"\n… (ещё {self.dropped} символов вывода отброшено)" if self.dropped else ""
        return "".join(self.parts) + tail


class Channel:
    def __init__(self, rfd: int, wfd: int):
        self.reader = os.fdopen(rfd, "rb", buffering=0)
        self.writer = os.fdopen(wfd, "wb", buffering=0)

    def send(self, message: dict, blobs: list[bytes]) -> None:
        protocol.write_message(self.writer, message, blobs)

    def receive(self) -> tuple[dict, list[bytes]]:
        return protocol.read_message(self.reader)


def _safe_str(exc: BaseException) -> str:
    try:
        return str(exc)[:2000]
    except BaseException:  # noqa: BLE001 - a hostile __str__
        return "(сообщение исключения недоступно)"


def _error_payload(exc: BaseException) -> dict:
    try:
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == SUBMISSION_FILE]
        text = "".join(traceback.format_list(frames)) + "".join(traceback.format_exception_only(type(exc), exc))
    except BaseException:  # noqa: BLE001
        frames, text = [], ""
    # The nearest builtin ancestor lets the trusted side rebuild e.g. numpy's AxisError as a ValueError.
    base = next((c.__name__ for c in type(exc).__mro__ if c.__module__ == "builtins"), "Exception")
    return {"type": type(exc).__name__[:100], "base": base, "message": _safe_str(exc),
            "line": frames[-1].lineno if frames else None, "traceback": text[-4000:]}


class _Pristine:
    """Snapshots of the modules the worker itself relies on, restored after student code runs.

    A submission may overwrite `builtins.isinstance` or `numpy.frombuffer`;
    that must not break the worker's own encoding of the next reply.
    """

    def __init__(self, *modules: types.ModuleType, only: dict | None = None):
        # For big namespaces (numpy) only the names the worker uses are guarded: checking all
        # ~600 on every call would cost more than the call itself.
        only = only or {}
        self.saved = [(m, {k: v for k, v in vars(m).items() if m not in only or k in only[m]}) for m in modules]

    def restore(self) -> None:
        # Put back what was replaced or deleted; leave new names alone (numpy loads
        # submodules such as numpy.random lazily, on first use).
        for module, namespace in self.saved:
            current = vars(module)
            for key, value in namespace.items():
                if current.get(key, _MISSING) is not value:
                    current[key] = value


_MISSING = object()


def _same_bytes(a: np.ndarray, b: np.ndarray) -> bool:
    """Bitwise equality (NaN == NaN): 40× faster than array_equal(equal_nan=True)."""
    if a.shape != b.shape or a.dtype != b.dtype:
        return False
    return bool(np.array_equal(np.ascontiguousarray(a).reshape(-1).view(np.uint8), b.reshape(-1).view(np.uint8)))


def _arrays(value, path=()):
    """(path, array) for every ndarray nested in lists, tuples and dicts."""
    if isinstance(value, np.ndarray):
        yield path, value
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _arrays(item, path + (i,))
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, (str, int)):
                yield from _arrays(item, path + (key,))


class Worker:
    def __init__(self, channel: Channel):
        self.channel = channel
        self.module: types.ModuleType | None = None
        import builtins
        import json
        import struct
        numpy_used = {"array_equal", "asarray", "ascontiguousarray", "copyto", "dtype", "errstate", "frombuffer",
                      "generic", "ndarray", "uint8", "bool_", "float64"}
        self.pristine = _Pristine(builtins, np, json, struct, protocol, sys, only={np: numpy_used})
        self.request_id = None
        self._scratch = bytearray(1 << 20)
        # Installed in this submission's own process (after the fork): it sees only this student's code.
        self.alerts = alerts.Alerts([os.getcwd(), "/tmp", "/scratch", os.environ.get("HOME", ""),
                                     os.environ.get("TMPDIR", "")],
                                    [sys.prefix, sys.base_prefix, os.path.dirname(os.path.dirname(np.__file__)),
                                     os.path.dirname(os.path.abspath(__file__))])
        sys.addaudithook(self.alerts.hook)

    def _callback(self, ident: int):
        def call_back(*args, **kwargs):
            blobs: list[bytes] = []
            payload = {"op": "callback", "callback": ident,
                       "args": protocol.encode(list(args), blobs), "kwargs": protocol.encode(kwargs, blobs)}
            self.channel.send(payload, blobs)
            reply, rblobs = self.channel.receive()
            if "error" in reply:
                raise RuntimeError(f"функция, переданная тестом, завершилась с ошибкой: {reply['error']}")
            return protocol.decode(reply["ok"], rblobs)
        return call_back

    def _run(self, action):
        """Run `action` with captured output and warnings; return the reply fields."""
        out, err = _CappedText(), _CappedText()
        saved = sys.stdout, sys.stderr
        sys.stdout, sys.stderr = out, err
        reply: dict = {}
        caught: list = []
        try:
            with warnings.catch_warnings(record=True) as recorded:
                warnings.simplefilter("always")
                # The default numpy error state, whatever the submission set before.
                with np.errstate(over="warn", divide="warn", invalid="warn", under="ignore"):
                    try:
                        self.alerts.active = True
                        reply["value"] = action()
                    finally:
                        self.alerts.active = False
                        caught = list(recorded)
        except BaseException as exc:  # noqa: BLE001 - SystemExit and KeyboardInterrupt included
            reply["error"] = _error_payload(exc)
        finally:
            self.pristine.restore()
            sys.stdout, sys.stderr = saved
        reply["stdout"], reply["stderr"] = out.value(), err.value()
        reply["warnings"] = [{"category": w.category.__name__[:100], "message": str(w.message)[:500]}
                             for w in caught[:20]]
        reply["alerts"] = self.alerts.drain()
        return reply

    def load(self, source: str, module_name: str) -> dict:
        module = types.ModuleType(module_name)
        module.__file__ = SUBMISSION_FILE
        sys.modules[module_name] = module

        def execute():
            exec(compile(source, SUBMISSION_FILE, "exec"), module.__dict__)  # noqa: S102 - the point
            return sorted(k for k, v in vars(module).items() if callable(v) and not k.startswith("_"))

        reply = self._run(execute)
        if "error" not in reply:
            self.module = module
        return reply

    def _snapshots(self, arrays: list) -> list:
        """Copies of the arguments in reused buffers (fresh 800 kB allocations would page-fault each call)."""
        out, used = [], 0
        for a in arrays:
            size = a.nbytes
            if used + size > len(self._scratch):
                self._scratch = bytearray(max(2 * len(self._scratch), used + size))
            copy = np.frombuffer(self._scratch, dtype=a.dtype, count=a.size, offset=used).reshape(a.shape)
            np.copyto(copy, a)
            out.append(copy)
            used += size
        return out

    def call(self, name: str, args: list, kwargs: dict) -> dict:
        func = getattr(self.module, name, None)
        if not callable(func):
            return {"error": {"type": "AttributeError", "message": f"нет функции {name}", "line": None,
                              "traceback": ""}, "stdout": "", "stderr": "", "warnings": []}
        arrays = list(_arrays({"args": args, "kwargs": kwargs}))
        before = self._snapshots([a for _, a in arrays])
        reply = self._run(lambda: func(*args, **kwargs))
        # Report in-place changes of array arguments (nested in lists and dicts too),
        # so the trusted side can mirror them and `unchanged` sees what the student did.
        changed = [(path, a) for (path, a), b in zip(arrays, before) if not _same_bytes(a, b)]
        reply["mutated"] = [list(path) for path, _ in changed]
        reply["mutated_values"] = [a for _, a in changed]
        return reply

    def serve(self) -> None:
        while True:
            try:
                request, blobs = self.channel.receive()
            except EOFError:
                return
            op = request.get("op")
            self.request_id = request.get("id")
            if op == "load":
                reply = self.load(request["source"], request.get("module", "submission"))
            elif op == "call":
                args = protocol.decode(request["args"], blobs, self._callback)
                kwargs = protocol.decode(request["kwargs"], blobs, self._callback)
                reply = self.call(request["name"], args, kwargs)
            elif op == "ping":
                reply = {"value": "pong"}
            else:
                reply = {"error": {"type": "ProtocolError", "message": f"неизвестная операция {op}"}}
            self._send_reply(reply)

    def _send_reply(self, reply: dict) -> None:
        blobs: list[bytes] = []
        message = {k: v for k, v in reply.items() if k not in ("value", "mutated_values")}
        message["op"] = "reply"
        message["id"] = self.request_id
        try:
            if "value" in reply:
                message["value"] = protocol.encode(reply["value"], blobs)
            message["mutated_values"] = protocol.encode(reply.get("mutated_values", []), blobs)
        except protocol.ProtocolError as exc:
            blobs = []
            message.pop("value", None)
            message["mutated_values"] = []
            message["error"] = {"type": "ProtocolError", "message": str(exc), "line": None, "traceback": ""}
        except RecursionError:
            blobs = []
            message.pop("value", None)
            message["mutated_values"] = []
            message["error"] = {"type": "ProtocolError", "message": "слишком глубоко вложенная структура",
                                "line": None, "traceback": ""}
        try:
            self.channel.send(message, blobs)
        except protocol.ProtocolError as exc:  # over the bounds the trusted side accepts: nothing was sent
            message.pop("value", None)
            message["mutated_values"] = []
            message["error"] = {"type": "ProtocolError", "message": str(exc), "line": None, "traceback": ""}
            self.channel.send(message, [])


class Zygote:
    """Forks one fresh worker per submission from a process that already imported numpy.

    Starting Python and numpy costs ~90 ms of CPU; a fork costs ~2 ms. Only one
    child lives at a time: before the next one starts, every other process in
    the sandbox is killed and the scratch directories are wiped, so nothing
    survives from one submission to the next.

    A child must not be able to harm the zygote (and through it every later
    student): it runs in its own session, under a seccomp guard that refuses
    signals, rlimit, priority and affinity changes aimed at the zygote, and
    the zygote checks its own limits and priority before every fork anyway:
    if anything changed, it exits and the trusted side starts a fresh one.
    """

    WIPE_SECONDS = 5.0

    def __init__(self, control_fd: int, own_pid_namespace: bool, scratch_dirs: list[str], scratch_base: str | None,
                 child_uid: int | None, guard: bool):
        import socket
        self.control = socket.socket(fileno=control_fd)
        self.own_pid_namespace = own_pid_namespace
        self.scratch_dirs = list(scratch_dirs)
        self.base: str | None = None
        if scratch_base:  # reduced level: a private folder holding each child's own TMPDIR/HOME
            import tempfile
            self.base = tempfile.mkdtemp(prefix="nngrader-scratch-", dir=scratch_base)
            os.chmod(self.base, 0o711)
            self.scratch_dirs.append(self.base)
        self.child_uid = child_uid
        self.child: int | None = None
        self.child_session: int | None = None
        self.spawned = 0
        self.vitals = _vitals()
        self.guard = None
        if guard:
            import seccomp_filter
            self.guard = seccomp_filter.build_guard_program(os.getpid())

    def serve(self) -> None:
        import json
        import socket
        try:
            while True:
                try:
                    data, fds, _flags, _addr = socket.recv_fds(self.control, 4096, 2)
                except OSError:
                    return
                if not data:
                    return
                try:
                    request = json.loads(data)
                except ValueError:
                    request = {}
                if not isinstance(request, dict):
                    request = {}
                if request.get("op") == "spawn" and len(fds) == 2:
                    problem = self._problem()
                    if problem:  # the trusted side starts a fresh zygote
                        self.control.send(json.dumps({"error": problem}).encode())
                        return
                    self.spawn(fds, request)
                else:
                    for fd in fds:
                        os.close(fd)
                    if not self.clear():
                        self.control.send(b'{"error": "wipe"}')
                        return
                    self.control.send(b'{"cleared": true}')
        finally:
            self.clear()
            if self.base:
                try:
                    os.rmdir(self.base)
                except OSError:
                    pass

    def _problem(self) -> str | None:
        if _vitals() != self.vitals:
            return "tampered"
        if not self.clear():
            return "wipe"
        return None

    def spawn(self, fds: list[int], request: dict) -> None:
        import json
        home = None
        if self.base:
            self.spawned += 1
            home = os.path.join(self.base, str(self.spawned))
            os.mkdir(home, 0o700)
            if self.child_uid is not None:
                os.chown(home, self.child_uid, self.child_uid)
        pid = os.fork()
        if pid == 0:
            self._become_worker(fds, request, home)
        for fd in fds:
            os.close(fd)
        self.child = pid
        self.child_session = pid  # the child starts its own session at once
        self.control.send(json.dumps({"pid": pid}).encode())

    def _become_worker(self, fds: list[int], request: dict, home: str | None) -> None:
        import resource
        try:
            self.control.close()
            os.setsid()  # kill(0, ...) and job control reach only this submission's processes
            if self.child_uid is not None:
                _drop_privileges(self.child_uid)
            if home:
                os.chdir(home)
                os.environ.update(HOME=home, TMPDIR=home)
                if "tempfile" in sys.modules:
                    sys.modules["tempfile"].tempdir = None
            if self.guard is not None:
                import seccomp_filter
                seccomp_filter.install(self.guard)
            cpu = int(request.get("cpu_seconds", 60))
            resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
            Worker(Channel(fds[0], fds[1])).serve()
        finally:
            os._exit(0)

    def clear(self) -> bool:
        """Kill what the previous submission left running and wipe the scratch space; False if not clean."""
        import signal
        import time
        victims = self._others()
        for _ in range(50):
            for pid in victims:
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass
            self._reap()
            victims = self._others()
            if not victims:
                break
        self.child = self.child_session = None
        deadline = time.monotonic() + self.WIPE_SECONDS
        clean = True
        for folder in self.scratch_dirs:
            clean &= wipe.wipe(folder, deadline)
        return clean

    @staticmethod
    def _reap() -> None:
        while True:
            try:
                pid, _ = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return

    def _others(self) -> list[int]:
        """Processes of the previous submission still alive.

        In our own pid namespace: every process but ourselves and its init (pid 1).
        Without one (reduced level): the child's session — a grandchild that starts
        a session of its own escapes, one of the reasons grading refuses that level.
        """
        if not self.own_pid_namespace and self.child_session is None:
            return []
        me = os.getpid()
        out = []
        for name in os.listdir("/proc") if os.path.isdir("/proc") else []:
            if name.isdigit() and int(name) not in (1, me):
                try:
                    with open(f"/proc/{name}/stat") as f:
                        fields = f.read().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                if fields[0] == "Z":
                    continue
                if self.own_pid_namespace or int(fields[3]) == self.child_session:
                    out.append(int(name))
        if not self.own_pid_namespace and self.child and self.child not in out:
            out.append(self.child)  # not Linux (no /proc): at least the child itself
        return out


def _vitals() -> tuple:
    """The zygote's own limits, priority and CPU set: a child that changed them harms later students."""
    import resource
    limits = tuple(resource.getrlimit(getattr(resource, name)) for name in sorted(dir(resource))
                   if name.startswith("RLIMIT_"))
    try:
        affinity = tuple(sorted(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        affinity = ()
    try:
        priority = os.getpriority(os.PRIO_PROCESS, 0)
    except (AttributeError, OSError):
        priority = 0
    return limits, priority, affinity


def _drop_privileges(uid: int) -> None:
    """Become `uid` for real (groups, gid, uid; saved ids too): from root there is no way back."""
    os.setgroups([])
    os.setresgid(uid, uid, uid)
    os.setresuid(uid, uid, uid)


# Imported before the reduced level drops root: the interpreter may live where the
# unprivileged uid cannot read (a pyenv under /root); then only these (and what numpy
# imported) can be imported by a submission. The full level mounts the interpreter readable.
_PRELOAD = ("math", "cmath", "random", "statistics", "itertools", "functools", "collections", "copy", "typing",
            "dataclasses", "numbers", "decimal", "fractions", "operator", "heapq", "bisect", "string", "re",
            "time", "tempfile", "json", "struct", "stat", "fcntl", "ctypes", "signal", "resource", "socket",
            "threading", "subprocess", "pickle", "hashlib", "glob", "pathlib", "shutil", "gc", "inspect",
            "contextlib", "enum", "abc", "array", "queue", "zlib", "base64", "csv", "io", "textwrap", "pprint",
            "numpy.random", "numpy.linalg", "numpy.fft", "numpy.polynomial", "numpy.testing")


def _world_readable_tree(path: str) -> bool:
    """Can any uid list `path` (o+r) and reach it (o+x on it and every parent)?"""
    import stat
    try:
        if not os.stat(path).st_mode & stat.S_IROTH:
            return False
        while True:
            if not os.stat(path).st_mode & stat.S_IXOTH:
                return False
            parent = os.path.dirname(path)
            if parent == path:
                return True
            path = parent
    except OSError:
        return False


def _preload() -> None:
    """Import _PRELOAD now if the unprivileged uid will not be able to (costs ~0.2 s, so only then)."""
    import importlib
    import sysconfig
    if all(_world_readable_tree(p) for p in {sysconfig.get_paths()["stdlib"], os.path.dirname(np.__file__)}):
        return
    for name in _PRELOAD:
        try:
            importlib.import_module(name)
        except ImportError:
            pass


def _quiet_standard_streams() -> None:
    """Point fds 0-2 away from anything the parent reads."""
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)


def _options(args: list[str]) -> dict:
    """worker.py [--seccomp | --seccomp-if-available] [--uid N]
                 (--fds R W | --zygote FD [--pidns] [--scratch DIR]... [--scratch-base PARENT])"""
    opts: dict = {"seccomp": False, "seccomp_try": False, "uid": None, "fds": None, "zygote": None, "pidns": False,
                  "scratch": [], "scratch_base": None}
    it = iter(args)
    for arg in it:
        if arg == "--seccomp":
            opts["seccomp"] = True
        elif arg == "--seccomp-if-available":
            opts["seccomp_try"] = True
        elif arg == "--uid":
            opts["uid"] = int(next(it))
        elif arg == "--fds":
            opts["fds"] = (int(next(it)), int(next(it)))
        elif arg == "--zygote":
            opts["zygote"] = int(next(it))
        elif arg == "--pidns":
            opts["pidns"] = True
        elif arg == "--scratch":
            opts["scratch"].append(next(it))
        elif arg == "--scratch-base":
            opts["scratch_base"] = next(it)
    return opts


def main() -> None:
    _quiet_standard_streams()
    opts = _options(sys.argv[1:])
    if opts["uid"] is not None:
        _preload()
    if opts["seccomp"] or opts["seccomp_try"]:
        import seccomp_filter
        try:
            seccomp_filter.install()
        except OSError:
            if opts["seccomp"]:  # required (full level): better no worker than an unfiltered one
                raise
            opts["seccomp_try"] = False  # reduced level on a kernel without seccomp: run without it
    opts["seccomp"] = opts["seccomp"] or opts["seccomp_try"]
    if opts["zygote"] is not None:
        import ctypes
        ctypes.CDLL(None).prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE 0: children cannot open our /proc files
        Zygote(opts["zygote"], opts["pidns"], opts["scratch"] or ([] if opts["scratch_base"] else [os.getcwd()]),
               opts["scratch_base"], opts["uid"], opts["seccomp"]).serve()
    else:
        if opts["uid"] is not None:  # a standalone worker under root (reduced level): no way back to root
            _drop_privileges(opts["uid"])
        Worker(Channel(*opts["fds"])).serve()


if __name__ == "__main__":
    main()
