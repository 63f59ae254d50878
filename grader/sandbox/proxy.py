"""The trusted side of the boundary: a module-like proxy to the sandboxed submission.

`SandboxedSubmission.relu(x)` encodes the arguments as plain data, runs the
call in the worker, and returns the decoded value. Warnings raised in the
worker are re-raised here (so `no_warnings` works unchanged), exceptions come
back as the same builtin type with the student's line, and a hung or dead
worker costs only the call in progress: the next call starts a new one.
In-place changes to array arguments are reported (`inplace`), never written
back into the test's objects: they may be module-level state shared by every
submission of the batch, or inputs the test still needs for expected values.
"""
from __future__ import annotations

import builtins
import select
import time
import warnings
from typing import Any, Callable

from ..redaction import redact, type_name
from . import inplace, protocol
from .launcher import FULL, WorkerLimits, WorkerProcess, ZygoteHost


MAX_LOAD_MESSAGE = 500
MAX_ALERTS, MAX_ALERT_TEXT = 20, 200  # what the worker's audit hook may report, whatever it sends


class StudentCodeError(Exception):
    """An exception raised by student code whose type is not a builtin we can rebuild."""


class SandboxFailure(AssertionError):
    """The worker hung, died or broke the protocol: the current test fails with this Russian message."""

    def __init__(self, message: str, kind: str):
        super().__init__(message)
        self.details = {"kind": kind}


class SubmissionLoadFailed(Exception):
    """The submission could not be executed in the worker; the message is Russian."""


def _rebuild_exception(error: dict) -> BaseException:
    name = str(error.get("type"))
    kind = getattr(builtins, name, None)
    message = str(error.get("message", ""))
    if not isinstance(kind, type):  # a custom or library exception: rebuild its nearest builtin ancestor
        kind = getattr(builtins, str(error.get("base")), None)
        message = f"{name}: {message}"
    if isinstance(kind, type) and issubclass(kind, Exception) and kind.__module__ == "builtins":
        try:
            exc = kind(message)
        except Exception:  # noqa: BLE001 - exotic constructors (UnicodeError subclasses)
            exc = StudentCodeError(f"{error.get('type')}: {message}")
    elif error.get("type") in ("SystemExit", "KeyboardInterrupt", "GeneratorExit"):
        exc = StudentCodeError(f"решение вызвало {error.get('type')} (exit/прерывание) — так завершать функцию нельзя")
    else:
        exc = StudentCodeError(message if message.startswith(f"{name}:") else f"{name}: {message}")
    exc.student_type = name  # type: ignore[attr-defined]
    line = error.get("line")
    exc.student_line = line if type(line) is int else None  # type: ignore[attr-defined]  # shown as is
    exc.student_traceback = error.get("traceback", "")  # type: ignore[attr-defined]
    return exc


_WARNING_TYPES = {name: getattr(builtins, name) for name in dir(builtins)
                  if isinstance(getattr(builtins, name), type) and issubclass(getattr(builtins, name), Warning)}


