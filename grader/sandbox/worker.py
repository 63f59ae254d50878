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

import protocol  # noqa: E402

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
    return {"type": type(exc).__name__, "base": base, "message": _safe_str(exc),
            "line": frames[-1].lineno if frames else None, "traceback": text[-4000:]}


class _Pristine:
    """Snapshots of the modules the worker itself relies on, restored after student code runs.

    A submission may overwrite `builtins.isinstance` or `numpy.frombuffer`;
    that must not break the worker's own encoding of the next reply.
    """

    def __init__(self, *modules: types.ModuleType):
        self.saved = [(m, dict(vars(m))) for m in modules]

    def restore(self) -> None:
        for module, namespace in self.saved:
            current = vars(module)
            for key in [k for k in current if k not in namespace]:
                del current[key]
            current.update(namespace)


class Worker:
    def __init__(self, channel: Channel):
        self.channel = channel
        self.module: types.ModuleType | None = None
        import builtins
        import json
        import struct
        self.pristine = _Pristine(builtins, np, json, struct, protocol, sys)
        self.request_id = None

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
                        reply["value"] = action()
                    finally:
                        caught = list(recorded)
        except BaseException as exc:  # noqa: BLE001 - SystemExit and KeyboardInterrupt included
            reply["error"] = _error_payload(exc)
        finally:
            self.pristine.restore()
            sys.stdout, sys.stderr = saved
        reply["stdout"], reply["stderr"] = out.value(), err.value()
        reply["warnings"] = [{"category": w.category.__name__, "message": str(w.message)[:500]}
                             for w in caught[:20]]
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

    def call(self, name: str, args: list, kwargs: dict) -> dict:
        func = getattr(self.module, name, None)
        if not callable(func):
            return {"error": {"type": "AttributeError", "message": f"нет функции {name}", "line": None,
                              "traceback": ""}, "stdout": "", "stderr": "", "warnings": []}
        before = [a.copy() if isinstance(a, np.ndarray) else None for a in args]
        reply = self._run(lambda: func(*args, **kwargs))
        # Report in-place changes of array arguments so the trusted side can mirror them.
        reply["mutated"] = [i for i, (a, b) in enumerate(zip(args, before))
                            if b is not None and not np.array_equal(a, b, equal_nan=True)]
        reply["mutated_values"] = [args[i] for i in reply["mutated"]]
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
        self.channel.send(message, blobs)


def main() -> None:
    rfd, wfd = int(sys.argv[1]), int(sys.argv[2])
    # Point the standard streams away from anything the parent reads.
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    if len(sys.argv) > 3 and sys.argv[3] == "--seccomp":
        import seccomp_filter
        seccomp_filter.install()
    Worker(Channel(rfd, wfd)).serve()


if __name__ == "__main__":
    main()