class SandboxedSubmission:
    """A submission that lives in a worker process; attribute access gives remote functions."""

    copies_arguments = True  # the worker gets copies by construction: the harness need not make them

    def __init__(self, source: str, *, module_name: str, level: str = FULL, limits: WorkerLimits = WorkerLimits(),
                 call_timeout_s: float = 10.0, budget_s: float = 120.0, slot: int = 0,
                 host: ZygoteHost | None = None):
        self._source = source
        self._module_name = module_name
        self._level = level
        self._limits = limits
        self._call_timeout = call_timeout_s
        self._budget_left = budget_s
        self._slot = slot
        self._host = host
        self._worker: WorkerProcess | None = None
        self._request_id = 0
        self._timed_out: set[str] = set()
        self.functions: list[str] = []
        self.alerts: list[str] = []  # Russian lines: what the submission reached for (grader.sandbox.alerts)
        self.restarts = 0
        self.last_output = ""
        self._start()

    # ------------------------------------------------------------ lifecycle
    def _start(self) -> None:
        self._worker = self._host.spawn() if self._host is not None else \
            WorkerProcess(self._level, self._limits, self._slot)
        reply = self._exchange({"op": "load", "source": self._source, "module": self._module_name}, [], {},
                               timeout=self._call_timeout, what="импорт решения")
        if "error" in reply:
            error = reply["error"]
            line = f", строка {error['line']}" if type(error.get("line")) is int else ""
            self.close()
            # Import happens before any hidden input exists: the text is kept, only bounded (it is
            # repeated in every test's result).
            message = " ".join(str(error.get("message", "")).split())
            message = message if len(message) <= MAX_LOAD_MESSAGE else message[:MAX_LOAD_MESSAGE - 1] + "…"
            raise SubmissionLoadFailed(f"ошибка при импорте решения{line}: {type_name(str(error.get('type')))}: "
                                       f"{message}")
        self.functions = list(protocol.decode(reply["value"], []))
        self._note_alerts(reply)

    def close(self) -> None:
        if self._worker is not None:
            self._worker.stop()
            self._worker = None

    def __del__(self) -> None:  # pragma: no cover - best effort
        try:
            self.close()
        except Exception:  # noqa: BLE001
            pass

    # ------------------------------------------------------------ calls
    def __getattr__(self, name: str) -> Callable:
        if name.startswith("_") or name not in self.functions:
            raise AttributeError(name)
        return lambda *args, **kwargs: self.call(name, args, kwargs)

    def call(self, name: str, args: tuple, kwargs: dict) -> Any:
        # A function that hung once is not run again: an infinite loop costs one timeout, not one per test.
        if name in self._timed_out:
            raise SandboxFailure(f"вызов {name}(): эта функция уже превысила лимит времени в другом тесте и "
                                 "больше не запускается", "timeout")
        if self._budget_left <= 0:
            raise SandboxFailure(f"вызов {name}(): исчерпан общий лимит времени на решение", "budget")
        if self._worker is None:
            self.restarts += 1
            self._start()
        registry: list[Callable] = []

        def register(fn: Callable) -> int:
            registry.append(fn)
            return len(registry) - 1

        blobs: list[bytes] = []
        try:
            message = {"op": "call", "name": name, "args": protocol.encode(list(args), blobs, register),
                       "kwargs": protocol.encode(dict(kwargs), blobs, register)}
        except protocol.ProtocolError as exc:
            raise TypeError(f"тест передал непередаваемое значение: {exc}") from None
        try:
            reply = self._exchange(message, blobs, dict(enumerate(registry)), timeout=self._call_timeout,
                                   what=f"вызов {name}()")
        except SandboxFailure as failure:
            if failure.details["kind"] == "timeout":
                self._timed_out.add(name)
            raise
        self.last_output = (reply.get("stdout") or "") + (reply.get("stderr") or "")
        self._note_alerts(reply)
        for w in reply.get("warnings", []):
            category = _WARNING_TYPES.get(w.get("category"), UserWarning)
            # The student's text, shown in feedback: numbers (hidden inputs) redacted, length capped.
            warnings.warn_explicit(redact(str(w.get("message"))), category, "submission.py", 0)
        self._report_writes({"args": args, "kwargs": kwargs}, reply)
        if "error" in reply:
            raise _rebuild_exception(reply["error"])
        return reply["value"]

    def _note_alerts(self, reply: dict) -> None:
        """Keep what the worker's audit hook saw the submission reach for (bounded: the worker is not trusted)."""
        found = reply.get("alerts")
        if not isinstance(found, list):
            return
        for text in found[:MAX_ALERTS]:
            if isinstance(text, str) and len(self.alerts) < MAX_ALERTS:
                text = " ".join(text.split())[:MAX_ALERT_TEXT]
                if text not in self.alerts:
                    self.alerts.append(text)

    @staticmethod
    def _report_writes(arguments: dict, reply: dict) -> None:
        """Tell `inplace` which arguments the worker changed (located by path); nothing is copied back."""
        paths = reply.get("mutated")
        if not isinstance(paths, list):
            return
        for path in paths[:1000]:
            target: Any = arguments
            try:
                for part in path:
                    target = target[part]
            except Exception:  # noqa: BLE001 - a path the worker made up: still counts as a write, watches nothing
                target = None
            inplace.report_write(target)

    def _exchange(self, message: dict, blobs: list[bytes], callbacks: dict[int, Callable], *,
                  timeout: float, what: str) -> dict:
        """Send a request and serve callbacks until the reply arrives, within the time limits."""
        worker = self._worker
        assert worker is not None
        started = time.monotonic()
        deadline = started + min(timeout, max(self._budget_left, 0.0))
        self._request_id += 1
        message["id"] = self._request_id
        try:
            # Every read and write has the deadline: a worker that stops mid-frame, stops reading
            # or floods callback frames costs this call's timeout, never a hung grader.
            protocol.write_message(worker.writer, message, blobs, deadline)
            while True:
                remaining = deadline - time.monotonic()
                ready, _, _ = select.select([worker.reader], [], [], max(remaining, 0))
                if not ready or remaining <= 0:
                    self._fail_timeout(what, timeout)
                header, rblobs = protocol.read_message(worker.reader, deadline)
                if header.get("op") == "callback":
                    self._serve_callback(header, rblobs, callbacks, worker, deadline)
                    continue
                if header.get("id") != self._request_id:
                    continue  # a stale or forged frame: the reply to this request is still to come
                header["value"] = protocol.decode(header["value"], rblobs) if "value" in header else None
                header["mutated_values"] = protocol.decode(header.get("mutated_values", []), rblobs)
                return header
        except protocol.ChannelTimeout:
            self._fail_timeout(what, timeout)
        except (EOFError, BrokenPipeError, OSError, protocol.ProtocolError, ValueError, KeyError) as exc:
            self.close()
            if isinstance(exc, protocol.ProtocolError):
                raise SandboxFailure(f"{what}: решение вернуло недопустимые данные: {exc}", "protocol") from None
            raise SandboxFailure(
                f"{what}: процесс решения аварийно завершился (превышен лимит памяти или процессов, "
                "вызван os._exit или сигнал). Остальные тесты продолжаются", "crash") from None
        finally:
            self._budget_left -= time.monotonic() - started

    def _fail_timeout(self, what: str, timeout: float) -> None:
        self.close()
        if self._budget_left - timeout <= 0:
            raise SandboxFailure(f"{what}: исчерпан общий лимит времени на решение", "budget")
        raise SandboxFailure(f"{what}: превышен лимит времени {timeout:g} с (бесконечный цикл или слишком "
                             "медленный код?)", "timeout")

    @staticmethod
    def _serve_callback(header: dict, blobs: list[bytes], callbacks: dict[int, Callable], worker,
                        deadline: float | None = None) -> None:
        fn = callbacks.get(int(header.get("callback", -1)))
        out_blobs: list[bytes] = []
        try:
            if fn is None:
                raise KeyError("нет такой функции обратного вызова")
            args = protocol.decode(header["args"], blobs)
            kwargs = protocol.decode(header["kwargs"], blobs)
            reply = {"op": "callback-reply", "ok": protocol.encode(fn(*args, **kwargs), out_blobs)}
        except Exception as exc:  # noqa: BLE001 - report to the student's code as an error
            out_blobs = []
            reply = {"op": "callback-reply", "error": f"{type(exc).__name__}: {exc}"}
        protocol.write_message(worker.writer, reply, out_blobs, deadline)

    @property
    def budget_left(self) -> float:
        return self._budget_left
